//! The files the CLI reads and writes, behind a trait: the machine's
//! (`std::fs`) natively, Node's in the package's CLI (wasm has no file
//! system of its own). Errors are the text the CLI prints after
//! "cannot read: " or "cannot write: ", the same from both.

use std::io::Read;

/// Reading and writing files for the CLI.
pub trait Files {
    /// The first `max` bytes of `path` (at most: `/dev/zero` is not read
    /// for ever).
    fn read(&self, path: &str, max: usize) -> Result<Vec<u8>, String>;
    /// The size of `path` in bytes, if it can be told.
    fn size(&self, path: &str) -> Option<u64>;
    /// Writes `bytes` into `dir/name`, making `dir` (and its parents) if
    /// missing.
    fn write(&self, dir: &str, name: &str, bytes: &[u8]) -> Result<(), String>;
}

/// The machine's files.
#[derive(Debug, Clone, Copy, Default)]
pub struct OsFiles;

impl Files for OsFiles {
    fn read(&self, path: &str, max: usize) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|file| file.take(max as u64).read_to_end(&mut bytes))
            .map_err(|error| error.to_string())?;
        Ok(bytes)
    }

    fn size(&self, path: &str) -> Option<u64> {
        std::fs::metadata(path).ok().map(|m| m.len())
    }

    fn write(&self, dir: &str, name: &str, bytes: &[u8]) -> Result<(), String> {
        std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(std::path::Path::new(dir).join(name), bytes))
            .map_err(|error| error.to_string())
    }
}
