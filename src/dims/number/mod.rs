//! NUMBER: digits, scale words, number words, ranges. The shared type is
//! `dims::Num`; the rules of each language are in its own file.

pub mod en;
pub mod ru;

#[cfg(test)]
mod tests {
    use crate::dims::number::ru;
    use crate::text::token::{TokKind, tokenize};

    #[test]
    fn russian_numbers_begin_only_where_the_gate_of_number_at_lets_them() {
        let s = "Несколько десятков тысяч, сотни млн. и 14.03.2020 — от 2 до 3 млрд руб., \
                 полтора миллиона, два-три года, пятнадцать; вторая сотня, 1,5 трлн";
        let toks = tokenize(s, 0, s.len());
        for i in 0..toks.len() {
            let t = &toks[i];
            let open = t.kind == TokKind::Num || (t.kind == TokKind::Word && ru::may_be_figure(t));
            if !open {
                assert!(ru::simple_at(&toks, i).is_none(), "{}", t.lower);
                assert!(ru::vague_at(&toks, i).is_none(), "{}", t.lower);
            }
        }
        let vague = ["несколько", "десятков", "сотни"];
        assert!(
            toks.iter()
                .filter(|t| vague.contains(&t.lower.as_str()))
                .all(ru::may_be_figure)
        );
    }
}
