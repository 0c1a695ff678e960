//! Where results go: stdout as JSON (for programs) or text (for a person at a terminal),
//! and how a command fails. A closed pipe (`claimlint codes | head -1`) is not an error:
//! the command stops quietly, as other Unix tools do.
use clap::ValueEnum;
use serde::Serialize;
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};

/// Output format; by default text when stdout is a terminal, JSON otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Why a command stopped early.
#[derive(Debug)]
pub enum Fail {
    /// A usage or data error, shown on stderr (exit 2).
    Msg(String),
    /// The reader closed stdout: stop without a word.
    Pipe,
}

impl From<String> for Fail {
    fn from(s: String) -> Fail {
        Fail::Msg(s)
    }
}

impl From<&str> for Fail {
    fn from(s: &str) -> Fail {
        Fail::Msg(s.to_owned())
    }
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Fail {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Fail::Pipe
        } else {
            Fail::Msg(format!("stdout: {e}"))
        }
    }
}

impl From<serde_json::Error> for Fail {
    fn from(e: serde_json::Error) -> Fail {
        if e.io_error_kind() == Some(io::ErrorKind::BrokenPipe) {
            Fail::Pipe
        } else {
            Fail::Msg(e.to_string())
        }
    }
}

/// A command's exit status (0 clean, 1 an error finding) or why it failed.
pub type Outcome = Result<u8, Fail>;

/// Buffered stdout in the chosen format.
pub struct Out {
    pub format: Format,
    w: BufWriter<StdoutLock<'static>>,
}

impl Out {
    pub fn new(format: Option<Format>) -> Out {
        let stdout = io::stdout();
        let format = format.unwrap_or(if stdout.is_terminal() { Format::Text } else { Format::Json });
        Out { format, w: BufWriter::new(stdout.lock()) }
    }

    pub fn is_text(&self) -> bool {
        self.format == Format::Text
    }

    /// One compact JSON value on its own line.
    pub fn json_line<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Fail> {
        serde_json::to_writer(&mut self.w, v)?;
        self.w.write_all(b"\n")?;
        Ok(())
    }

    /// One indented JSON value.
    pub fn json_pretty<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Fail> {
        serde_json::to_writer_pretty(&mut self.w, v)?;
        self.w.write_all(b"\n")?;
        Ok(())
    }

    /// Text as is, followed by a newline.
    pub fn line(&mut self, s: &str) -> Result<(), Fail> {
        self.w.write_all(s.as_bytes())?;
        self.w.write_all(b"\n")?;
        Ok(())
    }

    /// Text form when the format is text, else compact JSON on one line.
    pub fn either<T: Serialize + ?Sized>(&mut self, v: &T, text: impl FnOnce() -> String) -> Result<(), Fail> {
        if self.is_text() {
            self.line(text().trim_end())
        } else {
            self.json_line(v)
        }
    }

    /// Text form when the format is text, else indented JSON.
    pub fn either_pretty<T: Serialize + ?Sized>(&mut self, v: &T, text: impl FnOnce() -> String) -> Result<(), Fail> {
        if self.is_text() {
            self.line(text().trim_end())
        } else {
            self.json_pretty(v)
        }
    }

    pub fn flush(&mut self) -> Result<(), Fail> {
        self.w.flush()?;
        Ok(())
    }
}
