//! Zoho People: every division of the organization structure, page by page.
//!
//! Run with `ZOHO_ACCESS_TOKEN` set: `cargo run -p org-clients --example zoho_people`.

use futures::StreamExt;
use org_clients::zoho_people::{Client, Credentials, TagStatus};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("ZOHO_ACCESS_TOKEN").map_err(|_| "set ZOHO_ACCESS_TOKEN")?;
    let client = Client::builder()
        .credentials(Credentials::access_token(token))
        .build()?;

    // The service allows 30 requests a minute; a larger page means fewer requests.
    let mut divisions = Box::pin(
        client
            .list_divisions()
            .is_tagged(TagStatus::Mapped)
            .limit(200)
            .stream(),
    );
    while let Some(division) = divisions.next().await {
        let division = division?;
        // A division with no parent has `"parent_division": {}`: no name there either.
        let parent = division
            .parent_division
            .and_then(|parent| parent.name)
            .unwrap_or_else(|| "(none)".into());
        let id = division.zoho_id.unwrap_or_default();
        let name = division.name.unwrap_or_default();
        println!("{id} {name} under {parent}");
    }
    Ok(())
}
