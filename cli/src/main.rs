//! `errspec`: decode a vendor's error responses, list and explain its documented errors, and
//! check and document spec files, from the command line.
#![forbid(unsafe_code)]

use std::ffi::OsString;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, Subcommand};
use errspec_cli::interpret::Interpreter;
use errspec_cli::list::{self, Explained};
use errspec_cli::vendors::{self, Vendor, VendorParser};
use errspec_cli::{check, decode, docs};

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
    ///
    /// With `--spec`, the response is decoded with a spec file that was never compiled: the
    /// spec is checked as the macro checks it, then interpreted.
    #[command(
        override_usage = "errspec decode <VENDOR> <STATUS> [BODY|-]\n       errspec decode --spec <FILE> <STATUS> [BODY|-]"
    )]
    Decode {
        /// Decode with this spec file instead of a bundled vendor.
        #[arg(long, value_name = "FILE")]
        spec: Option<PathBuf>,
        /// The vendor (a bundled spec), then the response's HTTP status, then its body; `-`
        /// or no body reads it from standard input. With `--spec`: the status, then the body.
        #[arg(
            value_name = "ARGS",
            allow_negative_numbers = true,
            num_args = 0..=3,
            long_help = decode_args_help(),
        )]
        args: Vec<OsString>,
    },
    /// List every error a vendor documents.
    List {
        /// The vendor (a bundled spec).
        #[arg(value_parser = VendorParser)]
        vendor: &'static Vendor,
    },
    /// Explain a documented error: its meaning, status, kind, cause, solution and link.
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
    /// Print a Markdown reference of a spec file: a table of its errors, the fallbacks by
    /// status, and a section per error.
    Docs {
        /// The spec file.
        file: PathBuf,
    },
}

fn decode_args_help() -> String {
    format!(
        "<VENDOR> <STATUS> [BODY|-], or with --spec: <STATUS> [BODY|-].\n\nVENDOR is a bundled spec: {}.\nSTATUS is the response's HTTP status, a number from 0 to 65535.\nBODY is the response body; `-` or no body reads it from standard input.",
        vendors::names()
    )
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
        Command::Decode { spec, args } => match decode_target(spec, args) {
            Ok((Target::Vendor(vendor), status, body)) => {
                let body = decode::body(body.as_deref())?;
                print(&decode::render(&(vendor.decode)(status, &body)))
            }
            Ok((Target::Spec(file), status, body)) => {
                let Some((_, spec)) = check::load(&file) else {
                    return Ok(ExitCode::FAILURE);
                };
                let interpreter = Interpreter::new(spec).map_err(|problem| {
                    format!("cannot decode with {}: {problem}", file.display())
                })?;
                let body = decode::body(body.as_deref())?;
                print(&decode::render(&interpreter.decode(status, &body)))
            }
            Err(error) => Ok(usage_error(&error)),
        },
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
        Command::Docs { file } => match check::load(&file) {
            Some((_, spec)) => {
                let name = file.file_name().map_or_else(
                    || file.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                );
                print(&docs::markdown(&spec, &name))
            }
            None => Ok(ExitCode::FAILURE),
        },
    }
}

/// What `decode` decodes with.
enum Target {
    Vendor(&'static Vendor),
    Spec(PathBuf),
}

/// The decoder, status and body argument of `decode`: `<VENDOR> <STATUS> [BODY]`, or
/// `<STATUS> [BODY]` after `--spec FILE`.
fn decode_target(
    spec: Option<PathBuf>,
    args: Vec<OsString>,
) -> Result<(Target, u16, Option<OsString>), clap::Error> {
    let mut command = Cli::command();
    let decode = command
        .find_subcommand_mut("decode")
        .expect("the decode subcommand");
    let mut args = args.into_iter();
    let target = match spec {
        Some(file) => Target::Spec(file),
        None => {
            let Some(name) = args.next() else {
                return Err(decode.error(
                    ErrorKind::MissingRequiredArgument,
                    format!(
                        "decode needs a vendor ({}) or `--spec FILE`, then a status",
                        vendors::names()
                    ),
                ));
            };
            let vendor = vendors::find(&name.to_string_lossy())
                .map_err(|message| decode.error(ErrorKind::InvalidValue, message))?;
            Target::Vendor(vendor)
        }
    };
    let Some(status) = args.next() else {
        return Err(decode.error(
            ErrorKind::MissingRequiredArgument,
            "decode needs the response's HTTP status",
        ));
    };
    let status = parse_status(&status.to_string_lossy()).map_err(|message| {
        decode.error(
            ErrorKind::ValueValidation,
            format!("invalid status `{}`: {message}", status.to_string_lossy()),
        )
    })?;
    let body = args.next();
    if let Some(extra) = args.next() {
        return Err(decode.error(
            ErrorKind::UnknownArgument,
            format!("unexpected argument `{}`: the body is one argument (quote it) or `-` for standard input", extra.to_string_lossy()),
        ));
    }
    Ok((target, status, body))
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

/// Clap's multi-line error as one line: the message, then the usage in parentheses (a usage
/// of several lines joined by `or`).
fn one_line_usage(rendered: &str) -> String {
    let mut message = Vec::new();
    let mut usage: Vec<&str> = Vec::new();
    for line in rendered
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
    {
        if let Some(rest) = line.strip_prefix("Usage:") {
            usage.push(rest.trim());
        } else if line.starts_with("For more information") {
            continue;
        } else if usage.is_empty() {
            message.push(line);
        } else {
            usage.push(line);
        }
    }
    let mut text = message.join(" ");
    if !text.starts_with("error:") {
        text.insert_str(0, "error: ");
    }
    if !usage.is_empty() {
        text.push_str(" (usage: ");
        text.push_str(&usage.join(" or "));
        text.push(')');
    }
    text
}
