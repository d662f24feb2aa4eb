//! Reading standard input: `input()` (after py/modbuiltins.c and shared/readline/readline.c)
//! and the read methods of `sys.stdin` and `sys.stdin.buffer` (after
//! shared/runtime/sys_stdio_mphal.c and py/stream.c). The bytes come from the port,
//! [`Output::read_byte`](crate::Output::read_byte).
//!
//! On a serial terminal (`Output::terminal`) `input()` edits the line as MicroPython's
//! readline does on a board: it echoes printable ASCII, handles backspace, ends the line at
//! `\r` or `\n` (one line for `\r\n`), skips escape sequences (cursor keys do not move), and
//! Ctrl-C raises `KeyboardInterrupt`, Ctrl-D on an empty line `EOFError`; the stream reads
//! turn `\r` into `\n`. Elsewhere (a pipe, a host terminal that echoes by itself) lines are
//! read as they come, and the end of input ends them.

use super::funcs::{check_n, read_size_arg};
use super::{T_EOF_ERROR, T_KEYBOARD_INTERRUPT, T_TEXTIO, T_UNICODE_ERROR};
use crate::native::EPERM;
use crate::obj::Obj;
use crate::object::print::{NumBuf, Sink};
use crate::vm::call::Args;
use crate::vm::{PyResult, Vm};

const CTRL_A: u8 = 1;
const CTRL_C: u8 = 3;
const CTRL_D: u8 = 4;
const CTRL_E: u8 = 5;
const ESCAPE: u8 = 27;

/// `input([prompt])`: the prompt is printed as `print` prints it, then one line is read,
/// without its line end.
pub(super) fn input(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 1)?;
    if let Some(prompt) = vm.arg_pos(a, 0) {
        vm.print_obj(Sink::Out, prompt, false)?;
    }
    let slot = vm.builder_new()?;
    let r = if vm.out.terminal() {
        edit_line(vm, slot)
    } else {
        read_plain_line(vm, slot)
    };
    let line = vm.builder_finish(slot);
    r?;
    checked_text(vm, line)
}

/// A line of a pipe: up to `\n` (a `\r` before it stays, as in CPython); the end of input
/// ends it, and is an `EOFError` before any byte.
fn read_plain_line(vm: &mut Vm<'_>, slot: usize) -> PyResult<()> {
    loop {
        let Some(c) = vm.out.read_byte() else {
            if builder_len(vm, slot) == 0 {
                return Err(vm.raise_bare(T_EOF_ERROR));
            }
            return Ok(());
        };
        if c == b'\n' {
            return Ok(());
        }
        vm.sink_write(Sink::Buf(slot), &[c])?;
    }
}

/// A line typed on a serial terminal, edited as readline edits it.
fn edit_line(vm: &mut Vm<'_>, slot: usize) -> PyResult<()> {
    let mut cursor = 0u32;
    loop {
        let len = builder_len(vm, slot);
        let Some(c) = vm.out.read_byte() else {
            if len == 0 {
                return Err(vm.raise_bare(T_EOF_ERROR));
            }
            return Ok(());
        };
        if (CTRL_A..=CTRL_E).contains(&c) && len == 0 {
            // A control key on an empty line ends the input at once.
            return match c {
                CTRL_C => Err(vm.raise_bare(T_KEYBOARD_INTERRUPT)),
                CTRL_D => Err(vm.raise_bare(T_EOF_ERROR)),
                _ => Ok(()),
            };
        }
        let mut edit = Redraw::default();
        match c {
            CTRL_A => edit.back = cursor,
            CTRL_C => return Err(vm.raise_bare(T_KEYBOARD_INTERRUPT)),
            CTRL_E => edit.forward = len - cursor,
            b'\r' | b'\n' if vm.last_line_end == 0 || vm.last_line_end == c => {
                // `\r\n` (or `\n\r`) is one line end; a second `\r` on its own is another.
                vm.last_line_end = c;
                vm.out.write(b"\r\n");
                return Ok(());
            }
            ESCAPE => edit = escape_sequence(vm, cursor, len),
            8 | 127 if cursor > 0 => {
                remove_byte(vm, slot, cursor - 1);
                edit.back = 1;
                edit.from_cursor = true;
            }
            32..=126 => {
                vm.sink_write(Sink::Buf(slot), &[c])?;
                let buf = vm.root(slot);
                // The builder just made room for the byte: insert it at the cursor.
                let line = vm.heap.bytes_mut(buf.bits(), 1, len + 1);
                if let Some(tail) = line.get_mut(cursor as usize..).filter(|t| !t.is_empty()) {
                    tail.rotate_right(1);
                    tail[0] = c;
                }
                edit.from_cursor = true;
                edit.forward = 1;
            }
            _ => {}
        }
        // Any key but the two readline takes before its line-end test breaks a `\r\n` pair.
        if c != CTRL_A && c != CTRL_E {
            vm.last_line_end = 0;
        }
        if edit.delete && cursor < len {
            remove_byte(vm, slot, cursor);
            edit.from_cursor = true;
        }
        cursor = redraw(vm, slot, cursor, len, edit);
    }
}

/// What a key did to the line, for [`redraw`]: the columns the cursor moves back, whether the
/// text from the cursor on changed, the columns it then moves forward; or that the byte under
/// the cursor goes (the delete key).
#[derive(Clone, Copy, Default)]
struct Redraw {
    back: u32,
    from_cursor: bool,
    forward: u32,
    delete: bool,
}

/// The keys of an escape sequence (after ESC): the cursor keys left and right, home and end
/// (`[H`/`[F`, `OH`/`OF`, `[1~`/`[7~`, `[4~`/`[8~`) and delete (`[3~`). Up and down, the
/// history keys, do nothing: no history is kept.
fn escape_sequence(vm: &mut Vm<'_>, cursor: u32, len: u32) -> Redraw {
    let none = Redraw::default();
    let home = Redraw {
        back: cursor,
        ..none
    };
    let end = Redraw {
        forward: len - cursor,
        ..none
    };
    match vm.out.read_byte() {
        Some(b'[') => match vm.out.read_byte() {
            Some(digit) if digit.is_ascii_digit() => match (digit, vm.out.read_byte()) {
                (b'1' | b'7', Some(b'~')) => home,
                (b'4' | b'8', Some(b'~')) => end,
                (b'3', Some(b'~')) => Redraw {
                    delete: true,
                    ..none
                },
                _ => none,
            },
            Some(b'D') if cursor > 0 => Redraw { back: 1, ..none },
            Some(b'C') if cursor < len => Redraw { forward: 1, ..none },
            Some(b'H') => home,
            Some(b'F') => end,
            _ => none,
        },
        Some(b'O') => match vm.out.read_byte() {
            Some(b'H') => home,
            Some(b'F') => end,
            _ => none,
        },
        _ => none,
    }
}

/// Remove the byte at `at` from the line in `slot`.
fn remove_byte(vm: &mut Vm<'_>, slot: usize, at: u32) {
    let buf = vm.root(slot).bits();
    let len = vm.heap.get(buf, 0);
    vm.heap
        .bytes_mut(buf, 1, len)
        .copy_within(at as usize + 1.., at as usize);
    vm.heap.set(buf, 0, len - 1);
}

/// Show an edit on the terminal as readline does (VT100); returns the new cursor position.
/// `old_len` is the line's length before the edit.
fn redraw(vm: &mut Vm<'_>, slot: usize, mut cursor: u32, old_len: u32, edit: Redraw) -> u32 {
    let buf = vm.root(slot).bits();
    let len = vm.heap.get(buf, 0);
    if edit.back > 0 {
        cursor_back(vm, edit.back);
        cursor -= edit.back;
    }
    if edit.from_cursor {
        if len < old_len {
            vm.out.write(b"\x1b[K");
        }
        vm.out.write(&vm.heap.bytes(buf, 1, len)[cursor as usize..]);
        cursor_back(vm, len - (cursor + edit.forward));
        cursor += edit.forward;
    } else if edit.forward > 0 {
        let end = (cursor + edit.forward) as usize;
        vm.out
            .write(&vm.heap.bytes(buf, 1, len)[cursor as usize..end]);
        cursor += edit.forward;
    }
    cursor
}

/// Move the terminal's cursor `n` columns left: backspaces for up to 4, else `ESC [ n D`.
fn cursor_back(vm: &mut Vm<'_>, n: u32) {
    if n <= 4 {
        vm.out.write(&b"\x08\x08\x08\x08"[..n as usize]);
    } else {
        let mut command = NumBuf::new();
        command.extend(b"\x1b[");
        command.push_int(i64::from(n));
        command.push(b'D');
        vm.out.write(command.as_bytes());
    }
}

fn builder_len(vm: &Vm<'_>, slot: usize) -> u32 {
    vm.heap.get(vm.root(slot).bits(), 0)
}

/// A builder's bytes as a str: `UnicodeError` when they are not UTF-8.
fn checked_text(vm: &mut Vm<'_>, s: Obj) -> PyResult<Obj> {
    if vm
        .str_data(s)
        .is_some_and(|d| core::str::from_utf8(d).is_err())
    {
        return Err(vm.raise_bare(T_UNICODE_ERROR));
    }
    Ok(s)
}

/// Is this `sys.stdin` (text) rather than `sys.stdin.buffer` (bytes)? `OSError(EPERM)` for
/// `sys.stdout` and `sys.stderr`, which cannot be read.
fn stdin_is_text(vm: &mut Vm<'_>, stream: Obj) -> PyResult<bool> {
    if vm.stdio_fd(stream) != Some(0) {
        return Err(vm.raise_os_error(EPERM));
    }
    Ok(vm.native_base(vm.heap.get_obj(stream.bits(), 0)) == T_TEXTIO)
}

/// Read standard input: at most `limit` characters (text) or bytes, up to and including a
/// `\n` when `line`, or to the end of input. A str for text (`UnicodeError` if it is not
/// UTF-8), else bytes.
fn read_stdin(vm: &mut Vm<'_>, text: bool, limit: usize, line: bool) -> PyResult<Obj> {
    let terminal = vm.out.terminal();
    let slot = vm.builder_new()?;
    let r = (|| {
        let mut count = 0usize;
        // Continuation bytes the last UTF-8 lead byte still wants (text only).
        let mut pending = 0u8;
        while count < limit || pending > 0 {
            let Some(mut c) = vm.out.read_byte() else {
                break;
            };
            if terminal && c == b'\r' {
                c = b'\n';
            }
            vm.sink_write(Sink::Buf(slot), &[c])?;
            if text && c & 0xc0 == 0x80 && pending > 0 {
                pending -= 1;
            } else {
                count += 1;
                pending = if text && c >= 0xc0 {
                    super::methods::utf8_continuations(c)
                } else {
                    0
                };
            }
            if line && c == b'\n' {
                break;
            }
        }
        Ok(())
    })();
    let s = vm.builder_finish(slot);
    r?;
    if text {
        return checked_text(vm, s);
    }
    Ok(vm.str_block_as_bytes(s))
}

/// `stdin.read([size])`: to the end of input without a size.
pub(super) fn stdin_read(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let text = stdin_is_text(vm, vm.arg(a, 0))?;
    let limit = read_size_arg(vm, a)?;
    read_stdin(vm, text, limit, false)
}

/// `stdin.readline([size])`: the line with its `\n`; empty at the end of input.
pub(super) fn stdin_readline(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let text = stdin_is_text(vm, vm.arg(a, 0))?;
    let limit = read_size_arg(vm, a)?;
    read_stdin(vm, text, limit, true)
}

/// `stdin.readlines()`: the list of the lines left.
pub(super) fn stdin_readlines(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let text = stdin_is_text(vm, vm.arg(a, 0))?;
    let list = vm.new_list(0, 0)?;
    vm.push_root(list);
    let r = (|| loop {
        let line = read_stdin(vm, text, usize::MAX, true)?;
        if vm.str_or_bytes(line).is_none_or(|(d, _)| d.is_empty()) {
            return Ok(list);
        }
        vm.list_append(list, line)?;
    })();
    vm.pop_root();
    r
}
