//! `micropython.schedule()`: a small queue of (function, argument) pairs that the VM calls
//! "soon", at its next branch, one at a time and never from inside another scheduled call
//! (after py/scheduler.c).

use crate::obj::Obj;
use crate::vm::Vm;

/// How many calls can wait (MicroPython's `MICROPY_SCHEDULER_DEPTH`).
const DEPTH: usize = 4;

/// The scheduler's queue and state.
pub(crate) struct Scheduler {
    /// Pairs `[function, argument]`, a ring of `DEPTH` entries starting at `first`.
    pub(crate) queue: [Obj; 2 * DEPTH],
    first: usize,
    len: usize,
    /// A scheduled call is running: nothing more runs until it returns.
    running: bool,
}

impl Scheduler {
    pub(crate) const fn new() -> Self {
        Scheduler {
            queue: [Obj::NULL; 2 * DEPTH],
            first: 0,
            len: 0,
            running: false,
        }
    }

    /// Whether a call waits and may run now (checked at every branch).
    #[inline]
    pub(crate) fn due(&self) -> bool {
        self.len > 0 && !self.running
    }
}

impl Vm<'_> {
    /// Queue `f(arg)` to run at the VM's next branch; `false` if the queue is full
    /// (mp_sched_schedule). Native functions of the firmware may call it too.
    pub fn schedule(&mut self, f: Obj, arg: Obj) -> bool {
        let s = &mut self.scheduler;
        if s.len == DEPTH {
            return false;
        }
        let slot = (s.first + s.len) % DEPTH;
        s.queue[2 * slot] = f;
        s.queue[2 * slot + 1] = arg;
        s.len += 1;
        true
    }

    /// Run the oldest waiting call (mp_sched_run_pending). An exception it raises is printed
    /// with its traceback and does not reach the interrupted code
    /// (mp_call_function_1_protected).
    #[cold]
    #[inline(never)]
    pub(crate) fn run_scheduled(&mut self) {
        let s = &mut self.scheduler;
        let slot = s.first;
        let (f, arg) = (s.queue[2 * slot], s.queue[2 * slot + 1]);
        s.queue[2 * slot] = Obj::NULL;
        s.queue[2 * slot + 1] = Obj::NULL;
        s.first = (s.first + 1) % DEPTH;
        s.len -= 1;
        s.running = true;
        let saved = self.exc;
        let r = self.call_obj(f, &[arg]);
        self.scheduler.running = false;
        if r.is_err() {
            let exc = self.exc;
            self.print_traceback(exc);
        }
        self.exc = saved;
    }
}
