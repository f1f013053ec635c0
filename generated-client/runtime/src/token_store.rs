//! Where access tokens outlive a client: a [`TokenStore`] keeps each token under a key that
//! names the service, the token endpoint and the credentials, so that a process that
//! starts again, a second client, or another process using the same credentials reuses a
//! token that is still good instead of spending a refresh. The store's lock makes one
//! refresher at a time: the others wait, then find the new token stored.
//!
//! Two stores come with the runtime: [`MemoryTokenStore`] (one process, several clients) and
//! [`FileTokenStore`] (a JSON file, written atomically with owner-only permissions, locked
//! across processes). Others (a database, a secrets manager) implement the trait.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::future::Future;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

/// An access token as a store keeps it.
#[derive(Clone)]
pub struct StoredToken {
    /// The access token.
    pub access_token: SecretString,
    /// When it stops being good, as the token endpoint said; `None` when it gave no
    /// lifetime (the token is then kept until the API refuses it).
    pub expires_at: Option<SystemTime>,
    /// The API host the token endpoint named for this account (Zoho's `api_domain`).
    pub api_domain: Option<String>,
}

impl fmt::Debug for StoredToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredToken")
            .field("access_token", &"[redacted]")
            .field("expires_at", &self.expires_at)
            .field("api_domain", &self.api_domain)
            .finish()
    }
}

impl StoredToken {
    /// Whether the token is still good at `now` with `margin` to spare.
    pub fn good_at(&self, now: SystemTime, margin: Duration) -> bool {
        self.expires_at.is_none_or(|at| now + margin < at)
    }
}

/// Why a store could not load, save or lock.
#[derive(Debug)]
pub struct StoreError {
    reason: String,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "token store: {}", self.reason)
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    /// A store failure, in words.
    pub fn new(reason: impl Into<String>) -> Self {
        StoreError {
            reason: reason.into(),
        }
    }
}

/// Held while one client refreshes a token; dropping it lets the next refresher in.
pub struct StoreLock(#[allow(dead_code)] Box<dyn Send + Sync>);

impl StoreLock {
    /// A lock that releases when `guard` is dropped.
    pub fn new(guard: impl Send + Sync + 'static) -> Self {
        StoreLock(Box::new(guard))
    }
}

impl fmt::Debug for StoreLock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StoreLock")
    }
}

/// What a store's methods return: a future, boxed so that stores can be trait objects.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// Where access tokens are kept between clients, and between runs.
///
/// A client asks its store for a token before it asks the token endpoint; when it must
/// refresh, it takes the store's lock for the key first and looks again (another holder
/// may have just stored one), so that clients sharing a store refresh once between them.
/// A store failure never fails a call: the client then fetches a token itself (and says so
/// in a `warn` tracing event).
pub trait TokenStore: fmt::Debug + Send + Sync {
    /// The token kept under `key`, if any.
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<StoredToken>>;

    /// Keeps `token` under `key`, replacing what was there.
    fn save<'a>(&'a self, key: &'a str, token: &'a StoredToken) -> StoreFuture<'a, ()>;

    /// Waits until no one else refreshes the token under `key`, and holds that right until
    /// the returned lock is dropped.
    fn lock<'a>(&'a self, key: &'a str) -> StoreFuture<'a, StoreLock>;
}

/// Tokens in memory, shared by the clients given the same store (clone the `Arc`). The
/// default of every client is a memory store of its own.
#[derive(Debug)]
pub struct MemoryTokenStore {
    tokens: Mutex<BTreeMap<String, StoredToken>>,
    /// One permit: one refresher at a time for the whole store (refreshes are rare).
    refreshing: Arc<tokio::sync::Semaphore>,
}

impl Default for MemoryTokenStore {
    fn default() -> Self {
        MemoryTokenStore {
            tokens: Mutex::default(),
            refreshing: Arc::new(tokio::sync::Semaphore::new(1)),
        }
    }
}

impl MemoryTokenStore {
    /// An empty store.
    pub fn new() -> Self {
        MemoryTokenStore::default()
    }
}

impl TokenStore for MemoryTokenStore {
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<StoredToken>> {
        let token = self
            .tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .cloned();
        Box::pin(async move { Ok(token) })
    }

    fn save<'a>(&'a self, key: &'a str, token: &'a StoredToken) -> StoreFuture<'a, ()> {
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key.to_owned(), token.clone());
        Box::pin(async { Ok(()) })
    }

    fn lock<'a>(&'a self, _key: &'a str) -> StoreFuture<'a, StoreLock> {
        let refreshing = Arc::clone(&self.refreshing);
        Box::pin(async move {
            let permit = refreshing
                .acquire_owned()
                .await
                .map_err(|_| StoreError::new("the store's lock is closed"))?;
            Ok(StoreLock::new(permit))
        })
    }
}

/// Tokens in a JSON file, for clients in several processes (or runs) that use the same
/// credentials.
///
/// Writes are atomic: the new contents go to a temporary file beside it, which is flushed to
/// disk and renamed over the old one, so a reader (or a crash) never sees a partial file.
/// The file is created readable and writable by its owner only (on Unix). Refreshes are
/// serialised across processes with an exclusive lock on `<file>.lock`.
#[derive(Debug, Clone)]
pub struct FileTokenStore {
    path: PathBuf,
}

/// The file's contents.
#[derive(Debug, Default, Serialize, Deserialize)]
struct TokenFile {
    #[serde(default)]
    tokens: BTreeMap<String, FileToken>,
}

#[derive(Debug, Serialize, Deserialize)]
struct FileToken {
    access_token: String,
    /// Seconds since the Unix epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expires_at: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    api_domain: Option<String>,
}

impl FileTokenStore {
    /// A store in the file at `path` (created on the first save; its folder must exist).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        FileTokenStore { path: path.into() }
    }

    /// The file the tokens are kept in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read(path: &Path) -> Result<TokenFile, StoreError> {
        let text = match fs::read(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(TokenFile::default());
            }
            Err(error) => {
                return Err(StoreError::new(format!(
                    "cannot read {}: {error}",
                    path.display()
                )));
            }
        };
        // Not a secret-bearing message: serde's errors name positions, not values.
        serde_json::from_slice(&text).map_err(|error| {
            StoreError::new(format!("{} is not a token file: {error}", path.display()))
        })
    }
}

impl TokenStore for FileTokenStore {
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Option<StoredToken>> {
        let path = self.path.clone();
        let key = key.to_owned();
        Box::pin(async move {
            let file = blocking(move || FileTokenStore::read(&path)).await?;
            Ok(file.tokens.get(&key).map(|token| StoredToken {
                access_token: SecretString::from(token.access_token.clone()),
                expires_at: token
                    .expires_at
                    .map(|seconds| UNIX_EPOCH + Duration::from_secs(seconds)),
                api_domain: token.api_domain.clone(),
            }))
        })
    }

    fn save<'a>(&'a self, key: &'a str, token: &'a StoredToken) -> StoreFuture<'a, ()> {
        let path = self.path.clone();
        let key = key.to_owned();
        let entry = FileToken {
            access_token: token.access_token.expose_secret().to_owned(),
            expires_at: token
                .expires_at
                .and_then(|at| at.duration_since(UNIX_EPOCH).ok())
                .map(|since| since.as_secs()),
            api_domain: token.api_domain.clone(),
        };
        Box::pin(async move {
            blocking(move || {
                // Read, change one entry, write back whole: other keys are kept.
                let mut file = FileTokenStore::read(&path).unwrap_or_default();
                file.tokens.insert(key, entry);
                let bytes = serde_json::to_vec_pretty(&file)
                    .map_err(|error| StoreError::new(format!("cannot encode: {error}")))?;
                write_atomically(&path, &bytes, |file, bytes| file.write_all(bytes))
            })
            .await
        })
    }

    fn lock<'a>(&'a self, _key: &'a str) -> StoreFuture<'a, StoreLock> {
        let mut lock_path = self.path.clone().into_os_string();
        lock_path.push(".lock");
        let lock_path = PathBuf::from(lock_path);
        Box::pin(async move {
            blocking(move || {
                let file = owner_only()
                    .read(true)
                    .write(true)
                    .create(true)
                    .truncate(false)
                    .open(&lock_path)
                    .map_err(|error| {
                        StoreError::new(format!("cannot open {}: {error}", lock_path.display()))
                    })?;
                file.lock().map_err(|error| {
                    StoreError::new(format!("cannot lock {}: {error}", lock_path.display()))
                })?;
                // The OS releases the lock when the file is closed, i.e. when dropped.
                Ok(StoreLock::new(file))
            })
            .await
        })
    }
}

/// Runs blocking file work off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| StoreError::new(format!("the store's worker failed: {error}")))?
}

/// Open options for a new file only its owner may read and write.
fn owner_only() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Replaces the file at `path` with `bytes` so that the file is, at every moment, either
/// the old contents or the new, whole: `write` fills a temporary file beside it, which is
/// synced and renamed over `path`. On failure the temporary file is removed and `path` is
/// untouched.
fn write_atomically(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    let failed = |what: &str, error: std::io::Error| {
        StoreError::new(format!("cannot {what} {}: {error}", path.display()))
    };
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "tokens".to_owned());
    let temporary = folder.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        fastrand::u64(..)
    ));
    let result = (|| {
        let mut file = owner_only()
            .write(true)
            .create_new(true)
            .open(&temporary)
            .map_err(|error| failed("create a temporary file beside", error))?;
        write(&mut file, bytes).map_err(|error| failed("write", error))?;
        file.sync_all().map_err(|error| failed("sync", error))?;
        fs::rename(&temporary, path).map_err(|error| failed("replace", error))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// The key a token is stored under: the service, the token endpoint, the client id, and a
/// fingerprint of the secret part of the grant (so that two users of one application do
/// not share a token), never the secret itself.
pub(crate) fn store_key(service: &str, token_url: &str, client_id: &str, secret: &str) -> String {
    use std::hash::{Hash, Hasher};
    // SipHash with fixed keys: the same in every process of a build, which is what a shared
    // file needs; a different Rust release may differ, and then costs one refresh.
    let mut hasher = std::hash::DefaultHasher::new();
    secret.hash(&mut hasher);
    format!("{service} {token_url} {client_id} {:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_that_fails_halfway_leaves_the_old_file_whole_and_no_temporary_file() {
        let folder = std::env::temp_dir().join(format!("token-store-{}", fastrand::u64(..)));
        fs::create_dir_all(&folder).expect("a folder");
        let path = folder.join("tokens.json");
        fs::write(&path, b"old contents").expect("the old file");

        let result = write_atomically(&path, b"new contents, long", |file, bytes| {
            file.write_all(&bytes[..5])?;
            Err(std::io::Error::other("the disk is full"))
        });

        assert!(result.is_err());
        assert_eq!(fs::read(&path).expect("still there"), b"old contents");
        let left: Vec<_> = fs::read_dir(&folder)
            .expect("the folder")
            .filter_map(Result::ok)
            .map(|entry| entry.file_name())
            .collect();
        assert_eq!(left, vec![std::ffi::OsString::from("tokens.json")]);
        let _ = fs::remove_dir_all(&folder);
    }

    #[test]
    fn keys_differ_by_secret_and_never_contain_it() {
        let a = store_key(
            "zoho_crm",
            "https://accounts.zoho.com/oauth/v2/token",
            "id",
            "r1",
        );
        let b = store_key(
            "zoho_crm",
            "https://accounts.zoho.com/oauth/v2/token",
            "id",
            "r2",
        );
        assert_ne!(a, b);
        assert!(!a.contains("r1"));
    }
}
