//! `claimlint pair`.
pub fn run(_argv: &[String]) -> Result<u8, String> {
    Err("`pair` is not available in this build yet".into())
}
