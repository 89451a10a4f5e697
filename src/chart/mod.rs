//! Charts: a [`spec::ChartSpec`] says what to draw, [`state`] turns it and
//! what `compare` derived from the record frame ([`compared`]) into marks
//! and words, and [`plot`] draws those with
//! plotters to PNG or SVG; `plot` is the only module that imports
//! plotters. The spec never holds numbers and the drawing never reads
//! frames. [`words`] holds the names, units and number formats that the
//! report shares.

pub mod compared;
pub mod labels;
pub mod marks;
pub mod plot;
pub mod rows;
pub mod spec;
pub mod state;
pub mod words;

pub use spec::{ChartKind, ChartSpec, Lang, XAxis};
pub use state::ChartState;
