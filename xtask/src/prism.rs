//! Prism, the OpenAPI mock server `cargo xtask contract` runs the clients against:
//! installed with npm into `target/prism/` (a pinned version), one server per document on a
//! free port, stopped when its [`Servers`] is dropped, and the violations its log records.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The npm package, and the version installed and required.
const PACKAGE: &str = "@stoplight/prism-cli";
const VERSION: &str = "5.14.2";

/// Where Prism is installed, relative to the workspace root: under `target/`, so that
/// `cargo clean` removes it and nothing is written into the repository.
const FOLDER: &str = "target/prism";

/// How long a server may take to start answering.
const START_TIMEOUT: Duration = Duration::from_secs(90);

/// The `prism` program of the pinned version, installed with npm when missing or another
/// version. Progress goes to `stderr`.
pub(crate) fn install(root: &Path, stderr: &mut dyn Write) -> Result<PathBuf, String> {
    let folder = root.join(FOLDER);
    let program = folder.join("node_modules/.bin/prism");
    let manifest = folder
        .join("node_modules")
        .join(PACKAGE)
        .join("package.json");
    if program.is_file() && installed_version(&manifest).as_deref() == Some(VERSION) {
        return Ok(program);
    }
    let _ = writeln!(stderr, "installing {PACKAGE}@{VERSION} into {FOLDER} (npm)");
    let status = Command::new("npm")
        .args(["install", "--prefix"])
        .arg(&folder)
        .args([
            "--no-audit",
            "--no-fund",
            "--save-exact",
            "--loglevel=error",
        ])
        .arg(format!("{PACKAGE}@{VERSION}"))
        .stdout(Stdio::null())
        .status()
        .map_err(|e| {
            format!("cannot run npm ({e}): the contract run needs Node.js 18.20 or later and npm")
        })?;
    if !status.success() {
        return Err(format!(
            "`npm install {PACKAGE}@{VERSION}` failed ({status})"
        ));
    }
    match installed_version(&manifest) {
        Some(version) if version == VERSION && program.is_file() => Ok(program),
        other => Err(format!(
            "npm installed {PACKAGE} {}, not {VERSION}",
            other.unwrap_or_else(|| "nowhere".into())
        )),
    }
}

fn installed_version(manifest: &Path) -> Option<String> {
    let text = fs::read_to_string(manifest).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value["version"].as_str().map(str::to_owned)
}

/// The version `install` provides, for messages.
pub(crate) fn version() -> &'static str {
    VERSION
}

/// One server to start: the document it serves, where it logs, and the request whose
/// answer says it is ready.
pub(crate) struct Wanted {
    /// The service, for messages.
    pub service: String,
    /// The OpenAPI document.
    pub document: PathBuf,
    /// Prism's output.
    pub log: PathBuf,
    /// A request line's method and path (`GET /things/1`) sent without credentials.
    pub probe: (String, String),
    /// The status Prism must answer the probe with (`401`: its validation is on), or
    /// `None` when any answer will do (a service without credentials).
    pub refused_with: Option<u16>,
}

/// Running Prism servers, stopped (killed and waited for) when dropped, however the run
/// ends.
pub(crate) struct Servers {
    children: Vec<Child>,
    /// Each server's base URL, in the order asked for.
    pub urls: Vec<String>,
}

impl Drop for Servers {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Starts a server for each of `wanted` (`-d`, answers made up from the schemas, when
/// `dynamic`; else the documents' examples), each on a free port of 127.0.0.1, and waits
/// until each answers its probe as it should.
pub(crate) fn start(program: &Path, wanted: &[Wanted], dynamic: bool) -> Result<Servers, String> {
    let mut servers = Servers {
        children: Vec::new(),
        urls: Vec::new(),
    };
    let mut ports = Vec::new();
    for server in wanted {
        let port = free_port().map_err(|e| format!("no free port: {e}"))?;
        if let Some(parent) = server.log.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let log = File::create(&server.log)
            .map_err(|e| format!("cannot write {}: {e}", server.log.display()))?;
        let log_err = log
            .try_clone()
            .map_err(|e| format!("cannot write {}: {e}", server.log.display()))?;
        let mut command = Command::new(program);
        command
            .args(["mock", "--host", "127.0.0.1", "--port"])
            .arg(port.to_string())
            // Violations of the document are errors: an invalid request gets a 4xx (422 for
            // a parameter or body), and an answer Prism makes that breaks its schema a 500.
            .arg("--errors");
        if dynamic {
            command.arg("--dynamic");
        }
        let child = command
            .arg(&server.document)
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
        servers.children.push(child);
        servers.urls.push(format!("http://127.0.0.1:{port}"));
        ports.push(port);
    }
    for ((server, port), child) in wanted.iter().zip(ports).zip(&mut servers.children) {
        wait_until_ready(server, port, child)?;
    }
    Ok(servers)
}

/// A port nothing listens on now (the operating system's pick).
fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}

fn wait_until_ready(server: &Wanted, port: u16, child: &mut Child) -> Result<(), String> {
    let started = Instant::now();
    let (method, path) = &server.probe;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!(
                "Prism for {} exited ({status}) before it answered; its output:\n{}",
                server.service,
                tail(&server.log, 20)
            ));
        }
        match status_of(port, method, path) {
            Ok(status) => {
                return match server.refused_with {
                    Some(expected) if status != expected => Err(format!(
                        "Prism for {} answered `{method} {path}` without credentials with \
                         {status}, not {expected}: its request validation is not what the \
                         contract run relies on",
                        server.service
                    )),
                    _ => Ok(()),
                };
            }
            Err(_) if started.elapsed() < START_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(e) => {
                return Err(format!(
                    "Prism for {} did not answer on port {port} within {} s ({e}); its \
                     output:\n{}",
                    server.service,
                    START_TIMEOUT.as_secs(),
                    tail(&server.log, 20)
                ));
            }
        }
    }
}

/// The status of the answer to `method path`, sent without credentials or body.
fn status_of(port: u16, method: &str, path: &str) -> io::Result<u16> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(1))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\n\
         Connection: close\r\n\r\n"
    )?;
    let mut status_line = String::new();
    BufReader::new(stream).read_line(&mut status_line)?;
    status_line
        .split_whitespace()
        .nth(1)
        .and_then(|status| status.parse().ok())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("not an HTTP answer: {status_line:?}"),
            )
        })
}

/// The last `lines` lines of a log, indented.
fn tail(log: &Path, lines: usize) -> String {
    let text = fs::read_to_string(log).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..]
        .iter()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The violations Prism's log records, each with the request it was found in
/// (`put /inventory/v1/organizations/10229182: request.body.email Request body property
/// email must match format "email"`), and the requests it ended with an error (an answer
/// of its own that breaks the document: `... Request terminated with error: ...`), once
/// each, in order. The first request is the probe, refused on purpose, and left out.
pub(crate) fn violations(log: &str) -> Vec<String> {
    const SERVER: &str = "[HTTP SERVER] ";
    const TERMINATED: &str = "Request terminated with error: ";
    const VIOLATION: &str = "Violation: ";
    let mut found: Vec<String> = Vec::new();
    let mut requests = 0;
    let mut request = String::new();
    for line in log.lines() {
        let entry = if let Some(at) = line.find(SERVER) {
            // `get /path ℹ  info      Request received`, or `get /path ✖  error ...`.
            let rest = &line[at + SERVER.len()..];
            let (said, what) = rest
                .split_once(" ✖")
                .or(rest.split_once(" ℹ"))
                .unwrap_or((rest, ""));
            if what.ends_with("Request received") {
                request = said.to_owned();
                requests += 1;
                continue;
            }
            match what.find(TERMINATED) {
                Some(at) => format!("{said}: {}", &what[at + TERMINATED.len()..]),
                None => continue,
            }
        } else if let Some(at) = line.find(VIOLATION) {
            format!("{request}: {}", line[at + VIOLATION.len()..].trim())
        } else {
            continue;
        };
        if requests >= 2 && !found.contains(&entry) {
            found.push(entry);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Prism 5.14's log of the probe, a request it found a violation in, one that passed,
    /// and one whose answer (the document's example) broke the document.
    const LOG: &str = "\
[6:26:10 AM] › [CLI] ▶  start     Prism is listening on http://127.0.0.1:4011
[6:26:13 AM] › [HTTP SERVER] get /inventory/v1/organizations ℹ  info      Request received
[6:26:13 AM] ›     [VALIDATOR] ✖  error     Invalid security scheme used
[6:26:13 AM] ›     [VALIDATOR] ✖  error     Violation: request Invalid security scheme used
[6:26:13 AM] › [HTTP SERVER] get /inventory/v1/organizations ℹ  info      Request received
[6:26:13 AM] ›     [VALIDATOR] ✖  error     Request query parameter organization_id must match pattern \"^-?[0-9]+$\"
[6:26:13 AM] ›     [NEGOTIATOR] ✔  success   Created a 422 from a default response
[6:26:13 AM] ›     [VALIDATOR] ✖  error     Violation: request.query.organization_id Request query parameter organization_id must match pattern \"^-?[0-9]+$\"
[6:26:13 AM] › [HTTP SERVER] get /inventory/v1/organizations ℹ  info      Request received
[6:26:13 AM] ›     [VALIDATOR] ✔  success   The request passed the validation rules. Looking for the best response
[6:47:09 AM] › [HTTP SERVER] get /v2/organizations/10 ℹ  info      Request received
[6:47:09 AM] ›     [NEGOTIATOR] ℹ  info      > Responding with \"200\"
[6:47:09 AM] › [HTTP SERVER] get /v2/organizations/10 ✖  error     Request terminated with error: https://stoplight.io/prism/errors#VIOLATIONS: Request/Response not valid
";

    #[test]
    fn violations_are_read_with_their_request() {
        assert_eq!(
            violations(LOG),
            [
                "get /inventory/v1/organizations: request.query.organization_id Request \
                 query parameter organization_id must match pattern \"^-?[0-9]+$\"",
                "get /v2/organizations/10: https://stoplight.io/prism/errors#VIOLATIONS: \
                 Request/Response not valid",
            ]
        );
    }

    #[test]
    fn a_log_without_violations_has_none() {
        assert!(violations("[CLI] ▶  start     Prism is listening\n").is_empty());
    }
}
