"""The words of the interactive page itself (buttons, headings, hints) in Japanese and English.

Status names, kinds, effects and relations come from the maps' own vocabulary
(:data:`argmap.maps.words.WORDS`), so the page and the map always say the same thing.
"""

from __future__ import annotations

from ..maps.words import WORDS as MAP_WORDS

#: Words only the page uses.
PAGE_WORDS: dict[str, dict[str, str]] = {
    "lang.ja": {"ja": "日本語", "en": "日本語"},
    "lang.en": {"ja": "English", "en": "English"},
    "language": {"ja": "表示言語", "en": "Language"},
    "search": {"ja": "検索", "en": "Search"},
    "search.hint": {"ja": "本文・引用・数値を検索 (例: 14.3)", "en": "Search texts, quotes, figures (e.g. 14.3)"},
    "search.none": {"ja": "該当なし", "en": "No match"},
    "search.count": {"ja": "{n} 件", "en": "{n} found"},
    "search.more": {"ja": "ほか {n} 件", "en": "{n} more"},
    "filters": {"ja": "絞り込み", "en": "Filters"},
    "actor": {"ja": "主体", "en": "Actor"},
    "actor.all": {"ja": "すべての主体", "en": "All actors"},
    "status": {"ja": "状況", "en": "Status"},
    "status.all": {"ja": "すべての状況", "en": "Any status"},
    "status.said": {"ja": "回答", "en": "Answer"},
    "status.done": {"ja": "実行", "en": "Done"},
    "status.other": {"ja": "その他", "en": "Other"},
    "date": {"ja": "時点", "en": "As of"},
    "date.all": {"ja": "全期間 (最新)", "en": "All dates (latest)"},
    "date.before": {"ja": "{date} より前", "en": "before {date}"},
    "date.asof": {"ja": "{date} 時点", "en": "as of {date}"},
    "date.prev": {"ja": "前の日付", "en": "Previous date"},
    "date.next": {"ja": "次の日付", "en": "Next date"},
    "date.reset": {"ja": "最新", "en": "Latest"},
    "date.pick": {"ja": "日付を指定", "en": "Pick a date"},
    "shown": {"ja": "表示中 {n} 件", "en": "{n} items shown"},
    "reset": {"ja": "条件をリセット", "en": "Reset filters"},
    "zoom.in": {"ja": "拡大 (+)", "en": "Zoom in (+)"},
    "zoom.out": {"ja": "縮小 (−)", "en": "Zoom out (−)"},
    "zoom.fit": {"ja": "全体 (0)", "en": "Fit (0)"},
    "map.label": {"ja": "図 (ドラッグで移動、ホイールで拡大縮小、Tab で項目へ)",
                  "en": "Map (drag to move, wheel to zoom, Tab to reach items)"},
    "panel.empty": {"ja": "図の項目をクリック (または Tab で選択) すると、ここに全文・発言者・日付・引用・出典が表示されます。",
                    "en": "Click an item on the map (or reach it with Tab) to see its full text, "
                          "who said it and when, the quote and the source here."},
    "panel.open": {"ja": "詳しく", "en": "Details"},
    "panel.close": {"ja": "閉じる", "en": "Close"},
    "panel.other_lang": {"ja": "英語", "en": "Japanese"},
    "panel.by": {"ja": "発言・主体", "en": "By"},
    "panel.to": {"ja": "宛先", "en": "To"},
    "panel.date": {"ja": "日付", "en": "Date"},
    "panel.at": {"ja": "場", "en": "At"},
    "panel.quote": {"ja": "引用", "en": "Quote"},
    "panel.sources": {"ja": "出典", "en": "Sources"},
    "panel.note": {"ja": "注記", "en": "Note"},
    "panel.figure": {"ja": "数値", "en": "Figure"},
    "panel.deadline": {"ja": "期限", "en": "Deadline"},
    "panel.status": {"ja": "現在の状況", "en": "Status"},
    "panel.answers": {"ja": "回答", "en": "Answers"},
    "panel.no_answers": {"ja": "回答の記録なし", "en": "No answer recorded"},
    "panel.history": {"ja": "状況の推移 (回答 / 実行)", "en": "Status history (said / done)"},
    "panel.no_history": {"ja": "変化なし", "en": "No change yet"},
    "panel.actions": {"ja": "その後の行動", "en": "What was done"},
    "panel.effects": {"ja": "効果", "en": "Effects"},
    "panel.relations": {"ja": "論証上の関係", "en": "Argument links"},
    "panel.later": {"ja": "この時点ではまだ存在しない", "en": "not yet on this date"},
    "panel.not_drawn": {"ja": "この図には描かれていない項目", "en": "Not drawn on this map"},
    "panel.members": {"ja": "参加者", "en": "Participants"},
    "panel.url": {"ja": "URL", "en": "URL"},
    "panel.tags": {"ja": "タグ", "en": "Tags"},
    "panel.verdict": {"ja": "検証", "en": "Verdict"},
    "axis.said": {"ja": "回答", "en": "said"},
    "axis.done": {"ja": "実行", "en": "done"},
    "legend.page": {"ja": "凡例", "en": "Legend"},
    "legend.kinds": {"ja": "項目の種類", "en": "Kinds of item"},
    "results": {"ja": "検索結果", "en": "Search results"},
    "from": {"ja": "から", "en": "from"},
    "rel.in": {"ja": "←", "en": "←"},
    "rel.out": {"ja": "→", "en": "→"},
    # --- small screens, the demands summary, the view ---
    "drawer": {"ja": "絞り込み・凡例", "en": "Filters"},
    "drawer.close": {"ja": "閉じる", "en": "Close"},
    "summary.title": {"ja": "要求ごとの回答と実行", "en": "Each demand, its answer and what was done"},
    "history.date": {"ja": "日付", "en": "Date"},
    "history.axis": {"ja": "軸", "en": "Axis"},
    "history.value": {"ja": "状況", "en": "Status"},
    "history.item": {"ja": "根拠となった項目", "en": "Set by"},
    "history.source": {"ja": "出典", "en": "Source"},
    "panel.happened": {"ja": "この場での要求・回答・行動", "en": "What happened at it"},
    "summary.hint": {"ja": "行をクリックすると図の該当箇所へ移動します。",
                     "en": "Click a row to go to the demand on the map."},
}

#: Keys of the map's own words the page uses, by prefix.
_MAP_PREFIXES = ("said.", "done.", "kind.", "effect.", "rel.", "view.", "summary.")
_MAP_KEYS = ("overdue", "on_paper", "undated", "main", "legend", "legend.said", "legend.done")


def page_words() -> dict[str, dict[str, str]]:
    """Every word the page shows, keyed as the page script looks them up (sorted by key)."""
    words = {k: v for k, v in MAP_WORDS.items() if k.startswith(_MAP_PREFIXES) or k in _MAP_KEYS}
    words.update(PAGE_WORDS)
    return {k: dict(sorted(words[k].items())) for k in sorted(words)}
