//! `claimlint line`.
pub fn run(_argv: &[String]) -> Result<u8, String> {
    Err("`line` is not available in this build yet".into())
}
