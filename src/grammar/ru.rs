//! The Russian grammar: the `*/ru.rs` rules of every dimension, the
//! lexicons of `data/ru/`, and the Russian rules for records.

use std::sync::LazyLock;

use super::{Governed, Grammar, RecordRules};
use crate::classify::metric::{self, MetricWords};
use crate::classify::plant::{self, Plant};
use crate::classify::status::{StatusBy, StatusRule};
use crate::classify::subject::{self, Party};
use crate::classify::{Cue, elided, filters, status};
use crate::dims::{Mention, Rules, date, money, number, quantity};
use crate::extract::topic::Topic;
use crate::extract::{self, Reading};
use crate::lang::Lang;
use crate::lexicon::starts::WordQuestion;
use crate::record::{Metric, Qualifier, Status};
use crate::text::sentence::Sentence;
use crate::text::token::Token;

/// The Russian rules of every dimension.
pub static RULES: Rules = Rules {
    may_be_figure: number::ru::may_be_figure,
    dates: date::ru::find,
    figures: &[
        money::ru::at,
        quantity::ru::percent_at,
        quantity::ru::at,
        date::ru::set_at,
    ],
    figure_may_start,
    number_at: number::ru::number_at,
};

/// Whether a rule of `RULES.figures` may begin at `t`, by their own gates
/// (asked once per distinct word): an amount of money, a percent and a
/// quantity begin at a number or a currency, a frequency at its word.
fn figure_may_start(t: &Token) -> bool {
    static WORDS: WordQuestion =
        WordQuestion::new(|t| money::ru::may_begin(t) || date::ru::may_begin_set(t));
    WORDS.of(t)
}

crate::lexicon!(
    /// Currency names, symbols and codes → ISO 4217.
    ru,
    currencies,
    "currencies.tsv"
);
crate::lexicon!(
    /// Units of quantities → unit and the class of thing counted.
    ru,
    units,
    "units.tsv"
);
crate::lexicon!(
    /// Qualifier words before a figure → exact/approx/over/under/up_to.
    ru,
    qualifiers,
    "qualifiers.tsv"
);
crate::lexicon!(
    /// Cue words for metrics → metric and the kind of figure they take.
    ru,
    metric_cues,
    "metric_cues.tsv"
);
crate::lexicon!(
    /// Cue words for status → status and weight.
    ru,
    status_cues,
    "status_cues.tsv"
);
crate::lexicon!(
    /// Countries, regions and companies → ISO 3166 code.
    ru,
    parties,
    "parties.tsv"
);
crate::lexicon!(
    /// Towns and regions → the town a plant key names.
    ru,
    places,
    "places.tsv"
);
crate::lexicon!(
    /// Products → their lemma for plant keys.
    ru,
    products,
    "products.tsv"
);
crate::lexicon!(
    /// Cue words for launches (запуск, ввод в эксплуатацию, …).
    ru,
    launch_cues,
    "launch_cues.tsv"
);

crate::words!(
    /// Words for one plant or project (singular), as a sentence refers back
    /// to it: `Стоимость проекта`, `Мощность предприятия`, `На заводе`.
    pub ONE_PLANT, ru, "one_plant.tsv"
);

crate::words!(
    /// A sentence about these is not about a launch (the start of sales, the
    /// first stone).
    pub NOT_LAUNCH, ru, "not_launch.tsv"
);

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| Grammar {
    lang: Lang::Ru,
    dims: &RULES,
    regroup: |_, toks| toks,
    goes_on: &crate::text::sentence::ru::GOES_ON,
    join: |_, ss: Vec<Sentence>| ss,
    metric_cues: metric_cues(),
    status_cues: status_cues(),
    launch_cues: launch_cues(),
    parties: parties(),
    places: places(),
    products: products(),
    one_plant: &ONE_PLANT,
    not_launch: &NOT_LAUNCH,
    metric_words: MetricWords {
        opened: &metric::ru::OPENED,
        result_verbs: &metric::ru::RESULT_VERBS,
        yearly: &metric::ru::YEARLY,
    },
    records: &Ru,
});

/// The Russian grammar.
pub fn grammar() -> &'static Grammar {
    &GRAMMAR
}

struct Ru;

impl RecordRules for Ru {
    fn fill_elided(&self, toks: &[Token], mentions: &mut [Mention]) {
        elided::ru::fill(toks, mentions);
    }

    fn fill_elided_after(&self, before: &[Mention], toks: &[Token], mentions: &mut [Mention]) {
        elided::ru::fill_after(before, toks, mentions);
    }

    fn parties_in(&self, toks: &[Token]) -> Vec<Party> {
        subject::parties_in(parties(), toks)
    }

    fn plants(&self, toks: &[Token], near: bool) -> Vec<Plant> {
        if near {
            plant::ru::find(toks)
        } else {
            Vec::new()
        }
    }

    fn topic(&self, readings: &mut [Reading]) -> Option<Topic> {
        extract::topic::ru::topic(readings)
    }

    fn countries_word(&self, w: &str) -> bool {
        extract::ru::countries(w)
    }

    fn places_in(&self, w: &str) -> bool {
        extract::ru::in_place(w)
    }

    fn plant_set(&self, toks: &[Token], p: &Plant) -> bool {
        plant::ru::is_set(toks, p)
    }

    fn compound_adjective(&self, t: &Token) -> bool {
        t.lower.contains('-') && quantity::ru::is_adjective(t)
    }

    fn processing(&self, toks: &[Token]) -> bool {
        extract::ru::processing(toks)
    }

    fn says_both(&self, toks: &[Token]) -> bool {
        extract::ru::both(toks)
    }

    fn whole_year(&self, toks: &[Token]) -> bool {
        extract::ru::whole_year(toks)
    }

    fn today(&self, t: &Token) -> bool {
        extract::ru::today(t)
    }

    fn level_at_start(&self, a: &str, b: &str) -> bool {
        extract::ru::at_start(a, b)
    }

    fn level_on_day(&self, w: &str) -> bool {
        extract::ru::on_day(w)
    }

    fn results_of(&self, a: &str, b: &str) -> bool {
        extract::ru::results_of(a, b)
    }

    fn adds_object(&self, toks: &[Token]) -> bool {
        extract::ru::adds_object(toks)
    }

    fn reaches_capacity(&self, toks: &[Token]) -> bool {
        extract::ru::reaches_capacity(toks)
    }

    fn works_before(&self, toks: &[Token], cue: usize) -> bool {
        extract::ru::works_before(toks, cue)
    }

    fn names_currency(&self, t: &Token) -> bool {
        // `долл. США`, `долларов США`: the currency's country.
        t.lower.starts_with("долл")
    }

    fn skip(&self, toks: &[Token], mentions: &[Mention], m: &Mention) -> bool {
        filters::ru::skip(toks, mentions, m)
    }

    fn governed(&self, toks: &[Token], m: &Mention, mentions: &[Mention]) -> Option<Governed> {
        let governed = status::ru::governed(toks, m)
            .map(|(s, q, name)| (s, q, StatusRule::new(StatusBy::Governed, name)));
        governed.or_else(|| {
            status::ru::starting_level(toks, m, mentions).then(|| {
                (
                    Status::Actual,
                    Qualifier::Exact,
                    StatusRule::new(
                        StatusBy::StartingLevel,
                        "status:с … до (the level it starts from)",
                    ),
                )
            })
        })
    }

    fn said_on(&self, toks: &[Token], d: &Mention) -> bool {
        extract::ru::said_on(toks, d.tok_start)
    }

    fn not_a_period(&self, toks: &[Token], d: &Mention) -> bool {
        extract::ru::compared(toks, d.tok_start) || extract::ru::weekday(toks, d)
    }

    fn direction(
        &self,
        metric: Metric,
        toks: &[Token],
        parties: &[Party],
        others: &[String],
    ) -> Option<String> {
        subject::ru::direction(metric, toks, parties, others)
    }

    fn product_of(&self, toks: &[Token], m: &Mention) -> Option<String> {
        extract::ru::product_of(toks, m)
    }

    fn anaphoric_period(&self, toks: &[Token]) -> bool {
        extract::ru::anaphoric_period(toks)
    }

    fn so_far(&self, toks: &[Token]) -> bool {
        extract::ru::so_far(toks)
    }

    fn parts_of_before(&self, toks: &[Token]) -> bool {
        elided::ru::of_them(toks)
    }

    fn yearly_rate(&self, toks: &[Token], at: usize) -> bool {
        extract::ru::yearly_rate(toks, at)
    }

    fn status_from_cues(
        &self,
        toks: &[Token],
        mentions: &[Mention],
        cues: &[Cue],
        fig: (usize, usize),
    ) -> Option<(Status, String)> {
        status::ru::from_cues(toks, mentions, cues, fig)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figure_gate_passes_every_token_a_figure_is_read_from() {
        let text = "от $300 млн до $450 млн, 17,5 млрд долларов, трех миллиардов \
            тенге, 8 млн $, 200 рублей 40 копеек, 30 коп., €25 млн, 14%, шесть \
            процентов, 2 п.п., 48 совместных с Индией проектов, 2 344 061 шины, \
            35 тыс. тонн, около полутора тысяч мест, ежемесячно, каждые три года, \
            раз в пять лет, трижды в год, от 5 до 7 тыс. человек.";
        crate::grammar::tests::figures_begin_where_the_gate_lets_them(&RULES, text);
    }
}
