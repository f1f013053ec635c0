//! Help Scout: one organization with its counts and properties.
//!
//! Run with `HELPSCOUT_APP_ID` and `HELPSCOUT_APP_SECRET` set:
//! `cargo run -p org-clients --example help_scout`.

use org_clients::help_scout::{Client, Credentials};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::builder()
        .credentials(Credentials::client_credentials(
            std::env::var("HELPSCOUT_APP_ID").map_err(|_| "set HELPSCOUT_APP_ID")?,
            std::env::var("HELPSCOUT_APP_SECRET").map_err(|_| "set HELPSCOUT_APP_SECRET")?,
        ))
        .build()?;

    let organization = client
        .get_organization(10)
        .include_counts(true)
        .include_properties(true)
        .send()
        .await?;
    println!(
        "{}: {} customers, {} conversations",
        organization.name.unwrap_or_default(),
        organization.customer_count.unwrap_or_default(),
        organization.conversation_count.unwrap_or_default()
    );
    for property in organization.properties.unwrap_or_default() {
        println!(
            "  {} = {}",
            property.name.unwrap_or_default(),
            property.value.unwrap_or_default()
        );
    }
    Ok(())
}
