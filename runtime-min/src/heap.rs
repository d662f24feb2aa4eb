//! The garbage-collected heap: a caller-supplied byte region, a first-fit free list and a
//! precise mark-and-sweep collector (after py/gc.c, but precise instead of conservative).
//!
//! Every block starts with a one-word header `kind | mark << 8 | words << 9`, where `words`
//! counts the whole block (header included). A block's payload is `raw_prefix(kind)` raw
//! words followed by object references ([`Obj`]) that the collector follows. The heap never
//! hands out Rust references into itself across allocations: everything is addressed by
//! byte offset, read and written with bounds-checked accessors, so no bug or input can
//! cause undefined behaviour (a broken invariant reads as zero, never out of bounds).

use crate::obj::Obj;

/// Object kinds stored in block headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    /// A free block (payload word 0: next free block offset).
    Free = 0,
    /// `float`: two raw words (f64 bits).
    Float,
    /// `int` beyond 31 bits: raw `[sign | n_limbs << 1, limbs...]` (u32 limbs, little-endian).
    BigInt,
    /// `str` in RAM: raw `[byte_len, bytes...]`.
    Str,
    /// `bytes` in RAM: raw `[byte_len, bytes...]`.
    Bytes,
    /// Raw u32 words (qstr tables, code tables).
    Words,
    /// Object array (list storage, dict tables, constant tables): all references.
    Array,
    /// `tuple`: raw `[len]`, then items.
    Tuple,
    /// `list`: raw `[len]`, then `[storage Array]`.
    List,
    /// `dict`: raw `[used, alloc]`, then `[table Array of key,value pairs]`.
    Dict,
    /// `set`: raw `[used, frozen, alloc]`, then `[table Array]`.
    Set,
    /// A module context: raw `[image]`, then `[qstrs Words, consts Array, codes Words, globals Dict, name]`.
    Module,
    /// A bytecode function: raw `[code_index]`, then `[module, defaults, kwdefaults, closed cells...]`.
    Function,
    /// A cell for closures: `[value]`.
    Cell,
    /// A bound method: `[function, self]`.
    BoundMethod,
    /// A user class: `[name, bases tuple, dict, flags]` (flags: a small int).
    Class,
    /// An instance: `[class, dict, exc args, exc traceback]`.
    Instance,
    /// A frame: raw `[n_state, ip, sp, exc_sp, code_index, flags]`, then `[function, state..., exc entries...]`.
    Frame,
    /// A generator: `[frame]` (frame NULL once finished), raw prefix `[running]`.
    Generator,
    /// A range: `[start, stop, step]` (small ints).
    Range,
    /// A slice: `[start, stop, step]`.
    Slice,
    /// A built-in iterator: raw `[kind, index]`, then `[source, extra]`.
    Iter,
    /// A property / classmethod / staticmethod wrapper: raw `[which]`, then `[fget, fset, fdel]`.
    Wrapper,
    /// `bytearray`: raw `[len]`, then `[storage Bytes]`.
    ByteArray,
    /// `super()` object: `[class, self]`.
    Super,
    /// `array.array` / `memoryview`: raw `[len, typecode | flags, byte offset]`, then `[storage]`.
    TypedArray,
    /// `complex`: four raw words (the f64 bits of the real, then the imaginary part).
    Complex,
}

const KINDS: [Kind; 27] = [
    Kind::Free,
    Kind::Float,
    Kind::BigInt,
    Kind::Str,
    Kind::Bytes,
    Kind::Words,
    Kind::Array,
    Kind::Tuple,
    Kind::List,
    Kind::Dict,
    Kind::Set,
    Kind::Module,
    Kind::Function,
    Kind::Cell,
    Kind::BoundMethod,
    Kind::Class,
    Kind::Instance,
    Kind::Frame,
    Kind::Generator,
    Kind::Range,
    Kind::Slice,
    Kind::Iter,
    Kind::Wrapper,
    Kind::ByteArray,
    Kind::Super,
    Kind::TypedArray,
    Kind::Complex,
];

impl Kind {
    fn from_u8(b: u8) -> Kind {
        KINDS.get(usize::from(b)).copied().unwrap_or(Kind::Free)
    }

    /// How many payload words are raw data; the rest are references. `u32::MAX` = all raw.
    const fn raw_prefix(self) -> u32 {
        match self {
            Kind::Free
            | Kind::Float
            | Kind::Complex
            | Kind::BigInt
            | Kind::Str
            | Kind::Bytes
            | Kind::Words => u32::MAX,
            Kind::Array | Kind::Cell | Kind::BoundMethod | Kind::Class | Kind::Instance => 0,
            Kind::Range | Kind::Slice | Kind::Super => 0,
            Kind::Tuple | Kind::List | Kind::Module | Kind::Function => 1,
            Kind::Generator | Kind::Wrapper | Kind::ByteArray => 1,
            Kind::Dict | Kind::Iter => 2,
            Kind::Set | Kind::TypedArray => 3,
            Kind::Frame => 6,
        }
    }
}

/// Header word of a block.
const MARK: u32 = 1 << 8;
const SIZE_SHIFT: u32 = 9;
/// Mark-stack capacity; overflow falls back to rescanning the heap.
const MARK_STACK: usize = 48;

/// The heap. Offsets are byte offsets into `mem`; offset 0 is never a block (it is NULL).
///
/// The region is kept as words: a word read is one bounds check and one load, which matters
/// because every object access is one (reading through a byte slice cost 7 KB of flash in
/// the firmware example). Byte payloads (str, bytes) are viewed through `bytemuck` casts.
/// (Keeping the accessors out of line would save another 3 KB on thumbv7m, but rustc 1.95
/// then miscompiled `bytearray_push`: it reused a block offset read before `set_obj` changed
/// it. The QEMU corpus test caught it; the accessors stay `#[inline]`.)
// `repr(C)`: the memory slice first (see `Vm`'s layout), the mark stack last.
#[repr(C)]
pub struct Heap<'h> {
    mem: &'h mut [u32],
    /// End of the region ever allocated (blocks are laid out contiguously below it).
    top: u32,
    /// Usable end (4-aligned length of `mem`).
    end: u32,
    /// Head of the free list (0 = empty).
    free: u32,
    /// No free-list block is larger than this many words (an upper bound, exact after a
    /// failed search; blocks `release` added may exceed it, a hint only), so a request that
    /// cannot fit skips the search and takes the tail.
    free_max: u32,
    /// Free block after which the next search starts (0: the head of the list).
    rover: u32,
    /// Bytes currently allocated (blocks in use, headers included).
    pub(crate) used: u32,
    /// Number of collections run.
    pub(crate) collections: u32,
    /// Bytes allocated since the last collection (for `gc.threshold`).
    pub(crate) allocated_since_collect: u32,
    mark_sp: usize,
    mark_overflow: bool,
    mark_stack: [u32; MARK_STACK],
}

impl<'h> Heap<'h> {
    /// A heap over the 4-aligned part of `mem`; at least 64 bytes are needed to be useful.
    pub fn new(mem: &'h mut [u8]) -> Self {
        let (_, mem, _) = bytemuck::pod_align_to_mut::<u8, u32>(mem);
        let len = u32::try_from(mem.len()).map_or(u32::MAX - 3, |w| w.saturating_mul(4));
        mem.fill(0);
        Heap {
            mem,
            top: 4,
            end: len.max(4),
            free: 0,
            free_max: 0,
            rover: 0,
            used: 0,
            collections: 0,
            allocated_since_collect: 0,
            mark_stack: [0; MARK_STACK],
            mark_sp: 0,
            mark_overflow: false,
        }
    }

    /// Total size of the region.
    pub fn capacity(&self) -> u32 {
        self.end
    }

    /// The word at byte offset `off` (its low two bits are ignored); 0 out of bounds.
    ///
    /// Every heap access goes through this and `set_word`. With the `small-code` feature they
    /// are calls rather than inlined: about 5 KB less flash on thumbv7m, and slower.
    #[cfg_attr(feature = "small-code", inline(never))]
    #[cfg_attr(not(feature = "small-code"), inline)]
    pub(crate) fn word(&self, off: u32) -> u32 {
        self.mem.get((off >> 2) as usize).copied().unwrap_or(0)
    }

    #[cfg_attr(feature = "small-code", inline(never))]
    #[cfg_attr(not(feature = "small-code"), inline)]
    pub(crate) fn set_word(&mut self, off: u32, v: u32) {
        if let Some(w) = self.mem.get_mut((off >> 2) as usize) {
            *w = v;
        }
    }

    fn mem_bytes(&self) -> &[u8] {
        bytemuck::cast_slice(self.mem)
    }

    fn mem_bytes_mut(&mut self) -> &mut [u8] {
        bytemuck::cast_slice_mut(self.mem)
    }

    /// Kind of the block at `off`.
    #[inline]
    pub fn kind(&self, off: u32) -> Kind {
        Kind::from_u8((self.word(off) & 0xff) as u8)
    }

    /// Block size in words, header included.
    #[inline]
    pub(crate) fn block_words(&self, off: u32) -> u32 {
        self.word(off) >> SIZE_SHIFT
    }

    /// Payload word `i` of the block at `off`.
    #[inline]
    pub(crate) fn get(&self, off: u32, i: u32) -> u32 {
        self.word(off.wrapping_add(4).wrapping_add(i.wrapping_mul(4)))
    }

    #[inline]
    pub(crate) fn set(&mut self, off: u32, i: u32, v: u32) {
        self.set_word(off.wrapping_add(4).wrapping_add(i.wrapping_mul(4)), v);
    }

    #[inline]
    pub(crate) fn get_obj(&self, off: u32, i: u32) -> Obj {
        Obj::from_bits(self.get(off, i))
    }

    #[inline]
    pub(crate) fn set_obj(&mut self, off: u32, i: u32, v: Obj) {
        self.set(off, i, v.bits());
    }

    /// Payload bytes of the block at `off`, starting at payload word `from_word`.
    pub(crate) fn bytes(&self, off: u32, from_word: u32, len: u32) -> &[u8] {
        let start = (off as usize) + 4 + (from_word as usize) * 4;
        self.mem_bytes()
            .get(start..start + len as usize)
            .unwrap_or(&[])
    }

    /// The bytes of a `[byte_len, bytes...]` block of kind `kind` at `off` (a str or
    /// bytes object), read with one bounds check for header and length.
    #[inline]
    pub(crate) fn len_prefixed_bytes(&self, off: u32, kind: Kind) -> Option<&[u8]> {
        if self.word(off) & 0xff != kind as u32 {
            return None;
        }
        let len = self.get(off, 0) as usize;
        let start = off as usize + 8;
        self.mem_bytes().get(start..start.checked_add(len)?)
    }

    pub(crate) fn bytes_mut(&mut self, off: u32, from_word: u32, len: u32) -> &mut [u8] {
        let start = (off as usize) + 4 + (from_word as usize) * 4;
        self.mem_bytes_mut()
            .get_mut(start..start + len as usize)
            .unwrap_or(&mut [])
    }

    /// Copy `len` bytes inside the heap (ranges may overlap).
    pub(crate) fn copy_within(&mut self, src: usize, dst: usize, len: usize) {
        let mem = self.mem_bytes_mut();
        if src.checked_add(len).is_some_and(|e| e <= mem.len())
            && dst.checked_add(len).is_some_and(|e| e <= mem.len())
        {
            mem.copy_within(src..src + len, dst);
        }
    }

    /// Absolute byte position of payload word `w` of block `off`.
    pub(crate) fn payload_pos(off: u32, w: u32) -> usize {
        off as usize + 4 + w as usize * 4
    }

    /// Try to allocate `payload_words` words of payload; zeroed. None when full.
    pub(crate) fn try_alloc(&mut self, kind: Kind, payload_words: u32) -> Option<u32> {
        let words = payload_words.checked_add(1)?.max(2);
        if words >= (1 << (32 - SIZE_SHIFT)) {
            return None;
        }
        if words <= self.free_max {
            if let Some(off) = self.take_free(kind, words) {
                return Some(off);
            }
        }
        // Bump allocation from the never-used tail.
        let need = words.checked_mul(4)?;
        if self.top.checked_add(need)? <= self.end {
            let off = self.top;
            self.top += need;
            return Some(self.init_block(off, kind, words));
        }
        None
    }

    /// Next fit on the free list: the search starts after the block where the previous
    /// one ended (`rover`), so the small fragments at the front are not rescanned for every
    /// request (py/gc.c keeps a similar hint, `gc_last_free_atb_index`); it wraps around
    /// once. A failed search records the largest block it saw in `free_max`.
    fn take_free(&mut self, kind: Kind, words: u32) -> Option<u32> {
        let mut prev = self.rover;
        let mut cur = if prev == 0 {
            self.free
        } else {
            self.get(prev, 0)
        };
        let start = cur;
        let mut wrapped = prev == 0;
        let mut largest = 0u32;
        let mut guard = 0u32;
        loop {
            if cur == 0 {
                if wrapped {
                    break;
                }
                wrapped = true;
                prev = 0;
                cur = self.free;
                if cur == 0 {
                    break;
                }
            } else if wrapped && cur == start && guard > 0 {
                break;
            }
            guard += 1;
            if guard > 1 << 22 {
                return None;
            }
            let size = self.block_words(cur);
            let next = self.get(cur, 0);
            if size >= words {
                let rest = size - words;
                let replacement = if rest >= 2 {
                    let split = cur + words * 4;
                    self.set_word(split, (Kind::Free as u32) | (rest << SIZE_SHIFT));
                    self.set(split, 0, next);
                    split
                } else {
                    next
                };
                if prev == 0 {
                    self.free = replacement;
                } else {
                    self.set(prev, 0, replacement);
                }
                self.rover = prev;
                let total = if rest >= 2 { words } else { size };
                return Some(self.init_block(cur, kind, total));
            }
            largest = largest.max(size);
            prev = cur;
            cur = next;
        }
        self.free_max = largest;
        None
    }

    /// Give block `off` back before the next collection; the caller guarantees nothing
    /// refers to it any more. A block ending the allocated region (the common last-in
    /// first-out case of call frames) returns to the bump tail; any other joins the free
    /// list just after the search hint. `free_max` is not raised: small requests may split
    /// the block, and a raised bound would make every later request of its size scan the
    /// whole list (pystone ran 9x slower).
    pub(crate) fn release(&mut self, off: u32) {
        let words = self.block_words(off);
        if off < 4 || words < 2 || off >= self.top || self.kind(off) == Kind::Free {
            return;
        }
        self.used = self.used.saturating_sub(words * 4);
        if off + words * 4 == self.top {
            self.top = off;
            return;
        }
        self.set_word(off, (Kind::Free as u32) | (words << SIZE_SHIFT));
        if self.rover == 0 {
            self.set(off, 0, self.free);
            self.free = off;
        } else {
            let next = self.get(self.rover, 0);
            self.set(off, 0, next);
            self.set(self.rover, 0, off);
        }
    }

    fn init_block(&mut self, off: u32, kind: Kind, words: u32) -> u32 {
        self.set_word(off, (kind as u32) | (words << SIZE_SHIFT));
        let start = (off >> 2) as usize + 1;
        let end = (off >> 2) as usize + words as usize;
        if let Some(b) = self.mem.get_mut(start..end) {
            b.fill(0);
        }
        self.used += words * 4;
        self.allocated_since_collect = self.allocated_since_collect.saturating_add(words * 4);
        off
    }

    /// The heap in MicroPython's 16-byte GC blocks, for `micropython.mem_info()`: the number
    /// of live objects taking one and two blocks, the largest live object and the largest
    /// free run, in blocks.
    pub(crate) fn block_info(&self) -> [u32; 4] {
        const BLOCK: u32 = 16;
        let (mut one, mut two, mut max_block, mut max_free, mut run) = (0, 0, 0, 0, 0);
        let mut off = 4;
        while off < self.top {
            let h = self.word(off);
            let bytes = (h >> SIZE_SHIFT) * 4;
            if bytes == 0 {
                break;
            }
            if h & 0xff == Kind::Free as u32 {
                run += bytes;
            } else {
                max_free = max_free.max(run);
                run = 0;
                let blocks = bytes.div_ceil(BLOCK);
                one += u32::from(blocks == 1);
                two += u32::from(blocks == 2);
                max_block = max_block.max(blocks);
            }
            off += bytes;
        }
        max_free = max_free.max(run + self.end.saturating_sub(self.top));
        [one, two, max_block, max_free / BLOCK]
    }

    /// Is `o` a reference to a block inside the allocated region?
    #[inline]
    fn is_block(&self, o: Obj) -> Option<u32> {
        let off = o.heap_offset()?;
        (off >= 4 && off < self.top).then_some(off)
    }

    /// Start a collection: clear nothing (marks are cleared by sweep).
    pub(crate) fn mark(&mut self, o: Obj) {
        let Some(off) = self.is_block(o) else { return };
        let h = self.word(off);
        if h & MARK != 0 || (h & 0xff) == Kind::Free as u32 {
            return;
        }
        self.set_word(off, h | MARK);
        if self.mark_sp < MARK_STACK {
            self.mark_stack[self.mark_sp] = off;
            self.mark_sp += 1;
        } else {
            self.mark_overflow = true;
        }
        self.drain();
    }

    fn drain(&mut self) {
        while self.mark_sp > 0 {
            self.mark_sp -= 1;
            let off = self.mark_stack[self.mark_sp];
            self.mark_children(off);
        }
    }

    fn mark_children(&mut self, off: u32) {
        let kind = self.kind(off);
        let prefix = kind.raw_prefix();
        let payload = self.block_words(off).saturating_sub(1);
        let mut limit = payload;
        if kind == Kind::Tuple {
            limit = limit.min(self.get(off, 0).saturating_add(1));
        }
        let mut i = prefix;
        while i < limit {
            let child = self.get_obj(off, i);
            if let Some(c) = self.is_block(child) {
                let h = self.word(c);
                if h & MARK == 0 && (h & 0xff) != Kind::Free as u32 {
                    self.set_word(c, h | MARK);
                    if self.mark_sp < MARK_STACK {
                        self.mark_stack[self.mark_sp] = c;
                        self.mark_sp += 1;
                    } else {
                        self.mark_overflow = true;
                    }
                }
            }
            i += 1;
        }
    }

    /// Finish marking (handling mark-stack overflow), then sweep: returns bytes freed (the
    /// heap's unit tests; `Vm::collect` runs the weakref step between the two).
    #[cfg(test)]
    pub(crate) fn finish_and_sweep(&mut self) -> u32 {
        self.finish_marking();
        self.sweep()
    }

    /// Mark everything reachable from what was marked so far.
    pub(crate) fn finish_marking(&mut self) {
        self.drain();
        while self.mark_overflow {
            self.mark_overflow = false;
            let mut off = 4;
            while off < self.top {
                let words = self.block_words(off);
                if words == 0 {
                    break;
                }
                if self.word(off) & MARK != 0 {
                    self.mark_children(off);
                    self.drain();
                }
                off += words * 4;
            }
        }
    }

    /// Whether heap object `o` was marked in this collection (non-heap values: true).
    #[cfg(feature = "weakref")]
    pub(crate) fn is_marked(&self, o: Obj) -> bool {
        self.is_block(o)
            .is_none_or(|off| self.word(off) & MARK != 0)
    }

    /// Free every unmarked block (marking is finished); returns the bytes freed.
    pub(crate) fn sweep(&mut self) -> u32 {
        self.collections += 1;
        self.allocated_since_collect = 0;
        // Sweep, coalescing free runs and rebuilding the free list in address order.
        let mut off = 4u32;
        let mut freed = 0u32;
        self.free = 0;
        let mut last_free = 0u32;
        let mut used = 0u32;
        let mut free_max = 0u32;
        while off < self.top {
            let h = self.word(off);
            let words = h >> SIZE_SHIFT;
            if words == 0 {
                // Corrupt header: treat the rest as the untouched tail.
                self.top = off;
                break;
            }
            let live = h & MARK != 0;
            if live {
                self.set_word(off, h & !MARK);
                used += words * 4;
            } else {
                if (h & 0xff) != Kind::Free as u32 {
                    freed += words * 4;
                }
                if last_free != 0 && last_free + self.block_words(last_free) * 4 == off {
                    let merged = self.block_words(last_free) + words;
                    self.set_word(last_free, (Kind::Free as u32) | (merged << SIZE_SHIFT));
                    free_max = free_max.max(merged);
                } else {
                    self.set_word(off, (Kind::Free as u32) | (words << SIZE_SHIFT));
                    self.set(off, 0, 0);
                    free_max = free_max.max(words);
                    if last_free == 0 {
                        self.free = off;
                    } else {
                        self.set(last_free, 0, off);
                    }
                    last_free = off;
                }
            }
            off += words * 4;
        }
        // A free run at the very end returns to the bump tail.
        if last_free != 0 && last_free + self.block_words(last_free) * 4 == self.top {
            self.top = last_free;
            // Unlink it: find its predecessor.
            if self.free == last_free {
                self.free = 0;
            } else {
                let mut cur = self.free;
                while cur != 0 {
                    let next = self.get(cur, 0);
                    if next == last_free {
                        self.set(cur, 0, 0);
                        break;
                    }
                    cur = next;
                }
            }
        }
        self.used = used;
        self.free_max = free_max;
        self.rover = 0;
        freed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_up_then_collects_everything_unreachable() {
        let mut mem = [0u8; 1024];
        let mut h = Heap::new(&mut mem);
        let mut n = 0;
        while h.try_alloc(Kind::Float, 2).is_some() {
            n += 1;
        }
        assert!(n > 60, "{n} floats of 12 bytes fit in 1 KB");
        assert!(h.try_alloc(Kind::Float, 2).is_none());
        h.finish_and_sweep();
        assert_eq!(h.used, 0);
        // Everything was coalesced back: one big block fits again.
        assert!(h.try_alloc(Kind::Words, 200).is_some());
    }

    #[test]
    fn reachable_objects_survive_and_keep_their_contents() {
        let mut mem = [0u8; 4096];
        let mut h = Heap::new(&mut mem);
        let arr = h.try_alloc(Kind::Array, 2).expect("array");
        let f = h.try_alloc(Kind::Float, 2).expect("float");
        h.set(f, 0, 0xdead_beef);
        h.set_obj(arr, 0, Obj::heap(f));
        let garbage = h.try_alloc(Kind::Str, 10).expect("str");
        h.mark(Obj::heap(arr));
        h.finish_and_sweep();
        assert_eq!(h.kind(arr), Kind::Array);
        assert_eq!(h.kind(f), Kind::Float);
        assert_eq!(h.get(f, 0), 0xdead_beef);
        assert_eq!(h.kind(garbage), Kind::Free);
        // The freed block is reused.
        assert_eq!(h.try_alloc(Kind::Str, 10), Some(garbage));
    }

    #[test]
    fn requests_larger_than_every_free_block_take_the_tail_and_small_ones_still_reuse() {
        let mut mem = [0u8; 4096];
        let mut h = Heap::new(&mut mem);
        let keep = h.try_alloc(Kind::Array, 20).expect("array");
        let small: [u32; 4] = core::array::from_fn(|_| h.try_alloc(Kind::Float, 2).expect("f"));
        // Each float between two live arrays, so the free blocks stay apart.
        let mut fences = [0u32; 4];
        for (i, _) in small.iter().enumerate() {
            fences[i] = h.try_alloc(Kind::Array, 1).expect("fence");
        }
        h.set_obj(keep, 0, Obj::heap(small[1]));
        h.set_obj(keep, 1, Obj::heap(small[3]));
        for (i, &f) in fences.iter().enumerate() {
            h.set_obj(keep, 2 + i as u32, Obj::heap(f));
        }
        h.mark(Obj::heap(keep));
        h.finish_and_sweep();
        let top = h.top;
        let big = h.try_alloc(Kind::Words, 50).expect("big");
        assert_eq!(big, top, "no free block fits: bump allocation");
        assert_eq!(h.try_alloc(Kind::Float, 2), Some(small[0]));
        assert_eq!(h.try_alloc(Kind::Float, 2), Some(small[2]));
    }

    #[test]
    fn deep_chains_survive_mark_stack_overflow() {
        let mut mem = [0u8; 8192];
        let mut h = Heap::new(&mut mem);
        let mut prev = Obj::NULL;
        let mut all = [0u32; 200];
        for slot in &mut all {
            let a = h.try_alloc(Kind::Array, 1).expect("array");
            h.set_obj(a, 0, prev);
            prev = Obj::heap(a);
            *slot = a;
        }
        h.mark(prev);
        h.finish_and_sweep();
        assert!(all.iter().all(|&a| h.kind(a) == Kind::Array));
        assert_eq!(h.used, 200 * 8);
    }

    #[test]
    fn raw_words_are_never_followed() {
        let mut mem = [0u8; 1024];
        let mut h = Heap::new(&mut mem);
        let victim = h.try_alloc(Kind::Float, 2).expect("float");
        let words = h.try_alloc(Kind::Words, 1).expect("words");
        // A raw word that happens to equal a block offset must not keep it alive.
        h.set(words, 0, victim);
        h.mark(Obj::heap(words));
        h.finish_and_sweep();
        assert_eq!(h.kind(victim), Kind::Free);
    }

    #[test]
    fn released_blocks_return_to_the_tail_or_the_free_list() {
        let mut mem = [0u8; 256];
        let mut h = Heap::new(&mut mem);
        let a = h.try_alloc(Kind::Frame, 10).expect("fits");
        let b = h.try_alloc(Kind::Frame, 10).expect("fits");
        // The last block returns to the bump tail: the same offset comes back.
        h.release(b);
        assert_eq!(h.used, 44);
        assert_eq!(h.try_alloc(Kind::Frame, 10), Some(b));
        // A block below live ones becomes free at once (a collection finds it too).
        h.release(a);
        assert_eq!(h.used, 44);
        assert_eq!(h.kind(a), Kind::Free);
        // Releasing it again, or a bad offset, changes nothing.
        h.release(a);
        h.release(3);
        h.release(9999);
        assert_eq!(h.used, 44);
        h.mark(Obj::heap(b));
        h.finish_and_sweep();
        assert_eq!(h.used, 44);
        assert_eq!(h.try_alloc(Kind::Frame, 10), Some(a));
        assert_eq!(h.collections, 1);
    }
}
