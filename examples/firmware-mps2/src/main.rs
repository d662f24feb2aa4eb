//! Example firmware for QEMU mps2-an385 (Cortex-M3): runs a module of the frozen image linked
//! into flash on runtime-min, in place. Output goes to UART0; the exit status through
//! semihosting. It boots `main` as `__main__`, as a MicroPython board runs its main.py, unless
//! the semihosting command line carries `module=NAME`
//! (`-semihosting-config enable=on,arg=module=NAME`): that module runs as `import NAME` would.
//!
//! Python sees two modules the firmware registers, the way a MicroPython port's `machine`
//! module works: `board` (`led(n[, on])` drives and reads the two user LEDs of the FPGA I/O
//! block, `button(n)` reads a push button, `timer(period_ms, handler)` calls
//! `handler(period_ms)` every `period_ms` milliseconds from the SysTick interrupt, as a
//! MicroPython `Timer` callback runs, `timer(0, None)` stops it) and `time` (`ticks_ms()`,
//! `ticks_diff(a, b)`, `ticks_add(t, delta)`, `sleep_ms(n)`, from the FPGA's 100 Hz counter).
//!
//! After the run it prints one `[fw]` line: the image size, the heap in use, the deepest
//! native stack reached (the stack is painted at boot) and the native stack one Python call
//! costs.
#![no_std]
#![no_main]

mod mem;

use core::ptr::{addr_of, addr_of_mut, read_volatile, write_volatile};
use core::sync::atomic::{AtomicU32, Ordering};
use runtime_min::{ExcType, FrozenImage, IrqLine, NativeFn, Obj, Output, PyResult, RunOutcome, Vm};

include!(concat!(env!("OUT_DIR"), "/config.rs"));

#[repr(C, align(4))]
struct Aligned<T: ?Sized>(T);

/// The frozen image made by `mpy-freeze --image`, in its own section so size reports can tell
/// it from the runtime.
#[link_section = ".frozen_image"]
#[used]
static IMAGE: Aligned<[u8; include_bytes!(env!("MPY_FROZEN_IMAGE")).len()]> =
    Aligned(*include_bytes!(env!("MPY_FROZEN_IMAGE")));

/// The Python heap: the only RAM the VM uses besides the stack.
static mut HEAP: [u8; HEAP_SIZE] = [0; HEAP_SIZE];

/// CMSDK UART0 of the mps2-an385.
const UART0: usize = 0x4000_4000;

/// The FPGA I/O block of the mps2-an385: LED0 (2 user LEDs), BUTTON, CLK100HZ.
const FPGAIO: usize = 0x4002_8000;
const FPGAIO_LED0: usize = FPGAIO;
const FPGAIO_BUTTON: usize = FPGAIO + 0x08;
const FPGAIO_CLK100HZ: usize = FPGAIO + 0x14;

/// The native stack the VM may use below the outermost Python frame (`Vm::stack_limit`), as
/// a board gives MicroPython `mp_stack_set_limit(stack size - margin)`: deeper recursion of
/// any kind (Python calls, nested repr/compare/hash, wrapped iterators) raises RuntimeError.
/// The RAM past `.bss` is the stack here (megabytes on this board); a smaller board sets what
/// its linker script gives, less about 16 KB for the firmware's own frames and the deepest
/// step between two checks (runtime-min/tests/firmware_qemu.rs measures it).
const VM_STACK_LIMIT: usize = 48 * 1024;

/// Word written over the unused stack at boot, to find the deepest point reached.
const STACK_PAINT: u32 = 0x5afe_c0de;

fn uart_put(byte: u8) {
    // SAFETY: UART0's DATA and STATE registers, as the AN385 memory map gives them.
    unsafe {
        while read_volatile((UART0 + 4) as *const u32) & 1 != 0 {}
        write_volatile(UART0 as *mut u32, u32::from(byte));
    }
}

/// The next byte UART0 received, waiting for it (`wfi` between polls would need the RX
/// interrupt; polling keeps the example short).
fn uart_get() -> u8 {
    // SAFETY: UART0's DATA and STATE registers, as the AN385 memory map gives them.
    unsafe {
        while read_volatile((UART0 + 4) as *const u32) & 2 == 0 {}
        read_volatile(UART0 as *const u32) as u8
    }
}

/// Python's stdin, stdout and stderr: UART0, a serial terminal.
struct Uart;

impl Output for Uart {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            uart_put(b);
        }
    }
    /// The port clock `select.poll` (and so asyncio) waits on: the 100 Hz counter in ms.
    fn ticks_ms(&mut self) -> Option<u32> {
        Some(fpgaio_read(FPGAIO_CLK100HZ).wrapping_mul(10))
    }
    /// `input()` and `sys.stdin`: a UART never ends; Ctrl-D ends `input()` (EOFError).
    fn read_byte(&mut self) -> Option<u8> {
        Some(uart_get())
    }
    fn terminal(&self) -> bool {
        true
    }
}

impl Uart {
    fn text(&mut self, s: &str) {
        Output::write(self, s.as_bytes());
    }

    fn number(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        Output::write(self, &digits[at..]);
    }
}

fn fpgaio_read(register: usize) -> u32 {
    // SAFETY: a register of the FPGA I/O block, as the AN385 memory map gives it.
    unsafe { read_volatile(register as *const u32) }
}

fn fpgaio_write(register: usize, value: u32) {
    // SAFETY: as for `fpgaio_read`.
    unsafe { write_volatile(register as *mut u32, value) }
}

/// The bit of LED or button `n` (0 or 1) of a Python argument; `ValueError` otherwise.
fn index_bit(vm: &mut Vm<'_>, arg: Obj, what: &str) -> PyResult<u32> {
    match vm.int_arg(arg)? {
        n @ 0..=1 => Ok(1 << n),
        _ => Err(vm.raise(ExcType::ValueError, what)),
    }
}

/// `board.led(n)` -> 0/1, `board.led(n, on)` sets it.
fn board_led(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let bit = index_bit(vm, args[0], "invalid LED")?;
    let leds = fpgaio_read(FPGAIO_LED0);
    if let Some(&on) = args.get(1) {
        let value = if vm.bool_arg(on)? {
            leds | bit
        } else {
            leds & !bit
        };
        fpgaio_write(FPGAIO_LED0, value);
        return Ok(Obj::none());
    }
    vm.new_int(i64::from(leds & bit != 0))
}

/// `board.button(n)` -> 0/1.
fn board_button(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let bit = index_bit(vm, args[0], "invalid button")?;
    vm.new_int(i64::from(fpgaio_read(FPGAIO_BUTTON) & bit != 0))
}

/// Milliseconds from the 100 Hz counter, wrapped to 30 bits as MicroPython's ticks are.
fn ticks() -> i64 {
    i64::from(fpgaio_read(FPGAIO_CLK100HZ).wrapping_mul(10) & 0x3fff_ffff)
}

fn time_ticks_ms(vm: &mut Vm<'_>, _args: &[Obj]) -> PyResult<Obj> {
    vm.new_int(ticks())
}

/// `time.ticks_diff(end, start)`: the signed difference of two 30-bit tick values.
fn time_ticks_diff(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let end = vm.int_arg(args[0])?;
    let start = vm.int_arg(args[1])?;
    let diff = (end - start) & 0x3fff_ffff;
    vm.new_int(if diff >= 0x2000_0000 {
        diff - 0x4000_0000
    } else {
        diff
    })
}

/// `time.ticks_add(ticks, delta)`: a 30-bit tick value moved by `delta` (asyncio uses it).
fn time_ticks_add(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let ticks = vm.int_arg(args[0])?;
    let delta = vm.int_arg(args[1])?;
    if !(-0x2000_0000..0x2000_0000).contains(&delta) {
        return Err(vm.raise(ExcType::OverflowError, "ticks interval overflow"));
    }
    vm.new_int(ticks.wrapping_add(delta) & 0x3fff_ffff)
}

fn time_sleep_ms(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let ms = vm.int_arg(args[0])?;
    let start = ticks();
    while (ticks() - start) & 0x3fff_ffff < ms {}
    Ok(Obj::none())
}

/// The Cortex-M SysTick timer: control and status, reload value, current value.
const SYST_CSR: usize = 0xe000_e010;
const SYST_RVR: usize = 0xe000_e014;
const SYST_CVR: usize = 0xe000_e018;
/// SysTick counts the 25 MHz processor clock of the AN385: 25,000 counts a millisecond.
const SYST_COUNTS_PER_MS: u32 = 25_000;

/// The Python timer's interrupt line, its period in milliseconds (0: stopped) and the
/// milliseconds counted towards the next trigger.
static TIMER_LINE: IrqLine = IrqLine::new();
static TIMER_PERIOD_MS: AtomicU32 = AtomicU32::new(0);
static TIMER_ELAPSED_MS: AtomicU32 = AtomicU32::new(0);

/// SysTick interrupt, every millisecond while the timer runs: triggers the timer's line each
/// period (the Python handler then runs at the VM's next branch, a soft IRQ).
extern "C" fn systick() {
    let period = TIMER_PERIOD_MS.load(Ordering::Relaxed);
    if period == 0 {
        return;
    }
    let elapsed = TIMER_ELAPSED_MS.load(Ordering::Relaxed) + 1;
    if elapsed >= period {
        TIMER_ELAPSED_MS.store(0, Ordering::Relaxed);
        TIMER_LINE.trigger();
    } else {
        TIMER_ELAPSED_MS.store(elapsed, Ordering::Relaxed);
    }
}

/// `board.timer(period_ms, handler)`: call `handler(period_ms)` every `period_ms` ms;
/// `board.timer(0, None)` stops.
fn board_timer(vm: &mut Vm<'_>, args: &[Obj]) -> PyResult<Obj> {
    let period = vm.int_arg(args[0])?;
    let Ok(period) = u32::try_from(period) else {
        return Err(vm.raise(ExcType::ValueError, "period must be >= 0"));
    };
    let handler = if period == 0 { Obj::none() } else { args[1] };
    // SAFETY: SysTick's registers, as the Armv7-M architecture gives them.
    unsafe { write_volatile(SYST_CSR as *mut u32, 0) };
    TIMER_PERIOD_MS.store(0, Ordering::Relaxed);
    if !vm.set_irq_handler(&TIMER_LINE, handler, args[0]) {
        return Err(vm.raise(ExcType::RuntimeError, "no free interrupt line"));
    }
    if period > 0 {
        TIMER_ELAPSED_MS.store(0, Ordering::Relaxed);
        TIMER_PERIOD_MS.store(period, Ordering::Relaxed);
        // SAFETY: as above; reload for 1 ms, then enable with the interrupt on the CPU clock.
        unsafe {
            write_volatile(SYST_RVR as *mut u32, SYST_COUNTS_PER_MS - 1);
            write_volatile(SYST_CVR as *mut u32, 0);
            write_volatile(SYST_CSR as *mut u32, 0b111);
        }
    }
    Ok(Obj::none())
}

static BOARD: &[NativeFn] = &[
    NativeFn::var("led", 1, 2, board_led),
    NativeFn::new("button", 1, board_button),
    NativeFn::new("timer", 2, board_timer),
];

static TIME: &[NativeFn] = &[
    NativeFn::new("ticks_ms", 0, time_ticks_ms),
    NativeFn::new("ticks_diff", 2, time_ticks_diff),
    NativeFn::new("ticks_add", 2, time_ticks_add),
    NativeFn::new("sleep_ms", 1, time_sleep_ms),
];

/// A semihosting call (`bkpt 0xab`): operation `op`, parameter block `arg`.
fn semihosting(op: u32, arg: usize) -> i32 {
    let result: i32;
    // SAFETY: the semihosting ABI: r0 = operation, r1 = parameter; QEMU answers in r0.
    unsafe {
        core::arch::asm!("bkpt 0xab", inout("r0") op as i32 => result, in("r1") arg);
    }
    result
}

fn exit(code: u32) -> ! {
    // SYS_EXIT with ADP_Stopped_ApplicationExit (status 0) or ADP_Stopped_RunTimeErrorUnknown (1).
    let reason: u32 = if code == 0 { 0x20026 } else { 0x20024 };
    semihosting(0x18, reason as usize);
    loop {
        // SAFETY: waiting for an interrupt has no memory effects.
        unsafe { core::arch::asm!("wfi") };
    }
}

/// The semihosting command line (SYS_GET_CMDLINE) into `buf`; empty if there is none.
fn command_line(buf: &mut [u8]) -> &[u8] {
    let mut block = [buf.as_mut_ptr() as usize, buf.len()];
    if semihosting(0x15, block.as_mut_ptr() as usize) != 0 {
        return &[];
    }
    let len = block[1].min(buf.len());
    &buf[..len]
}

/// The module that `module=NAME` on the command line names, if any.
fn module_name(cmdline: &[u8]) -> Option<&str> {
    cmdline
        .split(|&b| b == b' ')
        .find_map(|word| word.strip_prefix(b"module="))
        .and_then(|name| core::str::from_utf8(name).ok())
        .filter(|name| !name.is_empty())
}

fn stack_pointer() -> usize {
    let sp: usize;
    // SAFETY: reads sp only.
    unsafe { core::arch::asm!("mov {}, sp", out(reg) sp) };
    sp
}

extern "C" {
    static mut _sdata: u32;
    static mut _edata: u32;
    static _sidata: u32;
    static mut _sbss: u32;
    static mut _ebss: u32;
    static _stack_top: u32;
}

/// Fill the free stack below the current frame (down to the end of `.bss`) with [`STACK_PAINT`].
fn paint_stack() {
    let low = addr_of!(_ebss) as usize;
    let high = stack_pointer() - 64;
    let mut at = low;
    while at < high {
        // SAFETY: between the end of .bss and below the live stack: unused RAM.
        unsafe { write_volatile(at as *mut u32, STACK_PAINT) };
        at += 4;
    }
}

/// Bytes of stack used at the deepest point since [`paint_stack`].
fn stack_peak() -> usize {
    let low = addr_of!(_ebss) as usize;
    let top = addr_of!(_stack_top) as usize;
    let mut at = low;
    // SAFETY: reads RAM between the end of .bss and the top of the stack.
    while at < top && unsafe { read_volatile(at as *const u32) } == STACK_PAINT {
        at += 4;
    }
    top - at
}

#[link_section = ".vector_table.reset"]
#[no_mangle]
static RESET_VECTOR: unsafe extern "C" fn() -> ! = reset;

/// Any exception without a handler of its own: stop with status 3.
extern "C" fn unexpected_exception() {
    exit(3)
}

/// Exceptions 2 to 15 (NMI … SysTick) follow the reset vector.
#[link_section = ".vector_table.exceptions"]
#[used]
static EXCEPTIONS: [extern "C" fn(); 14] = {
    let mut table = [unexpected_exception as extern "C" fn(); 14];
    table[13] = systick;
    table
};

/// Reset handler: copies `.data`, zeroes `.bss`, enables the UART, then runs [`main`].
#[no_mangle]
unsafe extern "C" fn reset() -> ! {
    let mut d = addr_of_mut!(_sdata);
    let mut s = addr_of!(_sidata);
    while d < addr_of_mut!(_edata) {
        write_volatile(d, read_volatile(s));
        d = d.add(1);
        s = s.add(1);
    }
    let mut b = addr_of_mut!(_sbss);
    while b < addr_of_mut!(_ebss) {
        write_volatile(b, 0);
        b = b.add(1);
    }
    write_volatile((UART0 + 0x10) as *mut u32, 16); // BAUDDIV
    write_volatile((UART0 + 8) as *mut u32, 3); // CTRL: TX and RX enable
    main()
}

fn main() -> ! {
    paint_stack();
    let image: &'static [u8] = &IMAGE.0;
    let mut cmdline = [0u8; 128];
    let module = module_name(command_line(&mut cmdline));
    let source = FrozenImage { image };
    let mut out = Uart;
    // SAFETY: the only reference to HEAP, taken once.
    let heap: &mut [u8] = unsafe { &mut *addr_of_mut!(HEAP) };
    let Ok(mut vm) = Vm::new(heap, &source, &mut out) else {
        exit(2)
    };
    vm.stack_limit = VM_STACK_LIMIT;
    if vm.register_module("board", BOARD).is_err() || vm.register_module("time", TIME).is_err() {
        exit(2)
    }
    // Booting runs `main` as `__main__`, as a MicroPython board runs its main.py; a module
    // named on the command line (the tests) runs as `import NAME` would run it.
    let outcome = match module {
        Some(name) => vm.run_module(image, name),
        None => vm.run_main(image, "main"),
    };
    let [a, b] = vm.stack_marks;
    let (used, capacity, collections) = vm.heap_stats();
    let mut uart = Uart;
    uart.text("[fw] image ");
    uart.number(image.len());
    uart.text(" bytes; heap ");
    uart.number(used as usize);
    uart.text("/");
    uart.number(capacity as usize);
    uart.text(" bytes, ");
    uart.number(collections as usize);
    uart.text(" collections; stack peak ");
    uart.number(stack_peak());
    uart.text(" bytes; stack per Python call ");
    if a != 0 && b != 0 {
        uart.number(a.abs_diff(b));
        uart.text(" bytes\n");
    } else {
        // The program never called two levels deep.
        uart.text("unmeasured\n");
    }
    exit(match outcome {
        RunOutcome::Ok => 0,
        RunOutcome::Exception => 1,
        RunOutcome::SystemExit(status) => u32::from(status),
    })
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    Uart.text("[fw] panic\n");
    exit(3)
}
