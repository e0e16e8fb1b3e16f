//! The synthetic specs of the scale benchmarks: `size` codes in one spec, a quarter of them
//! with a template. Shared by the build script (which writes the files the macro reads) and
//! the expansion benchmark.

use std::fmt::Write as _;

/// The sizes the benchmarks compare.
pub const SIZES: [usize; 4] = [5, 50, 500, 5000];
const WORDS: [&str; 8] = [
    "NOT_FOUND",
    "INVALID",
    "LOCKED",
    "EXPIRED",
    "TOO_LARGE",
    "MISSING",
    "CONFLICT",
    "DENIED",
];
const STATUSES: [u16; 8] = [404, 400, 423, 401, 413, 422, 409, 403];

/// The text of a spec named `Scale{size}` with `size` codes.
#[must_use]
pub fn scale_spec(size: usize) -> String {
    let mut spec = format!(
        "[api]\nname = \"Scale{size}\"\n\n[envelope]\nerrors = \"/errors\"\ncode = \"/type\"\nmessage = \"/message\"\nfields = {{ attribute = \"/attribute\" }}\n"
    );
    for index in 0..size {
        let word = WORDS[index % WORDS.len()];
        let status = STATUSES[index % STATUSES.len()];
        let _ = write!(
            spec,
            "\n[[error]]\ncode = \"E{index:04}_{word}\"\nstatus = {status}\ndescription = \"Synthetic error {index}.\"\n"
        );
        if index % 4 == 0 {
            let _ = writeln!(
                spec,
                "message = \"Resource {{id}} is {}.\"",
                word.to_lowercase()
            );
        }
    }
    spec
}
