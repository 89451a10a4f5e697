mod chart;
mod report;
mod store;
