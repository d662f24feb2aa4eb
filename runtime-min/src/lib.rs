//! A `no_std` MicroPython 1.29 bytecode VM that runs frozen images and `.mpy` code in place
//! from flash.
//!
//! The firmware hands [`Vm::new`] a heap region; every Python object lives there under a
//! precise mark-and-sweep collector ([`heap`]). Code comes from a [`CodeSource`]: a frozen
//! image ([`FrozenImage`], docs/image-format.md) or `.mpy` files. Bytecode, qstr strings and
//! str/bytes constants are read in place, never copied.
//!
//! A firmware adds its own modules of Rust functions (`import board; board.led(1)`) with
//! [`Vm::register_module`]; see [`native`] for the API and an example. Its [`Output`] is
//! also the port's clock and idle wait, which `select.poll` (and so a frozen `asyncio`)
//! waits on.
//!
//! Cargo features (all on by default, as MicroPython's MICROPY_* options): `float` (the float
//! type, float literals, `/` on ints, `math`, float text), `bigint` (ints of any size; without
//! it ints are 64-bit), `complex`, `tstrings` (template strings) and the optional modules
//! `array` (with memoryview), `binascii`, `collections`, `hashlib`, `heapq`, `io`, `json`,
//! `random`, `re`, `select`, `struct` and `weakref`. A board that needs none builds with
//! `default-features = false` for about 80 KB less flash; code that uses a missing one then
//! stops with the error a MicroPython build without it gives (Cargo.toml lists them).
//! Off by default: `eval` (`eval`, `exec` and `compile` over a compiler the host provides,
//! `compiler`) and `std` (the host runner's pieces: `host_time`, `host_dir`, `host_compiler`
//! with mpy-cross).
#![no_std]

#[cfg(any(test, feature = "std"))]
extern crate std;

mod builtins;
#[cfg(feature = "eval")]
pub mod compiler;
mod frozen;
pub mod heap;
#[cfg(feature = "std")]
pub mod host_compiler;
#[cfg(feature = "std")]
pub mod host_dir;
#[cfg(feature = "std")]
pub mod host_time;
pub mod loader;
pub mod native;
pub mod obj;
mod object;
mod qstr_pool;
mod vm;

/// Native stack a host runner lets the VM use ([`Vm::stack_limit`]): far more than its call
/// depth (100) and 48 native levels need; what it catches is a step that recurses without them.
/// `mpy-run` and the test harness use it.
#[cfg(feature = "std")]
pub const HOST_STACK_LIMIT: usize = 1 << 20;

pub use loader::{CodeSource, FrozenImage, MpyList};
pub use native::{ExcType, NativeFn, NativeFnPtr, RegisterError};
pub use obj::Obj;
pub use vm::scheduler::{IrqLine, MAX_IRQ_HANDLERS};
pub use vm::{HeapTooSmall, Output, PyResult, Raised, Vm};

use object::print::Sink;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunOutcome {
    /// The module ran to completion.
    Ok,
    /// An exception escaped; its traceback was printed.
    Exception,
    /// The program (run as `__main__`, [`Vm::run_main`]) raised `SystemExit`: no traceback,
    /// as shared/runtime/pyexec.c with exit-code handling (the unix port) does, and this is
    /// its exit status: the value's low 8 bits when an int, 0 for None or no value; any other
    /// value was printed to the error stream and the status is 1.
    SystemExit(u8),
}

impl<'a> Vm<'a> {
    /// Load module `name` and run its top-level code: `data` is either that module's `.mpy`
    /// file or a frozen image (docs/image-format.md) holding `name.py` or `name/__init__.py`. An uncaught exception is
    /// printed (traceback to the error stream) and reported as [`RunOutcome::Exception`].
    /// The module runs as `import name` would run it (`__name__` is `name`).
    pub fn run_module(&mut self, data: &'a [u8], name: &str) -> RunOutcome {
        self.run_as(data, name, name)
    }

    /// Run module `name` as the program, as a board runs its `main.py` at boot (and
    /// `micropython -m name` does): like [`Vm::run_module`], but the module is `__main__`, so
    /// its `if __name__ == "__main__":` block runs.
    pub fn run_main(&mut self, data: &'a [u8], name: &str) -> RunOutcome {
        self.run_as(data, name, "__main__")
    }

    fn run_as(&mut self, data: &'a [u8], name: &str, run_name: &str) -> RunOutcome {
        let r = self.run_module_inner(data, name, run_name);
        match r {
            Ok(()) => RunOutcome::Ok,
            Err(Raised) => {
                let exc = self.exc;
                if run_name == "__main__"
                    && self.is_exception(exc)
                    && self.is_instance_of(exc, builtins::T_SYSTEM_EXIT)
                {
                    return RunOutcome::SystemExit(self.exit_status(exc));
                }
                self.print_traceback(exc);
                RunOutcome::Exception
            }
        }
    }

    /// The exit status of `SystemExit` instance `exc` (pyexec.c's exit-code handling): None
    /// or no value 0, an int its low 8 bits; any other value is printed (as `str`) to the
    /// error stream, status 1.
    fn exit_status(&mut self, exc: Obj) -> u8 {
        let args = self.heap.get_obj(exc.bits(), 2);
        if self.tuple_len(args) == 0 {
            return 0;
        }
        let value = self.heap.get_obj(args.bits(), 1);
        if value == Obj::NONE {
            return 0;
        }
        let is_int = value.as_small().is_some() || self.is_kind(value, heap::Kind::BigInt);
        if is_int && value != Obj::TRUE && value != Obj::FALSE {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            return self.get_int(value).map_or(0, |v| (v & 255) as u8);
        }
        let _ = self.print_obj(Sink::Err, value, false);
        let _ = self.sink_write(Sink::Err, b"\n");
        1
    }

    fn run_module_inner(&mut self, data: &'a [u8], name: &str, run_name: &str) -> PyResult<()> {
        let base = self.roots_len();
        let r = (|| {
            let name_obj = self.name_str(name.as_bytes())?;
            self.push_root(name_obj);
            let m = self.load_code(data, name_obj)?;
            self.push_root(m);
            self.store_module_file(m)?;
            let run_obj = if run_name == name {
                name_obj
            } else {
                let o = self.name_str(run_name.as_bytes())?;
                self.heap.set_obj(m.bits(), loader::M_NAME, o);
                o
            };
            let g = self.heap.get_obj(m.bits(), loader::M_GLOBALS);
            let key = Obj::qstr(qstr_pool::qstr!("__name__"));
            self.dict_store(g, key, run_obj)?;
            // `__main__` is not in `sys.modules` in MicroPython; `import __main__` finds it
            // among the built-in modules (py/modbuiltins.c's `__main__` is the main globals).
            let mods = if run_name == "__main__" {
                self.builtin_modules
            } else {
                self.modules
            };
            self.dict_store(mods, run_obj, m)?;
            self.run_module_code(m).map(drop)
        })();
        self.truncate_roots(base);
        r
    }

    /// Print an exception with its traceback, as MicroPython does.
    pub fn print_traceback(&mut self, exc: Obj) {
        self.exc = exc;
        let _ = self.print_traceback_inner(exc);
    }

    fn print_traceback_inner(&mut self, exc: Obj) -> PyResult<()> {
        if !self.is_exception(exc) {
            return self.sink_write(Sink::Err, b"exception is not an instance\n");
        }
        self.write_traceback(Sink::Err, exc)
    }

    /// The traceback of exception instance `exc`, then its `Type: message` line, to `sink`
    /// (obj.c's mp_obj_print_exception).
    pub(crate) fn write_traceback(&mut self, sink: Sink, exc: Obj) -> PyResult<()> {
        let tb = self.heap.get_obj(exc.bits(), 3);
        if self.is_kind(tb, heap::Kind::List) {
            self.sink_write(sink, b"Traceback (most recent call last):\n")?;
            let n = self.heap.get(tb.bits(), 0) / 3;
            let mut i = n;
            while i > 0 {
                i -= 1;
                let store = self.heap.get_obj(tb.bits(), 1).bits();
                let file = self.heap.get_obj(store, i * 3);
                let line = self.heap.get_obj(store, i * 3 + 1).as_small().unwrap_or(0);
                let block = self.heap.get_obj(store, i * 3 + 2);
                self.sink_write(sink, b"  File \"")?;
                self.sink_write_obj(sink, file)?;
                let mut nb = object::print::NumBuf::new();
                nb.push_str("\", line ");
                nb.push_int(line);
                // A compile error of the lexer or parser names no block.
                if block != Obj::NONE {
                    nb.push_str(", in ");
                }
                self.sink_write(sink, nb.as_bytes())?;
                if block != Obj::NONE {
                    self.sink_write_obj(sink, block)?;
                }
                self.sink_write(sink, b"\n")?;
            }
        }
        self.print_exception_line(sink, exc)
    }
}
