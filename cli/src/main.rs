//! `errspec`: decode a vendor's error responses, list and explain its documented errors, and
//! check spec files, from the command line.
#![forbid(unsafe_code)]

mod check;
mod decode;
mod list;
mod text;
mod vendors;

use std::ffi::OsString;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Parser, Subcommand};

use crate::list::Explained;
use crate::vendors::{Vendor, VendorParser};

/// Typed errors for vendor REST APIs, from a TOML spec.
#[derive(Debug, Parser)]
#[command(name = "errspec", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Decode an error response of a vendor into its typed errors.
    Decode {
        /// The vendor (a bundled spec).
        #[arg(value_parser = VendorParser)]
        vendor: &'static Vendor,
        /// The response's HTTP status.
        #[arg(value_parser = parse_status, allow_negative_numbers = true)]
        status: u16,
        /// The response body; `-` or nothing reads it from standard input.
        #[arg(allow_hyphen_values = true)]
        body: Option<OsString>,
    },
    /// List every error a vendor documents.
    List {
        /// The vendor (a bundled spec).
        #[arg(value_parser = VendorParser)]
        vendor: &'static Vendor,
    },
    /// Explain a documented error: its meaning, status, kind, cause and solution.
    Explain {
        /// The vendor (a bundled spec).
        #[arg(value_parser = VendorParser)]
        vendor: &'static Vendor,
        /// A wire code (`invalid_token`) or a variant name (`TokenIpMismatch`).
        code: String,
    },
    /// Check spec files and show every mistake, as the macro would.
    Check {
        /// The spec files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// The exit status of a usage error.
const USAGE: u8 = 2;

fn parse_status(text: &str) -> Result<u16, String> {
    text.parse()
        .map_err(|_| "an HTTP status is a number from 0 to 65535".to_owned())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    match run(cli.command) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Decode {
            vendor,
            status,
            body,
        } => {
            let body = decode::body(body.as_deref())?;
            print(&(vendor.decode)(status, &body))
        }
        Command::List { vendor } => print(&list::list(vendor)?),
        Command::Explain { vendor, code } => match list::explain(vendor, &code)? {
            Explained::Found(text) => print(&text),
            Explained::NotFound(message) => Err(message),
        },
        Command::Check { files } => Ok(if check::check_files(&files) {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }),
    }
}

/// Prints `text` to stdout; a closed pipe (`errspec list x | head`) is not an error.
fn print(text: &str) -> Result<ExitCode, String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(error) => Err(format!("cannot write the output: {error}")),
    }
}

/// Help and version are printed as clap writes them (a bare `errspec` shows the help on
/// stderr, exit status 2); any other problem with the command line becomes one `error:` line
/// and exit status 2.
fn usage_error(error: &clap::Error) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = error.print();
        return if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(USAGE)
        } else {
            ExitCode::SUCCESS
        };
    }
    eprintln!("{}", one_line_usage(&error.render().to_string()));
    ExitCode::from(USAGE)
}

/// Clap's multi-line error as one line: the message, then the usage in parentheses.
fn one_line_usage(rendered: &str) -> String {
    let mut message = Vec::new();
    let mut usage = None;
    for line in rendered
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        if let Some(rest) = line.strip_prefix("Usage:") {
            usage = Some(rest.trim().to_owned());
        } else if !line.starts_with("For more information") {
            message.push(line);
        }
    }
    let mut text = message.join(" ");
    if !text.starts_with("error:") {
        text.insert_str(0, "error: ");
    }
    if let Some(usage) = usage {
        text.push_str(" (usage: ");
        text.push_str(&usage);
        text.push(')');
    }
    text
}
