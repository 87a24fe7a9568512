"""The debate brief: its sections, citations, escaping, languages, as-of dates, errors, and the
example case checked against the dossier it comes from."""

from __future__ import annotations

import datetime as _dt
import importlib.util
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import dossiers

from argmap.brief import brief, build_brief, brief_format, write_brief
from argmap.l10n import format_date, format_figure_value
from argmap.brief.markdown import escape
from argmap.dossier import Dossier
from argmap.errors import FileError, UnknownReferenceError
from argmap.io.files import load
from argmap.lang import pick

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "brief" / "case.yaml"
GOLDEN = ROOT / "tests" / "golden" / "brief"
EXAMPLE = ROOT / "claims" / "mynumber-card.yaml"


@pytest.fixture(scope="module")
def case():
    return load(FIXTURE)


@pytest.fixture(scope="module")
def md(case) -> str:
    return brief(case, "union")


def section(text: str, heading: str) -> str:
    """The text of one ``## `` section of a Markdown brief (up to the next ``## ``)."""
    start = text.index(f"## {heading}")
    end = text.find("\n## ", start + 3)
    return text[start:] if end < 0 else text[start:end]


def blocks(text: str) -> list[str]:
    """The numbered items of a section, each with its indented lines."""
    return [b for b in re.split(r"\n(?=\d+\. )", text) if re.match(r"\d+\. ", b)]


# --- structure -------------------------------------------------------------------------------


def test_sections_come_in_order(md):
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Our demands at a glance", "## 1. Our position",
        "## 2. Supporting arguments and evidence", "## 3. Counter-arguments and rebuttals",
        "## 4. Answers on the record", "## 5. Open demands", "## 6. Key dates",
        "## How this brief weighs the arguments", "## Sources"]


def test_position_is_the_main_claim_with_its_source_and_standing(md):
    position = section(md, "1. Our position")
    # the position is the writer's wording: never in quotation marks
    assert "Union holds: **Getting the card is voluntary and must not be forced on staff.** " \
           "(Union 2023a, ¶3)" in position
    # c-lead attacks the main claim and nothing attacks c-lead: said in plain words ...
    assert ("Our position does not stand on the arguments on file: 2 attacks on it or on its "
            "grounds have no reply that holds:") in position
    assert ("- Public employees should lead the way in getting the card. — Promotion Council, "
            "1 April 2023 (MIC 2023, p. 9) — **no reply on file**") in position
    assert "semantics" not in position and "extension" not in position
    # ... and the method, with its technical verdict, once at the end
    method = section(md, "How this brief weighs")
    assert "grounded semantics rejects the position; it belongs to no preferred extension." \
        in method


def test_standing_when_nothing_stands_against(case):
    data = build_brief(case, "union", motion="c-no-law")
    assert data.position.standing.grounded == "in"
    assert data.position.standing.preferred == "all"
    assert "it stands." in section(brief(case, "union", motion="c-no-law"), "1. Our position")


def test_a_chosen_motion_replaces_the_main_claim(case):
    data = build_brief(case, "union", motion="c-low-uptake")
    assert data.motion == "c-low-uptake"
    assert [g.entry.id for g in data.support] == ["e-rate", "e-cards"]
    assert [o.id for o in data.position.others] == ["c-main"]


def test_support_tree_with_evidence_and_linked_premises(case):
    data = build_brief(case, "union")
    assert [g.entry.id for g in data.support] == ["c-no-law", "c-low-uptake", "c-privacy",
                                                   "c-consent", "c-late"]
    uptake = data.support[1]
    assert [g.entry.id for g in uptake.children] == ["e-rate", "e-cards"]
    assert data.support[2].joint == ("Staff have not consented.",)


def test_figures_show_value_unit_scope_date_and_source(md):
    support = section(md, "2. Supporting")
    assert ("Evidence: issuance rate, nationwide: **14.3%** (as of 31 March 2023) — Only 14.3% "
            "of people nationwide hold the card. — MIC (MIC 2023, table 2)") in support
    assert "cards issued: **18,233,942 cards** (as of 31 March 2023)" in support


def test_counter_arguments_flagged_only_without_a_rebuttal(case, md):
    data = build_brief(case, "union")
    flagged = {c.entry.id: c.unrebutted for c in data.counters}
    # c-lead: nothing answers it; c-cheap: attacked and its attack undercut;
    # c-survey-flawed: undercuts a support of ours, nothing answers it
    assert flagged == {"c-lead": True, "c-cheap": False, "c-survey-flawed": True}
    for block in blocks(section(md, "3. Counter-arguments")):
        unrebutted = "Public employees" in block or "Those statistics" in block
        assert ("⚠ No reply on file: prepare one." in block) == unrebutted, block
        assert ("Answered: a reply on file holds." in block) == (not unrebutted), block
    cheap = next(c for c in data.counters if c.entry.id == "c-cheap")
    assert [r.id for r in cheap.rebuttals] == ["c-time-cost"]
    assert [u.id for u in cheap.targets[0].undercut_by] == ["c-cost-irrelevant"]
    survey = next(c for c in data.counters if c.entry.id == "c-survey-flawed")
    assert survey.targets[0].how == "undercuts"
    assert survey.targets[0].undercut_by == ()


def test_answers_quoted_with_date_source_and_what_followed(md):
    answers = section(md, "4. Answers")
    assert "### MIC, 10 May 2023: Accepted — a commitment on record" in answers
    assert "> “it is not compulsory” (Union 2023a, ¶15)" in answers
    # an accepted answer, then acts against it and acts on it: broken, then kept
    assert ("Then, on 1 September 2023, MIC: Ordered a monthly report of which staff hold the "
            "card — **Broken (not delivered)**. (Union 2023b, ¶5)") in answers
    assert "Then, on 20 June 2023, MIC: Issued a notice allowing applications in working hours " \
           "— **Kept (delivered)**." in answers
    # the answer's own words are quoted and credited; our summary is marked as ours, unquoted
    assert "- In our words: The ministry promised not to force anyone." in answers
    assert "“The ministry promised" not in md
    assert "### The Prefecture, 10 June 2023: Deflected (no commitment)" in answers
    # answers are in date order
    dates = re.findall(r"^### [^,]+, (.+?):", answers, re.MULTILINE)
    assert dates == ["10 May 2023", "6 June 2023", "10 June 2023"]


def test_open_demands_grouped(case, md):
    data = build_brief(case, "union")
    groups = {o.entry.id: o.group for o in data.open}
    # the branch is a division of the union: its demand is the union's to follow up
    # promised on 10 May, contradicted on 1 September: still open, as a broken promise
    assert groups == {"d-no-survey": "overdue", "d-branch": "unanswered", "d-forms": "on_paper",
                      "d-no-force": "broken"}
    opened = section(md, "5. Open demands")
    assert ("**Stop the survey of who holds the card.** — made 10 May 2023 to MIC; deadline "
            "30 June 2023; no answer for 145 days (Union 2023a, ¶11)") in opened
    assert opened.index("### Overdue") < opened.index("### Unanswered") \
        < opened.index("### Answered on paper only")


def test_a_demand_owed_no_answer_is_not_listed_as_unanswered(case):
    # tagged no-answer-due (a petition short of the threshold): none was owed, so the brief
    # does not count days without one; its line says "No answer (none due)"
    data = case.model_dump(mode="json", by_alias=True, exclude_none=True)
    next(d for d in data["demands"] if d["id"] == "d-branch")["tags"] = ["no-answer-due"]
    tagged = Dossier.model_validate(data)
    data = build_brief(tagged, "union")
    assert "d-branch" not in {o.entry.id for o in data.open}
    text = brief(tagged, "union")
    assert "No answer (none due)" in text


def test_key_dates_in_order(md):
    days = re.findall(r"^- \*\*(.+)\*\*$", section(md, "6. Key dates"), re.MULTILINE)
    assert days[0] == "10 May 2023" and days[-1] == "2 October 2023"
    parsed = [_dt.datetime.strptime(d, "%d %B %Y").date() for d in days]
    assert parsed == sorted(parsed) and len(set(parsed)) == len(parsed)


# --- citations -------------------------------------------------------------------------------


def cited_labels(text: str, labels: list[str]) -> list[str]:
    """Source labels in the order the body first cites them."""
    body = text[:text.index("## Sources")] if "## Sources" in text else text
    body = body[:body.index("## 出典")] if "## 出典" in body else body
    found = []
    for match in re.finditer(r"[(;] ?([^();]+?)(?:, [^();]*)?(?=[);])", body):
        label = match.group(1).strip()
        if label in labels and label not in found:
            found.append(label)
    return found


def test_sources_numbered_in_order_of_first_citation(case, md):
    data = build_brief(case, "union")
    labels = [escape(s.label) for s in data.sources]  # as written in Markdown
    assert [s.number for s in data.sources] == list(range(1, len(labels) + 1))
    assert cited_labels(md, labels) == labels
    listed = md[md.index("## Sources"):].splitlines()[2:]
    assert [line.split(". ", 1)[0] for line in listed] == [str(n) for n in range(1, 5)]


def test_same_author_and_year_are_told_apart(md):
    assert "**Union 2023a** — Bargaining minutes (spring)" in md
    assert "**Union 2023b** — Bargaining minutes (autumn)" in md


def test_every_fact_line_cites_a_source(case, md):
    labels = [escape(s.label) for s in build_brief(case, "union").sources]
    cite = re.compile(r"\((?:" + "|".join(re.escape(label) for label in labels) + r")")
    exempt = ("Against", "**⚠", "*Answered", "In our words", "No later action")
    checked = 0
    for heading in ("2. Supporting", "3. Counter", "4. Answers", "5. Open", "6. Key"):
        for line in section(md, heading).splitlines():
            text = line.strip()
            if not text.startswith(("- ", "> ")) and not re.match(r"\d+\. ", text):
                continue  # headings and paragraphs; every list item and quote is checked
            if any(text[2:].lstrip().startswith(e) for e in exempt) or re.fullmatch(
                    r"- \*\*[^*]+\*\*", text) or text.endswith("(see above)"):
                continue  # what the brief itself says, pointers to items cited above, and the
                # day headings of the key dates
            assert cite.search(text), text
            checked += 1
    assert checked > 30


# --- escaping and formats ----------------------------------------------------------------------


def test_markdown_escapes_dossier_text(md):
    assert "<script>" not in md and "<b>" not in md
    assert r"A \*bold\* \<script\>alert(1)\</script\> leaflet" in md
    assert "<javascript:" not in md  # only web and mail addresses become links
    assert "<https://example.org/stats>" in md


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_is_escaped_and_self_contained(case):
    page = brief(case, "union", format="html", with_map=False)
    parser = _Collect()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert all("src" not in attrs for _, attrs in parser.tags)
    hrefs = [a["href"] for t, a in parser.tags if t == "a"]
    assert all(h.startswith(("#src-", "https://")) for h in hrefs), hrefs
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "@media print" in page and "@import" not in page
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    # every citation link has its target in the source list
    targets = {a.get("id") for _, a in parser.tags}
    assert {h[1:] for h in hrefs if h.startswith("#")} <= targets


@pytest.mark.graphviz
def test_html_embeds_the_demands_map_as_inline_svg(case):
    page = brief(case, "union", format="html")
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page
    # the drawing once, after the sources; the printed pages only <use> it
    drawing = page.index('<svg width="')
    assert page.count('<svg width="') == 1 and page.index('<ol class="sources">') < drawing
    assert 'id="argmap-brief-map"' in page
    pages = page.count('<use href="#argmap-brief-map"/>')
    assert pages >= 1 and page.count("<svg") == 1 + pages
    assert page == brief(case, "union", format="html")  # byte-identical


_ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "br",
                 "section", "ol", "ul", "li", "strong", "em", "a", "blockquote", "span", "table",
                 "thead", "tbody", "tr", "th", "td"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dossiers())
def test_any_valid_dossier_gives_a_brief_for_every_actor(dossier):
    for actor in dossier.actors:
        text = brief(dossier, actor.id)
        assert text.endswith("\n") and "## 6. Key dates" in text
        page = brief(dossier, actor.id, format="html", with_map=False)
        parser = _Collect()
        parser.feed(page)
        assert {t for t, _ in parser.tags} <= _ALLOWED_TAGS  # no dossier text became markup
        assert page == brief(dossier, actor.id, format="html", with_map=False)


def test_output_is_deterministic(case):
    assert brief(case, "union", lang="ja") == brief(case, "union", lang="ja")


def test_japanese_labels_dates_and_fallback(case):
    ja = brief(case, "union", lang="ja")
    assert "## 1. 私たちの立場" in ja and "## 出典" in ja
    assert "総務省、2023年5月10日：受入れ（約束として記録）" in ja
    assert "「強制するものではない」" in ja
    fr = brief(case, "union", lang="fr")  # no French labels: English ones, texts fall back
    assert "## 1. Our position" in fr
    assert "Getting the card is voluntary" in fr


def test_dates_and_numbers():
    assert format_date(_dt.date(2019, 7, 23), "en") == "23 July 2019"
    assert format_date(_dt.date(2019, 7, 1), "ja", "month") == "2019年7月"
    assert format_date(None, "en") == "undated"
    assert format_figure_value(55000000, "cards", "en") == "55,000,000 cards"
    assert format_figure_value(55000000, "cards", "ja") == "5500万枚"
    assert format_figure_value(19.5, "%", "en") == "19.5%"


# --- as-of dates ---------------------------------------------------------------------------------


def test_as_of_leaves_out_what_came_later(case):
    data = build_brief(case, "union", as_of="2023-06-30")
    assert "c-late" not in [g.entry.id for g in data.support]
    answer = next(a for a in data.answers if a.entry.id == "r-no-force")
    assert answer.followups == ()  # the contradicting notice came in September
    # the deadline is 30 June: not passed on 30 June itself
    assert {o.entry.id: o.group for o in data.open}["d-no-survey"] == "unanswered"
    text = brief(case, "union", as_of=_dt.date(2023, 6, 30))
    assert "As of 30 June 2023." in text and "autumn" not in section(text, "6. Key dates")


def test_motion_made_after_the_as_of_date(case):
    with pytest.raises(UnknownReferenceError, match="after the as-of date"):
        build_brief(case, "union", motion="c-late", as_of="2023-06-30")


# --- errors and files ------------------------------------------------------------------------------


def test_unknown_side_suggests_the_nearest(case):
    with pytest.raises(UnknownReferenceError, match=r"unknown actor 'unoin' \(did you mean 'union'"):
        build_brief(case, "unoin")


def test_unknown_motion_suggests_the_nearest(case):
    with pytest.raises(UnknownReferenceError, match=r"did you mean 'c-main'"):
        build_brief(case, "union", motion="c-mian")
    with pytest.raises(UnknownReferenceError, match=r"'ministry' is a actor"):
        build_brief(case, "union", motion="ministry")


def test_a_side_without_a_main_claim_still_gets_its_record(case):
    data = build_brief(case, "pref")
    assert data.position.motion is None and data.support == () and data.counters == ()
    text = brief(case, "pref")
    assert "No main position on file for The Prefecture" in text


def test_write_brief_picks_the_format_from_the_suffix(case, tmp_path):
    md_path = write_brief(case, "union", tmp_path / "b.md")
    assert md_path.read_text(encoding="utf-8") == brief(case, "union")
    html_path = write_brief(case, "union", tmp_path / "b.html", with_map=False)
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert brief_format("x.HTM") == "html" and brief_format("x.markdown") == "md"
    with pytest.raises(FileError, match=r"use \.md or \.html"):
        write_brief(case, "union", tmp_path / "b.pdf")
    with pytest.raises(FileError, match="unknown brief format"):
        brief(case, "union", format="pdf")


# --- golden files -----------------------------------------------------------------------------------

# loaded under its own name: other test folders have a regenerate.py of their own
_spec = importlib.util.spec_from_file_location("brief_golden_regenerate", GOLDEN / "regenerate.py")
assert _spec is not None and _spec.loader is not None
_regenerate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_regenerate)
GOLDEN_FILES, render = _regenerate.GOLDEN, _regenerate.render


@pytest.mark.golden
@pytest.mark.parametrize("name", sorted(GOLDEN_FILES))
def test_golden(name):
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert render(name) == expected, (
        f"{name} differs: if the change is meant, run python tests/golden/brief/regenerate.py")


# --- the example case, checked against its dossier ---------------------------------------------


@pytest.fixture(scope="module")
def card():
    return load(EXAMPLE)


@pytest.fixture(scope="module")
def card_md(card) -> dict[str, str]:
    return {lang: brief(card, "jichiroren", lang=lang) for lang in ("en", "ja")}


def _family(dossier, side: str) -> set[str]:
    parents = {a.id: a.parent for a in dossier.actors}
    out = set()
    for actor in parents:
        node = actor
        while node is not None:
            if node == side:
                out.add(actor)
                break
            node = parents.get(node)
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_example_every_answer_on_record_appears_with_its_date(card, card_md, lang):
    family = _family(card, "jichiroren")
    ours = {d.id for d in card.demands if family & set(d.by)}
    answers = [r for r in card.responses if ours & set(r.to) and not family & set(r.by)]
    assert answers
    text = section(card_md[lang], "4. ")
    for response in answers:
        when = format_date(card.date_of(response.id), lang, response.precision.value)
        words = " ".join(pick(response.quote or response.text, lang).split())
        quoted = ("“" + words + "”") if lang == "en" else ("「" + words + "」")
        assert f"{when}：" in text or f"{when}:" in text, (response.id, when)
        assert quoted in text, response.id


def test_example_unrebutted_counter_arguments_are_flagged(card, card_md):
    # computed from the relations directly: a counter-argument is rebutted when something other
    # than what it attacks attacks it, or when every attack it makes is undercut
    data = build_brief(card, "jichiroren")
    rels = card.relations
    attacked_by = {}
    for r in rels:
        if r.type.value == "attacks":
            for p in r.from_:
                attacked_by.setdefault(r.to, set()).add(p)
    undercut = {r.to for r in rels if r.type.value == "undercuts"}
    assert data.counters
    for counter in data.counters:
        cid = counter.entry.id
        points = {t.id for t in counter.targets}
        its_attacks = [r for r in rels if cid in r.from_ and r.type.value in ("attacks", "undercuts")
                       and (r.to in points or r.type.value == "undercuts")]
        rebutted = bool(attacked_by.get(cid, set()) - points) or (
            its_attacks and all(r.id in undercut for r in its_attacks))
        assert counter.unrebutted == (not rebutted), cid
    # the article answers every counter-argument on file: both Sanjo slogans in ¶27, the
    # government's position in ¶40 (audit rows 1 and 28)
    assert not [c.entry.id for c in data.counters if c.unrebutted]
    assert {"c-sanjo-taxpayers-money", "c-gov-civil-servants-lead"} <= {
        c.entry.id for c in data.counters}
    assert "⚠" not in card_md["en"]
    for block in blocks(section(card_md["en"], "3. Counter-arguments")):
        words = block.split("\n")[0]
        counter = next(c for c in data.counters
                       if (c.entry.quote or c.entry.text)[:40] in words)
        assert ("⚠" in block) == counter.unrebutted
        assert ("Answered" in block) == (not counter.unrebutted)


def test_example_figures_appear_with_values_and_units(card, card_md):
    # every figure of the evidence that supports the main claim, along supports only
    into: dict[str, list[str]] = {}
    for r in card.relations:
        if r.type.value == "supports":
            for p in r.from_:
                into.setdefault(r.to, []).append(p)
    main = next(c.id for c in card.claims if c.main and "jichiroren" in c.by)
    seen, todo = {main}, [main]
    while todo:
        for p in into.get(todo.pop(), []):
            if p not in seen:
                seen.add(p)
                todo.append(p)
    figures = [e for e in card.evidence if e.id in seen and e.value is not None]
    assert len(figures) >= 5
    for lang, text in card_md.items():
        support = section(text, "2. ")
        for evidence in figures:
            value = format_figure_value(evidence.value.number, evidence.value.unit, lang)
            assert f"**{value}**" in support, (lang, evidence.id)
            if evidence.value.as_of is not None:
                assert format_date(evidence.value.as_of, lang,
                                   evidence.value.as_of_precision.value) in support
    # ¶26 「19年11月現在」: the Sanjo figure is as of a month, never a made-up day
    assert "**950 staff** (as of November 2019)" in section(card_md["en"], "2. ")
    assert "**950 staff** (as of 1 November 2019)" not in card_md["en"]


def test_example_position_and_open_demands(card, card_md):
    data = build_brief(card, "jichiroren")
    assert data.motion == "c-jichiroren-main"
    # the article's verdict: the union's position stands
    assert (data.position.standing.grounded, data.position.standing.preferred) == ("in", "all")
    assert data.position.defeaters == ()
    assert ("Our position stands on the arguments on file: every attack on it has a reply that "
            "holds.") in section(card_md["en"], "1. ")
    assert "grounded semantics accepts the position; it belongs to every preferred extension" \
        in section(card_md["en"], "How this brief")
    groups = {o.entry.id: o.group for o in data.open}
    # refused on 15 October: not left on paper, and still open for the union
    assert groups["d-2019-07-23-no-survey"] == "refused"
    assert groups["d-2019-07-18-data-diversion"] == "refused"
    assert groups.get("d-2019-07-18-kanshou") == "on_paper"
    assert groups.get("d-2019-07-10-shiga-no-compulsion") == "unanswered"
    assert groups.get("d-pt-dv-victims") == "unanswered"
    # the amendments changed the rules after the fact: no answer on file is contradicted
    assert not [f for a in data.answers for f in a.followups if f.done.value == "not_delivered"]


def test_example_answer_with_a_said_per_demand(card, card_md):
    """The Federation's one answer deflected one demand and refused the other; the MIC's answer
    (2) of 15 October accepted (2) and refused (4) of 23 July. The brief says which is which."""
    data = build_brief(card, "jichiroren")
    by_id = {a.entry.id: a for a in data.answers}
    federation = by_id["resp-2019-07-18-federation"]
    assert [(d.id, s.value) for d, s in zip(federation.demands, federation.said)] == [
        ("d-2019-07-18-kanshou", "deflected"), ("d-2019-07-18-data-diversion", "refused")]
    second = by_id["resp-2019-10-15-no-competition"]
    assert [(d.id, s.value) for d, s in zip(second.demands, second.said)] == [
        ("d-2019-10-15-no-competition", "accepted"), ("d-2019-07-23-no-survey", "refused")]
    text = section(card_md["en"], "4. ")
    assert "### The Federation, 18 July 2019: Deflected (no commitment) / Refused" in text
    assert "— **Refused**" in text and "— **Deflected**" in text
    assert "：はぐらかし（約束なし） / 拒否" in section(card_md["ja"], "4. ")
