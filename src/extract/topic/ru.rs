//! The plant a document is about: named in its headline or lead (`Стекольный
//! завод в Кызылординской области …`), placed at the settlement the head
//! names, and later called only `завод`, `предприятие`, `проект`. A head
//! that first names a set (`17 морских терминалов`, `20 заводов`) is about
//! no one plant.

use super::Topic;
use crate::classify::plant::{self, Plant};
use crate::extract::Reading;

/// How many sentences count as the head (headline, dateline, lead).
const HEAD: usize = 6;
/// The first plant of an article on plants stands in its first sentences.
const FIRST: usize = 3;

/// The plant the document is about, with its place given to the plants
/// of the document named by their product alone.
pub(crate) fn topic(rs: &mut [Reading]) -> Option<Topic> {
    let topic = of_document(rs)?;
    place_plants(rs, &topic);
    Some(topic)
}

/// The plants a sentence of the head names: near a figure, those the
/// sentence's reading found already; elsewhere, by the plant finder.
pub(crate) fn head_plants(r: &Reading) -> Vec<Plant> {
    if r.near {
        r.plants.clone()
    } else {
        plant::ru::find(&r.toks)
    }
}

/// The plant the document's head is about, or the place of the plants
/// it is about (`ряда предприятий Сабирабадского района`).
fn of_document(rs: &[Reading]) -> Option<Topic> {
    let head = &rs[..rs.len().min(HEAD)];
    let mut plants: Vec<Plant> = Vec::new();
    let mut places: Vec<(String, bool)> = Vec::new();
    let mut first_is_set = None;
    for (i, r) in head.iter().enumerate() {
        let found: Vec<Plant> = head_plants(r)
            .into_iter()
            .filter(|p| {
                let w = &r.toks[p.start].lower;
                plant::ru::PLANT_WORDS.iter().any(|o| w.contains(o))
            })
            .collect();
        // Only the places of sentences on plants: not a dateline's town.
        let Some(first) = found.first() else { continue };
        if plants.is_empty() && i >= FIRST {
            return None;
        }
        first_is_set.get_or_insert_with(|| plant::ru::is_set(&r.toks, first));
        plants.extend(found);
        // A region stands for a plant's town only where a plant is named
        // as an object (`производство шин в Татарстане` is the region's).
        let object = r.toks.iter().any(|t| plant::ru::names_an_object(&t.lower));
        places.extend(
            plant::ru::places(&r.toks)
                .into_iter()
                .filter(|p| p.3 || object)
                .map(|p| (p.2, p.3)),
        );
    }
    first_is_set?;
    // Several towns or districts named in the head tie none of them to
    // the plants (`предприятий Ысык-Атинского и Аламединского районов`).
    let mut towns: Vec<String> = places.iter().filter(|p| p.1).map(|p| p.0.clone()).collect();
    towns.sort();
    towns.dedup();
    if towns.len() > 1 {
        places.retain(|p| !p.1);
    }
    let town = |name: &str| places.iter().any(|(n, t)| n == name && *t);
    let place = plants
        .iter()
        .filter_map(|p| p.place.clone())
        .find(|p| town(p))
        .or_else(|| places.iter().find(|p| p.1).map(|p| p.0.clone()))
        .or_else(|| plants.iter().find_map(|p| p.place.clone()))
        .or_else(|| places.first().map(|p| p.0.clone()));
    let product = plants
        .iter()
        .find_map(|p| p.products.first().cloned())
        .or_else(|| {
            rs.iter()
                .flat_map(|r| r.plants.iter())
                .filter(|p| p.place.is_none() || p.place == place)
                .find_map(|p| p.products.first().cloned())
        });
    let one = first_is_set == Some(false);
    Some(Topic {
        place,
        product,
        one,
    })
}

/// Plants of the document named by their product with no place of their
/// own take the place the head names (`проект по производству соды` in an
/// article on one plant, or on the plants of one district); a set of
/// plants does not. A bare `завод` is left to the plant the text is about.
fn place_plants(rs: &mut [Reading], topic: &Topic) {
    let Some(place) = &topic.place else { return };
    for r in rs.iter_mut() {
        let toks = &r.toks;
        // A sentence that names a place has placed its plants itself
        // (`производство шин в Татарстане` is the region's).
        if !plant::ru::places(toks).is_empty() {
            continue;
        }
        for p in r.plants.iter_mut() {
            if p.place.is_none() && !p.products.is_empty() && !plant::ru::is_set(toks, p) {
                p.place = Some(place.clone());
                // In an article on one plant, what it processes or makes,
                // said again with no place (`переработки льна и рапса`), is
                // still that plant.
                // A plant that makes other goods (`второй завод — по
                // выпуску удобрений`) is another plant.
                let processes = crate::extract::ru::processing(toks);
                if let Some(product) = topic.product.as_ref().filter(|_| topic.one && processes) {
                    p.products = vec![product.clone()];
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_plants_are_those_the_plant_finder_finds() {
        let text = "Шинный завод запустят в Сарани.\n\nПроект оценили в 300 млн долларов. \
            Строительство цеха идет.\n\nЗавод по выпуску кабеля откроют в Костанае.\n\n\
            Там работают люди.\n\nОни рады. Все рады. Очень рады. В 2025 году выпустят 5 тыс. тонн.";
        let doc = crate::text::Document::new("d", text);
        let readings = crate::extract::read(&doc);
        assert!(readings.iter().any(|r| r.near) && readings.iter().any(|r| !r.near));
        for r in &readings {
            assert_eq!(head_plants(r), plant::ru::find(&r.toks));
        }
        assert!(
            readings
                .iter()
                .filter(|r| !head_plants(r).is_empty())
                .count()
                >= 2
        );
    }
}
