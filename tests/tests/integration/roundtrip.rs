//! The server side inverts the client side: for every variant of every bundled spec whose
//! errors are told apart by code or status (and `Unknown`), with arbitrary messages, field
//! values, parameter values, codes, statuses, batch items and `Retry-After`,
//! `decode_http(&response.to_http()) == response`. GitHub's and Jira's errors are told apart
//! by their messages and sent nested: what their bodies carry back is decided by where the
//! encoder nests each error, which the model below does not follow yet; `github.rs` and
//! `jira.rs` round-trip their documented bodies instead.
//!
//! Every case builds one error of each variant, so each case covers them all. The spec
//! itself (read with `errspec-codegen`) says what each variant can carry; values are
//! restricted only where the wire cannot carry them back, each for the reason given where it
//! is restricted:
//!
//! - a message is never blank: decoding replaces a blank message by the description;
//! - template parameters neither start nor end with whitespace, `.`, `!`, `?` or a quote, and a
//!   parameter followed by more text does not contain that text: matching trims the message
//!   and the values, drops a final `.`, `!` or `?` and optional quotes, and splits at the first
//!   occurrence of the text after a parameter (it never backtracks);
//! - a message that matches the template of an entry tried earlier for the same code decodes
//!   as that entry: such messages are not generated for the others;
//! - a status-only variant arrives by the statuses its `[fallback]` tables give it, with an
//!   undocumented code (`[fallback.unknown]`) or none (`[fallback.missing]`); `Unknown`
//!   arrives with a status no fallback table maps;
//! - an error the vendor sends with an empty body (`body = "empty"`) says nothing but its
//!   status, so it holds the description, no code and no fields;
//! - ITSM-NG's element 1 holds the message or the batch items, not both: with items, the
//!   message is the description;
//! - a failed batch item's id is written as its key (`{"13": false}`), so it cannot be the
//!   `id` or `message` key itself: such an item is generated without an id;
//! - a field that only nested errors read (problem details' `pointer`) is not written on the
//!   error itself;
//! - a spec whose fallback tables both have a `default` (problem details) has no `Unknown`.

use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use errspec::http::{Response, StatusCode};
use errspec::{ApiError, BatchItem, BatchItems, ErrorResponse, RetryAfter};
use errspec_codegen::model::{ErrorEntry, Spec, Template};
use errspec_tests::igel_imi::IgelImiError;
use errspec_tests::itcare::ItcareError;
use errspec_tests::itsm_ng::ItsmNgError;
use errspec_tests::netilion::NetilionError;
use errspec_tests::problem::ProblemError;
use errspec_tests::telecomx::TelecomXError;
use errspec_vocab::FallbackKey;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Raw random material for one error; [`derive`] shapes it to what a variant can carry.
#[derive(Debug, Clone)]
struct Material {
    message: String,
    values: Vec<String>,
    fields: Vec<Option<String>>,
    code: String,
    status: u16,
    items: Vec<(Option<String>, bool, String)>,
    /// For an entry that is also chosen when its template does not match: whether the
    /// message follows the template.
    matching: bool,
    /// For a status-only entry: whether it arrives by `[fallback.unknown]` (with a code).
    by_unknown: bool,
    retry_after: Option<RetryAfter>,
}

/// What one error of one variant holds.
#[derive(Debug, Clone)]
struct Data {
    variant: String,
    message: String,
    code: Option<String>,
    status: u16,
    fields: Vec<Option<String>>,
    params: Vec<Option<String>>,
    items: BatchItems,
}

impl Data {
    fn field(&self, index: usize) -> Option<String> {
        self.fields.get(index).cloned().flatten()
    }

    fn param(&self, index: usize) -> Option<String> {
        self.params.get(index).cloned().flatten()
    }
}

/// The characters matching trims from a message and from captured values.
fn trimmed_by_matching(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '!' | '?' | '\'' | '"' | '`' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}'
        )
}

fn message() -> impl Strategy<Value = String> {
    // Restricted: decoding replaces a blank message by the description.
    any::<String>().prop_filter("a blank message decodes as the description", |text| {
        !text.trim().is_empty()
    })
}

fn value() -> impl Strategy<Value = String> {
    // Restricted: matching trims whitespace, a final `.`, `!` or `?` and quotes around a value.
    any::<String>().prop_filter_map("matching trims values", |text| {
        let trimmed = text.trim_matches(trimmed_by_matching);
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    })
}

/// An item's id, success and message.
fn item() -> impl Strategy<Value = (Option<String>, bool, String)> {
    (option::of(any::<String>()), any::<bool>(), any::<String>())
}

fn retry_after() -> impl Strategy<Value = Option<RetryAfter>> {
    prop_oneof![
        Just(None),
        any::<u64>().prop_map(|seconds| Some(RetryAfter::Delay(Duration::from_secs(seconds)))),
        // HTTP-dates name whole seconds from 1970 to 9999.
        (0..=253_402_300_799u64).prop_map(|seconds| Some(RetryAfter::At(
            SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)
        ))),
    ]
}

fn material() -> impl Strategy<Value = Material> {
    (
        message(),
        vec(value(), 2),
        // The most extra fields of a bundled spec: problem details' three.
        vec(option::of(any::<String>()), 3),
        any::<String>(),
        100..=599u16,
        vec(item(), 0..4),
        any::<bool>(),
        any::<bool>(),
        retry_after(),
    )
        .prop_map(
            |(message, values, fields, code, status, items, matching, by_unknown, retry_after)| {
                Material {
                    message,
                    values,
                    fields,
                    code,
                    status,
                    items,
                    matching,
                    by_unknown,
                    retry_after,
                }
            },
        )
}

/// The model of a bundled spec, read once.
fn spec(name: &str) -> &'static Spec {
    static SPECS: OnceLock<Vec<(&'static str, Spec)>> = OnceLock::new();
    let specs = SPECS.get_or_init(|| {
        errspec_codegen::bundled::BUNDLED
            .iter()
            .map(|bundled| {
                let spec = errspec_codegen::check_spec(bundled.source).spec;
                (bundled.file_name, spec.expect("a valid spec"))
            })
            .collect()
    });
    specs
        .iter()
        .find(|(file_name, _)| file_name.trim_end_matches(".toml") == name)
        .map(|(_, spec)| spec)
        .expect("a bundled spec")
}

/// The message decoding gives an error whose body said none.
fn default_message(entry: Option<&ErrorEntry>, status: u16) -> String {
    match entry.and_then(|entry| entry.description.clone()) {
        Some(description) if !description.trim().is_empty() => description,
        _ => StatusCode::from_u16(status)
            .ok()
            .and_then(|status| status.canonical_reason())
            .map_or_else(|| format!("HTTP status {status}"), str::to_owned),
    }
}

/// The template's text with each parameter replaced by its value.
fn render(template: &Template, values: &[String]) -> String {
    let mut out = String::new();
    let mut chars = template.text.chars().peekable();
    let mut param = 0;
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                for skipped in chars.by_ref() {
                    if skipped == '}' {
                        break;
                    }
                }
                out.push_str(&values[param]);
                param += 1;
            }
            other => out.push(other),
        }
    }
    out
}

fn matches(template: &Template, message: &str) -> bool {
    let pieces: Vec<&str> = template.pieces.iter().map(String::as_str).collect();
    errspec::__private::matches_template(&pieces, message)
}

/// Whether matching splits `value` from the text after it where it ends: the text is looked
/// for from the value's second character on, and the first occurrence is taken.
fn splits_at_its_end(value: &str, next: &str) -> bool {
    let joined = format!("{value}{next}");
    let first = value.chars().next().map_or(0, char::len_utf8);
    joined[first..].find(next).map(|at| at + first) == Some(value.len())
}

/// A status in 100..=599 from `start` on that `taken` does not hold.
fn status_not_in(start: u16, table: &[(FallbackKey, usize)]) -> Option<u16> {
    (0..500)
        .map(|step| 100 + (start - 100 + step) % 500)
        .find(|status| chosen(table, *status).is_none())
}

/// The entry a fallback table chooses for `status`: by its key, else its class's, else
/// `default`'s.
fn chosen(table: &[(FallbackKey, usize)], status: u16) -> Option<usize> {
    FallbackKey::order(status)
        .iter()
        .find_map(|key| table.iter().find(|(mapped, _)| mapped == key))
        .map(|(_, index)| *index)
}

/// What the error of entry `index` (`Unknown` past the last entry) holds, made from `m`;
/// `None` when `m` cannot make one (a generated code happens to be documented, or a message
/// happens to match another template: vanishingly rare).
fn derive(spec: &Spec, index: usize, m: &Material) -> Option<Data> {
    // A blank code reads back as no code, so it cannot stand for an undocumented one either.
    let documented = |code: &str| {
        code.trim().is_empty()
            || spec
                .errors
                .iter()
                .any(|entry| entry.code.as_deref() == Some(code))
    };
    let Some(entry) = spec.errors.get(index) else {
        // Unknown: a status no fallback table maps to a variant, for its kind of body.
        let (code, status) = if m.by_unknown {
            if documented(&m.code) {
                return None;
            }
            (
                Some(m.code.clone()),
                status_not_in(m.status, &spec.fallback_unknown)?,
            )
        } else {
            (None, status_not_in(m.status, &spec.fallback_missing)?)
        };
        return Some(Data {
            variant: "Unknown".into(),
            message: m.message.clone(),
            code,
            status,
            fields: Vec::new(),
            params: Vec::new(),
            items: BatchItems::new(),
        });
    };
    let field_count = spec.envelope.fields.len();
    let statuses = |fallbacks: &[(FallbackKey, usize)]| -> Vec<u16> {
        (100..600)
            .filter(|status| chosen(fallbacks, *status) == Some(index))
            .collect()
    };
    let pick = |statuses: &[u16]| statuses[usize::from(m.status) % statuses.len()];
    let (code, status) = match &entry.code {
        Some(code) => (Some(code.clone()), m.status),
        None => {
            let missing = statuses(&spec.fallback_missing);
            let unknown = statuses(&spec.fallback_unknown);
            assert!(
                !missing.is_empty() || !unknown.is_empty(),
                "no fallback chooses {}",
                entry.variant
            );
            if (m.by_unknown || missing.is_empty()) && !unknown.is_empty() && !entry.empty_body {
                if documented(&m.code) {
                    return None;
                }
                (Some(m.code.clone()), pick(&unknown))
            } else {
                (None, pick(&missing))
            }
        }
    };
    if entry.empty_body {
        // Restricted: an empty body says nothing but its status.
        return Some(Data {
            variant: entry.variant.clone(),
            message: default_message(Some(entry), status),
            code: None,
            status,
            fields: vec![None; field_count],
            params: vec![None; entry.params().len()],
            items: BatchItems::new(),
        });
    }
    // Decoding tries the templates of the entries sharing the code in file order, then takes
    // the entry without a template (else the first) with its parameters `None`.
    let group: Vec<&ErrorEntry> = match &entry.code {
        Some(code) => spec.entries_with_code(code).collect(),
        None => vec![entry],
    };
    let catch_all = group
        .iter()
        .copied()
        .find(|other| other.template.is_none())
        .unwrap_or(group[0]);
    let is_catch_all = core::ptr::eq(catch_all, entry);
    let templates = || group.iter().filter_map(|other| other.template.as_ref());
    let earlier_templates = || {
        group
            .iter()
            .take_while(|other| !core::ptr::eq(**other, entry))
            .filter_map(|other| other.template.as_ref())
    };
    let (mut message, params) = match &entry.template {
        Some(template) if m.matching || !is_catch_all => {
            let values = &m.values[..template.params.len()];
            // Restricted: a parameter followed by more text must not contain that text.
            let last = values.len().saturating_sub(1);
            for (position, value) in values.iter().enumerate() {
                if position < last && !splits_at_its_end(value, &template.pieces[position + 1]) {
                    return None;
                }
            }
            let message = render(template, values);
            if earlier_templates().any(|earlier| matches(earlier, &message)) {
                return None;
            }
            (message, values.iter().cloned().map(Some).collect())
        }
        _ => {
            assert!(
                is_catch_all,
                "{} is chosen by its template only",
                entry.variant
            );
            // Restricted: a message some template matches decodes as that entry.
            if templates().any(|template| matches(template, &m.message)) {
                return None;
            }
            (m.message.clone(), vec![None; entry.params().len()])
        }
    };
    let items: BatchItems = if entry.batch {
        let batch = spec.envelope.batch.as_ref().expect("a batch envelope");
        m.items
            .iter()
            .map(|(id, ok, message)| BatchItem {
                // Restricted: a failed item's id is its key, which cannot be a reserved key.
                id: id
                    .as_deref()
                    .filter(|id| *ok || (*id != batch.id && *id != batch.message)),
                ok: *ok,
                message,
            })
            .collect()
    } else {
        BatchItems::new()
    };
    let items_take_the_message = spec.envelope.batch.as_ref().is_some_and(|batch| {
        Some(&batch.at) == spec.envelope.message.as_ref().map(|message| &message[0])
    });
    if !items.is_empty() && items_take_the_message {
        // Restricted: the items take the message's place.
        message = default_message(Some(entry), status);
    }
    Some(Data {
        variant: entry.variant.clone(),
        message,
        code,
        status,
        // Restricted: a field only nested errors read (problem details' `pointer`) is not
        // written on the error itself.
        fields: m.fields[..field_count]
            .iter()
            .zip(&spec.envelope.fields)
            .map(|(value, field)| value.clone().filter(|_| !field.pointers.is_empty()))
            .collect(),
        params,
        items,
    })
}

/// Builds the error of every variant from `materials` and checks that each round-trips.
fn round_trip<E: ApiError + Clone + PartialEq + core::fmt::Debug>(
    spec: &Spec,
    materials: &[Material],
    build: fn(&Data) -> E,
    decode_http: fn(&Response<Vec<u8>>) -> ErrorResponse<E>,
) -> Result<(), TestCaseError> {
    assert_eq!(materials.len(), spec.errors.len() + 1);
    let mut previous: Option<E> = None;
    for (index, m) in materials.iter().enumerate() {
        if index == spec.errors.len() && !has_unknown(spec) {
            // A `default` fallback names an entry for every status: nothing is `Unknown`.
            continue;
        }
        let data = derive(spec, index, m);
        prop_assume!(
            data.is_some(),
            "a generated value is documented or matches a template"
        );
        let data = data.unwrap_or_else(|| unreachable!());
        let error = build(&data);
        // The builder put every value where it belongs.
        prop_assert_eq!(error.variant_name(), data.variant.as_str());
        let details: Vec<Option<&str>> = error
            .details()
            .into_iter()
            .map(|(_, value)| value)
            .collect();
        let expected: Vec<Option<&str>> = data
            .fields
            .iter()
            .chain(&data.params)
            .map(Option::as_deref)
            .collect();
        prop_assert_eq!(details, expected);
        prop_assert_eq!(error.recovery().is_retry(), error.is_retryable());
        // `Clone` and `PartialEq` go through the variant's view: the clone is the same
        // variant, field for field (as `#[derive(Debug)]` shows it), and two errors are equal
        // exactly when they hold the same.
        let clone = error.clone();
        prop_assert_eq!(format!("{clone:?}"), format!("{error:?}"));
        prop_assert_eq!(&clone, &error);
        if let Some(previous) = previous.replace(clone) {
            prop_assert_eq!(
                previous == error,
                format!("{previous:?}") == format!("{error:?}")
            );
        }

        let mut response = ErrorResponse::from(error);
        if let Some(retry_after) = m.retry_after {
            response = response.with_retry_after(retry_after);
        }
        let http = response.to_http();
        prop_assert_eq!(http.status().as_u16(), data.status);
        prop_assert_eq!(http.body(), &response.first().to_body());
        let decoded = decode_http(&http);
        prop_assert_eq!(
            &decoded,
            &response,
            "body {:?}",
            String::from_utf8_lossy(http.body())
        );
    }
    Ok(())
}

/// Whether some error of `spec` decodes as `Unknown`: unless both fallback tables have a
/// `default`.
fn has_unknown(spec: &Spec) -> bool {
    let defaulted =
        |table: &[(FallbackKey, usize)]| table.iter().any(|(key, _)| *key == FallbackKey::Default);
    !(defaulted(&spec.fallback_missing) && defaulted(&spec.fallback_unknown))
}

/// Fails unless `variant` is `Unknown`: every variant of a spec must have a builder.
fn unknown<E>(data: &Data, make: fn(Option<String>, String, u16) -> E) -> E {
    assert_eq!(
        data.variant, "Unknown",
        "the test builds no {} yet",
        data.variant
    );
    make(data.code.clone(), data.message.clone(), data.status)
}

fn itsm_ng(d: &Data) -> ItsmNgError {
    let name = d.variant.as_str();
    macro_rules! plain {
        ($($variant:ident)*) => {$(
            if name == stringify!($variant) {
                return ItsmNgError::$variant { message: d.message.clone(), status: d.status };
            }
        )*};
    }
    macro_rules! batch {
        ($($variant:ident)*) => {$(
            if name == stringify!($variant) {
                return ItsmNgError::$variant { message: d.message.clone(), items: d.items.clone(), status: d.status };
            }
        )*};
    }
    plain!(Generic ItemtypeNotFoundNorCommondbtm LoginParametersMissing LoginWithCredentialsDisabled
        GlpiLoginUserToken GlpiLogin SessionTokenMissing SessionTokenInvalid AppTokenParametersMissing
        WrongAppTokenParameter NotAllowedIp RightMissing ItemNotFound ResourceNotFoundNorCommondbtm
        ResourceMissing MethodNotAllowed BadArray JsonPayloadForbidden JsonPayloadInvalid NotDeleted Sql
        RangeExceedTotal UploadFileTooBigPostMaxSize);
    batch!(GlpiAdd GlpiPartialAdd GlpiUpdate GlpiPartialUpdate GlpiDelete GlpiPartialDelete);
    if name == "PartialFailure" {
        return ItsmNgError::PartialFailure {
            message: d.message.clone(),
            code: d.code.clone(),
            items: d.items.clone(),
            status: d.status,
        };
    }
    unknown(d, |code, message, status| ItsmNgError::Unknown {
        code,
        message,
        status,
    })
}

fn igel_imi(d: &Data) -> IgelImiError {
    let name = d.variant.as_str();
    macro_rules! plain {
        ($($variant:ident)*) => {$(
            if name == stringify!($variant) {
                return IgelImiError::$variant { message: d.message.clone(), stack_trace: d.field(0), status: d.status };
            }
        )*};
    }
    macro_rules! with_id {
        ($($variant:ident)*) => {$(
            if name == stringify!($variant) {
                return IgelImiError::$variant { message: d.message.clone(), stack_trace: d.field(0), id: d.param(0), status: d.status };
            }
        )*};
    }
    plain!(InvalidRequestBody NoMacDefined NoFirmwareDefined NumberFormatError IdListEmpty NoValidProperty
        InvalidMacLength TargetDirectoryInRecyclingBin ThinClientInRecyclingBin InvalidAssignmentReceiver
        NoHandlerMapped InvalidAssignment ProfileInRecyclingBin DirectoryHasDefaultDirectoryRule
        InvalidThinClientName NoAuthenticationHeader InvalidLoginCredentials NoSessionId AccessDenied
        NoValidApiVersion NoUserInSession LicenseRequired InvalidImiVersion InternalError DatabaseError
        CacheError ServerNotAvailable ObjectMappingError InvalidObjectType);
    with_id!(ThinClientNotFound TargetDirectoryNotFound DirectoryNotEmpty FirmwareNotFound ParentNotFound SessionNotFound);
    let (message, stack_trace, status) = (d.message.clone(), d.field(0), d.status);
    match name {
        "InvalidCommand" => IgelImiError::InvalidCommand {
            message,
            stack_trace,
            command: d.param(0),
            status,
        },
        "CouldNotReadJson" => IgelImiError::CouldNotReadJson {
            message,
            stack_trace,
            details: d.param(0),
            status,
        },
        "DuplicateKey" => IgelImiError::DuplicateKey {
            message,
            stack_trace,
            details: d.param(0),
            value: d.param(1),
            status,
        },
        "MethodNotSupported" => IgelImiError::MethodNotSupported {
            message,
            stack_trace,
            method: d.param(0),
            status,
        },
        _ => unknown(d, |code, message, status| IgelImiError::Unknown {
            code,
            message,
            status,
        }),
    }
}

fn itcare(d: &Data) -> ItcareError {
    let name = d.variant.as_str();
    macro_rules! by_status {
        ($($variant:ident)*) => {$(
            if name == stringify!($variant) {
                return ItcareError::$variant { message: d.message.clone(), code: d.code.clone(), error_desc: d.field(0), status: d.status };
            }
        )*};
    }
    by_status!(BadQuery Unauthenticated Unauthorized NotFound Conflict InconsistentData FatalApiError ServiceUnavailable);
    if name == "InvalidFieldValue" {
        return ItcareError::InvalidFieldValue {
            message: d.message.clone(),
            error_desc: d.field(0),
            field: d.param(0),
            status: d.status,
        };
    }
    unknown(d, |code, message, status| ItcareError::Unknown {
        code,
        message,
        status,
    })
}

fn telecomx(d: &Data) -> TelecomXError {
    let name = d.variant.as_str();
    macro_rules! coded {
        ($($variant:ident)*) => {$(
            if name == stringify!($variant) {
                return TelecomXError::$variant { message: d.message.clone(), path: d.field(0), check: d.field(1), status: d.status };
            }
        )*};
    }
    macro_rules! by_status {
        ($($variant:ident)*) => {$(
            if name == stringify!($variant) {
                return TelecomXError::$variant { message: d.message.clone(), code: d.code.clone(), path: d.field(0), check: d.field(1), status: d.status };
            }
        )*};
    }
    coded!(Expired CredentialsInvalid FormatError TokenUndecipherable TokenIpMismatch LoginRequired InvalidToken
        BadRequest AccessDenied NotFound InternalError Multiple);
    by_status!(PropertyBadRequest Unauthorized PropertyForbidden PropertyNotFound PropertyConflict PropertyInvalid ServerError);
    unknown(d, |code, message, status| TelecomXError::Unknown {
        code,
        message,
        status,
    })
}

fn netilion(d: &Data) -> NetilionError {
    let name = d.variant.as_str();
    macro_rules! coded {
        ($($variant:ident)*) => {$(
            if name == stringify!($variant) {
                return NetilionError::$variant { message: d.message.clone(), attribute: d.field(0), status: d.status };
            }
        )*};
    }
    macro_rules! by_status {
        ($($variant:ident)*) => {$(
            if name == stringify!($variant) {
                return NetilionError::$variant { message: d.message.clone(), code: d.code.clone(), attribute: d.field(0), status: d.status };
            }
        )*};
    }
    coded!(AccessDenied ApiLockout Assigned AssignedRestriction AssociationBlank AssociationNotFound
        AssociationsNotFound AssociationsAlreadyAdded AssociationTenantConflict AssociationConflict Blank
        BooleanFormat DateFormat DateRange DateTimeFormat DateYearMonthFormat GreaterThan IdFormat
        InternalServerError Invalid InvalidInput InvalidEnumValue KeyFormat Lockout LessThan MissingHeader
        MissingParameter NotANumber NotUniqueInScope NumberFormat ParameterMissing Parent Present
        QuotaExceeded SpecificationNotFound SpecificationsNotFound Taken TenantOnChild TooLong TooShort
        Unconfirmed WrongFormat WrongLength ServiceUnavailable InvalidApiKey InvalidAuthType Unauthorized
        ExpiredApiKey ReadOnly Immutable AttachmentsLimitExceeded NotFoundNoPermission NoOwner
        WriteProtectedAttribute TooManyRequests);
    by_status!(UnsupportedMediaType Throttled);
    unknown(d, |code, message, status| NetilionError::Unknown {
        code,
        message,
        status,
    })
}

fn problem(d: &Data) -> ProblemError {
    let name = d.variant.as_str();
    macro_rules! coded {
        ($($variant:ident)*) => {$(
            if name == stringify!($variant) {
                return ProblemError::$variant { message: d.message.clone(), instance: d.field(0), title: d.field(1), pointer: d.field(2), status: d.status };
            }
        )*};
    }
    macro_rules! by_status {
        ($($variant:ident)*) => {$(
            if name == stringify!($variant) {
                return ProblemError::$variant { message: d.message.clone(), code: d.code.clone(), instance: d.field(0), title: d.field(1), pointer: d.field(2), status: d.status };
            }
        )*};
    }
    if name == "OutOfCredit" {
        return ProblemError::OutOfCredit {
            message: d.message.clone(),
            instance: d.field(0),
            title: d.field(1),
            pointer: d.field(2),
            balance: d.param(0),
            cost: d.param(1),
            status: d.status,
        };
    }
    coded!(OutOfCreditOther ValidationError Blank);
    by_status!(BadRequest Unauthorized Forbidden NotFound Conflict UnprocessableContent TooManyRequests
        ClientError ServerError Problem);
    unknown(d, |code, message, status| ProblemError::Unknown {
        code,
        message,
        status,
    })
}

/// One material per variant of `spec`, plus one for `Unknown`.
fn materials(spec: &str) -> impl Strategy<Value = Vec<Material>> {
    let count = self::spec(spec).errors.len() + 1;
    vec(material(), count)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn itsm_ng_round_trips(materials in materials("itsm-ng")) {
        round_trip(spec("itsm-ng"), &materials, itsm_ng, ItsmNgError::decode_http)?;
    }

    #[test]
    fn igel_imi_round_trips(materials in materials("igel-imi")) {
        round_trip(spec("igel-imi"), &materials, igel_imi, IgelImiError::decode_http)?;
    }

    #[test]
    fn itcare_round_trips(materials in materials("itcare")) {
        round_trip(spec("itcare"), &materials, itcare, ItcareError::decode_http)?;
    }

    #[test]
    fn telecomx_round_trips(materials in materials("telecomx")) {
        round_trip(spec("telecomx"), &materials, telecomx, TelecomXError::decode_http)?;
    }

    #[test]
    fn netilion_round_trips(materials in materials("netilion")) {
        round_trip(spec("netilion"), &materials, netilion, NetilionError::decode_http)?;
    }

    #[test]
    fn problem_round_trips(materials in materials("problem")) {
        round_trip(spec("problem"), &materials, problem, ProblemError::decode_http)?;
    }

    /// Several errors: Netilion's `errors` array (the errors share the response's status,
    /// which its bodies do not repeat) and Telecom X's `multiple` wrapper (each inner error
    /// keeps its own status), from consecutive variants starting at `first`.
    #[test]
    fn several_errors_round_trip(
        netilion_materials in vec(material(), 2..6),
        telecomx_materials in vec(material(), 2..6),
        first in 0..64usize,
        status in 100..=599u16,
    ) {
        let spec = self::spec("netilion");
        // Coded entries only: a status-only one is chosen by a status of its own.
        let coded: Vec<usize> = (0..spec.errors.len()).filter(|index| spec.errors[*index].code.is_some()).collect();
        let errors: Vec<NetilionError> = netilion_materials
            .iter()
            .enumerate()
            .filter_map(|(offset, m)| {
                let index = coded[(first + offset) % coded.len()];
                derive(spec, index, &Material { status, ..m.clone() })
            })
            .map(|data| netilion(&data))
            .collect();
        prop_assume!(errors.len() >= 2);
        let response = ErrorResponse::from_errors(status, errors).unwrap();
        prop_assert_eq!(NetilionError::decode_http(&response.to_http()), response);

        let spec = self::spec("telecomx");
        let errors: Vec<TelecomXError> = telecomx_materials
            .iter()
            .enumerate()
            .filter_map(|(offset, m)| derive(spec, (first + offset) % (spec.errors.len() + 1), m))
            .map(|data| telecomx(&data))
            .collect();
        prop_assume!(errors.len() >= 2);
        let response = ErrorResponse::from_errors(status, errors).unwrap();
        prop_assert_eq!(TelecomXError::decode_http(&response.to_http()), response);
    }
}

#[test]
fn every_variant_of_every_bundled_spec_has_a_builder() {
    let m = Material {
        message: "m".into(),
        values: vec!["a".into(), "b".into()],
        fields: vec![None, None, None],
        code: "undocumented".into(),
        status: 400,
        items: Vec::new(),
        matching: true,
        by_unknown: false,
        retry_after: None,
    };
    let check = |name: &str, build: &dyn Fn(&Data) -> String| {
        let spec = spec(name);
        let last = spec.errors.len() - usize::from(!has_unknown(spec));
        for index in 0..=last {
            let data = derive(spec, index, &m).expect("plain values make every variant");
            assert_eq!(build(&data), data.variant, "{name}");
        }
    };
    check("itsm-ng", &|d| itsm_ng(d).variant_name().to_owned());
    check("igel-imi", &|d| igel_imi(d).variant_name().to_owned());
    check("itcare", &|d| itcare(d).variant_name().to_owned());
    check("telecomx", &|d| telecomx(d).variant_name().to_owned());
    check("netilion", &|d| netilion(d).variant_name().to_owned());
    check("problem", &|d| problem(d).variant_name().to_owned());
}
