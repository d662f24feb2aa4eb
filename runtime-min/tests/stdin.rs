//! `input()` and `sys.stdin` over the port's [`Output::read_byte`], in the VM on the host:
//! a pipe (`tests/stdin/plain.py` with `plain.in`; CPython's output is expected), and a serial
//! terminal (`tests/firmware/input.py` typed with `input.keys`, as the QEMU test types it into
//! the firmware's UART; the echo is MicroPython's readline's). Each also with a collection
//! before every allocation.

use runtime_min::{MpyList, Output, RunOutcome, Vm};
use std::collections::VecDeque;
use std::path::PathBuf;

/// A port whose standard input is `keys`.
struct Port {
    out: Vec<u8>,
    keys: VecDeque<u8>,
    terminal: bool,
}

impl Output for Port {
    fn write(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }
    fn read_byte(&mut self) -> Option<u8> {
        self.keys.pop_front()
    }
    fn terminal(&self) -> bool {
        self.terminal
    }
}

fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn compile(name: &str, source: &[u8]) -> Vec<u8> {
    let options = mpy_cross::CompileOptions {
        source_name: name.to_string(),
        ..mpy_cross::CompileOptions::default()
    };
    mpy_cross::compile(source, &options).expect("compiles")
}

/// Runs compiled program `mpy` as `__main__` printing to `port`, in a `heap`-byte heap.
fn run(mpy: &[u8], port: &mut dyn Output, heap: usize, gc_stress: bool) -> RunOutcome {
    let list = [("main", mpy)];
    let modules = MpyList { modules: &list };
    let mut heap = vec![0u8; heap];
    let mut vm = Vm::new(&mut heap, &modules, port).expect("heap");
    vm.gc_stress = gc_stress;
    vm.run_module(mpy, "__main__")
}

/// Runs `program` (a path under tests/) with the bytes of file `keys` as its input, as a
/// terminal or a pipe, with and without GC stress: its output must be file `expected`'s.
fn check(program: &str, keys: &str, expected: &str, terminal: bool) {
    let read = |path: &str| std::fs::read(tests_dir().join(path)).expect(path);
    let name = program.rsplit('/').next().unwrap_or(program);
    let mpy = compile(name, &read(program));
    let expected = read(expected);
    for gc_stress in [false, true] {
        let mut port = Port {
            out: Vec::new(),
            keys: read(keys).into(),
            terminal,
        };
        let outcome = run(&mpy, &mut port, 64 * 1024, gc_stress);
        let got = String::from_utf8_lossy(&port.out);
        assert_eq!(outcome, RunOutcome::Ok, "{got}");
        assert_eq!(
            got,
            String::from_utf8_lossy(&expected),
            "gc_stress {gc_stress}"
        );
    }
}

#[test]
fn input_reads_plain_lines_from_a_pipe() {
    check(
        "stdin/plain.py",
        "stdin/plain.in",
        "stdin/plain.expected",
        false,
    );
}

#[test]
fn input_edits_lines_on_a_serial_terminal() {
    check(
        "firmware/input.py",
        "firmware/input.keys",
        "firmware/input.expected",
        true,
    );
}

/// A port without input (the default `read_byte`) is at its end: `input()` raises EOFError,
/// the streams read nothing.
#[test]
fn a_port_without_input_is_at_its_end() {
    struct Silent(Vec<u8>);
    impl Output for Silent {
        fn write(&mut self, bytes: &[u8]) {
            self.0.extend_from_slice(bytes);
        }
    }
    let source = b"import sys\ntry:\n    input('? ')\nexcept EOFError:\n    print('EOF')\nprint(repr(sys.stdin.read()), repr(sys.stdin.buffer.readline()), [l for l in sys.stdin])\n";
    let mut out = Silent(Vec::new());
    let outcome = run(&compile("main.py", source), &mut out, 64 * 1024, false);
    assert_eq!(outcome, RunOutcome::Ok);
    assert_eq!(String::from_utf8_lossy(&out.0), "? EOF\n'' b'' []\n");
}

/// Random keys (control bytes, escape sequences, backspaces, text) typed at a terminal never
/// upset `input()`: each call returns a str or raises EOFError or KeyboardInterrupt, and the
/// calls read every key.
#[test]
fn random_keys_on_a_terminal_end_in_lines_or_errors() {
    // Each call reads at least one key until they run out, so 100 calls read them all.
    let program = "n = 0\nfor i in range(100):\n    try:\n        s = input('> ')\n    \
                   except (EOFError, KeyboardInterrupt):\n        continue\n    \
                   assert isinstance(s, str)\n    n += 1\nprint('lines', n)\n";
    let mpy = compile("main.py", program.as_bytes());
    let alphabet: &[u8] = b"ab\x01\x02\x03\x04\x05\x08\x7f\x1b[O~1347DCHFAB\r\n\xc3\xa9";
    let mut state = 0x2545_f491_u32;
    for round in 0..300 {
        let mut keys = Vec::new();
        for _ in 0..(round % 60) {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            keys.push(alphabet[state as usize % alphabet.len()]);
        }
        let mut port = Port {
            out: Vec::new(),
            keys: keys.iter().copied().collect(),
            terminal: true,
        };
        let outcome = run(&mpy, &mut port, 32 * 1024, false);
        let text = String::from_utf8_lossy(&port.out).into_owned();
        assert_eq!(outcome, RunOutcome::Ok, "keys {keys:?}: {text}");
        assert!(
            text.ends_with('\n') && text.contains("lines "),
            "keys {keys:?}: {text}"
        );
        assert!(port.keys.is_empty(), "keys {keys:?} not all read");
    }
}
