//! `cargo xtask build-times`: how long the generated crate takes to build for someone who
//! depends on it. Each cold build starts from an empty target directory of its own (in the
//! system's temporary folder, removed afterwards), with this checkout's `Cargo.lock`:
//!
//! - a cold debug build with the default features (every service);
//! - a cold debug build with one service alone (`--no-default-features --features F`);
//! - an incremental rebuild after touching one generated module file of that service.
//!
//! Each is run `--runs` times; the median wall time is reported with every run's time and
//! the number of crates cargo compiled. Timings are whatever this machine gives: nothing
//! here judges them.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use clap::Args;

use crate::{FAILURE, SUCCESS, UNUSABLE};

/// The generated crate whose build is timed, relative to the workspace root.
const CRATE_DIR: &str = "generated-client";

/// The arguments of `cargo xtask build-times`.
#[derive(Args)]
pub(crate) struct BuildTimesArgs {
    /// How many times each build is run; the median is reported.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=50))]
    runs: u32,
    /// The service feature built alone, and whose module file the incremental build touches.
    #[arg(long, default_value = "zoho_people", value_name = "FEATURE")]
    feature: String,
}

/// One kind of build, measured `runs` times.
struct Measured {
    what: String,
    times: Vec<Duration>,
    crates: Vec<usize>,
}

pub(crate) fn run(
    root: &Path,
    args: &BuildTimesArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let manifest = root.join(CRATE_DIR).join("Cargo.toml");
    let touched = root
        .join(CRATE_DIR)
        .join("src")
        .join(&args.feature)
        .join("mod.rs");
    if !touched.is_file() {
        let _ = writeln!(
            stderr,
            "error: {} has no module `{}` (no {}); name a service feature with --feature",
            CRATE_DIR,
            args.feature,
            touched.display()
        );
        return UNUSABLE;
    }
    let scratch = std::env::temp_dir().join(format!("xtask-build-times-{}", std::process::id()));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let build = |target: &Path, features: &[&str]| -> Result<(Duration, usize), String> {
        let mut command = Command::new(&cargo);
        command
            .current_dir(root)
            .args(["build", "--locked", "--color", "never", "--manifest-path"])
            .arg(&manifest)
            .args(features)
            .env("CARGO_TARGET_DIR", target);
        let started = Instant::now();
        let output = command
            .output()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        let elapsed = started.elapsed();
        let log = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            return Err(format!(
                "`cargo build {}` failed:\n{log}",
                features.join(" ")
            ));
        }
        Ok((elapsed, compiled_crates(&log)))
    };

    let only = ["--no-default-features", "--features", args.feature.as_str()];
    let cold_kinds: [(String, &[&str]); 2] = [
        ("cold, default features (every service)".to_owned(), &[]),
        (format!("cold, {}", only.join(" ")), &only),
    ];
    let mut results = Vec::new();
    // The first kind's last target directory is kept for the incremental builds.
    let warm = scratch.join("warm");
    for (index, (what, features)) in cold_kinds.iter().enumerate() {
        let mut measured = Measured {
            what: what.clone(),
            times: Vec::new(),
            crates: Vec::new(),
        };
        for run in 0..args.runs {
            let _ = writeln!(stderr, "{what}: run {} of {}", run + 1, args.runs);
            let target = if index == 0 && run + 1 == args.runs {
                warm.clone()
            } else {
                scratch.join("cold")
            };
            let _ = fs::remove_dir_all(&target);
            match build(&target, features) {
                Ok((time, crates)) => {
                    measured.times.push(time);
                    measured.crates.push(crates);
                }
                Err(message) => return fail(&scratch, stderr, &message),
            }
        }
        let _ = fs::remove_dir_all(scratch.join("cold"));
        results.push(measured);
    }

    let shown = touched.strip_prefix(root).unwrap_or(&touched).display();
    let mut incremental = Measured {
        what: format!("incremental, after touching {shown}"),
        times: Vec::new(),
        crates: Vec::new(),
    };
    for run in 0..args.runs {
        let _ = writeln!(
            stderr,
            "{}: run {} of {}",
            incremental.what,
            run + 1,
            args.runs
        );
        if let Err(e) = touch(&touched) {
            let message = format!("cannot touch {}: {e}", touched.display());
            return fail(&scratch, stderr, &message);
        }
        match build(&warm, &[]) {
            Ok((time, crates)) => {
                incremental.times.push(time);
                incremental.crates.push(crates);
            }
            Err(message) => return fail(&scratch, stderr, &message),
        }
    }
    results.push(incremental);
    let _ = fs::remove_dir_all(&scratch);

    let _ = writeln!(
        stdout,
        "{CRATE_DIR}, debug builds, median of {} run(s) ({} cores):",
        args.runs,
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    for measured in &results {
        let _ = writeln!(stdout, "{}", report_line(measured));
    }
    SUCCESS
}

/// One line of the report: what was built, its median, every run, the crates compiled.
fn report_line(measured: &Measured) -> String {
    let runs: Vec<String> = measured
        .times
        .iter()
        .map(|t| format!("{:.1}", t.as_secs_f64()))
        .collect();
    let crates = median(&measured.crates).unwrap_or_default();
    format!(
        "  {:<58} {:>7.1} s  (runs: {} s; {crates} crate(s) compiled)",
        measured.what,
        median(&measured.times).map_or(0.0, |t| t.as_secs_f64()),
        runs.join(", "),
    )
}

/// The middle value, or the lower of the two middle ones; `None` for no values.
fn median<T: Copy + Ord>(values: &[T]) -> Option<T> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len().saturating_sub(1) / 2).copied()
}

/// How many crates cargo compiled, from its progress lines (`   Compiling serde v1.0.228`).
fn compiled_crates(log: &str) -> usize {
    log.lines()
        .filter(|line| line.trim_start().starts_with("Compiling "))
        .count()
}

/// Marks `path` as changed now, as an editor saving it would, without changing its text.
fn touch(path: &Path) -> std::io::Result<()> {
    fs::File::options()
        .write(true)
        .open(path)?
        .set_modified(SystemTime::now())
}

fn fail(scratch: &Path, stderr: &mut dyn Write, message: &str) -> u8 {
    let _ = fs::remove_dir_all(scratch);
    let _ = writeln!(stderr, "error: {message}");
    FAILURE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_run() {
        assert_eq!(median(&[3, 1, 2]), Some(2));
        assert_eq!(median(&[4, 1, 3, 2]), Some(2));
        assert_eq!(median::<u32>(&[]), None);
    }

    #[test]
    fn compiled_crates_are_counted_from_cargos_progress_lines() {
        let log = "   Compiling serde v1.0.228\n   Compiling org-clients v0.2.0 (/x)\n\
                   warning: Compiling is a word here\n    Finished `dev` profile\n";
        assert_eq!(compiled_crates(log), 2);
    }
}
