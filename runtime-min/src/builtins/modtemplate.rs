//! Template strings (`t"..."`, Python 3.14) and `string.templatelib` (after py/objtemplate.c
//! and py/modstring.c). The compiler turns a t-string into a call of the built-in
//! `__template__(strings, value, expression, conversion, format_spec, ...)`.
//!
//! A `Template` is an instance of the built-in type with its `strings` tuple in slot 2 and its
//! `interpolations` tuple in slot 3; an `Interpolation` has the tuple `(value, expression,
//! conversion, format_spec)` in slot 2.

use super::funcs::check_n;
use super::*;
use crate::object::print::Sink;

/// Slots of a template instance.
const STRINGS: u32 = 2;
const INTERPOLATIONS: u32 = 3;

impl Vm<'_> {
    pub(crate) fn is_template(&self, o: Obj) -> bool {
        self.is_builtin_instance(o, T_TEMPLATE)
    }

    pub(crate) fn is_interpolation(&self, o: Obj) -> bool {
        self.is_builtin_instance(o, T_INTERPOLATION)
    }

    /// A template over tuples `strings` and `interpolations`.
    fn new_template(&mut self, strings: Obj, interpolations: Obj) -> PyResult<Obj> {
        self.push_root(interpolations);
        let t = self.new_instance_of(type_obj(T_TEMPLATE), strings);
        self.pop_root();
        let t = t?;
        self.heap.set_obj(t.bits(), INTERPOLATIONS, interpolations);
        Ok(t)
    }

    /// `Template.strings` / `.interpolations` / `.values`, `Interpolation.value` /
    /// `.expression` / `.conversion` / `.format_spec`.
    pub(crate) fn template_attr(&mut self, o: Obj, nm: &[u8]) -> PyResult<Option<Obj>> {
        if self.is_template(o) {
            return match nm {
                b"strings" => Ok(Some(self.heap.get_obj(o.bits(), STRINGS))),
                b"interpolations" => Ok(Some(self.heap.get_obj(o.bits(), INTERPOLATIONS))),
                b"values" => {
                    let interps = self.heap.get_obj(o.bits(), INTERPOLATIONS);
                    let n = self.tuple_len(interps);
                    let t = self.new_tuple(n)?;
                    for i in 0..n {
                        let it = self.heap.get_obj(interps.bits(), i + 1);
                        let v = self.interpolation_field(it, 0);
                        self.heap.set_obj(t.bits(), i + 1, v);
                    }
                    Ok(Some(t))
                }
                _ => Ok(None),
            };
        }
        if self.is_interpolation(o) {
            let i = match nm {
                b"value" => 0,
                b"expression" => 1,
                b"conversion" => 2,
                b"format_spec" => 3,
                _ => return Ok(None),
            };
            return Ok(Some(self.interpolation_field(o, i)));
        }
        Ok(None)
    }

    fn interpolation_field(&self, o: Obj, i: u32) -> Obj {
        let fields = self.heap.get_obj(o.bits(), 2);
        if self.tuple_len(fields) > i {
            self.heap.get_obj(fields.bits(), i + 1)
        } else {
            Obj::NONE
        }
    }

    /// `Template(strings=(...), interpolations=(...))` and `Interpolation(value, 'expr',
    /// conversion, 'spec')`, for str and repr alike.
    pub(crate) fn print_template(&mut self, sink: Sink, o: Obj) -> PyResult<()> {
        if self.is_template(o) {
            self.sink_write(sink, b"Template(strings=")?;
            self.print_obj(sink, self.heap.get_obj(o.bits(), STRINGS), true)?;
            self.sink_write(sink, b", interpolations=")?;
            self.print_obj(sink, self.heap.get_obj(o.bits(), INTERPOLATIONS), true)?;
            return self.sink_write(sink, b")");
        }
        self.sink_write(sink, b"Interpolation(")?;
        for i in 0..4 {
            if i > 0 {
                self.sink_write(sink, b", ")?;
            }
            self.print_obj(sink, self.interpolation_field(o, i), true)?;
        }
        self.sink_write(sink, b")")
    }

    /// `a + b` of two templates: the last string of `a` and the first of `b` join.
    pub(crate) fn template_add(&mut self, a: Obj, b: Obj) -> PyResult<Obj> {
        let (sa, ia) = (
            self.heap.get_obj(a.bits(), STRINGS),
            self.heap.get_obj(a.bits(), INTERPOLATIONS),
        );
        let (sb, ib) = (
            self.heap.get_obj(b.bits(), STRINGS),
            self.heap.get_obj(b.bits(), INTERPOLATIONS),
        );
        let (nsa, nsb) = (self.tuple_len(sa), self.tuple_len(sb));
        let (nia, nib) = (self.tuple_len(ia), self.tuple_len(ib));
        if nsa == 0 || nsb == 0 {
            return Err(self.raise_msg_str(T_TYPE_ERROR, "bad template"));
        }
        let base = self.roots_len();
        let r = (|| {
            let joined = self.concat_str(
                self.heap.get_obj(sa.bits(), nsa),
                self.heap.get_obj(sb.bits(), 1),
            )?;
            self.push_root(joined);
            let strings = self.new_tuple(nsa + nsb - 1)?;
            self.push_root(strings);
            for i in 0..nsa - 1 {
                let s = self.heap.get_obj(sa.bits(), i + 1);
                self.heap.set_obj(strings.bits(), i + 1, s);
            }
            self.heap.set_obj(strings.bits(), nsa, joined);
            for i in 1..nsb {
                let s = self.heap.get_obj(sb.bits(), i + 1);
                self.heap.set_obj(strings.bits(), nsa + i, s);
            }
            let interps = self.new_tuple(nia + nib)?;
            for i in 0..nia {
                let v = self.heap.get_obj(ia.bits(), i + 1);
                self.heap.set_obj(interps.bits(), i + 1, v);
            }
            for i in 0..nib {
                let v = self.heap.get_obj(ib.bits(), i + 1);
                self.heap.set_obj(interps.bits(), nia + i + 1, v);
            }
            self.new_template(strings, interps)
        })();
        self.truncate_roots(base);
        r
    }

    /// `iter(template)`: its non-empty strings and its interpolations, in order.
    pub(crate) fn template_iter(&mut self, t: Obj) -> PyResult<Obj> {
        let strings = self.heap.get_obj(t.bits(), STRINGS);
        let interps = self.heap.get_obj(t.bits(), INTERPOLATIONS);
        let l = self.new_list(0, 4)?;
        self.push_root(l);
        let r = (|| {
            for i in 0..self.tuple_len(strings) + self.tuple_len(interps) {
                let item = if i % 2 == 0 {
                    let s = self.heap.get_obj(strings.bits(), i / 2 + 1);
                    if self.str_data(s).is_none_or(<[u8]>::is_empty) {
                        continue;
                    }
                    s
                } else {
                    self.heap.get_obj(interps.bits(), i / 2 + 1)
                };
                self.list_append(l, item)?;
            }
            self.get_iter(l)
        })();
        self.pop_root();
        r
    }
}

/// `__template__(strings, value, expression, conversion, format_spec, ...)` (or `(strings,
/// tuple_of_those)`), what a t-string compiles to (mp_obj_new_template).
pub(super) fn template_builtin(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, u32::MAX)?;
    let strings = vm.arg(a, 0);
    let (src, first, n) = if a.n_pos == 2 {
        let t = vm.arg(a, 1);
        let p = vm.seq_parts_or_raise(t)?;
        (Some(p), 0, p.2)
    } else {
        (None, 1, a.n_pos - 1)
    };
    let field = |vm: &Vm<'_>, i: u32| match src {
        Some(p) => vm.seq_get(p, i),
        None => vm.arg(a, first + i),
    };
    let base = vm.roots_len();
    let r = (|| {
        let interps = vm.new_tuple(n / 4)?;
        vm.push_root(interps);
        for k in 0..n / 4 {
            let fields = vm.new_tuple(4)?;
            for j in 0..4 {
                let v = field(vm, k * 4 + j);
                vm.heap.set_obj(fields.bits(), j + 1, v);
            }
            let it = vm.new_instance_of(type_obj(T_INTERPOLATION), fields)?;
            vm.heap.set_obj(interps.bits(), k + 1, it);
        }
        vm.new_template(strings, interps)
    })();
    vm.truncate_roots(base);
    r
}

/// `Template(*args)`: strings and interpolations in any order; adjacent strings join and a
/// template always starts and ends with a string (mp_obj_template_make_new).
pub(super) fn template_new(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    if a.n_kw > 0 {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "function doesn't take keyword arguments"));
    }
    for i in 0..a.n_pos {
        let v = vm.arg(a, i);
        if !vm.is_interpolation(v) && vm.str_data(v).is_none() {
            return Err(vm.raise_msg_str(T_TYPE_ERROR, "expected str or Interpolation"));
        }
    }
    let base = vm.roots_len();
    let r = (|| {
        let strings = vm.new_list(0, 2)?;
        vm.push_root(strings);
        let interps = vm.new_list(0, 2)?;
        vm.push_root(interps);
        // The string being gathered (NULL: none yet since the last interpolation), rooted.
        let mut current = Obj::NULL;
        vm.push_root(current);
        for i in 0..=a.n_pos {
            let v = if i < a.n_pos { vm.arg(a, i) } else { Obj::NULL };
            if v.is_null() || vm.is_interpolation(v) {
                let s = if current.is_null() {
                    Obj::qstr(1)
                } else {
                    current
                };
                vm.list_append(strings, s)?;
                current = Obj::NULL;
                if !v.is_null() {
                    vm.list_append(interps, v)?;
                }
            } else if current.is_null() {
                current = v;
            } else {
                current = vm.concat_str(current, v)?;
            }
            vm.set_root(base + 2, current);
        }
        let st = vm.tuple_from_iter(strings)?;
        vm.push_root(st);
        let it = vm.tuple_from_iter(interps)?;
        vm.new_template(st, it)
    })();
    vm.truncate_roots(base);
    r
}

/// `Interpolation(value, expression='', conversion=None, format_spec='')`.
pub(super) fn interpolation_new(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    const NAMES: [&[u8]; 4] = [b"value", b"expression", b"conversion", b"format_spec"];
    if a.n_pos > 4 {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "extra positional arguments given"));
    }
    let mut fields = [Obj::NULL, Obj::qstr(1), Obj::NONE, Obj::qstr(1)];
    for (i, f) in fields.iter_mut().enumerate().take(a.n_pos as usize) {
        #[allow(clippy::cast_possible_truncation)]
        {
            *f = vm.arg(a, i as u32);
        }
    }
    for k in 0..a.n_kw {
        let (key, v) = vm.kw_pair(a, k);
        match NAMES.iter().position(|n| vm.str_data(key) == Some(*n)) {
            Some(i) => fields[i] = v,
            None => {
                return Err(vm.raise_msg_str(T_TYPE_ERROR, "extra keyword arguments given"));
            }
        }
    }
    if fields[0].is_null() {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "'value' argument required"));
    }
    let t = vm.new_tuple_from(&fields)?;
    vm.new_instance_of(type_obj(T_INTERPOLATION), t)
}
