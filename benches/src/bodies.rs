//! Realistic error bodies per vendor: the seed pages' examples and what servers send.

/// A named response: status and body.
pub struct Sample {
    /// What the body is.
    pub name: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// The body.
    pub body: &'static [u8],
}

/// ITSM-NG bodies: `[CODE, MESSAGE]`.
pub const ITSM_NG: &[Sample] = &[
    Sample {
        name: "session token missing",
        status: 400,
        body: br#"["ERROR_SESSION_TOKEN_MISSING","parameter session_token is missing or empty; view documentation in your browser at http://itsm.example.com/apirest.php/#ERROR_SESSION_TOKEN_MISSING"]"#,
    },
    Sample {
        name: "item not found",
        status: 404,
        body: br#"["ERROR_ITEM_NOT_FOUND","Element introuvable"]"#,
    },
    Sample {
        name: "right missing",
        status: 403,
        body: br#"["ERROR_RIGHT_MISSING","You don't have permission to perform this action."]"#,
    },
];

/// IGEL IMI bodies: `{"message", "errorCode", "stackTrace"}`.
pub const IGEL_IMI: &[Sample] = &[
    Sample {
        name: "method not supported",
        status: 405,
        body: br#"{"message":"Request method 'GET' not supported","errorCode":"ITG-0A011","stackTrace":"[org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver.doResolveHandlerMethodException(ExceptionHandlerExceptionResolver.java:403), org.springframework.web.servlet.handler.AbstractHandlerMethodExceptionResolver.doResolveException(AbstractHandlerMethodExceptionResolver.java:61)]"}"#,
    },
    Sample {
        name: "thin client not found",
        status: 404,
        body: br#"{"message":"Thin client with ID 42 not found.","errorCode":"ITG-0A001","stackTrace":"[com.igel.imi.ThinClientService.get(ThinClientService.java:88)]"}"#,
    },
];

/// ITCare bodies.
pub const ITCARE: &[Sample] = &[Sample {
    name: "invalid field value",
    status: 400,
    body: br#"{"status":"BAD_REQUEST","errorCode":"INVALID_FIELD_VALUE","errorDesc":"name","errorMessage":"Error on field 'name'"}"#,
}];

/// Telecom X bodies: `{"error": {...}}`.
pub const TELECOMX: &[Sample] = &[
    Sample {
        name: "property not found",
        status: 404,
        body: br#"{"error":{"message":"MVNO account not found","code":"mvnoAccount","status":404}}"#,
    },
    Sample {
        name: "invalid token",
        status: 401,
        body: br#"{"error":{"message":"IP address not authenticated","code":"invalid_token","status":401}}"#,
    },
    Sample {
        name: "multiple",
        status: 422,
        body: br#"{"error":{"code":"multiple","status":422,"inner":[{"message":"User not found","code":"userId","status":404},{"message":"Invalid street","code":"address.street","status":422},{"message":"Zip is missing","code":"address.zip","status":404}]}}"#,
    },
];

/// Netilion bodies: `{"errors": [...]}`.
pub const NETILION: &[Sample] = &[
    Sample {
        name: "taken",
        status: 409,
        body: br#"{"errors":[{"type":"taken","message":"has already been taken","attribute":"serial_number"}]}"#,
    },
    Sample {
        name: "two errors",
        status: 400,
        body: br#"{"errors":[{"type":"blank","message":"can't be blank","attribute":"name"},{"type":"too_long","message":"is too long (maximum is 255 characters)","attribute":"description"}]}"#,
    },
    Sample {
        name: "too many requests",
        status: 429,
        body: br#"{"errors":[{"type":"too_many_requests","message":"Too many requests, retry after the next minute"}]}"#,
    },
];

/// GitHub bodies: a message, and errors nested in a validation failure.
pub const GITHUB: &[Sample] = &[
    Sample {
        name: "not found",
        status: 404,
        body: br#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest/repos/repos#get-a-repository","status":"404"}"#,
    },
    Sample {
        name: "validation failed",
        status: 422,
        body: br#"{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"},{"resource":"Label","field":"name","code":"already_exists"}],"documentation_url":"https://docs.github.com/rest/issues/issues#create-an-issue","status":"422"}"#,
    },
    Sample {
        name: "rate limited",
        status: 403,
        body: br#"{"message":"API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}"#,
    },
];

/// Jira bodies: `{"errorMessages": [...], "errors": {field: message}}`.
pub const JIRA: &[Sample] = &[
    Sample {
        name: "issue not found",
        status: 404,
        body: br#"{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}"#,
    },
    Sample {
        name: "field errors",
        status: 400,
        body: br#"{"errorMessages":[],"errors":{"summary":"You must specify a summary of the issue.","customfield_10011":"Field 'customfield_10011' cannot be set. It is not on the appropriate screen, or unknown."}}"#,
    },
];

/// RFC 9457 problem details.
pub const PROBLEM: &[Sample] = &[
    Sample {
        name: "out of credit",
        status: 403,
        body: br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30}"#,
    },
    Sample {
        name: "validation error",
        status: 422,
        body: br##"{"type":"https://example.net/validation-error","title":"Your request is not valid.","status":422,"errors":[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"must be 'green', 'red' or 'blue'","pointer":"#/profile/color"}]}"##,
    },
];

/// Microsoft Graph bodies (learn.microsoft.com/en-us/graph/errors and json-batching): an error
/// with `innerError`s to any depth, each inner code an error of its own, and a `$batch`
/// answer whose responses of status 400 or more are errors.
pub const GRAPH: &[Sample] = &[
    Sample {
        name: "item not found",
        status: 404,
        body: br#"{"error":{"code":"itemNotFound","message":"The resource could not be found.","innerError":{"date":"2026-11-30T09:12:44","request-id":"5e1c7f4a-2b8d-4c3e-9a61-0f2d8b7c6e55","client-request-id":"5e1c7f4a-2b8d-4c3e-9a61-0f2d8b7c6e55"}}}"#,
    },
    Sample {
        name: "nested codes",
        status: 400,
        body: br#"{"error":{"code":"invalidRequest","message":"Invalid request","innerError":{"code":"invalidPath","innerError":{"code":"pathIsTooLong","date":"2026-11-30T09:12:44","request-id":"5e1c7f4a-2b8d-4c3e-9a61-0f2d8b7c6e55","client-request-id":"5e1c7f4a-2b8d-4c3e-9a61-0f2d8b7c6e55"}}}}"#,
    },
    Sample {
        name: "batch with two failures",
        status: 200,
        body: br#"{"responses":[{"id":"1","status":404,"headers":{"Content-Type":"application/json"},"body":{"error":{"code":"itemNotFound","message":"The resource could not be found."}}},{"id":"2","status":200,"headers":{"Content-Type":"application/json"},"body":{"displayName":"Megan Bowen","id":"48d31887-5fad-4d73-a9f5-3c356e68a038"}},{"id":"3","status":429,"headers":{"Retry-After":"10"},"body":{"error":{"code":"TooManyRequests","message":"Too many requests."}}}]}"#,
    },
];

/// Smithy RPC v2 CBOR bodies (the Smithy protocol tests' errors, smithy-protocol-tests
/// `rpcv2Cbor/errors.smithy`): a map with the shape id at `__type`, as CBOR bytes.
pub const RPC_V2_CBOR: &[Sample] = &[
    Sample {
        // {"__type": "aws.protocoltests.rpcv2Cbor#InvalidGreeting", "Message": "Hi"}
        name: "invalid greeting",
        status: 400,
        body: b"\xa2f__typex+aws.protocoltests.rpcv2Cbor#InvalidGreetinggMessagebHi",
    },
    Sample {
        // {"__type": "...#ComplexError", "TopLevel": "Top level", "Nested": {"Foo": "bar"}}
        name: "complex error",
        status: 400,
        body: b"\xa3f__typex(aws.protocoltests.rpcv2Cbor#ComplexErrorhTopLeveliTop levelfNested\xa1cFoocbar",
    },
    Sample {
        // {"__type": "aws.protocoltests.rpcv2Cbor#ComplexError"}
        name: "empty complex error",
        status: 400,
        body: b"\xa1f__typex(aws.protocoltests.rpcv2Cbor#ComplexError",
    },
    Sample {
        // {"__type": "com.amazonaws.dynamodb#ThrottlingException", "message": "Rate of ..."}
        name: "undocumented throttling",
        status: 429,
        body: b"\xa2f__typex*com.amazonaws.dynamodb#ThrottlingExceptiongmessagex0Rate of requests exceeds the allowed throughput.",
    },
];
