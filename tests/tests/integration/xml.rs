//! XML bodies (`format = "xml"`): Amazon S3's `<Error>` documents (`tests/specs/s3.toml`) and
//! SOAP 1.1 and 1.2 faults (`tests/specs/soap.toml`), read in one streaming pass; bodies as
//! the S3 API reference and the SOAP specifications show them.

pub(crate) mod s3 {
    errspec::errors_from_spec!("specs/s3.toml");
}

mod soap {
    errspec::errors_from_spec!("specs/soap.toml");
}

use errspec::http::{HeaderMap, StatusCode};
use errspec::Kind;
use s3::S3Error;
use soap::SoapError;

fn only<E: core::fmt::Debug>(response: errspec::ErrorResponse<E>) -> E {
    let mut errors = response.into_errors();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.remove(0)
}

const NO_SUCH_KEY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>NoSuchKey</Code>
  <Message>The resource you requested does not exist</Message>
  <Resource>/mybucket/myfoto.jpg</Resource>
  <RequestId>4442587FB7D0A2F9</RequestId>
</Error>"#;

#[test]
fn an_s3_error_document_decodes_with_its_fields() {
    match only(S3Error::decode(404, NO_SUCH_KEY.as_bytes())) {
        S3Error::NoSuchKey {
            message,
            resource,
            request_id,
            key,
            ..
        } => {
            assert_eq!(message, "The resource you requested does not exist");
            assert_eq!(resource.as_deref(), Some("/mybucket/myfoto.jpg"));
            assert_eq!(request_id.as_deref(), Some("4442587FB7D0A2F9"));
            assert_eq!(key, None);
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn entities_cdata_and_element_order_do_not_matter() {
    let body = "<Error><Message><![CDATA[Your <b>key</b>]]> &amp; &#x41;&#66;&quot;</Message><BucketName>logs</BucketName><Code>NoSuchBucket</Code></Error>";
    match only(S3Error::decode(404, body.as_bytes())) {
        S3Error::NoSuchBucket {
            message,
            bucket_name,
            ..
        } => {
            assert_eq!(message, "Your <b>key</b> & AB\"");
            assert_eq!(bucket_name.as_deref(), Some("logs"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn s3_throttling_and_signature_errors_are_typed() {
    let body = "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>A1B2</RequestId><HostId>h0st</HostId></Error>";
    let error = only(S3Error::decode(503, body.as_bytes()));
    assert!(matches!(error, S3Error::SlowDown { .. }));
    assert_eq!(error.kind(), Kind::RateLimited);
    assert!(error.is_retryable());
    let body = "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20240101T000000Z</StringToSign></Error>";
    assert_eq!(
        only(S3Error::decode(403, body.as_bytes())).kind(),
        Kind::Unauthenticated
    );
}

#[test]
fn an_undocumented_code_keeps_its_code() {
    let body = "<Error><Code>InvalidObjectState</Code><Message>The operation is not valid for the object's storage class</Message></Error>";
    match only(S3Error::decode(403, body.as_bytes())) {
        S3Error::Other { code, .. } => assert_eq!(code.as_deref(), Some("InvalidObjectState")),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn no_body_html_and_broken_xml_fall_back_by_status() {
    // A HEAD request: no body, the request id in a header.
    let mut headers = HeaderMap::new();
    headers.insert("x-amz-request-id", "4442587FB7D0A2F9".parse().unwrap());
    let response = S3Error::decode_parts(StatusCode::NOT_FOUND, &headers, b"");
    assert!(matches!(response.first(), S3Error::NotFound { .. }));
    assert_eq!(response.request_id(), Some("4442587FB7D0A2F9"));
    for body in [
        &b"<html><body><h1>503 Service Unavailable</h1></body></html>"[..],
        b"{\"Code\": \"NoSuchKey\"}",
        b"<Error><Code>NoSuchKey</Code><Message>cut here",
        b"<Error><Code>NoSuch\xffKey</Co",
        b"<<<>>>",
    ] {
        let response = S3Error::decode(404, body);
        assert!(
            matches!(response.first(), S3Error::NotFound { .. }),
            "{body:?}"
        );
    }
    // Invalid UTF-8 inside a completed error is read as U+FFFD.
    let error = only(S3Error::decode(
        404,
        b"<Error><Code>NoSuchKey</Code><Message>bad \xff byte</Message></Error>",
    ));
    assert_eq!(error.message(), "bad \u{FFFD} byte");
}

#[test]
fn deep_nesting_is_bounded() {
    let mut body = "<a>".repeat(100_000);
    body.push_str(&"</a>".repeat(100_000));
    assert!(matches!(
        S3Error::decode(500, body.as_bytes()).first(),
        S3Error::Other { .. }
    ));
    let mut inside = String::from("<Error><Code>NoSuchKey</Code>");
    inside.push_str(&"<x>".repeat(10_000));
    assert!(matches!(
        S3Error::decode(404, inside.as_bytes()).first(),
        S3Error::NotFound { .. }
    ));
}

#[test]
fn s3_errors_round_trip_through_to_http() {
    let response = S3Error::decode(404, NO_SUCH_KEY.as_bytes());
    let http = response.to_http();
    assert_eq!(http.headers()["content-type"], "application/xml");
    let body = String::from_utf8(http.body().clone()).expect("UTF-8");
    assert!(
        body.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
        ),
        "{body}"
    );
    assert_eq!(S3Error::decode_http(&http).errors(), response.errors());
    // Text that needs escaping is escaped.
    let error = only(S3Error::decode(
        400,
        b"<Error><Code>InvalidArgument</Code><Message>a &lt;b&gt; &amp; c</Message></Error>",
    ));
    assert!(String::from_utf8(error.to_body())
        .unwrap()
        .contains("a &lt;b&gt; &amp; c"));
    assert_eq!(only(S3Error::decode(400, &error.to_body())), error);
}

#[test]
fn a_soap_1_1_fault_reads_the_service_code_before_the_fault_code() {
    let body = r#"<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <soap:Fault>
      <faultcode>soap:Client</faultcode>
      <faultstring>Invalid credentials</faultstring>
      <faultactor>https://api.example.com/auth</faultactor>
      <detail><errorcode>AUTH_001</errorcode></detail>
    </soap:Fault>
  </soap:Body>
</soap:Envelope>"#;
    match only(SoapError::decode(500, body.as_bytes())) {
        SoapError::InvalidCredentials { message, actor, .. } => {
            assert_eq!(message, "Invalid credentials");
            assert_eq!(actor.as_deref(), Some("https://api.example.com/auth"));
        }
        other => panic!("unexpected {other:?}"),
    }
    // Without a detail, the fault code, its prefix cut.
    let body = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>Database unavailable</faultstring></s:Fault></s:Body></s:Envelope>"#;
    let error = only(SoapError::decode(500, body.as_bytes()));
    assert!(matches!(error, SoapError::ServerFault { .. }));
    assert!(error.is_retryable());
}

#[test]
fn a_soap_1_2_fault_reads_the_most_specific_code_documented() {
    let body = r#"<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:m="http://www.example.org/timeouts">
 <env:Body>
  <env:Fault>
   <env:Code>
     <env:Value>env:Sender</env:Value>
     <env:Subcode><env:Value>m:MessageTimeout</env:Value></env:Subcode>
   </env:Code>
   <env:Reason><env:Text xml:lang="en">Sender Timeout</env:Text></env:Reason>
  </env:Fault>
 </env:Body>
</env:Envelope>"#;
    // The subcode is not documented: the code is the most specific the spec knows, and the
    // subcode stays a field.
    match only(SoapError::decode(400, body.as_bytes())) {
        SoapError::SenderFault {
            message, subcode, ..
        } => {
            assert_eq!(message, "Sender Timeout");
            assert_eq!(subcode.as_deref(), Some("m:MessageTimeout"));
        }
        other => panic!("unexpected {other:?}"),
    }
    // Neither documented: the fallback keeps the most specific code sent.
    let unknown = body.replace("env:Sender", "env:Elsewhere");
    match only(SoapError::decode(400, unknown.as_bytes())) {
        SoapError::Fault { code, .. } => assert_eq!(code.as_deref(), Some("MessageTimeout")),
        other => panic!("unexpected {other:?}"),
    }
    let without_subcode = body.replace(
        "<env:Subcode><env:Value>m:MessageTimeout</env:Value></env:Subcode>",
        "",
    );
    assert!(matches!(
        only(SoapError::decode(400, without_subcode.as_bytes())),
        SoapError::SenderFault { .. }
    ));
}
