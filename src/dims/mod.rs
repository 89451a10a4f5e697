//! Dimensions: numbers, money, quantities, percents, dates.
