//! Zoho Contracts: the organization's details.
//!
//! Run with `ZOHO_ACCESS_TOKEN` set: `cargo run -p org-clients --example zoho_contracts`.

use org_clients::zoho_contracts::{Client, Credentials, ErrorCode, OrganizationInfoZipCode};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("ZOHO_ACCESS_TOKEN").map_err(|_| "set ZOHO_ACCESS_TOKEN")?;
    let client = Client::builder()
        .credentials(Credentials::access_token(token))
        .build()?;

    match client.get_organization_info().send().await {
        Ok(organizations) => {
            for organization in organizations {
                // The document gives `zipCode` as a string and as a number: both decode.
                let zip = match organization.zip_code {
                    Some(OrganizationInfoZipCode::Text(zip)) => zip,
                    Some(OrganizationInfoZipCode::Integer(zip)) => zip.to_string(),
                    _ => String::new(),
                };
                let name = organization.name.unwrap_or_default();
                let id = organization.id.unwrap_or_default();
                println!("{name} ({id}) {zip}");
            }
        }
        Err(error) if error.code() == Some(&ErrorCode::OauthScopeMismatch) => {
            eprintln!("the token lacks the contracts.meta.READ scope: {error}");
        }
        Err(error) => return Err(error.into()),
    }
    Ok(())
}
