mod compare;
mod store;

fn main() {}
