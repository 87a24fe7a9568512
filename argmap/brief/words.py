"""The fixed words of a brief (headings, phrases, status names) in English and Japanese, and the
way dates, figures and quotations are written in each language.

Other languages fall back to English. Templates use ``str.format`` fields; :func:`fill` fills them
while escaping both the template's own text and every value for the output format, so that a
renderer never mixes trusted markup with dossier text by accident.
"""

from __future__ import annotations

import datetime as _dt
import string
import unicodedata
from collections.abc import Callable

LABELS: dict[str, dict[str, str]] = {
    # document
    "title": {"en": "Debate brief: {side}", "ja": "論点ブリーフ：{side}"},
    "case": {"en": "Case: {title}", "ja": "事案：{title}"},
    "as_of": {"en": "As of {date}.", "ja": "{date}時点。"},
    "judged_on": {"en": "Deadlines judged on {date}.", "ja": "期限は{date}で判定。"},
    "motion_given": {"en": "Motion: {id}.", "ja": "論題：{id}。"},
    # section headings
    "sec.position": {"en": "1. Our position", "ja": "1. 私たちの立場"},
    "sec.support": {"en": "2. Supporting arguments and evidence", "ja": "2. 立場を支える主張と根拠"},
    "sec.counter": {"en": "3. Counter-arguments and rebuttals", "ja": "3. 反論と再反論"},
    "sec.answers": {"en": "4. Answers on the record", "ja": "4. 相手側の回答（記録済み）"},
    "sec.open": {"en": "5. Open demands", "ja": "5. 未解決の要求"},
    "sec.timeline": {"en": "6. Key dates", "ja": "6. 主な経過"},
    "sec.map": {"en": "Map of demands and answers", "ja": "要求と回答の図"},
    "sec.sources": {"en": "Sources", "ja": "出典"},
    # 1. position
    "holds": {"en": "{who} holds: {text}", "ja": "{who}の立場：{text}"},
    "stands.in": {"en": "On the arguments on file the position stands (grounded semantics: "
                        "accepted).",
                  "ja": "記録された論証の上では、この立場は成り立つ（grounded意味論：受理）。"},
    "stands.out": {"en": "On the arguments on file the position is defeated (grounded semantics: "
                         "rejected).",
                   "ja": "記録された論証の上では、この立場は退けられる（grounded意味論：棄却）。"},
    "stands.undec": {"en": "On the arguments on file the position is contested: neither accepted "
                           "nor rejected (grounded semantics: undecided).",
                     "ja": "記録された論証の上では、この立場は決着していない（grounded意味論：未決定）。"},
    "preferred.all": {"en": "It belongs to every preferred extension (sceptically accepted).",
                      "ja": "すべての選好拡張に含まれる（懐疑的に受理）。"},
    "preferred.some": {"en": "It belongs to some preferred extensions but not all (credulously "
                             "accepted).",
                       "ja": "一部の選好拡張にのみ含まれる（信用的に受理）。"},
    "preferred.none": {"en": "It belongs to no preferred extension.",
                       "ja": "どの選好拡張にも含まれない。"},
    "preferred.timeout": {"en": "Preferred extensions were not computed (time limit reached).",
                          "ja": "選好拡張は計算していない（時間制限に達した）。"},
    "semantics.missing": {"en": "Whether the position stands was not computed (no argument "
                                "semantics available).",
                          "ja": "立場が成り立つかは計算していない（論証意味論が使えない）。"},
    "defeated_by": {"en": "Counter-arguments that stand against it:",
                    "ja": "この立場に対して成り立っている反論："},
    "tally": {"en": "On file: {support} supporting arguments; {counter} counter-arguments, "
                    "{open} of them without a rebuttal.",
              "ja": "記録：支える主張{support}件、反論{counter}件（うち再反論のないもの{open}件）。"},
    "other_main": {"en": "Other main positions on file:", "ja": "その他の主たる立場："},
    "no_position": {"en": "No main position on file for {side}: mark one of its claims "
                          "'main: true', or choose a motion.",
                    "ja": "{side}の主たる立場は記録されていない。主張に「main: true」を付けるか、"
                          "論題を指定すること。"},
    # 2. support
    "support.none": {"en": "No supporting arguments on file.",
                     "ja": "立場を支える主張は記録されていない。"},
    "seen": {"en": "(see above)", "ja": "（前出）"},
    "figure": {"en": "{measure}{scope}: {value}{as_of}", "ja": "{measure}{scope}：{value}{as_of}"},
    "figure.scope": {"en": ", {scope}", "ja": "（{scope}）"},
    "figure.as_of": {"en": " (as of {date})", "ja": "（{date}現在）"},
    "jointly": {"en": "jointly with {others}", "ja": "{others}と合わせて"},
    # argument status of one item
    "status.out": {"en": "defeated", "ja": "否定されている"},
    "status.undec": {"en": "contested", "ja": "未決着"},
    # 3. counter-arguments
    "counter.none": {"en": "No counter-arguments on file.", "ja": "反論は記録されていない。"},
    "against": {"en": "Against: {target}", "ja": "対象：{target}"},
    "against.inference": {"en": "Against the inference from {premise} to {target}",
                          "ja": "{premise}から{target}への推論に対して"},
    "rebuttal": {"en": "Rebuttal:", "ja": "再反論："},
    "rebuttal.undercut": {"en": "Rebuttal (undercuts this attack):",
                          "ja": "再反論（この反論の推論を崩す）："},
    "prepare": {"en": "No rebuttal on file: prepare a reply.",
                "ja": "再反論の記録なし：回答を準備すること。"},
    "mutual": {"en": "Only the point it attacks contests it in return.",
               "ja": "攻撃された主張が相互に対立するのみ。"},
    # 4. answers on the record
    "answers.none": {"en": "No answers on record from the other side.",
                     "ja": "相手側の回答は記録されていない。"},
    "answered": {"en": "{who}, {date}: {said}", "ja": "{who}、{date}：{said}"},
    "to_demand": {"en": "In answer to: {demand}", "ja": "対象の要求：{demand}"},
    "summary": {"en": "In our words: {text}", "ja": "要旨：{text}"},
    "then": {"en": "They said this on {said_date}, then on {did_date} {who}: {action} — {verdict}.",
             "ja": "{said_date}にこう回答し、{did_date}、{who}は{action}—{verdict}。"},
    "no_followup": {"en": "No later action on file.", "ja": "その後の行動の記録なし。"},
    # what an answer amounts to, for the side that can hold them to it
    "said.not_yet_rated": {"en": "on file, not yet rated (read it before counting it either way)",
                           "ja": "回答あり・未評価（内容を確認して評価すること）"},
    "said.acknowledged": {"en": "acknowledged only (no commitment)", "ja": "受け止めのみ（約束なし）"},
    "said.deflected": {"en": "deflected (no commitment)", "ja": "はぐらかし（約束なし）"},
    "said.under_consideration": {"en": "under consideration (no commitment)",
                                 "ja": "検討中（約束なし）"},
    "said.partially_accepted": {"en": "partly accepted — a partial commitment on record",
                                "ja": "一部受入れ（部分的な約束として記録）"},
    "said.accepted": {"en": "accepted — a commitment on record", "ja": "受入れ（約束として記録）"},
    "said.refused": {"en": "refused", "ja": "拒否"},
    "said.no_response": {"en": "no answer", "ja": "回答なし"},
    # what later actions did with it
    "done.committed": {"en": "committed to it", "ja": "実施を約束"},
    "done.in_progress": {"en": "in progress", "ja": "進行中"},
    "done.stalled": {"en": "stalled", "ja": "停滞"},
    "done.delivered": {"en": "kept", "ja": "守られた"},
    "done.partially_delivered": {"en": "partly kept", "ja": "一部守られた"},
    "done.not_delivered": {"en": "contradicted (not delivered)", "ja": "反する行動（実現せず）"},
    "done.reversed": {"en": "reversed", "ja": "覆された"},
    "done.unrated": {"en": "not rated", "ja": "未評価"},
    # 5. open demands
    "open.none": {"en": "No open demands.", "ja": "未解決の要求はない。"},
    "open.overdue": {"en": "Overdue: deadline passed without an answer",
                     "ja": "期限超過：期限までに回答なし"},
    "open.unanswered": {"en": "Unanswered", "ja": "回答なし"},
    "open.on_paper": {"en": "Answered only on paper", "ja": "形式的な回答のみ"},
    "open.not_rated": {"en": "Answered, not yet rated: read the answer and rate it",
                       "ja": "回答あり・未評価：回答を読んで評価すること"},
    "made": {"en": "made {date} to {to}", "ja": "{date}、{to}宛て"},
    "deadline": {"en": "deadline {date}", "ja": "期限 {date}"},
    "waiting": {"en": "no answer for {days} days", "ja": "{days}日間回答なし"},
    "last_answer": {"en": "Last answer, {date}: {said}", "ja": "最新の回答（{date}）：{said}"},
    # 6. timeline
    "timeline.none": {"en": "No dated items.", "ja": "日付のある項目はない。"},
    "kind.event": {"en": "Event", "ja": "出来事"},
    "kind.demand": {"en": "Demand", "ja": "要求"},
    "kind.response": {"en": "Answer", "ja": "回答"},
    "kind.action": {"en": "Action", "ja": "行動"},
    "kind.claim": {"en": "Claim", "ja": "主張"},
    "kind.evidence": {"en": "Evidence", "ja": "根拠"},
    "kind.source": {"en": "Source", "ja": "資料"},
    # sources
    "no_source": {"en": "no source on file", "ja": "出典の記録なし"},
    "undated": {"en": "undated", "ja": "日付不明"},
    "map.failed": {"en": "The map could not be drawn: {reason}", "ja": "図を描けなかった：{reason}"},
    "list_sep": {"en": ", ", "ja": "、"},
    "colon": {"en": ": ", "ja": "："},
    "part_sep": {"en": "; ", "ja": "、"},
    "sentence_sep": {"en": " ", "ja": ""},
    "source_sep": {"en": ". ", "ja": "。"},
    "source_end": {"en": ".", "ja": "。"},
    "aka": {"en": "{name} ({short})", "ja": "{name}（{short}）"},
    "quote": {"en": "“{text}”", "ja": "「{text}」"},
}

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


class Raw(str):
    """Text already written in the output format: :func:`fill` inserts it unescaped."""


def label(key: str, lang: str) -> str:
    """The template for ``key`` in ``lang``, else in English.

    >>> label("sec.open", "ja"), label("sec.open", "fr")
    ('5. 未解決の要求', '5. Open demands')
    """
    entry = LABELS[key]
    return entry[lang] if lang in entry else entry["en"]


def fill(template: str, escape: Callable[[str], str], **values: object) -> str:
    """Fill a template: its literal text and plain values are escaped, :class:`Raw` values are not.

    >>> fill("{a} & {b}", lambda s: s.replace("&", "&amp;"), a="x&y", b=Raw("<i>z</i>"))
    'x&amp;y &amp; <i>z</i>'
    """
    out: list[str] = []
    for literal, field, _spec, _conv in string.Formatter().parse(template):
        out.append(escape(literal))
        if field is not None:
            value = values[field]
            out.append(value if isinstance(value, Raw) else escape(str(value)))
    return "".join(out)


def say(key: str, lang: str, escape: Callable[[str], str], **values: object) -> str:
    """:func:`fill` the template ``key`` in ``lang``."""
    return fill(label(key, lang), escape, **values)


def format_date(date: _dt.date | None, lang: str, precision: str = "day") -> str:
    """A date as people write it: ``23 July 2019`` / ``2019年7月23日``; ``precision`` ``month``
    or ``year`` drops what is not known.

    >>> format_date(_dt.date(2019, 7, 23), "ja"), format_date(_dt.date(2018, 4, 1), "en", "month")
    ('2019年7月23日', 'April 2018')
    """
    if date is None:
        return label("undated", lang)
    if lang == "ja":
        if precision == "year":
            return f"{date.year}年"
        if precision == "month":
            return f"{date.year}年{date.month}月"
        return f"{date.year}年{date.month}月{date.day}日"
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{_MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def format_number(number: int | float, unit: str) -> str:
    """A figure's value with its unit: ``14.3%``, ``18,233,942 cards``.

    >>> format_number(18233942, "cards"), format_number(14.3, "%"), format_number(20.0, "%")
    ('18,233,942 cards', '14.3%', '20%')
    """
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    text = f"{number:,}"
    if unit in ("%", "‰"):
        return text + unit
    return f"{text} {unit}" if unit else text


def display_width(text: str) -> int:
    """Columns a text takes in a fixed-width font (wide East Asian characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` display columns at a word boundary where there is one, with ``…``.

    >>> shorten("Municipal workers against compulsory cards", 24)
    'Municipal workers…'
    """
    if display_width(text) <= width:
        return text
    out, used = [], 1
    for ch in text:
        used += display_width(ch)
        if used > width:
            break
        out.append(ch)
    cut = "".join(out)
    if " " in cut and not any(display_width(ch) == 2 for ch in cut):
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:、。") + "…"
