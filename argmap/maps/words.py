"""The words the maps use (status names, legend, headings) in Japanese and English.

Other languages fall back to English; :func:`word` picks through :func:`argmap.lang.pick`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lang import pick

WORDS: dict[str, dict[str, str]] = {
    # said axis
    "said.no_response": {"ja": "回答なし", "en": "No answer"},
    "said.not_yet_rated": {"ja": "回答あり・未評価", "en": "Answer on file, not yet rated"},
    "said.acknowledged": {"ja": "受け止めのみ", "en": "Acknowledged only"},
    "said.deflected": {"ja": "はぐらかし", "en": "Deflected"},
    "said.under_consideration": {"ja": "検討中", "en": "Under consideration"},
    "said.partially_accepted": {"ja": "一部受入れ", "en": "Partly accepted"},
    "said.accepted": {"ja": "受入れ", "en": "Accepted"},
    "said.refused": {"ja": "拒否", "en": "Refused"},
    # done axis
    "done.unrated": {"ja": "実行: 未評価", "en": "Done: not rated"},
    "done.committed": {"ja": "実施を約束", "en": "Committed"},
    "done.in_progress": {"ja": "進行中", "en": "In progress"},
    "done.stalled": {"ja": "停滞", "en": "Stalled"},
    "done.delivered": {"ja": "実現", "en": "Delivered"},
    "done.partially_delivered": {"ja": "一部実現", "en": "Partly delivered"},
    "done.not_delivered": {"ja": "実現せず", "en": "Not delivered"},
    "done.reversed": {"ja": "後退・撤回", "en": "Reversed"},
    # effects of actions
    "effect.commits": {"ja": "約束", "en": "commits"},
    "effect.progresses": {"ja": "前進", "en": "progresses"},
    "effect.stalls": {"ja": "停滞", "en": "stalls"},
    "effect.fulfils": {"ja": "実現", "en": "fulfils"},
    "effect.partially_fulfils": {"ja": "一部実現", "en": "partly fulfils"},
    "effect.fails": {"ja": "不履行", "en": "fails"},
    "effect.contradicts": {"ja": "反する", "en": "contradicts"},
    "effect.reverses": {"ja": "覆す", "en": "reverses"},
    # argument relations
    "rel.supports": {"ja": "支持する", "en": "supports"},
    "rel.attacks": {"ja": "反論する", "en": "attacks"},
    "rel.undercuts": {"ja": "推論を崩す", "en": "undercuts (the inference)"},
    "rel.rephrases": {"ja": "言い換え", "en": "rephrases"},
    # kinds
    "kind.actor": {"ja": "主体", "en": "Actor"},
    "kind.source": {"ja": "資料", "en": "Source"},
    "kind.event": {"ja": "出来事", "en": "Event"},
    "kind.claim": {"ja": "主張", "en": "Claim"},
    "kind.demand": {"ja": "要求", "en": "Demand"},
    "kind.response": {"ja": "回答", "en": "Answer"},
    "kind.evidence": {"ja": "根拠", "en": "Evidence"},
    "kind.action": {"ja": "行動", "en": "Action"},
    "kind.relation": {"ja": "関係", "en": "Relation"},
    # kinds of evidence
    "evidence.statistic": {"ja": "統計", "en": "statistic"},
    "evidence.survey": {"ja": "調査", "en": "survey"},
    "evidence.document": {"ja": "文書", "en": "document"},
    "evidence.press_report": {"ja": "報道", "en": "press report"},
    "evidence.expert_opinion": {"ja": "専門家の意見", "en": "expert opinion"},
    "evidence.incident": {"ja": "事案", "en": "incident"},
    "evidence.testimony": {"ja": "証言", "en": "testimony"},
    # views
    "view.demands": {"ja": "要求と回答・その後", "en": "Demands, answers and what followed"},
    "view.arguments": {"ja": "論点の構造", "en": "The argument"},
    "view.timeline": {"ja": "時系列", "en": "Timeline"},
    # other
    "legend": {"ja": "凡例", "en": "Legend"},
    "legend.said": {"ja": "回答 (枠と上段)", "en": "Answer (border, top band)"},
    "legend.done": {"ja": "実行 (右上の欄)", "en": "Done (right of the band)"},
    "legend.edges": {"ja": "その後の行動・論証の線", "en": "Actions and arguments"},
    "legend.shapes": {"ja": "形", "en": "Shapes"},
    "legend.answer_edge": {"ja": "要求 → 回答 (線 = 回答の内容)",
                           "en": "Demand → answer (line = what it said)"},
    "legend.main": {"ja": "★ 主たる立場 (太枠)", "en": "★ main position (bold border)"},
    "legend.joint": {"ja": "● 結合点 (前提の組み合わせ / 崩される推論)",
                     "en": "● junction (joint premises / the inference undercut)"},
    "legend.focus": {"ja": "◎ 注目の項目 (太い二重枠)", "en": "◎ focused item (bold double border)"},
    "legend.link": {"ja": "参照 (回答・場・効果)", "en": "reference (answers, at, effect)"},
    "as_of": {"ja": "{date} 時点", "en": "as of {date}"},
    "deadline": {"ja": "期限 {date}", "en": "deadline {date}"},
    "overdue": {"ja": "期限超過", "en": "overdue"},
    "on_paper": {"ja": "口頭のみ", "en": "on paper only"},
    "main": {"ja": "★ 主たる立場", "en": "★ main position"},
    "to": {"ja": "→ {who}", "en": "→ {who}"},
    "undated": {"ja": "日付不明", "en": "undated"},
    "no_event": {"ja": "(場の記録なし)", "en": "(no event recorded)"},
    "focus": {"ja": "{id} の周辺 (距離 {radius})", "en": "around {id} (radius {radius})"},
    "waiting": {"ja": "{days} 日間 回答なし", "en": "no answer for {days} days"},
}


def word(key: str, lang: str | None, fallback: Sequence[str] = ("en",), **fields: object) -> str:
    """The word for ``key`` in ``lang`` (English when missing), with ``{fields}`` filled in.

    >>> word("deadline", "ja", date="2024-12-02")
    '期限 2024-12-02'
    """
    text = pick(WORDS[key], lang, tuple(fallback) + ("en",))
    return text.format(**fields) if fields else text
