//! Ratios between benchmarks of one `cargo bench` run, read from criterion's estimates.

use std::path::PathBuf;

/// Where criterion writes its estimates, found the way criterion finds it.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/criterion"),
        |target| PathBuf::from(target).join("criterion"),
    )
}

/// The median time in nanoseconds of benchmark `group/function`, from the latest run.
#[must_use]
pub fn median_ns(group: &str, function: &str) -> Option<f64> {
    let path = criterion_dir()
        .join(group.replace('/', "_"))
        .join(function.replace('/', "_"))
        .join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let estimates: serde_json::Value = serde_json::from_str(&text).ok()?;
    estimates.pointer("/median/point_estimate")?.as_f64()
}

/// Prints `numerator / denominator` of two benchmarks' medians against a target ratio.
pub fn print_ratio(label: &str, numerator: (&str, &str), denominator: (&str, &str), target: f64) {
    match (
        median_ns(numerator.0, numerator.1),
        median_ns(denominator.0, denominator.1),
    ) {
        (Some(top), Some(bottom)) if bottom > 0.0 => {
            let ratio = top / bottom;
            let verdict = if ratio <= target { "meets" } else { "MISSES" };
            println!(
                "ratio {label}: {ratio:.2} ({top:.0} ns / {bottom:.0} ns), target <= {target:.2}: {verdict}"
            );
        }
        _ => println!("ratio {label}: not measured in this run"),
    }
}
