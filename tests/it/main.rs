//! The integration tests: one binary, one module per area.

mod chart;
mod corpus;
mod report;
mod store;
