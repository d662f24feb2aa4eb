//! `select.poll` waiting on the port (the parts the WebAssembly VM cannot show, since its
//! waits depend on wall time): a timeout is measured on the port's clock
//! (`Output::ticks_ms`) and spent in `Output::wait_event`; without a clock a poll checks once;
//! a poll without a timeout waits until an interrupt handler, run between checks, makes a
//! stream ready.

use runtime_min::{IrqLine, MpyList, NativeFn, Obj, Output, PyResult, RunOutcome, Vm};

/// A port whose clock advances only while it waits; after `irq_after` waits it triggers
/// [`LINE`], as an interrupt arriving during a `wfi` would.
struct Port {
    text: Vec<u8>,
    clock: Option<u32>,
    waits: Vec<Option<u32>>,
    irq_after: usize,
}

impl Output for Port {
    fn write(&mut self, bytes: &[u8]) {
        self.text.extend_from_slice(bytes);
    }
    fn ticks_ms(&mut self) -> Option<u32> {
        self.clock
    }
    fn wait_event(&mut self, ms: Option<u32>) {
        self.waits.push(ms);
        if let Some(c) = &mut self.clock {
            // Time passes in steps of at most 7 ms (an interrupt may end a wait early).
            *c = c.wrapping_add(ms.unwrap_or(7).min(7));
        }
        if self.waits.len() == self.irq_after {
            LINE.trigger();
        }
    }
}

static LINE: IrqLine = IrqLine::new();

/// `board.on_irq(handler)`: run `handler(None)` when [`LINE`] is triggered.
fn on_irq(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    vm.set_irq_handler(&LINE, args[0], Obj::none());
    Ok(Obj::none())
}

static BOARD: &[NativeFn] = &[NativeFn::new("on_irq", 1, on_irq)];

const PROGRAM: &str = "
import io, select, board

class Flag(io.IOBase):
    def __init__(self):
        self.state = 0
        self.polls = 0
    def ioctl(self, req, arg):
        self.polls += 1
        return arg & select.POLLIN if self.state else 0

never = Flag()
p = select.poll()
p.register(never, select.POLLIN)
print('timeout', p.poll(30), never.polls > 0)
print('zero', p.poll(0))

flag = Flag()
def handler(_):
    flag.state = 1
    print('irq')
board.on_irq(handler)
q = select.poll()
q.register(flag, select.POLLIN)
print('woken', [ev for s, ev in q.ipoll()])
";

fn run(clock: Option<u32>, irq_after: usize) -> Port {
    let options = mpy_cross::CompileOptions {
        source_name: "main.py".to_string(),
        ..mpy_cross::CompileOptions::default()
    };
    let main = mpy_cross::compile(PROGRAM.as_bytes(), &options).expect("compiles");
    let source = MpyList { modules: &[] };
    let mut heap = vec![0u8; 32 * 1024];
    let mut port = Port {
        text: Vec::new(),
        clock,
        waits: Vec::new(),
        irq_after,
    };
    let outcome = {
        let mut vm = Vm::new(&mut heap, &source, &mut port).expect("heap");
        vm.register_module("board", BOARD).expect("board");
        vm.run_module(&main, "main")
    };
    let text = String::from_utf8_lossy(&port.text).into_owned();
    assert_eq!(outcome, RunOutcome::Ok, "{text}");
    port
}

/// One test (the interrupt line is a `static`: two VMs waiting on it at once would take
/// each other's interrupt).
#[test]
fn poll_waits_on_the_port() {
    a_timeout_is_spent_waiting_on_the_port_clock_and_an_interrupt_ends_an_endless_wait();
    without_a_clock_a_timeout_means_one_check();
}

fn a_timeout_is_spent_waiting_on_the_port_clock_and_an_interrupt_ends_an_endless_wait() {
    // The clock starts near the 32-bit wrap: elapsed time is measured modulo 2**32.
    let port = run(Some(u32::MAX - 10), 8);
    assert_eq!(
        String::from_utf8_lossy(&port.text),
        "timeout [] True\nzero []\nirq\nwoken [1]\n"
    );
    // poll(30): waits of the remaining time, 30 - 7k ms, until 30 ms have passed.
    assert_eq!(
        &port.waits[..5],
        &[Some(30), Some(23), Some(16), Some(9), Some(2)]
    );
    // poll(0) never waits; ipoll() waits without limit until the interrupt's handler ran.
    assert_eq!(&port.waits[5..], &[None, None, None]);
}

fn without_a_clock_a_timeout_means_one_check() {
    let port = run(None, 2);
    assert_eq!(
        String::from_utf8_lossy(&port.text),
        "timeout [] True\nzero []\nirq\nwoken [1]\n"
    );
    assert_eq!(port.waits, vec![None, None]);
}
