//! The service header: descriptions, auth, regions, the error table and the parameters
//! every operation sends.

use heck::ToSnakeCase;

use super::{Changes, Context, Matched, arrow, by_key, params, shown, ticked};
use crate::rules::Rule;
use codegen::ir::Service;

pub(super) fn compare(changes: &mut Changes, context: &Context<'_>, old: &Service, new: &Service) {
    rate_limits(changes, old, new);
    describe(changes, old, new);
    if old.response_content_type != new.response_content_type {
        changes.add(
            Rule::ResponseMediaTypeChanged,
            format!(
                "successful responses are {}",
                ticked(&old.response_content_type, &new.response_content_type)
            ),
        );
    }
    auth(changes, old, new);
    regions(changes, old, new);
    errors(changes, old, new);
    params::compare(
        changes,
        context,
        &old.common_params,
        &new.common_params,
        &params::Owner::Client,
    );
}

fn describe(changes: &mut Changes, old: &Service, new: &Service) {
    let mut parts = Vec::new();
    if old.title != new.title {
        parts.push(format!("title {}", ticked(&old.title, &new.title)));
    }
    if old.description != new.description {
        parts.push("description".to_owned());
    }
    if old.source != new.source {
        parts.push(format!("source {}", ticked(&old.source, &new.source)));
    }
    if old.docs_url != new.docs_url {
        parts.push(format!(
            "documentation link {}",
            arrow(
                shown(old.docs_url.as_deref()),
                shown(new.docs_url.as_deref())
            )
        ));
    }
    if !parts.is_empty() {
        changes.add(
            Rule::ServiceDescribed,
            format!("service {}", parts.join(", ")),
        );
    }
}

fn auth(changes: &mut Changes, old: &Service, new: &Service) {
    let grants = |s: &Service| {
        s.auth
            .tokens
            .as_ref()
            .map(|t| t.grants.clone())
            .unwrap_or_default()
    };
    if old.auth.scheme != new.auth.scheme || grants(old) != grants(new) {
        changes.add(
            Rule::AuthSchemeChanged,
            format!("authorization scheme {}", arrow(scheme(old), scheme(new))),
        );
    }
    let path = |s: &Service| s.auth.tokens.as_ref().map(|t| t.path.clone());
    if path(old) != path(new) {
        changes.add(
            Rule::TokenPathChanged,
            format!(
                "token endpoint path {}",
                arrow(shown(path(old).as_deref()), shown(path(new).as_deref()))
            ),
        );
    }
    let rules = |s: &Service| s.auth.tokens.as_ref().map(|t| t.refresh_on.clone());
    if path(old).is_some() && path(new).is_some() && rules(old) != rules(new) {
        changes.add(
            Rule::TokenPathChanged,
            format!(
                "answers that refresh the token {}",
                arrow(
                    format!("{:?}", rules(old).unwrap_or_default()),
                    format!("{:?}", rules(new).unwrap_or_default())
                )
            ),
        );
    }
    if old.auth.doc != new.auth.doc || old.auth.assumed != new.auth.assumed {
        changes.add(Rule::AuthDescribed, "authorization notes");
    }
}

fn regions(changes: &mut Changes, old: &Service, new: &Service) {
    for matched in by_key(&old.regions, &new.regions, |r| &r.key) {
        let (region, now) = match matched {
            Matched::Removed(region) => {
                changes.add(
                    Rule::RegionRemoved,
                    format!(
                        "region `{}` (`Region::{}`) removed",
                        region.key, region.variant
                    ),
                );
                continue;
            }
            Matched::Added(region) => {
                changes.add(
                    Rule::RegionAdded,
                    format!(
                        "region `{}` (`Region::{}`) added: {}",
                        region.key, region.variant, region.api
                    ),
                );
                continue;
            }
            Matched::Both(region, now) => (region, now),
        };
        let mut hosts = Vec::new();
        if region.api != now.api {
            hosts.push(format!("API host {}", arrow(&region.api, &now.api)));
        }
        if region.accounts != now.accounts {
            hosts.push(format!(
                "accounts host {}",
                arrow(
                    shown(region.accounts.as_deref()),
                    shown(now.accounts.as_deref())
                )
            ));
        }
        if !hosts.is_empty() {
            changes
                .add(
                    Rule::RegionHostChanged,
                    format!("region `{}`: {}", region.key, hosts.join(", ")),
                )
                .warn(
                    "the spec cannot say whether the old host still answers: callers on an older \
                     version of the crate keep using it",
                );
        }
        if region.doc != now.doc || region.assumed != now.assumed {
            changes.add(
                Rule::ServiceDescribed,
                format!("region `{}` description", region.key),
            );
        }
    }
    if old.default_region != new.default_region {
        changes.add(
            Rule::DefaultRegionChanged,
            format!(
                "default region {}",
                arrow(
                    format!("`Region::{}`", old.default_region),
                    format!("`Region::{}`", new.default_region)
                )
            ),
        );
    }
}

fn errors(changes: &mut Changes, old: &Service, new: &Service) {
    let shape = |s: &Service| {
        s.error_shape.as_ref().map(|e| {
            (
                e.code.clone(),
                e.message.clone(),
                e.details.clone(),
                e.success.clone(),
            )
        })
    };
    let integer_codes = |s: &Service| s.error_shape.as_ref().is_some_and(|e| e.integer_codes);
    if integer_codes(old) != integer_codes(new) {
        changes.add(
            Rule::ErrorCodeTypeChanged,
            format!(
                "error codes are {}",
                arrow(code_kind(integer_codes(old)), code_kind(integer_codes(new)))
            ),
        );
    }
    let body_type = |s: &Service| s.error_shape.as_ref().and_then(|e| e.body.clone());
    if body_type(old) != body_type(new) {
        let shown =
            |ty: Option<String>| format!("`{}`", ty.as_deref().unwrap_or("serde_json::Value"));
        changes.add(
            Rule::ErrorBodyTypeChanged,
            format!(
                "the error body type {}",
                arrow(shown(body_type(old)), shown(body_type(new)))
            ),
        );
    }
    if shape(old) != shape(new) {
        changes.add(
            Rule::ErrorBodyChanged,
            "where error bodies keep their code, message and details",
        );
    } else if old.error_shape.as_ref().map(|e| (&e.doc, &e.assumed))
        != new.error_shape.as_ref().map(|e| (&e.doc, &e.assumed))
    {
        changes.add(Rule::ErrorCodeDescribed, "the notes on error bodies");
    }
    for matched in by_key(&old.error_codes, &new.error_codes, |c| &c.wire) {
        match matched {
            Matched::Removed(code) => {
                changes.add(
                    Rule::ErrorCodeRemoved,
                    format!(
                        "error code `{}` (`ErrorCode::{}`) removed",
                        code.wire, code.variant
                    ),
                );
            }
            Matched::Both(code, now) => {
                if code.status != now.status {
                    changes.add(
                        Rule::ErrorCodeStatusChanged,
                        format!(
                            "error code `{}`: HTTP status {}",
                            code.wire,
                            arrow(code.status, now.status)
                        ),
                    );
                }
                if code.quota != now.quota {
                    changes.add(
                        Rule::ErrorCodeQuotaChanged,
                        format!(
                            "error code `{}`: {}",
                            code.wire,
                            if now.quota {
                                "a spent quota, no longer retried"
                            } else {
                                "a momentary limit, retried"
                            }
                        ),
                    );
                }
                if code.cases != now.cases {
                    changes.add(
                        Rule::ErrorCodeDescribed,
                        format!("error code `{}`: meaning or resolution", code.wire),
                    );
                }
            }
            Matched::Added(code) => {
                changes
                    .add(
                        Rule::ErrorCodeAdded,
                        format!(
                            "error code `{}` (`ErrorCode::{}`, HTTP {}) added",
                            code.wire, code.variant, code.status
                        ),
                    )
                    .warn(format!(
                        "responses with code `{}` used to decode as `ErrorCode::Unknown({})`; code \
                         matching that form no longer sees them",
                        code.wire,
                        if integer_codes(old) {
                            code.wire.clone()
                        } else {
                            format!("{:?}", code.wire)
                        }
                    ));
            }
        }
    }
}

/// A named limit whose numbers change, once for every operation it governs. (Which
/// operations a limit governs is compared with each operation.)
fn rate_limits(changes: &mut Changes, old: &Service, new: &Service) {
    let headers = |side: &Service| {
        side.rate_limit_headers.as_ref().map(|h| {
            (
                h.remaining.to_ascii_lowercase(),
                h.retry_after.as_ref().map(|r| r.to_ascii_lowercase()),
                h.window_seconds,
            )
        })
    };
    if headers(old) != headers(new) {
        let shown = |side: &Service| match &side.rate_limit_headers {
            Some(h) => format!("`{}` (window {} s)", h.remaining, h.window_seconds),
            None => "none".to_owned(),
        };
        changes.add(
            Rule::RateLimitHeadersChanged,
            format!(
                "the service's remaining-count headers {}",
                arrow(shown(old), shown(new))
            ),
        );
    }
    for matched in by_key(&old.rate_limits, &new.rate_limits, |l| &l.name) {
        let Matched::Both(limit, now) = matched else {
            continue;
        };
        let numbers =
            |l: &codegen::ir::RateLimit| limit_numbers(l.requests, l.per_seconds, l.lock_seconds);
        let (before, after) = (numbers(limit), numbers(now));
        if before == after {
            continue;
        }
        let governed: Vec<String> = new
            .operations
            .iter()
            .filter(|op| op.rate_limit.as_ref().is_some_and(|l| l.name == limit.name))
            .map(|op| format!("`{}`", op.name))
            .collect();
        let scope = if governed.is_empty() {
            "no operation uses it".to_owned()
        } else {
            format!("governs {}", governed.join(", "))
        };
        changes.add(
            Rule::RateLimitChanged,
            format!(
                "rate limit `{}`: {} ({scope})",
                limit.name,
                arrow(before, after)
            ),
        );
    }
}

/// `30 requests per 60 s, locked 300 s after`.
pub(super) fn limit_numbers(requests: u32, per_seconds: u32, lock_seconds: Option<u32>) -> String {
    let lock = lock_seconds
        .map(|s| format!(", locked {s} s after"))
        .unwrap_or_default();
    format!("{requests} requests per {per_seconds} s{lock}")
}

/// The scheme as the spec writes it (`zoho_oauth`).
/// The scheme as a report shows it: its kind, where the credential goes, and the grants.
fn scheme(service: &Service) -> String {
    let auth = &service.auth;
    let kind = match &auth.scheme {
        codegen::ir::AuthScheme::None => "none".to_owned(),
        codegen::ir::AuthScheme::Basic => "basic".to_owned(),
        codegen::ir::AuthScheme::Bearer { header, prefix } => format!("bearer, {header}: {prefix}"),
        codegen::ir::AuthScheme::ApiKey(codegen::ir::KeyPlace::Header(h)) => {
            format!("api_key, header {h}")
        }
        codegen::ir::AuthScheme::ApiKey(codegen::ir::KeyPlace::Query(q)) => {
            format!("api_key, query {q}")
        }
    };
    let grants: Vec<String> = auth
        .tokens
        .iter()
        .flat_map(|t| &t.grants)
        .map(|g| format!("{g:?}").to_snake_case())
        .collect();
    if grants.is_empty() {
        format!("`{kind}`")
    } else {
        format!("`{kind}; {}`", grants.join(", "))
    }
}

fn code_kind(integer: bool) -> &'static str {
    if integer { "integers" } else { "text" }
}
