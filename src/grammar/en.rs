//! The English grammar: the `*/en.rs` rules of every dimension, the
//! lexicons of `data/en/`, how English sentences end, and the English
//! rules for records. Numbers are
//! read on tokens that `number::en::regroup` has prepared (comma groups
//! of thousands joined).

use std::sync::LazyLock;

use super::{Governed, Grammar, RecordRules};
use crate::classify::Cue;
use crate::classify::metric::MetricWords;
use crate::classify::plant;
use crate::classify::plant::Plant;
use crate::classify::status::{StatusBy, StatusRule};
use crate::classify::subject::Party;
use crate::dims::{Anchor, Mention, Rules, date, money, number, quantity};
use crate::extract::{Reading, en};
use crate::lang::Lang;
use crate::lexicon::starts::WordQuestion;
use crate::record::{Metric, Record, Status};
use crate::text::sentence::{GoesOn, Sentence};
use crate::text::token::Token;

/// The English rules of every dimension.
pub static RULES: Rules = Rules {
    may_be_figure: number::en::may_be_figure,
    dates,
    figures: &[
        money::en::at,
        quantity::en::percent_at,
        quantity::en::at,
        date::en::duration::set_at,
    ],
    figure_may_start,
    number_at: number::en::number_at,
};

/// Whether a rule of `RULES.figures` may begin at `t`, by their own gates
/// (asked once per distinct word): an amount of money, a percent and a
/// quantity begin at a number, a currency or an order (`millions of`), a
/// frequency at its word.
fn figure_may_start(t: &Token) -> bool {
    static WORDS: WordQuestion = WordQuestion::new(|t| {
        money::en::may_begin(t)
            || matches!(
                t.lower.as_str(),
                "thousands"
                    | "millions"
                    | "billions"
                    | "annually"
                    | "yearly"
                    | "monthly"
                    | "weekly"
                    | "daily"
                    | "every"
                    | "once"
                    | "twice"
            )
    });
    WORDS.of(t)
}

fn dates(toks: &[Token], anchor: Anchor) -> Vec<Mention> {
    let mut out = date::en::find(toks, anchor);
    date::en::duration::add(toks, anchor, &mut out);
    out
}

crate::lexicon!(
    /// Currency names, symbols and codes → ISO 4217.
    en,
    currencies,
    "currencies.tsv"
);
crate::lexicon!(
    /// Units of quantities → unit, class, power of ten, rate.
    en,
    units,
    "units.tsv"
);
crate::lexicon!(
    /// Qualifier words before a figure.
    en,
    qualifiers,
    "qualifiers.tsv"
);
crate::lexicon!(
    /// Cue words for metrics.
    en,
    metric_cues,
    "metric_cues.tsv"
);
crate::lexicon!(
    /// Cue words for status.
    en,
    status_cues,
    "status_cues.tsv"
);
crate::lexicon!(
    /// Cue words for launches.
    en,
    launch_cues,
    "launch_cues.tsv"
);
crate::lexicon!(
    /// Countries, regions, demonyms and companies → ISO 3166.
    en,
    parties,
    "parties.tsv"
);
crate::lexicon!(
    /// Towns and regions → the Russian lemma of the town for plant keys.
    en,
    places,
    "places.tsv"
);
crate::lexicon!(
    /// Products → their Russian lemma for plant keys.
    en,
    products,
    "products.tsv"
);

crate::words!(
    /// Abbreviations whose full stop does not end an English sentence
    /// (`Jan. 25`, `Mr. Smith`, `St. Petersburg`).
    ABBREVIATIONS, en, "abbreviations.tsv"
);

/// Joins a sentence that ends in an abbreviation to the next one of its
/// paragraph.
pub fn join_abbreviations(text: &str, ss: Vec<Sentence>) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::with_capacity(ss.len());
    for s in ss {
        if let Some(last) = out.last_mut()
            && last.paragraph == s.paragraph
            && ends_in_abbreviation(last.text(text))
        {
            last.end = s.end;
            continue;
        }
        out.push(s);
    }
    out
}

fn ends_in_abbreviation(s: &str) -> bool {
    let Some(body) = s.strip_suffix('.') else {
        return false;
    };
    let word: String = body
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    ABBREVIATIONS.contains(&word.to_lowercase())
}

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| Grammar {
    lang: Lang::En,
    dims: &RULES,
    regroup: number::en::regroup,
    goes_on: &GoesOn::NONE,
    join: join_abbreviations,
    metric_cues: metric_cues(),
    status_cues: status_cues(),
    launch_cues: launch_cues(),
    parties: parties(),
    places: places(),
    products: products(),
    one_plant: &en::ONE_PLANT,
    not_launch: &en::NOT_LAUNCH,
    metric_words: MetricWords {
        opened: &OPENED,
        result_verbs: &RESULT_VERBS,
        yearly: &YEARLY,
    },
    records: &En,
});

crate::words!(
    /// Words of opening plants (`opened`, `commissioning`).
    OPENED, en, "opened_words.tsv"
);
crate::words!(
    /// Verbs of result before a figure: none yet in English.
    RESULT_VERBS, en, "result_verbs.tsv"
);
crate::words!(
    /// Words of a yearly rate said earlier in the clause: none yet in
    /// English.
    YEARLY, en, "yearly_words.tsv"
);

/// The English grammar.
pub fn grammar() -> &'static Grammar {
    &GRAMMAR
}

crate::words!(
    /// Nouns that, after `the`, stand for the region named before.
    REGION_WORDS, en, "region_words.tsv"
);

struct En;

impl RecordRules for En {
    fn missing_note(&self) -> Option<String> {
        let unknown = plant::en::unknown_products();
        (!unknown.is_empty()).then(|| {
            format!(
                "English products with no Russian lemma in data/en/products.tsv (kept in English in plant keys): {}",
                unknown.join(", ")
            )
        })
    }

    fn fill_elided(&self, toks: &[Token], mentions: &mut [Mention]) {
        en::fill_parts(toks, mentions);
    }

    fn fill_elided_after(&self, before: &[Mention], toks: &[Token], mentions: &mut [Mention]) {
        crate::classify::elided::en::fill_after(before, toks, mentions);
    }

    fn parties_in(&self, toks: &[Token]) -> Vec<Party> {
        plant::en::parties_in(toks)
    }

    /// English plants are read in every sentence: an article joins a
    /// plant's place and product from sentences far apart.
    fn plants(&self, toks: &[Token], _near: bool) -> Vec<Plant> {
        plant::en::find(toks)
    }

    /// A group named in passing (`Central Asia`) is no party of the
    /// sentences after it.
    fn groups_carry(&self) -> bool {
        false
    }

    fn fill_plants(&self, readings: &mut [Reading]) {
        en::fill_plants(readings);
    }

    fn skip(&self, toks: &[Token], _mentions: &[Mention], m: &Mention) -> bool {
        en::skip(toks, m)
    }

    fn restated(&self, rec: &mut Record, before: Option<&Record>) {
        en::as_rough_as(rec, before);
    }

    fn goods_metric(&self, r: &Reading, m: &Mention, out: &[Record]) -> Option<Metric> {
        en::goods_metric(r, m, out)
    }

    fn metric_near(&self, r: &Reading, m: &Mention) -> Option<(Metric, String)> {
        en::metric_near(r, m)
    }

    fn governed(&self, toks: &[Token], m: &Mention, _mentions: &[Mention]) -> Option<Governed> {
        en::governed(toks, m).map(|(s, q, name)| (s, q, StatusRule::new(StatusBy::Governed, name)))
    }

    fn said_on(&self, toks: &[Token], d: &Mention) -> bool {
        en::said_on(toks, d)
    }

    fn not_a_period(&self, toks: &[Token], d: &Mention) -> bool {
        en::compared(toks, d) || en::said_on(toks, d)
    }

    fn launch_cost(
        &self,
        toks: &[Token],
        mentions: &[Mention],
        cue: (usize, usize),
        fig: (usize, usize),
    ) -> usize {
        en::even_cost(toks, mentions, cue, fig)
    }

    fn direction(
        &self,
        metric: Metric,
        toks: &[Token],
        parties: &[Party],
        others: &[String],
    ) -> Option<String> {
        en::direction(metric, toks, parties, others)
    }

    fn launch_reach(&self) -> usize {
        26
    }

    fn industry_wide(&self, r: &Reading) -> bool {
        r.plants.is_empty() && en::industry_wide(&r.toks)
    }

    fn countries_word(&self, w: &str) -> bool {
        en::COUNTRIES.contains(w)
    }

    fn loose(&self) -> bool {
        true
    }

    fn product_of(&self, toks: &[Token], m: &Mention) -> Option<String> {
        en::product_of(toks, m)
    }

    fn anaphoric_period(&self, toks: &[Token]) -> bool {
        en::anaphoric_period(toks)
    }

    fn so_far(&self, toks: &[Token]) -> bool {
        toks.windows(2).any(|w| {
            matches!(
                (w[0].lower.as_str(), w[1].lower.as_str()),
                ("so", "far") | ("to", "date") | ("thus", "far")
            )
        })
    }

    fn yearly_rate(&self, toks: &[Token], at: usize) -> bool {
        let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
        matches!(
            (w(at), w(at + 1)),
            ("a" | "per" | "each" | "every", "year")
                | ("annually" | "yearly", _)
                | ("per", "annum")
        )
    }

    fn region_anaphor(&self, toks: &[Token]) -> bool {
        toks.windows(2)
            .any(|w| w[0].is("the") && REGION_WORDS.contains(&w[1].lower))
    }

    fn status_from_cues(
        &self,
        toks: &[Token],
        mentions: &[Mention],
        cues: &[Cue],
        fig: (usize, usize),
    ) -> Option<(Status, String)> {
        en::status_from_cues(toks, mentions, cues, fig)
    }

    fn finish(&self, rec: &mut Record) {
        en::units_of_plant(rec);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Qualifier;

    #[test]
    fn the_figure_gate_passes_every_token_a_figure_is_read_from() {
        let text = "between $300 million and $450 million, $17.5 billion, three billion \
            tenge, 8 million dollars, EUR 25 million, 14%, six percent, 2 percentage points, \
            48 joint projects, 2,344,061 tyres, 35 thousand tonnes, about half a million \
            jobs, millions of tonnes, hundreds of workers, annually, every three years, \
            twice a year, once every five years, from 5 to 7 thousand people, a dozen plants.";
        crate::grammar::tests::figures_begin_where_the_gate_lets_them(&RULES, text);
    }

    fn one(s: &str) -> Mention {
        let toks = grammar().tokenize(s, 0, s.len());
        let a = Anchor {
            published: chrono::NaiveDate::from_ymd_opt(2024, 3, 4),
        };
        let ms = crate::dims::find_with(&RULES, &toks, a);
        assert_eq!(ms.len(), 1, "{s}: {ms:?}");
        ms.into_iter().next().unwrap()
    }

    #[test]
    fn an_abbreviation_does_not_end_a_sentence() {
        let t = "Dr. Brown flew in on Sept. 9 from St. Louis. Output fell.";
        let ss = grammar().sentences(t);
        assert_eq!(ss.len(), 2, "{ss:?}");
        assert_eq!(ss[1].text(t), "Output fell.");
    }

    #[test]
    fn comma_groups_are_one_number() {
        let s = "1,500,000 and 48,857";
        let toks = grammar().tokenize(s, 0, s.len());
        let lows: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(lows, vec!["1,500,000", "and", "48,857"]);
        assert_eq!(toks[0].num.unwrap().to_f64(), 1_500_000.0);
    }

    #[test]
    fn money_quantity_and_dates() {
        let m = one("about $1.5bn");
        assert_eq!(
            (m.value, m.unit.as_deref(), m.qualifier),
            (Some(1.5e9), Some("USD"), Qualifier::Approx)
        );
        let m = one("197,100 tons of flat glass a year");
        assert_eq!(
            (m.value, m.unit.as_deref()),
            (Some(197_100.0), Some("t/yr"))
        );
        let p = one("by the end of 2026").period.unwrap();
        assert_eq!((p.start, p.deadline), (None, true));
        let p = one("late 2024").period.unwrap();
        assert_eq!(p.start, chrono::NaiveDate::from_ymd_opt(2024, 10, 1));
    }
}
