#!/usr/bin/env python3
"""Benchmark corpus for factline: seed-like Russian news articles.

Writes documents as JSONL, one {"id","published","title","url","text"}
object per line (the input `factline extract -` reads), and optionally the
same documents as a folder of .txt files with a manifest.csv.

Each document is 2-8 KB of UTF-8 text. About a third of it is sentences
taken from the seed articles (seeds/*.txt) with their figures varied:
numbers (same magnitude and the same Russian agreement class, so that
"135 проектов" never becomes "131 проектов"), decimals, scales
(тыс./млн/млрд and their word forms), years (2015-2025), days and months,
year ranges, currencies (долларов, $, рублей, тенге, евро, юаней),
countries and regions (in the same grammatical case) and the order of
sentences; plus a few quarter and month sentences in the seeds' style. The
other two thirds are filler paragraphs without figures, composed from word
lists.

Deterministic: document i depends only on --seed and i, so a smaller
corpus is a prefix of a larger one made with the same seed. The output is
streamed; memory does not grow with --mb.

    python3 bench/gen.py --mb 10 --out /tmp/factline-bench/c10.jsonl
    python3 bench/gen.py --docs 2000 --out c.jsonl --txt-dir c/
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import re
import sys
from pathlib import Path

MIN_DOC = 2048
MAX_DOC = 8192
FIGURE_SHARE = 1 / 3

# ---------------------------------------------------------------- entities
# Case forms: nominative, genitive, dative, accusative, instrumental,
# prepositional; the adjective stem; the abbreviation.
COUNTRIES = {
    "Казахстан": dict(nom="Казахстан", gen="Казахстана", dat="Казахстану", acc="Казахстан",
                      ins="Казахстаном", pre="Казахстане", adj="казахстанск", abbr="РК"),
    "Россия": dict(nom="Россия", gen="России", dat="России", acc="Россию",
                   ins="Россией", pre="России", adj="российск", abbr="РФ"),
    "Узбекистан": dict(nom="Узбекистан", gen="Узбекистана", dat="Узбекистану", acc="Узбекистан",
                       ins="Узбекистаном", pre="Узбекистане", adj="узбекск", abbr="РУз"),
    "Беларусь": dict(nom="Беларусь", gen="Беларуси", dat="Беларуси", acc="Беларусь",
                     ins="Беларусью", pre="Беларуси", adj="белорусск", abbr="РБ"),
    "Кыргызстан": dict(nom="Кыргызстан", gen="Кыргызстана", dat="Кыргызстану", acc="Кыргызстан",
                       ins="Кыргызстаном", pre="Кыргызстане", adj="кыргызск", abbr="КР"),
    "Таджикистан": dict(nom="Таджикистан", gen="Таджикистана", dat="Таджикистану",
                        acc="Таджикистан", ins="Таджикистаном", pre="Таджикистане",
                        adj="таджикск", abbr="РТ"),
    "Армения": dict(nom="Армения", gen="Армении", dat="Армении", acc="Армению",
                    ins="Арменией", pre="Армении", adj="армянск", abbr="РА"),
    "Азербайджан": dict(nom="Азербайджан", gen="Азербайджана", dat="Азербайджану",
                        acc="Азербайджан", ins="Азербайджаном", pre="Азербайджане",
                        adj="азербайджанск", abbr="АР"),
    "Китай": dict(nom="Китай", gen="Китая", dat="Китаю", acc="Китай",
                  ins="Китаем", pre="Китае", adj="китайск", abbr="КНР"),
}
# The first party (Kazakhstan in the seeds) and the second (Russia).
FIRST = ["Казахстан", "Казахстан", "Узбекистан", "Беларусь", "Кыргызстан", "Таджикистан",
         "Армения", "Азербайджан"]
SECOND = ["Россия", "Россия", "Китай", "Беларусь", "Казахстан", "Узбекистан"]

REPUBLICS = {  # Татарстан in the seeds
    "Татарстан": dict(nom="Татарстан", gen="Татарстана", dat="Татарстану", acc="Татарстан",
                      ins="Татарстаном", pre="Татарстане", adj="татарстанск"),
    "Башкортостан": dict(nom="Башкортостан", gen="Башкортостана", dat="Башкортостану",
                         acc="Башкортостан", ins="Башкортостаном", pre="Башкортостане",
                         adj="башкирск"),
    "Удмуртия": dict(nom="Удмуртия", gen="Удмуртии", dat="Удмуртии", acc="Удмуртию",
                     ins="Удмуртией", pre="Удмуртии", adj="удмуртск"),
    "Чувашия": dict(nom="Чувашия", gen="Чувашии", dat="Чувашии", acc="Чувашию",
                    ins="Чувашией", pre="Чувашии", adj="чувашск"),
}

# Stems of "-ская область" regions; the seeds' Карагандинской, Костанайской,
# Атырауской области are swapped for these, ending kept.
OBLAST_STEMS = ["Карагандин", "Костанай", "Атырау", "Павлодар", "Акмолин", "Туркестан",
                "Актюбин", "Жамбыл", "Свердлов", "Самар", "Челябин", "Оренбург",
                "Новосибир", "Омск", "Ташкент", "Минск", "Гомель", "Ошск"]

CITIES_PRE = ["Костанае", "Шымкенте", "Караганде", "Павлодаре", "Актобе", "Казани",
              "Ташкенте", "Минске", "Самаре", "Екатеринбурге", "Астане", "Алматы",
              "Челябинске", "Уфе", "Бишкеке"]
DATELINE_CITIES = ["АСТАНА", "АЛМАТЫ", "МОСКВА", "ТАШКЕНТ", "МИНСК", "КАЗАНЬ", "БИШКЕК",
                   "ШЫМКЕНТ", "КОСТАНАЙ"]

MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря"]
MONTHS_PRE = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
              "сентябре", "октябре", "ноябре", "декабре"]
QUARTERS = [("первом", "I"), ("втором", "II"), ("третьем", "III"), ("четвертом", "IV")]
HALVES = ["первом полугодии", "втором полугодии"]

CURRENCIES = ["долларов", "долларов", "рублей", "тенге", "евро", "юаней"]
CURRENCY_ABBR = {"долларов": "долл.", "рублей": "руб.", "тенге": "тенге", "евро": "евро",
                 "юаней": "юаней"}

# Scale words by family (thousand, million, billion) and form.
SCALE_FORMS = [
    dict(abbr="тыс.", nom="тысяча", acc="тысячу", gsg="тысячи", gpl="тысяч"),
    dict(abbr="млн", nom="миллион", acc="миллион", gsg="миллиона", gpl="миллионов"),
    dict(abbr="млрд", nom="миллиард", acc="миллиард", gsg="миллиарда", gpl="миллиардов"),
]
SCALE_LOOKUP: dict[str, tuple[int, str]] = {}
for _fam, _forms in enumerate(SCALE_FORMS):
    for _form, _word in _forms.items():
        SCALE_LOOKUP.setdefault(_word, (_fam, _form))

# ---------------------------------------------------------------- filler
# Word lists for paragraphs without figures. No numerals, dates, months,
# "год", "квартал", currencies or percent words, so that filler adds text
# and no records.
F_SUBJ = [
    ("Участники встречи", "pl"), ("Представители министерства", "pl"),
    ("Эксперты отрасли", "pl"), ("Стороны", "pl"), ("Члены делегации", "pl"),
    ("Руководители предприятий", "pl"), ("Депутаты парламента", "pl"),
    ("Аналитики", "pl"), ("Представители деловых кругов", "pl"),
    ("Глава ведомства", "sg"), ("Министр торговли и интеграции", "sg"),
    ("Вице-премьер", "sg"), ("Аким области", "sg"), ("Председатель правления", "sg"),
    ("Пресс-служба правительства", "sgf"), ("Рабочая группа", "sgf"),
    ("Межправительственная комиссия", "sgf"), ("Делегация", "sgf"),
]
F_VERB = {
    "pl": ["обсудили", "рассмотрели", "обозначили", "затронули", "проанализировали",
           "подробно обсудили", "отдельно рассмотрели", "выделили"],
    "sg": ["обсудил", "рассмотрел", "обозначил", "затронул", "проанализировал",
           "подробно обсудил", "отдельно рассмотрел", "выделил"],
    "sgf": ["обсудила", "рассмотрела", "обозначила", "затронула", "проанализировала",
            "подробно обсудила", "отдельно рассмотрела", "выделила"],
}
F_SAID = {"pl": "отметили", "sg": "отметил", "sgf": "отметила"}
F_TOPIC = [
    "вопросы развития транспортной логистики", "перспективы сотрудничества в энергетике",
    "меры поддержки малого и среднего бизнеса", "ход реализации совместных инициатив",
    "условия для привлечения инвесторов", "вопросы цифровизации государственных услуг",
    "планы по модернизации пунктов пропуска", "развитие приграничной торговли",
    "подготовку кадров для промышленности", "расширение образовательных обменов",
    "вопросы водного хозяйства", "направления научно-технического сотрудничества",
    "развитие туристических маршрутов", "упрощение таможенных процедур",
    "вопросы продовольственной безопасности", "создание совместных технопарков",
    "поддержку экспортеров несырьевой продукции", "работу агропромышленного комплекса",
    "вопросы экологической безопасности", "развитие гражданской авиации",
]
F_CIRC = [
    "в ходе рабочей встречи", "на полях делового форума", "в режиме видеоконференции",
    "на заседании межправительственной комиссии", "во время визита делегации",
    "на расширенном совещании", "в рамках двусторонних консультаций",
    "на встрече с представителями бизнеса", "по итогам переговоров",
    "на площадке отраслевой выставки",
]
F_PERSON = [
    ("министр индустрии", "министра индустрии"), ("глава ведомства", "главы ведомства"),
    ("вице-министр экономики", "вице-министра экономики"),
    ("председатель комитета", "председателя комитета"),
    ("руководитель проектного офиса", "руководителя проектного офиса"),
    ("представитель пресс-службы", "представителя пресс-службы"),
    ("эксперт отраслевой ассоциации", "эксперта отраслевой ассоциации"),
    ("директор департамента", "директора департамента"),
]
F_CLAUSE = [
    "стороны настроены на долгосрочное и взаимовыгодное партнерство",
    "важно сохранить набранные темпы и не снижать внимание к деталям",
    "работа будет продолжена на уровне профильных ведомств",
    "бизнесу нужны понятные правила и предсказуемая регуляторная среда",
    "ключевым условием остается качество подготовки проектов",
    "региональные власти готовы оказать необходимое содействие",
    "совместные усилия позволят укрепить производственные цепочки",
    "диалог между деловыми кругами становится все более предметным",
    "особое значение имеет взаимное признание стандартов",
    "необходимо активнее вовлекать молодых специалистов",
]
F_QUOTE = [
    "Мы видим большой интерес со стороны партнеров и готовы к новым шагам",
    "Наша задача — создать условия, при которых бизнесу будет удобно работать",
    "Мы договорились регулярно сверять позиции и оперативно решать вопросы",
    "Это направление остается для нас одним из приоритетных",
    "Все договоренности будут выполнены в согласованные сроки",
    "Мы рассчитываем на дальнейшее углубление практического взаимодействия",
]
F_EXTRA = [
    "Кроме того, стороны обменялись мнениями по актуальным вопросам региональной повестки.",
    "Подробности соглашения пока не раскрываются.",
    "Встреча прошла в конструктивной и деловой атмосфере.",
    "Участники подчеркнули важность регулярного диалога на всех уровнях.",
    "Ранее эта тема уже поднималась на заседаниях профильных комитетов.",
    "Отдельное внимание было уделено обмену опытом между профильными вузами.",
    "Стороны также договорились о подготовке дорожной карты по ключевым направлениям.",
    "По мнению экспертов, такие проекты укрепляют доверие между партнерами.",
    "Итоги обсуждения будут доложены руководству правительства.",
    "Мероприятие собрало представителей государственных органов, бизнеса и науки.",
]
F_HEAD = [
    "{a} и {b} обсудили {t}", "{a} и {b} договорились о сотрудничестве",
    "Правительства обсудили {t}", "В {ap} обсудили {t}",
    "{a} и {b} расширяют промышленную кооперацию", "Деловой форум: {t}",
]


def _filler_sentence(rng: random.Random) -> str:
    k = rng.randrange(6)
    if k == 0:
        subj, g = rng.choice(F_SUBJ)
        return f"{subj} {rng.choice(F_VERB[g])} {rng.choice(F_TOPIC)} {rng.choice(F_CIRC)}."
    if k == 1:
        who, whose = rng.choice(F_PERSON)
        return f"По словам {whose}, {rng.choice(F_CLAUSE)}."
    if k == 2:
        subj, g = rng.choice(F_SUBJ)
        circ = rng.choice(F_CIRC)
        return f"{circ[0].upper()}{circ[1:]} {subj[0].lower()}{subj[1:]} {rng.choice(F_VERB[g])} {rng.choice(F_TOPIC)}."
    if k == 3:
        who, _ = rng.choice(F_PERSON)
        return f"«{rng.choice(F_QUOTE)}», — сказал {who}."
    if k == 4:
        subj, g = rng.choice(F_SUBJ)
        return f"{subj} {F_SAID[g]}, что {rng.choice(F_CLAUSE)}."
    return rng.choice(F_EXTRA)


def filler_paragraph(rng: random.Random) -> str:
    sents: list[str] = []
    want = rng.randint(3, 6)
    while len(sents) < want:
        s = _filler_sentence(rng)
        if s not in sents:
            sents.append(s)
    return " ".join(sents)


# ---------------------------------------------------------------- seeds
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[«\"А-ЯЁA-Z])")
JUNK = re.compile(r"Фото|Instagram|Подпишитесь|Закладки|None|jitsu|Сейчас читают|\bgif\b")


def load_seed_sentences(seeds: Path) -> tuple[list[str], list[str]]:
    """Sentences of the seed articles: (with figures, without figures)."""
    files = sorted(seeds.glob("*.txt"))
    if not files:
        raise SystemExit(f"gen.py: no seed articles (*.txt) in {seeds}")
    figures, context = [], []
    for f in files:
        for para in f.read_text(encoding="utf-8").split("\n"):
            para = " ".join(para.split())
            if not para or JUNK.search(para):
                continue
            for s in SENT_SPLIT.split(para):
                s = s.strip()
                if len(s) < 40 or not re.search(r"[а-я]", s):
                    continue
                if re.search(r"\d", s):
                    figures.append(s)
                elif len(s) <= 400 and not re.search(r"\b[Гг]од|тысяч|миллион|миллиард", s):
                    context.append(s)
    if not figures:
        raise SystemExit(f"gen.py: no sentences with figures in {seeds}")
    return figures, context


# Sentences in the seeds' style for what the seeds lack: quarters, months,
# half-years, exports, imports, investment, output. Placeholders are
# filled per document.
EXTRA_TEMPLATES = [
    "В {q_word} квартале {y} года товарооборот между {A_ins} и {B_ins} вырос на {pct}% и составил {money}.",
    "Во {q_roman} квартале {y} года экспорт {A_gen} в {B_acc} достиг {money}.",
    "По итогам {n_months} месяцев {y} года импорт из {B_gen} составил {money}.",
    "В {month_pre} {y} года объем взаимной торговли {A_gen} и {B_gen} увеличился на {pct}%.",
    "В {half} {y} года инвестиции {B_gen} в экономику {A_gen} составили {money}.",
    "Завод в {city} выйдет на проектную мощность {qty} тонн продукции в год к {y} году.",
    "С января по {month_acc} {y} года поставки оборудования из {B_gen} выросли на {pct}%.",
    "Стоимость проекта в {R_pre} оценивается в {money}, его запуск намечен на {y} год.",
]
MONTHS_ACC = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
              "сентябрь", "октябрь", "ноябрь", "декабрь"]


# ---------------------------------------------------------------- variation
def agreement(n: int) -> int:
    """Russian agreement class of a count: 1 (один проект), 2 (два проекта), 5."""
    if n % 10 == 1 and n % 100 != 11:
        return 1
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 2
    return 5


def vary_int(n: int, rng: random.Random) -> int:
    digits = len(str(n))
    lo, hi = (1, 9) if digits == 1 else (10 ** (digits - 1), 10**digits - 1)
    want = agreement(n)
    for _ in range(50):
        m = rng.randint(lo, hi)
        if agreement(m) == want:
            return m
    return n


def vary_decimal(s: str, rng: random.Random) -> str:
    whole, frac = s.split(",")
    digits = len(whole)
    lo, hi = (1, 9) if digits == 1 else (10 ** (digits - 1), 10**digits - 1)
    nfrac = rng.choice([1, 1, 2]) if len(frac) <= 2 else len(frac)
    f = rng.randint(1, 10**nfrac - 1)
    if f % 10 == 0:
        f += 1
    return f"{rng.randint(lo, hi)},{f:0{nfrac}d}"


def fmt_money(rng: random.Random) -> str:
    """An amount with a scale and a currency: `4,2 млрд долларов`, `$310 млн`."""
    cur = rng.choice(CURRENCIES)
    num = str(rng.randint(2, 999)) if rng.random() < 0.5 else f"{rng.randint(1, 99)},{rng.randint(1, 9)}"
    scale = rng.choice(["млн", "млрд", "млрд"])
    if cur == "долларов" and rng.random() < 0.4:
        return f"${num} {scale}"
    if rng.random() < 0.2:
        return f"{num} {scale} {CURRENCY_ABBR[cur]}"
    return f"{num} {scale} {cur}"


class Varier:
    """Per-document choices: which countries, region and years replace the
    seeds' ones."""

    def __init__(self, rng: random.Random, pub: dt.date):
        self.rng = rng
        self.pub = pub
        a = rng.choice(FIRST)
        b = rng.choice([c for c in SECOND if c != a])
        self.a, self.b = COUNTRIES[a], COUNTRIES[b]
        self.rep = REPUBLICS[rng.choice(list(REPUBLICS))]
        self.oblasts = {}
        self.cur = rng.choice(CURRENCIES)
        self.dollar_sign = rng.random() < 0.5

    def year(self) -> int:
        return max(2015, min(2025, self.pub.year + self.rng.randint(-3, 2)))

    # -- countries and regions, same case
    def _country_sub(self, m: re.Match) -> str:
        w = m.group(0)
        if w.endswith(("Федерация", "Федерации", "Федерацию", "Федерацией")):
            return self._federation(m)
        for src, dst in ((COUNTRIES["Казахстан"], self.a), (COUNTRIES["Россия"], self.b),
                         (REPUBLICS["Татарстан"], self.rep)):
            if w.lower().startswith(src["adj"]):
                rest = w[len(src["adj"]):]
                out = dst["adj"] + rest
                return out[0].upper() + out[1:] if w[0].isupper() else out
            for case in ("nom", "gen", "dat", "acc", "ins", "pre"):
                if w == src[case]:
                    return dst[case]
            if w == src.get("abbr"):
                return dst["abbr"]
        return w

    COUNTRY_RE = re.compile(
        r"\b(?:Российск(?:ой|ая|ую) Федераци(?:и|я|ю|ей)|Казахстан(?:а|у|ом|е)?|Росси(?:я|и|ю|ей)|Татарстан(?:а|у|ом|е)?|РК|РФ|"
        r"[Кк]азахстанск[а-я]*|[Рр]оссийск[а-я]*(?= [а-я])|[Тт]атарстанск[а-я]*)\b")
    OBLAST_RE = re.compile(r"\b([А-Я][а-я]+)(ская|ской|скую) (область|области|областью)\b")

    def _federation(self, m: re.Match) -> str:
        end = m.group(0).rsplit(" ", 1)[1]
        case = {"Федерация": "nom", "Федерации": "gen", "Федерацию": "acc",
                "Федерацией": "ins"}[end]
        return self.b[case]

    def _oblast(self, m: re.Match) -> str:
        stem = m.group(1)
        if stem not in self.oblasts:
            self.oblasts[stem] = self.rng.choice(OBLAST_STEMS)
        return f"{self.oblasts[stem]}{m.group(2)} {m.group(3)}"

    # -- numbers
    YEAR_RANGE_RE = re.compile(r"\b(20\d\d|19\d\d)\s*[-–]\s*(20\d\d)\b")
    NUM_RE = re.compile(
        r"(?P<dollar>\$)?(?P<num>\d+(?:,\d+)?)(?P<tail>%|-[а-я]+)?"
        r"(?:(?P<sp> )(?P<word>[а-яА-Я]+\.?))?"
        r"(?:(?P<sp2> )(?P<cur>долларов|долл\.))?")

    def _number(self, m: re.Match) -> str:
        rng = self.rng
        num, tail, word, cur = m.group("num"), m.group("tail"), m.group("word"), m.group("cur")
        sp = m.group("sp") or ""
        rest = (sp + word) if word else ""
        if tail == "%":
            return f"{rng.randint(3, 100)}%" + rest + ((m.group("sp2") or "") + (cur or ""))
        if tail:  # 30-летие
            return f"{rng.choice([5, 10, 15, 20, 25, 30, 35])}{tail}" + self._tail(m)
        if "," not in num and len(num) == 4 and 1990 <= int(num) <= 2039:
            return f"{self.year()}" + self._tail(m)
        low = word.lower() if word else ""
        dot = ""
        if low not in SCALE_LOOKUP and low.endswith(".") and low[:-1] in SCALE_LOOKUP:
            low, dot = low[:-1], "."
        if "," not in num and low in MONTHS_GEN:
            month = MONTHS_GEN[rng.randrange(12)]
            if word.isupper():
                month = month.upper()
            return f"{rng.randint(1, 28)} {month}" + self._tail(m, skip_word=True)
        if low.startswith("месяц"):  # за 11 месяцев
            return f"{rng.choice([5, 6, 7, 8, 9, 10, 11])}" + self._tail(m)
        new = vary_decimal(num, rng) if "," in num else str(vary_int(int(num), rng))
        if low in SCALE_LOOKUP:
            fam, form = SCALE_LOOKUP[low]
            fam = max(0, min(2, fam + rng.choice([-1, 0, 0, 1])))
            if form != "abbr" and rng.random() < 0.3:
                form = "abbr"
            scale = SCALE_FORMS[fam][form]
            end = "" if scale.endswith(".") else dot
            money = bool(m.group("dollar")) or bool(cur)
            if money:
                c = self.cur if rng.random() < 0.7 else rng.choice(CURRENCIES)
                if c == "долларов" and self.dollar_sign:
                    return f"${new} {scale}{end}"
                before_dot = m.string[m.end():m.end() + 1] == "."
                if (cur == "долл." or rng.random() < 0.15) and not before_dot:
                    c = CURRENCY_ABBR[c]
                    end = "" if c.endswith(".") else end
                return f"{new} {scale} {c}{end}"
            return f"{new} {scale}{end}"
        return (m.group("dollar") or "") + new + self._tail(m)

    @staticmethod
    def _tail(m: re.Match, skip_word: bool = False) -> str:
        out = ""
        if m.group("word") and not skip_word:
            out += m.group("sp") + m.group("word")
        if m.group("cur"):
            out += m.group("sp2") + m.group("cur")
        return out

    def _year_range(self, m: re.Match) -> str:
        y = self.year()
        return f"{y}-{min(2030, y + self.rng.randint(1, 5))}"

    def vary(self, s: str) -> str:
        s = self.COUNTRY_RE.sub(self._country_sub, s)
        s = self.OBLAST_RE.sub(self._oblast, s)
        s = self.YEAR_RANGE_RE.sub(lambda m: "\0" + self._year_range(m) + "\0", s)
        parts = s.split("\0")
        for i in range(0, len(parts), 2):  # odd parts are finished year ranges
            parts[i] = self.NUM_RE.sub(self._number, parts[i])
        return "".join(parts)

    def extra(self) -> str:
        rng = self.rng
        q_word, q_roman = rng.choice(QUARTERS)
        t = rng.choice(EXTRA_TEMPLATES)
        half = rng.choice(HALVES)
        if t.startswith("Во {q_roman}") and q_roman != "II":
            t = t.replace("Во {q_roman}", "В {q_roman}", 1)
        if t.startswith("В {half}") and half.startswith("втором"):
            t = t.replace("В {half}", "Во {half}", 1)
        return t.format(
            q_word=q_word, q_roman=q_roman, y=self.year(), pct=f"{rng.randint(2, 60)},{rng.randint(1, 9)}",
            money=fmt_money(rng), n_months=rng.choice([5, 6, 7, 8, 9, 10, 11]),
            month_pre=rng.choice(MONTHS_PRE), month_acc=rng.choice(MONTHS_ACC[1:]),
            half=half, city=rng.choice(CITIES_PRE),
            qty=f"{rng.randint(5, 900)} {rng.choice(['тыс.', 'млн'])}",
            A_ins=self.a["ins"], B_ins=self.b["ins"], A_gen=self.a["gen"], B_gen=self.b["gen"],
            B_acc=self.b["acc"], R_pre=self.rep["pre"],
        )


# ---------------------------------------------------------------- documents
def make_document(seed: int, i: int, figures: list[str], context: list[str]) -> dict:
    rng = random.Random(seed * 1_000_003 + i)
    start = dt.date(2015, 1, 1).toordinal()
    pub = dt.date.fromordinal(rng.randint(start, dt.date(2025, 12, 31).toordinal()))
    v = Varier(rng, pub)
    target = rng.randint(MIN_DOC + 200, MAX_DOC - 1200)
    # Sentence order: a shuffled deck of the seed figure sentences.
    deck = figures[:]
    rng.shuffle(deck)
    paras: list[str] = []
    size = fig = 0
    while size < target:
        if fig < FIGURE_SHARE * (size + 1):
            sents = []
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.25:
                    sents.append(v.extra())
                else:
                    if not deck:
                        deck = figures[:]
                        rng.shuffle(deck)
                    sents.append(v.vary(deck.pop()))
            if context and rng.random() < 0.4:
                sents.insert(rng.randrange(len(sents) + 1), v.vary(rng.choice(context)))
            para, is_fig = " ".join(sents), True
        else:
            para, is_fig = filler_paragraph(rng), False
        n = len(para.encode("utf-8")) + 2
        if size + n > MAX_DOC:
            if size >= MIN_DOC:
                break
            continue
        paras.append(para)
        size += n
        fig += n if is_fig else 0
    if rng.random() < 0.3:
        city = rng.choice(DATELINE_CITIES)
        dateline = f"{city}. {pub.day} {MONTHS_GEN[pub.month - 1].upper()} – "
        if size + len(dateline.encode("utf-8")) <= MAX_DOC:
            paras[0] = dateline + paras[0]
    title = rng.choice(F_HEAD).format(a=v.a["nom"], b=v.b["nom"], ap=v.a["pre"],
                                      t=rng.choice(F_TOPIC))
    doc_id = f"b{seed}-{i:07d}"
    return {
        "id": doc_id,
        "published": pub.isoformat(),
        "title": title,
        "url": f"https://news.example.kz/{pub.year}/{doc_id}",
        "text": "\n\n".join(paras),
    }


def main() -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--mb", type=float, help="stop when the JSONL reaches this many MB (10^6 bytes)")
    size.add_argument("--docs", type=int, help="number of documents")
    ap.add_argument("--seed", type=int, default=6, help="random seed (default 6)")
    ap.add_argument("--out", required=True, help="JSONL output file ('-' for stdout)")
    ap.add_argument("--txt-dir", help="also write each document as DIR/<id>.txt with DIR/manifest.csv")
    ap.add_argument("--seeds", default=str(here.parent / "seeds"), help="seed articles folder")
    args = ap.parse_args()
    if args.mb is not None and not 0 < args.mb <= 10_000:
        ap.error("--mb must be in (0, 10000]")
    if args.docs is not None and args.docs <= 0:
        ap.error("--docs must be positive")

    figures, context = load_seed_sentences(Path(args.seeds))
    print(f"gen.py: {len(figures)} seed sentences with figures, {len(context)} without",
          file=sys.stderr)
    limit_bytes = int(args.mb * 1_000_000) if args.mb is not None else None
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    txt_dir = Path(args.txt_dir) if args.txt_dir else None
    manifest = None
    if txt_dir:
        txt_dir.mkdir(parents=True, exist_ok=True)
        mf = open(txt_dir / "manifest.csv", "w", encoding="utf-8", newline="")
        manifest = csv.writer(mf, lineterminator="\n")
        manifest.writerow(["doc_id", "published", "published_precision", "title", "source_url"])
    written = 0
    i = 0
    next_report = 0.1
    try:
        while True:
            if args.docs is not None and i >= args.docs:
                break
            if limit_bytes is not None and written >= limit_bytes:
                break
            doc = make_document(args.seed, i, figures, context)
            line = json.dumps(doc, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            if txt_dir:
                (txt_dir / f"{doc['id']}.txt").write_text(doc["text"] + "\n", encoding="utf-8")
                manifest.writerow([doc["id"], doc["published"], "day", doc["title"], doc["url"]])
            i += 1
            done = written / limit_bytes if limit_bytes else i / args.docs
            if done >= next_report:
                print(f"gen.py: {min(done, 1.0):4.0%} {i} documents, {written / 1e6:.1f} MB", file=sys.stderr)
                next_report += 0.1
    finally:
        if out is not sys.stdout:
            out.close()
        if txt_dir:
            mf.close()
    print(f"gen.py: wrote {i} documents, {written} bytes to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
