//! `micropython.schedule()`: a small queue of (function, argument) pairs that the VM calls
//! "soon", at its next branch, one at a time and never from inside another scheduled call
//! (after py/scheduler.c); and the firmware's interrupt lines ([`IrqLine`]), whose Python
//! handlers are scheduled the same way when an interrupt handler triggers them (MicroPython's
//! soft IRQs: `Pin.irq`, `Timer` callbacks).

use crate::obj::Obj;
use crate::vm::Vm;
use core::sync::atomic::{AtomicBool, Ordering};

/// How many calls can wait (MicroPython's `MICROPY_SCHEDULER_DEPTH`).
const DEPTH: usize = 4;

/// How many interrupt lines can have a handler at once.
pub const MAX_IRQ_HANDLERS: usize = 4;

/// An interrupt source of the firmware, as a `static`: its interrupt handler calls
/// [`IrqLine::trigger`] (a plain atomic store, safe in any interrupt and on Cortex-M0 too);
/// the Python handler attached with [`Vm::set_irq_handler`] then runs at the VM's next
/// branch. Triggers that come before the handler has run count once.
///
/// ```
/// use runtime_min::IrqLine;
/// static TIMER: IrqLine = IrqLine::new();
/// // in the timer's interrupt handler:
/// TIMER.trigger();
/// ```
pub struct IrqLine {
    pending: AtomicBool,
}

impl IrqLine {
    /// A line with nothing pending.
    #[must_use]
    pub const fn new() -> Self {
        IrqLine {
            pending: AtomicBool::new(false),
        }
    }

    /// Mark the line pending (call it from the interrupt handler).
    pub fn trigger(&self) {
        self.pending.store(true, Ordering::Release);
    }
}

impl Default for IrqLine {
    fn default() -> Self {
        Self::new()
    }
}

/// The scheduler's queue and state.
pub(crate) struct Scheduler {
    /// Pairs `[function, argument]`, a ring of `DEPTH` entries starting at `first`.
    pub(crate) queue: [Obj; 2 * DEPTH],
    first: usize,
    len: usize,
    /// A scheduled call is running: nothing more runs until it returns.
    running: bool,
    /// Interrupt lines with their Python handler and its argument: `[handler, argument]` per
    /// line (rooted through `queue`'s neighbour in the collector).
    pub(crate) irq_lines: [Option<&'static IrqLine>; MAX_IRQ_HANDLERS],
    /// How many of `irq_lines` are attached (none: the branch check reads no line).
    n_lines: u8,
    pub(crate) irq_handlers: [Obj; 2 * MAX_IRQ_HANDLERS],
}

impl Scheduler {
    pub(crate) const fn new() -> Self {
        Scheduler {
            queue: [Obj::NULL; 2 * DEPTH],
            first: 0,
            len: 0,
            running: false,
            irq_lines: [None; MAX_IRQ_HANDLERS],
            n_lines: 0,
            irq_handlers: [Obj::NULL; 2 * MAX_IRQ_HANDLERS],
        }
    }

    /// Whether a call waits and may run now, or an interrupt line was triggered (checked at
    /// every branch).
    #[inline]
    pub(crate) fn due(&self) -> bool {
        (self.len > 0 && !self.running) || (self.n_lines > 0 && self.irq_pending())
    }

    fn irq_pending(&self) -> bool {
        self.irq_lines
            .iter()
            .flatten()
            .any(|l| l.pending.load(Ordering::Acquire))
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

    /// Attach Python callable `handler` to interrupt line `line`: each time the line is
    /// triggered, `handler(arg)` is scheduled (as `micropython.schedule` would). `handler`
    /// None detaches the line. False if [`MAX_IRQ_HANDLERS`] other lines have handlers.
    pub fn set_irq_handler(&mut self, line: &'static IrqLine, handler: Obj, arg: Obj) -> bool {
        let s = &mut self.scheduler;
        let slot = s
            .irq_lines
            .iter()
            .position(|l| l.is_some_and(|l| core::ptr::eq(l, line)))
            .or_else(|| s.irq_lines.iter().position(Option::is_none));
        let Some(i) = slot else {
            return false;
        };
        if handler == Obj::NONE || handler.is_null() {
            s.irq_lines[i] = None;
            s.irq_handlers[2 * i] = Obj::NULL;
            s.irq_handlers[2 * i + 1] = Obj::NULL;
        } else {
            line.pending.store(false, Ordering::Relaxed);
            s.irq_lines[i] = Some(line);
            s.irq_handlers[2 * i] = handler;
            s.irq_handlers[2 * i + 1] = arg;
        }
        #[allow(clippy::cast_possible_truncation)]
        {
            s.n_lines = s.irq_lines.iter().flatten().count() as u8;
        }
        true
    }

    /// Queue the handlers of the triggered lines (a full queue leaves a line pending for the
    /// next branch).
    fn take_irqs(&mut self) {
        for i in 0..MAX_IRQ_HANDLERS {
            let Some(line) = self.scheduler.irq_lines[i] else {
                continue;
            };
            if !line.pending.load(Ordering::Acquire) {
                continue;
            }
            let (f, arg) = (
                self.scheduler.irq_handlers[2 * i],
                self.scheduler.irq_handlers[2 * i + 1],
            );
            if self.schedule(f, arg) {
                line.pending.store(false, Ordering::Relaxed);
            }
        }
    }

    /// Run what is waiting now, the calls queued and the interrupt lines triggered, as a
    /// blocking wait does between checks (mp_handle_pending); a bounded number of rounds,
    /// so a callback that reschedules itself cannot stall the wait.
    #[cfg(feature = "select")]
    pub(crate) fn run_pending(&mut self) {
        for _ in 0..DEPTH + MAX_IRQ_HANDLERS {
            if !self.scheduler.due() {
                break;
            }
            self.run_scheduled();
        }
    }

    /// Run the oldest waiting call (mp_sched_run_pending). An exception it raises is printed
    /// with its traceback and does not reach the interrupted code
    /// (mp_call_function_1_protected).
    #[cold]
    #[inline(never)]
    pub(crate) fn run_scheduled(&mut self) {
        if self.scheduler.n_lines > 0 {
            self.take_irqs();
        }
        let s = &mut self.scheduler;
        if s.len == 0 || s.running {
            return;
        }
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
