"""A generator of UK Parliament petition files in the shape of the real ones, for benchmarks.

:func:`write_petitions` writes ``n`` files ``<id>.json`` (``json.dumps(..., indent=4,
sort_keys=True)``, ASCII with ``\\uXXXX`` escapes and ``\\r\\n`` inside texts, as in
``../shared/corpora/uk-petitions``): half in the 2015–2017 layout (``open_at``), half in the
2017–2019 one (``opened_at``). The mix follows the petitions site: about a fifth rejected (codes
duplicate, irrelevant, no-action, honours), about one in six answered by a department (a summary
and details of about 2,500 characters ending with the department's name), one in fifty debated
(with transcript, video and debate pack addresses), one in a hundred with a debate declined, and
signature counts spread from a handful to hundreds of thousands. One file in a thousand carries
signatures by constituency (650 entries), as later dumps do.

The same ``(n, seed)`` always gives the same files.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     paths = write_petitions(pathlib.Path(tmp), 20)
...     len(paths)
20
"""

from __future__ import annotations

import datetime as _dt
import json
import random
from pathlib import Path
from typing import Any

DEPARTMENTS = [
    "Department for Work and Pensions", "Home Office", "Department of Health",
    "Department for Education", "HM Treasury", "Ministry of Justice", "Ministry of Defence",
    "Department for Transport", "Department for Environment, Food and Rural Affairs",
    "Foreign and Commonwealth Office", "Cabinet Office", "Department for Communities and Local "
    "Government", "Department for Business, Energy and Industrial Strategy",
    "Department for Digital, Culture, Media and Sport", "Department for International Development",
    "Department for Exiting the European Union", "Scotland Office", "Wales Office",
    "Northern Ireland Office", "Department for International Trade",
]
VERBS = ["Ban", "Stop", "Fund", "Protect", "Review", "Scrap", "Introduce", "Reform", "Make",
         "Require", "Guarantee", "Restore", "Extend", "Abolish", "Publish"]
OBJECTS = ["the sale of fireworks to the public", "tuition fees for nursing students",
           "free school meals in the holidays", "the closure of rural bus routes",
           "the use of neonicotinoids on crops", "a referendum on the final deal",
           "the state pension age for women born in the 1950s", "animal testing for cosmetics",
           "funding for hospices", "the right to a jury trial", "business rates for small shops",
           "puppy farming and third-party sales", "air pollution limits near schools",
           "zero-hours contracts", "the licence fee", "legal aid for housing cases"]
WORDS = ["the", "government", "should", "act", "now", "because", "people", "are", "affected", "every", "day", "and", "the", "evidence", "shows", "that", "current", "rules", "are", "failing", "families", "workers", "patients", "pupils", "and", "communities", "across", "the", "country", "while", "costs", "keep", "rising", "and", "services", "are", "being", "cut"]
STATES = ["open", "closed"]
CODES = ["duplicate", "irrelevant", "no-action", "honours"]
START = _dt.datetime(2015, 7, 20, 9, 0, 0)


def _stamp(moment: _dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _prose(rng: random.Random, chars: int) -> str:
    out, size = [], 0
    while size < chars:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
        sentence = sentence[0].upper() + sentence[1:] + "."
        out.append(sentence)
        size += len(sentence) + 1
    text = " ".join(out)
    # paragraphs with the site's line ends, and a non-ASCII character now and then
    return text.replace(". ", ".\r\n\r\n", 2).replace(" costs ", " \u00a3 costs ", 1)


def petition(rng: random.Random, pid: int, later_layout: bool) -> dict[str, Any]:
    """One petition object (the file's whole content)."""
    created = START + _dt.timedelta(minutes=rng.randint(0, 60 * 24 * 365 * 3))
    moderated = created + _dt.timedelta(minutes=rng.randint(5, 600))
    rejected = rng.random() < 0.2
    attrs: dict[str, Any] = {
        "action": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}",
        "additional_details": _prose(rng, rng.randint(0, 700)) if rng.random() < 0.8 else "",
        "background": _prose(rng, rng.randint(120, 300)),
        "closed_at": None, "created_at": _stamp(created), "creator_name": None, "debate": None,
        "debate_outcome_at": None, "debate_threshold_reached_at": None,
        "government_response": None, "government_response_at": None,
        "moderation_threshold_reached_at": _stamp(moderated), "rejected_at": None,
        "rejection": None, "response_threshold_reached_at": None, "scheduled_debate_date": None,
        "signature_count": 0, "state": "open", "updated_at": None,
    }
    attrs["opened_at" if later_layout else "open_at"] = None
    if later_layout and rng.random() < 0.6:
        attrs["creator_name"] = f"Creator {pid}"
    last = moderated
    if rejected:
        when = moderated + _dt.timedelta(days=rng.randint(1, 10))
        code = rng.choice(CODES)
        attrs.update(state="rejected", rejected_at=_stamp(when),
                     signature_count=rng.randint(5, 12),
                     rejection={"code": code, "details": (
                         f"https://petition.parliament.uk/petitions/{pid - 1}" if code == "duplicate"
                         else _prose(rng, 200))})
        last = when
    else:
        opened = moderated + _dt.timedelta(days=rng.randint(1, 7))
        attrs["opened_at" if later_layout else "open_at"] = _stamp(opened)
        count = int(rng.lognormvariate(6, 2.4))
        answered = count >= 10_000 or rng.random() < 0.02
        count = max(count, 10_000) if answered else min(count, 9_999)
        attrs["signature_count"] = count
        last = opened
        if answered:
            reached = opened + _dt.timedelta(days=rng.randint(1, 60))
            responded = reached + _dt.timedelta(days=rng.randint(5, 90))
            department = rng.choice(DEPARTMENTS)
            attrs.update(response_threshold_reached_at=_stamp(reached),
                         government_response_at=_stamp(responded),
                         government_response={
                             "created_at": _stamp(responded), "updated_at": _stamp(responded),
                             "summary": _prose(rng, rng.randint(150, 350)),
                             "details": _prose(rng, rng.randint(1500, 3500)) + "\r\n\r\n"
                             + department})
            last = responded
            if count >= 100_000 or rng.random() < 0.08:
                debated = responded + _dt.timedelta(days=rng.randint(20, 120))
                attrs["debate_threshold_reached_at"] = _stamp(reached + _dt.timedelta(days=9))
                if rng.random() < 0.7:
                    debate = {"debated_on": debated.date().isoformat(),
                              "overview": _prose(rng, 300),
                              "transcript_url": f"https://hansard.parliament.uk/commons/{pid}",
                              "video_url": f"https://parliamentlive.tv/Event/Index/{pid}"}
                    attrs["scheduled_debate_date"] = debated.date().isoformat()
                else:
                    debate = {"debated_on": None, "overview": _prose(rng, 400),
                              "transcript_url": "", "video_url": ""}
                if later_layout:
                    debate["debate_pack_url"] = (f"https://researchbriefings.parliament.uk/{pid}"
                                                 if debate["debated_on"] else "")
                attrs.update(debate=debate, debate_outcome_at=_stamp(debated
                                                                     + _dt.timedelta(days=1)))
                last = debated
        if rng.random() < 0.7:
            closed = opened + _dt.timedelta(days=182)
            attrs.update(state="closed", closed_at=_stamp(closed))
            last = max(last, closed)
    attrs["updated_at"] = _stamp(last + _dt.timedelta(days=rng.randint(0, 30)))
    if later_layout and rng.random() < 0.001:
        attrs["signatures_by_constituency"] = [
            {"mp": f"MP {i}", "name": f"Constituency {i}", "ons_code": f"E14{i:06d}",
             "signature_count": rng.randint(0, 50)} for i in range(650)]
    return {"attributes": attrs, "id": pid,
            "links": {"self": f"https://petition.parliament.uk/petitions/{pid}.json"},
            "type": "petition"}


def write_petitions(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` petition files into ``folder`` (``flat/`` and ``2017/``); return their paths."""
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        later = i % 2 == 1
        pid = (200_000 if later else 100_000) + i
        sub = folder / ("2017" if later else "flat")
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{pid}.json"
        path.write_text(json.dumps(petition(rng, pid, later), indent=4, sort_keys=True),
                        encoding="ascii")
        paths.append(path)
    return paths
