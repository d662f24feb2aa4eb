//! Native modules a firmware registers: Python code calls Rust functions (`import board;
//! board.led(1)`), the way a port's `machine` module works (after py/objmodule.c's built-in
//! module table and py/objfun.c's `mp_obj_fun_builtin_*` argument checks).
//!
//! A firmware declares each module as a `static` slice of [`NativeFn`] and registers it with
//! [`Vm::register_module`] before running code; nothing is allocated until Python imports
//! the module. A native function receives its positional arguments as `&[Obj]` (the count
//! already checked against [`NativeFn::min_args`]/[`NativeFn::max_args`]) and uses the
//! public helpers on [`Vm`] to convert them ([`Vm::int_arg`], [`Vm::float_arg`],
//! [`Vm::bool_arg`], [`Vm::str_arg`]), build results ([`Vm::new_int`], [`Vm::new_float`],
//! [`Vm::new_str`], [`Vm::new_bytes`], [`Vm::new_tuple_from`], [`Obj::none`], [`Obj::bool`])
//! and raise exceptions ([`Vm::raise`], [`Vm::raise_os_error`]).
//!
//! Interrupts reach Python as MicroPython's soft IRQs do: an interrupt handler calls
//! [`crate::IrqLine::trigger`] on a `static` line, and the Python callable a native function
//! attached with [`Vm::set_irq_handler`] (say `board.timer(period, handler)`) is scheduled at
//! the VM's next branch, as `micropython.schedule` would.
//!
//! ```
//! use runtime_min::{ExcType, MpyList, NativeFn, Obj, Output, PyResult, Vm};
//!
//! fn led(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
//!     let on = vm.int_arg(args[0])?;
//!     if !(0..=1).contains(&on) {
//!         return Err(vm.raise(ExcType::ValueError, "led state must be 0 or 1"));
//!     }
//!     // ... drive the pin ...
//!     Ok(Obj::none())
//! }
//!
//! fn ticks_ms(vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
//!     vm.new_int(1234)
//! }
//!
//! static BOARD: &[NativeFn] = &[NativeFn::new("led", 1, led)];
//! static TIME: &[NativeFn] = &[NativeFn::new("ticks_ms", 0, ticks_ms)];
//!
//! struct Sink;
//! impl Output for Sink {
//!     fn write(&mut self, _bytes: &[u8]) {}
//! }
//!
//! let mut heap = [0u8; 8192];
//! let mut out = Sink;
//! let source = MpyList { modules: &[] };
//! let mut vm = Vm::new(&mut heap, &source, &mut out).expect("heap");
//! vm.register_module("board", BOARD).expect("register board");
//! vm.register_module("time", TIME).expect("register time");
//! // vm.run_module(app_mpy, "main") now runs `import board; board.led(1)`.
//! ```

use crate::builtins::{self as b, funcs::check_n};
use crate::heap::Kind;
use crate::obj::{Imm, Obj};
use crate::vm::call::Args;
use crate::vm::{PyResult, Raised, Vm};

/// The signature of a native function: the VM and the positional arguments.
pub type NativeFnPtr = for<'x> fn(&mut Vm<'x>, &[Obj]) -> PyResult<Obj>;

/// Maximum number of native modules registered on one VM.
pub const MAX_NATIVE_MODULES: usize = 8;
/// Maximum number of positional arguments of a native function.
pub const MAX_NATIVE_ARGS: usize = 8;
/// Maximum number of functions in one native module.
pub const MAX_NATIVE_FNS: usize = 256;

/// A function of a native module.
#[derive(Clone, Copy)]
pub struct NativeFn {
    /// The attribute name in the module.
    pub name: &'static str,
    /// Fewest positional arguments accepted.
    pub min_args: u8,
    /// Most positional arguments accepted (at most [`MAX_NATIVE_ARGS`]).
    pub max_args: u8,
    /// The Rust function.
    pub func: NativeFnPtr,
}

impl NativeFn {
    /// A function taking exactly `n_args` positional arguments.
    pub const fn new(name: &'static str, n_args: u8, func: NativeFnPtr) -> Self {
        NativeFn {
            name,
            min_args: n_args,
            max_args: n_args,
            func,
        }
    }

    /// A function taking `min_args..=max_args` positional arguments.
    pub const fn var(name: &'static str, min_args: u8, max_args: u8, func: NativeFnPtr) -> Self {
        NativeFn {
            name,
            min_args,
            max_args,
            func,
        }
    }
}

impl core::fmt::Debug for NativeFn {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name)
    }
}

/// Why [`Vm::register_module`] refused a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterError {
    /// [`MAX_NATIVE_MODULES`] modules are registered already.
    TooManyModules,
    /// The name is a built-in module or already registered (nothing is shadowed).
    NameTaken,
    /// An empty module name, more than [`MAX_NATIVE_FNS`] functions, or a function with
    /// `min_args > max_args` or `max_args > MAX_NATIVE_ARGS`.
    Invalid,
}

/// Built-in exception types a native function can raise with [`Vm::raise`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExcType {
    /// `Exception`.
    Exception,
    /// `TypeError`.
    TypeError,
    /// `ValueError`.
    ValueError,
    /// `OSError` (see also [`Vm::raise_os_error`]).
    OSError,
    /// `RuntimeError`.
    RuntimeError,
    /// `IndexError`.
    IndexError,
    /// `KeyError`.
    KeyError,
    /// `AttributeError`.
    AttributeError,
    /// `OverflowError`.
    OverflowError,
    /// `ZeroDivisionError`.
    ZeroDivisionError,
    /// `NotImplementedError`.
    NotImplementedError,
}

impl ExcType {
    fn type_id(self) -> u32 {
        match self {
            ExcType::Exception => b::T_EXCEPTION,
            ExcType::TypeError => b::T_TYPE_ERROR,
            ExcType::ValueError => b::T_VALUE_ERROR,
            ExcType::OSError => b::T_OS_ERROR,
            ExcType::RuntimeError => b::T_RUNTIME_ERROR,
            ExcType::IndexError => b::T_INDEX_ERROR,
            ExcType::KeyError => b::T_KEY_ERROR,
            ExcType::AttributeError => b::T_ATTRIBUTE_ERROR,
            ExcType::OverflowError => b::T_OVERFLOW_ERROR,
            ExcType::ZeroDivisionError => b::T_ZERO_DIVISION_ERROR,
            ExcType::NotImplementedError => b::T_NOT_IMPLEMENTED_ERROR,
        }
    }
}

/// The registered native modules of a VM.
#[derive(Clone, Copy)]
pub(crate) struct NativeModules {
    names: [&'static str; MAX_NATIVE_MODULES],
    fns: [&'static [NativeFn]; MAX_NATIVE_MODULES],
    len: usize,
}

impl NativeModules {
    pub(crate) const fn new() -> Self {
        NativeModules {
            names: [""; MAX_NATIVE_MODULES],
            fns: [&[]; MAX_NATIVE_MODULES],
            len: 0,
        }
    }

    fn position(&self, name: &[u8]) -> Option<usize> {
        self.names
            .get(..self.len)?
            .iter()
            .position(|n| n.as_bytes() == name)
    }

    /// The function behind `Imm::Native(n)`.
    fn get(&self, n: u32) -> Option<&'static NativeFn> {
        let module = (n >> 16) as usize;
        if module >= self.len {
            return None;
        }
        self.fns.get(module)?.get((n & 0xffff) as usize)
    }
}

impl<'a> Vm<'a> {
    /// Register native module `name` with functions `fns`: `import name` and
    /// `from name import f` then find them. Built-in modules (`sys`, `math`, `micropython`,
    /// `collections`) cannot be replaced; a registered module is found before a frozen one
    /// of the same name, as MicroPython's built-in modules are.
    pub fn register_module(
        &mut self,
        name: &'static str,
        fns: &'static [NativeFn],
    ) -> Result<(), RegisterError> {
        let valid_fn =
            |f: &NativeFn| f.min_args <= f.max_args && usize::from(f.max_args) <= MAX_NATIVE_ARGS;
        if name.is_empty() || fns.len() > MAX_NATIVE_FNS || !fns.iter().all(valid_fn) {
            return Err(RegisterError::Invalid);
        }
        if b::is_builtin_module(name.as_bytes()) || self.natives.position(name.as_bytes()).is_some()
        {
            return Err(RegisterError::NameTaken);
        }
        let i = self.natives.len;
        if i >= MAX_NATIVE_MODULES {
            return Err(RegisterError::TooManyModules);
        }
        self.natives.names[i] = name;
        self.natives.fns[i] = fns;
        self.natives.len += 1;
        Ok(())
    }

    /// The module object of registered native module `name`, created on first import.
    pub(crate) fn native_module(&mut self, name: &[u8]) -> PyResult<Option<Obj>> {
        let Some(index) = self.natives.position(name) else {
            return Ok(None);
        };
        let fns = self.natives.fns.get(index).copied().unwrap_or(&[]);
        let base = self.roots_len();
        let r = (|| {
            let (m, g) = b::new_module(self, name)?;
            for (i, f) in fns.iter().enumerate() {
                let key = self.new_str(f.name)?;
                #[allow(clippy::cast_possible_truncation)]
                let v = Obj::imm(Imm::Native, ((index as u32) << 16) | i as u32);
                self.dict_store(g, key, v)?;
            }
            Ok(Some(m))
        })();
        self.truncate_roots(base);
        r
    }

    /// Call native function `Imm::Native(n)`: check the argument count as MicroPython's
    /// built-in functions do, then pass the positional arguments as a slice.
    pub(crate) fn call_native(&mut self, n: u32, a: &Args) -> PyResult<Obj> {
        let Some(f) = self.natives.get(n) else {
            return Err(self.raise_msg_str(b::T_TYPE_ERROR, "object isn't callable"));
        };
        check_n(self, a, u32::from(f.min_args), u32::from(f.max_args))?;
        let mut buf = [Obj::NULL; MAX_NATIVE_ARGS];
        let n_args = (a.n_pos as usize).min(MAX_NATIVE_ARGS);
        for (i, slot) in (0u32..).zip(buf.iter_mut().take(n_args)) {
            *slot = self.arg(a, i);
        }
        let base = self.roots_len();
        let r = (f.func)(self, buf.get(..n_args).unwrap_or(&[]));
        self.truncate_roots(base);
        r.map(|o| if o.is_null() { Obj::NONE } else { o })
    }

    // ----- helpers for native functions -----

    /// An `int` (or `bool`) argument as i64; `TypeError` otherwise, `OverflowError` if it
    /// does not fit 64 bits.
    pub fn int_arg(&mut self, o: Obj) -> PyResult<i64> {
        match self.int_to_i64(o) {
            Some(v) => Ok(v),
            None if self.is_kind(o, Kind::BigInt) => Err(self.machine_word_overflow()),
            // The TypeError.
            None => self.get_int(o),
        }
    }

    /// A `float`, `int` or `bool` argument, or an object whose `__float__` returns a float,
    /// as f64; `TypeError` otherwise.
    pub fn float_arg(&mut self, o: Obj) -> PyResult<f64> {
        if let Some(f) = self.float_of(o) {
            return Ok(f);
        }
        if self.is_kind(o, Kind::Instance) {
            if let Some(r) = self.call_special(o, "__float__", &[])? {
                if let Some(f) = self.float_value(r) {
                    return Ok(f);
                }
                let t = self.type_name(r);
                return Err(self.raise_parts(
                    b::T_TYPE_ERROR,
                    &[&"__float__ returned non-float (type ", &t, &")"],
                ));
            }
        }
        let t = self.type_name(o);
        Err(self.raise_parts(b::T_TYPE_ERROR, &[&"can't convert ", &t, &" to float"]))
    }

    /// The truth value of any argument (`bool(o)`; may call `__bool__`/`__len__`).
    pub fn bool_arg(&mut self, o: Obj) -> PyResult<bool> {
        self.is_true(o)
    }

    /// A `str` argument's text; `TypeError` otherwise.
    pub fn str_arg(&mut self, o: Obj) -> PyResult<&str> {
        if self.str_data(o).is_none() {
            return Err(self.bad_implicit_conversion(o));
        }
        let data = self.str_data(o).unwrap_or(&[]);
        Ok(core::str::from_utf8(data).unwrap_or(""))
    }

    /// A new `str` object.
    pub fn new_str(&mut self, s: &str) -> PyResult<Obj> {
        self.new_str_bytes(s.as_bytes())
    }

    /// Raise `ty(msg)`: `return Err(vm.raise(ExcType::ValueError, "bad pin"))`.
    pub fn raise(&mut self, ty: ExcType, msg: &str) -> Raised {
        self.raise_msg_str(ty.type_id(), msg)
    }

    /// Raise `OSError(errno)`, printed as MicroPython does (`OSError: [Errno 19] ENODEV`).
    pub fn raise_os_error(&mut self, errno: i32) -> Raised {
        match self.new_exception(b::T_OS_ERROR, &[Obj::small_sat(i64::from(errno))]) {
            Ok(e) => self.raise_obj(e),
            Err(r) => r,
        }
    }
}

/// The errno values the VM raises itself (py/mperrno.h): reading standard output or
/// writing standard input (sys_stdio_mphal.c), `select` on a stream it does not know, a
/// stream with no data yet.
pub(crate) const EPERM: i32 = 1;
pub(crate) const ENOENT: i32 = 2;
pub(crate) const EAGAIN: i32 = 11;
pub(crate) const EINVAL: i32 = 22;

/// The errno values MicroPython knows (py/moderrno.c's list): `OSError` text and the
/// `errno` module.
pub(crate) const ERRNO_NAMES: &[(i64, &str)] = &[
    (EPERM as i64, "EPERM"),
    (ENOENT as i64, "ENOENT"),
    (5, "EIO"),
    (9, "EBADF"),
    (EAGAIN as i64, "EAGAIN"),
    (12, "ENOMEM"),
    (13, "EACCES"),
    (17, "EEXIST"),
    (19, "ENODEV"),
    (21, "EISDIR"),
    (EINVAL as i64, "EINVAL"),
    (95, "EOPNOTSUPP"),
    (98, "EADDRINUSE"),
    (103, "ECONNABORTED"),
    (104, "ECONNRESET"),
    (105, "ENOBUFS"),
    (107, "ENOTCONN"),
    (110, "ETIMEDOUT"),
    (111, "ECONNREFUSED"),
    (113, "EHOSTUNREACH"),
    (114, "EALREADY"),
    (115, "EINPROGRESS"),
];

/// The name of an errno value MicroPython knows, for `OSError`.
pub(crate) fn errno_name(errno: i64) -> Option<&'static str> {
    ERRNO_NAMES
        .iter()
        .find(|(n, _)| *n == errno)
        .map(|(_, s)| *s)
}
