//! The integration tests: one binary, one module per area.

mod compare;
mod corpus;
mod extract;
mod store;
