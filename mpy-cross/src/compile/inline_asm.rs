//! `@micropython.asm_thumb` / `asm_xtensa` functions (after `compile_scope_inline_asm` in
//! py/compile.c): the body is a list of instruction calls, assembled by an [`InlineAsm`] in the
//! SCOPE, CODE_SIZE and EMIT passes.

use crate::emit::inline_asm::{int_arg64, InlineAsm, ReserveError};
use crate::emit::native::NativeKind;
use crate::emit::Pass;
use crate::error::ErrorClass;
use crate::parse::grammar::Rule;
use crate::parse::node::Node;
use crate::scope::{ScopeId, ScopeKind};

use super::{nth, Compiler, PendingError, RawCode};

impl<'a> Compiler<'a, '_> {
    /// A refused `align()`/`data()` (`what` names the call): a `SyntaxError` at the line where
    /// the reference would write broken code, a `MemoryError` where it runs out of memory.
    fn reserve_error(&mut self, stmt: &Node, error: ReserveError, what: &str) {
        match error {
            ReserveError::Backwards => self.syntax_error(
                stmt,
                &format!(
                    "{what} would move the code position backwards; the alignment must be positive"
                ),
            ),
            ReserveError::TooLarge => {
                self.raised = Some(super::RaisedError(
                    ErrorClass::MemoryError,
                    format!("{what} needs more code memory than a function may have"),
                ));
            }
        }
    }

    /// `compile_scope_inline_asm` for one pass. The assembler is made by the caller for the
    /// CODE_SIZE and EMIT passes (`None` in the SCOPE pass).
    pub(super) fn compile_scope_inline_asm(
        &mut self,
        id: ScopeId,
        pass: Pass,
        mut asm: Option<&mut (dyn InlineAsm + 'static)>,
    ) {
        self.pass = pass;
        self.cur = id;
        self.next_label = 0;
        let pn = self.scope_nodes[id.index()];
        let (Some(s), ScopeKind::Function) = (pn, self.scope().kind) else {
            self.syntax_error(&Node::Null, "inline assembler must be a function");
            return;
        };
        if let Some(a) = asm.as_deref_mut() {
            a.start_pass(pass);
        }
        if pass == Pass::CodeSize {
            let params = nth(s, 1).extract_list(Rule::typedargslist);
            if let Some(a) = asm.as_deref_mut() {
                let n = a.count_params(params, self.pool);
                self.scope_mut().num_pos_args = n;
                if let Some(message) = a.take_error() {
                    self.set_asm_error(message, s.source_line);
                    return;
                }
            }
            // Also an error left by an earlier pass (Xtensa's second CODE_SIZE pass runs
            // regardless): the reference then reports the function's line.
            if self.has_error() {
                self.error_line = s.source_line;
                return;
            }
        }

        let mut type_sig = 2u32; // MP_NATIVE_TYPE_INT
        let annotation = nth(s, 2);
        match annotation {
            Node::Null => {}
            Node::Id(q) => {
                type_sig = match self.pool.bytes(*q) {
                    b"object" => 0,
                    b"bool" => 1,
                    b"int" => 2,
                    b"uint" => 3,
                    _ => {
                        self.syntax_error(annotation, "unknown type");
                        return;
                    }
                };
            }
            _ => self.syntax_error(annotation, "return annotation must be an identifier"),
        }

        for stmt in nth(s, 3).extract_list(Rule::suite_block_stmts) {
            let Some(instr) = stmt.as_struct() else {
                self.syntax_error(stmt, "expecting an assembler instruction");
                return;
            };
            if instr.rule == Rule::pass_stmt {
                continue;
            }
            // `name(args)` as an expression statement, nothing else.
            let call = (instr.rule == Rule::expr_stmt && nth(instr, 1).is_null())
                .then(|| nth(instr, 0).as_struct_of(Rule::atom_expr_normal))
                .flatten()
                .and_then(
                    |e| match (nth(e, 0), nth(e, 1).as_struct_of(Rule::trailer_paren)) {
                        (Node::Id(op), Some(paren)) => Some((*op, paren)),
                        _ => None,
                    },
                );
            let Some((op, paren)) = call else {
                self.syntax_error(stmt, "expecting an assembler instruction");
                return;
            };
            let args = nth(paren, 0).extract_list(Rule::arglist);
            match self.pool.bytes(op) {
                b"label" => {
                    let Some(Node::Id(name)) = args.first().filter(|_| args.len() == 1) else {
                        self.syntax_error(stmt, "'label' requires 1 argument");
                        return;
                    };
                    let lab = self.next_label();
                    if let Some(a) = asm.as_deref_mut() {
                        if !a.label(lab, *name) {
                            self.syntax_error(stmt, "label redefined");
                            return;
                        }
                    }
                }
                b"align" => {
                    let Some(Node::SmallInt(n)) = args.first().filter(|_| args.len() == 1) else {
                        self.syntax_error(stmt, "'align' requires 1 argument");
                        return;
                    };
                    if let Some(a) = asm.as_deref_mut() {
                        if let Err(e) = a.align(*n) {
                            self.reserve_error(stmt, e, &format!("align({n})"));
                            return;
                        }
                    }
                }
                b"data" => {
                    let size = match args.first() {
                        Some(Node::SmallInt(n)) if args.len() >= 2 => *n,
                        _ => {
                            self.syntax_error(stmt, "'data' requires at least 2 arguments");
                            return;
                        }
                    };
                    if let Some(a) = asm.as_deref_mut() {
                        for arg in &args[1..] {
                            let Some(v) = int_arg64(arg) else {
                                self.syntax_error(stmt, "'data' requires integer arguments");
                                return;
                            };
                            if let Err(e) = a.data(size, v) {
                                self.reserve_error(stmt, e, &format!("data({size}, ...)"));
                                return;
                            }
                        }
                    }
                }
                _ => {
                    if let Some(a) = asm.as_deref_mut() {
                        a.op(op, args, self.pool);
                        // An exception raised while assembling leaves the compiler at once.
                        if let Some((class, message)) = a.take_raise() {
                            self.raised = Some(super::RaisedError(class, message));
                            return;
                        }
                        // The Xtensa assembler raises RuntimeError for an out-of-range or
                        // misaligned target (py/asmxtensa.c): it leaves the compiler at once,
                        // ahead of any message the instruction left in the error slot.
                        if let Some(e) = a
                            .base()
                            .error()
                            .filter(|e| e.class_name() == "RuntimeError")
                        {
                            self.raised =
                                Some(super::RaisedError(ErrorClass::RuntimeError, e.to_string()));
                            return;
                        }
                    }
                }
            }
            if let Some(message) = asm.as_deref_mut().and_then(InlineAsm::take_error) {
                self.set_asm_error(message, paren.source_line);
                return;
            }
            if self.has_error() {
                // An error left earlier in this pass (a return annotation that is not an
                // identifier): the reference reports the line of the first instruction.
                self.error_line = paren.source_line;
                return;
            }
        }

        if self.has_error() {
            // No instruction after the error: the function's line.
            self.error_line = s.source_line;
        }
        if let Some(a) = asm {
            a.end_pass();
            if pass == Pass::Emit {
                let (fun_data, error) = a.take_code();
                if let Some(e) = error {
                    self.set_asm_error(e.to_string(), s.source_line);
                    return;
                }
                let n_pos_args = u32::from(self.scope().num_pos_args);
                self.raw_codes[id.index()] = RawCode {
                    fun_data,
                    children: Vec::new(),
                    native: Some(NativeKind::Asm {
                        n_pos_args,
                        type_sig,
                    }),
                };
            }
        }
    }

    /// The inline assembler wrote its error slot: a SyntaxError at the instruction's line.
    fn set_asm_error(&mut self, message: String, line: u32) {
        self.error = Some(PendingError {
            class: ErrorClass::SyntaxError,
            message,
        });
        self.error_line = line;
    }
}
