//! The service header: its name, regions, auth, error table and rate limits.

use std::collections::HashMap;

use super::{Builder, check_duplicates, text};
use crate::ir::names;
use crate::ir::{Auth, ErrorCode, ErrorShape, Region};
use crate::spec::{AuthScheme, Located, Position};

/// What the header of a spec becomes.
pub(crate) struct Header {
    pub auth: Auth,
    pub regions: Vec<Region>,
    pub default_region: String,
    pub error_shape: Option<ErrorShape>,
    pub error_codes: Vec<ErrorCode>,
}

pub(crate) fn header(builder: &mut Builder<'_>) -> Header {
    let spec = builder.spec;
    if !names::is_snake_case(&spec.service.value) || names::is_keyword(&spec.service.value) {
        builder.error(
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
            builder.error(
                text.at,
                format!("`{what}` is empty"),
                format!("write the service's {what}"),
            );
        }
    }
    if let Some(docs) = &spec.docs {
        check_url(builder, docs, "docs", false);
    }
    let regions = regions(builder);
    let default_region =
        names::type_name(&spec.default_region.value).unwrap_or_else(|| "Value".into());
    let auth = auth(builder);
    let (error_shape, error_codes) = errors(builder);
    Header {
        auth,
        regions,
        default_region,
        error_shape,
        error_codes,
    }
}

fn check_url(builder: &mut Builder<'_>, url: &Located<String>, what: &str, host_only: bool) {
    let Some(rest) = url.value.strip_prefix("https://") else {
        builder.error(
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
        builder.error(
            url.at,
            format!("`{what}` has no valid host: `{}`", url.value),
            "write https://host.example",
        );
    } else if host_only && rest.len() != host.len() {
        builder.error(
            url.at,
            format!(
                "`{what}` must be scheme and host only, found the path `{}`",
                &rest[host.len()..]
            ),
            format!("write `https://{host}`; paths belong to operations"),
        );
    }
}

fn regions(builder: &mut Builder<'_>) -> Vec<Region> {
    let spec = builder.spec;
    if spec.regions.is_empty() {
        builder.error(
            spec.default_region.at,
            "the service declares no region",
            "declare at least one region under `regions:` with its `api` host",
        );
    }
    check_duplicates(builder, &spec.regions, "region", None);
    let needs_accounts = spec.auth.token_path.is_some();
    let mut regions = Vec::new();
    for region in &spec.regions {
        let name = &region.key;
        let variant = names::type_name(&name.value);
        if !names::is_snake_case(&name.value) || name.value.contains('_') || variant.is_none() {
            builder.error(
                name.at,
                format!("region name `{}` is not a lowercase word", name.value),
                "write a short lowercase name such as `us`, `eu` or `global`",
            );
        }
        check_url(builder, &region.value.api, "api", true);
        match &region.value.accounts {
            Some(accounts) => check_url(builder, accounts, "accounts", true),
            None if needs_accounts => builder.error(
                name.at,
                format!(
                    "region `{}` has no `accounts` host, but `auth` has a `token_path`",
                    name.value
                ),
                "add `accounts: https://accounts.<host>` to the region",
            ),
            None => {}
        }
        if regions.iter().any(|r: &Region| r.key == name.value) {
            continue;
        }
        regions.push(Region {
            key: name.value.clone(),
            variant: variant.unwrap_or_else(|| "Value".into()),
            api: region.value.api.value.clone(),
            accounts: text(&region.value.accounts),
            doc: text(&region.value.doc),
        });
    }
    if !spec.regions.contains(&spec.default_region.value) {
        let known: Vec<&str> = spec.regions.iter().map(|r| r.key.as_str()).collect();
        builder.error(
            spec.default_region.at,
            format!(
                "default region `{}` is not declared",
                spec.default_region.value
            ),
            format!("use one of the declared regions: {}", known.join(", ")),
        );
    }
    regions
}

fn auth(builder: &mut Builder<'_>) -> Auth {
    let auth = &builder.spec.auth;
    match (&auth.token_path, auth.scheme.value) {
        (None, AuthScheme::ZohoOauth) => builder.error(
            auth.scheme.at,
            "`zoho_oauth` needs the token endpoint's `token_path`",
            "add `token_path: /oauth/v2/token` to `auth`",
        ),
        (Some(path), _) if !path.value.starts_with('/') => builder.error(
            path.at,
            format!("`token_path` must start with `/`, found `{}`", path.value),
            "write the path on the accounts host, such as `/oauth/v2/token`",
        ),
        _ => {}
    }
    Auth {
        scheme: auth.scheme.value,
        token_path: text(&auth.token_path),
        doc: text(&auth.doc),
    }
}

fn errors(builder: &mut Builder<'_>) -> (Option<ErrorShape>, Vec<ErrorCode>) {
    let Some(errors) = &builder.spec.errors else {
        return (None, Vec::new());
    };
    let shape = errors.body.as_ref().map(|body| {
        for path in [Some(&body.code), Some(&body.message), body.details.as_ref()]
            .into_iter()
            .flatten()
        {
            if path.value.is_empty() || path.value.split('.').any(str::is_empty) {
                builder.error(
                    path.at,
                    format!("`{}` is not a dotted key path", path.value),
                    "write keys joined by `.`, such as `code` or `error.code`",
                );
            }
        }
        ErrorShape {
            code: key_path(&body.code.value),
            message: key_path(&body.message.value),
            details: body.details.as_ref().map(|d| key_path(&d.value)),
            doc: text(&body.doc),
        }
    });
    check_duplicates(builder, &errors.codes, "error code", None);
    let mut variants: HashMap<String, &Located<String>> = HashMap::new();
    let mut codes = Vec::new();
    for code in &errors.codes {
        let spec = &code.value;
        if !(100..=599).contains(&spec.status.value) {
            builder.error(
                spec.status.at,
                format!(
                    "HTTP status {} is not between 100 and 599",
                    spec.status.value
                ),
                "write the status the document gives, such as 400",
            );
        }
        match (&spec.meaning, &spec.cases) {
            (Some(_), Some(cases)) => builder.error(
                code.key.at,
                format!(
                    "error `{}` has both `meaning` and {} `cases`",
                    code.key.value,
                    cases.len()
                ),
                "keep `meaning` and `resolution` for one cause, `cases` for several",
            ),
            (None, None) => builder.error(
                code.key.at,
                format!(
                    "error `{}` says neither what it means nor its `cases`",
                    code.key.value
                ),
                "add `meaning:` with the document's words",
            ),
            (None, Some(cases)) if cases.is_empty() => builder.error(
                code.key.at,
                format!("error `{}` has an empty `cases` list", code.key.value),
                "list each documented cause with its `meaning`",
            ),
            _ => {}
        }
        if spec.resolution.is_some() && spec.meaning.is_none() {
            builder.error(
                code.key.at,
                format!(
                    "error `{}` has a `resolution` without a `meaning`",
                    code.key.value
                ),
                "put resolutions inside each of the `cases`",
            );
        }
        let Some(variant) = names::error_variant(&code.key.value) else {
            builder.error(
                code.key.at,
                format!(
                    "error code `{}` cannot be turned into a Rust variant name",
                    code.key.value
                ),
                "error codes must start with a letter",
            );
            continue;
        };
        if variant == names::UNKNOWN_VARIANT {
            builder.error(
                code.key.at,
                format!(
                    "error code `{}` would become the variant `Unknown`, which holds codes the document does not list",
                    code.key.value
                ),
                "a documented code cannot be called `UNKNOWN` in this generator; say so in a comment and leave it out",
            );
            continue;
        }
        if let Some(first) = variants.get(&variant) {
            let (first_at, first_code): (Position, &str) = (first.at, first.as_str());
            if first_code != code.key.value {
                builder.error(
                    code.key.at,
                    format!("error codes `{first_code}` and `{}` both become the variant `{variant}`", code.key.value),
                    format!("the first is at {first_at}; codes must differ in more than case and punctuation"),
                );
            }
            continue;
        }
        variants.insert(variant.clone(), &code.key);
        codes.push(ErrorCode {
            wire: code.key.value.clone(),
            variant,
            status: spec.status.value,
            cases: match &spec.cases {
                Some(cases) => cases
                    .iter()
                    .map(|c| (c.meaning.value.clone(), text(&c.resolution)))
                    .collect(),
                None => vec![(
                    text(&spec.meaning).unwrap_or_default(),
                    text(&spec.resolution),
                )],
            },
        });
    }
    (shape, codes)
}

/// Warns about codes of the error table that no operation lists.
pub(crate) fn check_error_code_use(builder: &mut Builder<'_>) {
    let spec = builder.spec;
    let Some(errors) = &spec.errors else { return };
    let used: Vec<&str> = spec
        .operations
        .iter()
        .flat_map(|op| op.value.errors.iter().map(|e| e.as_str()))
        .collect();
    for code in &errors.codes {
        if !used.contains(&code.key.as_str()) {
            builder.warning(
                code.key.at,
                format!(
                    "error code `{}` is not listed by any operation",
                    code.key.value
                ),
                "add it to the `errors:` of the operations that document it",
            );
        }
    }
}

pub(crate) fn check_rate_limits(builder: &mut Builder<'_>) {
    let spec = builder.spec;
    check_duplicates(builder, &spec.rate_limits, "rate limit", None);
    for limit in &spec.rate_limits {
        for (value, what) in [
            (&limit.value.requests, "requests"),
            (&limit.value.per_seconds, "per_seconds"),
        ] {
            if value.value == 0 {
                builder.error(
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
            builder.warning(
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

fn key_path(dotted: &str) -> Vec<String> {
    dotted.split('.').map(str::to_owned).collect()
}
