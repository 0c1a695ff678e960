//! `claimlint bench`.
pub fn run(_argv: &[String]) -> Result<u8, String> {
    Err("`bench` is not available in this build yet".into())
}
