//! The VM state: heap, roots, loaded images, exceptions and the collector's root set
//! (after py/runtime.c and py/mpstate.h).

pub(crate) mod call;
pub(crate) mod dispatch;
pub mod scheduler;

use crate::builtins::{self, T_MEMORY_ERROR, T_RUNTIME_ERROR};
use crate::heap::{Heap, Kind};
use crate::loader::{self, CodeSource};
use crate::obj::{Obj, Qstr, QSTR_IMAGE_BIT};

/// Marker for "a Python exception is pending in `Vm::exc`".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raised;

/// Result of anything that can raise.
pub type PyResult<T> = Result<T, Raised>;

/// The port: where `print` output goes, where `input()` reads from, and the clock and idle
/// wait `select.poll` uses.
pub trait Output {
    /// Write bytes to standard output.
    fn write(&mut self, bytes: &[u8]);
    /// Write bytes to standard error (tracebacks); defaults to standard output.
    fn write_err(&mut self, bytes: &[u8]) {
        self.write(bytes);
    }
    /// Milliseconds on a free-running clock that wraps at 2**32 (mp_hal_ticks_ms), for
    /// `select.poll` timeouts. The default, None, is a port without a clock: a poll with a
    /// timeout then checks its streams once.
    fn ticks_ms(&mut self) -> Option<u32> {
        None
    }
    /// Wait for an event (an interrupt) for at most `ms` milliseconds, or without limit for
    /// None (mp_event_wait_ms / mp_event_wait_indefinite: a `wfi` on a board). Returning
    /// early is always allowed; the default returns at once, so a poll busy-waits.
    fn wait_event(&mut self, ms: Option<u32>) {
        let _ = ms;
    }
    /// Read one byte of standard input, waiting for it (`input()`, `sys.stdin`); None at the
    /// end of input. The default, a port without input, is always at its end.
    fn read_byte(&mut self) -> Option<u8> {
        None
    }
    /// Is standard input a serial terminal, that `input()` echoes to and edits lines on as
    /// MicroPython's readline does on a board (and whose `\r` the stream reads turn into
    /// `\n`)? The default, false, reads plain lines, as from a pipe or a host terminal.
    fn terminal(&self) -> bool {
        false
    }
}

/// Extra interned names the VM itself needs beyond mpy's static qstrs (ids follow them).
pub(crate) const EXTRA_QSTRS: &[&str] = &[
    "UnicodeError",
    "StopAsyncIteration",
    "closure",
    "__path__",
    "NoneType",
    "function",
    "bound_method",
    "generator",
    "module",
    "property",
    "cell",
    "iterator",
    "slice",
    "frozenset",
    "float",
    "NotImplemented",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__contains__",
    "__bool__",
    "__add__",
    "__sub__",
    "__mul__",
    "<lambda>",
    "<listcomp>",
    "builtin_function_or_method",
    "OrderedDict",
    "deque",
    "array",
    "memoryview",
    "TextIOWrapper",
    "StringIO",
    "BytesIO",
    "re",
    "match",
    "dict_view",
    "enumerate",
    "filter",
    "reversed",
    "FileIO",
    "complex",
    "real",
    "imag",
    "sha256",
    "IOBase",
    "__bases__",
    "__file__",
    "Template",
    "Interpolation",
    "__dict__",
    // The stream protocol's method, called on Python streams (no allocation for the name).
    "ioctl",
    // `select.poll`'s type name.
    "poll",
    // Type names: `compile()`'s code objects, `weakref.ref` and `weakref.finalize`.
    "code",
    "ref",
    "finalize",
];

/// Maximum number of images (modules) loaded at once.
const MAX_IMAGES: usize = 15;
/// The image slot of code compiled at run time (`eval`, `exec`, `compile`): one growing
/// buffer of many `.mpy` files, so its names are not unique by offset
/// (see `qstrs_distinct`). Image ids are 4 bits; the loaded images use the others.
#[cfg(feature = "eval")]
pub(crate) const COMPILED_IMAGE: u32 = MAX_IMAGES as u32;
/// Scratch root slots.
const MAX_ROOTS: usize = 128;
/// Frame root slots (absolute maximum Python call depth).
pub(crate) const MAX_FRAMES: usize = 160;

/// The virtual machine.
// `repr(C)` keeps this field order: the heap's memory slice first (read by almost every
// operation: at offset 0 a Thumb load of it is 2 bytes, not 4), then the scalars, then the
// arrays. Letting rustc order the fields put the heap after the arrays, at offset 1,932.
#[repr(C)]
pub struct Vm<'a> {
    pub(crate) heap: Heap<'a>,
    n_roots: usize,
    roots_overflow: usize,
    pub(crate) depth: usize,
    /// The pending exception (valid while a `Raised` propagates).
    pub(crate) exc: Obj,
    /// Instructions left before `RuntimeError: fuel exhausted` (for fuzzing hostile code).
    pub fuel: u64,
    n_images: usize,
    pub(crate) source: &'a dyn CodeSource<'a>,
    pub(crate) out: &'a mut dyn Output,
    /// Python call-depth limit (`RuntimeError: maximum recursion depth exceeded`).
    pub max_depth: usize,
    /// Native (Rust) recursion depth for repr / compare / hash of nested objects.
    pub(crate) native_depth: u32,
    /// Loaded modules: dict name -> module block (`sys.modules`).
    pub(crate) modules: Obj,
    /// Built-in and firmware modules once imported: dict name -> module block. Kept apart
    /// from `sys.modules`, which in MicroPython lists only modules of Python code.
    pub(crate) builtin_modules: Obj,
    /// Pre-allocated `MemoryError` instance.
    memory_error: Obj,
    /// Pre-allocated exception instance for when the heap cannot hold a new one
    /// (MicroPython's `mp_emergency_exception_obj`).
    emergency_exception: Obj,
    /// The slice `BUILD_SLICE` fills instead of allocating one when a bytearray, array or
    /// memoryview subscript uses it at once (MicroPython's stack-allocated slice), and
    /// whether it is in use.
    pub(crate) scratch_slice: Obj,
    pub(crate) scratch_slice_busy: bool,
    /// Value of the last `StopIteration` / generator return, passed out of iterators.
    pub(crate) ret_value: Obj,
    /// Collect before every allocation (testing aid that exposes missing roots).
    pub gc_stress: bool,
    /// `gc.disable()` was called: no automatic collection, a full heap is a `MemoryError`.
    pub(crate) gc_disabled: bool,
    /// `gc.threshold()`: collect before an allocation once this many bytes were allocated
    /// since the last collection (`u32::MAX`: never).
    pub(crate) gc_threshold: u32,
    /// `micropython.heap_lock()` depth: while it is non-zero, allocating an object raises
    /// `MemoryError` (call frames, which MicroPython keeps on the C stack, are exempt).
    pub(crate) heap_lock_depth: u32,
    /// The heap is full and [`Vm::heap_full`] is making the `MemoryError` that says so: an
    /// allocation failing meanwhile raises the pre-allocated instance.
    raising_heap_full: bool,
    /// The `builtins` module's dict once it is imported (NULL before): names stored there
    /// override the built-ins for every module (MICROPY_CAN_OVERRIDE_BUILTINS).
    pub(crate) builtins_override: Obj,
    /// `weakref`'s registry of weak objects (a list; NULL before the first), and whether
    /// callbacks of freed referents wait to run (see `builtins/modweakref.rs`).
    #[cfg(feature = "weakref")]
    pub(crate) weakrefs: Obj,
    #[cfg(feature = "weakref")]
    pub(crate) weakref_due: bool,
    /// `micropython.opt_level()`: the optimisation level of code compiled at run time.
    pub(crate) opt_level: u8,
    /// The line end (`\r` or `\n`) that ended the last line `input()` read on a terminal,
    /// or 0: the other one right after it is not a second line end (readline's `last_nl`).
    #[cfg(feature = "input")]
    pub(crate) last_line_end: u8,
    /// `micropython.schedule()`'s queue.
    pub(crate) scheduler: scheduler::Scheduler,
    /// Where in the VM the last "corrupt bytecode" error was detected (diagnostics).
    pub corrupt_at: Option<&'static core::panic::Location<'static>>,
    /// Native stack addresses seen at Python call depths 1 and 2 (diagnostics: the
    /// difference is the native stack used per Python call).
    pub stack_marks: [usize; 2],
    /// Bytes of native stack the VM may use below the outermost Python frame (0: no limit).
    /// A Python call or a native recursion level (nested repr, comparison, hash, wrapped
    /// iterators) past it raises `RuntimeError: maximum recursion depth exceeded`, as
    /// MicroPython's stack check (`mp_stack_set_limit`) does: the firmware sets it from the
    /// stack it gives the VM, so no program can overflow that stack.
    pub stack_limit: usize,
    /// The `random` module's generator state.
    #[cfg(feature = "random")]
    pub(crate) random: crate::builtins::Yasmarang,
    /// The host's compiler for `eval`, `exec` and `compile` ([`Vm::set_compiler`]).
    #[cfg(feature = "eval")]
    pub(crate) compiler: Option<&'a dyn crate::compiler::SourceCompiler<'a>>,
    roots: [Obj; MAX_ROOTS],
    pub(crate) frames: [Obj; MAX_FRAMES],
    images: [&'a [u8]; MAX_IMAGES + 1],
    /// Firmware-registered native modules.
    pub(crate) natives: crate::native::NativeModules,
    /// Where names were last found in dicts (see `object::dict::NameCache`).
    pub(crate) name_cache: crate::object::dict::NameCache,
    /// Recently decoded code preludes (see `Vm::code_info`).
    pub(crate) code_cache: [core::cell::Cell<call::CodeCacheEntry<'a>>; call::CODE_CACHE_SIZE],
}

/// Error creating a VM.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeapTooSmall;

impl<'a> Vm<'a> {
    /// A VM over the heap region `heap` that finds modules in `source` and prints to `out`.
    pub fn new(
        heap: &'a mut [u8],
        source: &'a dyn CodeSource<'a>,
        out: &'a mut dyn Output,
    ) -> Result<Self, HeapTooSmall> {
        let mut vm = Vm {
            heap: Heap::new(heap),
            images: [&[]; MAX_IMAGES + 1],
            n_images: 0,
            source,
            out,
            roots: [Obj::NULL; MAX_ROOTS],
            n_roots: 0,
            roots_overflow: 0,
            frames: [Obj::NULL; MAX_FRAMES],
            depth: 0,
            fuel: u64::MAX,
            corrupt_at: None,
            stack_marks: [0; 2],
            stack_limit: 0,
            gc_stress: false,
            gc_disabled: false,
            raising_heap_full: false,
            gc_threshold: u32::MAX,
            heap_lock_depth: 0,
            builtins_override: Obj::NULL,
            scheduler: scheduler::Scheduler::new(),
            opt_level: 0,
            #[cfg(feature = "input")]
            last_line_end: 0,
            #[cfg(feature = "weakref")]
            weakrefs: Obj::NULL,
            #[cfg(feature = "weakref")]
            weakref_due: false,
            #[cfg(feature = "random")]
            random: crate::builtins::Yasmarang::INITIAL,
            #[cfg(feature = "eval")]
            compiler: None,
            max_depth: 64,
            native_depth: 0,
            exc: Obj::NULL,
            modules: Obj::NULL,
            builtin_modules: Obj::NULL,
            memory_error: Obj::NULL,
            emergency_exception: Obj::NULL,
            scratch_slice: Obj::NULL,
            scratch_slice_busy: false,
            ret_value: Obj::NULL,
            natives: crate::native::NativeModules::new(),
            name_cache: crate::object::dict::NameCache::new(),
            code_cache: [const { core::cell::Cell::new(None) }; call::CODE_CACHE_SIZE],
        };
        let me = vm.heap.try_alloc(Kind::Instance, 4).ok_or(HeapTooSmall)?;
        vm.heap.set_obj(me, 0, builtins::type_obj(T_MEMORY_ERROR));
        vm.memory_error = Obj::heap(me);
        let ee = vm.heap.try_alloc(Kind::Instance, 4).ok_or(HeapTooSmall)?;
        vm.heap.set_obj(ee, 0, builtins::type_obj(T_MEMORY_ERROR));
        vm.emergency_exception = Obj::heap(ee);
        let ss = vm.heap.try_alloc(Kind::Slice, 3).ok_or(HeapTooSmall)?;
        vm.scratch_slice = Obj::heap(ss);
        vm.modules = vm.new_dict(0).map_err(|_| HeapTooSmall)?;
        vm.builtin_modules = vm.new_dict(0).map_err(|_| HeapTooSmall)?;
        Ok(vm)
    }

    /// Heap statistics: (bytes in use, capacity, collections run).
    pub fn heap_stats(&self) -> (u32, u32, u32) {
        (self.heap.used, self.heap.capacity(), self.heap.collections)
    }

    pub(crate) fn add_image(&mut self, data: &'a [u8]) -> PyResult<u32> {
        if let Some(i) = self.images[..self.n_images]
            .iter()
            .position(|d| core::ptr::eq(*d, data))
        {
            #[allow(clippy::cast_possible_truncation)]
            return Ok(i as u32);
        }
        if self.n_images >= MAX_IMAGES {
            return Err(self.raise_msg_str(builtins::T_IMPORT_ERROR, "too many modules"));
        }
        self.images[self.n_images] = data;
        self.n_images += 1;
        #[allow(clippy::cast_possible_truncation)]
        Ok((self.n_images - 1) as u32)
    }

    /// Make `data` the image of run-time compiled code ([`COMPILED_IMAGE`]): it must extend
    /// (same start, at least as long) the one there, whose bytes are in use.
    #[cfg(feature = "eval")]
    pub(crate) fn extend_compiled_image(&mut self, data: &'a [u8]) -> PyResult<u32> {
        let old = &mut self.images[COMPILED_IMAGE as usize];
        if old.is_empty() || (core::ptr::eq(old.as_ptr(), data.as_ptr()) && data.len() >= old.len())
        {
            *old = data;
            return Ok(COMPILED_IMAGE);
        }
        Err(self.raise_msg_str(builtins::T_MEMORY_ERROR, "compiled code buffer full"))
    }

    pub(crate) fn image(&self, i: u32) -> &'a [u8] {
        self.images.get(i as usize).copied().unwrap_or(&[])
    }

    // ----- roots -----

    /// Virtual root-stack length (includes pushes beyond the fixed slots).
    pub(crate) fn roots_len(&self) -> usize {
        self.n_roots + self.roots_overflow
    }

    /// Keep `o` alive across allocations until popped. Pushes beyond the fixed slots are
    /// counted, and while any are outstanding the collector does not run (so nothing
    /// unrooted can be freed; allocation then fails with `MemoryError` instead).
    ///
    /// Native functions use this to keep an object they made alive while they allocate
    /// another; roots they leave pushed are dropped when they return.
    pub fn push_root(&mut self, o: Obj) {
        if self.n_roots < MAX_ROOTS && self.roots_overflow == 0 {
            self.roots[self.n_roots] = o;
            self.n_roots += 1;
        } else {
            self.roots_overflow += 1;
        }
    }

    /// Drop the root pushed last by [`Vm::push_root`].
    pub fn pop_root(&mut self) {
        if self.roots_overflow > 0 {
            self.roots_overflow -= 1;
        } else {
            self.n_roots = self.n_roots.saturating_sub(1);
        }
    }

    pub(crate) fn truncate_roots(&mut self, n: usize) {
        if n >= self.n_roots {
            self.roots_overflow = (n - self.n_roots).min(self.roots_overflow);
        } else {
            self.n_roots = n;
            self.roots_overflow = 0;
        }
    }

    pub(crate) fn root(&self, i: usize) -> Obj {
        if i < self.n_roots {
            self.roots[i]
        } else {
            Obj::NULL
        }
    }

    pub(crate) fn set_root(&mut self, i: usize, o: Obj) {
        if i < self.n_roots {
            self.roots[i] = o;
        }
    }

    /// Roots free for use.
    pub(crate) fn roots_free(&self) -> usize {
        if self.roots_overflow > 0 {
            0
        } else {
            MAX_ROOTS - self.n_roots
        }
    }

    // ----- allocation -----

    /// Allocate a block, collecting garbage when full; `MemoryError` if still full.
    pub(crate) fn alloc(&mut self, kind: Kind, payload_words: u32) -> PyResult<u32> {
        if self.heap_lock_depth > 0 && kind != Kind::Frame {
            return Err(self.raise_obj(self.memory_error));
        }
        if self.gc_stress
            || (!self.gc_disabled
                && self.gc_threshold != u32::MAX
                && self.heap.allocated_since_collect >= self.gc_threshold)
        {
            self.collect();
        }
        if let Some(o) = self.heap.try_alloc(kind, payload_words) {
            return Ok(o);
        }
        // With `gc.disable()` a full heap is a MemoryError: only gc.collect() collects
        // (py/gc.c's gc_alloc).
        if !self.gc_disabled {
            self.collect();
            if let Some(o) = self.heap.try_alloc(kind, payload_words) {
                return Ok(o);
            }
        }
        Err(self.heap_full(payload_words))
    }

    /// The `MemoryError` of a full heap: py/gc.c's `m_malloc_fail` text, which names the bytes
    /// asked for, when the heap still has room for the exception (a failed request is
    /// usually larger than the exception); else, as MicroPython without an emergency
    /// exception buffer, the pre-allocated instance without arguments.
    #[cold]
    #[inline(never)]
    fn heap_full(&mut self, payload_words: u32) -> Raised {
        if !cfg!(feature = "error-messages") || self.raising_heap_full {
            return self.raise_obj(self.memory_error);
        }
        self.raising_heap_full = true;
        let bytes = payload_words.saturating_mul(4);
        let raised = self.raise_parts(
            T_MEMORY_ERROR,
            &[&"memory allocation failed, allocating ", &bytes, &" bytes"],
        );
        self.raising_heap_full = false;
        raised
    }

    /// Run a full collection.
    pub fn collect(&mut self) {
        if self.roots_overflow > 0 {
            // Some temporaries are not recorded: collecting now could free live objects.
            return;
        }
        for i in 0..self.n_roots {
            let r = self.roots[i];
            self.heap.mark(r);
        }
        for i in 0..self.depth.min(MAX_FRAMES) {
            let f = self.frames[i];
            self.heap.mark(f);
        }
        for o in [
            self.exc,
            self.modules,
            self.builtin_modules,
            self.memory_error,
            self.emergency_exception,
            self.scratch_slice,
            self.builtins_override,
            self.ret_value,
        ] {
            self.heap.mark(o);
        }
        for o in self
            .scheduler
            .queue
            .into_iter()
            .chain(self.scheduler.irq_handlers)
        {
            self.heap.mark(o);
        }
        #[cfg(feature = "weakref")]
        self.heap.mark(self.weakrefs);
        self.heap.finish_marking();
        #[cfg(feature = "weakref")]
        self.weakref_sweep();
        self.heap.sweep();
    }

    // ----- exceptions -----

    /// Make `exc` the pending exception.
    pub(crate) fn raise_obj(&mut self, exc: Obj) -> Raised {
        self.exc = exc;
        Raised
    }

    /// Raise an exception of built-in type `type_id` without arguments (what MicroPython's
    /// `mp_raise_msg(type, NULL)` / `mp_raise_ValueError(NULL)` give).
    pub(crate) fn raise_bare(&mut self, type_id: u32) -> Raised {
        self.raise_new(type_id, &[])
    }

    /// Raise a new `type_id(*args)`; with the heap full or locked, the emergency exception
    /// of that type without arguments (mp_obj_exception_make_new's fallback), as a generator
    /// under `heap_lock` still ends with StopIteration.
    pub(crate) fn raise_new(&mut self, type_id: u32, args: &[Obj]) -> Raised {
        match self.new_exception(type_id, args) {
            Ok(e) => self.raise_obj(e),
            Err(_) => self.raise_emergency(type_id),
        }
    }

    /// TypeError "can't convert 'T' object to str implicitly" for `o` where a str was needed
    /// (py/objstr.c's bad_implicit_conversion).
    pub(crate) fn bad_implicit_conversion(&mut self, o: Obj) -> Raised {
        let t = self.type_name(o);
        self.raise_parts(
            crate::builtins::T_TYPE_ERROR,
            &[&"can't convert '", &t, &"' object to str implicitly"],
        )
    }

    /// TypeError "object of type 'T' has no len()" for `o`.
    pub(crate) fn no_len(&mut self, o: Obj) -> Raised {
        let t = self.type_name(o);
        self.raise_parts(
            crate::builtins::T_TYPE_ERROR,
            &[&"object of type '", &t, &"' has no len()"],
        )
    }

    /// Raise `type_id(msg)` (`type_id()` without the `error-messages` feature: then inlined,
    /// so that the message text is left out of the program).
    #[cfg_attr(not(feature = "error-messages"), inline(always))]
    pub(crate) fn raise_msg_str(&mut self, type_id: u32, msg: &str) -> Raised {
        if !cfg!(feature = "error-messages") {
            return self.raise_bare(type_id);
        }
        let e = match self.new_str_bytes(msg.as_bytes()) {
            Ok(s) => {
                self.push_root(s);
                let r = self.new_exception(type_id, &[s]);
                self.pop_root();
                r
            }
            Err(r) => Err(r),
        };
        match e {
            Ok(e) => self.raise_obj(e),
            Err(_) => self.raise_emergency(type_id),
        }
    }

    /// Raise `type_id` without arguments in the exception instance set aside for when the
    /// heap (full, or locked by `micropython.heap_lock()`) cannot hold a new one, as
    /// MicroPython raises its emergency exception object.
    #[cold]
    fn raise_emergency(&mut self, type_id: u32) -> Raised {
        if type_id == T_MEMORY_ERROR {
            return self.raise_obj(self.memory_error);
        }
        let e = self.emergency_exception;
        self.heap.set_obj(e.bits(), 0, builtins::type_obj(type_id));
        self.heap.set_obj(e.bits(), 2, Obj::NULL);
        self.heap.set_obj(e.bits(), 3, Obj::NULL);
        self.raise_obj(e)
    }

    /// Raise `type_id(message)` with the message made of `parts` (text and numbers; no
    /// `core::fmt`, which would cost kilobytes of flash). Messages stop at 200 bytes. Without
    /// the `error-messages` feature, `type_id()`, inlined as `raise_msg_str`.
    #[cfg_attr(feature = "error-messages", cold, inline(never))]
    #[cfg_attr(not(feature = "error-messages"), inline(always))]
    pub(crate) fn raise_parts(&mut self, type_id: u32, parts: &[&dyn MsgPart]) -> Raised {
        if !cfg!(feature = "error-messages") {
            return self.raise_bare(type_id);
        }
        let mut buf = MsgBuf {
            buf: [0; 200],
            len: 0,
        };
        for part in parts {
            part.put(self, &mut buf);
        }
        let len = buf.len.min(buf.buf.len());
        let s = core::str::from_utf8(buf.buf.get(..len).unwrap_or(&[])).unwrap_or("?");
        self.raise_msg_str(type_id, s)
    }

    /// A new exception instance of built-in type `type_id` with `args`.
    pub(crate) fn new_exception(&mut self, type_id: u32, args: &[Obj]) -> PyResult<Obj> {
        let t = self.new_tuple_from(args)?;
        self.new_instance_of(builtins::type_obj(type_id), t)
    }

    /// A new instance of class `cls` wrapping `payload` (slot 2: an exception's args, the
    /// native object under a built-in type); `payload` stays rooted while it is allocated.
    pub(crate) fn new_instance_of(&mut self, cls: Obj, payload: Obj) -> PyResult<Obj> {
        self.push_root(payload);
        let o = self.alloc(Kind::Instance, 4);
        self.pop_root();
        let o = o?;
        self.heap.set_obj(o, 0, cls);
        self.heap.set_obj(o, 2, payload);
        Ok(Obj::heap(o))
    }

    pub(crate) fn memory_error_ref(&self) -> Obj {
        self.memory_error
    }

    pub(crate) fn recursion_error(&mut self) -> Raised {
        self.raise_msg_str(T_RUNTIME_ERROR, "maximum recursion depth exceeded")
    }

    /// Whether the native stack in use below the outermost Python frame is past
    /// [`stack_limit`](Self::stack_limit).
    #[inline(never)]
    pub(crate) fn native_stack_exhausted(&self) -> bool {
        let probe = 0u8;
        let used = self.stack_marks[0].saturating_sub(core::ptr::addr_of!(probe) as usize);
        self.stack_limit != 0 && used > self.stack_limit
    }

    /// Enter a native recursion level (nested repr/compare/hash, wrapped iterators): at most
    /// 48 levels (each keeps temporaries on the 128-entry root stack, which must not
    /// overflow: the collector cannot run then), and within [`stack_limit`](Self::stack_limit).
    pub(crate) fn enter_native(&mut self) -> PyResult<()> {
        if self.native_depth > 48 || self.depth >= self.max_depth || self.native_stack_exhausted() {
            return Err(self.recursion_error());
        }
        self.native_depth += 1;
        Ok(())
    }

    pub(crate) fn leave_native(&mut self) {
        self.native_depth = self.native_depth.saturating_sub(1);
    }

    // ----- qstrs -----

    /// The bytes of an interned string (static table, extra names, or in place in an image).
    pub(crate) fn qstr_bytes(&self, q: Qstr) -> &'a [u8] {
        if q & QSTR_IMAGE_BIT != 0 {
            let image = self.image((q >> 24) & 0xf);
            let plain = q & loader::QSTR_PLAIN_LEN != 0;
            loader::image_str(image, (q & 0x7f_ffff) as usize, plain)
        } else {
            crate::qstr_pool::qstr_text(q).unwrap_or(b"")
        }
    }
}

/// A fixed-size message buffer (messages are truncated at 200 bytes).
pub(crate) struct MsgBuf {
    pub buf: [u8; 200],
    pub len: usize,
}

impl MsgBuf {
    pub(crate) fn push(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if let Some(slot) = self.buf.get_mut(self.len) {
                *slot = b;
                self.len += 1;
            }
        }
    }

    pub(crate) fn push_int(&mut self, v: i64) {
        let mut nb = crate::object::print::NumBuf::new();
        nb.push_int(v);
        self.push(nb.as_bytes());
    }
}

/// A piece of an error message ([`Vm::raise_parts`]).
pub(crate) trait MsgPart {
    fn put(&self, vm: &Vm<'_>, out: &mut MsgBuf);
}

impl MsgPart for &str {
    fn put(&self, _vm: &Vm<'_>, out: &mut MsgBuf) {
        out.push(self.as_bytes());
    }
}

impl MsgPart for char {
    fn put(&self, _vm: &Vm<'_>, out: &mut MsgBuf) {
        let mut b = [0u8; 4];
        out.push(self.encode_utf8(&mut b).as_bytes());
    }
}

macro_rules! int_msg_part {
    ($($t:ty),*) => {$(
        impl MsgPart for $t {
            fn put(&self, _vm: &Vm<'_>, out: &mut MsgBuf) {
                #[allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation)]
                out.push_int(*self as i64);
            }
        }
    )*};
}

int_msg_part!(i64, i32, u32, usize);

/// A byte as two lowercase hex digits.
pub(crate) struct Hex2(pub u8);

impl MsgPart for Hex2 {
    fn put(&self, _vm: &Vm<'_>, out: &mut MsgBuf) {
        let digit = |d: u8| if d < 10 { b'0' + d } else { b'a' + d - 10 };
        out.push(&[digit(self.0 >> 4), digit(self.0 & 15)]);
    }
}

/// The text of a `str` object as a message part.
pub(crate) struct StrOf(pub Obj);

impl MsgPart for StrOf {
    fn put(&self, vm: &Vm<'_>, out: &mut MsgBuf) {
        out.push(vm.str_data(self.0).unwrap_or(b"?"));
    }
}
