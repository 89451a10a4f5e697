//! Grammars: everything a language contributes to extraction, built once
//! per language. A grammar holds the rules of each dimension (numbers,
//! money, quantities, percents, dates), how the language cuts sentences
//! and tokens, its lexicons of cues, parties and places, and its rules
//! for records (filters of non-figures, status, parties, plants).
//!
//! Extraction looks a document's grammar up once (`of`) and reads every
//! sentence with it; the stages after `record` know no language. Adding a
//! language: its folder `data/<lang>/`, its rule files (`dims/*/<lang>.rs`,
//! `grammar/<lang>.rs`) and one line in `GRAMMARS`.

pub mod en;
pub mod ru;

use crate::classify::Cue;
use crate::classify::metric::MetricWords;
use crate::classify::plant::Plant;
use crate::classify::status::{StatusBy, StatusRule};
use crate::classify::subject::Party;
use crate::dims::{Mention, Rules};
use crate::extract::Reading;
use crate::extract::topic::Topic;
use crate::lang::Lang;
use crate::lexicon::PhraseSet;
use crate::lexicon::words::WordList;
use crate::record::{Metric, Qualifier, Record, Status};
use crate::text::sentence::{GoesOn, Sentence};
use crate::text::token::Token;

/// Every language with a grammar: one line per language.
static GRAMMARS: [fn() -> &'static Grammar; 2] = [ru::grammar, en::grammar];

/// Every grammar the crate has.
pub fn all() -> impl Iterator<Item = &'static Grammar> {
    GRAMMARS.iter().map(|g| g())
}

/// The grammar of a language, if the crate has one.
pub fn of(lang: Lang) -> Option<&'static Grammar> {
    all().find(|g| g.lang == lang)
}

/// The grammar whose language has the id `id` (`ru`, `en`): the name of
/// its folders in `data/` and `data/corpus/`.
pub fn by_id(id: &str) -> Option<&'static Grammar> {
    all().find(|g| g.lang.as_str() == id)
}

/// What one language contributes to extraction.
pub struct Grammar {
    /// The language.
    pub lang: Lang,
    /// The rules of each dimension, as `dims::find_with` walks them.
    pub dims: &'static Rules,
    /// The tokens of `text` as the shared tokenizer cut them, regrouped
    /// the way this language writes numbers.
    pub regroup: fn(&str, Vec<Token>) -> Vec<Token>,
    /// The words before a full stop that goes on with the sentence, as
    /// the shared splitter reads them (`кв.`, `долл. США`).
    pub goes_on: &'static GoesOn,
    /// The sentences of `text` as the shared splitter cut them, joined
    /// where this language's abbreviations do not end a sentence.
    pub join: fn(&str, Vec<Sentence>) -> Vec<Sentence>,
    /// Cue words for metrics.
    pub metric_cues: &'static PhraseSet,
    /// Cue words for status.
    pub status_cues: &'static PhraseSet,
    /// Cue words for launches.
    pub launch_cues: &'static PhraseSet,
    /// Countries, regions and companies.
    pub parties: &'static PhraseSet,
    /// Towns and regions.
    pub places: &'static PhraseSet,
    /// Products, by the lemma plant keys name them with.
    pub products: &'static PhraseSet,
    /// Words for one plant or project, as a sentence refers back to it.
    pub one_plant: &'static WordList,
    /// Words for what is not a launch (the start of sales).
    pub not_launch: &'static WordList,
    /// The words the metric rules look for (of opening plants, verbs of
    /// result, of a yearly rate).
    pub metric_words: MetricWords,
    /// The rules that turn mentions into records.
    pub records: &'static dyn RecordRules,
}

impl std::fmt::Debug for Grammar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Grammar({})", self.lang.as_str())
    }
}

impl Grammar {
    /// The tokens of `text[from..to]` as this language's rules read them.
    pub fn tokenize(&self, text: &str, from: usize, to: usize) -> Vec<Token> {
        (self.regroup)(text, crate::text::token::tokenize(text, from, to))
    }

    /// The sentences of a text as this language's rules read them.
    pub fn sentences(&self, text: &str) -> Vec<Sentence> {
        (self.join)(text, crate::text::sentence::split(text, self.goes_on))
    }

    /// The mentions in a sentence's tokens that records may stand on
    /// (durations, frequencies and loose dates left out), parts left out
    /// of a list filled in.
    pub fn mentions(&self, toks: &[Token], anchor: crate::dims::Anchor) -> Vec<Mention> {
        let mut ms = crate::dims::find_with(self.dims, toks, anchor);
        ms.retain(Mention::for_records);
        self.records.fill_elided(toks, &mut ms);
        ms
    }

    /// Every mention in a sentence's tokens, as `mentions` lists them.
    pub fn all_mentions(&self, toks: &[Token], anchor: crate::dims::Anchor) -> Vec<Mention> {
        let mut ms = crate::dims::find_with(self.dims, toks, anchor);
        self.records.fill_elided(toks, &mut ms);
        ms
    }
}

/// A status, the qualifier it implies and the rule that read it.
pub type Governed = (Status, Qualifier, StatusRule);

/// A language's rules for records: what in a sentence is a party, a
/// plant, a figure worth a record, and which status governs a figure.
/// The defaults are for what a language does not need.
pub trait RecordRules: Sync {
    /// Fills in the parts of figures that a list leaves out.
    fn fill_elided(&self, toks: &[Token], mentions: &mut [Mention]);
    /// Fills in bare numbers from the figures of the sentence before
    /// (`…70 проектов. Из них 11 сданы …`).
    fn fill_elided_after(&self, _before: &[Mention], _toks: &[Token], _mentions: &mut [Mention]) {}
    /// The parties (countries, regions, companies) a sentence names.
    fn parties_in(&self, toks: &[Token]) -> Vec<Party>;
    /// The plants a sentence names; `near` says a figure is near it.
    fn plants(&self, toks: &[Token], near: bool) -> Vec<Plant>;
    /// Whether a token names a currency (a country named just after it
    /// is the currency's, not a party).
    fn names_currency(&self, _t: &Token) -> bool {
        false
    }
    /// Whether a group of parties named in passing (`+` twice in its
    /// code) still counts for the sentences after it.
    fn groups_carry(&self) -> bool {
        true
    }
    /// Joins what a document's sentences say of one plant.
    fn fill_plants(&self, _readings: &mut [Reading]) {}
    /// The plant the document is about (its head names it), if any, with
    /// its place given to the plants that the document names by their
    /// product alone: the plant of figures that name none.
    fn topic(&self, _readings: &mut [Reading]) -> Option<Topic> {
        None
    }
    /// Whether a figure is no figure a record carries.
    fn skip(&self, toks: &[Token], mentions: &[Mention], m: &Mention) -> bool;
    /// Adjusts a restated figure to the one before it.
    fn restated(&self, _rec: &mut Record, _before: Option<&Record>) {}
    /// The metric of goods whose worth a figure gives.
    fn goods_metric(&self, _r: &Reading, _m: &Mention, _out: &[Record]) -> Option<Metric> {
        None
    }
    /// The metric of a figure from the words near it, when no cue says.
    fn metric_near(&self, _r: &Reading, _m: &Mention) -> Option<(Metric, String)> {
        None
    }
    /// The status a word governing the figure states.
    fn governed(&self, toks: &[Token], m: &Mention, mentions: &[Mention]) -> Option<Governed>;
    /// The status from the nearest status cue in reach.
    fn status_from_cues(
        &self,
        toks: &[Token],
        mentions: &[Mention],
        cues: &[Cue],
        fig: (usize, usize),
    ) -> Option<(Status, String)>;
    /// The status from the nearest status cue, as a typed rule.
    fn status_cue(
        &self,
        toks: &[Token],
        mentions: &[Mention],
        cues: &[Cue],
        fig: (usize, usize),
    ) -> Option<(Status, StatusRule)> {
        let (s, name) = self.status_from_cues(toks, mentions, cues, fig)?;
        Some((s, StatusRule::new(StatusBy::Cue, name)))
    }
    /// Whether a date is when a statement was made (`сообщил … 27
    /// января`), not a window or period of a figure.
    fn said_on(&self, toks: &[Token], d: &Mention) -> bool;
    /// Whether a date is no period of a figure: a period compared with,
    /// an event's day.
    fn not_a_period(&self, toks: &[Token], d: &Mention) -> bool;
    /// How far a launch cue stands from a date (see `classify::cost`).
    fn launch_cost(
        &self,
        toks: &[Token],
        mentions: &[Mention],
        cue: (usize, usize),
        fig: (usize, usize),
    ) -> usize {
        crate::classify::cost(toks, mentions, cue, fig)
    }
    /// The direction `FROM>TO` of exports or imports among some parties.
    fn direction(
        &self,
        metric: Metric,
        toks: &[Token],
        parties: &[Party],
        others: &[String],
    ) -> Option<String>;
    /// How far a launch cue may stand from its date when the sentence
    /// has more than one of either.
    fn launch_reach(&self) -> usize {
        12
    }
    /// Whether a sentence speaks of a whole industry, not one plant
    /// (`across the sector`).
    fn industry_wide(&self, _r: &Reading) -> bool {
        false
    }
    /// Whether a word names countries as such (`countries`, `nations`).
    fn countries_word(&self, _w: &str) -> bool {
        false
    }
    /// Whether a word before a country's name places a figure in the
    /// country (`в`): the figure is the country's, not a plant's.
    fn places_in(&self, _w: &str) -> bool {
        false
    }
    /// Whether a plant named stands for several (`заводов`, `17
    /// терминалов`): the sentence is about a set, not one plant.
    fn plant_set(&self, _toks: &[Token], _p: &Plant) -> bool {
        false
    }
    /// Whether a token is a compound adjective (`Российско-Кыргызский`),
    /// which names no country whatever its first part.
    fn compound_adjective(&self, _t: &Token) -> bool {
        false
    }
    /// Whether a sentence says the goods of its figures go in
    /// (`перерабатывать`): they are not what the plant makes.
    fn processing(&self, _toks: &[Token]) -> bool {
        false
    }
    /// Whether a sentence speaks of both of the plants named before
    /// (`оба`).
    fn says_both(&self, _toks: &[Token]) -> bool {
        false
    }
    /// Whether the sentence speaks of the whole year of the period said
    /// before, or of the publication (`за весь год`).
    fn whole_year(&self, _toks: &[Token]) -> bool {
        false
    }
    /// Whether a date word is the day of the statement (`сегодня`), no
    /// period of a figure.
    fn today(&self, _t: &Token) -> bool {
        false
    }
    /// Whether two words before a date make a stock its level at the
    /// period's start (`на начало 2024 года`).
    fn level_at_start(&self, _a: &str, _b: &str) -> bool {
        false
    }
    /// Whether a word before a day makes a stock its level on that day
    /// (`на 1 июля`).
    fn level_on_day(&self, _w: &str) -> bool {
        false
    }
    /// Whether two words before a date make a stock its level at the
    /// period's end (`по итогам 2026 года`).
    fn results_of(&self, _a: &str, _b: &str) -> bool {
        false
    }
    /// Whether a sentence adds an object to the launch of the sentence
    /// before (`А также …`).
    fn adds_object(&self, _toks: &[Token]) -> bool {
        false
    }
    /// Whether a sentence speaks of reaching a capacity (`выход на полную
    /// мощность`), which is no launch.
    fn reaches_capacity(&self, _toks: &[Token]) -> bool {
        false
    }
    /// Whether construction or works are the subject of the clause before
    /// the launch cue at `cue`: their start is no launch.
    fn works_before(&self, _toks: &[Token], _cue: usize) -> bool {
        false
    }
    /// Looser readings this language's texts need: one date before a
    /// flow serves it; a country's output with no party is the article's
    /// country's; one launch date after several plants is each one's.
    fn loose(&self) -> bool {
        false
    }
    /// What a quantity says is made (`тонн полиэтилена` → полиэтилен).
    fn product_of(&self, toks: &[Token], m: &Mention) -> Option<String>;
    /// Whether the sentence refers back to the period said before (`за
    /// этот период`).
    fn anaphoric_period(&self, toks: &[Token]) -> bool;
    /// Whether the words at `at` make the figure before them a yearly
    /// rate (`1,5 млрд долларов в год`), which no period said before
    /// bounds.
    fn yearly_rate(&self, _toks: &[Token], _at: usize) -> bool {
        false
    }
    /// Whether the sentence says its results are those so far (`на
    /// данный момент`, `to date`): a period not over ends on the day said.
    fn so_far(&self, _toks: &[Token]) -> bool {
        false
    }
    /// Whether the sentence gives parts of the whole said before it (`Из
    /// них …`), which are of that whole's period when they are results.
    fn parts_of_before(&self, _toks: &[Token]) -> bool {
        false
    }
    /// Whether the sentence refers back to the region named before (`the
    /// region would attract $3 billion`).
    fn region_anaphor(&self, _toks: &[Token]) -> bool {
        false
    }
    /// Last touches on a figure's record.
    fn finish(&self, _rec: &mut Record) {}
    /// What the run so far met that this language's data lacks, as a note
    /// for the user (products with no lemma), if anything.
    fn missing_note(&self) -> Option<String> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that every figure `rules` read in `text` begins at a token
    /// their gate (`figure_may_start`) passes, and that there are many.
    pub(crate) fn figures_begin_where_the_gate_lets_them(rules: &crate::dims::Rules, text: &str) {
        let toks = crate::text::token::tokenize(text, 0, text.len());
        let mut read = 0;
        for i in 0..toks.len() {
            if rules.figures.iter().any(|f| f(&toks, i).is_some()) {
                assert!((rules.figure_may_start)(&toks[i]), "{}", toks[i].lower);
                read += 1;
            }
        }
        assert!(read > 15, "{read}");
    }

    #[test]
    fn every_registered_language_has_one_grammar_and_its_corpus_folder() {
        for lang in [Lang::Ru, Lang::En] {
            let g = of(lang).unwrap();
            assert_eq!(g.lang, lang);
            assert!(std::ptr::eq(by_id(lang.as_str()).unwrap(), g));
            assert!(!g.metric_cues.entries().is_empty());
            let corpus = format!(
                "{}/data/corpus/{}",
                env!("CARGO_MANIFEST_DIR"),
                lang.as_str()
            );
            assert!(std::path::Path::new(&corpus).is_dir(), "{corpus}");
        }
        assert!(by_id("xx").is_none());
    }

    #[test]
    fn each_grammar_reads_numbers_its_own_way() {
        let s = "1,500 tonnes";
        let en = of(Lang::En).unwrap().tokenize(s, 0, s.len());
        let ru = of(Lang::Ru).unwrap().tokenize(s, 0, s.len());
        assert_eq!(en[0].num.unwrap().to_f64(), 1500.0);
        assert_eq!(ru[0].num.unwrap().to_f64(), 1.5);
    }
}
