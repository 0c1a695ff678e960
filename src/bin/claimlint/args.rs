//! A small argument reader: `--flag value`, `--flag=value`, switches, positionals, and `--`
//! ending the flags.
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Args {
    pub options: BTreeMap<String, Vec<String>>,
    pub switches: Vec<String>,
    pub positional: Vec<String>,
}

impl Args {
    /// Parses `argv` given which flags are switches (take no value).
    pub fn parse(argv: &[String], switches: &[&str]) -> Result<Args, String> {
        let mut a = Args::default();
        let mut it = argv.iter();
        while let Some(arg) = it.next() {
            if arg == "--" {
                // Everything after `--` is a positional, even text that starts with dashes.
                a.positional.extend(it.by_ref().cloned());
                break;
            }
            if let Some(flag) = arg.strip_prefix("--") {
                if let Some((k, v)) = flag.split_once('=') {
                    a.options.entry(k.to_owned()).or_default().push(v.to_owned());
                } else if switches.contains(&flag) {
                    a.switches.push(flag.to_owned());
                } else {
                    let v = it.next().ok_or_else(|| format!("--{flag} needs a value"))?;
                    a.options.entry(flag.to_owned()).or_default().push(v.clone());
                }
            } else {
                a.positional.push(arg.clone());
            }
        }
        Ok(a)
    }
    pub fn get(&self, k: &str) -> Option<&str> {
        self.options.get(k).and_then(|v| v.last()).map(String::as_str)
    }
    pub fn all(&self, k: &str) -> &[String] {
        self.options.get(k).map(Vec::as_slice).unwrap_or(&[])
    }
    pub fn has(&self, k: &str) -> bool {
        self.switches.iter().any(|s| s == k)
    }
}
