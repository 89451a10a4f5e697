//! Launch windows: which date a launch word makes a window, and an object
//! added in the next sentence (`А также строительство …`).

use super::subject_of::one_plant;
use super::{Context, Reading};
use crate::dims::{Kind, Mention};
use crate::record::Record;
use crate::text::Document;

/// `А также строительство контейнерного терминала в порту Посьет`: an
/// object added in the sentence after a launch window takes that window
/// (decision 56).
pub(super) fn added_object(doc: &Document, r: &Reading, ctx: &Context) -> Vec<Record> {
    let also = r.grammar.records.adds_object(&r.toks);
    let dated = r.mentions.iter().any(|m| m.kind == Kind::Date);
    let Some(before) = ctx.launch_before.as_ref().filter(|_| also && !dated) else {
        return Vec::new();
    };
    r.plants
        .iter()
        .flat_map(|p| p.keys().into_iter().map(move |k| (p.start, k)))
        .map(|(at, k)| {
            let mut rec = before.clone();
            rec.subject = Some(k);
            rec.quote = r.sentence.text(&doc.text).to_string();
            let t = &r.toks[at];
            rec.span_start = r.sentence.char_at(&doc.text, t.start);
            rec.span_end = r.sentence.char_at(&doc.text, t.end);
            rec.rules
                .push("launch:<the window of the sentence before>".into());
            rec
        })
        .collect()
}

/// The launch cue that makes a date a launch window, if one is near.
pub(super) fn launch_cue(r: &Reading, m: &Mention) -> Option<String> {
    let said = |d: &Mention| r.grammar.records.said_on(&r.toks, d);
    if said(m) {
        return None;
    }
    // The one date and the one launch cue of a sentence go together
    // however far apart (`Во втором полугодии, надеемся, запустятся`).
    let dates = r
        .mentions
        .iter()
        .filter(|d| d.kind == Kind::Date && !said(d))
        .count();
    // Reaching full capacity is no launch (decision 32).
    let capacity = r.grammar.records.reaches_capacity(&r.toks);
    let reach = if dates == 1 && r.launch_cues.len() == 1 && !capacity {
        60
    } else {
        r.grammar.records.launch_reach()
    };
    let not_launch = r.grammar.not_launch;
    r.launch_cues
        .iter()
        // `The plant … is expected to start operations`: a plant named, or
        // referred back to.
        .filter(|c| c.entry.col(1).is_empty() || !r.plants.is_empty() || one_plant(r))
        // `Активная фаза строительства начнётся …`: the start of works is
        // no launch (decision 53).
        .filter(|c| c.entry.col(1).is_empty() || !r.grammar.records.works_before(&r.toks, c.start))
        .filter(|_| !r.toks.iter().any(|t| not_launch.stem_of(&t.lower)))
        .map(|c| {
            // `Сроки реализации проекта: 2017–2025 годы`: a colon after
            // the cue introduces its date.
            let colon = c.end < m.tok_start
                && r.toks[c.end..m.tok_start]
                    .iter()
                    .all(|t| t.kind == crate::text::token::TokKind::Punct && !t.is("."));
            let (cue, fig) = ((c.start, c.end), (m.tok_start, m.tok_end));
            let k = r
                .grammar
                .records
                .launch_cost(&r.toks, &r.mentions, cue, fig);
            (if colon { 1 } else { k }, c)
        })
        .filter(|(k, _)| *k <= reach)
        .min_by_key(|(k, _)| *k)
        .map(|(_, c)| c.name("launch_cues"))
}
