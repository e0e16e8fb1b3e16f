//! `IntoResponse` for `ErrorResponse` (feature `axum`): handlers that answer with a vendor's
//! errors, served on 127.0.0.1 and read with reqwest.

use crate::mock_server;

use axum::routing::get;
use axum::Router;
use errspec::ErrorResponse;
use errspec_tests::github::GitHubError;
use errspec_tests::telecomx::TelecomXError;

async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("a free loopback port");
    let address = listener.local_addr().expect("the bound address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{address}")
}

#[tokio::test]
async fn a_handler_answers_in_the_vendors_wire_format() {
    let app = Router::new().route(
        "/users/7/address",
        get(|| async { Err::<String, _>(mock_server::telecomx_multiple()) }),
    );
    let base = serve(app).await;
    let received = reqwest::get(format!("{base}/users/7/address"))
        .await
        .unwrap();
    assert_eq!(received.status(), 422);
    assert_eq!(received.headers()["content-type"], "application/json");
    let body = received.bytes().await.unwrap();
    let expected = mock_server::telecomx_multiple().to_http();
    assert_eq!(body, expected.body().as_slice());
    assert_eq!(
        TelecomXError::decode(422, &body),
        mock_server::telecomx_multiple()
    );
}

#[tokio::test]
async fn a_proxy_passes_the_upstream_error_on_in_one_line() {
    let upstream = serve(mock_server::app()).await;
    let proxy = Router::new().route(
        "/rate_limit",
        get(move || {
            let upstream = upstream.clone();
            async move {
                let response = reqwest::get(format!("{upstream}/github/rate-limited"))
                    .await
                    .expect("the upstream answers");
                // The one line: the upstream's error, decoded, is the proxy's answer.
                Err::<String, ErrorResponse<GitHubError>>(GitHubError::from_reqwest(response).await)
            }
        }),
    );
    let base = serve(proxy).await;
    let received = reqwest::get(format!("{base}/rate_limit")).await.unwrap();
    assert_eq!(received.status(), 403);
    assert_eq!(
        received.headers()["x-github-request-id"],
        "CA1B:2F3D:1C2E4A:1E3B9C:6566F7B2"
    );
    assert_eq!(received.headers()["x-ratelimit-reset"], "1701250000");
    let through_proxy = GitHubError::from_reqwest(received).await;
    let direct = mock_server::github_rate_limited();
    assert_eq!(through_proxy.errors(), direct.errors());
    assert_eq!(through_proxy.request_id(), direct.request_id());
    assert_eq!(through_proxy.headers(), direct.headers());
}
