mod chart;
mod store;
