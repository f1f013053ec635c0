//! Zoho CRM: every completed Zia org enrichment job, then the details of the first.
//!
//! Run with `ZOHO_CLIENT_ID`, `ZOHO_CLIENT_SECRET` and `ZOHO_REFRESH_TOKEN` set:
//! `cargo run -p org-clients --example zoho_crm`.

use futures::TryStreamExt;
use org_clients::zoho_crm::{Client, Credentials, EnrichmentStatus, Region};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::builder()
        .region(Region::Eu)
        .credentials(Credentials::refresh_token(
            env("ZOHO_CLIENT_ID")?,
            env("ZOHO_CLIENT_SECRET")?,
            env("ZOHO_REFRESH_TOKEN")?,
        ))
        .build()?;

    // Every page, fetched as the stream is read; `per_page` is checked (1..=100) before sending.
    let jobs: Vec<_> = client
        .list_org_enrichments()
        .status(EnrichmentStatus::Completed)
        .per_page(100)
        .stream()
        .try_collect()
        .await?;
    println!("{} completed enrichment job(s)", jobs.len());

    if let Some(job) = jobs.first() {
        for enrichment in client.get_org_enrichment(job.id.clone()).send().await? {
            let name = enrichment.enriched_data.and_then(|data| data.name);
            let id = enrichment.id.unwrap_or_default();
            println!("{id}: {}", name.unwrap_or_default());
        }
    }
    Ok(())
}

fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("set {name}"))
}
