//! Tokenizer and parser for the subset of Python that manifest files use: calls with positional
//! and keyword arguments, literals, lists/tuples, names, attribute reads, `+`, comparisons,
//! `not`/`and`/`or`, conditional expressions, assignments, `if`/`elif`/`else`, `for` over a
//! literal sequence, `pass`. Anything else is an error with its line, never executed.

use std::fmt;

/// Why a manifest could not be parsed, at a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: u32,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

#[cold]
fn err<T>(line: u32, message: impl Into<String>) -> Result<T, SyntaxError> {
    Err(SyntaxError {
        line,
        message: message.into(),
    })
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Name(String),
    Str(String),
    Int(i64),
    Float(f64),
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    End,
}

#[derive(Clone, Debug, PartialEq)]
struct Token {
    tok: Tok,
    line: u32,
}

const OPS: [&str; 22] = [
    "**", "==", "!=", "<=", ">=", "+=", "(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "+", "-",
    "*", "%", "<", ">",
];

/// Largest bracket nesting / expression depth accepted.
const MAX_DEPTH: usize = 64;

fn tokenize(src: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut tokens = Vec::new();
    let mut indents = vec![0usize];
    let mut depth = 0usize; // bracket depth: newlines inside brackets are ignored
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut line = 1u32;
    let mut at_line_start = true;
    while i < bytes.len() {
        if at_line_start && depth == 0 {
            // Measure indentation; skip blank and comment-only lines.
            let mut col = 0;
            let mut j = i;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                col += if bytes[j] == b'\t' { 8 - col % 8 } else { 1 };
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'\n' || bytes[j] == b'#' || bytes[j] == b'\r' {
                while j < bytes.len() && bytes[j] != b'\n' {
                    j += 1;
                }
                i = j + 1;
                line += 1;
                continue;
            }
            let current = *indents.last().unwrap_or(&0);
            if col > current {
                indents.push(col);
                tokens.push(Token {
                    tok: Tok::Indent,
                    line,
                });
            } else {
                while col < *indents.last().unwrap_or(&0) {
                    indents.pop();
                    tokens.push(Token {
                        tok: Tok::Dedent,
                        line,
                    });
                }
                if col != *indents.last().unwrap_or(&0) {
                    return err(line, "inconsistent indentation");
                }
            }
            i = j;
            at_line_start = false;
        }
        let c = bytes[i];
        match c {
            b' ' | b'\t' | b'\r' => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'\\' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 2;
                line += 1;
            }
            b'\n' => {
                if depth == 0 {
                    tokens.push(Token {
                        tok: Tok::Newline,
                        line,
                    });
                    at_line_start = true;
                }
                i += 1;
                line += 1;
            }
            b'0'..=b'9' => {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'.')
                {
                    i += 1;
                }
                let text = src[start..i].replace('_', "");
                let tok = if let Ok(v) = text.parse::<i64>() {
                    Tok::Int(v)
                } else if let Ok(v) = text.parse::<f64>() {
                    Tok::Float(v)
                } else {
                    return err(line, format!("unsupported number literal {text}"));
                };
                tokens.push(Token { tok, line });
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] >= 0x80)
                {
                    i += 1;
                }
                let word = &src[start..i];
                let is_prefix = word.len() <= 2 && word.chars().all(|c| "rRbBuUfF".contains(c));
                if is_prefix && i < bytes.len() && (bytes[i] == b'\'' || bytes[i] == b'"') {
                    let lower = word.to_ascii_lowercase();
                    if lower.contains('f') || lower.contains('b') {
                        return err(
                            line,
                            format!("{word}-strings are not supported in manifests"),
                        );
                    }
                    let (s, next, lines) = string_literal(src, i, lower.contains('r'), line)?;
                    tokens.push(Token {
                        tok: Tok::Str(s),
                        line,
                    });
                    i = next;
                    line += lines;
                } else {
                    tokens.push(Token {
                        tok: Tok::Name(word.to_string()),
                        line,
                    });
                }
            }
            b'\'' | b'"' => {
                let (s, next, lines) = string_literal(src, i, false, line)?;
                tokens.push(Token {
                    tok: Tok::Str(s),
                    line,
                });
                i = next;
                line += lines;
            }
            _ => {
                let Some(op) = OPS.iter().find(|op| src[i..].starts_with(**op)) else {
                    return err(line, format!("unexpected character {:?}", char::from(c)));
                };
                match *op {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => depth = depth.saturating_sub(1),
                    _ => {}
                }
                if depth > MAX_DEPTH {
                    return err(line, "brackets nested too deeply");
                }
                tokens.push(Token {
                    tok: Tok::Op(op),
                    line,
                });
                i += op.len();
            }
        }
    }
    tokens.push(Token {
        tok: Tok::Newline,
        line,
    });
    while indents.len() > 1 {
        indents.pop();
        tokens.push(Token {
            tok: Tok::Dedent,
            line,
        });
    }
    tokens.push(Token {
        tok: Tok::End,
        line,
    });
    Ok(tokens)
}

/// A string literal at `start` (a quote): its value, the index after it, and newlines inside.
fn string_literal(
    src: &str,
    start: usize,
    raw: bool,
    line: u32,
) -> Result<(String, usize, u32), SyntaxError> {
    let bytes = src.as_bytes();
    let quote = bytes[start];
    let triple = bytes.get(start + 1) == Some(&quote) && bytes.get(start + 2) == Some(&quote);
    let mut i = start + if triple { 3 } else { 1 };
    let mut out = String::new();
    let mut lines = 0;
    loop {
        let Some(&c) = bytes.get(i) else {
            return err(line, "unterminated string literal");
        };
        if c == quote
            && (!triple || (bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote)))
        {
            i += if triple { 3 } else { 1 };
            break;
        }
        if c == b'\n' {
            if !triple {
                return err(line, "unterminated string literal");
            }
            lines += 1;
        }
        if c == b'\\' && !raw {
            let Some(&e) = bytes.get(i + 1) else {
                return err(line, "unterminated string literal");
            };
            i += 2;
            match e {
                b'n' => out.push('\n'),
                b't' => out.push('\t'),
                b'r' => out.push('\r'),
                b'0' => out.push('\0'),
                b'\\' => out.push('\\'),
                b'\'' => out.push('\''),
                b'"' => out.push('"'),
                b'\n' => lines += 1,
                _ => {
                    // An unknown escape keeps its backslash; the character after it (which
                    // may be several UTF-8 bytes) is copied by the next iteration.
                    out.push('\\');
                    i -= 1;
                }
            }
            continue;
        }
        // Copy one UTF-8 character.
        let ch = src[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
    Ok((out, i, lines))
}

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A str literal.
    Str(String),
    /// An int literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// `True`/`False`.
    Bool(bool),
    /// `None`.
    None,
    /// A name.
    Name(String),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)`.
    Tuple(Vec<Expr>),
    /// `value.attr`.
    Attr(Box<Expr>, String),
    /// `f(args, key=value)`.
    Call(Box<Expr>, Vec<Expr>, Vec<(String, Expr)>),
    /// A binary operator (`+`, `==`, `!=`, `in`, `not in`, `<`, `>`, `<=`, `>=`).
    Binary(&'static str, Box<Expr>, Box<Expr>),
    /// `not x`.
    Not(Box<Expr>),
    /// `-x`.
    Neg(Box<Expr>),
    /// `a and b`.
    And(Box<Expr>, Box<Expr>),
    /// `a or b`.
    Or(Box<Expr>, Box<Expr>),
    /// `a if cond else b`.
    IfElse(Box<Expr>, Box<Expr>, Box<Expr>),
}

/// A statement with its line.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// 1-based line of the statement's first token.
    pub line: u32,
    /// What it does.
    pub kind: StmtKind,
}

/// The statements manifests use.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect (a call) or ignored (a docstring).
    Expr(Expr),
    /// `name = value` (or `name += value` when the flag is set).
    Assign(String, Expr, bool),
    /// `if`/`elif`/`else` chain: (condition, body) pairs and the else body.
    If(Vec<(Expr, Vec<Stmt>)>, Vec<Stmt>),
    /// `for name in iterable: body`.
    For(String, Expr, Vec<Stmt>),
    /// `pass`.
    Pass,
}

/// Positional and keyword arguments of a call.
type CallArgs = (Vec<Expr>, Vec<(String, Expr)>);

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.tokens[self.pos.min(self.tokens.len() - 1)].tok
    }

    fn line(&self) -> u32 {
        self.tokens[self.pos.min(self.tokens.len() - 1)].line
    }

    fn bump(&mut self) -> Tok {
        let tok = self.peek().clone();
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        tok
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.peek(), Tok::Op(o) if *o == op)
    }

    fn at_name(&self, name: &str) -> bool {
        matches!(self.peek(), Tok::Name(n) if n == name)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let found = self.at_op(op);
        if found {
            self.bump();
        }
        found
    }

    fn expect_op(&mut self, op: &str) -> Result<(), SyntaxError> {
        if self.eat_op(op) {
            Ok(())
        } else {
            err(
                self.line(),
                format!("expected '{op}', found {}", describe(self.peek())),
            )
        }
    }

    fn statements_until_end(&mut self) -> Result<Vec<Stmt>, SyntaxError> {
        let mut body = Vec::new();
        while !matches!(self.peek(), Tok::End) {
            if matches!(self.peek(), Tok::Newline) {
                self.bump();
                continue;
            }
            body.extend(self.statement()?);
        }
        Ok(body)
    }

    fn statement(&mut self) -> Result<Vec<Stmt>, SyntaxError> {
        let line = self.line();
        if self.at_name("if") {
            self.bump();
            return Ok(vec![self.if_statement(line)?]);
        }
        if self.at_name("for") {
            self.bump();
            let Tok::Name(var) = self.bump() else {
                return err(line, "expected a name after 'for'");
            };
            if !self.at_name("in") {
                return err(line, "expected 'in'");
            }
            self.bump();
            let iterable = self.expr()?;
            self.expect_op(":")?;
            let body = self.suite()?;
            return Ok(vec![Stmt {
                line,
                kind: StmtKind::For(var, iterable, body),
            }]);
        }
        if let Tok::Name(word) = self.peek() {
            const UNSUPPORTED: [&str; 16] = [
                "import", "from", "def", "class", "while", "try", "with", "del", "return",
                "global", "nonlocal", "lambda", "raise", "assert", "yield", "async",
            ];
            if UNSUPPORTED.contains(&word.as_str()) {
                return err(line, format!("'{word}' is not supported in manifests (only calls, assignments, if and for)"));
            }
            if word == "elif" || word == "else" {
                return err(line, format!("'{word}' without 'if'"));
            }
        }
        // Simple statements separated by ';' are not used; one per line.
        let stmt = self.simple_statement()?;
        match self.peek() {
            Tok::Newline => {
                self.bump();
            }
            Tok::End | Tok::Dedent => {}
            other => {
                return err(
                    self.line(),
                    format!("unexpected {} after statement", describe(other)),
                )
            }
        }
        Ok(vec![stmt])
    }

    fn simple_statement(&mut self) -> Result<Stmt, SyntaxError> {
        let line = self.line();
        if self.at_name("pass") {
            self.bump();
            return Ok(Stmt {
                line,
                kind: StmtKind::Pass,
            });
        }
        let expr = self.expr()?;
        if self.at_op("=") || self.at_op("+=") {
            let augmented = self.at_op("+=");
            self.bump();
            let Expr::Name(name) = expr else {
                return err(line, "only assignments to a plain name are supported");
            };
            let value = self.expr()?;
            return Ok(Stmt {
                line,
                kind: StmtKind::Assign(name, value, augmented),
            });
        }
        Ok(Stmt {
            line,
            kind: StmtKind::Expr(expr),
        })
    }

    fn if_statement(&mut self, line: u32) -> Result<Stmt, SyntaxError> {
        let mut branches = Vec::new();
        let cond = self.expr()?;
        self.expect_op(":")?;
        branches.push((cond, self.suite()?));
        let mut otherwise = Vec::new();
        loop {
            if self.at_name("elif") {
                self.bump();
                let cond = self.expr()?;
                self.expect_op(":")?;
                branches.push((cond, self.suite()?));
            } else if self.at_name("else") {
                self.bump();
                self.expect_op(":")?;
                otherwise = self.suite()?;
                break;
            } else {
                break;
            }
        }
        Ok(Stmt {
            line,
            kind: StmtKind::If(branches, otherwise),
        })
    }

    /// The body after `:`: simple statements on the same line, or an indented block.
    fn suite(&mut self) -> Result<Vec<Stmt>, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err(self.line(), "blocks nested too deeply");
        }
        let result = if matches!(self.peek(), Tok::Newline) {
            self.bump();
            if !matches!(self.peek(), Tok::Indent) {
                return err(self.line(), "expected an indented block");
            }
            self.bump();
            let mut body = Vec::new();
            while !matches!(self.peek(), Tok::Dedent | Tok::End) {
                if matches!(self.peek(), Tok::Newline) {
                    self.bump();
                    continue;
                }
                body.extend(self.statement()?);
            }
            if matches!(self.peek(), Tok::Dedent) {
                self.bump();
            }
            body
        } else {
            let stmt = self.simple_statement()?;
            if matches!(self.peek(), Tok::Newline) {
                self.bump();
            }
            vec![stmt]
        };
        self.depth -= 1;
        Ok(result)
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err(self.line(), "expression nested too deeply");
        }
        Ok(())
    }

    fn expr(&mut self) -> Result<Expr, SyntaxError> {
        self.enter()?;
        let value = self.or_expr()?;
        let result = if self.at_name("if") {
            self.bump();
            let cond = self.or_expr()?;
            if !self.at_name("else") {
                return err(self.line(), "expected 'else' in conditional expression");
            }
            self.bump();
            let other = self.expr()?;
            Expr::IfElse(Box::new(cond), Box::new(value), Box::new(other))
        } else {
            value
        };
        self.depth -= 1;
        Ok(result)
    }

    fn or_expr(&mut self) -> Result<Expr, SyntaxError> {
        let mut left = self.and_expr()?;
        while self.at_name("or") {
            self.bump();
            left = Expr::Or(Box::new(left), Box::new(self.and_expr()?));
        }
        Ok(left)
    }

    fn and_expr(&mut self) -> Result<Expr, SyntaxError> {
        let mut left = self.not_expr()?;
        while self.at_name("and") {
            self.bump();
            left = Expr::And(Box::new(left), Box::new(self.not_expr()?));
        }
        Ok(left)
    }

    fn not_expr(&mut self) -> Result<Expr, SyntaxError> {
        if self.at_name("not") {
            self.bump();
            self.enter()?;
            let inner = self.not_expr()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, SyntaxError> {
        let left = self.sum()?;
        let op = match self.peek() {
            Tok::Op(op @ ("==" | "!=" | "<" | ">" | "<=" | ">=")) => *op,
            Tok::Name(n) if n == "in" => "in",
            Tok::Name(n) if n == "not" => {
                if matches!(self.tokens.get(self.pos + 1).map(|t| &t.tok), Some(Tok::Name(n)) if n == "in")
                {
                    self.bump();
                    "not in"
                } else {
                    return Ok(left);
                }
            }
            _ => return Ok(left),
        };
        self.bump();
        let right = self.sum()?;
        Ok(Expr::Binary(op, Box::new(left), Box::new(right)))
    }

    fn sum(&mut self) -> Result<Expr, SyntaxError> {
        let mut left = self.unary()?;
        while self.at_op("+") {
            self.bump();
            left = Expr::Binary("+", Box::new(left), Box::new(self.unary()?));
        }
        if self.at_op("-") || self.at_op("*") || self.at_op("%") || self.at_op("**") {
            return err(
                self.line(),
                format!(
                    "operator {} is not supported in manifests",
                    describe(self.peek())
                ),
            );
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, SyntaxError> {
        if self.eat_op("-") {
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Neg(Box::new(inner)));
        }
        self.postfix()
    }

    fn postfix(&mut self) -> Result<Expr, SyntaxError> {
        let mut value = self.atom()?;
        loop {
            if self.eat_op(".") {
                let Tok::Name(attr) = self.bump() else {
                    return err(self.line(), "expected an attribute name after '.'");
                };
                value = Expr::Attr(Box::new(value), attr);
            } else if self.at_op("(") {
                self.bump();
                let (args, kwargs) = self.call_args()?;
                value = Expr::Call(Box::new(value), args, kwargs);
            } else if self.at_op("[") {
                return err(self.line(), "subscripts are not supported in manifests");
            } else {
                return Ok(value);
            }
        }
    }

    fn call_args(&mut self) -> Result<CallArgs, SyntaxError> {
        let mut args = Vec::new();
        let mut kwargs: Vec<(String, Expr)> = Vec::new();
        while !self.at_op(")") {
            if self.at_op("*") || self.at_op("**") {
                return err(
                    self.line(),
                    "*args and **kwargs are not supported in manifests",
                );
            }
            let is_keyword = matches!(self.peek(), Tok::Name(_))
                && matches!(
                    self.tokens.get(self.pos + 1).map(|t| &t.tok),
                    Some(Tok::Op("="))
                );
            if is_keyword {
                let line = self.line();
                let Tok::Name(key) = self.bump() else {
                    unreachable!("checked above")
                };
                self.bump();
                if kwargs.iter().any(|(k, _)| *k == key) {
                    return err(line, format!("keyword argument repeated: {key}"));
                }
                kwargs.push((key, self.expr()?));
            } else {
                if !kwargs.is_empty() {
                    return err(self.line(), "positional argument follows keyword argument");
                }
                args.push(self.expr()?);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        Ok((args, kwargs))
    }

    fn sequence(&mut self, close: &str) -> Result<(Vec<Expr>, bool), SyntaxError> {
        let mut items = Vec::new();
        let mut trailing_comma = false;
        while !self.at_op(close) {
            items.push(self.expr()?);
            trailing_comma = self.eat_op(",");
            if !trailing_comma {
                break;
            }
        }
        self.expect_op(close)?;
        Ok((items, trailing_comma))
    }

    fn atom(&mut self) -> Result<Expr, SyntaxError> {
        let line = self.line();
        match self.bump() {
            Tok::Str(mut s) => {
                // Adjacent literals concatenate.
                while let Tok::Str(next) = self.peek() {
                    s.push_str(next);
                    self.bump();
                }
                Ok(Expr::Str(s))
            }
            Tok::Int(v) => Ok(Expr::Int(v)),
            Tok::Float(v) => Ok(Expr::Float(v)),
            Tok::Name(n) => Ok(match n.as_str() {
                "True" => Expr::Bool(true),
                "False" => Expr::Bool(false),
                "None" => Expr::None,
                _ => Expr::Name(n),
            }),
            Tok::Op("(") => {
                self.enter()?;
                let (items, trailing) = self.sequence(")")?;
                self.depth -= 1;
                if items.len() == 1 && !trailing {
                    Ok(items.into_iter().next().unwrap_or(Expr::None))
                } else {
                    Ok(Expr::Tuple(items))
                }
            }
            Tok::Op("[") => {
                self.enter()?;
                let (items, _) = self.sequence("]")?;
                self.depth -= 1;
                Ok(Expr::List(items))
            }
            Tok::Op("{") => err(line, "dicts and sets are not supported in manifests"),
            other => err(line, format!("unexpected {}", describe(&other))),
        }
    }
}

fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Name(n) => format!("'{n}'"),
        Tok::Str(_) => "a string".into(),
        Tok::Int(_) | Tok::Float(_) => "a number".into(),
        Tok::Op(op) => format!("'{op}'"),
        Tok::Newline => "end of line".into(),
        Tok::Indent => "indent".into(),
        Tok::Dedent => "dedent".into(),
        Tok::End => "end of file".into(),
    }
}

/// Parse a manifest's source.
///
/// # Errors
/// The first construct outside the manifest subset, with its line.
pub fn parse(src: &str) -> Result<Vec<Stmt>, SyntaxError> {
    let tokens = tokenize(src)?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        depth: 0,
    };
    parser.statements_until_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_escape_before_a_multibyte_character_keeps_both() {
        // Found by the `manifest` fuzz target: `\` then a 2-byte character used to split it.
        let stmts = parse("module(\"\u{13c}J\\\u{13c}J\")\n").expect("parses");
        let StmtKind::Expr(Expr::Call(_, args, _)) = &stmts[0].kind else {
            panic!("a call: {stmts:?}");
        };
        assert_eq!(args[0], Expr::Str("\u{13c}J\\\u{13c}J".into()));
        assert!(parse("\"\u{13c}J\\\u{13c}J\\-2-2&").is_err());
    }

    #[test]
    fn parses_real_manifest_shapes() {
        let src = r#"
"""Docstring."""
# comment
metadata(version="0.1.0", description='x')
include("$(PORT_DIR)/boards/manifest.py")
options.defaults(extra=False)
if options.extra:
    require("aioble", client=True)
elif not options.other:
    pass
else: module("a.py", opt=3)
package(
    "asyncio",
    (
        "__init__.py",
        "core.py",
    ),
    base_path="..",
    opt=3,
)
names = ["a", "b"] + ["c"]
for n in names:
    module(n + ".py")
"#;
        let stmts = parse(src).expect("parses");
        assert_eq!(stmts.len(), 8);
        assert!(
            matches!(&stmts[4].kind, StmtKind::If(branches, other) if branches.len() == 2 && other.len() == 1)
        );
        assert_eq!(stmts[5].line, 12);
    }

    #[test]
    fn mutated_manifests_never_panic() {
        let base = "metadata(version='1.0')\nif options.x and not options.y:\n    package('p', files=('a.py', \"b.py\"), opt=3)\nelse:\n    x = [1, -2.5] + [None]\n    for n in x: module(n)\n\"\"\"doc\"\"\"\n";
        let inserts = [
            "(", ")", "\"", "'", ":", "\n", "    ", "\\", "#", "=", ",", "\u{e9}", "\"\"\"",
        ];
        let chars: Vec<(usize, char)> = base.char_indices().collect();
        let mut parsed = 0;
        for &(i, c) in &chars {
            let deleted = format!("{}{}", &base[..i], &base[i + c.len_utf8()..]);
            parsed += usize::from(parse(&deleted).is_ok());
            for ins in inserts {
                let inserted = format!("{}{ins}{}", &base[..i], &base[i..]);
                parsed += usize::from(parse(&inserted).is_ok());
            }
        }
        assert!(parsed > 0);
        assert!(parse(base).is_ok());
    }

    #[test]
    fn rejects_code_with_lines() {
        assert_eq!(parse("x = 1\nimport os\n").unwrap_err().line, 2);
        assert_eq!(parse("\n\ndef f(): pass\n").unwrap_err().line, 3);
        assert_eq!(parse("a = {}\n").unwrap_err().line, 1);
        assert_eq!(parse("module(f'{x}')\n").unwrap_err().line, 1);
        assert!(parse("module('a.py'\n").is_err());
        assert!(parse(&"(".repeat(500)).is_err());
        assert!(parse(&"not ".repeat(500)).is_err());
    }
}
