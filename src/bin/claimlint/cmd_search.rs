//! `claimlint search`.
pub fn run(_argv: &[String]) -> Result<u8, String> {
    Err("`search` is not available in this build yet".into())
}
