"""A generator of large, realistic dossiers for benchmarks.

:func:`generate_dossier` makes a dossier of about ``n_items`` items in realistic proportions
(actors ~1%, sources ~1%, events ~10%, claims ~23%, demands ~15%, responses ~15%, evidence ~15%,
actions ~5%, relations ~15%), dates spread over 2012-2024, bilingual texts of realistic length,
citations with locators, deadlines, answers that come after their demands (some demands answered
several times, some never), actions whose effects bear on earlier demands, answers and claims,
linked premises, undercuts and rephrases. The result passes :func:`argmap.checks.check`.

The same ``(n_items, seed, languages)`` always gives the same dossier.

>>> from bench.generate import generate_dossier
>>> d = generate_dossier(1000)
>>> len(d)
1000
"""

from __future__ import annotations

import datetime as _dt
import random
from collections.abc import Sequence
from typing import Any

from argmap.dossier import Dossier
from argmap.gc_pause import paused_gc
from argmap.model import (
    Action,
    Actor,
    Citation,
    Claim,
    Demand,
    Effect,
    Event,
    Evidence,
    Figure,
    Relation,
    Response,
    Source,
)

#: Share of each section in a generated dossier (claims take what rounding leaves).
PROPORTIONS: dict[str, float] = {
    "actors": 0.01, "sources": 0.01, "events": 0.10, "demands": 0.15, "responses": 0.15,
    "evidence": 0.15, "actions": 0.05, "relations": 0.15,
}

START = _dt.date(2012, 1, 1)
SPAN_DAYS = 13 * 365

# Paired (ja, en) fragments; sentences are built by joining a few of them.
SUBJECTS = [
    ("マイナンバーカードの取得は", "Acquiring the My Number card"),
    ("職員への取得勧奨は", "Urging staff to acquire the card"),
    ("健康保険証の廃止は", "Abolishing the health insurance card"),
    ("個人番号の利用拡大は", "Widening the use of personal numbers"),
    ("取得状況の調査は", "The survey of acquisition rates"),
    ("通知カードの印刷は", "Printing the notification cards"),
    ("窓口業務の委託は", "Outsourcing counter services"),
    ("システム標準化の期限は", "The deadline for system standardisation"),
    ("地方交付税の算定は", "The calculation of local allocation tax"),
    ("ポイント付与事業は", "The points reward scheme"),
]
PREDICATES = [
    ("あくまで任意であり、強制してはならない", "is voluntary and must not be forced"),
    ("職員の個人情報保護の観点から問題がある",
     "raises problems for the protection of staff privacy"),
    ("自治体の負担を大きく増やしている", "has greatly increased the burden on municipalities"),
    ("法律上の根拠が明確ではない", "has no clear basis in law"),
    ("不利益な取扱いにつながるおそれがある", "risks leading to disadvantageous treatment"),
    ("十分な説明がないまま進められている", "is being pushed ahead without adequate explanation"),
    ("現場の実態を踏まえて見直すべきである",
     "should be reviewed in the light of conditions on the ground"),
    ("期限までに完了することは困難である", "cannot realistically be completed by the deadline"),
]
ASKS = [
    ("直ちに中止すること", "be stopped at once"),
    ("撤回すること", "be withdrawn"),
    ("文書で回答すること", "be answered in writing"),
    ("実施前に協議すること", "be negotiated before it is carried out"),
    ("必要な財源を国の責任で措置すること", "be funded in full by the national government"),
    ("調査結果を公表すること", "have its results published"),
]
QUALIFIERS = [
    ("", ""),
    ("総務省の通知によれば、", "According to the ministry's notice, "),
    ("組合の調査では、", "In the union's survey, "),
    ("複数の自治体で、", "In several municipalities, "),
    ("国会答弁において、", "In answers to the Diet, "),
]
NAMES = [
    ("自治体労働組合", "Municipal Workers' Union"), ("総務省", "Ministry of Internal Affairs"),
    ("デジタル庁", "Digital Agency"), ("共済組合連合会", "Federation of Mutual Aid Associations"),
    ("市議会", "City Council"), ("地方新聞社", "Regional Newspaper"),
    ("情報法研究者", "Information Law Scholar"), ("県職員労働組合", "Prefectural Staff Union"),
]
ACTOR_KINDS = ["union", "ministry", "agency", "federation", "council", "media", "expert", "union"]
SAID_WEIGHTS = [("acknowledged", 3), ("deflected", 4), ("under_consideration", 3),
                ("partially_accepted", 2), ("accepted", 2), ("refused", 3)]
EFFECT_WEIGHTS = [("commits", 2), ("progresses", 3), ("stalls", 1), ("fulfils", 2),
                  ("partially_fulfils", 2), ("fails", 1), ("contradicts", 2), ("reverses", 1)]


class _Texts:
    """Builds paired texts in the requested languages."""

    def __init__(self, rng: random.Random, languages: Sequence[str]) -> None:
        self.rng = rng
        self.languages = tuple(languages)

    def render(self, ja: str, en: str, n: int) -> dict[str, str]:
        out: dict[str, str] = {}
        for lang in self.languages:
            if lang == "ja":
                out[lang] = f"{ja}（第{n}項）"
            else:
                out[lang] = f"{en} (item {n})" if lang == "en" else f"[{lang}] {en} (item {n})"
        return out

    def _sentence(self, lead: tuple[str, str] | None = None) -> tuple[str, str]:
        c = self.rng.choice
        qualifier = lead or c(QUALIFIERS)
        subject, predicate = c(SUBJECTS), c(PREDICATES)
        en_subject = subject[1] if not qualifier[1] else subject[1][0].lower() + subject[1][1:]
        return (f"{qualifier[0]}{subject[0]}{predicate[0]}。",
                f"{qualifier[1]}{en_subject} {predicate[1]}.")

    def statement(self, n: int) -> dict[str, str]:
        ja, en = self._sentence()
        if self.rng.random() < 0.4:  # a second sentence, as real claims often have
            ja2, en2 = self._sentence(("また、", "Moreover, "))
            ja, en = ja + ja2, f"{en} {en2}"
        return self.render(ja, en, n)

    def demand(self, n: int) -> dict[str, str]:
        c = self.rng.choice
        subject, ask = c(SUBJECTS), c(ASKS)
        ja = f"{subject[0].removesuffix('は')}について、{ask[0]}。"
        en = f"We demand that {subject[1][0].lower()}{subject[1][1:]} {ask[1]}."
        return self.render(ja, en, n)

    def title(self, what: tuple[str, str], n: int) -> dict[str, str]:
        return {lang: (f"{what[0]} 第{n}回" if lang == "ja" else f"{what[1]} no. {n}")
                for lang in self.languages}


def _counts(n_items: int) -> dict[str, int]:
    counts = {name: max(1, round(n_items * share)) for name, share in PROPORTIONS.items()}
    counts["actors"] = max(2, counts["actors"])
    counts["claims"] = max(1, n_items - sum(counts.values()))
    return counts


def generate_dossier(n_items: int, seed: int = 0,
                     languages: Sequence[str] = ("ja", "en")) -> Dossier:
    """A checked-valid dossier of about ``n_items`` items (exactly, from 100 items up).

    >>> d = generate_dossier(500, seed=1)
    >>> d.counts()["demands"], d.counts()["actors"]
    (75, 5)
    """
    with paused_gc():  # ~400,000 acyclic objects: the collector would only slow this down
        return _generate(n_items, seed, languages)


def _generate(n_items: int, seed: int, languages: Sequence[str]) -> Dossier:
    rng = random.Random(seed)
    texts = _Texts(rng, languages)
    counts = _counts(n_items)
    day = _dt.timedelta(days=1)

    def date_after(base: _dt.date, low: int, high: int) -> _dt.date:
        return base + rng.randint(low, high) * day

    def cites(sources: list[Source]) -> list[Citation]:
        if rng.random() < 0.25:
            return []
        return [Citation(source=rng.choice(sources).id, locator=f"p. {rng.randint(1, 40)}")]

    actors = []
    for i in range(counts["actors"]):
        name = NAMES[i % len(NAMES)]
        parent = actors[rng.randrange(len(actors))].id if actors and rng.random() < 0.2 else None
        actors.append(Actor(id=f"actor-{i}", kind=ACTOR_KINDS[i % len(ACTOR_KINDS)],
                            name=texts.title(name, i), short=f"A{i}", parent=parent))
    askers = ([a.id for a in actors if a.kind.value in ("union", "council", "expert")]
              or [actors[0].id])
    asked = [a.id for a in actors if a.id not in askers] or [actors[-1].id]

    sources = [Source(id=f"src-{i}", title=texts.title(("機関紙", "Union bulletin"), i),
                      kind=rng.choice(["newspaper", "official_document", "statement", "article"]),
                      date=date_after(START, 0, SPAN_DAYS), url=f"https://example.org/doc/{i}")
               for i in range(counts["sources"])]

    events = []
    for i in range(counts["events"]):
        events.append(Event(
            id=f"ev-{i}", date=date_after(START, 0, SPAN_DAYS),
            kind=rng.choice(["meeting", "request", "notice", "hearing", "press", "amendment"]),
            title=texts.title(("交渉", "Negotiation meeting"), i),
            participants=rng.sample([a.id for a in actors], min(len(actors), rng.randint(1, 3))),
            cites=cites(sources)))

    def when() -> dict[str, Any]:
        # a third of items are dated only through the event they were put at
        if rng.random() < 0.33:
            event = rng.choice(events)
            return {"at": event.id, "_date": event.date}
        date = date_after(START, 0, SPAN_DAYS)
        return {"date": date, "_date": date}

    claims, claim_dates = [], []
    for i in range(counts["claims"]):
        w = when()
        claim_dates.append(w.pop("_date"))
        claims.append(Claim(id=f"claim-{i}", text=texts.statement(i), by=[rng.choice(actors).id],
                            main=rng.random() < 0.02, cites=cites(sources), **w))

    demands, demand_dates = [], []
    for i in range(counts["demands"]):
        w = when()
        made = w.pop("_date")
        demand_dates.append(made)
        deadline = date_after(made, 14, 120) if rng.random() < 0.4 else None
        demands.append(Demand(id=f"dem-{i}", text=texts.demand(i), by=[rng.choice(askers)],
                              to=rng.sample(asked, min(len(asked), rng.choice([1, 1, 2]))),
                              deadline=deadline, cites=cites(sources), **w))

    said_values, said_w = zip(*SAID_WEIGHTS, strict=True)
    responses, response_dates, answered = [], [], []
    for i in range(counts["responses"]):
        k = rng.randrange(len(demands))
        demand = demands[k]
        date = date_after(demand_dates[k], 1, 400)
        response_dates.append(date)
        answered.append(k)
        responses.append(Response(
            id=f"resp-{i}", by=[demand.to[0]], to=[demand.id],
            said=rng.choices(said_values, said_w)[0], date=date, text=texts.statement(i),
            quote=texts.statement(i + 1) if rng.random() < 0.3 else None, cites=cites(sources)))

    evidence = []
    for i in range(counts["evidence"]):
        w = when()
        w.pop("_date")
        value = None
        if rng.random() < 0.3:
            value = Figure(number=round(rng.uniform(0, 100), 1), unit="%",
                           as_of=date_after(START, 0, SPAN_DAYS),
                           measure={"en": "issuance rate"} if "en" in languages else None)
        evidence.append(Evidence(
            id=f"evd-{i}", text=texts.statement(i), kind=rng.choice(
                ["statistic", "survey", "document", "press_report", "testimony"]),
            source=rng.choice(sources).id, locator=f"p. {rng.randint(1, 80)}", value=value,
            by=[rng.choice(actors).id] if rng.random() < 0.5 else [], **w))

    effect_types, effect_w = zip(*EFFECT_WEIGHTS, strict=True)
    actions = []
    for i in range(counts["actions"]):
        r = rng.random()
        if r < 0.5:
            k = rng.randrange(len(demands))
            on, base = demands[k].id, demand_dates[k]
        elif r < 0.85:
            k = rng.randrange(len(responses))
            on, base = responses[k].id, response_dates[k]
        else:
            k = rng.randrange(len(claims))
            on, base = claims[k].id, claim_dates[k]
        effects = [Effect(on=on, type=rng.choices(effect_types, effect_w)[0])]
        if rng.random() < 0.2:
            k = rng.randrange(len(demands))
            if demand_dates[k] <= base:
                effects.append(Effect(on=demands[k].id,
                                      type=rng.choices(effect_types, effect_w)[0]))
        actions.append(Action(id=f"act-{i}", by=[rng.choice(asked)], date=date_after(base, 1, 500),
                              kind=rng.choice(["notice", "amendment", "decision", "system"]),
                              text=texts.statement(i), effects=effects, cites=cites(sources)))

    relations: list[Relation] = []
    undercuttable: list[str] = []
    premises = [c.id for c in claims] + [e.id for e in evidence]
    targets = [c.id for c in claims] + [d.id for d in demands]
    for i in range(counts["relations"]):
        rid = f"rel-{i}"
        r = rng.random()
        if r < 0.05 and undercuttable:
            relations.append(Relation(id=rid, **{"from": [rng.choice(premises)]},
                                      to=rng.choice(undercuttable), type="undercuts"))
            continue
        target = rng.choice(targets)
        if r < 0.08:
            source = rng.choice(claims).id
            if source != target:
                relations.append(Relation(id=rid, **{"from": [source]}, to=target,
                                          type="rephrases"))
                continue
        rtype = "supports" if r < 0.7 else "attacks"
        n_premises = 2 if rtype == "supports" and rng.random() < 0.1 else 1
        chosen = [p for p in rng.sample(premises, n_premises) if p != target] or [
            rng.choice([p for p in premises[:2] if p != target])]
        relations.append(Relation(id=rid, **{"from": chosen}, to=target, type=rtype,
                                  cites=cites(sources)))
        undercuttable.append(rid)

    return Dossier(actors=actors, sources=sources, events=events, claims=claims, demands=demands,
                   responses=responses, evidence=evidence, actions=actions, relations=relations)
