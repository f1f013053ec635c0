//! `waiters.rs` of a service module with waiters: one `Client::wait_for_<name>` method per
//! waiter, returning a builder whose setters change the polling and whose `send()` polls
//! the operation until the state in its payload is final (`crate::runtime::Waiter`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{doc_attrs, prose, with_assumption};
use super::operations::arguments;
use super::{examples, field_path, field_type, ident, number, rust_type, setter_arg};
use crate::ir::{Operation, RustType, Service, StatePath, Waiter};

/// The tokens of a service's `waiters.rs`; `None` when the service has no waiters.
pub fn emit(service: &Service, lib_name: &str) -> Option<TokenStream> {
    if service.waiters.is_empty() {
        return None;
    }
    let waiters = service.waiters.iter().filter_map(|waiter| {
        let op = service
            .operations
            .iter()
            .find(|op| op.name == waiter.operation)?;
        Some(waiter_items(service, waiter, op, lib_name))
    });
    Some(quote! {
        //! One builder per waiter: `wait_for_...` polls an operation until the job it
        //! reports on is done.

        use super::errors::Result;
        use super::types::*;
        use super::Client;

        #(#waiters)*
    })
}

fn waiter_items(service: &Service, waiter: &Waiter, op: &Operation, lib_name: &str) -> TokenStream {
    let method = ident(&waiter.method);
    let builder = format_ident!("{}", waiter.builder);
    let operation = ident(&op.name);
    let op_builder = format_ident!("{}", op.builder);
    let payload = op.response.payload.as_ref().map_or(quote!(()), rust_type);
    let mut args = Vec::new();
    let mut passed = Vec::new();
    for param in arguments(op) {
        let field = ident(&param.rust_name);
        let (ty, _) = setter_arg(&param.ty, &field);
        args.push(quote!(#field: #ty));
        passed.push(quote!(#field));
    }
    if let Some(body) = &op.body {
        let ty = format_ident!("{}", body);
        args.push(quote!(body: #ty));
        passed.push(quote!(body));
    }
    let doc = doc_attrs(&method_doc(service, waiter, op, lib_name));
    let builder_doc = doc_attrs(&format!(
        "A wait started by [`Client::{}`]: change the polling if need be, then call `send()`.",
        waiter.method
    ));
    let name = &waiter.name;
    let operation_name = &op.name;
    let success = &waiter.success;
    let failure = &waiter.failure;
    let (interval, max_interval, deadline) = (
        number(waiter.interval_seconds),
        number(waiter.max_interval_seconds),
        number(waiter.deadline_seconds),
    );
    let interval_doc = doc_attrs(&format!(
        "The delay before the second poll (the spec's: {} s); it doubles after each poll.",
        waiter.interval_seconds
    ));
    let max_interval_doc = doc_attrs(&format!(
        "The longest delay between polls (the spec's: {} s).",
        waiter.max_interval_seconds
    ));
    let deadline_doc = doc_attrs(&format!(
        "How long after the first poll the wait gives up (the spec's: {} s).",
        waiter.deadline_seconds
    ));
    let send_doc = doc_attrs(&format!(
        "Polls until the job's state is final. See [`Client::{}`] for what it returns and \
         its errors.",
        waiter.method
    ));
    let (state_arg, state) = state_expression(&waiter.state, op);
    quote! {
        impl Client {
            #doc
            pub fn #method(&self, #(#args),*) -> #builder<'_> {
                #builder {
                    client: self,
                    request: self.#operation(#(#passed),*),
                    policy: #builder::POLICY,
                }
            }
        }

        #builder_doc
        #[derive(Debug, Clone)]
        #[must_use = "a wait does nothing until `.send().await`"]
        pub struct #builder<'a> {
            client: &'a Client,
            request: super::#op_builder<'a>,
            policy: crate::runtime::WaitPolicy,
        }

        impl #builder<'_> {
            /// The waiter: what it polls, and the states that end it.
            const WAITER: crate::runtime::Waiter = crate::runtime::Waiter {
                name: #name,
                operation: #operation_name,
                success: &[#(#success),*],
                failure: &[#(#failure),*],
            };

            /// The spec's polling.
            const POLICY: crate::runtime::WaitPolicy = crate::runtime::WaitPolicy::new(
                std::time::Duration::from_secs(#interval),
                std::time::Duration::from_secs(#max_interval),
                std::time::Duration::from_secs(#deadline),
            );

            #interval_doc
            pub fn interval(mut self, interval: std::time::Duration) -> Self {
                self.policy = self.policy.interval(interval);
                self
            }

            #max_interval_doc
            pub fn max_interval(mut self, max_interval: std::time::Duration) -> Self {
                self.policy = self.policy.max_interval(max_interval);
                self
            }

            #deadline_doc
            pub fn deadline(mut self, deadline: std::time::Duration) -> Self {
                self.policy = self.policy.deadline(deadline);
                self
            }

            #send_doc
            pub async fn send(self) -> Result<#payload> {
                let request = self.request;
                Self::WAITER
                    .wait(
                        &self.policy,
                        self.client.transport().clock(),
                        || request.clone().send(),
                        Self::state,
                    )
                    .await
            }

            /// The state an answer reports, when it has one.
            fn state(#state_arg) -> Option<&str> {
                #state
            }
        }
    }
}

/// The argument of the `state` function and the expression that reads the state: from the
/// first item of a list payload (taken as a slice), through `Option`s where a field on the
/// way is optional.
fn state_expression(path: &StatePath, op: &Operation) -> (TokenStream, TokenStream) {
    let argument = match &op.response.payload {
        Some(RustType::List(item)) if path.first_item => {
            let item = rust_type(item);
            quote!(payload: &[#item])
        }
        Some(ty) => {
            let ty = field_type(ty, true);
            quote!(payload: &#ty)
        }
        None => quote!(payload: &()),
    };
    let (expression, optional) = if path.first_item {
        field_path(quote!(payload.first()), true, &path.steps)
    } else {
        field_path(quote!(payload), false, &path.steps)
    };
    let as_str = match &path.value_set {
        Some(name) => {
            let name = format_ident!("{}", name);
            quote!(#name::as_str)
        }
        None => quote!(String::as_str),
    };
    let expression = if optional {
        quote!(#expression.map(#as_str))
    } else {
        quote!(Some(#as_str(&#expression)))
    };
    (argument, expression)
}

/// The rustdoc of a waiter's method.
fn method_doc(service: &Service, waiter: &Waiter, op: &Operation, lib_name: &str) -> String {
    let list = |states: &[String]| -> String {
        let quoted: Vec<String> = states.iter().map(|s| format!("`{s}`")).collect();
        match quoted.as_slice() {
            [] => String::new(),
            [only] => only.clone(),
            [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
        }
    };
    let mut sections = Vec::new();
    sections.push(match &waiter.doc {
        Some(doc) => prose(doc),
        None => format!(
            "Waits until the job [`Client::{}`] reports on is done.",
            op.name
        ),
    });
    let state = waiter.state.wire.join(".");
    let place = if waiter.state.first_item {
        format!("the `{state}` of the first item it returns")
    } else {
        format!("its `{state}`")
    };
    let mut polling = format!(
        "Polls [`Client::{}`] until {place} is {}, and returns that last answer",
        op.name,
        list(&waiter.success)
    );
    if !waiter.failure.is_empty() {
        polling.push_str(&format!(
            "; {} means the job failed, and the wait fails with `Error::WaitFailed`",
            list(&waiter.failure)
        ));
    }
    polling.push_str(". Any other state");
    if !waiter.pending.is_empty() {
        polling.push_str(&format!(
            " ({}, which the document gives for a job under way, or one it does not list)",
            list(&waiter.pending)
        ));
    }
    polling.push_str(", or none, means poll again.");
    sections.push(polling);
    sections.push(with_assumption(
        format!(
            "# Polling\n\nThe first poll is sent at once, the second after {} s, the delay \
             doubling after each poll up to {} s; {} s after the first poll the wait fails \
             with `Error::WaitDeadline`. The builder's `interval`, `max_interval` and \
             `deadline` change these. Each poll is an ordinary call, authorized, rate limited \
             and retried like any other, and its first error ends the wait. The delays pass \
             on the client's clock (`rate_limit_clock`), so a simulated clock makes them \
             instant. Dropping the future cancels the wait.",
            waiter.interval_seconds, waiter.max_interval_seconds, waiter.deadline_seconds
        ),
        waiter.assumed.as_deref(),
    ));
    let required = arguments(op);
    if !required.is_empty() || op.body.is_some() {
        sections.push(format!(
            "# Arguments\n\nThose of [`Client::{}`], which each poll sends.",
            op.name
        ));
    }
    if let Some(call) = examples::call(service, op) {
        let module = &service.module;
        let expr = call.expr_of(&waiter.method, false);
        sections.push(format!(
            "# Example\n\n```no_run\n\
             # use {lib_name}::{module}::*;\n\
             # async fn example(client: Client) -> Result<()> {{\n\
             {}let done = {expr}\n    .deadline(std::time::Duration::from_secs(600))\n    .send()\n    .await?;\n\
             # Ok(())\n\
             # }}\n```",
            call.setup
        ));
    }
    sections.join("\n\n")
}
