//! The few git questions `cargo xtask diff` asks, through the `git` command: which
//! commit a revision names, which spec files it has, and what they say.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository that holds a folder, seen from that folder: paths given to it are
/// relative to the folder (`./a.yaml`, `../generated-client/Cargo.toml`).
pub(crate) struct Repo {
    dir: PathBuf,
}

impl Repo {
    /// The repository holding `dir`.
    pub(crate) fn containing(dir: &Path) -> Result<Repo, String> {
        let repo = Repo {
            dir: dir.to_path_buf(),
        };
        repo.git(&["rev-parse", "--show-toplevel"])
            .map_err(|e| format!("{} is not in a git repository: {e}", dir.display()))?;
        Ok(repo)
    }

    /// The commit `rev` names, in full.
    pub(crate) fn commit(&self, rev: &str) -> Result<String, String> {
        self.git(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])
        .map(|out| out.trim().to_owned())
        .map_err(|_| format!("`{rev}` does not name a commit of this repository"))
    }

    /// The merge base of `HEAD` with `main` (or `origin/main`), and which of them it used.
    pub(crate) fn merge_base_with_main(&self) -> Result<(String, String), String> {
        for branch in ["main", "origin/main"] {
            if let Ok(out) = self.git(&["merge-base", "HEAD", branch]) {
                return Ok((branch.to_owned(), out.trim().to_owned()));
            }
        }
        Err(
            "cannot find the merge base of HEAD with `main` or `origin/main`; \
             pass --base REV (a branch, tag or commit) or --old DIR"
                .to_owned(),
        )
    }

    /// The abbreviated form of a commit, for labels.
    pub(crate) fn short(&self, commit: &str) -> String {
        self.git(&["rev-parse", "--short", commit])
            .map(|out| out.trim().to_owned())
            .unwrap_or_else(|_| commit.chars().take(9).collect())
    }

    /// The names of the files directly in the folder at `commit`.
    pub(crate) fn files(&self, commit: &str) -> Result<Vec<String>, String> {
        let out = self.git(&["ls-tree", "-z", "--name-only", commit])?;
        Ok(out
            .split('\0')
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .collect())
    }

    /// Every file under `folder` (relative to the repository's folder, `../x/src`) at
    /// `commit`, recursively, each path as `folder` starts it; none when there is no such
    /// folder.
    pub(crate) fn files_under(&self, commit: &str, folder: &str) -> Result<Vec<String>, String> {
        let out = self.git(&["ls-tree", "-r", "-z", "--name-only", commit, "--", folder])?;
        Ok(out
            .split('\0')
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .collect())
    }

    /// The text of `path` (relative to the folder) at `commit`, or `None` when the
    /// commit has no such file.
    pub(crate) fn read(&self, commit: &str, path: &str) -> Result<Option<String>, String> {
        let object = format!("{commit}:./{path}");
        if self.git(&["cat-file", "-e", &object]).is_err() {
            return Ok(None);
        }
        self.git(&["show", &object]).map(Some)
    }

    fn git(&self, args: &[&str]) -> Result<String, String> {
        let output = Command::new("git")
            .arg("-C")
            .arg(&self.dir)
            .args(args)
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !output.status.success() {
            let message = String::from_utf8_lossy(&output.stderr).trim().to_owned();
            return Err(format!("`git {}` failed: {message}", args.join(" ")));
        }
        String::from_utf8(output.stdout)
            .map_err(|_| format!("`git {}` printed text that is not UTF-8", args.join(" ")))
    }
}
