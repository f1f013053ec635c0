//! `cargo xtask contract`: the generated clients against Prism, an OpenAPI mock server that
//! validates requests, on each exported document (`specs/openapi/<service>.yaml`).
//!
//! In each mode, static (Prism answers with the documents' examples) then dynamic (`-d`:
//! answers made up from the schemas), it starts one Prism per document on a free port,
//! waits until each refuses a request without credentials (so its validation is on),
//! runs the contract runner (`tests/examples/contract.rs`) against them, and stops them,
//! also when something fails. The runner calls every operation `--rounds` times with valid
//! arguments and reports a line per operation; a call passes when Prism accepted the
//! request and the answer decoded. The task then checks that every operation of every
//! spec was called, in both modes, and prints a line per service; a failing operation is
//! shown with the violations Prism's log records.
//!
//! Prism (`@stoplight/prism-cli`, a pinned version) is installed with npm into
//! `target/prism/` when missing; its logs are kept in `target/prism/logs/`.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use clap::Args;
use codegen::ir::{AuthScheme, PathSegment, Service};

use crate::prism::{self, Wanted};
use crate::{FAILURE, SUCCESS, UNUSABLE};

/// The runner: an example of the test crate, so that `cargo test` builds and lints it.
const RUNNER: &str = "contract";

/// What `cargo run` sets for the program it runs, besides `CARGO_PKG_*`.
const PACKAGE_ENV: [&str; 5] = [
    "CARGO_MANIFEST_DIR",
    "CARGO_MANIFEST_PATH",
    "CARGO_PRIMARY_PACKAGE",
    "CARGO_CRATE_NAME",
    "CARGO_BIN_NAME",
];

/// The arguments of `cargo xtask contract`.
#[derive(Args)]
pub(crate) struct ContractArgs {
    /// How many times each operation is called in each mode, each round with other
    /// arguments (and, in the dynamic mode, other answers).
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000))]
    rounds: u32,
    /// Run only this service (repeatable); every service by default.
    #[arg(long = "service", value_name = "SERVICE")]
    services: Vec<String>,
}

/// The two ways Prism answers.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mode {
    /// With the documents' examples (`prism mock`).
    Static,
    /// With answers made up from the schemas (`prism mock -d`).
    Dynamic,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Static => "static",
            Mode::Dynamic => "dynamic",
        }
    }
}

/// An operation: its service's module and its name.
type OperationName = (String, String);

/// What became of each operation, by mode: passed or not; absent when the runner did not
/// report it.
type Outcomes = BTreeMap<OperationName, BTreeMap<Mode, bool>>;

pub(crate) fn run(
    root: &Path,
    args: &ContractArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let started = Instant::now();
    let (loaded, failed) = match codegen::load_dir(&root.join("specs")) {
        Ok(result) => result,
        Err(e) => {
            let _ = writeln!(stderr, "error: cannot read specs/: {e}");
            return UNUSABLE;
        }
    };
    if !failed.is_empty() {
        for report in &failed {
            let _ = writeln!(stderr, "{report}");
        }
        let _ = writeln!(stderr, "error: {} spec(s) do not load", failed.len());
        return UNUSABLE;
    }
    let mut services: Vec<&Service> = loaded.iter().map(|s| &s.service).collect();
    for wanted in &args.services {
        if !services.iter().any(|s| s.module == *wanted) {
            let known: Vec<&str> = services.iter().map(|s| s.module.as_str()).collect();
            let _ = writeln!(
                stderr,
                "error: no service `{wanted}` in specs/ (there are {})",
                known.join(", ")
            );
            return UNUSABLE;
        }
    }
    if !args.services.is_empty() {
        services.retain(|s| args.services.contains(&s.module));
    }
    if let Err(message) = documents_are_fresh(root, &services) {
        let _ = writeln!(stderr, "error: {message}");
        return FAILURE;
    }
    let program = match prism::install(root, stderr) {
        Ok(program) => program,
        Err(message) => {
            let _ = writeln!(stderr, "error: {message}");
            return UNUSABLE;
        }
    };
    let runner = match build_runner(root) {
        Ok(runner) => runner,
        Err(message) => {
            let _ = writeln!(stderr, "error: {message}");
            return UNUSABLE;
        }
    };

    let mut outcomes = Outcomes::new();
    for service in &services {
        for op in &service.operations {
            outcomes.insert((service.module.clone(), op.name.clone()), BTreeMap::new());
        }
    }
    let mut runner_failures = Vec::new();
    for mode in [Mode::Static, Mode::Dynamic] {
        let _ = writeln!(
            stdout,
            "==> {} mode: Prism {} {}, {} round(s)",
            mode.name(),
            prism::version(),
            match mode {
                Mode::Static => "answers with the documents' examples",
                Mode::Dynamic => "makes answers up from the schemas (-d)",
            },
            args.rounds
        );
        match run_mode(
            root,
            &program,
            &runner,
            &services,
            mode,
            args.rounds,
            stdout,
        ) {
            Ok(reported) => {
                for (key, passed) in reported {
                    outcomes.entry(key).or_default().insert(mode, passed);
                }
            }
            Err(message) => {
                let _ = writeln!(stderr, "error: {message}");
                runner_failures.push(mode);
            }
        }
    }

    let failures = summary(&services, &outcomes, args.rounds, stdout);
    let seconds = started.elapsed().as_secs_f64();
    if failures.is_empty() && runner_failures.is_empty() {
        let _ = writeln!(
            stdout,
            "contract: {0} of {0} operation(s) passed against Prism, static and dynamic, \
             in {seconds:.1} s",
            outcomes.len()
        );
        return SUCCESS;
    }
    let _ = writeln!(
        stderr,
        "error: the contract run failed in {seconds:.1} s: {}",
        failures.join("; ")
    );
    FAILURE
}

/// Fails when an exported document on disk is not what the specs export now: the run
/// would test a stale document.
fn documents_are_fresh(root: &Path, services: &[&Service]) -> Result<(), String> {
    let files = codegen::openapi::files(services)?;
    for (name, text) in files {
        let path = Path::new(codegen::openapi::FOLDER).join(&name);
        if fs::read_to_string(root.join(&path)).ok().as_deref() != Some(text.as_str()) {
            return Err(format!(
                "{} is stale or missing: run `cargo xtask codegen`",
                path.display()
            ));
        }
    }
    Ok(())
}

/// Builds the runner with the whole workspace's feature set (as `cargo test --workspace`
/// builds it, so neither build redoes the other's work) and returns its path.
fn build_runner(root: &Path) -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    // `cargo run` (and so `cargo xtask`) tells the program it starts about its package:
    // `CARGO_MANIFEST_DIR`, `CARGO_PKG_NAME`, ... Build scripts read some of them (ring's
    // runs again when `CARGO_MANIFEST_DIR` changes), so a cargo started with them would
    // rebuild what `cargo test` built, and `cargo test` would then rebuild it again.
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if PACKAGE_ENV.iter().any(|set| name == *set) || name.starts_with("CARGO_PKG_") {
            command.env_remove(&*name);
        }
    }
    let output = command
        .current_dir(root)
        .args(["build", "--workspace", "--example", RUNNER])
        .arg("--message-format=json-render-diagnostics")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!("building the runner (`--example {RUNNER}`) failed"));
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["target"]["name"] == RUNNER)
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .ok_or_else(|| format!("cargo built no `{RUNNER}` example"))
}

/// One mode: the servers started, the runner run against them, the servers stopped.
/// Returns what the runner reported; a failing operation is printed with the violations
/// its server's log records.
fn run_mode(
    root: &Path,
    program: &Path,
    runner: &Path,
    services: &[&Service],
    mode: Mode,
    rounds: u32,
    stdout: &mut dyn Write,
) -> Result<Vec<(OperationName, bool)>, String> {
    let wanted: Vec<Wanted> = services
        .iter()
        .map(|service| Wanted {
            service: service.module.clone(),
            document: root
                .join(codegen::openapi::FOLDER)
                .join(format!("{}.yaml", service.module)),
            log: root.join("target/prism/logs").join(format!(
                "{}-{}.log",
                service.module,
                mode.name()
            )),
            probe: probe(service),
            refused_with: (service.auth.scheme != AuthScheme::None).then_some(401),
        })
        .collect();
    let started = Instant::now();
    let servers = prism::start(program, &wanted, mode == Mode::Dynamic)?;
    let _ = writeln!(
        stdout,
        "started {} Prism server(s) in {:.1} s",
        wanted.len(),
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let output = Command::new(runner)
        .arg("--rounds")
        .arg(rounds.to_string())
        .args(
            services
                .iter()
                .zip(&servers.urls)
                .map(|(service, url)| format!("{}={url}", service.module)),
        )
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", runner.display()))?;
    // Stopped before anything else, so a failure below leaves nothing running.
    drop(servers);
    let report = String::from_utf8_lossy(&output.stdout);
    let _ = write!(stdout, "{report}");
    let reported: Vec<(OperationName, bool)> = report
        .lines()
        .filter_map(parse_result)
        .map(|(service, operation, passed)| ((service.to_owned(), operation.to_owned()), passed))
        .collect();
    let _ = writeln!(
        stdout,
        "ran the {} mode in {:.1} s",
        mode.name(),
        started.elapsed().as_secs_f64()
    );
    for server in &wanted {
        let failed = reported
            .iter()
            .any(|((service, _), passed)| *service == server.service && !passed);
        if !failed {
            continue;
        }
        let log = fs::read_to_string(&server.log).unwrap_or_default();
        let found = prism::violations(&log);
        let shown = server.log.strip_prefix(root).unwrap_or(&server.log);
        if found.is_empty() {
            let _ = writeln!(
                stdout,
                "Prism ({}) found no violation; its log: {}",
                server.service,
                shown.display()
            );
        } else {
            let _ = writeln!(
                stdout,
                "Prism ({}) found these violations ({}):",
                server.service,
                shown.display()
            );
            for violation in found {
                let _ = writeln!(stdout, "    {violation}");
            }
        }
    }
    if !output.status.success() && reported.iter().all(|(_, passed)| *passed) {
        return Err(format!(
            "the runner failed ({}) in the {} mode without reporting a failing operation",
            output.status,
            mode.name()
        ));
    }
    Ok(reported)
}

/// A request Prism must refuse for want of credentials: the service's first operation,
/// each path parameter `1`.
fn probe(service: &Service) -> (String, String) {
    let Some(op) = service.operations.first() else {
        return ("GET".into(), "/".into());
    };
    let path: String = op
        .segments
        .iter()
        .map(|segment| match segment {
            PathSegment::Literal(text) => format!("/{text}"),
            PathSegment::Param { .. } => "/1".to_owned(),
        })
        .collect();
    (
        op.method.to_string(),
        if path.is_empty() { "/".into() } else { path },
    )
}

/// A result line of the runner: `<service> <operation>: ok, ...` or
/// `<service> <operation>: FAILED ...`; `None` for any other line.
fn parse_result(line: &str) -> Option<(&str, &str, bool)> {
    if line.starts_with(char::is_whitespace) {
        return None;
    }
    let (name, outcome) = line.split_once(": ")?;
    let (service, operation) = name.split_once(' ')?;
    let passed = if outcome.starts_with("ok") {
        true
    } else if outcome.starts_with("FAILED") {
        false
    } else {
        return None;
    };
    Some((service, operation, passed))
}

/// Prints a line per service (operations passed in each mode, and those that failed or
/// were not called) and returns every failure, named.
fn summary(
    services: &[&Service],
    outcomes: &Outcomes,
    rounds: u32,
    stdout: &mut dyn Write,
) -> Vec<String> {
    let _ = writeln!(
        stdout,
        "==> summary: every operation, {rounds} round(s) in each mode"
    );
    let mut failures = Vec::new();
    for service in services {
        let mut line = format!("  {:<16}", service.module);
        for mode in [Mode::Static, Mode::Dynamic] {
            let mut passed = 0;
            let mut bad = Vec::new();
            for op in &service.operations {
                let key = (service.module.clone(), op.name.clone());
                match outcomes.get(&key).and_then(|modes| modes.get(&mode)) {
                    Some(true) => passed += 1,
                    Some(false) => bad.push(format!("{} failed", op.name)),
                    None => bad.push(format!("{} not called", op.name)),
                }
            }
            line.push_str(&format!(
                " {} {passed}/{}",
                mode.name(),
                service.operations.len()
            ));
            if !bad.is_empty() {
                line.push_str(&format!(" ({})", bad.join(", ")));
                failures.extend(
                    bad.iter()
                        .map(|what| format!("{} {what} ({})", service.module, mode.name())),
                );
            }
            line.push(';');
        }
        line.pop();
        let _ = writeln!(stdout, "{line}");
    }
    let unknown: Vec<String> = outcomes
        .keys()
        .filter(|(service, operation)| {
            !services
                .iter()
                .any(|s| s.module == *service && s.operations.iter().any(|o| o.name == *operation))
        })
        .map(|(service, operation)| format!("{service} {operation}"))
        .collect();
    for name in unknown {
        failures.push(format!("the runner reported {name}, which no spec has"));
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_lines_are_read_and_other_lines_are_not() {
        assert_eq!(
            parse_result("zoho_crm list_org_enrichments: ok, 5 round(s)"),
            Some(("zoho_crm", "list_org_enrichments", true))
        );
        assert_eq!(
            parse_result("zoho_inventory get_organization: FAILED in 1 of 5 round(s)"),
            Some(("zoho_inventory", "get_organization", false))
        );
        assert_eq!(parse_result("    round 2: zoho_crm x: HTTP 422"), None);
        assert_eq!(parse_result("started 5 Prism server(s) in 3.1 s"), None);
    }

    fn specs() -> Vec<codegen::LoadedSpec> {
        let specs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
        codegen::load_dir(&specs).expect("the specs load").0
    }

    #[test]
    fn an_operation_the_runner_did_not_report_fails_the_run() {
        let loaded = specs();
        let crm: Vec<&Service> = loaded
            .iter()
            .map(|s| &s.service)
            .filter(|s| s.module == "zoho_crm")
            .collect();
        let name = |op: &str| ("zoho_crm".to_owned(), op.to_owned());
        let mut outcomes = Outcomes::new();
        outcomes.insert(
            name("list_org_enrichments"),
            BTreeMap::from([(Mode::Static, true), (Mode::Dynamic, false)]),
        );
        outcomes.insert(
            name("get_org_enrichment"),
            BTreeMap::from([(Mode::Static, true)]),
        );
        outcomes.insert(
            name("create_org_enrichment"),
            BTreeMap::from([(Mode::Static, true), (Mode::Dynamic, true)]),
        );
        outcomes.insert(name("delete_everything"), BTreeMap::new());
        let mut printed = Vec::new();
        let failures = summary(&crm, &outcomes, 5, &mut printed);
        assert_eq!(
            failures,
            [
                "zoho_crm list_org_enrichments failed (dynamic)",
                "zoho_crm get_org_enrichment not called (dynamic)",
                "the runner reported zoho_crm delete_everything, which no spec has",
            ]
        );
        let printed = String::from_utf8(printed).expect("text");
        assert!(
            printed.contains(
                "zoho_crm         static 3/3; dynamic 1/3 (list_org_enrichments failed, \
                 get_org_enrichment not called)"
            ),
            "{printed}"
        );
    }

    #[test]
    fn the_probe_is_the_first_operation_with_each_path_parameter_filled() {
        let loaded = specs();
        let help_scout = loaded
            .iter()
            .find(|s| s.service.module == "help_scout")
            .expect("the Help Scout spec");
        assert_eq!(
            probe(&help_scout.service),
            ("GET".to_owned(), "/v2/organizations/1".to_owned())
        );
    }
}
