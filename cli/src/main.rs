//! `errspec`: decode a vendor's error responses, list and explain its documented errors, and
//! check and document spec files, from the command line.
#![forbid(unsafe_code)]

use std::ffi::OsString;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand};
use errspec_cli::authoring::{draft, import, infer};
use errspec_cli::commands::explain::{self, Explained};
use errspec_cli::commands::list::{self, EntryJson, ListJson};
use errspec_cli::commands::{check, decode, diff, docs};
use errspec_cli::target::{self, LoadError, Target};
use errspec_cli::{style, vendors};

/// Typed errors for vendor REST APIs, from a TOML spec.
#[derive(Debug, Parser)]
#[command(name = "errspec", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    output: Output,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, Args)]
struct Output {
    /// Print JSON (one document, its shape documented in the README) instead of text.
    #[arg(long, global = true)]
    json: bool,
}

/// Every command names a spec the same way: a bundled vendor (`netilion`) or a spec file's
/// path (`specs/acme.toml`); a file that exists wins over a vendor of the same name.
#[derive(Debug, Subcommand)]
enum Command {
    /// Decode an error response into its typed errors.
    #[command(override_usage = "errspec decode <SPEC> <STATUS> [BODY|-] [-H 'Name: value']...")]
    Decode {
        /// Decode with this spec file (the same as naming it first).
        #[arg(long, value_name = "FILE", hide = true)]
        spec: Option<PathBuf>,
        /// A response header, `Name: value` (repeatable): `Retry-After`, the request id and
        /// the headers the spec names are read.
        #[arg(short = 'H', long = "header", value_name = "HEADER")]
        headers: Vec<String>,
        /// The spec (a bundled vendor or a spec file), then the response's HTTP status, then
        /// its body; `-` or no body reads it from standard input.
        #[arg(
            value_name = "ARGS",
            allow_negative_numbers = true,
            num_args = 0..=3,
            long_help = decode_args_help(),
        )]
        args: Vec<OsString>,
    },
    /// List every error a spec documents.
    List {
        /// A bundled vendor or a spec file.
        spec: String,
    },
    /// Explain a documented error: its meaning, status, kind, cause, solution and link.
    Explain {
        /// A bundled vendor or a spec file.
        spec: String,
        /// A wire code (`invalid_token`) or a variant name (`TokenIpMismatch`), in any case.
        code: String,
    },
    /// Check specs and show every mistake, as the macro would.
    Check {
        /// Bundled vendors or spec files.
        #[arg(required = true)]
        specs: Vec<String>,
    },
    /// Print a Markdown reference of a spec: a table of its errors, the fallbacks by status,
    /// and a section per error.
    Docs {
        /// A bundled vendor or a spec file.
        spec: String,
    },
    /// Draft a spec from another description of the API's errors.
    #[command(subcommand)]
    Import(Import),
    /// Draft a spec from captured error responses: a HAR file, or a folder of
    /// `<status>.<n>.json` bodies. Prints the spec (TOML), every guess commented.
    Infer {
        /// The HAR file or the folder.
        captures: PathBuf,
        /// The API's name (`[api] name`), UpperCamelCase; by default from the file's name.
        #[arg(long)]
        name: Option<String>,
    },
    /// Show what changed between two specs of an API: errors added, removed, and changed in
    /// status, kind, retry advice, recovery or variant name.
    Diff {
        /// The spec before (a bundled vendor or a spec file).
        old: String,
        /// The spec after.
        new: String,
    },
}

fn decode_args_help() -> String {
    format!(
        "<SPEC> <STATUS> [BODY|-].\n\nSPEC is a bundled vendor ({}) or a spec file's path.\nSTATUS is the response's HTTP status, a number from 0 to 65535.\nBODY is the response body; `-` or no body reads it from standard input.",
        vendors::names()
    )
}

/// What `errspec import` drafts from.
#[derive(Debug, Subcommand)]
enum Import {
    /// An OpenAPI 3.x document (JSON or YAML): envelope from the error responses' schemas,
    /// codes from the code property's `enum` or examples, statuses from the response keys.
    /// Prints the spec (TOML), every guess commented.
    Openapi {
        /// The document.
        file: PathBuf,
        /// The API's name (`[api] name`), UpperCamelCase; by default from the document's title.
        #[arg(long)]
        name: Option<String>,
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
    match run(cli.command, cli.output) {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(
                anstream::stderr(),
                "{} {message}",
                style::paint(style::WARN.bold(), "error:")
            );
            ExitCode::FAILURE
        }
    }
}

/// A loaded spec, or why not: a one-line problem is returned, mistakes are printed, a name
/// that is neither a vendor nor a file is a usage error.
fn load(argument: &str) -> Result<Result<Target, ExitCode>, String> {
    match target::load(argument) {
        Ok(target) => Ok(Ok(target)),
        Err(LoadError::Unknown(problem)) => {
            let _ = writeln!(
                anstream::stderr(),
                "{} {problem}",
                style::paint(style::WARN.bold(), "error:")
            );
            Ok(Err(ExitCode::from(USAGE)))
        }
        Err(LoadError::Unreadable(problem)) => Err(problem),
        Err(LoadError::Mistakes {
            display,
            source,
            diagnostics,
        }) => {
            let checked = check::Checked::mistakes(&display, &display, &source, &diagnostics);
            let _ = write!(anstream::stderr(), "{}", checked.text().1);
            Ok(Err(ExitCode::FAILURE))
        }
    }
}

/// `load`, returning early from `run` with what it failed with.
macro_rules! load_or_return {
    ($argument:expr) => {
        match load($argument)? {
            Ok(target) => target,
            Err(code) => return Ok(code),
        }
    };
}

fn run(command: Command, output: Output) -> Result<ExitCode, String> {
    let columns = style::terminal_width();
    match command {
        Command::Decode {
            spec,
            headers,
            args,
        } => {
            let (spec, status, body) = match decode_target(spec, args) {
                Ok(parsed) => parsed,
                Err(error) => return Ok(usage_error(&error)),
            };
            let target = load_or_return!(&spec);
            let headers = decode::headers(&headers)?;
            let body = decode::body(body.as_deref())?;
            let decoded = target.decode(status, &headers, &body)?;
            let why = target.choices(status, &headers, &body);
            let mut reasons = decode::reasons(&target.spec, &decoded, why, &body);
            reasons.success = !target.is_error(status, &body);
            let now = std::time::SystemTime::now();
            if output.json {
                print_json(&decode::Json::new(&decoded, &reasons, now))
            } else {
                print(&decode::render(&decoded, &reasons, now, columns))
            }
        }
        Command::List { spec } => {
            let target = load_or_return!(&spec);
            if output.json {
                print_json(&ListJson::new(&target))
            } else {
                print(&list::list(&target, columns))
            }
        }
        Command::Explain { spec, code } => {
            let target = load_or_return!(&spec);
            if output.json {
                let entries: Vec<EntryJson<'_>> = explain::matching(&target, &code)
                    .into_iter()
                    .map(EntryJson::new)
                    .collect();
                if entries.is_empty() {
                    if let Explained::NotFound(message) = explain::explain(&target, &code) {
                        return Err(message);
                    }
                }
                return print_json(&entries);
            }
            match explain::explain(&target, &code) {
                Explained::Found(text) => print(&text),
                Explained::NotFound(message) => Err(message),
            }
        }
        Command::Check { specs } => {
            let checked: Vec<check::Checked> =
                specs.iter().map(|spec| check::check(spec)).collect();
            let all_ok = checked.iter().all(|checked| checked.ok);
            if output.json {
                print_json(&checked)?;
            } else {
                for checked in &checked {
                    let (out, err) = checked.text();
                    print(&out)?;
                    let _ = write!(anstream::stderr(), "{err}");
                }
            }
            Ok(if all_ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Import(Import::Openapi { file, name }) => {
            let document = import::Document::read(&file)?;
            let title = document
                .root()
                .value
                .pointer("/info/title")
                .and_then(serde_json::Value::as_str);
            let name = match (name, title) {
                (Some(name), _) => name,
                (None, Some(title)) => draft::variant_name(title, &mut draft::Names::default()),
                (None, None) => api_name(None, &file),
            };
            emit_draft(&import::import(&document, &name), output)
        }
        Command::Infer { captures, name } => {
            let samples = infer::samples(&captures)?;
            let name = api_name(name, &captures);
            let draft = infer::infer(&samples, &name);
            emit_draft(&draft, output)
        }
        Command::Diff { old, new } => {
            let old = load_or_return!(&old);
            let new = load_or_return!(&new);
            let diff = diff::diff(&old.spec, &new.spec);
            if output.json {
                print_json(&diff)
            } else {
                print(&diff.text(&old.label, &new.label))
            }
        }
        Command::Docs { spec } => {
            let target = load_or_return!(&spec);
            if output.json {
                print_json(&ListJson::new(&target))
            } else {
                print(&docs::markdown(&target.spec, &target.file_name))
            }
        }
    }
}

/// The spec, status and body argument of `decode`: `<SPEC> <STATUS> [BODY]`, or
/// `<STATUS> [BODY]` after `--spec FILE`.
fn decode_target(
    spec: Option<PathBuf>,
    args: Vec<OsString>,
) -> Result<(String, u16, Option<OsString>), clap::Error> {
    let mut command = Cli::command();
    let decode = command
        .find_subcommand_mut("decode")
        .expect("the decode subcommand");
    let mut args = args.into_iter();
    let target = match spec {
        Some(file) => file.to_string_lossy().into_owned(),
        None => {
            let Some(name) = args.next() else {
                return Err(decode.error(
                    ErrorKind::MissingRequiredArgument,
                    format!(
                        "decode needs a spec (a bundled vendor: {}; or a spec file), then a status",
                        vendors::names()
                    ),
                ));
            };
            name.to_string_lossy().into_owned()
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

/// The `[api] name` of a drafted spec: the one given, else from the stem of `path`'s name.
fn api_name(given: Option<String>, path: &std::path::Path) -> String {
    given.unwrap_or_else(|| {
        let stem = path.file_stem().map_or_else(
            || "Api".to_owned(),
            |stem| stem.to_string_lossy().into_owned(),
        );
        draft::variant_name(&stem, &mut draft::Names::default())
    })
}

/// Prints a drafted spec: its TOML, or with `--json` `{"spec": "<TOML>", "errors": N}`.
fn emit_draft(draft: &draft::Draft, output: Output) -> Result<ExitCode, String> {
    let spec = draft.to_toml();
    if output.json {
        print_json(&serde_json::json!({"spec": spec, "errors": draft.errors.len()}))
    } else {
        print(&spec)
    }
}

/// Prints `value` as pretty JSON and a newline.
fn print_json(value: &impl serde::Serialize) -> Result<ExitCode, String> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|error| format!("cannot write JSON: {error}"))?;
    text.push('\n');
    print(&text)
}

/// Prints `text` to stdout, its colours kept on a terminal only; a closed pipe
/// (`errspec list x | head`) is not an error.
fn print(text: &str) -> Result<ExitCode, String> {
    let mut stdout = anstream::stdout().lock();
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
    let _ = writeln!(
        anstream::stderr(),
        "{}",
        one_line_usage(&error.render().to_string())
    );
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
