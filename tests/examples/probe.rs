use errspec_tests::harness::VENDORS;
fn main() {
    for body in [
        "null","false","true","0","-1","3.25","1e308","404",r#""a bare string""#,r#""Internal Server Error""#,"[]","{}","[[]]","[null]","[null, null]",r#"{"": ""}"#,r#"{"error": null}"#,r#"{"error": "oops"}"#,r#"{"error": []}"#,r#"{"errors": null}"#,r#"{"errors": "oops"}"#,r#"{"errors": []}"#,r#"{"errors": [1, "a", null, true, [], {}]}"#,r#"{"errorCode": null}"#,r#"{"type": "taken"}"#,r#"{"code": "not_found"}"#,r#"{"data": {"id": 1}}"#,
    ] {
        for vendor in VENDORS {
            for status in [400u16, 404, 600] {
                let d = vendor.decode(status, body.as_bytes());
                let (v, c) = vendor.by_status(status);
                if d.errors.len() != 1 || d.errors[0].variant != v || d.errors[0].code != c {
                    println!("{vendor:?} {status} {body}: {:?}", d.errors.iter().map(|e| (e.variant, e.code.clone(), e.message.clone())).collect::<Vec<_>>());
                }
            }
        }
    }
}
