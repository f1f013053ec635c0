//! The spec language: the serde model of a `specs/*.yaml` file and the located values it is made of.

mod located;
mod member;
mod model;

pub use located::{Entries, Entry, Located, Position};
pub use member::Member;
pub use model::*;
