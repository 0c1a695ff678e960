//! `claimlint claim`.
pub fn run(_argv: &[String]) -> Result<u8, String> {
    Err("`claim` is not available in this build yet".into())
}
