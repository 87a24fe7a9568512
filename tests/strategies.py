"""Hypothesis strategies for valid dossiers: any text, any structure the rules allow."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from argmap.dossier import Dossier
from argmap.model import WRITABLE_SAID, ActorKind, EffectType, EventKind, EvidenceKind

# Text people really write, and text meant to break things: CJK, emoji, quotes, markup, controls.
_ALPHABET = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(list("マイナンバー任意、。「」😀👩‍👩‍👧🇯🇵\"'\\<>&{}|:#-\n\t ")),
)
texts = st.text(_ALPHABET, min_size=1, max_size=40)
lang_texts = st.one_of(texts, st.fixed_dictionaries({"ja": texts, "en": texts}))
dates = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2025, 12, 31))


@st.composite
def dossiers(draw: Any, max_items: int = 6) -> Dossier:
    """A valid dossier: every reference resolves, every answer follows its demand."""
    n_actors = draw(st.integers(1, 3))
    actors = [{"id": f"a{i}", "name": draw(lang_texts), "kind": draw(st.sampled_from(ActorKind)).value}
              for i in range(n_actors)]
    actor_ids = [a["id"] for a in actors]
    events = [{"id": f"e{i}", "date": draw(st.none() | dates.map(dt.date.isoformat)),
               "title": draw(lang_texts),
               "kind": draw(st.sampled_from(EventKind)).value,
               "participants": draw(st.lists(st.sampled_from(actor_ids), max_size=2, unique=True))}
              for i in range(draw(st.integers(0, 2)))]
    claims = [{"id": f"c{i}", "text": draw(lang_texts), "by": draw(st.sampled_from(actor_ids)),
               "tags": draw(st.lists(st.sampled_from(["x", "y", "no"]), max_size=2, unique=True)),
               "main": draw(st.booleans())}
              for i in range(draw(st.integers(0, max_items)))]
    demands = []
    for i in range(draw(st.integers(0, max_items))):
        demands.append({"id": f"d{i}", "text": draw(lang_texts), "by": actor_ids[0],
                        "to": draw(st.lists(st.sampled_from(actor_ids), min_size=1, max_size=2,
                                            unique=True)),
                        "date": draw(dates).isoformat()})
    responses = []
    for i, demand in enumerate(draw(st.lists(st.sampled_from(demands), max_size=max_items))
                               if demands else []):
        made = dt.date.fromisoformat(demand["date"])
        answered = made + dt.timedelta(days=draw(st.integers(0, 400)))
        to = [demand["id"]]
        earlier = [d["id"] for d in demands
                   if d["id"] != demand["id"] and dt.date.fromisoformat(d["date"]) <= answered]
        if earlier and draw(st.booleans()):  # one answer to two demands
            to.append(draw(st.sampled_from(earlier)))
        said: Any = draw(st.sampled_from(WRITABLE_SAID)).value
        if len(to) > 1 and draw(st.booleans()):  # ... saying a different thing to each
            said = {d: draw(st.sampled_from(WRITABLE_SAID)).value for d in to}
        responses.append({"id": f"r{i}", "by": demand["to"][0], "to": to, "said": said,
                          "quote": draw(lang_texts), "date": answered.isoformat()})
    evidence = [{"id": f"v{i}", "text": draw(lang_texts),
                 "kind": draw(st.sampled_from(EvidenceKind)).value,
                 "value": draw(st.none() | st.fixed_dictionaries({
                     "number": st.integers(-10**9, 10**9) | st.floats(allow_nan=False,
                                                                       allow_infinity=False),
                     "unit": st.sampled_from(["%", "cards", "yen"]),
                     "as_of": dates.map(dt.date.isoformat),
                     "as_of_precision": st.sampled_from(["day", "month", "year"])}))}
                for i in range(draw(st.integers(0, 3)))]
    targets = [d["id"] for d in demands] + [r["id"] for r in responses]
    actions = [{"id": f"x{i}", "by": draw(st.sampled_from(actor_ids)),
                "date": draw(st.none() | dates.map(dt.date.isoformat)),  # undated: none given
                "kind": "notice", "text": draw(lang_texts),
                "effects": [{"on": draw(st.sampled_from(targets)),
                             "type": draw(st.sampled_from(EffectType)).value}] if targets else []}
               for i in range(draw(st.integers(0, 2)))]
    arguable = [c["id"] for c in claims] + [d["id"] for d in demands] + [v["id"] for v in evidence]
    relations: list[dict[str, Any]] = []
    if len(arguable) >= 2:
        for i in range(draw(st.integers(0, max_items))):
            source, target = draw(st.lists(st.sampled_from(arguable), min_size=2, max_size=2,
                                           unique=True))
            if target.startswith("v"):
                source, target = target, source
            kind = "attacks" if target.startswith("v") else draw(st.sampled_from(
                ["supports", "attacks"]))
            relations.append({"id": f"rel{i}", "from": source, "to": target, "type": kind})
        plain = [r for r in relations if r["type"] in ("supports", "attacks")]
        if plain and draw(st.booleans()):
            relations.append({"id": "undercut", "from": arguable[0], "to": plain[0]["id"],
                              "type": "undercuts"})
    return Dossier.model_validate({
        "dossier": {"title": draw(lang_texts), "languages": ["ja", "en"]},
        "actors": actors, "events": events, "claims": claims, "demands": demands,
        "responses": responses, "evidence": evidence, "actions": actions, "relations": relations,
    })
