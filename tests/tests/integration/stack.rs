//! Decoding needs little stack: with every bundled spec, real bodies and hostile ones (deep
//! nesting, many errors, long strings) decode on a thread of 256 KiB, a quarter of what a
//! small async runtime's worker gets, in the test profile (unoptimized, where frames are
//! largest).

use errspec_tests::harness::{Vendor, VENDORS};

const STACK: usize = 256 * 1024;

/// Bodies every spec must survive, whatever its envelope.
fn hostile_bodies() -> Vec<Vec<u8>> {
    let deep_arrays = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_objects = format!("{}1{}", r#"{"error":"#.repeat(50_000), "}".repeat(50_000));
    let deep_inner = format!(
        "{}{}",
        r#"{"error": {"code": "multiple", "inner": ["#.repeat(10_000),
        "]}}".repeat(10_000)
    );
    let many = format!(
        r#"{{"errors": [{}]}}"#,
        vec![r#"{"type": "taken", "message": "m"}"#; 10_000].join(",")
    );
    let long = format!(r#"["ERROR", "{}"]"#, "x".repeat(1 << 20));
    vec![
        deep_arrays.into_bytes(),
        deep_objects.into_bytes(),
        deep_inner.into_bytes(),
        many.into_bytes(),
        long.into_bytes(),
        b"<html><body>502 Bad Gateway</body></html>".to_vec(),
        Vec::new(),
    ]
}

/// Real bodies of each vendor, as the seeds and vendor notes show them.
const REAL: &[&[u8]] = &[
    br#"["ERROR_GLPI_PARTIAL_ADD", [{"id": 8, "message": ""}, {"id": false, "message": "No permission."}]]"#,
    br#"{"message": "Thin client with ID 42 not found.", "errorCode": "ITG-0A001", "stackTrace": "at com.igel..."}"#,
    br#"{"status":"BAD_REQUEST","errorCode":"INVALID_FIELD_VALUE","errorDesc":"name","errorMessage":"Error on field 'name'"}"#,
    br#"{"error": {"code": "multiple", "message": "Several", "status": 422, "inner": [{"code": "customer", "message": "Not found", "status": 404}]}}"#,
    br#"{"errors": [{"type": "taken", "message": "has already been taken", "attribute": "serial_number"}]}"#,
    br#"{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}],"status":"422"}"#,
    br#"{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{"summary":"You must specify a summary of the issue."}}"#,
    br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","status":403}"#,
];

#[test]
fn every_bundled_spec_decodes_on_a_256_kib_stack() {
    let bodies: Vec<Vec<u8>> = REAL
        .iter()
        .map(|body| body.to_vec())
        .chain(hostile_bodies())
        .collect();
    let count = bodies.len();
    let decoded = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let mut decoded = Vec::new();
            for body in &bodies {
                for status in [207, 400, 404, 422, 429, 503] {
                    for vendor in VENDORS {
                        let errors = vendor.decode(status, body).errors.len();
                        decoded.push((vendor, errors));
                    }
                }
            }
            decoded
        })
        .expect("a thread with a small stack")
        .join()
        .expect("decoding fits in 256 KiB of stack");
    // Every decode yields at least one error (the harness checks it); the body of 10,000
    // errors under `errors` yields them all with each spec that reads errors there.
    assert_eq!(decoded.len(), count * 6 * VENDORS.len());
    // Netilion's errors are the array; GitHub's are nested there. Jira's and the problem
    // details' nested errors there read nothing of these objects (Jira reads strings, problem
    // details `detail` or `title`), and the first stands for them all: Jira's most is its
    // real body's two. The others read one error.
    let reads_the_array = [Vendor::Netilion, Vendor::GitHub];
    for vendor in VENDORS {
        let most = decoded
            .iter()
            .filter(|(decoded_by, _)| *decoded_by == vendor)
            .map(|(_, errors)| *errors)
            .max();
        let expected = if reads_the_array.contains(&vendor) {
            10_000
        } else if vendor == Vendor::Jira {
            2
        } else {
            1
        };
        assert_eq!(most, Some(expected), "{vendor:?}");
    }
}
