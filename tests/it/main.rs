//! The integration tests: one binary, one module per area.

mod chart;
mod cli;
mod compare;
mod corpus;
mod detect;
mod documents;
mod extract;
mod hardening;
mod props;
mod report;
mod store;
