//! The start gate of English dates against the rules it stands for.

use super::*;
use crate::text::token::tokenize;

#[test]
fn the_start_gate_passes_every_token_a_date_is_read_from() {
    let text = "by the end of 2025, until the end of March, no later than June 2024, \
        in late 2023, at the beginning of the year, in mid-2026, since 2019, \
        in the first half of 2024, Q3 2025, H1 2022, the third quarter of 2025, \
        January-June 2024, March 5, 2024, 5 March 2024, from May through July 2023, \
        the first nine months of 2024, nine months of 2023, last year, this year, \
        the year before last, next month, the yearend, year-end, on Tuesday, today, \
        yesterday, spring 2025, in the summer of 2024, year to date, year-to-date, \
        earlier this year, between 2020 and 2022, FY2024, FY 2023, 2023-24, 2019-2021, \
        during the first quarter, in December, Sept. 2024, by end-2025.";
    let toks = tokenize(text, 0, text.len());
    let mut read = 0;
    for i in 0..toks.len() {
        for published in [NaiveDate::from_ymd_opt(2024, 3, 4), None] {
            if best_at(&toks, i, Anchor { published }).is_some() {
                assert!(may_start(&toks[i]), "{}", toks[i].lower);
                read += 1;
            }
        }
    }
    assert!(read > 40, "{read}");
}
