//! The service header: its name, regions, auth, error table and rate limits.

use std::collections::HashMap;

use super::{Builder, Declared, check_duplicates, text};
use crate::ir::names;
use crate::ir::{
    Auth, ErrorCode, ErrorShape, KeyPlace, RateLimit, RateLimitHeaders, Region, TokenEndpoint,
};
use crate::spec::type_expr::TypeExpr;
use crate::spec::{AuthScheme, CodeType, GrantSpec, Located, Position};

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
    } else if names::SERVICE_SUBMODULES.contains(&spec.service.value.as_str()) {
        builder.error(
            spec.service.at,
            format!(
                "service name `{}` is also the name of one of the files inside its module",
                spec.service.value
            ),
            format!(
                "rename the service, for example `{}_api`",
                spec.service.value
            ),
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
            assumed: builder.assumed(&region.value.assumed),
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

/// Headers the client sets itself on every request: no parameter or credential may take
/// their place.
pub(crate) const CLIENT_HEADERS: [&str; 5] = [
    "Accept",
    "Content-Type",
    "Content-Length",
    "User-Agent",
    "Host",
];

/// Whether `name` is a valid HTTP header name (an RFC 9110 token).
pub(crate) fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
}

/// Reports a header name that is not one, or that the client sets itself.
pub(crate) fn check_header_name(builder: &mut Builder<'_>, name: &Located<String>, what: &str) {
    if !is_header_name(&name.value) {
        builder.error(
            name.at,
            format!("`{}` is not an HTTP header name", name.value),
            format!("write the {what}'s name as the document gives it, such as `X-Request-Id`"),
        );
    } else if let Some(taken) = CLIENT_HEADERS
        .iter()
        .find(|h| h.eq_ignore_ascii_case(&name.value))
    {
        builder.error(
            name.at,
            format!("the client sets the `{taken}` header itself"),
            format!("leave the {what} out; say in a comment what the document sends"),
        );
    }
}

fn auth(builder: &mut Builder<'_>) -> Auth {
    let spec = &builder.spec.auth;
    let scheme_name = spec.scheme.value;
    let refused = |builder: &mut Builder<'_>, key: &str, at: Position, applies: &str| {
        builder.error(
            at,
            format!("`{key}` does not apply to `scheme: {scheme_name}`"),
            format!("remove `{key}`; it belongs to {applies}"),
        );
    };
    let zoho = scheme_name == AuthScheme::ZohoOauth;
    if zoho {
        builder.warning(
            spec.scheme.at,
            "`scheme: zoho_oauth` is a deprecated shorthand",
            "write `scheme: bearer`, `prefix: Zoho-oauthtoken`, `grants: [refresh_token]` and \
             `refresh_on: [{ status: 401, code: INVALID_TOKEN }]`, which it stands for",
        );
    }
    let bearer = matches!(scheme_name, AuthScheme::Bearer | AuthScheme::ZohoOauth);
    if !bearer {
        for (key, value) in [
            ("prefix", spec.prefix.as_ref().map(|p| p.at)),
            ("token_path", spec.token_path.as_ref().map(|p| p.at)),
            (
                "grants",
                spec.grants.as_ref().and_then(|g| g.first()).map(|g| g.at),
            ),
            (
                "refresh_on",
                spec.refresh_on
                    .as_ref()
                    .and_then(|r| r.first())
                    .map(|r| r.status.at),
            ),
        ] {
            if let Some(at) = value {
                refused(builder, key, at, "`scheme: bearer`");
            }
        }
    }
    if scheme_name != AuthScheme::ApiKey
        && let Some(query) = &spec.query
    {
        refused(builder, "query", query.at, "`scheme: api_key`");
    }
    if matches!(scheme_name, AuthScheme::None | AuthScheme::Basic)
        && let Some(header) = &spec.header
    {
        refused(
            builder,
            "header",
            header.at,
            "`scheme: bearer` and `scheme: api_key`",
        );
    }
    if let Some(header) = &spec.header {
        check_header_name(builder, header, "credential header");
    }
    if let Some(query) = &spec.query
        && !crate::spec::is_identifier(&query.value)
        && !is_header_name(&query.value)
    {
        builder.error(
            query.at,
            format!("`{}` is not a query parameter name", query.value),
            "write the parameter's name as the document gives it, such as `api_key`",
        );
    }
    let scheme = match scheme_name {
        AuthScheme::None => crate::ir::AuthScheme::None,
        AuthScheme::Basic => crate::ir::AuthScheme::Basic,
        AuthScheme::Bearer | AuthScheme::ZohoOauth => crate::ir::AuthScheme::Bearer {
            header: text(&spec.header).unwrap_or_else(|| "Authorization".into()),
            prefix: text(&spec.prefix)
                .unwrap_or_else(|| if zoho { "Zoho-oauthtoken" } else { "Bearer" }.into()),
        },
        AuthScheme::ApiKey => match (&spec.header, &spec.query) {
            (Some(header), None) => {
                crate::ir::AuthScheme::ApiKey(KeyPlace::Header(header.value.clone()))
            }
            (None, Some(query)) => {
                crate::ir::AuthScheme::ApiKey(KeyPlace::Query(query.value.clone()))
            }
            (Some(header), Some(_)) => {
                builder.error(
                    header.at,
                    "`scheme: api_key` takes `header` or `query`, not both",
                    "keep the one the document shows",
                );
                crate::ir::AuthScheme::ApiKey(KeyPlace::Header(header.value.clone()))
            }
            (None, None) => {
                builder.error(
                    spec.scheme.at,
                    "`scheme: api_key` needs `header` or `query`: where the key goes",
                    "add `header: X-Api-Key` (or `query: api_key`), as the document shows",
                );
                crate::ir::AuthScheme::ApiKey(KeyPlace::Header("X-Api-Key".into()))
            }
        },
    };
    if let Some(prefix) = &spec.prefix
        && (prefix.value.trim() != prefix.value || prefix.value.chars().any(char::is_control))
    {
        builder.error(
            prefix.at,
            format!(
                "`prefix` {:?} has surrounding spaces or control characters",
                prefix.value
            ),
            "write the word before the token alone, such as `Bearer`; the space after it is added",
        );
    }
    let tokens = match &spec.token_path {
        Some(path) if bearer => {
            if !path.value.starts_with('/') {
                builder.error(
                    path.at,
                    format!("`token_path` must start with `/`, found `{}`", path.value),
                    "write the path on the accounts host, such as `/oauth/v2/token`",
                );
            }
            Some(TokenEndpoint {
                path: path.value.clone(),
                grants: grants(builder, zoho),
                refresh_on: refresh_on(builder, zoho),
            })
        }
        Some(_) => None,
        None => {
            if zoho {
                builder.error(
                    spec.scheme.at,
                    "`zoho_oauth` needs the token endpoint's `token_path`",
                    "add `token_path: /oauth/v2/token` to `auth`",
                );
            }
            for (key, at) in [
                (
                    "grants",
                    spec.grants.as_ref().and_then(|g| g.first()).map(|g| g.at),
                ),
                (
                    "refresh_on",
                    spec.refresh_on
                        .as_ref()
                        .and_then(|r| r.first())
                        .map(|r| r.status.at),
                ),
            ] {
                if let (Some(at), true) = (at, bearer) {
                    builder.error(
                        at,
                        format!("`{key}` without a `token_path`"),
                        "add the token endpoint's `token_path`, or remove this",
                    );
                }
            }
            None
        }
    };
    Auth {
        scheme,
        tokens,
        doc: text(&spec.doc),
        assumed: builder.assumed(&spec.assumed),
    }
}

fn grants(builder: &mut Builder<'_>, zoho: bool) -> Vec<GrantSpec> {
    let Some(listed) = &builder.spec.auth.grants else {
        return if zoho {
            vec![GrantSpec::RefreshToken]
        } else {
            vec![GrantSpec::RefreshToken, GrantSpec::ClientCredentials]
        };
    };
    let mut grants = Vec::new();
    for grant in listed {
        if grants.contains(&grant.value) {
            builder.error(grant.at, "this grant is listed twice", "remove the repeat");
        } else {
            grants.push(grant.value);
        }
    }
    if grants.is_empty() {
        builder.error(
            builder.spec.auth.scheme.at,
            "`grants` is empty",
            "list the grants the token endpoint takes, or remove `grants` for both",
        );
    }
    grants
}

fn refresh_on(builder: &mut Builder<'_>, zoho: bool) -> Vec<(u16, Option<String>)> {
    let Some(rules) = &builder.spec.auth.refresh_on else {
        return vec![(401, zoho.then(|| "INVALID_TOKEN".to_owned()))];
    };
    let mut out = Vec::new();
    for rule in rules {
        if !(400..=599).contains(&rule.status.value) {
            builder.error(
                rule.status.at,
                format!("status {} is not an error status", rule.status.value),
                "write the status a refused token gets, such as 401",
            );
        }
        let integer_codes = builder
            .spec
            .errors
            .as_ref()
            .and_then(|errors| errors.body.as_ref())
            .and_then(|body| body.code_type.as_ref())
            .is_some_and(|kind| kind.value == CodeType::Integer);
        if let Some(code) = rule.code.as_ref().filter(|_| integer_codes)
            && code.value.trim().parse::<i64>().is_err()
        {
            builder.error(
                code.at,
                format!(
                    "`{}` is not an integer, but the errors' `code_type` is `integer`",
                    code.value
                ),
                "write the number of the code a refused token gets, or only its `status`",
            );
        }
        let entry = (rule.status.value, text(&rule.code));
        if out.contains(&entry) {
            builder.error(
                rule.status.at,
                "this rule is listed twice",
                "remove the repeat",
            );
        } else {
            out.push(entry);
        }
    }
    out
}

fn errors(builder: &mut Builder<'_>) -> (Option<ErrorShape>, Vec<ErrorCode>) {
    let Some(errors) = &builder.spec.errors else {
        return (None, Vec::new());
    };
    let shape = errors.body.as_ref().map(|body| error_shape(builder, body));
    let integer_codes = shape.as_ref().is_some_and(|s| s.integer_codes);
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
        if integer_codes && code.key.value.parse::<i64>().is_err() {
            builder.error(
                code.key.at,
                format!(
                    "error code `{}` is not an integer, but `code_type` is `integer`",
                    code.key.value
                ),
                "write the code's number, or remove `code_type: integer`",
            );
            continue;
        }
        let variant = match &spec.name {
            Some(name) if names::is_upper_camel_case(&name.value) => {
                Some(names::escape_keyword(&name.value))
            }
            Some(name) => {
                builder.error(
                    name.at,
                    format!("variant name `{}` is not in UpperCamelCase", name.value),
                    format!(
                        "write `{}`",
                        names::type_name(&name.value).unwrap_or_else(|| "Code".into())
                    ),
                );
                continue;
            }
            None if integer_codes => {
                builder.error(
                    code.key.at,
                    format!("integer error code {} needs a `name`", code.key.value),
                    format!(
                        "write `\"{}\": {{ name: SomeName, status: ..., meaning: ... }}`",
                        code.key.value
                    ),
                );
                continue;
            }
            None => names::error_variant(&code.key.value),
        };
        let Some(variant) = variant else {
            builder.error(
                code.key.at,
                format!(
                    "error code `{}` cannot be turned into a Rust variant name",
                    code.key.value
                ),
                "error codes must start with a letter; or give it a `name`",
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
        let quota = spec.quota.as_ref().filter(|quota| quota.value);
        if let Some(quota) = quota
            && spec.status.value != 429
        {
            builder.error(
                quota.at,
                format!(
                    "`quota: true` marks a 429 that means a spent quota, but this code's status is {}",
                    spec.status.value
                ),
                "remove `quota`, or give the code the status 429 the document gives it",
            );
        }
        codes.push(ErrorCode {
            wire: code.key.value.clone(),
            variant,
            status: spec.status.value,
            quota: quota.is_some(),
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

/// Where the parts of an error body sit, and what its codes and successes look like.
fn error_shape(builder: &mut Builder<'_>, body: &crate::spec::ErrorBodySpec) -> ErrorShape {
    for path in [
        body.code.as_ref(),
        Some(&body.message),
        body.details.as_ref(),
    ]
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
    let integer_codes = body
        .code_type
        .as_ref()
        .is_some_and(|t| t.value == CodeType::Integer);
    if let (Some(kind), None) = (&body.code_type, &body.code) {
        builder.error(
            kind.at,
            "`code_type` without a `code`",
            "add the code's key path, or remove `code_type`",
        );
    }
    let success = body.success.as_ref().and_then(|success| {
        let text = match (&success.value, integer_codes) {
            (serde_json::Value::Number(n), true) if n.is_i64() => Some(n.to_string()),
            (serde_json::Value::String(s), false) => Some(s.clone()),
            _ => None,
        };
        if body.code.is_none() {
            builder.error(
                success.at,
                "`success` without a `code`: there is no code to compare it with",
                "add the code's key path, or remove `success`",
            );
        } else if text.is_none() {
            builder.error(
                success.at,
                format!(
                    "`success: {}` is not {} code",
                    success.value,
                    if integer_codes {
                        "an integer"
                    } else {
                        "a text"
                    }
                ),
                "write the code successful answers carry, as the document shows it",
            );
        }
        text
    });
    let body_type = body.ty.as_ref().and_then(|ty| {
        let place = super::types::Place {
            owner: "ErrorBody",
            field: "body",
            wire: "body",
        };
        let resolved = builder.resolve(ty, place)?;
        match &resolved.expr {
            TypeExpr::Named(name)
                if matches!(builder.declared(name), Some(Declared::Object(_))) =>
            {
                Some(name.clone())
            }
            expr => {
                builder.error(
                    ty.at,
                    format!("an error body must be an object type, found `{expr}`"),
                    "declare an object type under `types:` and name it here",
                );
                None
            }
        }
    });
    ErrorShape {
        code: body.code.as_ref().map(|c| key_path(&c.value)),
        integer_codes,
        body: body_type,
        success,
        message: key_path(&body.message.value),
        details: body.details.as_ref().map(|d| key_path(&d.value)),
        doc: text(&body.doc),
        assumed: builder.assumed(&body.assumed),
    }
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

/// The headers in which the service says how much of its limit is left: real header names,
/// a window of at least a second.
pub(crate) fn rate_limit_headers(builder: &mut Builder<'_>) -> Option<RateLimitHeaders> {
    let spec = builder.spec.rate_limit_headers.as_ref()?;
    for header in std::iter::once(&spec.remaining).chain(&spec.retry_after) {
        if !is_header_name(&header.value) {
            builder.error(
                header.at,
                format!("`{}` is not an HTTP header name", header.value),
                "write the header as the service sends it, such as `X-RateLimit-Remaining-Minute`",
            );
        }
    }
    if spec.window_seconds.value == 0 {
        builder.error(
            spec.window_seconds.at,
            "`window_seconds` must be at least 1",
            "write the length of the service's window, such as 60",
        );
    }
    Some(RateLimitHeaders {
        remaining: spec.remaining.value.clone(),
        retry_after: text(&spec.retry_after),
        window_seconds: spec.window_seconds.value,
        doc: text(&spec.doc),
        assumed: builder.assumed(&spec.assumed),
    })
}

/// The service's rate limits, each once; warns about those no operation uses.
pub(crate) fn rate_limits(builder: &mut Builder<'_>) -> Vec<RateLimit> {
    let spec = builder.spec;
    check_duplicates(builder, &spec.rate_limits, "rate limit", None);
    let mut limits: Vec<RateLimit> = Vec::new();
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
        if !limits.iter().any(|l| l.name == limit.key.value) {
            limits.push(RateLimit {
                name: limit.key.value.clone(),
                requests: limit.value.requests.value,
                per_seconds: limit.value.per_seconds.value,
                lock_seconds: limit.value.lock_seconds.as_ref().map(|l| l.value),
                doc: text(&limit.value.doc),
                assumed: builder.assumed(&limit.value.assumed),
            });
        }
    }
    limits
}

fn key_path(dotted: &str) -> Vec<String> {
    dotted.split('.').map(str::to_owned).collect()
}
