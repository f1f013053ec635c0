//! The service header: its name, regions, auth, common parameters, error table and rate limits.

use super::{Checker, check_duplicates, members};
use crate::naming;
use crate::spec::{AuthScheme, Located, ParamLocation};

pub(crate) fn check(checker: &mut Checker<'_>) {
    let spec = checker.spec;
    if !naming::is_snake_case(&spec.service.value) || naming::is_keyword(&spec.service.value) {
        checker.error(
            spec.service.at,
            format!(
                "service name `{}` is not a snake_case identifier",
                spec.service.value
            ),
            "write lowercase words joined by `_`, such as `zoho_crm`; it becomes the module name",
        );
    }
    for (text, what) in [(&spec.title, "title"), (&spec.source, "source")] {
        if text.value.trim().is_empty() {
            checker.error(
                text.at,
                format!("`{what}` is empty"),
                format!("write the service's {what}"),
            );
        }
    }
    if let Some(docs) = &spec.docs {
        check_url(checker, docs, "docs", false);
    }
    check_regions(checker);
    check_common_params(checker);
    check_errors(checker);
    check_rate_limits(checker);
}

fn check_url(checker: &mut Checker<'_>, url: &Located<String>, what: &str, host_only: bool) {
    let Some(rest) = url.value.strip_prefix("https://") else {
        checker.error(
            url.at,
            format!("`{what}` must be an https URL, found `{}`", url.value),
            "start it with https://",
        );
        return;
    };
    let host = rest.split('/').next().unwrap_or_default();
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':');
    if !host_ok {
        checker.error(
            url.at,
            format!("`{what}` has no valid host: `{}`", url.value),
            "write https://host.example",
        );
    } else if host_only && rest.len() != host.len() {
        checker.error(
            url.at,
            format!(
                "`{what}` must be scheme and host only, found the path `{}`",
                &rest[host.len()..]
            ),
            format!("write `https://{host}`; paths belong to operations"),
        );
    }
}

fn check_regions(checker: &mut Checker<'_>) {
    let spec = checker.spec;
    if spec.regions.is_empty() {
        checker.error(
            spec.default_region.at,
            "the service declares no region",
            "declare at least one region under `regions:` with its `api` host",
        );
    }
    check_duplicates(checker, &spec.regions, "region", None);
    let needs_accounts = spec.auth.token_path.is_some();
    for region in &spec.regions {
        let name = &region.key;
        if !naming::is_snake_case(&name.value) || name.value.contains('_') {
            checker.error(
                name.at,
                format!("region name `{}` is not a lowercase word", name.value),
                "write a short lowercase name such as `us`, `eu` or `global`",
            );
        }
        check_url(checker, &region.value.api, "api", true);
        match &region.value.accounts {
            Some(accounts) => check_url(checker, accounts, "accounts", true),
            None if needs_accounts => checker.error(
                name.at,
                format!(
                    "region `{}` has no `accounts` host, but `auth` has a `token_path`",
                    name.value
                ),
                "add `accounts: https://accounts.<host>` to the region",
            ),
            None => {}
        }
    }
    if !spec.regions.contains(&spec.default_region.value) {
        let known: Vec<&str> = spec.regions.iter().map(|r| r.key.as_str()).collect();
        checker.error(
            spec.default_region.at,
            format!(
                "default region `{}` is not declared",
                spec.default_region.value
            ),
            format!("use one of the declared regions: {}", known.join(", ")),
        );
    }
    let auth = &spec.auth;
    match (&auth.token_path, auth.scheme.value) {
        (None, AuthScheme::ZohoOauth) => checker.error(
            auth.scheme.at,
            "`zoho_oauth` needs the token endpoint's `token_path`",
            "add `token_path: /oauth/v2/token` to `auth`",
        ),
        (Some(path), _) if !path.value.starts_with('/') => checker.error(
            path.at,
            format!("`token_path` must start with `/`, found `{}`", path.value),
            "write the path on the accounts host, such as `/oauth/v2/token`",
        ),
        _ => {}
    }
}

fn check_common_params(checker: &mut Checker<'_>) {
    let spec = checker.spec;
    check_duplicates(checker, &spec.common_params, "common parameter", None);
    for param in &spec.common_params {
        let p = &param.value;
        if p.location.value == ParamLocation::Path {
            checker.error(
                p.location.at,
                format!("common parameter `{}` cannot be a path parameter", param.key.value),
                "declare path parameters on each operation; common parameters go in `query` or `header`",
            );
        }
        let rust = p
            .rust_name
            .as_ref()
            .map(|r| r.value.clone())
            .or_else(|| naming::field_name(&param.key.value));
        if let Some(rust) = rust.filter(|r| RESERVED_CLIENT_SETTINGS.contains(&r.as_str())) {
            checker.error(
                param.key.at,
                format!("common parameter `{}` would become the client setting `{rust}`, which exists already", param.key.value),
                format!("add `rust_name: {rust}_param` (or another name) to the parameter"),
            );
        }
        if p.location.value == ParamLocation::Header {
            checker.error(
                p.location.at,
                format!(
                    "header parameter `{}`: the generator does not send header parameters yet",
                    param.key.value
                ),
                "leave it out and say so in a comment; authorization headers come from `auth`",
            );
        }
        let what = format!("common parameter `{}`", param.key.value);
        if let Some(expr) = members::check(checker, p.into(), &what)
            && !members::is_scalar(checker, &expr)
        {
            checker.error(
                p.ty.at,
                format!("{what} has type `{expr}`, which cannot be sent as text"),
                "use a primitive or a value set",
            );
        }
    }
}

/// Settings every generated `ClientBuilder` has; a common parameter may not take their names.
pub const RESERVED_CLIENT_SETTINGS: [&str; 16] = [
    "region",
    "base_url",
    "accounts_url",
    "credentials",
    "timeout",
    "connect_timeout",
    "user_agent",
    "http_client",
    "http",
    "build",
    "retry",
    "total_timeout",
    "rate_limit_mode",
    "rate_limit_clock",
    "allow_insecure_http",
    "max_response_bytes",
];

fn check_errors(checker: &mut Checker<'_>) {
    let Some(errors) = &checker.spec.errors else {
        return;
    };
    if let Some(body) = &errors.body {
        for path in [Some(&body.code), Some(&body.message), body.details.as_ref()]
            .into_iter()
            .flatten()
        {
            let bad = path.value.is_empty() || path.value.split('.').any(str::is_empty);
            if bad {
                checker.error(
                    path.at,
                    format!("`{}` is not a dotted key path", path.value),
                    "write keys joined by `.`, such as `code` or `error.code`",
                );
            }
        }
    }
    check_duplicates(checker, &errors.codes, "error code", None);
    let mut variants: Vec<(String, &Located<String>)> = Vec::new();
    for code in &errors.codes {
        let spec = &code.value;
        if !(100..=599).contains(&spec.status.value) {
            checker.error(
                spec.status.at,
                format!(
                    "HTTP status {} is not between 100 and 599",
                    spec.status.value
                ),
                "write the status the document gives, such as 400",
            );
        }
        match (&spec.meaning, &spec.cases) {
            (Some(_), Some(cases)) => checker.error(
                code.key.at,
                format!(
                    "error `{}` has both `meaning` and {} `cases`",
                    code.key.value,
                    cases.len()
                ),
                "keep `meaning` and `resolution` for one cause, `cases` for several",
            ),
            (None, None) => checker.error(
                code.key.at,
                format!(
                    "error `{}` says neither what it means nor its `cases`",
                    code.key.value
                ),
                "add `meaning:` with the document's words",
            ),
            (None, Some(cases)) if cases.is_empty() => checker.error(
                code.key.at,
                format!("error `{}` has an empty `cases` list", code.key.value),
                "list each documented cause with its `meaning`",
            ),
            _ => {}
        }
        if spec.resolution.is_some() && spec.meaning.is_none() {
            checker.error(
                code.key.at,
                format!(
                    "error `{}` has a `resolution` without a `meaning`",
                    code.key.value
                ),
                "put resolutions inside each of the `cases`",
            );
        }
        match naming::type_name(&code.key.value.to_lowercase()) {
            Some(variant) => {
                if let Some((_, first)) = variants.iter().find(|(v, _)| *v == variant) {
                    let first_at = first.at;
                    checker.error(
                        code.key.at,
                        format!("error codes `{}` and `{}` both become the variant `{variant}`", first.value, code.key.value),
                        format!("the first is at {first_at}; codes must differ in more than case and punctuation"),
                    );
                } else {
                    variants.push((variant, &code.key));
                }
            }
            None => checker.error(
                code.key.at,
                format!(
                    "error code `{}` cannot be turned into a Rust variant name",
                    code.key.value
                ),
                "error codes must start with a letter",
            ),
        }
    }
    let used: Vec<&str> = checker
        .spec
        .operations
        .iter()
        .flat_map(|op| op.value.errors.iter().map(|e| e.as_str()))
        .collect();
    let unused: Vec<(crate::spec::Position, String)> = errors
        .codes
        .iter()
        .filter(|c| !used.contains(&c.key.as_str()))
        .map(|c| (c.key.at, c.key.value.clone()))
        .collect();
    for (at, code) in unused {
        checker.warning(
            at,
            format!("error code `{code}` is not listed by any operation"),
            "add it to the `errors:` of the operations that document it",
        );
    }
}

fn check_rate_limits(checker: &mut Checker<'_>) {
    let spec = checker.spec;
    check_duplicates(checker, &spec.rate_limits, "rate limit", None);
    for limit in &spec.rate_limits {
        for (value, what) in [
            (&limit.value.requests, "requests"),
            (&limit.value.per_seconds, "per_seconds"),
        ] {
            if value.value == 0 {
                checker.error(
                    value.at,
                    format!("`{what}` must be at least 1"),
                    "write the document's number",
                );
            }
        }
        let used = spec.operations.iter().any(|op| {
            op.value
                .rate_limit
                .as_ref()
                .is_some_and(|r| r.value == limit.key.value)
        });
        if !used {
            checker.warning(
                limit.key.at,
                format!(
                    "rate limit `{}` is not used by any operation",
                    limit.key.value
                ),
                "add `rate_limit:` to the operations it governs",
            );
        }
    }
}
