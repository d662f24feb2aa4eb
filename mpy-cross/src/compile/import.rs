//! `import` and `from ... import` (after `do_import_name`, `compile_import_*` in py/compile.c).

use crate::emit::bytecode::{AccessKind, Build};
use crate::lexer::TokenKind;
use crate::parse::grammar::Rule;
use crate::parse::node::{Node, StructNode};
use crate::qstr::Qstr;
use crate::scope::ScopeKind;

use super::{leaf_qstr, nth, Compiler};

impl<'a> Compiler<'a, '_> {
    /// `do_import_name`: emit IMPORT_NAME for a (dotted) module name; returns the name to bind.
    fn do_import_name(&mut self, pn: &'a Node) -> Qstr {
        let mut pn = pn;
        let mut q_base = Qstr(0);
        let mut is_as = false;
        if let Node::Struct(s) = pn {
            if s.rule == Rule::dotted_as_name {
                q_base = leaf_qstr(nth(s, 1));
                pn = nth(s, 0);
                is_as = true;
            }
        }
        match pn {
            Node::Null => {
                q_base = self.names.empty;
                self.emit.import_name(&mut self.common, self.names.empty);
            }
            Node::Id(q) => {
                if !is_as {
                    q_base = *q;
                }
                self.emit.import_name(&mut self.common, *q);
            }
            Node::Struct(s) => {
                if !is_as {
                    q_base = leaf_qstr(nth(s, 0));
                }
                let mut full = Vec::new();
                for (i, n) in s.nodes.iter().enumerate() {
                    if i > 0 {
                        full.push(b'.');
                    }
                    full.extend_from_slice(self.pool.bytes(leaf_qstr(n)));
                }
                let q_full = self.pool.intern(&full);
                self.emit.import_name(&mut self.common, q_full);
                if is_as {
                    for n in s.nodes.iter().skip(1) {
                        self.attr(leaf_qstr(n), AccessKind::Load);
                    }
                }
            }
            _ => {}
        }
        q_base
    }

    /// `compile_dotted_as_name`.
    fn compile_dotted_as_name(&mut self, pn: &'a Node) {
        self.emit.load_const_small_int(0);
        self.emit.load_const_none();
        let q_base = self.do_import_name(pn);
        self.store_id(q_base);
    }

    /// `compile_import_name`.
    pub(super) fn compile_import_name(&mut self, s: &'a StructNode) {
        self.apply_to_single_or_list(
            nth(s, 0),
            Rule::dotted_as_names,
            Self::compile_dotted_as_name,
        );
    }

    /// `compile_import_from`.
    pub(super) fn compile_import_from(&mut self, s: &'a StructNode) {
        let mut source = nth(s, 0);
        let mut level: i64 = 0;
        let rel: Option<&'a Node> = match source {
            Node::Token(_) => {
                let r = source;
                source = &super::NULL_NODE;
                Some(r)
            }
            Node::Struct(x) if x.rule == Rule::one_or_more_period_or_ellipsis => {
                let r = source;
                source = &super::NULL_NODE;
                Some(r)
            }
            Node::Struct(x) if x.rule == Rule::import_from_2b => {
                source = nth(x, 1);
                Some(nth(x, 0))
            }
            _ => None,
        };
        if let Some(rel) = rel {
            for n in rel.extract_list(Rule::one_or_more_period_or_ellipsis) {
                level += if n.is_token(TokenKind::DEL_PERIOD) {
                    1
                } else {
                    3
                };
            }
        }
        if nth(s, 1).is_token(TokenKind::OP_STAR) {
            if self.scope().kind != ScopeKind::Module {
                self.syntax_error_struct(s, "import * not at module level");
                return;
            }
            self.emit.load_const_small_int(level);
            self.load_const_str(self.names.star);
            self.emit.build(1, Build::Tuple);
            self.do_import_name(source);
            self.emit.import_star();
        } else {
            self.emit.load_const_small_int(level);
            let names = nth(s, 1).extract_list(Rule::import_as_names);
            for n in names {
                if let Node::Struct(x) = n {
                    self.load_const_str(leaf_qstr(nth(x, 0)));
                }
            }
            #[allow(clippy::cast_possible_truncation)]
            self.emit.build(names.len() as u32, Build::Tuple);
            self.do_import_name(source);
            for n in names {
                let Node::Struct(x) = n else { continue };
                let id = leaf_qstr(nth(x, 0));
                self.emit.import_from(&mut self.common, id);
                match nth(x, 1) {
                    Node::Null => self.store_id(id),
                    alias => self.store_id(leaf_qstr(alias)),
                }
            }
            self.emit.pop_top();
        }
    }
}
