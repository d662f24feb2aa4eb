//! dict and set: open-addressing hash tables with MicroPython's probing, growth sizes and
//! deletion sentinels, so iteration order matches the reference VM (after py/map.c).

use crate::builtins as b;
use crate::heap::Kind;
use crate::obj::{Imm, Obj, Qstr, QSTR_IMAGE_BIT};
use crate::vm::{PyResult, Vm};
use core::cell::Cell;
use mpy_format::opcode::BinaryOp;

/// A deleted slot's key (MP_OBJ_SENTINEL).
pub(crate) const SENTINEL: Obj = Obj::imm(Imm::Const, 7);

const ALLOC_SIZES: [u32; 34] = [
    0, 2, 4, 6, 8, 10, 12, 17, 23, 29, 37, 47, 59, 73, 97, 127, 167, 223, 293, 389, 521, 691, 919,
    1223, 1627, 2161, 3229, 4831, 7243, 10861, 16273, 24407, 36607, 54907,
];

fn alloc_at_least(x: u32) -> u32 {
    ALLOC_SIZES
        .iter()
        .copied()
        .find(|&s| s >= x)
        // Past the table, grow by half (map.c): growing by one made every insert rehash.
        .unwrap_or(x.saturating_add(x / 2) | 1)
}

/// (class or dict, name id, `adds`, collections) of a failed lookup.
type Absent = (u32, u32, u32, u32);

/// Entries in the cache of failed lookups.
const ABSENT_SIZE: usize = 16;

/// Entries in the name lookup cache (a power of two).
const CACHE_SIZE: usize = 64;

/// The map lookup cache (py/map.c's `MICROPY_OPT_MAP_LOOKUP_CACHE`, indexed by the name
/// rather than the bytecode address): for a qstr, the table slot where it was last found
/// in some dict. A hit needs one identity compare and no hashing; a stale slot simply
/// misses. Plus the last built-ins found by name (they cannot change), and names recently
/// found absent from a class and its bases (what py/objtype.c learns from a class's
/// `MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS`: most stores need no class lookup), valid while no
/// dict gained a key and no collection ran since.
pub(crate) struct NameCache {
    slots: [Cell<u16>; CACHE_SIZE],
    builtins: [Cell<(Qstr, Obj)>; 8],
    /// Counts dict insertions (of keys that may be new).
    adds: Cell<u32>,
    absent: [Cell<Absent>; ABSENT_SIZE],
}

impl NameCache {
    pub(crate) const fn new() -> Self {
        NameCache {
            slots: [const { Cell::new(0) }; CACHE_SIZE],
            builtins: [const { Cell::new((0, Obj::NULL)) }; 8],
            adds: Cell::new(0),
            absent: [const { Cell::new((0, 0, 0, 0)) }; ABSENT_SIZE],
        }
    }
}

fn cache_index(q: Qstr) -> usize {
    (q.wrapping_mul(0x9e37_79b9) >> 26) as usize % CACHE_SIZE
}

/// Whether two different qstr ids are known to name different strings, as interned
/// strings are unique in py/qstr.c: both static (or the VM's extra names), or both in one
/// image's name pool. A `.mpy` qstr table is deduplicated when loaded and a frozen image's
/// string pool is deduplicated by construction (but not the image of run-time compiled code,
/// which holds many `.mpy` files); `str` constants (`QSTR_PLAIN_LEN`) are not
/// interned, and names from different pools may coincide, so those compare by contents.
pub(crate) fn qstrs_distinct(a: Qstr, b: Qstr) -> bool {
    let plain = crate::loader::QSTR_PLAIN_LEN;
    if (a | b) & QSTR_IMAGE_BIT == 0 {
        return true;
    }
    let same_image = a & b & QSTR_IMAGE_BIT != 0 && (a | b) & plain == 0 && (a ^ b) >> 24 == 0;
    // Run-time compiled code shares one image among many `.mpy` files.
    #[cfg(feature = "eval")]
    let same_image = same_image && (a >> 24) & 0xf != crate::vm::COMPILED_IMAGE;
    same_image
}

/// A name to look up (attribute, global): its object (a qstr or `str`, or NULL when only
/// the bytes are known), its bytes, and its hash, computed once on first need.
pub(crate) struct NameKey<'n> {
    obj: Obj,
    bytes: &'n [u8],
    hash: Cell<u32>,
    /// Identifies the name in the absent-from-class cache (0: not cached): a qstr's object
    /// bits, or a small odd number for a special name known by its bytes.
    id: u32,
}

impl<'n> NameKey<'n> {
    /// A name object (qstr or `str`) with its bytes.
    pub(crate) fn new(obj: Obj, bytes: &'n [u8]) -> Self {
        NameKey {
            obj,
            bytes,
            hash: Cell::new(0),
            id: if obj.as_qstr().is_some() {
                obj.bits()
            } else {
                0
            },
        }
    }

    /// A special name known by its bytes, hash (`hash_bytes`, computed at compile time)
    /// and a small odd `id` of its own.
    pub(crate) const fn special(bytes: &'n [u8], hash: u32, id: u32) -> Self {
        NameKey {
            obj: Obj::NULL,
            bytes,
            hash: Cell::new(hash),
            id,
        }
    }

    /// A name known only by its bytes.
    pub(crate) fn bytes(bytes: &'n [u8]) -> Self {
        NameKey::new(Obj::NULL, bytes)
    }

    fn hash(&self) -> u32 {
        let mut h = self.hash.get();
        if h == 0 {
            h = crate::object::hash_bytes(self.bytes);
            self.hash.set(h);
        }
        h
    }
}

/// Table geometry of a dict (width 2) or set (width 1).
#[derive(Clone, Copy)]
struct Table {
    obj: u32,
    width: u32,
    /// Index of the `used` and `alloc` raw words and the table reference.
    used_w: u32,
    alloc_w: u32,
    table_w: u32,
}

impl Table {
    fn dict(o: Obj) -> Table {
        Table {
            obj: o.bits(),
            width: 2,
            used_w: 0,
            alloc_w: 1,
            table_w: 2,
        }
    }
    fn set(o: Obj) -> Table {
        Table {
            obj: o.bits(),
            width: 1,
            used_w: 0,
            alloc_w: 2,
            table_w: 3,
        }
    }
}

/// A looked-up key as probing sees it (see [`Vm::probe_equal`]).
#[derive(Clone, Copy)]
enum KeyShape {
    SmallInt,
    /// A str: its length and last byte (unequal keys met while probing mostly differ there).
    Str {
        len: usize,
        last: Option<u8>,
    },
    Other,
}

enum Lookup {
    Find,
    Add,
    Remove,
}

impl<'a> Vm<'a> {
    pub(crate) fn new_dict(&mut self, n: u32) -> PyResult<Obj> {
        // The table first (see `new_set`).
        let t = if n > 0 {
            Obj::heap(self.alloc(Kind::Array, n * 2)?)
        } else {
            Obj::NULL
        };
        self.push_root(t);
        let d = self.alloc(Kind::Dict, 3);
        self.pop_root();
        let d = d?;
        if n > 0 {
            self.heap.set(d, 1, n);
            self.heap.set_obj(d, 2, t);
        }
        Ok(Obj::heap(d))
    }

    /// A new `collections.OrderedDict`: a dict block with a fourth word marking it ordered
    /// (py/map.c's `is_ordered`: entries packed in insertion order, found by linear scan).
    pub(crate) fn new_ordered_dict(&mut self) -> PyResult<Obj> {
        let d = self.alloc(Kind::Dict, 4)?;
        self.heap.set_obj(d, 3, Obj::TRUE);
        Ok(Obj::heap(d))
    }

    /// Is dict `d` an `OrderedDict`?
    pub(crate) fn dict_is_ordered(&self, d: Obj) -> bool {
        self.heap.block_words(d.bits()) >= 5 && self.heap.get_obj(d.bits(), 3) == Obj::TRUE
    }

    /// mp_map_lookup on an ordered map: linear scan; removal moves the rest down; adding
    /// appends, growing the table by 4 entries when full.
    fn lookup_ordered(&mut self, d: u32, key: Obj, kind: &Lookup) -> PyResult<Option<u32>> {
        let used = self.heap.get(d, 0);
        for pos in 0..used {
            let table = self.heap.get_obj(d, 2).bits();
            let k = self.heap.get_obj(table, pos * 2);
            if k == key || self.keys_equal(k, key)? {
                if let Lookup::Remove = kind {
                    // The caller reads the value from slot `used - 1` afterwards.
                    let table = self.heap.get_obj(d, 2).bits();
                    let used = self.heap.get(d, 0);
                    let value = self.heap.get_obj(table, pos * 2 + 1);
                    for i in pos * 2..(used - 1) * 2 {
                        let v = self.heap.get_obj(table, i + 2);
                        self.heap.set_obj(table, i, v);
                    }
                    self.heap.set(d, 0, used - 1);
                    self.heap.set_obj(table, (used - 1) * 2, Obj::NULL);
                    self.heap.set_obj(table, (used - 1) * 2 + 1, value);
                    return Ok(Some(used - 1));
                }
                return Ok(Some(pos));
            }
        }
        if !matches!(kind, Lookup::Add) {
            return Ok(None);
        }
        let used = self.heap.get(d, 0);
        let alloc = self.heap.get(d, 1);
        if used >= alloc {
            let base = self.roots_len();
            self.push_root(Obj::heap(d));
            self.push_root(key);
            let new = self.alloc(Kind::Array, (alloc + 4) * 2);
            self.truncate_roots(base);
            let new = new?;
            let old = self.heap.get_obj(d, 2).bits();
            for i in 0..used * 2 {
                let v = self.heap.get_obj(old, i);
                self.heap.set_obj(new, i, v);
            }
            self.heap.set(d, 1, alloc + 4);
            self.heap.set_obj(d, 2, Obj::heap(new));
        }
        let table = self.heap.get_obj(d, 2).bits();
        self.heap.set_obj(table, used * 2, key);
        self.heap.set_obj(table, used * 2 + 1, Obj::NULL);
        self.note_insert(Table::dict(Obj::heap(d)));
        Ok(Some(used))
    }

    /// Ordered dicts are equal when their items are equal in order (py/objdict.c).
    fn ordered_dict_equal(&mut self, a: Obj, bo: Obj) -> PyResult<bool> {
        let n = self.heap.get(a.bits(), 0);
        if n != self.heap.get(bo.bits(), 0) {
            return Ok(false);
        }
        for i in 0..n {
            let (Some((k1, v1)), Some((k2, v2))) = (self.dict_slot(a, i), self.dict_slot(bo, i))
            else {
                return Ok(false);
            };
            if !self.equal(k1, k2)? || !self.equal(v1, v2)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub(crate) fn new_set(&mut self, n: u32, frozen: bool) -> PyResult<Obj> {
        // The table first: a big request that needs a collection then finds the freed run
        // at the end of the heap whole, not cut by the small set block.
        let t = if n > 0 {
            Obj::heap(self.alloc(Kind::Array, n)?)
        } else {
            Obj::NULL
        };
        self.push_root(t);
        let s = self.alloc(Kind::Set, 4);
        self.pop_root();
        let s = s?;
        self.heap.set(s, 1, u32::from(frozen));
        if n > 0 {
            self.heap.set(s, 2, n);
            self.heap.set_obj(s, 3, t);
        }
        Ok(Obj::heap(s))
    }

    fn rehash(&mut self, t: Table, keep: Obj, keep2: Obj) -> PyResult<()> {
        let old_alloc = self.heap.get(t.obj, t.alloc_w);
        let new_alloc = alloc_at_least(old_alloc + 1);
        let base = self.roots_len();
        self.push_root(Obj::heap(t.obj));
        self.push_root(keep);
        self.push_root(keep2);
        let new = self.alloc(Kind::Array, new_alloc * t.width);
        self.truncate_roots(base);
        let new = new?;
        let old = self.heap.get_obj(t.obj, t.table_w);
        self.heap.set(t.obj, t.alloc_w, new_alloc);
        self.heap.set(t.obj, t.used_w, 0);
        self.heap.set_obj(t.obj, t.table_w, Obj::heap(new));
        for i in 0..old_alloc {
            let k = self.heap.get_obj(old.bits(), i * t.width);
            if !k.is_null() && k != SENTINEL {
                let h = self.hash(k)?;
                let slot = self.probe_insert_fresh(t, h);
                self.heap.set_obj(new, slot * t.width, k);
                if t.width == 2 {
                    let v = self.heap.get_obj(old.bits(), i * 2 + 1);
                    self.heap.set_obj(new, slot * 2 + 1, v);
                }
                let used = self.heap.get(t.obj, t.used_w);
                self.heap.set(t.obj, t.used_w, used + 1);
            }
        }
        Ok(())
    }

    /// First empty slot for a key known to be absent (rehash only).
    fn probe_insert_fresh(&self, t: Table, hash: u32) -> u32 {
        let alloc = self.heap.get(t.obj, t.alloc_w).max(1);
        let table = self.heap.get_obj(t.obj, t.table_w).bits();
        let mut pos = hash % alloc;
        for _ in 0..alloc {
            if self.heap.get_obj(table, pos * t.width).is_null() {
                return pos;
            }
            pos = (pos + 1) % alloc;
        }
        0
    }

    /// A new key went into table `t`: count it, and forget which names were absent from
    /// classes (this may be a class's dict).
    fn note_insert(&mut self, t: Table) {
        let used = self.heap.get(t.obj, t.used_w);
        self.heap.set(t.obj, t.used_w, used + 1);
        let adds = &self.name_cache.adds;
        adds.set(adds.get().wrapping_add(1));
    }

    /// mp_map_lookup: returns the slot index holding `key` (after adding it for `Add`).
    fn lookup(&mut self, t: Table, key: Obj, kind: Lookup) -> PyResult<Option<u32>> {
        if t.width == 2 && !matches!(kind, Lookup::Remove) {
            if let Some(slot) = self.cached_slot(t.obj, key) {
                return Ok(Some(slot));
            }
        }
        if t.width == 2 && !matches!(kind, Lookup::Add) && self.misses_all_qstr_dict(t, key) {
            return Ok(None);
        }
        let remove = matches!(kind, Lookup::Remove);
        let r = if t.width == 2 && self.dict_is_ordered(Obj::heap(t.obj)) {
            self.lookup_ordered(t.obj, key, &kind)?
        } else {
            self.lookup_hashed(t, key, kind)?
        };
        if let (Some(slot), 2, false) = (r, t.width, remove) {
            self.cache_slot(key, slot);
        }
        Ok(r)
    }

    /// map.c's `all_keys_are_qstrs` shortcut: a dict whose keys are all interned strs answers
    /// "absent" for a non-str key without hashing it, so an unhashable key (a list, dict, set,
    /// bytearray or a tuple holding one) is simply not found there.
    fn misses_all_qstr_dict(&self, t: Table, key: Obj) -> bool {
        if !matches!(
            self.kind_of(key),
            Some(Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray | Kind::Tuple)
        ) {
            return false;
        }
        let table = self.heap.get_obj(t.obj, t.table_w).bits();
        let alloc = self.heap.get(t.obj, t.alloc_w);
        if alloc == 0 {
            return true;
        }
        (0..alloc).all(|pos| {
            let k = self.heap.get_obj(table, pos * t.width);
            k.is_null() || k == SENTINEL || k.as_qstr().is_some()
        })
    }

    /// [`Vm::lookup`] in a hash table (open addressing, linear probing).
    fn lookup_hashed(&mut self, t: Table, key: Obj, kind: Lookup) -> PyResult<Option<u32>> {
        if self.heap.get(t.obj, t.alloc_w) == 0 {
            match kind {
                Lookup::Add => self.rehash(t, key, Obj::NULL)?,
                _ => return Ok(None),
            }
        }
        let hash = self.hash(key)?;
        let shape = self.key_shape(key);
        let mut alloc = self.heap.get(t.obj, t.alloc_w).max(1);
        let mut pos = hash % alloc;
        let mut start = pos;
        let mut avail: Option<u32> = None;
        loop {
            let table = self.heap.get_obj(t.obj, t.table_w).bits();
            let k = self.heap.get_obj(table, pos * t.width);
            if k.is_null() {
                if let Lookup::Add = kind {
                    let slot = avail.unwrap_or(pos);
                    self.heap.set_obj(table, slot * t.width, key);
                    if t.width == 2 {
                        self.heap.set_obj(table, slot * 2 + 1, Obj::NULL);
                    }
                    self.note_insert(t);
                    return Ok(Some(slot));
                }
                return Ok(None);
            } else if k == SENTINEL {
                if avail.is_none() {
                    avail = Some(pos);
                }
            } else if k == key || self.probe_equal(k, key, shape)? {
                if let Lookup::Remove = kind {
                    let used = self.heap.get(t.obj, t.used_w);
                    self.heap.set(t.obj, t.used_w, used.saturating_sub(1));
                    let table = self.heap.get_obj(t.obj, t.table_w).bits();
                    let next = self.heap.get_obj(table, ((pos + 1) % alloc) * t.width);
                    let mark = if next.is_null() { Obj::NULL } else { SENTINEL };
                    self.heap.set_obj(table, pos * t.width, mark);
                }
                return Ok(Some(pos));
            }
            pos = (pos + 1) % alloc;
            if pos == start {
                match kind {
                    Lookup::Add => {
                        if let Some(slot) = avail {
                            let table = self.heap.get_obj(t.obj, t.table_w).bits();
                            self.heap.set_obj(table, slot * t.width, key);
                            if t.width == 2 {
                                self.heap.set_obj(table, slot * 2 + 1, Obj::NULL);
                            }
                            self.note_insert(t);
                            return Ok(Some(slot));
                        }
                        self.rehash(t, key, Obj::NULL)?;
                        alloc = self.heap.get(t.obj, t.alloc_w).max(1);
                        pos = hash % alloc;
                        start = pos;
                    }
                    _ => return Ok(None),
                }
            }
        }
    }

    /// What probing needs to know of a key, worked out once per lookup.
    fn key_shape(&self, key: Obj) -> KeyShape {
        if key.as_small().is_some() {
            return KeyShape::SmallInt;
        }
        match self.str_data(key) {
            Some(d) => KeyShape::Str {
                len: d.len(),
                last: d.last().copied(),
            },
            None => KeyShape::Other,
        }
    }

    /// [`Vm::keys_equal`] of a probed key `k` and the key looked up, whose `shape` rejects
    /// most probed keys without reading the key itself again.
    fn probe_equal(&mut self, k: Obj, key: Obj, shape: KeyShape) -> PyResult<bool> {
        match shape {
            KeyShape::SmallInt if k.as_small().is_some() => return Ok(false),
            KeyShape::Str { len, last } => {
                if let (Some(x), Some(y)) = (k.as_qstr(), key.as_qstr()) {
                    if qstrs_distinct(x, y) {
                        return Ok(false);
                    }
                }
                match self.str_data(k) {
                    Some(x) if x.len() != len || x.last().copied() != last => return Ok(false),
                    Some(x) => return Ok(Some(x) == self.str_data(key)),
                    None if k.as_small().is_some() => return Ok(false),
                    None => {}
                }
            }
            _ => {}
        }
        self.keys_equal(k, key)
    }

    fn keys_equal(&mut self, a: Obj, bo: Obj) -> PyResult<bool> {
        // Fast paths that cannot call Python code (identity was checked by the caller).
        if a.as_small().is_some() && bo.as_small().is_some() {
            return Ok(false);
        }
        if let (Some(x), Some(y)) = (a.as_qstr(), bo.as_qstr()) {
            if qstrs_distinct(x, y) {
                return Ok(false);
            }
        }
        match (self.str_data(a), self.str_data(bo)) {
            // Unequal keys met while probing mostly differ in length or last byte.
            (Some(x), Some(y)) => Ok(x.len() == y.len() && x.last() == y.last() && x == y),
            // A str never equals an int.
            (Some(_), None) if bo.as_small().is_some() => Ok(false),
            (None, Some(_)) if a.as_small().is_some() => Ok(false),
            _ => self.equal(a, bo),
        }
    }

    /// The value for `key`, if present.
    pub(crate) fn dict_lookup(&mut self, d: Obj, key: Obj) -> PyResult<Option<Obj>> {
        let t = Table::dict(d);
        Ok(self.lookup(t, key, Lookup::Find)?.map(|slot| {
            let table = self.heap.get_obj(d.bits(), 2).bits();
            self.heap.get_obj(table, slot * 2 + 1)
        }))
    }

    /// Lookup by string contents without making a key object (attribute names).
    pub(crate) fn dict_lookup_str(&self, d: Obj, name: &[u8]) -> Option<Obj> {
        self.dict_lookup_name(d, &NameKey::bytes(name))
    }

    /// The cached slot of qstr key `key` in dict `d`, if the cache points at it.
    fn cached_slot(&self, d: u32, key: Obj) -> Option<u32> {
        let q = key.as_qstr()?;
        let slot = u32::from(self.name_cache.slots[cache_index(q)].get());
        let table = self.heap.get_obj(d, 2).bits();
        (slot < self.heap.get(d, 1) && self.heap.get_obj(table, slot * 2) == key).then_some(slot)
    }

    fn cache_slot(&self, key: Obj, slot: u32) {
        if let (Some(q), Ok(slot)) = (key.as_qstr(), u16::try_from(slot)) {
            self.name_cache.slots[cache_index(q)].set(slot);
        }
    }

    /// Does dict key `k` equal the name? Interned names compare by identity first.
    fn key_is_name(&self, k: Obj, name: &NameKey<'_>) -> bool {
        if k == name.obj {
            return true;
        }
        if let (Some(a), Some(b)) = (k.as_qstr(), name.obj.as_qstr()) {
            if qstrs_distinct(a, b) {
                return false;
            }
        }
        self.str_data(k) == Some(name.bytes)
    }

    /// Lookup of a name (attributes, globals) without making a key object.
    pub(crate) fn dict_lookup_name(&self, d: Obj, name: &NameKey<'_>) -> Option<Obj> {
        if !self.is_kind(d, Kind::Dict) {
            return None;
        }
        let d = d.bits();
        let alloc = self.heap.get(d, 1);
        if alloc == 0 {
            return None;
        }
        let table = self.heap.get_obj(d, 2).bits();
        if let Some(slot) = self.cached_slot(d, name.obj) {
            return Some(self.heap.get_obj(table, slot * 2 + 1));
        }
        let found = if self.dict_is_ordered(Obj::heap(d)) {
            (0..self.heap.get(d, 0))
                .find(|&pos| self.key_is_name(self.heap.get_obj(table, pos * 2), name))
        } else {
            let mut pos = name.hash() % alloc;
            let mut found = None;
            for _ in 0..alloc {
                let k = self.heap.get_obj(table, pos * 2);
                if k.is_null() {
                    break;
                }
                if k != SENTINEL && self.key_is_name(k, name) {
                    found = Some(pos);
                    break;
                }
                pos = (pos + 1) % alloc;
            }
            found
        };
        let slot = found?;
        self.cache_slot(name.obj, slot);
        Some(self.heap.get_obj(table, slot * 2 + 1))
    }

    fn absent_entry(&self, cls: Obj, id: u32) -> (&Cell<Absent>, Absent) {
        let i = ((cls.bits() ^ id).wrapping_mul(0x9e37_79b9) >> 28) as usize % ABSENT_SIZE;
        let now = (
            cls.bits(),
            id,
            self.name_cache.adds.get(),
            self.heap.collections,
        );
        (&self.name_cache.absent[i], now)
    }

    /// [`Vm::dict_lookup_name`] that remembers misses (globals before built-ins, an
    /// instance's dict before its class), until a dict gains a key or a collection runs.
    pub(crate) fn dict_lookup_name_or_absent(&self, d: Obj, name: &NameKey<'_>) -> Option<Obj> {
        if self.known_absent(d, name) {
            return None;
        }
        let r = self.dict_lookup_name(d, name);
        if r.is_none() {
            self.note_absent(d, name);
        }
        r
    }

    /// Was `name` found absent from class `cls` (and its bases), or from dict `cls`, with
    /// nothing changed since?
    pub(crate) fn known_absent(&self, cls: Obj, name: &NameKey<'_>) -> bool {
        let (entry, now) = self.absent_entry(cls, name.id);
        name.id != 0 && entry.get() == now
    }

    /// Record that `name` is absent from class `cls` and its bases.
    pub(crate) fn note_absent(&self, cls: Obj, name: &NameKey<'_>) {
        if name.id != 0 {
            let (entry, now) = self.absent_entry(cls, name.id);
            entry.set(now);
        }
    }

    /// A built-in looked up by name, through a small cache of the last ones found.
    pub(crate) fn lookup_builtin_cached(&self, q: Qstr) -> Option<Obj> {
        let entry = &self.name_cache.builtins[cache_index(q) % 8];
        let (cq, v) = entry.get();
        if cq == q && !v.is_null() {
            return Some(v);
        }
        let v = b::lookup_builtin(self.qstr_bytes(q))?;
        entry.set((q, v));
        Some(v)
    }

    pub(crate) fn dict_store(&mut self, d: Obj, key: Obj, value: Obj) -> PyResult<()> {
        let base = self.roots_len();
        self.push_root(d);
        self.push_root(key);
        self.push_root(value);
        let r = self.lookup(Table::dict(d), key, Lookup::Add);
        self.truncate_roots(base);
        if let Some(slot) = r? {
            let table = self.heap.get_obj(d.bits(), 2).bits();
            self.heap.set_obj(table, slot * 2 + 1, value);
        }
        Ok(())
    }

    /// Remove `key`; returns its value if it was present.
    pub(crate) fn dict_remove(&mut self, d: Obj, key: Obj) -> PyResult<Option<Obj>> {
        let r = self.lookup(Table::dict(d), key, Lookup::Remove)?;
        Ok(r.map(|slot| {
            let table = self.heap.get_obj(d.bits(), 2).bits();
            let v = self.heap.get_obj(table, slot * 2 + 1);
            self.heap.set_obj(table, slot * 2 + 1, Obj::NULL);
            v
        }))
    }

    pub(crate) fn raise_key_error(&mut self, key: Obj) -> crate::vm::Raised {
        // The key may be fresh (a format field name): keep it alive while the exception
        // is made.
        self.push_root(key);
        let e = self.new_exception(b::T_KEY_ERROR, &[key]);
        self.pop_root();
        match e {
            Ok(e) => self.raise_obj(e),
            Err(r) => r,
        }
    }

    pub(crate) fn dict_getitem(&mut self, d: Obj, key: Obj) -> PyResult<Obj> {
        match self.dict_lookup(d, key)? {
            Some(v) => Ok(v),
            None => Err(self.raise_key_error(key)),
        }
    }

    /// Slot `i` of a dict's table: Some((key, value)) when filled. `alloc` bounds `i`.
    pub(crate) fn dict_slot(&self, d: Obj, i: u32) -> Option<(Obj, Obj)> {
        let table = self.heap.get_obj(d.bits(), 2).bits();
        if i >= self.heap.get(d.bits(), 1) {
            return None;
        }
        let k = self.heap.get_obj(table, i * 2);
        if k.is_null() || k == SENTINEL {
            None
        } else {
            Some((k, self.heap.get_obj(table, i * 2 + 1)))
        }
    }

    pub(crate) fn dict_alloc(&self, d: Obj) -> u32 {
        self.heap.get(d.bits(), 1)
    }

    pub(crate) fn dict_clear(&mut self, d: Obj) {
        self.heap.set(d.bits(), 0, 0);
        self.heap.set(d.bits(), 1, 0);
        self.heap.set_obj(d.bits(), 2, Obj::NULL);
    }

    pub(crate) fn dict_equal(&mut self, a: Obj, bo: Obj) -> PyResult<bool> {
        match (self.dict_is_ordered(a), self.dict_is_ordered(bo)) {
            (true, true) => return self.ordered_dict_equal(a, bo),
            (false, false) => {}
            // A dict never equals an OrderedDict (their types differ).
            _ => return Ok(false),
        }
        if self.heap.get(a.bits(), 0) != self.heap.get(bo.bits(), 0) {
            return Ok(false);
        }
        let mut i = 0;
        while i < self.dict_alloc(a) {
            if let Some((k, v)) = self.dict_slot(a, i) {
                match self.dict_lookup(bo, k)? {
                    Some(v2) => {
                        if !self.equal(v, v2)? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            i += 1;
        }
        Ok(true)
    }

    /// Copy all items of dict `src` into `dst`.
    pub(crate) fn dict_update(&mut self, dst: Obj, src: Obj) -> PyResult<()> {
        let mut i = 0;
        while i < self.dict_alloc(src) {
            if let Some((k, v)) = self.dict_slot(src, i) {
                self.dict_store(dst, k, v)?;
            }
            i += 1;
        }
        Ok(())
    }

    // ----- sets -----

    pub(crate) fn set_add(&mut self, s: Obj, item: Obj) -> PyResult<()> {
        let base = self.roots_len();
        self.push_root(s);
        self.push_root(item);
        let r = self.lookup(Table::set(s), item, Lookup::Add);
        self.truncate_roots(base);
        r.map(|_| ())
    }

    pub(crate) fn set_contains(&mut self, s: Obj, item: Obj) -> PyResult<bool> {
        Ok(self.lookup(Table::set(s), item, Lookup::Find)?.is_some())
    }

    pub(crate) fn set_remove(&mut self, s: Obj, item: Obj) -> PyResult<bool> {
        Ok(self.lookup(Table::set(s), item, Lookup::Remove)?.is_some())
    }

    pub(crate) fn set_slot(&self, s: Obj, i: u32) -> Option<Obj> {
        if i >= self.heap.get(s.bits(), 2) {
            return None;
        }
        let table = self.heap.get_obj(s.bits(), 3).bits();
        let k = self.heap.get_obj(table, i);
        if k.is_null() || k == SENTINEL {
            None
        } else {
            Some(k)
        }
    }

    pub(crate) fn set_alloc(&self, s: Obj) -> u32 {
        self.heap.get(s.bits(), 2)
    }

    pub(crate) fn set_clear(&mut self, s: Obj) {
        self.heap.set(s.bits(), 0, 0);
        self.heap.set(s.bits(), 2, 0);
        self.heap.set_obj(s.bits(), 3, Obj::NULL);
    }

    /// A new set (or frozenset) from any iterable.
    pub(crate) fn set_from_iter(&mut self, src: Obj, frozen: bool) -> PyResult<Obj> {
        let base = self.roots_len();
        self.push_root(src);
        let r = (|| {
            let s = self.new_set(0, frozen)?;
            self.push_root(s);
            let mut it = self.iter_begin(src)?;
            self.push_root(it.obj);
            while let Some(x) = self.iter_advance(&mut it)? {
                self.set_add(s, x)?;
            }
            Ok(s)
        })();
        // (Every exit goes through here: the root stack must stay balanced.)
        self.truncate_roots(base);
        r
    }

    /// A copy of a set with the identical table layout (set_copy).
    pub(crate) fn set_copy_exact(&mut self, s: Obj, frozen: bool) -> PyResult<Obj> {
        let alloc = self.set_alloc(s);
        self.push_root(s);
        let out = self.new_set(alloc, frozen);
        self.pop_root();
        let out = out?;
        if alloc > 0 {
            let st = self.heap.get_obj(s.bits(), 3).bits();
            let dt = self.heap.get_obj(out.bits(), 3).bits();
            for i in 0..alloc {
                let v = self.heap.get_obj(st, i);
                self.heap.set_obj(dt, i, v);
            }
        }
        let used = self.heap.get(s.bits(), 0);
        self.heap.set(out.bits(), 0, used);
        Ok(out)
    }

    /// Apply `f(set, item)` to every item of iterable `other`.
    fn set_each(&mut self, target: Obj, other: Obj, mode: u8) -> PyResult<()> {
        let base = self.roots_len();
        self.push_root(target);
        self.push_root(other);
        let r = (|| {
            let mut it = self.iter_begin(other)?;
            self.push_root(it.obj);
            while let Some(x) = self.iter_advance(&mut it)? {
                match mode {
                    0 => self.set_add(target, x)?,
                    1 => {
                        self.set_remove(target, x)?;
                    }
                    _ => {
                        if !self.set_remove(target, x)? {
                            self.set_add(target, x)?;
                        }
                    }
                }
            }
            Ok(())
        })();
        self.truncate_roots(base);
        r
    }

    /// Set operators with MicroPython's exact algorithms (py/objset.c), so the resulting
    /// iteration order matches. `other` may be any iterable for the method forms.
    pub(crate) fn set_binary_op(
        &mut self,
        op: BinaryOp,
        plain: BinaryOp,
        a: Obj,
        bo: Obj,
    ) -> PyResult<Option<Obj>> {
        let frozen = self.heap.get(a.bits(), 1) != 0;
        let update = op != plain && !frozen;
        let base = self.roots_len();
        self.push_root(a);
        self.push_root(bo);
        let r = (|| match plain {
            BinaryOp::OR | BinaryOp::XOR | BinaryOp::SUBTRACT => {
                let out = if update {
                    a
                } else {
                    self.set_copy_exact(a, frozen)?
                };
                self.push_root(out);
                if plain == BinaryOp::SUBTRACT && out == bo {
                    self.set_clear(out);
                } else {
                    let mode = match plain {
                        BinaryOp::OR => 0,
                        BinaryOp::SUBTRACT => 1,
                        _ => 2,
                    };
                    self.set_each(out, bo, mode)?;
                }
                Ok(Some(out))
            }
            BinaryOp::AND => {
                if a == bo {
                    return Ok(Some(if update {
                        a
                    } else {
                        self.set_copy_exact(a, frozen)?
                    }));
                }
                let out = self.new_set(0, false)?;
                self.push_root(out);
                let mut it = self.iter_begin(bo)?;
                self.push_root(it.obj);
                while let Some(x) = self.iter_advance(&mut it)? {
                    if self.set_contains(a, x)? {
                        self.set_add(out, x)?;
                    }
                }
                if update {
                    for w in [0u32, 2, 3] {
                        let v = self.heap.get(out.bits(), w);
                        self.heap.set(a.bits(), w, v);
                    }
                    return Ok(Some(a));
                }
                Ok(Some(out))
            }
            BinaryOp::EQUAL
            | BinaryOp::LESS_EQUAL
            | BinaryOp::MORE_EQUAL
            | BinaryOp::LESS
            | BinaryOp::MORE => {
                if !self.is_kind(bo, Kind::Set) {
                    return Ok(None);
                }
                let la = self.heap.get(a.bits(), 0);
                let lb = self.heap.get(bo.bits(), 0);
                let a_in_b = self.set_subset(a, bo)?;
                let b_in_a = self.set_subset(bo, a)?;
                let r = match plain {
                    BinaryOp::EQUAL => la == lb && a_in_b,
                    BinaryOp::LESS_EQUAL => a_in_b,
                    BinaryOp::MORE_EQUAL => b_in_a,
                    BinaryOp::LESS => a_in_b && la < lb,
                    _ => b_in_a && lb < la,
                };
                Ok(Some(Obj::bool(r)))
            }
            _ => Ok(None),
        })();
        self.truncate_roots(base);
        r
    }

    /// Every item of set `a` is in set `bo`.
    pub(crate) fn set_subset(&mut self, a: Obj, bo: Obj) -> PyResult<bool> {
        let mut i = 0;
        while i < self.set_alloc(a) {
            if let Some(x) = self.set_slot(a, i) {
                if !self.set_contains(bo, x)? {
                    return Ok(false);
                }
            }
            i += 1;
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mpy_format::static_qstr::STATIC_QSTRS;

    #[test]
    fn tables_past_the_size_list_grow_by_half() {
        // map.c's get_hash_alloc_greater_or_equal_to: (x + x / 2) | 1 past 54907 (a dict or
        // set of 100000 keys used to rehash on every insert).
        assert_eq!(alloc_at_least(54_907), 54_907);
        assert_eq!(alloc_at_least(54_908), 82_363);
        assert_eq!(alloc_at_least(82_364), 123_547);
        assert_eq!(alloc_at_least(u32::MAX), u32::MAX);
    }

    #[test]
    fn static_and_extra_names_are_interned_once() {
        // `qstrs_distinct` relies on it: the ids `qstr_pool::qstr_id` gives name distinct texts
        // (an extra name that is also static, like "NoneType", always gets the static id).
        let names = STATIC_QSTRS.iter().chain(crate::vm::EXTRA_QSTRS);
        for (i, name) in names.enumerate() {
            let id = crate::qstr_pool::qstr_id(name.as_bytes()).expect("known name");
            let static_dup = i >= STATIC_QSTRS.len() && (id as usize) <= STATIC_QSTRS.len();
            assert!(id as usize == i + 1 || static_dup, "{name} listed twice");
        }
    }

    #[test]
    fn only_names_of_one_pool_are_distinct_by_id() {
        let plain = crate::loader::QSTR_PLAIN_LEN;
        let img = |image: u32, off: u32| QSTR_IMAGE_BIT | (image << 24) | off;
        assert!(qstrs_distinct(3, 40));
        assert!(qstrs_distinct(img(1, 8), img(1, 20)));
        assert!(!qstrs_distinct(img(1, 8), img(2, 20)));
        assert!(!qstrs_distinct(3, img(1, 20)));
        assert!(!qstrs_distinct(img(1, 8), img(1, 20) | plain));
    }
}
