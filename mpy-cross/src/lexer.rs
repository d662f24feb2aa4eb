//! Tokeniser (after py/lexer.c and py/lexer.h of MicroPython 1.29).
//!
//! A faithful port of the reference's character-stream lexer: three cached characters,
//! CR/CRLF folding, an implicit final newline, indentation tracking with a `u16` stack,
//! adjacent string literal concatenation, and the f-string / t-string rewriting that
//! injects `.format(...)` / `__template__(...)` source text back into the stream.

use crate::error::{CompileError, ErrorClass};

/// A token kind (`mp_token_kind_t`), in the reference's order: the parser and compiler
/// rely on it (comparison and binary operators map to runtime operators by offset).
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[repr(u8)]
pub enum TokenKind {
    END,
    INVALID,
    DEDENT_MISMATCH,
    LONELY_STRING_OPEN,
    MALFORMED_FSTRING,
    NEWLINE,
    INDENT,
    DEDENT,
    NAME,
    INTEGER,
    FLOAT_OR_IMAG,
    STRING,
    BYTES,
    ELLIPSIS,
    KW_FALSE,
    KW_NONE,
    KW_TRUE,
    KW___DEBUG__,
    KW_AND,
    KW_AS,
    KW_ASSERT,
    KW_ASYNC,
    KW_AWAIT,
    KW_BREAK,
    KW_CLASS,
    KW_CONTINUE,
    KW_DEF,
    KW_DEL,
    KW_ELIF,
    KW_ELSE,
    KW_EXCEPT,
    KW_FINALLY,
    KW_FOR,
    KW_FROM,
    KW_GLOBAL,
    KW_IF,
    KW_IMPORT,
    KW_IN,
    KW_IS,
    KW_LAMBDA,
    KW_NONLOCAL,
    KW_NOT,
    KW_OR,
    KW_PASS,
    KW_RAISE,
    KW_RETURN,
    KW_TRY,
    KW_WHILE,
    KW_WITH,
    KW_YIELD,
    OP_ASSIGN,
    OP_TILDE,
    OP_LESS,
    OP_MORE,
    OP_DBL_EQUAL,
    OP_LESS_EQUAL,
    OP_MORE_EQUAL,
    OP_NOT_EQUAL,
    OP_PIPE,
    OP_CARET,
    OP_AMPERSAND,
    OP_DBL_LESS,
    OP_DBL_MORE,
    OP_PLUS,
    OP_MINUS,
    OP_STAR,
    OP_AT,
    OP_DBL_SLASH,
    OP_SLASH,
    OP_PERCENT,
    OP_DBL_STAR,
    DEL_PIPE_EQUAL,
    DEL_CARET_EQUAL,
    DEL_AMPERSAND_EQUAL,
    DEL_DBL_LESS_EQUAL,
    DEL_DBL_MORE_EQUAL,
    DEL_PLUS_EQUAL,
    DEL_MINUS_EQUAL,
    DEL_STAR_EQUAL,
    DEL_AT_EQUAL,
    DEL_DBL_SLASH_EQUAL,
    DEL_SLASH_EQUAL,
    DEL_PERCENT_EQUAL,
    DEL_DBL_STAR_EQUAL,
    DEL_PAREN_OPEN,
    DEL_PAREN_CLOSE,
    DEL_BRACKET_OPEN,
    DEL_BRACKET_CLOSE,
    DEL_BRACE_OPEN,
    DEL_BRACE_CLOSE,
    DEL_COMMA,
    DEL_COLON,
    DEL_PERIOD,
    DEL_SEMICOLON,
    DEL_EQUAL,
    DEL_MINUS_MORE,
}

use TokenKind as T;

/// Number of token kinds.
pub const TOKEN_COUNT: usize = T::DEL_MINUS_MORE as usize + 1;

const TAB_SIZE: usize = 8;
const LEXER_EOF: u8 = 0;
const LEXER_INVALID_BYTE: u8 = 1;

/// Operator encoding (see `tok_enc` in py/lexer.c): `<op>` begins a token, `e<op>` ends
/// with `<op>`, `c<op>` continues matching with `<op>`.
const TOK_ENC: &[u8] = b"()[]{},;~:e=<e=c<e=>e=c>e=*e=c*e=+e=-e=e>&e=|e=/e=c/e=%e=^e=@e==e=!.";

const TOK_ENC_KIND: [T; 45] = [
    T::DEL_PAREN_OPEN,
    T::DEL_PAREN_CLOSE,
    T::DEL_BRACKET_OPEN,
    T::DEL_BRACKET_CLOSE,
    T::DEL_BRACE_OPEN,
    T::DEL_BRACE_CLOSE,
    T::DEL_COMMA,
    T::DEL_SEMICOLON,
    T::OP_TILDE,
    T::DEL_COLON,
    T::OP_ASSIGN,
    T::OP_LESS,
    T::OP_LESS_EQUAL,
    T::OP_DBL_LESS,
    T::DEL_DBL_LESS_EQUAL,
    T::OP_MORE,
    T::OP_MORE_EQUAL,
    T::OP_DBL_MORE,
    T::DEL_DBL_MORE_EQUAL,
    T::OP_STAR,
    T::DEL_STAR_EQUAL,
    T::OP_DBL_STAR,
    T::DEL_DBL_STAR_EQUAL,
    T::OP_PLUS,
    T::DEL_PLUS_EQUAL,
    T::OP_MINUS,
    T::DEL_MINUS_EQUAL,
    T::DEL_MINUS_MORE,
    T::OP_AMPERSAND,
    T::DEL_AMPERSAND_EQUAL,
    T::OP_PIPE,
    T::DEL_PIPE_EQUAL,
    T::OP_SLASH,
    T::DEL_SLASH_EQUAL,
    T::OP_DBL_SLASH,
    T::DEL_DBL_SLASH_EQUAL,
    T::OP_PERCENT,
    T::DEL_PERCENT_EQUAL,
    T::OP_CARET,
    T::DEL_CARET_EQUAL,
    T::OP_AT,
    T::DEL_AT_EQUAL,
    T::DEL_EQUAL,
    T::OP_DBL_EQUAL,
    T::END, // unused: "!" and "." are special cases
];

/// The keywords, in token order (`tok_kw`).
const KEYWORDS: [(&[u8], T); 37] = [
    (b"False", T::KW_FALSE),
    (b"None", T::KW_NONE),
    (b"True", T::KW_TRUE),
    (b"__debug__", T::KW___DEBUG__),
    (b"and", T::KW_AND),
    (b"as", T::KW_AS),
    (b"assert", T::KW_ASSERT),
    (b"async", T::KW_ASYNC),
    (b"await", T::KW_AWAIT),
    (b"break", T::KW_BREAK),
    (b"class", T::KW_CLASS),
    (b"continue", T::KW_CONTINUE),
    (b"def", T::KW_DEF),
    (b"del", T::KW_DEL),
    (b"elif", T::KW_ELIF),
    (b"else", T::KW_ELSE),
    (b"except", T::KW_EXCEPT),
    (b"finally", T::KW_FINALLY),
    (b"for", T::KW_FOR),
    (b"from", T::KW_FROM),
    (b"global", T::KW_GLOBAL),
    (b"if", T::KW_IF),
    (b"import", T::KW_IMPORT),
    (b"in", T::KW_IN),
    (b"is", T::KW_IS),
    (b"lambda", T::KW_LAMBDA),
    (b"nonlocal", T::KW_NONLOCAL),
    (b"not", T::KW_NOT),
    (b"or", T::KW_OR),
    (b"pass", T::KW_PASS),
    (b"raise", T::KW_RAISE),
    (b"return", T::KW_RETURN),
    (b"try", T::KW_TRY),
    (b"while", T::KW_WHILE),
    (b"with", T::KW_WITH),
    (b"yield", T::KW_YIELD),
    (b"", T::END),
];

/// `unichar_isspace`: ASCII space, `\t`, `\n`, `\v`, `\f`, `\r`.
pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | 9..=13)
}

/// Appends `c` UTF-8 encoded (`vstr_add_char`; surrogates are encoded like any code point).
pub(crate) fn push_utf8(out: &mut Vec<u8>, c: u32) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.push((c >> 6 | 0xc0) as u8);
        out.push((c & 0x3f | 0x80) as u8);
    } else if c < 0x10000 {
        out.push((c >> 12 | 0xe0) as u8);
        out.push((c >> 6 & 0x3f | 0x80) as u8);
        out.push((c & 0x3f | 0x80) as u8);
    } else {
        out.push((c >> 18 & 0x07 | 0xf0) as u8);
        out.push((c >> 12 & 0x3f | 0x80) as u8);
        out.push((c >> 6 & 0x3f | 0x80) as u8);
        out.push((c & 0x3f | 0x80) as u8);
    }
}

/// The lexer state (`mp_lexer_t`). The current token is in `tok_kind`, `text`, `tok_line`.
pub struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    chr0: u8,
    chr1: u8,
    chr2: u8,
    /// Source offsets of the three cached characters (injected characters get the
    /// offset where the injection happened).
    offs: [u32; 3],
    line: u32,
    column: usize,
    emit_dent: i64,
    nested_bracket_level: i64,
    indent_level: Vec<u16>,
    optimize: u8,
    inject_chrs: Vec<u8>,
    inject_chrs_idx: usize,
    fstring_args: Vec<u8>,
    /// Line of the current token.
    pub tok_line: u32,
    /// Column of the current token.
    pub tok_column: usize,
    /// Kind of the current token.
    pub tok_kind: TokenKind,
    /// Text of the current token (identifier, number text, decoded string bytes).
    pub text: Vec<u8>,
    /// Byte offset where the current token starts.
    pub tok_start: u32,
    /// Byte offset where the current token ends.
    pub tok_end: u32,
}

impl<'a> Lexer<'a> {
    /// The source bytes of `range` (clamped to the source).
    #[must_use]
    pub fn source_bytes(&self, range: core::ops::Range<u32>) -> &'a [u8] {
        let end = (range.end as usize).min(self.src.len());
        let start = (range.start as usize).min(end);
        &self.src[start..end]
    }

    /// A lexer over `src` with the first token loaded (`mp_lexer_new`). `optimize` decides
    /// the value of `__debug__`.
    ///
    /// # Errors
    /// A lexer-level error in the first token (e.g. "unicode name escapes").
    pub fn new(src: &'a [u8], optimize: u8) -> Result<Self, CompileError> {
        let mut lex = Lexer {
            src,
            pos: 0,
            chr0: 0,
            chr1: 0,
            chr2: 0,
            offs: [0; 3],
            line: 1,
            column: usize::MAX - 1, // (size_t)-2: accounts for the 3 dummy bytes
            emit_dent: 0,
            nested_bracket_level: 0,
            indent_level: vec![0],
            optimize,
            inject_chrs: Vec::new(),
            inject_chrs_idx: 0,
            fstring_args: Vec::new(),
            tok_line: 1,
            tok_column: 1,
            tok_kind: T::END,
            text: Vec::new(),
            tok_start: 0,
            tok_end: 0,
        };
        lex.next_char();
        lex.next_char();
        lex.next_char();
        lex.next_token()?;
        // The first token must be in column 1 unless it is a newline.
        if lex.tok_column != 1 && lex.tok_kind != T::NEWLINE {
            lex.tok_kind = T::INDENT;
        }
        Ok(lex)
    }

    fn is_end(&self) -> bool {
        self.chr0 == LEXER_EOF
    }
    fn is_char(&self, c: u8) -> bool {
        self.chr0 == c
    }
    fn is_char_or(&self, a: u8, b: u8) -> bool {
        self.chr0 == a || self.chr0 == b
    }
    fn is_char_and(&self, a: u8, b: u8) -> bool {
        self.chr0 == a && self.chr1 == b
    }
    fn is_char_following_or(&self, a: u8, b: u8) -> bool {
        self.chr1 == a || self.chr1 == b
    }
    fn is_char_following_following_or(&self, a: u8, b: u8) -> bool {
        self.chr2 == a || self.chr2 == b
    }
    fn is_letter(&self) -> bool {
        self.chr0.is_ascii_alphabetic()
    }
    fn is_digit(&self) -> bool {
        self.chr0.is_ascii_digit()
    }
    fn is_head_of_identifier(&self) -> bool {
        self.is_letter() || self.chr0 == b'_' || self.chr0 >= 0x80
    }
    fn is_tail_of_identifier(&self) -> bool {
        self.is_head_of_identifier() || self.is_digit()
    }

    fn is_string_or_bytes(&self) -> bool {
        self.is_char_or(b'\'', b'"')
            || (matches!(self.chr0, b'r' | b'u' | b'b' | b'f' | b't')
                && self.is_char_following_or(b'\'', b'"'))
            || ((self.is_char_and(b'r', b'f')
                || self.is_char_and(b'f', b'r')
                || self.is_char_and(b'r', b't')
                || self.is_char_and(b't', b'r')
                || self.is_char_and(b'r', b'b')
                || self.is_char_and(b'b', b'r'))
                && self.is_char_following_following_or(b'\'', b'"'))
    }

    fn next_char(&mut self) {
        if self.chr0 == b'\n' {
            self.line = self.line.saturating_add(1);
            self.column = 1;
        } else if self.chr0 == b'\t' {
            self.column = (self.column.wrapping_sub(1).wrapping_add(TAB_SIZE) / TAB_SIZE)
                .wrapping_mul(TAB_SIZE)
                .wrapping_add(1);
        } else {
            self.column = self.column.wrapping_add(1);
        }
        self.chr0 = self.chr1;
        self.chr1 = self.chr2;
        self.offs[0] = self.offs[1];
        self.offs[1] = self.offs[2];

        let mut chr2;
        let mut off2;
        loop {
            if self.inject_chrs_idx != 0 {
                chr2 = self
                    .inject_chrs
                    .get(self.inject_chrs_idx)
                    .copied()
                    .unwrap_or(LEXER_EOF);
                self.inject_chrs_idx += 1;
                off2 = self.pos_u32();
                if self.inject_chrs_idx >= self.inject_chrs.len() {
                    self.inject_chrs.clear();
                    self.inject_chrs_idx = 0;
                }
            } else {
                off2 = self.pos_u32();
                match self.src.get(self.pos) {
                    None => chr2 = LEXER_EOF,
                    Some(&b) => {
                        self.pos += 1;
                        chr2 = if b == LEXER_EOF {
                            LEXER_INVALID_BYTE
                        } else {
                            b
                        };
                    }
                }
            }
            if self.chr1 == b'\r' {
                // CR is a new line, converted to LF; CR LF is a single new line
                self.chr1 = b'\n';
                if chr2 == b'\n' {
                    continue;
                }
            }
            break;
        }
        // insert a newline at the end of the file if there is none
        if chr2 == LEXER_EOF && self.chr1 != LEXER_EOF && self.chr1 != b'\n' {
            chr2 = b'\n';
        }
        self.chr2 = chr2;
        self.offs[2] = off2;
    }

    fn pos_u32(&self) -> u32 {
        u32::try_from(self.pos).unwrap_or(u32::MAX)
    }

    fn indent_top(&self) -> usize {
        usize::from(self.indent_level.last().copied().unwrap_or(0))
    }

    /// Reads 1..=8 hex digits after the current character; leaves the cursor on the last
    /// one read (`get_hex`). `None` if a non-hex character was met.
    fn get_hex(&mut self, num_digits: usize) -> Option<u32> {
        let mut num: u32 = 0;
        for _ in 0..num_digits {
            self.next_char();
            let c = self.chr0;
            let v = (c as char).to_digit(16)?;
            num = (num << 4).wrapping_add(v);
        }
        Some(num)
    }

    #[allow(clippy::too_many_lines)]
    fn parse_string_literal(
        &mut self,
        is_raw: bool,
        is_fstring: bool,
        is_tstring: bool,
    ) -> Result<(), CompileError> {
        let quote_char = if self.is_char(b'"') { b'"' } else { b'\'' };
        self.next_char();

        let num_quotes = if self.is_char_and(quote_char, quote_char) {
            self.next_char();
            self.next_char();
            3
        } else {
            1
        };

        let mut n_closing = 0;
        if is_fstring && self.fstring_args.is_empty() {
            self.fstring_args.extend_from_slice(b".format(");
        }
        if is_tstring && self.fstring_args.is_empty() {
            self.text.push(b'(');
            self.text.push(b'(');
            for _ in 0..num_quotes {
                self.text.push(quote_char);
            }
        }

        let mut tstring_num_interpolations: usize = 0;
        let mut end_of_format_index: usize = 0;
        let mut nested_formatting_in_tstring: usize = 0;
        let mut nested_formatting_needs_fstring = false;

        'outer: while !self.is_end()
            && (num_quotes > 1 || !self.is_char(b'\n'))
            && n_closing < num_quotes
        {
            if self.is_char(quote_char) {
                n_closing += 1;
                push_utf8(&mut self.text, u32::from(self.chr0));
            } else if is_tstring && self.is_char(b'\n') {
                self.text.push(b'\\');
                self.text.push(b'n');
            } else {
                n_closing = 0;

                if (is_fstring || is_tstring)
                    && self.is_char(b'{')
                    && nested_formatting_in_tstring != 0
                {
                    // a nested replacement field inside a t-string format spec
                    nested_formatting_in_tstring += 1;
                } else if (is_fstring || is_tstring) && self.is_char(b'{') {
                    self.next_char();
                    if self.is_char(b'{') {
                        // "{{" passes through to str.format
                        if !is_tstring {
                            self.text.push(b'{');
                        }
                        self.next_char();
                    } else {
                        // wrap each argument in (): f"{a,b,}, {c}" --> "{}".format((a,b), (c),)
                        self.fstring_args.push(b'(');
                        let i = self.fstring_args.len();
                        let mut nested_bracket_level: u32 = 0;
                        while !self.is_end()
                            && (nested_bracket_level != 0
                                || !(self.is_char_or(b':', b'}')
                                    || (self.is_char(b'!')
                                        && self.is_char_following_or(b'r', b's')
                                        && self.is_char_following_following_or(b':', b'}'))))
                        {
                            let c = self.chr0;
                            if c == b'[' || c == b'{' {
                                nested_bracket_level = nested_bracket_level.wrapping_add(1);
                            } else if c == b']' || c == b'}' {
                                nested_bracket_level = nested_bracket_level.wrapping_sub(1);
                            }
                            self.fstring_args.push(c);
                            self.next_char();
                        }
                        let mut was_debug = false;
                        if self.fstring_args.last() == Some(&b'=') {
                            // f'{a=}' --> 'a={}'.format(a)
                            self.text.extend_from_slice(&self.fstring_args[i..]);
                            self.fstring_args.pop();
                            was_debug = true;
                        }
                        if is_tstring {
                            while self.fstring_args.last().is_some_and(|&b| is_space(b)) {
                                self.fstring_args.pop();
                            }
                        }
                        if self.fstring_args.len() <= i {
                            // empty format, e.g. f'{}'
                            self.tok_kind = T::MALFORMED_FSTRING;
                        }
                        self.fstring_args.push(b')');
                        self.fstring_args.push(b',');
                        if is_tstring {
                            // duplicate the expression as a string
                            self.fstring_args.push(quote_char);
                            let nn = self.fstring_args.len().saturating_sub(i + 3);
                            for j in 0..nn {
                                let b = self.fstring_args[i + j];
                                if b == quote_char || b == b'\\' {
                                    self.fstring_args.push(b'\\');
                                }
                                self.fstring_args.push(b);
                            }
                            self.fstring_args.push(quote_char);
                            self.fstring_args.push(b',');

                            // start the next part of the string as the next __template__ argument
                            for _ in 0..num_quotes {
                                self.text.push(quote_char);
                            }
                            self.text.push(b',');
                            for _ in 0..num_quotes {
                                self.text.push(quote_char);
                            }

                            // conversion and format spec
                            if self.is_char(b'!') {
                                self.next_char();
                                self.fstring_args.push(quote_char);
                                self.fstring_args.push(self.chr0);
                                self.next_char();
                                self.fstring_args.push(quote_char);
                                self.fstring_args.push(b',');
                            } else if was_debug && !self.is_char(b':') {
                                self.fstring_args.extend_from_slice(b"'r',");
                            } else {
                                self.fstring_args.extend_from_slice(b"None,");
                            }
                            if self.is_char(b':') {
                                self.next_char();
                            }
                            nested_formatting_in_tstring = 1;
                            end_of_format_index = self.text.len();
                        }
                    }
                    self.text.push(b'{');
                    continue 'outer;
                }

                if is_tstring && self.is_char(b'\\') {
                    // it will be reparsed as a string
                    self.text.push(b'\\');
                    if is_raw {
                        self.text.push(b'\\');
                    } else {
                        self.next_char();
                        self.text.push(self.chr0);
                    }
                } else if self.is_char(b'\\') {
                    self.next_char();
                    let mut c = u32::from(self.chr0);
                    if is_raw {
                        // raw strings allow escaping of quotes, but the backslash is also emitted
                        self.text.push(b'\\');
                    } else {
                        match self.chr0 {
                            b'\n' => {
                                // escaped newline: ignore it
                                self.next_char();
                                continue 'outer;
                            }
                            b'\\' | b'\'' | b'"' => {}
                            b'a' => c = 0x07,
                            b'b' => c = 0x08,
                            b't' => c = 0x09,
                            b'n' => c = 0x0a,
                            b'v' => c = 0x0b,
                            b'f' => c = 0x0c,
                            b'r' => c = 0x0d,
                            b'u' | b'U' if self.tok_kind == T::BYTES => {
                                // b'\u1234' == b'\\u1234'
                                self.text.push(b'\\');
                            }
                            b'x' | b'u' | b'U' => {
                                let digits = match self.chr0 {
                                    b'x' => 2,
                                    b'u' => 4,
                                    _ => 8,
                                };
                                match self.get_hex(digits) {
                                    Some(n) => c = n,
                                    None => {
                                        self.tok_kind = T::INVALID;
                                        c = 0;
                                    }
                                }
                            }
                            b'N' => {
                                // The reference prints this one bare, with no traceback line;
                                // the line is kept for rich and JSON diagnostics.
                                return Err(CompileError::new(
                                    ErrorClass::NotImplementedError,
                                    "unicode name escapes",
                                    self.line,
                                )
                                .with_span(self.offs[0].saturating_sub(1)..self.offs[0] + 1)
                                .without_traceback());
                            }
                            b'0'..=b'7' => {
                                // octal sequence, 1-3 chars
                                let mut digits = 3;
                                let mut num = c - u32::from(b'0');
                                while (b'0'..=b'7').contains(&self.chr1) && {
                                    digits -= 1;
                                    digits != 0
                                } {
                                    self.next_char();
                                    num = num * 8 + (u32::from(self.chr0) - u32::from(b'0'));
                                }
                                c = num;
                            }
                            _ => {
                                // unrecognised escape: kept verbatim as '\' and the character
                                self.text.push(b'\\');
                            }
                        }
                    }
                    if c < 0x11_0000 && self.tok_kind == T::STRING {
                        push_utf8(&mut self.text, c);
                    } else if c < 0x100 && self.tok_kind == T::BYTES {
                        self.text.push(c as u8);
                    } else {
                        // character out of range: a generic SyntaxError
                        self.tok_kind = T::INVALID;
                    }
                } else if is_tstring && nested_formatting_in_tstring != 0 && self.is_char(b'}') {
                    nested_formatting_in_tstring -= 1;
                    if nested_formatting_in_tstring > 0 {
                        nested_formatting_needs_fstring = true;
                        self.text.push(self.chr0);
                    } else {
                        // finished the current interpolation
                        tstring_num_interpolations += 1;
                        if nested_formatting_needs_fstring {
                            self.fstring_args.push(b'f');
                            nested_formatting_needs_fstring = false;
                        }
                        self.fstring_args.push(quote_char);
                        let start = (end_of_format_index + 1).min(self.text.len());
                        self.fstring_args.extend_from_slice(&self.text[start..]);
                        self.text.truncate(end_of_format_index);
                        self.fstring_args.push(quote_char);
                        self.fstring_args.push(b',');
                    }
                } else {
                    // add the byte as is, to stay 8-bit clean
                    self.text.push(self.chr0);
                    if is_tstring && self.is_char_and(b'}', b'}') {
                        self.next_char();
                    } else if is_tstring && self.is_char(b'}') {
                        self.tok_kind = T::MALFORMED_FSTRING;
                    }
                }
            }
            self.next_char();
        }

        if n_closing < num_quotes {
            self.tok_kind = T::LONELY_STRING_OPEN;
        }

        if is_tstring {
            if nested_formatting_in_tstring > 0 {
                self.tok_kind = T::MALFORMED_FSTRING;
            }
            if 1 + tstring_num_interpolations * 4 > 255 {
                // too many arguments for a call: wrap the interpolations in a tuple
                self.fstring_args.insert(0, b'(');
                self.fstring_args.push(b')');
            }
        } else {
            // cut off the end quotes
            let keep = self.text.len().saturating_sub(n_closing);
            self.text.truncate(keep);
        }
        Ok(())
    }

    /// Skips whitespace and comments; returns true if it stopped at a newline
    /// (only when `stop_at_newline`).
    fn skip_whitespace(&mut self, stop_at_newline: bool) -> bool {
        while !self.is_end() {
            if self.is_char(b'\n') {
                if stop_at_newline && self.nested_bracket_level == 0 {
                    return true;
                }
                self.next_char();
            } else if is_space(self.chr0) {
                self.next_char();
            } else if self.is_char(b'#') {
                self.next_char();
                while !self.is_end() && !self.is_char(b'\n') {
                    self.next_char();
                }
            } else if self.is_char_and(b'\\', b'\n') {
                // line continuation
                self.next_char();
                self.next_char();
            } else {
                break;
            }
        }
        false
    }

    /// Advances to the next token (`mp_lexer_to_next`).
    ///
    /// # Errors
    /// Only "NotImplementedError: unicode name escapes"; every other lexical error is an
    /// error token the parser reports.
    #[allow(clippy::too_many_lines)]
    pub fn next_token(&mut self) -> Result<(), CompileError> {
        self.text.clear();

        let had_physical_newline = self.skip_whitespace(true);

        self.tok_line = self.line;
        self.tok_column = self.column;
        self.tok_start = self.offs[0];

        if self.emit_dent < 0 {
            self.tok_kind = T::DEDENT;
            self.emit_dent += 1;
        } else if self.emit_dent > 0 {
            self.tok_kind = T::INDENT;
            self.emit_dent -= 1;
        } else if had_physical_newline {
            self.skip_whitespace(false);
            self.tok_kind = T::NEWLINE;
            let num_spaces = self.column.wrapping_sub(1);
            let top = self.indent_top();
            if num_spaces == top {
            } else if num_spaces > top {
                // the reference stores indents as uint16_t
                self.indent_level.push(num_spaces as u16);
                self.emit_dent += 1;
            } else {
                while num_spaces < self.indent_top() {
                    self.indent_level.pop();
                    self.emit_dent -= 1;
                }
                if num_spaces != self.indent_top() {
                    self.tok_kind = T::DEDENT_MISMATCH;
                }
            }
        } else if self.is_end() {
            self.tok_kind = T::END;
        } else if self.is_string_or_bytes() {
            self.lex_strings()?;
        } else if self.is_head_of_identifier() {
            self.tok_kind = T::NAME;
            self.text.push(self.chr0);
            self.next_char();
            while !self.is_end() && self.is_tail_of_identifier() {
                self.text.push(self.chr0);
                self.next_char();
            }
            if let Some(&(_, kw)) = KEYWORDS.iter().find(|(k, _)| *k == self.text.as_slice()) {
                self.tok_kind = kw;
                if kw == T::KW___DEBUG__ {
                    self.tok_kind = if self.optimize == 0 {
                        T::KW_TRUE
                    } else {
                        T::KW_FALSE
                    };
                }
            }
        } else if self.is_digit() || (self.is_char(b'.') && self.chr1.is_ascii_digit()) {
            let mut forced_integer = false;
            if self.is_char(b'.') {
                self.tok_kind = T::FLOAT_OR_IMAG;
            } else {
                self.tok_kind = T::INTEGER;
                if self.is_char(b'0') && matches!(self.chr1 | 0x20, b'b' | b'o' | b'x') {
                    forced_integer = true;
                }
            }
            self.text.push(self.chr0);
            self.next_char();
            while !self.is_end() {
                if !forced_integer && self.is_char_or(b'e', b'E') {
                    self.tok_kind = T::FLOAT_OR_IMAG;
                    self.text.push(b'e');
                    self.next_char();
                    if self.is_char(b'+') || self.is_char(b'-') {
                        self.text.push(self.chr0);
                        self.next_char();
                    }
                } else if self.is_letter() || self.is_digit() || self.is_char(b'.') {
                    if matches!(self.chr0, b'.' | b'j' | b'J') {
                        self.tok_kind = T::FLOAT_OR_IMAG;
                    }
                    self.text.push(self.chr0);
                    self.next_char();
                } else if self.is_char(b'_') {
                    self.next_char();
                } else {
                    break;
                }
            }
        } else {
            self.lex_operator();
        }
        self.tok_end = self.offs[0].max(self.tok_start);
        Ok(())
    }

    fn lex_strings(&mut self) -> Result<(), CompileError> {
        // END marks "first string token"
        self.tok_kind = T::END;
        let mut had_tstring = false;
        loop {
            let mut is_raw = false;
            let mut is_fstring = false;
            let mut is_tstring = false;
            let mut kind = T::STRING;
            let mut n_char = 0;
            match self.chr0 {
                b'u' => n_char = 1,
                b'b' => {
                    kind = T::BYTES;
                    n_char = 1;
                    if self.chr1 == b'r' {
                        is_raw = true;
                        n_char = 2;
                    }
                }
                b'r' => {
                    is_raw = true;
                    n_char = 1;
                    match self.chr1 {
                        b'b' => {
                            kind = T::BYTES;
                            n_char = 2;
                        }
                        b'f' => {
                            is_fstring = true;
                            n_char = 2;
                        }
                        b't' => {
                            is_tstring = true;
                            n_char = 2;
                        }
                        _ => {}
                    }
                }
                b'f' => {
                    is_fstring = true;
                    n_char = 1;
                    if self.chr1 == b'r' {
                        is_raw = true;
                        n_char = 2;
                    }
                }
                b't' => {
                    is_tstring = true;
                    n_char = 1;
                    if self.chr1 == b'r' {
                        is_raw = true;
                        n_char = 2;
                    }
                }
                _ => {}
            }
            if is_tstring {
                had_tstring = true;
            }
            if self.tok_kind == T::END {
                self.tok_kind = kind;
            } else if self.tok_kind != kind {
                // can't concatenate str with bytes
                break;
            }
            for _ in 0..n_char {
                self.next_char();
            }
            self.parse_string_literal(is_raw, is_fstring, is_tstring)?;
            self.skip_whitespace(true);
            if !self.is_string_or_bytes() {
                break;
            }
        }

        if had_tstring {
            self.text.extend_from_slice(b",),");
            let mut args = core::mem::take(&mut self.text);
            args.extend_from_slice(&self.fstring_args);
            self.fstring_args = args;
            self.text.clear();
            if self.tok_kind > T::MALFORMED_FSTRING {
                // the next token is the __template__ function
                self.tok_kind = T::NAME;
                self.text.extend_from_slice(b"__template__");
            } else {
                // the reference leaves the token text as the rewritten source
                self.text.extend_from_slice(&self.fstring_args);
            }
        }

        if !self.fstring_args.is_empty() {
            // an f-string is complete: inject the format args into the stream
            self.fstring_args.push(b')');
            if self.inject_chrs_idx == 0 {
                self.inject_chrs.clear();
                self.inject_chrs
                    .extend_from_slice(&[self.chr0, self.chr1, self.chr2]);
            } else {
                self.inject_chrs_idx -= 3;
            }
            let at = self.inject_chrs_idx.min(self.inject_chrs.len());
            let args = core::mem::take(&mut self.fstring_args);
            self.inject_chrs.splice(at..at, args);
            let here = self.pos_u32();
            let mut take = || {
                let c = self
                    .inject_chrs
                    .get(self.inject_chrs_idx)
                    .copied()
                    .unwrap_or(LEXER_EOF);
                self.inject_chrs_idx += 1;
                c
            };
            let (c0, c1, c2) = (take(), take(), take());
            self.chr0 = c0;
            self.chr1 = c1;
            self.chr2 = c2;
            self.offs = [here; 3];
        }
        Ok(())
    }

    fn lex_operator(&mut self) {
        let mut t = 0;
        let mut tok_enc_index = 0;
        while t < TOK_ENC.len() && !self.is_char(TOK_ENC[t]) {
            if TOK_ENC[t] == b'e' || TOK_ENC[t] == b'c' {
                t += 1;
            }
            t += 1;
            tok_enc_index += 1;
        }
        self.next_char();
        match TOK_ENC.get(t) {
            None => self.tok_kind = T::INVALID,
            Some(b'!') => {
                if self.is_char(b'=') {
                    self.next_char();
                    self.tok_kind = T::OP_NOT_EQUAL;
                } else {
                    self.tok_kind = T::INVALID;
                }
            }
            Some(b'.') => {
                if self.is_char_and(b'.', b'.') {
                    self.next_char();
                    self.next_char();
                    self.tok_kind = T::ELLIPSIS;
                } else {
                    self.tok_kind = T::DEL_PERIOD;
                }
            }
            Some(_) => {
                t += 1;
                let mut t_index = tok_enc_index;
                while let Some(&op) = TOK_ENC.get(t).filter(|&&c| c == b'c' || c == b'e') {
                    t_index += 1;
                    if TOK_ENC.get(t + 1).is_some_and(|&c| self.is_char(c)) {
                        self.next_char();
                        tok_enc_index = t_index;
                        if op == b'e' {
                            break;
                        }
                    } else if op == b'c' {
                        break;
                    }
                    t += 2;
                }
                self.tok_kind = TOK_ENC_KIND[tok_enc_index];
                match self.tok_kind {
                    T::DEL_PAREN_OPEN | T::DEL_BRACKET_OPEN | T::DEL_BRACE_OPEN => {
                        self.nested_bracket_level += 1;
                    }
                    T::DEL_PAREN_CLOSE | T::DEL_BRACKET_CLOSE | T::DEL_BRACE_CLOSE => {
                        self.nested_bracket_level -= 1;
                    }
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &str) -> Vec<(TokenKind, String)> {
        let mut lex = Lexer::new(src.as_bytes(), 0).expect("lexes");
        let mut out = Vec::new();
        loop {
            out.push((
                lex.tok_kind,
                String::from_utf8_lossy(&lex.text).into_owned(),
            ));
            if lex.tok_kind == T::END || out.len() > 200 {
                break;
            }
            lex.next_token().expect("lexes");
        }
        out
    }

    #[test]
    fn operators_and_indentation() {
        let kinds: Vec<_> = tokens("if a<<=b:\n  x = ...\n")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            kinds,
            [
                T::KW_IF,
                T::NAME,
                T::DEL_DBL_LESS_EQUAL,
                T::NAME,
                T::DEL_COLON,
                T::NEWLINE,
                T::INDENT,
                T::NAME,
                T::DEL_EQUAL,
                T::ELLIPSIS,
                T::NEWLINE,
                T::DEDENT,
                T::END
            ]
        );
    }

    #[test]
    fn fstring_is_rewritten() {
        let toks = tokens("f'a{x!r:>4}b{y=}'\n");
        let texts: Vec<_> = toks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(
            texts,
            [
                "a{!r:>4}by={}",
                "",
                "format",
                "",
                "",
                "x",
                "",
                "",
                "",
                "y",
                "",
                "",
                "",
                "",
                ""
            ]
        );
    }

    #[test]
    fn string_escapes_and_concatenation() {
        let toks = tokens("'a\\x41\\101\\u00e9' \"b\"\n");
        assert_eq!(toks[0], (T::STRING, "aAAéb".to_owned()));
        let toks = tokens("b'\\u12' 'x'\n");
        assert_eq!(toks[0], (T::BYTES, "\\u12".to_owned()));
        assert_eq!(toks[1].0, T::STRING);
    }
}
