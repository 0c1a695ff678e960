//! Compile-time errors: which file, where, and what is wrong.
use core::fmt;

/// A compile failure, with the file and position when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError(pub String);

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CompileError {}

pub type Result<T> = std::result::Result<T, CompileError>;

/// Builds a [`CompileError`] from a message.
pub fn err(msg: impl Into<String>) -> CompileError {
    CompileError(msg.into())
}

/// Adds the file name to an error.
pub trait Context<T> {
    fn context(self, what: impl fmt::Display) -> Result<T>;
}

impl<T, E: fmt::Display> Context<T> for std::result::Result<T, E> {
    fn context(self, what: impl fmt::Display) -> Result<T> {
        self.map_err(|e| CompileError(format!("{what}: {e}")))
    }
}
