//! Parse nodes (after py/parse.h): the tree the parser builds and the compiler walks.
//!
//! The shape mirrors the reference exactly — leaves are small ints, identifiers,
//! interned strings and tokens; inner nodes carry a grammar [`Rule`], a source line and
//! their children — because byte-identical output depends on compiling the very
//! same tree the reference compiles (rule elision, list rules, folded constants).

use crate::lexer::TokenKind;
use crate::parse::grammar::Rule;
use crate::qstr::Qstr;
use crate::value::ConstValue;

/// A parse node (`mp_parse_node_t`).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Node {
    /// No node (`MP_PARSE_NODE_NULL`).
    #[default]
    Null,
    /// A small integer (`MP_PARSE_NODE_SMALL_INT`): fits `small_int_bits` of the target.
    SmallInt(i64),
    /// An identifier (`MP_PARSE_NODE_ID`).
    Id(Qstr),
    /// An interned string literal (`MP_PARSE_NODE_STRING`).
    Str(Qstr),
    /// A token (`MP_PARSE_NODE_TOKEN`), e.g. `None`, `...`, an operator.
    Token(TokenKind),
    /// An inner node (`mp_parse_node_struct_t`).
    Struct(Box<StructNode>),
    /// A constant object (`RULE_const_object`): big int, float, complex, long str, bytes, tuple.
    Const(Box<ConstNode>),
}

/// An inner node: a grammar rule applied to its children.
#[derive(Clone, Debug, PartialEq)]
pub struct StructNode {
    /// The rule (`MP_PARSE_NODE_STRUCT_KIND`).
    pub rule: Rule,
    /// The source line the reference records for it.
    pub source_line: u32,
    /// Children (`MP_PARSE_NODE_STRUCT_NUM_NODES` of them).
    pub nodes: Vec<Node>,
}

/// A constant object node, with the source line the reference records for it.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstNode {
    /// The source line.
    pub source_line: u32,
    /// The value.
    pub value: ConstValue,
}

impl Node {
    /// True for [`Node::Null`].
    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// The inner node if this is a struct node of `rule`.
    #[must_use]
    pub fn as_struct_of(&self, rule: Rule) -> Option<&StructNode> {
        match self {
            Self::Struct(s) if s.rule == rule => Some(s),
            _ => None,
        }
    }

    /// The inner node if this is any struct node.
    #[must_use]
    pub fn as_struct(&self) -> Option<&StructNode> {
        match self {
            Self::Struct(s) => Some(s),
            _ => None,
        }
    }

    /// True if this is the token `kind`.
    #[must_use]
    pub fn is_token(&self, kind: TokenKind) -> bool {
        matches!(self, Self::Token(k) if *k == kind)
    }

    /// `mp_parse_node_extract_list`: the children if this is a struct of `rule`, else this node alone.
    #[must_use]
    pub fn extract_list(&self, rule: Rule) -> &[Node] {
        match self {
            Self::Null => &[],
            Self::Struct(s) if s.rule == rule => &s.nodes,
            other => core::slice::from_ref(other),
        }
    }
}

impl Drop for StructNode {
    /// Drops the subtree iteratively: a parse tree can be thousands of levels deep.
    fn drop(&mut self) {
        if self.nodes.iter().all(|n| !matches!(n, Node::Struct(_))) {
            return;
        }
        let mut pending: Vec<Node> = core::mem::take(&mut self.nodes);
        while let Some(node) = pending.pop() {
            if let Node::Struct(mut inner) = node {
                pending.append(&mut inner.nodes);
            }
        }
    }
}
