//! The version of `org-clients` a change calls for.
//!
//! Cargo's reading of semantic versioning: below 1.0 the minor number is the breaking
//! one (0.3.1 → 0.4.0) and compatible additions bump the patch number; from 1.0 on,
//! breaking bumps the major number and compatible additions the minor one.

use semver::Version;

use super::rules::Level;

/// The version after `current` for a change of `level`.
pub fn suggest(current: &str, level: Level) -> Result<String, String> {
    let version = Version::parse(current.trim())
        .map_err(|e| format!("`{current}` is not a semantic version: {e}"))?;
    let mut next = Version::new(version.major, version.minor, version.patch);
    match (version.major, level) {
        (0, Level::Breaking) => {
            next.minor += 1;
            next.patch = 0;
        }
        (0, _) | (_, Level::Internal) => next.patch += 1,
        (_, Level::Compatible) => {
            next.minor += 1;
            next.patch = 0;
        }
        (_, Level::Breaking) => {
            next.major += 1;
            next.minor = 0;
            next.patch = 0;
        }
    }
    // A pre-release (1.0.0-rc.1) is finished by the release itself, whatever the change.
    if !version.pre.is_empty() {
        next = Version::new(version.major, version.minor, version.patch);
    }
    Ok(next.to_string())
}

/// Whether `version` is `minimum` or later; `false` when either is not a version.
pub fn at_least(version: &str, minimum: &str) -> bool {
    match (
        Version::parse(version.trim()),
        Version::parse(minimum.trim()),
    ) {
        (Ok(version), Ok(minimum)) => version >= minimum,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn below_one_the_minor_number_breaks() {
        assert_eq!(suggest("0.1.0", Level::Breaking).as_deref(), Ok("0.2.0"));
        assert_eq!(suggest("0.1.3", Level::Breaking).as_deref(), Ok("0.2.0"));
        assert_eq!(suggest("0.1.3", Level::Compatible).as_deref(), Ok("0.1.4"));
        assert_eq!(suggest("0.1.3", Level::Internal).as_deref(), Ok("0.1.4"));
    }

    #[test]
    fn from_one_on_the_major_number_breaks() {
        assert_eq!(suggest("1.2.3", Level::Breaking).as_deref(), Ok("2.0.0"));
        assert_eq!(suggest("1.2.3", Level::Compatible).as_deref(), Ok("1.3.0"));
        assert_eq!(suggest("1.2.3", Level::Internal).as_deref(), Ok("1.2.4"));
        assert_eq!(
            suggest("2.0.0-rc.1", Level::Breaking).as_deref(),
            Ok("2.0.0")
        );
    }

    #[test]
    fn a_bump_already_made_is_recognized() {
        assert!(at_least("0.2.0", "0.2.0"));
        assert!(at_least("0.3.0", "0.2.0"));
        assert!(!at_least("0.1.9", "0.2.0"));
        assert!(!at_least("x", "0.2.0"));
    }

    #[test]
    fn a_bad_version_is_an_error() {
        let error = suggest("one", Level::Internal).unwrap_err();
        assert!(error.contains("`one` is not a semantic version"), "{error}");
    }
}
