use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn found(text: &str) -> Option<(NaiveDate, Precision)> {
    find(text).map(|f| (f.date, f.precision))
}

#[test]
fn full_stamps_in_every_common_form() {
    let cases = [
        ("Заголовок\n14.02.2011\nТекст статьи.", date(2011, 2, 14)),
        ("Заголовок\n09.11.2018, 07:45\nТекст.", date(2018, 11, 9)),
        ("03.04.2022 | 18:02\nТекст.", date(2022, 4, 3)),
        ("Текст.\n\n05.05.2021\n10:10", date(2021, 5, 5)),
        ("Заголовок\n02.08.2026 г.\nТекст.", date(2026, 8, 2)),
        ("Ош, 17.09.21. /Агентство/. Текст.", date(2021, 9, 17)),
        (
            "Заголовок\n\n3 сентября 2023 года\n\nТекст.",
            date(2023, 9, 3),
        ),
        (
            "Опубликовано: 9 апреля 2017, 16:20\nТекст.",
            date(2017, 4, 9),
        ),
        (
            "Заголовок\n\n08:15, 30 июня 2020\n\nТекст.",
            date(2020, 6, 30),
        ),
        (
            "Нарынская область, 12 марта 2024 года — Текст о заводе.",
            date(2024, 3, 12),
        ),
        (
            "Headline\n\n4 February 2015, 09:05\n\nText.",
            date(2015, 2, 4),
        ),
        (
            "Headline\n\n11 October 2019 18:40 (UTC+04:00)\n\nText.",
            date(2019, 10, 11),
        ),
        (
            "Headline\nPublished: March 9, 2016\nText.",
            date(2016, 3, 9),
        ),
        ("Headline\nFriday, 6 May 2022\nText.", date(2022, 5, 6)),
    ];
    for (text, want) in cases {
        assert_eq!(found(text), Some((want, Precision::Day)), "{text:?}");
    }
}

#[test]
fn a_day_and_month_take_the_year_after_the_latest_past_period() {
    let t = "ОРАЛ. 3 ФЕВРАЛЯ - Текст. Экспорт за 2022 год составил 1 млрд долларов.";
    assert_eq!(found(t), Some((date(2023, 2, 3), Precision::Month)));
    let t = "Кокшетау, 14 авг — Агентство. Выпуск за 6 месяцев 2019 года вырос.";
    assert_eq!(found(t), Some((date(2019, 8, 14), Precision::Month)));
    let t = "TBILISI, Georgia, October 2. Exports in 2020 reached $3 billion.";
    assert_eq!(found(t), Some((date(2021, 10, 2), Precision::Month)));
    let t = "DUSHANBE, May 30 /Agency/. In the first four months of 2018 trade grew.";
    assert_eq!(found(t), Some((date(2018, 5, 30), Precision::Month)));
}

#[test]
fn a_verb_before_a_part_of_a_year_tells_its_figure() {
    let t = "ЖЕЗКАЗГАН. 9 ноября - Агентство. Добыча выросла на 4,1% в январе-сентябре 2020 года.";
    assert_eq!(found(t), Some((date(2020, 11, 9), Precision::Month)));
    let t = "ATYRAU, July 21. Imports fell 6.4% in Q2 2017 year-on-year.";
    assert_eq!(found(t), Some((date(2017, 7, 21), Precision::Month)));
    // Before a whole year the verb may tell history: no bound.
    let t = "ОРАЛ. 3 ФЕВРАЛЯ - Текст. Стороны вышли на рекорд в 2014 году.";
    assert_eq!(found(t), None);
}

#[test]
fn years_merely_named_give_a_day_and_month_no_year() {
    // A plan for a year, or a year in passing, is no evidence of when the
    // text was written: no date rather than a guessed year.
    let t = "ТЕРМЕЗ, 4 апреля - Агентство. Договорились о встрече в 2031 году.";
    assert_eq!(found(t), None);
    let t = "ТЕРМЕЗ, 4 апреля - Агентство. Завод построили в 2009 году.";
    assert_eq!(found(t), None);
    // ... but a weekday still picks one year among those named.
    let t = "ТЕРМЕЗ. В субботу, 4 апреля - Агентство. Завод открылся в 2015 году.";
    assert_eq!(found(t), Some((date(2015, 4, 4), Precision::Day)));
}

#[test]
fn a_weekday_fixes_the_year() {
    // 15 March 2022 was a Tuesday; 2021 and 2023 are allowed too.
    let t = "Заголовок\nТАРАЗ. Во вторник, 15 марта - Текст. Выпуск в 2021 году вырос.";
    assert_eq!(found(t), Some((date(2022, 3, 15), Precision::Day)));
}

#[test]
fn a_stated_full_date_wins_over_a_dateline() {
    let t = "Заголовок\nАКТАУ. 5 мая - Текст. Итоги 2010 года.\n\n05.05.2016";
    assert_eq!(found(t), Some((date(2016, 5, 5), Precision::Day)));
}

#[test]
fn conflicting_stamps_are_noted() {
    let f = find("12.01.2020\nТекст.\n\n13.01.2021").unwrap();
    assert_eq!(f.date, date(2020, 1, 12));
    assert_eq!(f.conflicts, vec![date(2021, 1, 13)]);
}

#[test]
fn figures_phones_scores_and_versions_are_no_stamps() {
    for text in [
        "Курс составил 12.35 тенге.\nТекст.",
        "Телефон 8.800.2000 для справок.",
        "Счёт матча 2:1, игра прошла 14 марта.",
        "Версия 2.10.15 вышла.",
        "В Казахстане, 12 марта состоялось заседание правительства, на котором говорили о планах.",
        "Support 24/7 for 365 days.",
        "Prices rose 4.5% in May 2021 as the plant opened in the region near the capital city.",
    ] {
        assert_eq!(found(text), None, "{text:?}");
    }
}

#[test]
fn dates_in_addresses() {
    let cases = [
        (
            "https://example.kz/news/2021/12/10/plant-opens",
            Some(date(2021, 12, 10)),
        ),
        (
            "https://example.ru/20160714/12345.html",
            Some(date(2016, 7, 14)),
        ),
        (
            "https://example.com/2019-05-03-trade/",
            Some(date(2019, 5, 3)),
        ),
        ("https://example.com/doc/8378834", None),
        ("https://example.com/2021/13/40/x", None),
    ];
    for (url, want) in cases {
        assert_eq!(from_url(url), want, "{url}");
    }
}
