//! Code emitters: the per-file qstr/constant tables ([`common`]) and the bytecode writer ([`bytecode`]).

pub(crate) mod bytecode;
pub(crate) mod common;
pub(crate) mod dispatch;
pub(crate) mod inline_asm;
pub(crate) mod inline_rv32;
pub(crate) mod inline_thumb;
pub(crate) mod inline_xtensa;
pub(crate) mod native;

/// The compiler passes (`pass_kind_t`). Every scope runs SCOPE first; then, scope by scope,
/// STACK_SIZE, CODE_SIZE and EMIT (EMIT repeats until the code stops shrinking).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Pass {
    Scope,
    StackSize,
    CodeSize,
    Emit,
}
