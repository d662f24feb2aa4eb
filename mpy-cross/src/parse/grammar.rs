//! The grammar (after py/grammar.h and the rule tables of py/parse.c): rule ids in the
//! reference's numeric order and each rule's kind and arguments as data.
//!
//! Order matters: rules that have a compile function come first, then `const_object`, then
//! the rules without one — exactly as the reference's `enum { RULE_... }`.

use crate::lexer::TokenKind as T;

/// A grammar rule (`RULE_*`), named exactly as in py/grammar.h.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[repr(u8)]
pub enum Rule {
    file_input,
    file_input_2,
    decorated,
    funcdef,
    simple_stmt_2,
    expr_stmt,
    testlist_star_expr,
    del_stmt,
    pass_stmt,
    break_stmt,
    continue_stmt,
    return_stmt,
    yield_stmt,
    raise_stmt,
    import_name,
    import_from,
    global_stmt,
    nonlocal_stmt,
    assert_stmt,
    async_stmt,
    if_stmt,
    while_stmt,
    for_stmt,
    try_stmt,
    with_stmt,
    suite_block_stmts,
    namedexpr_test,
    test_if_expr,
    lambdef,
    lambdef_nocond,
    or_test,
    and_test,
    not_test_2,
    comparison,
    star_expr,
    expr,
    xor_expr,
    and_expr,
    shift_expr,
    arith_expr,
    term,
    factor_2,
    power,
    atom_expr_await,
    atom_expr_normal,
    atom_paren,
    atom_bracket,
    atom_brace,
    trailer_paren,
    trailer_bracket,
    trailer_period,
    subscriptlist,
    subscript_2,
    subscript_3,
    testlist,
    dictorsetmaker_item,
    classdef,
    yield_expr,
    const_object,
    generic_colon_test,
    generic_equal_test,
    single_input,
    file_input_3,
    eval_input,
    eval_input_2,
    decorator,
    decorators,
    decorated_body,
    async_funcdef,
    funcdefrettype,
    typedargslist,
    typedargslist_item,
    typedargslist_name,
    typedargslist_star,
    typedargslist_dbl_star,
    tfpdef,
    varargslist,
    varargslist_item,
    varargslist_name,
    varargslist_star,
    varargslist_dbl_star,
    vfpdef,
    stmt,
    simple_stmt,
    small_stmt,
    expr_stmt_2,
    expr_stmt_augassign,
    expr_stmt_assign_list,
    expr_stmt_assign,
    expr_stmt_6,
    testlist_star_expr_2,
    annassign,
    augassign,
    flow_stmt,
    raise_stmt_arg,
    raise_stmt_from,
    import_stmt,
    import_from_2,
    import_from_2b,
    import_from_3,
    import_as_names_paren,
    one_or_more_period_or_ellipsis,
    period_or_ellipsis,
    import_as_name,
    dotted_as_name,
    as_name,
    import_as_names,
    dotted_as_names,
    dotted_name,
    name_list,
    assert_stmt_extra,
    compound_stmt,
    async_stmt_2,
    if_stmt_elif_list,
    if_stmt_elif,
    try_stmt_2,
    try_stmt_except_and_more,
    try_stmt_except,
    try_stmt_as_name,
    try_stmt_except_list,
    try_stmt_finally,
    else_stmt,
    with_stmt_list,
    with_item,
    with_item_as,
    suite,
    suite_block,
    namedexpr_test_2,
    test,
    test_if_else,
    test_nocond,
    not_test,
    comp_op,
    comp_op_not_in,
    comp_op_is,
    comp_op_is_not,
    shift_op,
    arith_op,
    term_op,
    factor,
    factor_op,
    atom_expr,
    atom_expr_trailers,
    power_dbl_star,
    atom,
    atom_2b,
    testlist_comp,
    testlist_comp_2,
    testlist_comp_3,
    testlist_comp_3b,
    testlist_comp_3c,
    trailer,
    subscript,
    subscript_3b,
    subscript_3c,
    subscript_3d,
    sliceop,
    exprlist,
    exprlist_2,
    dictorsetmaker,
    dictorsetmaker_tail,
    dictorsetmaker_list,
    dictorsetmaker_list2,
    classdef_2,
    arglist,
    arglist_2,
    arglist_star,
    arglist_dbl_star,
    argument,
    argument_2,
    argument_3,
    comp_iter,
    comp_for,
    comp_if,
    yield_arg,
    yield_arg_from,
}

use Rule as R;

/// Number of rules, `const_object` included.
pub const RULE_COUNT: usize = 176;

const RULE_NAMES: [&str; RULE_COUNT] = [
    "file_input",
    "file_input_2",
    "decorated",
    "funcdef",
    "simple_stmt_2",
    "expr_stmt",
    "testlist_star_expr",
    "del_stmt",
    "pass_stmt",
    "break_stmt",
    "continue_stmt",
    "return_stmt",
    "yield_stmt",
    "raise_stmt",
    "import_name",
    "import_from",
    "global_stmt",
    "nonlocal_stmt",
    "assert_stmt",
    "async_stmt",
    "if_stmt",
    "while_stmt",
    "for_stmt",
    "try_stmt",
    "with_stmt",
    "suite_block_stmts",
    "namedexpr_test",
    "test_if_expr",
    "lambdef",
    "lambdef_nocond",
    "or_test",
    "and_test",
    "not_test_2",
    "comparison",
    "star_expr",
    "expr",
    "xor_expr",
    "and_expr",
    "shift_expr",
    "arith_expr",
    "term",
    "factor_2",
    "power",
    "atom_expr_await",
    "atom_expr_normal",
    "atom_paren",
    "atom_bracket",
    "atom_brace",
    "trailer_paren",
    "trailer_bracket",
    "trailer_period",
    "subscriptlist",
    "subscript_2",
    "subscript_3",
    "testlist",
    "dictorsetmaker_item",
    "classdef",
    "yield_expr",
    "const_object",
    "generic_colon_test",
    "generic_equal_test",
    "single_input",
    "file_input_3",
    "eval_input",
    "eval_input_2",
    "decorator",
    "decorators",
    "decorated_body",
    "async_funcdef",
    "funcdefrettype",
    "typedargslist",
    "typedargslist_item",
    "typedargslist_name",
    "typedargslist_star",
    "typedargslist_dbl_star",
    "tfpdef",
    "varargslist",
    "varargslist_item",
    "varargslist_name",
    "varargslist_star",
    "varargslist_dbl_star",
    "vfpdef",
    "stmt",
    "simple_stmt",
    "small_stmt",
    "expr_stmt_2",
    "expr_stmt_augassign",
    "expr_stmt_assign_list",
    "expr_stmt_assign",
    "expr_stmt_6",
    "testlist_star_expr_2",
    "annassign",
    "augassign",
    "flow_stmt",
    "raise_stmt_arg",
    "raise_stmt_from",
    "import_stmt",
    "import_from_2",
    "import_from_2b",
    "import_from_3",
    "import_as_names_paren",
    "one_or_more_period_or_ellipsis",
    "period_or_ellipsis",
    "import_as_name",
    "dotted_as_name",
    "as_name",
    "import_as_names",
    "dotted_as_names",
    "dotted_name",
    "name_list",
    "assert_stmt_extra",
    "compound_stmt",
    "async_stmt_2",
    "if_stmt_elif_list",
    "if_stmt_elif",
    "try_stmt_2",
    "try_stmt_except_and_more",
    "try_stmt_except",
    "try_stmt_as_name",
    "try_stmt_except_list",
    "try_stmt_finally",
    "else_stmt",
    "with_stmt_list",
    "with_item",
    "with_item_as",
    "suite",
    "suite_block",
    "namedexpr_test_2",
    "test",
    "test_if_else",
    "test_nocond",
    "not_test",
    "comp_op",
    "comp_op_not_in",
    "comp_op_is",
    "comp_op_is_not",
    "shift_op",
    "arith_op",
    "term_op",
    "factor",
    "factor_op",
    "atom_expr",
    "atom_expr_trailers",
    "power_dbl_star",
    "atom",
    "atom_2b",
    "testlist_comp",
    "testlist_comp_2",
    "testlist_comp_3",
    "testlist_comp_3b",
    "testlist_comp_3c",
    "trailer",
    "subscript",
    "subscript_3b",
    "subscript_3c",
    "subscript_3d",
    "sliceop",
    "exprlist",
    "exprlist_2",
    "dictorsetmaker",
    "dictorsetmaker_tail",
    "dictorsetmaker_list",
    "dictorsetmaker_list2",
    "classdef_2",
    "arglist",
    "arglist_2",
    "arglist_star",
    "arglist_dbl_star",
    "argument",
    "argument_2",
    "argument_3",
    "comp_iter",
    "comp_for",
    "comp_if",
    "yield_arg",
    "yield_arg_from",
];

impl Rule {
    /// Every rule in numeric order.
    pub const ALL: [Rule; RULE_COUNT] = [
        R::file_input,
        R::file_input_2,
        R::decorated,
        R::funcdef,
        R::simple_stmt_2,
        R::expr_stmt,
        R::testlist_star_expr,
        R::del_stmt,
        R::pass_stmt,
        R::break_stmt,
        R::continue_stmt,
        R::return_stmt,
        R::yield_stmt,
        R::raise_stmt,
        R::import_name,
        R::import_from,
        R::global_stmt,
        R::nonlocal_stmt,
        R::assert_stmt,
        R::async_stmt,
        R::if_stmt,
        R::while_stmt,
        R::for_stmt,
        R::try_stmt,
        R::with_stmt,
        R::suite_block_stmts,
        R::namedexpr_test,
        R::test_if_expr,
        R::lambdef,
        R::lambdef_nocond,
        R::or_test,
        R::and_test,
        R::not_test_2,
        R::comparison,
        R::star_expr,
        R::expr,
        R::xor_expr,
        R::and_expr,
        R::shift_expr,
        R::arith_expr,
        R::term,
        R::factor_2,
        R::power,
        R::atom_expr_await,
        R::atom_expr_normal,
        R::atom_paren,
        R::atom_bracket,
        R::atom_brace,
        R::trailer_paren,
        R::trailer_bracket,
        R::trailer_period,
        R::subscriptlist,
        R::subscript_2,
        R::subscript_3,
        R::testlist,
        R::dictorsetmaker_item,
        R::classdef,
        R::yield_expr,
        R::const_object,
        R::generic_colon_test,
        R::generic_equal_test,
        R::single_input,
        R::file_input_3,
        R::eval_input,
        R::eval_input_2,
        R::decorator,
        R::decorators,
        R::decorated_body,
        R::async_funcdef,
        R::funcdefrettype,
        R::typedargslist,
        R::typedargslist_item,
        R::typedargslist_name,
        R::typedargslist_star,
        R::typedargslist_dbl_star,
        R::tfpdef,
        R::varargslist,
        R::varargslist_item,
        R::varargslist_name,
        R::varargslist_star,
        R::varargslist_dbl_star,
        R::vfpdef,
        R::stmt,
        R::simple_stmt,
        R::small_stmt,
        R::expr_stmt_2,
        R::expr_stmt_augassign,
        R::expr_stmt_assign_list,
        R::expr_stmt_assign,
        R::expr_stmt_6,
        R::testlist_star_expr_2,
        R::annassign,
        R::augassign,
        R::flow_stmt,
        R::raise_stmt_arg,
        R::raise_stmt_from,
        R::import_stmt,
        R::import_from_2,
        R::import_from_2b,
        R::import_from_3,
        R::import_as_names_paren,
        R::one_or_more_period_or_ellipsis,
        R::period_or_ellipsis,
        R::import_as_name,
        R::dotted_as_name,
        R::as_name,
        R::import_as_names,
        R::dotted_as_names,
        R::dotted_name,
        R::name_list,
        R::assert_stmt_extra,
        R::compound_stmt,
        R::async_stmt_2,
        R::if_stmt_elif_list,
        R::if_stmt_elif,
        R::try_stmt_2,
        R::try_stmt_except_and_more,
        R::try_stmt_except,
        R::try_stmt_as_name,
        R::try_stmt_except_list,
        R::try_stmt_finally,
        R::else_stmt,
        R::with_stmt_list,
        R::with_item,
        R::with_item_as,
        R::suite,
        R::suite_block,
        R::namedexpr_test_2,
        R::test,
        R::test_if_else,
        R::test_nocond,
        R::not_test,
        R::comp_op,
        R::comp_op_not_in,
        R::comp_op_is,
        R::comp_op_is_not,
        R::shift_op,
        R::arith_op,
        R::term_op,
        R::factor,
        R::factor_op,
        R::atom_expr,
        R::atom_expr_trailers,
        R::power_dbl_star,
        R::atom,
        R::atom_2b,
        R::testlist_comp,
        R::testlist_comp_2,
        R::testlist_comp_3,
        R::testlist_comp_3b,
        R::testlist_comp_3c,
        R::trailer,
        R::subscript,
        R::subscript_3b,
        R::subscript_3c,
        R::subscript_3d,
        R::sliceop,
        R::exprlist,
        R::exprlist_2,
        R::dictorsetmaker,
        R::dictorsetmaker_tail,
        R::dictorsetmaker_list,
        R::dictorsetmaker_list2,
        R::classdef_2,
        R::arglist,
        R::arglist_2,
        R::arglist_star,
        R::arglist_dbl_star,
        R::argument,
        R::argument_2,
        R::argument_3,
        R::comp_iter,
        R::comp_for,
        R::comp_if,
        R::yield_arg,
        R::yield_arg_from,
    ];

    /// The rule's name as in py/grammar.h.
    #[must_use]
    pub fn name(self) -> &'static str {
        RULE_NAMES[self as usize]
    }

    /// The rule with numeric id `id`.
    #[must_use]
    pub fn from_id(id: u8) -> Option<Rule> {
        Self::ALL.get(usize::from(id)).copied()
    }

    pub(crate) fn def(self) -> &'static RuleDef {
        &RULE_DEFS[self as usize]
    }
}

/// How a rule matches (`rule_act_table` entry): kind in bits 4..5, argument count in bits 0..3.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Act(pub u8);

impl Act {
    pub const ARG_MASK: u8 = 0x0f;
    pub const KIND_MASK: u8 = 0x30;
    pub const ALLOW_IDENT: u8 = 0x40;
    pub const ADD_BLANK: u8 = 0x80;
    pub const KIND_OR: u8 = 0x10;
    pub const KIND_AND: u8 = 0x20;
    pub const KIND_LIST: u8 = 0x30;
    /// `item item*`.
    pub const ONE_OR_MORE: Act = Act(Self::KIND_LIST | 2);
    /// `item (sep item)*`.
    pub const LIST: Act = Act(Self::KIND_LIST | 1);
    /// `item (sep item)* [sep]`.
    pub const LIST_WITH_END: Act = Act(Self::KIND_LIST | 3);

    const fn or(n: u8) -> Act {
        Act(Self::KIND_OR | n)
    }
    const fn and(n: u8) -> Act {
        Act(Self::KIND_AND | n)
    }
    const fn and_ident(n: u8) -> Act {
        Act(Self::KIND_AND | n | Self::ALLOW_IDENT)
    }
    const fn and_blank(n: u8) -> Act {
        Act(Self::KIND_AND | n | Self::ADD_BLANK)
    }

    pub fn kind(self) -> u8 {
        self.0 & Self::KIND_MASK
    }
    pub fn n(self) -> usize {
        usize::from(self.0 & Self::ARG_MASK)
    }
    pub fn allow_ident(self) -> bool {
        self.0 & Self::ALLOW_IDENT != 0
    }
    pub fn add_blank(self) -> bool {
        self.0 & Self::ADD_BLANK != 0
    }
}

/// One argument of a rule.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Arg {
    /// Match a token.
    Tok(T),
    /// Match a rule.
    Rule(Rule),
    /// Match a rule, or push a null node.
    OptRule(Rule),
}

/// A rule's action and arguments.
#[derive(Debug)]
pub(crate) struct RuleDef {
    pub act: Act,
    pub args: &'static [Arg],
}

static RULE_DEFS: [RuleDef; RULE_COUNT] = [
    RuleDef {
        act: Act::and_ident(1),
        args: &[Arg::OptRule(R::file_input_2)],
    },
    RuleDef {
        act: Act::ONE_OR_MORE,
        args: &[Arg::Rule(R::file_input_3)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::decorators), Arg::Rule(R::decorated_body)],
    },
    RuleDef {
        act: Act::and_blank(8),
        args: &[
            Arg::Tok(T::KW_DEF),
            Arg::Tok(T::NAME),
            Arg::Tok(T::DEL_PAREN_OPEN),
            Arg::OptRule(R::typedargslist),
            Arg::Tok(T::DEL_PAREN_CLOSE),
            Arg::OptRule(R::funcdefrettype),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::suite),
        ],
    },
    RuleDef {
        act: Act::LIST_WITH_END,
        args: &[Arg::Rule(R::small_stmt), Arg::Tok(T::DEL_SEMICOLON)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[
            Arg::Rule(R::testlist_star_expr),
            Arg::OptRule(R::expr_stmt_2),
        ],
    },
    RuleDef {
        act: Act::LIST_WITH_END,
        args: &[Arg::Rule(R::testlist_star_expr_2), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_DEL), Arg::Rule(R::exprlist)],
    },
    RuleDef {
        act: Act::and(1),
        args: &[Arg::Tok(T::KW_PASS)],
    },
    RuleDef {
        act: Act::and(1),
        args: &[Arg::Tok(T::KW_BREAK)],
    },
    RuleDef {
        act: Act::and(1),
        args: &[Arg::Tok(T::KW_CONTINUE)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_RETURN), Arg::OptRule(R::testlist)],
    },
    RuleDef {
        act: Act::and(1),
        args: &[Arg::Rule(R::yield_expr)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_RAISE), Arg::OptRule(R::raise_stmt_arg)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_IMPORT), Arg::Rule(R::dotted_as_names)],
    },
    RuleDef {
        act: Act::and(4),
        args: &[
            Arg::Tok(T::KW_FROM),
            Arg::Rule(R::import_from_2),
            Arg::Tok(T::KW_IMPORT),
            Arg::Rule(R::import_from_3),
        ],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_GLOBAL), Arg::Rule(R::name_list)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_NONLOCAL), Arg::Rule(R::name_list)],
    },
    RuleDef {
        act: Act::and(3),
        args: &[
            Arg::Tok(T::KW_ASSERT),
            Arg::Rule(R::test),
            Arg::OptRule(R::assert_stmt_extra),
        ],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_ASYNC), Arg::Rule(R::async_stmt_2)],
    },
    RuleDef {
        act: Act::and(6),
        args: &[
            Arg::Tok(T::KW_IF),
            Arg::Rule(R::namedexpr_test),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::suite),
            Arg::OptRule(R::if_stmt_elif_list),
            Arg::OptRule(R::else_stmt),
        ],
    },
    RuleDef {
        act: Act::and(5),
        args: &[
            Arg::Tok(T::KW_WHILE),
            Arg::Rule(R::namedexpr_test),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::suite),
            Arg::OptRule(R::else_stmt),
        ],
    },
    RuleDef {
        act: Act::and(7),
        args: &[
            Arg::Tok(T::KW_FOR),
            Arg::Rule(R::exprlist),
            Arg::Tok(T::KW_IN),
            Arg::Rule(R::testlist),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::suite),
            Arg::OptRule(R::else_stmt),
        ],
    },
    RuleDef {
        act: Act::and(4),
        args: &[
            Arg::Tok(T::KW_TRY),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::suite),
            Arg::Rule(R::try_stmt_2),
        ],
    },
    RuleDef {
        act: Act::and(4),
        args: &[
            Arg::Tok(T::KW_WITH),
            Arg::Rule(R::with_stmt_list),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::suite),
        ],
    },
    RuleDef {
        act: Act::ONE_OR_MORE,
        args: &[Arg::Rule(R::stmt)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::test), Arg::OptRule(R::namedexpr_test_2)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::or_test), Arg::OptRule(R::test_if_else)],
    },
    RuleDef {
        act: Act::and_blank(4),
        args: &[
            Arg::Tok(T::KW_LAMBDA),
            Arg::OptRule(R::varargslist),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::test),
        ],
    },
    RuleDef {
        act: Act::and_blank(4),
        args: &[
            Arg::Tok(T::KW_LAMBDA),
            Arg::OptRule(R::varargslist),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::test_nocond),
        ],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Rule(R::and_test), Arg::Tok(T::KW_OR)],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Rule(R::not_test), Arg::Tok(T::KW_AND)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_NOT), Arg::Rule(R::not_test)],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Rule(R::expr), Arg::Rule(R::comp_op)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::OP_STAR), Arg::Rule(R::expr)],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Rule(R::xor_expr), Arg::Tok(T::OP_PIPE)],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Rule(R::and_expr), Arg::Tok(T::OP_CARET)],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Rule(R::shift_expr), Arg::Tok(T::OP_AMPERSAND)],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Rule(R::arith_expr), Arg::Rule(R::shift_op)],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Rule(R::term), Arg::Rule(R::arith_op)],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Rule(R::factor), Arg::Rule(R::term_op)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::factor_op), Arg::Rule(R::factor)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::atom_expr), Arg::OptRule(R::power_dbl_star)],
    },
    RuleDef {
        act: Act::and(3),
        args: &[
            Arg::Tok(T::KW_AWAIT),
            Arg::Rule(R::atom),
            Arg::OptRule(R::atom_expr_trailers),
        ],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::atom), Arg::OptRule(R::atom_expr_trailers)],
    },
    RuleDef {
        act: Act::and(3),
        args: &[
            Arg::Tok(T::DEL_PAREN_OPEN),
            Arg::OptRule(R::atom_2b),
            Arg::Tok(T::DEL_PAREN_CLOSE),
        ],
    },
    RuleDef {
        act: Act::and(3),
        args: &[
            Arg::Tok(T::DEL_BRACKET_OPEN),
            Arg::OptRule(R::testlist_comp),
            Arg::Tok(T::DEL_BRACKET_CLOSE),
        ],
    },
    RuleDef {
        act: Act::and(3),
        args: &[
            Arg::Tok(T::DEL_BRACE_OPEN),
            Arg::OptRule(R::dictorsetmaker),
            Arg::Tok(T::DEL_BRACE_CLOSE),
        ],
    },
    RuleDef {
        act: Act::and(3),
        args: &[
            Arg::Tok(T::DEL_PAREN_OPEN),
            Arg::OptRule(R::arglist),
            Arg::Tok(T::DEL_PAREN_CLOSE),
        ],
    },
    RuleDef {
        act: Act::and(3),
        args: &[
            Arg::Tok(T::DEL_BRACKET_OPEN),
            Arg::Rule(R::subscriptlist),
            Arg::Tok(T::DEL_BRACKET_CLOSE),
        ],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::DEL_PERIOD), Arg::Tok(T::NAME)],
    },
    RuleDef {
        act: Act::LIST_WITH_END,
        args: &[Arg::Rule(R::subscript), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::test), Arg::OptRule(R::subscript_3)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::DEL_COLON), Arg::OptRule(R::subscript_3b)],
    },
    RuleDef {
        act: Act::LIST_WITH_END,
        args: &[Arg::Rule(R::test), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::test), Arg::OptRule(R::generic_colon_test)],
    },
    RuleDef {
        act: Act::and_blank(5),
        args: &[
            Arg::Tok(T::KW_CLASS),
            Arg::Tok(T::NAME),
            Arg::OptRule(R::classdef_2),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::suite),
        ],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_YIELD), Arg::OptRule(R::yield_arg)],
    },
    RuleDef {
        act: Act(0),
        args: &[],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::DEL_COLON), Arg::Rule(R::test)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::DEL_EQUAL), Arg::Rule(R::test)],
    },
    RuleDef {
        act: Act::or(3),
        args: &[
            Arg::Tok(T::NEWLINE),
            Arg::Rule(R::simple_stmt),
            Arg::Rule(R::compound_stmt),
        ],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Tok(T::NEWLINE), Arg::Rule(R::stmt)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::testlist), Arg::OptRule(R::eval_input_2)],
    },
    RuleDef {
        act: Act::and(1),
        args: &[Arg::Tok(T::NEWLINE)],
    },
    RuleDef {
        act: Act::and(4),
        args: &[
            Arg::Tok(T::OP_AT),
            Arg::Rule(R::dotted_name),
            Arg::OptRule(R::trailer_paren),
            Arg::Tok(T::NEWLINE),
        ],
    },
    RuleDef {
        act: Act::ONE_OR_MORE,
        args: &[Arg::Rule(R::decorator)],
    },
    RuleDef {
        act: Act::or(3),
        args: &[
            Arg::Rule(R::classdef),
            Arg::Rule(R::funcdef),
            Arg::Rule(R::async_funcdef),
        ],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_ASYNC), Arg::Rule(R::funcdef)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::DEL_MINUS_MORE), Arg::Rule(R::test)],
    },
    RuleDef {
        act: Act::LIST_WITH_END,
        args: &[Arg::Rule(R::typedargslist_item), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::or(3),
        args: &[
            Arg::Rule(R::typedargslist_name),
            Arg::Rule(R::typedargslist_star),
            Arg::Rule(R::typedargslist_dbl_star),
        ],
    },
    RuleDef {
        act: Act::and_ident(3),
        args: &[
            Arg::Tok(T::NAME),
            Arg::OptRule(R::generic_colon_test),
            Arg::OptRule(R::generic_equal_test),
        ],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::OP_STAR), Arg::OptRule(R::tfpdef)],
    },
    RuleDef {
        act: Act::and(3),
        args: &[
            Arg::Tok(T::OP_DBL_STAR),
            Arg::Tok(T::NAME),
            Arg::OptRule(R::generic_colon_test),
        ],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::NAME), Arg::OptRule(R::generic_colon_test)],
    },
    RuleDef {
        act: Act::LIST_WITH_END,
        args: &[Arg::Rule(R::varargslist_item), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::or(3),
        args: &[
            Arg::Rule(R::varargslist_name),
            Arg::Rule(R::varargslist_star),
            Arg::Rule(R::varargslist_dbl_star),
        ],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::NAME), Arg::OptRule(R::generic_equal_test)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::OP_STAR), Arg::OptRule(R::vfpdef)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::OP_DBL_STAR), Arg::Tok(T::NAME)],
    },
    RuleDef {
        act: Act::and_ident(1),
        args: &[Arg::Tok(T::NAME)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::compound_stmt), Arg::Rule(R::simple_stmt)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::simple_stmt_2), Arg::Tok(T::NEWLINE)],
    },
    RuleDef {
        act: Act::or(8),
        args: &[
            Arg::Rule(R::del_stmt),
            Arg::Rule(R::pass_stmt),
            Arg::Rule(R::flow_stmt),
            Arg::Rule(R::import_stmt),
            Arg::Rule(R::global_stmt),
            Arg::Rule(R::nonlocal_stmt),
            Arg::Rule(R::assert_stmt),
            Arg::Rule(R::expr_stmt),
        ],
    },
    RuleDef {
        act: Act::or(3),
        args: &[
            Arg::Rule(R::annassign),
            Arg::Rule(R::expr_stmt_augassign),
            Arg::Rule(R::expr_stmt_assign_list),
        ],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::augassign), Arg::Rule(R::expr_stmt_6)],
    },
    RuleDef {
        act: Act::ONE_OR_MORE,
        args: &[Arg::Rule(R::expr_stmt_assign)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::DEL_EQUAL), Arg::Rule(R::expr_stmt_6)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::yield_expr), Arg::Rule(R::testlist_star_expr)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::star_expr), Arg::Rule(R::test)],
    },
    RuleDef {
        act: Act::and(3),
        args: &[
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::test),
            Arg::OptRule(R::expr_stmt_assign),
        ],
    },
    RuleDef {
        act: Act::or(13),
        args: &[
            Arg::Tok(T::DEL_PLUS_EQUAL),
            Arg::Tok(T::DEL_MINUS_EQUAL),
            Arg::Tok(T::DEL_STAR_EQUAL),
            Arg::Tok(T::DEL_AT_EQUAL),
            Arg::Tok(T::DEL_SLASH_EQUAL),
            Arg::Tok(T::DEL_PERCENT_EQUAL),
            Arg::Tok(T::DEL_AMPERSAND_EQUAL),
            Arg::Tok(T::DEL_PIPE_EQUAL),
            Arg::Tok(T::DEL_CARET_EQUAL),
            Arg::Tok(T::DEL_DBL_LESS_EQUAL),
            Arg::Tok(T::DEL_DBL_MORE_EQUAL),
            Arg::Tok(T::DEL_DBL_STAR_EQUAL),
            Arg::Tok(T::DEL_DBL_SLASH_EQUAL),
        ],
    },
    RuleDef {
        act: Act::or(5),
        args: &[
            Arg::Rule(R::break_stmt),
            Arg::Rule(R::continue_stmt),
            Arg::Rule(R::return_stmt),
            Arg::Rule(R::raise_stmt),
            Arg::Rule(R::yield_stmt),
        ],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::test), Arg::OptRule(R::raise_stmt_from)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::KW_FROM), Arg::Rule(R::test)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::import_name), Arg::Rule(R::import_from)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::dotted_name), Arg::Rule(R::import_from_2b)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[
            Arg::Rule(R::one_or_more_period_or_ellipsis),
            Arg::OptRule(R::dotted_name),
        ],
    },
    RuleDef {
        act: Act::or(3),
        args: &[
            Arg::Tok(T::OP_STAR),
            Arg::Rule(R::import_as_names_paren),
            Arg::Rule(R::import_as_names),
        ],
    },
    RuleDef {
        act: Act::and_ident(3),
        args: &[
            Arg::Tok(T::DEL_PAREN_OPEN),
            Arg::Rule(R::import_as_names),
            Arg::Tok(T::DEL_PAREN_CLOSE),
        ],
    },
    RuleDef {
        act: Act::ONE_OR_MORE,
        args: &[Arg::Rule(R::period_or_ellipsis)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Tok(T::DEL_PERIOD), Arg::Tok(T::ELLIPSIS)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::NAME), Arg::OptRule(R::as_name)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::dotted_name), Arg::OptRule(R::as_name)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::KW_AS), Arg::Tok(T::NAME)],
    },
    RuleDef {
        act: Act::LIST_WITH_END,
        args: &[Arg::Rule(R::import_as_name), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Rule(R::dotted_as_name), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Tok(T::NAME), Arg::Tok(T::DEL_PERIOD)],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Tok(T::NAME), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::DEL_COMMA), Arg::Rule(R::test)],
    },
    RuleDef {
        act: Act::or(9),
        args: &[
            Arg::Rule(R::if_stmt),
            Arg::Rule(R::while_stmt),
            Arg::Rule(R::for_stmt),
            Arg::Rule(R::try_stmt),
            Arg::Rule(R::with_stmt),
            Arg::Rule(R::funcdef),
            Arg::Rule(R::classdef),
            Arg::Rule(R::decorated),
            Arg::Rule(R::async_stmt),
        ],
    },
    RuleDef {
        act: Act::or(3),
        args: &[
            Arg::Rule(R::funcdef),
            Arg::Rule(R::with_stmt),
            Arg::Rule(R::for_stmt),
        ],
    },
    RuleDef {
        act: Act::ONE_OR_MORE,
        args: &[Arg::Rule(R::if_stmt_elif)],
    },
    RuleDef {
        act: Act::and(4),
        args: &[
            Arg::Tok(T::KW_ELIF),
            Arg::Rule(R::namedexpr_test),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::suite),
        ],
    },
    RuleDef {
        act: Act::or(2),
        args: &[
            Arg::Rule(R::try_stmt_except_and_more),
            Arg::Rule(R::try_stmt_finally),
        ],
    },
    RuleDef {
        act: Act::and_ident(3),
        args: &[
            Arg::Rule(R::try_stmt_except_list),
            Arg::OptRule(R::else_stmt),
            Arg::OptRule(R::try_stmt_finally),
        ],
    },
    RuleDef {
        act: Act::and(4),
        args: &[
            Arg::Tok(T::KW_EXCEPT),
            Arg::OptRule(R::try_stmt_as_name),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::suite),
        ],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::test), Arg::OptRule(R::as_name)],
    },
    RuleDef {
        act: Act::ONE_OR_MORE,
        args: &[Arg::Rule(R::try_stmt_except)],
    },
    RuleDef {
        act: Act::and(3),
        args: &[
            Arg::Tok(T::KW_FINALLY),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::suite),
        ],
    },
    RuleDef {
        act: Act::and_ident(3),
        args: &[
            Arg::Tok(T::KW_ELSE),
            Arg::Tok(T::DEL_COLON),
            Arg::Rule(R::suite),
        ],
    },
    RuleDef {
        act: Act::LIST,
        args: &[Arg::Rule(R::with_item), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::test), Arg::OptRule(R::with_item_as)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::KW_AS), Arg::Rule(R::expr)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::suite_block), Arg::Rule(R::simple_stmt)],
    },
    RuleDef {
        act: Act::and_ident(4),
        args: &[
            Arg::Tok(T::NEWLINE),
            Arg::Tok(T::INDENT),
            Arg::Rule(R::suite_block_stmts),
            Arg::Tok(T::DEDENT),
        ],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::OP_ASSIGN), Arg::Rule(R::test)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::lambdef), Arg::Rule(R::test_if_expr)],
    },
    RuleDef {
        act: Act::and(4),
        args: &[
            Arg::Tok(T::KW_IF),
            Arg::Rule(R::or_test),
            Arg::Tok(T::KW_ELSE),
            Arg::Rule(R::test),
        ],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::lambdef_nocond), Arg::Rule(R::or_test)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::not_test_2), Arg::Rule(R::comparison)],
    },
    RuleDef {
        act: Act::or(9),
        args: &[
            Arg::Tok(T::OP_LESS),
            Arg::Tok(T::OP_MORE),
            Arg::Tok(T::OP_DBL_EQUAL),
            Arg::Tok(T::OP_LESS_EQUAL),
            Arg::Tok(T::OP_MORE_EQUAL),
            Arg::Tok(T::OP_NOT_EQUAL),
            Arg::Tok(T::KW_IN),
            Arg::Rule(R::comp_op_not_in),
            Arg::Rule(R::comp_op_is),
        ],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_NOT), Arg::Tok(T::KW_IN)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_IS), Arg::OptRule(R::comp_op_is_not)],
    },
    RuleDef {
        act: Act::and(1),
        args: &[Arg::Tok(T::KW_NOT)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Tok(T::OP_DBL_LESS), Arg::Tok(T::OP_DBL_MORE)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Tok(T::OP_PLUS), Arg::Tok(T::OP_MINUS)],
    },
    RuleDef {
        act: Act::or(5),
        args: &[
            Arg::Tok(T::OP_STAR),
            Arg::Tok(T::OP_AT),
            Arg::Tok(T::OP_SLASH),
            Arg::Tok(T::OP_PERCENT),
            Arg::Tok(T::OP_DBL_SLASH),
        ],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::factor_2), Arg::Rule(R::power)],
    },
    RuleDef {
        act: Act::or(3),
        args: &[
            Arg::Tok(T::OP_PLUS),
            Arg::Tok(T::OP_MINUS),
            Arg::Tok(T::OP_TILDE),
        ],
    },
    RuleDef {
        act: Act::or(2),
        args: &[
            Arg::Rule(R::atom_expr_await),
            Arg::Rule(R::atom_expr_normal),
        ],
    },
    RuleDef {
        act: Act::ONE_OR_MORE,
        args: &[Arg::Rule(R::trailer)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::OP_DBL_STAR), Arg::Rule(R::factor)],
    },
    RuleDef {
        act: Act::or(12),
        args: &[
            Arg::Tok(T::NAME),
            Arg::Tok(T::INTEGER),
            Arg::Tok(T::FLOAT_OR_IMAG),
            Arg::Tok(T::STRING),
            Arg::Tok(T::BYTES),
            Arg::Tok(T::ELLIPSIS),
            Arg::Tok(T::KW_NONE),
            Arg::Tok(T::KW_TRUE),
            Arg::Tok(T::KW_FALSE),
            Arg::Rule(R::atom_paren),
            Arg::Rule(R::atom_bracket),
            Arg::Rule(R::atom_brace),
        ],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::yield_expr), Arg::Rule(R::testlist_comp)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[
            Arg::Rule(R::testlist_comp_2),
            Arg::OptRule(R::testlist_comp_3),
        ],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::star_expr), Arg::Rule(R::namedexpr_test)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::comp_for), Arg::Rule(R::testlist_comp_3b)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Tok(T::DEL_COMMA), Arg::OptRule(R::testlist_comp_3c)],
    },
    RuleDef {
        act: Act::LIST_WITH_END,
        args: &[Arg::Rule(R::testlist_comp_2), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::or(3),
        args: &[
            Arg::Rule(R::trailer_paren),
            Arg::Rule(R::trailer_bracket),
            Arg::Rule(R::trailer_period),
        ],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::subscript_3), Arg::Rule(R::subscript_2)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::subscript_3c), Arg::Rule(R::subscript_3d)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::DEL_COLON), Arg::OptRule(R::test)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::test), Arg::OptRule(R::sliceop)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::DEL_COLON), Arg::OptRule(R::test)],
    },
    RuleDef {
        act: Act::LIST_WITH_END,
        args: &[Arg::Rule(R::exprlist_2), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::star_expr), Arg::Rule(R::expr)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[
            Arg::Rule(R::dictorsetmaker_item),
            Arg::OptRule(R::dictorsetmaker_tail),
        ],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::comp_for), Arg::Rule(R::dictorsetmaker_list)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[
            Arg::Tok(T::DEL_COMMA),
            Arg::OptRule(R::dictorsetmaker_list2),
        ],
    },
    RuleDef {
        act: Act::LIST_WITH_END,
        args: &[Arg::Rule(R::dictorsetmaker_item), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::and_ident(3),
        args: &[
            Arg::Tok(T::DEL_PAREN_OPEN),
            Arg::OptRule(R::arglist),
            Arg::Tok(T::DEL_PAREN_CLOSE),
        ],
    },
    RuleDef {
        act: Act::LIST_WITH_END,
        args: &[Arg::Rule(R::arglist_2), Arg::Tok(T::DEL_COMMA)],
    },
    RuleDef {
        act: Act::or(3),
        args: &[
            Arg::Rule(R::arglist_star),
            Arg::Rule(R::arglist_dbl_star),
            Arg::Rule(R::argument),
        ],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::OP_STAR), Arg::Rule(R::test)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::OP_DBL_STAR), Arg::Rule(R::test)],
    },
    RuleDef {
        act: Act::and_ident(2),
        args: &[Arg::Rule(R::test), Arg::OptRule(R::argument_2)],
    },
    RuleDef {
        act: Act::or(3),
        args: &[
            Arg::Rule(R::comp_for),
            Arg::Rule(R::generic_equal_test),
            Arg::Rule(R::argument_3),
        ],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::OP_ASSIGN), Arg::Rule(R::test)],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::comp_for), Arg::Rule(R::comp_if)],
    },
    RuleDef {
        act: Act::and_blank(5),
        args: &[
            Arg::Tok(T::KW_FOR),
            Arg::Rule(R::exprlist),
            Arg::Tok(T::KW_IN),
            Arg::Rule(R::or_test),
            Arg::OptRule(R::comp_iter),
        ],
    },
    RuleDef {
        act: Act::and(3),
        args: &[
            Arg::Tok(T::KW_IF),
            Arg::Rule(R::test_nocond),
            Arg::OptRule(R::comp_iter),
        ],
    },
    RuleDef {
        act: Act::or(2),
        args: &[Arg::Rule(R::yield_arg_from), Arg::Rule(R::testlist)],
    },
    RuleDef {
        act: Act::and(2),
        args: &[Arg::Tok(T::KW_FROM), Arg::Rule(R::test)],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_shape() {
        assert_eq!(Rule::file_input as u8, 0);
        assert_eq!(Rule::const_object as usize, 58);
        for (i, r) in Rule::ALL.iter().enumerate() {
            assert_eq!(*r as usize, i);
            if *r != Rule::const_object {
                let def = r.def();
                let expected_args = match (def.act.kind(), def.act.n()) {
                    (Act::KIND_LIST, 2) => 1, // one_or_more: item
                    (Act::KIND_LIST, _) => 2, // item and separator
                    (_, n) => n,
                };
                assert_eq!(def.args.len(), expected_args, "{}", r.name());
            }
        }
        assert_eq!(Rule::ALL[RULE_COUNT - 1], Rule::yield_arg_from);
    }
}
