//! Example firmware for QEMU mps2-an385 (Cortex-M3): runs module `main` of a frozen image
//! in place on runtime-min; output on UART0, exit status through semihosting; prints the
//! native stack used per Python call and the heap in use.
#![no_std]
#![no_main]

use core::fmt::Write;
use core::ptr::{addr_of_mut, read_volatile, write_volatile};
use runtime_min::{FrozenImage, Output, RunOutcome, Vm};

#[repr(C, align(4))]
struct Aligned<T: ?Sized>(T);
static IMAGE: &Aligned<[u8]> = &Aligned(*include_bytes!(env!("MPY_FROZEN_IMAGE")));
static mut HEAP: [u8; 128 * 1024] = [0; 128 * 1024];

const UART0: usize = 0x4000_4000;

fn uart_put(b: u8) {
    unsafe {
        while read_volatile((UART0 + 4) as *const u32) & 1 != 0 {}
        write_volatile(UART0 as *mut u32, u32::from(b));
    }
}

struct Uart;
impl Output for Uart {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            uart_put(b);
        }
    }
}
impl Write for Uart {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        Output::write(self, s.as_bytes());
        Ok(())
    }
}

fn exit(code: u32) -> ! {
    let reason: u32 = if code == 0 { 0x20026 } else { 0x20024 };
    unsafe {
        core::arch::asm!("bkpt 0xab", in("r0") 0x18u32, in("r1") reason);
    }
    loop {
        unsafe { core::arch::asm!("wfi") };
    }
}

fn stack_pointer() -> usize {
    let sp: usize;
    unsafe { core::arch::asm!("mov {}, sp", out(reg) sp) };
    sp
}

#[link_section = ".vector_table.reset"]
#[no_mangle]
static RESET_VECTOR: unsafe extern "C" fn() -> ! = reset;

#[no_mangle]
unsafe extern "C" fn reset() -> ! {
    extern "C" {
        static mut _sdata: u32;
        static mut _edata: u32;
        static _sidata: u32;
        static mut _sbss: u32;
        static mut _ebss: u32;
    }
    let mut d = addr_of_mut!(_sdata);
    let mut s = core::ptr::addr_of!(_sidata);
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
    write_volatile((UART0 + 0x10) as *mut u32, 16);
    write_volatile((UART0 + 8) as *mut u32, 1);
    main()
}

fn main() -> ! {
    let image: &'static [u8] = &IMAGE.0;
    let source = FrozenImage { image };
    let mut out = Uart;
    let heap: &mut [u8] = unsafe { &mut *addr_of_mut!(HEAP) };
    let sp0 = stack_pointer();
    let Ok(mut vm) = Vm::new(heap, &source, &mut out) else {
        exit(2)
    };
    let r = vm.run_module(image, "main");
    let [a, b] = vm.stack_marks;
    let (used, cap, gcs) = vm.heap_stats();
    let _ = writeln!(
        Uart,
        "[fw] image {} bytes; stack per Python call {} bytes (sp at start {:#x}); heap {}/{} bytes, {} collections",
        image.len(),
        a.abs_diff(b),
        sp0,
        used,
        cap,
        gcs
    );
    exit(u32::from(r == RunOutcome::Exception))
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    let _ = writeln!(Uart, "[fw] panic");
    exit(3)
}
