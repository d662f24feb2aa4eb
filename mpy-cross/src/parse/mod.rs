//! Parser (after py/parse.c of MicroPython 1.29): a table-driven parser with an explicit
//! rule stack and result stack, building exactly the reference's parse tree — same rule
//! elision (`and_ident`), list rules, blank nodes, constant folding, `const()` table,
//! constant tuples and string interning.

pub mod fold;
pub mod grammar;
pub mod node;
pub(crate) mod number;
pub mod print;
mod utf8;

use std::collections::HashMap;

use crate::error::{CompileError, ErrorClass};
use crate::lexer::{Lexer, TokenKind};
use crate::qstr::{Qstr, QstrPool};
use crate::value::ConstValue;
use fold::{BinOp, UnaryOp};
use grammar::{Act, Arg, Rule};
pub use node::{ConstNode, Node, StructNode};

/// Which start rule to parse with (`mp_parse_input_kind_t`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// `single_input` (the REPL).
    Single,
    /// `file_input` (a module; what mpy-cross uses).
    #[default]
    File,
    /// `eval_input`.
    Eval,
}

/// Parser options that change the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseOptions {
    /// Optimisation level: `__debug__` is `True` only at 0.
    pub optimize: u8,
    /// Target small-int width: larger int literals become [`Node::Const`] ints.
    pub small_int_bits: u8,
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self {
            optimize: 0,
            small_int_bits: 31,
        }
    }
}

/// Most rule-stack entries the parser holds; the reference's 2 MB heap fails growing its
/// rule stack just past this (`MemoryError: memory allocation failed, allocating 2078720 bytes`).
/// It also bounds the depth of the tree (well under 10,000 levels).
const MAX_RULE_STACK: usize = 129_904;
/// Most result-stack entries. The reference's limit here depends on how its heap is
/// fragmented (a 100,000-term sum fits, a 200,000-item list does not); this only bounds
/// memory, well above anything the reference accepts.
const MAX_RESULT_STACK: usize = 1 << 22;

/// Longest qstr: its length is stored in one byte (`MICROPY_QSTR_BYTES_IN_LEN`).
const MAX_QSTR_LEN: usize = 255;

/// `MICROPY_ALLOC_PARSE_INTERN_STRING_LEN`.
const INTERN_STRING_LEN: usize = 10;

/// Parses `source` into the reference's parse tree.
///
/// # Errors
/// The reference's exception for bad input: `SyntaxError` ("invalid syntax", number syntax,
/// "malformed f-string", "not a constant"), `IndentationError`, `NotImplementedError`
/// ("unicode name escapes") or `MemoryError` for nesting beyond the reference's heap.
pub fn parse(
    source: &[u8],
    input: InputKind,
    options: &ParseOptions,
    qstrs: &mut QstrPool,
) -> Result<Node, CompileError> {
    let (root, deferred) = parse_deferring_unicode_errors(source, input, options, qstrs)?;
    match deferred {
        Some(error) => Err(error),
        None => Ok(root),
    }
}

/// [`parse`], except that invalid UTF-8 in a str literal or identifier does not stop the parse:
/// the first such error is handed back beside the tree. The compiler reports it only when the
/// rest of the file compiles, so that wherever the reference raises an error we raise the same
/// one, and where the reference would write broken strings we refuse instead.
///
/// # Errors
/// As [`parse`], apart from the deferred UTF-8 error.
pub fn parse_deferring_unicode_errors(
    source: &[u8],
    input: InputKind,
    options: &ParseOptions,
    qstrs: &mut QstrPool,
) -> Result<(Node, Option<CompileError>), CompileError> {
    let lexer = Lexer::new(source, options.optimize)?;
    let mut parser = Parser {
        lex: lexer,
        qstrs,
        rule_stack: Vec::new(),
        results: Vec::new(),
        consts: HashMap::new(),
        small_int_bits: options.small_int_bits,
        input,
        first_invalid_utf8: None,
    };
    let root = parser.run()?;
    Ok((root, parser.first_invalid_utf8))
}

/// Stands in for the second copy of a `testlist_comp_3c` node that the reference keeps on
/// its result stack (the same pointer twice); always replaced before it can escape.
const STOLEN_ARG_PLACEHOLDER: Node = Node::Token(TokenKind::END);

struct RuleFrame {
    rule: Rule,
    arg_i: usize,
    src_line: u32,
}

struct Parser<'a, 'q> {
    lex: Lexer<'a>,
    qstrs: &'q mut QstrPool,
    rule_stack: Vec<RuleFrame>,
    results: Vec<Node>,
    consts: HashMap<Qstr, ConstValue>,
    small_int_bits: u8,
    input: InputKind,
    /// The first invalid-UTF-8 str literal or identifier, reported after a successful compile.
    first_invalid_utf8: Option<CompileError>,
}

enum Step {
    /// Go on with the next rule on the stack.
    Next,
    /// A syntax error at the current token.
    SyntaxError,
}

impl Parser<'_, '_> {
    fn run(&mut self) -> Result<Node, CompileError> {
        let top_rule = match self.input {
            InputKind::Single => Rule::single_input,
            InputKind::Eval => Rule::eval_input,
            InputKind::File => Rule::file_input,
        };
        let line = self.lex.tok_line;
        self.push_rule(line, top_rule, 0)?;

        let mut backtrack = false;
        while let Some(frame) = self.rule_stack.pop() {
            let step = match frame.rule.def().act.kind() {
                Act::KIND_OR => self.step_or(frame, &mut backtrack)?,
                Act::KIND_AND => self.step_and(frame, &mut backtrack)?,
                _ => self.step_list(frame, &mut backtrack)?,
            };
            if let Step::SyntaxError = step {
                return Err(self.syntax_error());
            }
        }

        if self.lex.tok_kind != TokenKind::END || self.results.is_empty() {
            return Err(self.syntax_error());
        }
        let root = self.results.pop().unwrap_or(Node::Null);
        Ok(root)
    }

    fn step_or(&mut self, frame: RuleFrame, backtrack: &mut bool) -> Result<Step, CompileError> {
        let RuleFrame {
            rule,
            mut arg_i,
            src_line,
        } = frame;
        let def = rule.def();
        let n = def.act.n();
        if arg_i > 0 && !*backtrack {
            return Ok(Step::Next);
        }
        *backtrack = false;
        while arg_i < n {
            match def.args[arg_i] {
                Arg::Tok(kind) => {
                    if self.lex.tok_kind == kind {
                        self.push_result_token(rule)?;
                        self.lex.next_token()?;
                        return Ok(Step::Next);
                    }
                }
                Arg::Rule(child) | Arg::OptRule(child) => {
                    if arg_i + 1 < n {
                        self.push_rule(src_line, rule, arg_i + 1)?;
                    }
                    self.push_rule_from_arg(child)?;
                    return Ok(Step::Next);
                }
            }
            arg_i += 1;
        }
        *backtrack = true;
        Ok(Step::Next)
    }

    fn step_and(&mut self, frame: RuleFrame, backtrack: &mut bool) -> Result<Step, CompileError> {
        let RuleFrame {
            rule,
            mut arg_i,
            src_line,
        } = frame;
        let def = rule.def();
        let act = def.act;
        let n = act.n();

        if *backtrack {
            if arg_i > 0 && matches!(def.args[arg_i - 1], Arg::OptRule(_)) {
                // an optional rule that failed: continue with the next argument
                self.push_result(Node::Null)?;
                *backtrack = false;
            } else if arg_i > 1 {
                // already eaten tokens, so can't backtrack
                return Ok(Step::SyntaxError);
            } else {
                return Ok(Step::Next);
            }
        }

        while arg_i < n {
            match def.args[arg_i] {
                Arg::Tok(kind) => {
                    if self.lex.tok_kind == kind {
                        if kind == TokenKind::NAME {
                            self.push_result_token(rule)?;
                        }
                        self.lex.next_token()?;
                    } else if arg_i > 0 {
                        return Ok(Step::SyntaxError);
                    } else {
                        *backtrack = true;
                        return Ok(Step::Next);
                    }
                }
                Arg::Rule(child) | Arg::OptRule(child) => {
                    self.push_rule(src_line, rule, arg_i + 1)?;
                    self.push_rule_from_arg(child)?;
                    return Ok(Step::Next);
                }
            }
            arg_i += 1;
        }

        // matched: discard lonely constant statements such as doc strings
        if self.input != InputKind::Single && rule == Rule::expr_stmt && self.peek(0).is_null() {
            let p = self.peek(1);
            let is_const_leaf = matches!(
                p,
                Node::SmallInt(_) | Node::Str(_) | Node::Token(_) | Node::Const(_)
            );
            if is_const_leaf {
                self.pop();
                self.pop();
                self.push_result_rule(src_line, Rule::pass_stmt, 0)?;
                return Ok(Step::Next);
            }
        }

        // count the arguments of the node
        let mut count = 0;
        let mut num_not_nil = 0;
        for arg in def.args[..n].iter().rev() {
            match arg {
                Arg::Tok(kind) => {
                    if *kind == TokenKind::NAME {
                        count += 1;
                        num_not_nil += 1;
                    }
                }
                Arg::Rule(_) | Arg::OptRule(_) => {
                    if !self.peek(count).is_null() {
                        num_not_nil += 1;
                    }
                    count += 1;
                }
            }
        }

        if num_not_nil == 1 && act.allow_ident() {
            // only one argument: pass it through instead of making a node
            let mut kept = Node::Null;
            for _ in 0..count {
                let pn = self.pop();
                if !pn.is_null() {
                    kept = pn;
                }
            }
            self.push_result(kept)?;
        } else {
            if act.add_blank() {
                // an extra blank node for the compiler
                self.push_result(Node::Null)?;
                count += 1;
            }
            self.push_result_rule(src_line, rule, count)?;
        }
        Ok(Step::Next)
    }

    fn step_list(&mut self, frame: RuleFrame, backtrack: &mut bool) -> Result<Step, CompileError> {
        let RuleFrame {
            rule,
            mut arg_i,
            src_line,
        } = frame;
        let def = rule.def();
        let n = def.act.n();

        // n=2: item item*; n=1: item (sep item)*; n=3: item (sep item)* [sep]
        if !*backtrack {
            loop {
                match def.args[arg_i & 1 & n] {
                    Arg::Tok(kind) => {
                        if self.lex.tok_kind == kind {
                            if arg_i & 1 & n == 0 {
                                self.push_result_token(rule)?;
                            }
                            self.lex.next_token()?;
                            arg_i += 1;
                        } else {
                            arg_i += 1;
                            *backtrack = true;
                            break;
                        }
                    }
                    Arg::Rule(child) | Arg::OptRule(child) => {
                        self.push_rule(src_line, rule, arg_i + 1)?;
                        self.push_rule_from_arg(child)?;
                        return Ok(Step::Next);
                    }
                }
            }
        }

        // backtracking: an item or separator failed
        let mut had_trailing_sep = false;
        if arg_i == 1 {
            // failed on the first item: propagate the backtrack
            return Ok(Step::Next);
        }
        if n != 2 && arg_i & 1 == 1 {
            // failed on an item after a separator
            if n == 3 {
                had_trailing_sep = true;
            } else {
                return Ok(Step::SyntaxError);
            }
        }
        *backtrack = false;

        // number of elements in the list
        let mut count = arg_i - 1;
        if n & 1 == 1 && matches!(def.args[1], Arg::Tok(_)) {
            // separators that are tokens are not counted
            count = count.div_ceil(2);
        }
        if count != 1 || had_trailing_sep {
            self.push_result_rule(src_line, rule, count)?;
        }
        Ok(Step::Next)
    }

    // ---- stacks ----

    fn push_rule(&mut self, src_line: u32, rule: Rule, arg_i: usize) -> Result<(), CompileError> {
        if self.rule_stack.len() >= MAX_RULE_STACK {
            return Err(self.memory_error(2_078_720));
        }
        self.rule_stack.push(RuleFrame {
            rule,
            arg_i,
            src_line,
        });
        Ok(())
    }

    fn push_rule_from_arg(&mut self, rule: Rule) -> Result<(), CompileError> {
        let line = self.lex.tok_line;
        self.push_rule(line, rule, 0)
    }

    fn peek_rule(&self, n: usize) -> Option<Rule> {
        let len = self.rule_stack.len();
        len.checked_sub(n + 1).map(|i| self.rule_stack[i].rule)
    }

    fn push_result(&mut self, node: Node) -> Result<(), CompileError> {
        if self.results.len() >= MAX_RESULT_STACK {
            return Err(self.memory_error(MAX_RESULT_STACK as u32 * 8 + 128));
        }
        self.results.push(node);
        Ok(())
    }

    fn pop(&mut self) -> Node {
        self.results.pop().unwrap_or(Node::Null)
    }

    fn peek(&self, pos: usize) -> &Node {
        let len = self.results.len();
        pos.checked_add(1)
            .and_then(|p| len.checked_sub(p))
            .map_or(&Node::Null, |i| &self.results[i])
    }

    // ---- errors ----

    /// Record invalid UTF-8 in a str literal or an identifier: the reference would embed the
    /// bytes in a str and write a `.mpy` whose strings are broken at run time.
    fn check_utf8(&mut self, what: &str) {
        if self.first_invalid_utf8.is_some() || utf8::first_invalid_byte(&self.lex.text).is_none() {
            return;
        }
        let span = self.token_span();
        // Either the source itself holds bytes that are not UTF-8, or it is UTF-8 and an
        // unrecognised escape (`"\П"`) made the reference split a multi-byte character,
        // turning its first byte into a code point and leaving the rest stray.
        let (message, hint) = if utf8::first_invalid_byte(self.lex.source_bytes(span.clone()))
            .is_some()
        {
            (
                format!("invalid UTF-8 in {what}"),
                "MicroPython source must be UTF-8: re-encode the file as UTF-8, or write the bytes as \\x escapes",
            )
        } else {
            (
                format!("unrecognised escape before a non-ASCII character in {what}"),
                "MicroPython would split the character after the backslash into broken bytes: write \\\\ for a backslash",
            )
        };
        self.first_invalid_utf8 = Some(
            CompileError::new(ErrorClass::UnicodeError, message, self.lex.tok_line)
                .with_span(span)
                .with_hint(hint),
        );
    }

    fn token_span(&self) -> core::ops::Range<u32> {
        self.lex.tok_start..self.lex.tok_end.max(self.lex.tok_start)
    }

    #[cold]
    fn syntax_error(&self) -> CompileError {
        let (class, message) = match self.lex.tok_kind {
            TokenKind::INDENT => (ErrorClass::IndentationError, "unexpected indent"),
            TokenKind::DEDENT_MISMATCH => (
                ErrorClass::IndentationError,
                "unindent doesn't match any outer indent level",
            ),
            TokenKind::MALFORMED_FSTRING => (ErrorClass::SyntaxError, "malformed f-string"),
            _ => (ErrorClass::SyntaxError, "invalid syntax"),
        };
        CompileError::new(class, message, self.lex.tok_line).with_span(self.token_span())
    }

    #[cold]
    fn memory_error(&self, bytes: u32) -> CompileError {
        // The reference prints a MemoryError without a traceback; the line is kept for
        // rich diagnostics.
        CompileError::new(
            ErrorClass::MemoryError,
            format!("memory allocation failed, allocating {bytes} bytes"),
            self.lex.tok_line,
        )
        .with_span(self.token_span())
        .with_hint("nesting too deep")
        .without_traceback()
    }

    // ---- leaves ----

    /// A node for a constant, putting ints that fit the target's small ints in the node
    /// itself (`make_node_const_object_optimised`).
    fn const_node_optimised(&self, src_line: u32, value: ConstValue) -> Node {
        if let ConstValue::Int(i) = &value {
            if let Some(v) = small_int_value(i, self.small_int_bits) {
                return Node::SmallInt(v);
            }
        }
        Node::Const(Box::new(ConstNode {
            source_line: src_line,
            value,
        }))
    }

    fn push_result_token(&mut self, rule: Rule) -> Result<(), CompileError> {
        let line = self.lex.tok_line;
        let node = match self.lex.tok_kind {
            TokenKind::NAME => {
                if self.lex.text.len() > MAX_QSTR_LEN {
                    // qstr lengths are one byte in the reference (MICROPY_QSTR_BYTES_IN_LEN)
                    return Err(
                        CompileError::new(ErrorClass::RuntimeError, "name too long", line)
                            .with_span(self.token_span())
                            .without_traceback(),
                    );
                }
                self.check_utf8("identifier");
                let id = self.qstrs.intern(&self.lex.text);
                match self.consts.get(&id) {
                    Some(value) if rule == Rule::atom => {
                        self.const_node_optimised(line, value.clone())
                    }
                    _ => Node::Id(id),
                }
            }
            TokenKind::INTEGER => {
                let value =
                    number::parse_integer(&self.lex.text).map_err(|m| self.number_error(m))?;
                self.const_node_optimised(line, ConstValue::Int(value))
            }
            TokenKind::FLOAT_OR_IMAG => {
                let value =
                    number::parse_float(&self.lex.text).map_err(|m| self.number_error(m))?;
                Node::Const(Box::new(ConstNode {
                    source_line: line,
                    value,
                }))
            }
            TokenKind::STRING => {
                self.check_utf8("string literal");
                let text = &self.lex.text;
                let q = if text.len() <= INTERN_STRING_LEN {
                    Some(self.qstrs.intern(text))
                } else {
                    self.qstrs.find(text)
                };
                match q {
                    Some(q) => Node::Str(q),
                    None => Node::Const(Box::new(ConstNode {
                        source_line: line,
                        value: ConstValue::Str(text.clone()),
                    })),
                }
            }
            TokenKind::BYTES => Node::Const(Box::new(ConstNode {
                source_line: line,
                value: ConstValue::Bytes(self.lex.text.clone()),
            })),
            kind => Node::Token(kind),
        };
        self.push_result(node)
    }

    #[cold]
    fn number_error(&self, message: String) -> CompileError {
        CompileError::syntax(message, self.lex.tok_line).with_span(self.token_span())
    }

    // ---- building nodes ----

    fn push_result_rule(
        &mut self,
        src_line: u32,
        rule: Rule,
        mut num_args: usize,
    ) -> Result<(), CompileError> {
        match rule {
            Rule::atom_paren => {
                // drop the parentheses around a single expression
                let pn = self.peek(0);
                if !(pn.is_null() || pn.as_struct_of(Rule::testlist_comp).is_some()) {
                    return Ok(());
                }
            }
            Rule::testlist_comp => {
                let kind = self.peek(0).as_struct().map(|s| s.rule);
                if kind == Some(Rule::testlist_comp_3b) {
                    // tuple of one item, with trailing comma
                    self.pop();
                    num_args -= 1;
                } else if kind == Some(Rule::testlist_comp_3c) {
                    // tuple of many items: testlist_comp_3c becomes testlist_comp
                    let mut node = self.pop();
                    self.pop(); // the placeholder for the stolen first argument
                    if let Node::Struct(s) = &mut node {
                        s.rule = Rule::testlist_comp;
                    }
                    self.push_result(node)?;
                    return Ok(());
                }
            }
            Rule::testlist_comp_3c => {
                // steal the first argument of the outer testlist_comp
                num_args += 1;
            }
            _ => {}
        }

        if self.fold_logical_constants(rule, &mut num_args) {
            return Ok(());
        }
        if self.fold_constants(rule, num_args)? {
            return Ok(());
        }
        if self.build_tuple(src_line, rule, num_args)? {
            return Ok(());
        }

        let at = self.results.len().saturating_sub(num_args);
        let nodes = self.results.split_off(at);
        let node = Node::Struct(Box::new(StructNode {
            rule,
            source_line: src_line,
            nodes,
        }));
        if rule == Rule::testlist_comp_3c {
            self.push_result(STOLEN_ARG_PLACEHOLDER)?;
        }
        self.push_result(node)
    }

    fn fold_logical_constants(&mut self, rule: Rule, num_args: &mut usize) -> bool {
        match rule {
            Rule::or_test | Rule::and_test => {
                let is_or = rule == Rule::or_test;
                let top = self.results.len();
                let mut copy_to = *num_args;
                let mut i = copy_to;
                while i > 0 {
                    i -= 1;
                    let pn = core::mem::replace(&mut self.results[top - 1 - i], Node::Null);
                    let (stop, keep) = if i == 0 {
                        (true, true)
                    } else if is_or {
                        (
                            self.is_const_bool(&pn, true),
                            !self.is_const_bool(&pn, false),
                        )
                    } else {
                        (
                            self.is_const_bool(&pn, false),
                            !self.is_const_bool(&pn, true),
                        )
                    };
                    self.results[top - copy_to] = pn;
                    if stop {
                        break;
                    }
                    if keep {
                        copy_to -= 1;
                    }
                }
                copy_to -= 1;
                for _ in 0..copy_to {
                    self.pop();
                }
                *num_args -= copy_to;
                *num_args == 1
            }
            Rule::not_test_2 => {
                let pn = self.peek(0);
                let folded = if self.is_const_bool(pn, false) {
                    TokenKind::KW_TRUE
                } else if self.is_const_bool(pn, true) {
                    TokenKind::KW_FALSE
                } else {
                    return false;
                };
                self.pop();
                self.results.push(Node::Token(folded));
                true
            }
            _ => false,
        }
    }

    fn is_const_bool(&self, pn: &Node, value: bool) -> bool {
        let truth = match pn {
            Node::Const(c) => Some(c.value.is_true()),
            Node::Struct(_) => is_const(pn).then_some(false), // only `()`
            _ => self.node_to_const(pn).map(|v| v.is_true()),
        };
        truth == Some(value)
    }

    /// `mp_parse_node_convert_to_obj` for nodes that `mp_parse_node_is_const`.
    fn node_to_const(&self, pn: &Node) -> Option<ConstValue> {
        node_to_const(pn, self.qstrs)
    }

    fn fold_constants(&mut self, rule: Rule, num_args: usize) -> Result<bool, CompileError> {
        let mut keep_object = false;
        let value = match rule {
            Rule::expr | Rule::xor_expr | Rule::and_expr | Rule::power => {
                let op = match rule {
                    Rule::expr => BinOp::Or,
                    Rule::xor_expr => BinOp::Xor,
                    Rule::and_expr => BinOp::And,
                    _ => BinOp::Power,
                };
                let Some(mut acc) = number_of(self.peek(num_args - 1)) else {
                    return Ok(false);
                };
                for i in (0..num_args - 1).rev() {
                    let Some(rhs) = number_of(self.peek(i)) else {
                        return Ok(false);
                    };
                    let Some(res) = fold::binary_op(op, &acc, &rhs) else {
                        return Ok(false);
                    };
                    acc = res;
                }
                acc
            }
            Rule::shift_expr | Rule::arith_expr | Rule::term => {
                let Some(mut acc) = number_of(self.peek(num_args - 1)) else {
                    return Ok(false);
                };
                let mut i = num_args - 1;
                while i >= 2 {
                    i -= 2;
                    // peek(i + 1) is the operator, peek(i) the operand
                    let Some(rhs) = number_of(self.peek(i)) else {
                        return Ok(false);
                    };
                    let Node::Token(tok) = self.peek(i + 1) else {
                        return Ok(false);
                    };
                    let offset = (*tok as usize).wrapping_sub(TokenKind::OP_PIPE as usize);
                    let Some(op) = BinOp::from_offset(offset) else {
                        return Ok(false);
                    };
                    let Some(res) = fold::binary_op(op, &acc, &rhs) else {
                        return Ok(false);
                    };
                    acc = res;
                }
                acc
            }
            Rule::factor_2 => {
                let Some(arg) = number_of(self.peek(0)) else {
                    return Ok(false);
                };
                let op = match self.peek(1) {
                    Node::Token(TokenKind::OP_TILDE) => UnaryOp::Invert,
                    Node::Token(TokenKind::OP_MINUS) => UnaryOp::Negative,
                    _ => UnaryOp::Positive,
                };
                let Some(res) = fold::unary_op(op, &arg) else {
                    return Ok(false);
                };
                // py/objint_mpz.c's `-` and `~` of a big int object return a big int object
                // even when the value would fit a small int: `-(2**62)` stays a constant
                // object with `-msmall-int-bits=63`. The operand is such an object when it is
                // beyond the host's 63-bit small ints, or a constant that fits the target's
                // small ints (only an earlier such result is one).
                let big_object = match (&arg, self.peek(0)) {
                    (ConstValue::Int(i), Node::Const(_)) => {
                        small_int_value(i, 63).is_none()
                            || small_int_value(i, self.small_int_bits).is_some()
                    }
                    _ => false,
                };
                if op != UnaryOp::Positive && big_object {
                    keep_object = true;
                }
                res
            }
            Rule::expr_stmt => return self.fold_const_assignment(),
            Rule::atom_expr_normal => {
                let (Node::Id(base), Some(trailer)) = (
                    self.peek(1),
                    self.peek(0).as_struct_of(Rule::trailer_period),
                ) else {
                    return Ok(false);
                };
                let Some(Node::Id(attr)) = trailer.nodes.first() else {
                    return Ok(false);
                };
                if *base != Qstr::MATH {
                    return Ok(false);
                }
                let Some(value) = fold::math_constant(self.qstrs.bytes(*attr)) else {
                    return Ok(false);
                };
                value
            }
            _ => return Ok(false),
        };

        for _ in 0..num_args {
            self.pop();
        }
        let node = if keep_object {
            Node::Const(Box::new(ConstNode {
                source_line: 0,
                value,
            }))
        } else {
            self.const_node_optimised(0, value)
        };
        self.push_result(node)?;
        Ok(true)
    }

    /// `NAME = const(value)` and `NAME: T = const(value)` (the `RULE_expr_stmt` branch of
    /// `fold_constants`).
    fn fold_const_assignment(&mut self) -> Result<bool, CompileError> {
        let pn1 = self.peek(0);
        if pn1.is_null()
            || pn1.as_struct_of(Rule::expr_stmt_augassign).is_some()
            || pn1.as_struct_of(Rule::expr_stmt_assign_list).is_some()
        {
            return Ok(false);
        }
        let Node::Id(id) = *self.peek(1) else {
            return Ok(false);
        };
        let annotated = pn1.as_struct_of(Rule::annassign).is_some();
        let rhs = match pn1.as_struct_of(Rule::annassign) {
            Some(ann) => ann.nodes.get(1).unwrap_or(&Node::Null),
            None => pn1,
        };
        let Some(call) = rhs.as_struct_of(Rule::atom_expr_normal) else {
            return Ok(false);
        };
        let is_const_call = matches!(call.nodes.first(), Some(Node::Id(q)) if *q == Qstr::CONST)
            && call
                .nodes
                .get(1)
                .is_some_and(|t| t.as_struct_of(Rule::trailer_paren).is_some());
        if !is_const_call {
            return Ok(false);
        }
        let call_line = call.source_line;
        let value_node = call.nodes[1]
            .as_struct()
            .and_then(|t| t.nodes.first())
            .unwrap_or(&Node::Null);
        let Some(value) = self.node_to_const(value_node) else {
            return Err(
                CompileError::syntax("not a constant", call_line).with_span(self.token_span())
            );
        };
        self.consts.insert(id, value);

        if self.qstrs.bytes(id).first() == Some(&b'_') {
            // a private constant: no code to store it
            self.pop();
            self.pop();
            self.push_result_rule(0, Rule::pass_stmt, 0)?;
            return Ok(true);
        }

        // replace const(value) with value
        let mut popped = self.pop();
        let call = if annotated {
            match &mut popped {
                Node::Struct(ann) => ann.nodes.get_mut(1).map(core::mem::take),
                _ => None,
            }
        } else {
            Some(popped)
        };
        let value_node = match call {
            Some(Node::Struct(mut call)) => match call.nodes.get_mut(1) {
                Some(Node::Struct(trailer)) => trailer.nodes.first_mut().map(core::mem::take),
                _ => None,
            },
            _ => None,
        };
        self.push_result(value_node.unwrap_or(Node::Null))?;
        Ok(false)
    }

    fn build_tuple(
        &mut self,
        src_line: u32,
        rule: Rule,
        num_args: usize,
    ) -> Result<bool, CompileError> {
        match rule {
            Rule::testlist_comp => {
                if self.peek_rule(0) == Some(Rule::atom_paren) {
                    // "(a,)"
                    return self.build_tuple_from_stack(src_line, num_args);
                }
                Ok(false)
            }
            Rule::testlist_comp_3c => {
                if self.peek_rule(2) == Some(Rule::atom_paren)
                    && self.build_tuple_from_stack(src_line, num_args)?
                {
                    // "(a, b)": the enclosing testlist_comp_3b and testlist_comp are done too
                    let len = self.rule_stack.len();
                    self.rule_stack.truncate(len.saturating_sub(2));
                    return Ok(true);
                }
                Ok(false)
            }
            Rule::testlist_star_expr | Rule::testlist | Rule::subscriptlist => {
                self.build_tuple_from_stack(src_line, num_args)
            }
            _ => Ok(false),
        }
    }

    fn build_tuple_from_stack(
        &mut self,
        src_line: u32,
        num_args: usize,
    ) -> Result<bool, CompileError> {
        if !(0..num_args).all(|i| is_const(self.peek(i))) {
            return Ok(false);
        }
        let at = self.results.len().saturating_sub(num_args);
        let nodes = self.results.split_off(at);
        let items = nodes
            .into_iter()
            .map(|n| into_const(n, self.qstrs))
            .collect();
        self.push_result(Node::Const(Box::new(ConstNode {
            source_line: src_line,
            value: ConstValue::Tuple(items),
        })))?;
        Ok(true)
    }
}

/// The int value of a target small int: fits the host's small ints (63-bit) and the
/// target's `small_int_bits`.
fn small_int_value(i: &num_bigint::BigInt, small_int_bits: u8) -> Option<i64> {
    use num_traits::ToPrimitive;
    let v = i.to_i64()?;
    if !(-(1i64 << 62)..(1i64 << 62)).contains(&v) {
        return None;
    }
    let bits = u32::from(small_int_bits.clamp(1, 63));
    let limit = 1i64 << (bits - 1);
    (-limit..limit).contains(&v).then_some(v)
}

/// The number in a node, for folding (`mp_parse_node_get_number_maybe`).
fn number_of(pn: &Node) -> Option<ConstValue> {
    match pn {
        Node::SmallInt(v) => Some(ConstValue::Int((*v).into())),
        Node::Const(c) if c.value.is_number() => Some(c.value.clone()),
        _ => None,
    }
}

/// `mp_parse_node_is_const`.
fn is_const(pn: &Node) -> bool {
    match pn {
        Node::SmallInt(_) | Node::Str(_) | Node::Const(_) => true,
        Node::Token(t) => matches!(
            t,
            TokenKind::KW_NONE | TokenKind::KW_FALSE | TokenKind::KW_TRUE | TokenKind::ELLIPSIS
        ),
        Node::Struct(s) => s.rule == Rule::atom_paren && s.nodes.first().is_none_or(Node::is_null),
        _ => false,
    }
}

/// `mp_parse_node_convert_to_obj` for a node that [`is_const`], by value (no deep copy).
fn into_const(pn: Node, qstrs: &QstrPool) -> ConstValue {
    match pn {
        Node::Const(c) => {
            let ConstNode { value, .. } = *c;
            value
        }
        other => node_to_const(&other, qstrs).unwrap_or(ConstValue::None),
    }
}

/// `mp_parse_node_convert_to_obj`, or `None` if the node is not a constant
/// (`mp_parse_node_is_const`).
pub(crate) fn node_to_const(pn: &Node, qstrs: &QstrPool) -> Option<ConstValue> {
    match pn {
        Node::SmallInt(v) => Some(ConstValue::Int((*v).into())),
        Node::Str(q) => Some(ConstValue::Str(qstrs.bytes(*q).to_vec())),
        Node::Token(TokenKind::KW_NONE) => Some(ConstValue::None),
        Node::Token(TokenKind::KW_FALSE) => Some(ConstValue::False),
        Node::Token(TokenKind::KW_TRUE) => Some(ConstValue::True),
        Node::Token(TokenKind::ELLIPSIS) => Some(ConstValue::Ellipsis),
        Node::Const(c) => Some(c.value.clone()),
        Node::Struct(s)
            if s.rule == Rule::atom_paren && s.nodes.first().is_none_or(Node::is_null) =>
        {
            Some(ConstValue::Tuple(Vec::new()))
        }
        _ => None,
    }
}
