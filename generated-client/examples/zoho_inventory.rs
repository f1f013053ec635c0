//! Zoho Inventory: create an organization, then list them all.
//!
//! Run with `ZOHO_ACCESS_TOKEN` set: `cargo run -p org-clients --example zoho_inventory`.

use org_clients::zoho_inventory::{Client, CreateOrganization, Credentials, Month, Region};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("ZOHO_ACCESS_TOKEN").map_err(|_| "set ZOHO_ACCESS_TOKEN")?;
    let client = Client::builder()
        .region(Region::In)
        .credentials(Credentials::access_token(token))
        .build()?;

    // `portal_name` must be 5 to 30 letters and digits: checked before anything is sent.
    let mut organization = CreateOrganization::new("Zillium Inc", "USD", "PST", "zilluminc");
    organization.fiscal_year_start_month = Some(Month::January);
    let created = client.create_organization(organization).send().await?;
    // Only the id is always there (the document marks no response field as always sent).
    println!("created {}", created.organization_id);

    for organization in client.list_organizations().send().await? {
        let name = organization.name.unwrap_or_default();
        println!("{} {name}", organization.organization_id);
    }
    Ok(())
}
