//! The `tracing` feature: one event per decoded response, with what it was and never what its
//! body said, seen by a subscriber of tracing-subscriber. The responses come from the mock
//! server on 127.0.0.1, read with reqwest.

use crate::mock_server;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use errspec_tests::github::GitHubError;
use errspec_tests::netilion::NetilionError;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::Layer;

/// One event as recorded: its target, level and fields, each written as text.
#[derive(Debug, Clone, PartialEq)]
struct Recorded {
    target: String,
    level: Level,
    fields: BTreeMap<String, String>,
}

/// A layer that keeps every event of errspec (hyper and reqwest have their own).
#[derive(Clone, Default)]
struct Keep(Arc<Mutex<Vec<Recorded>>>);

impl<S: Subscriber> Layer<S> for Keep {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        if !event.metadata().target().starts_with("errspec") {
            return;
        }
        struct Fields<'a>(&'a mut BTreeMap<String, String>);
        impl Visit for Fields<'_> {
            fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
                self.0.insert(field.name().into(), format!("{value:?}"));
            }
            fn record_str(&mut self, field: &Field, value: &str) {
                self.0.insert(field.name().into(), value.into());
            }
        }
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        self.0.lock().unwrap().push(Recorded {
            target: event.metadata().target().into(),
            level: *event.metadata().level(),
            fields,
        });
    }
}

async fn fetch(path: &str) -> reqwest::Response {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("a free loopback port");
    let address = listener.local_addr().expect("the bound address");
    tokio::spawn(mock_server::serve(listener));
    reqwest::get(format!("http://{address}{path}"))
        .await
        .expect("the mock server answers")
}

fn fields(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

/// The variable that tells a run of this binary it is the child of [`in_a_process_of_its_own`].
const CHILD: &str = "ERRSPEC_TRACING_CHILD";

/// Runs `name`, a test of this module, in a process of its own (this test binary, run again
/// for that test alone) unless this process is that one; true in the child. tracing caches
/// each callsite's interest for the whole process: another test decoding on another thread
/// while this one installs its subscriber can leave errspec's callsite disabled for it.
fn in_a_process_of_its_own(name: &str) -> bool {
    if std::env::var_os(CHILD).is_some() {
        return true;
    }
    let output = std::process::Command::new(std::env::current_exe().expect("this test binary"))
        .args(["--exact", &format!("tracing::{name}"), "--test-threads=1"])
        .env(CHILD, "1")
        .output()
        .expect("the test binary runs");
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && printed.contains("1 passed"),
        "{printed}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    false
}

#[test]
fn each_decoded_response_is_one_event_without_the_body() {
    if in_a_process_of_its_own("each_decoded_response_is_one_event_without_the_body") {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime")
            .block_on(one_event_per_response_without_the_body());
    }
}

async fn one_event_per_response_without_the_body() {
    let kept = Keep::default();
    let _guard =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(kept.clone()));

    let response = GitHubError::from_reqwest(fetch("/github/rate-limited").await).await;
    let wait = response
        .retry_after_at(SystemTime::now())
        .expect("the reset header says when");
    let response = NetilionError::from_reqwest(fetch("/netilion/validation").await).await;
    assert_eq!(response.errors().len(), 2);

    let events = kept.0.lock().unwrap().clone();
    assert_eq!(events.len(), 2, "{events:#?}");
    let github = &events[0];
    assert_eq!(github.target, "errspec");
    assert_eq!(github.level, Level::DEBUG);
    // The wait was computed a moment apart: the event's is within a second of the test's.
    let logged_wait: u128 = github.fields["retry_after_ms"].parse().unwrap();
    assert!(
        logged_wait.abs_diff(wait.as_millis()) < 1000,
        "{logged_wait} {wait:?}"
    );
    let mut github_fields = github.fields.clone();
    github_fields.remove("retry_after_ms");
    assert_eq!(
        github_fields,
        fields(&[
            ("message", "decoded an error response"),
            ("api", "GitHub"),
            ("status", "403"),
            ("variant", "RateLimitExceeded"),
            ("kind", "rate_limited"),
            ("retryable", "true"),
            ("errors", "1"),
            ("request_id", "CA1B:2F3D:1C2E4A:1E3B9C:6566F7B2"),
        ])
    );
    assert_eq!(
        events[1].fields,
        fields(&[
            ("message", "decoded an error response"),
            ("api", "Netilion"),
            ("status", "400"),
            ("code", "taken"),
            ("variant", "Taken"),
            ("kind", "bad_request"),
            ("retryable", "false"),
            ("errors", "2"),
        ])
    );
    // Nothing of what the messages said (an address, a field name) is in the events.
    let text = format!("{events:?}");
    assert!(
        !text.contains("203.0.113.7") && !text.contains("serial_number"),
        "{text}"
    );
}
