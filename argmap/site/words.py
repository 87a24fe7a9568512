"""The words of the tracker site (headings, column names, explanations) in English and Japanese.

Status names (said, done, kinds) come from the maps' vocabulary (:data:`argmap.maps.words.WORDS`)
so that the site, the maps and the interactive page always say the same thing.
"""

from __future__ import annotations

from ..lang import pick
from ..maps.words import WORDS as MAP_WORDS

SITE_WORDS: dict[str, dict[str, str]] = {
    "site.title": {"en": "Demands and answers: the record", "ja": "要求と回答の記録"},
    "site.lead": {"en": "{cases} cases, {demands} demands. Each demand shows what was said in "
                        "answer and what was done afterwards, with its sources.",
                  "ja": "{cases} 件の事例、{demands} 件の要求。各要求について、何と回答され、その後"
                        "何が行われたかを出典とともに示します。"},
    "nav.home": {"en": "All cases", "ja": "事例一覧"},
    "nav.actors": {"en": "Actors", "ja": "主体"},
    "nav.search": {"en": "Search", "ja": "検索"},
    "search.label": {"en": "Search every case", "ja": "すべての事例を検索"},
    "search.hint": {"en": "Words from a demand, an answer, a name", "ja": "要求・回答・名前の語句"},
    "search.go": {"en": "Search", "ja": "検索"},
    "search.count": {"en": "{n} found", "ja": "{n} 件"},
    "search.shown": {"en": "showing the first {n}", "ja": "最初の {n} 件を表示"},
    "search.none": {"en": "Nothing found.", "ja": "該当なし。"},
    "search.empty": {"en": "Type at least two characters.", "ja": "2 文字以上入力してください。"},
    "search.loading": {"en": "Loading the index…", "ja": "索引を読み込み中…"},
    "search.nojs": {"en": "Search needs JavaScript; every demand is also listed on its case's "
                          "page.",
                    "ja": "検索には JavaScript が必要です。各要求は事例のページにも一覧があります。"},
    "kind.case": {"en": "Case", "ja": "事例"},
    "cases": {"en": "Cases", "ja": "事例"},
    "case": {"en": "Case", "ja": "事例"},
    "actors": {"en": "Actors", "ja": "主体"},
    "actors.asked": {"en": "Who was asked: scorecards", "ja": "要求を受けた主体：成績表"},
    "actors.others": {"en": "Who made demands or took part", "ja": "要求した主体・関係者"},
    "actors.single": {"en": "And {n} who made one demand each and nothing else on record: they "
                            "are named on that demand's page.",
                      "ja": "ほかに要求を 1 件だけ行った主体が {n} あり、その要求のページに名前があります。"},
    "col.case": {"en": "Case", "ja": "事例"},
    "col.actor": {"en": "Actor", "ja": "主体"},
    "col.demands": {"en": "Demands", "ja": "要求"},
    "col.received": {"en": "Demands received", "ja": "受けた要求"},
    "col.answered": {"en": "Answered", "ja": "回答あり"},
    "col.days": {"en": "Days to an answer (median)", "ja": "回答までの日数 (中央値)"},
    "col.on_paper": {"en": "Only on paper", "ja": "形式的回答のみ"},
    "col.not_rated": {"en": "Not yet rated", "ja": "未評価"},
    "col.unanswered": {"en": "No answer", "ja": "回答なし"},
    "col.overdue": {"en": "Overdue", "ja": "期限超過"},
    "col.kept": {"en": "Kept", "ja": "実現"},
    "col.partly_kept": {"en": "Partly kept", "ja": "一部実現"},
    "col.broken": {"en": "Broken", "ja": "不履行"},
    "col.reversed": {"en": "Reversed", "ja": "撤回"},
    "col.last": {"en": "Last change", "ja": "最終変化"},
    "col.made": {"en": "Made", "ja": "日付"},
    "col.demand": {"en": "Demand", "ja": "要求"},
    "col.by": {"en": "By", "ja": "要求者"},
    "col.to": {"en": "To", "ja": "宛先"},
    "col.said": {"en": "Said", "ja": "回答"},
    "col.done": {"en": "Done", "ja": "実行"},
    "col.date": {"en": "Date", "ja": "日付"},
    "col.what": {"en": "What", "ja": "内容"},
    "col.source": {"en": "Source", "ja": "出典"},
    "col.year": {"en": "Period", "ja": "期間"},
    "col.answers": {"en": "Answers", "ja": "回答"},
    "col.role": {"en": "Role", "ja": "役割"},
    "col.axis": {"en": "Axis", "ja": "軸"},
    "col.value": {"en": "Became", "ja": "状況"},
    "axis.said": {"en": "Said", "ja": "回答"},
    "axis.done": {"en": "Done", "ja": "実行"},
    "share": {"en": "{n} ({pct})", "ja": "{n} ({pct})"},
    "away": {"en": "Turned away", "ja": "却下・取下げ"},
    "turned_away.short": {"en": "+{n} turned away", "ja": "ほか却下等 {n}"},
    "none": {"en": "—", "ja": "—"},
    "scorecard": {"en": "Scorecard", "ja": "成績表"},
    "scorecard.received": {"en": "Demands received", "ja": "受けた要求"},
    "scorecard.turned_away": {"en": "{n} more turned away before reaching it (rejected or "
                                    "withdrawn), not counted here",
                              "ja": "ほかに {n} 件は届く前に却下・取下げ (集計外)"},
    "scorecard.family": {"en": "Including the demands put to its divisions: {names}.",
                         "ja": "下部組織への要求を含む：{names}。"},
    "scorecard.how": {"en": "How these are counted", "ja": "集計の方法"},
    "scorecard.explain": {
        "en": "A demand counts once, with its latest answer. Answered: any answer on file. "
              "Only on paper: every answer was an acknowledgement, a deflection or 'under "
              "consideration'. Not yet rated: the latest answer is on file but nobody has judged "
              "what it amounts to; it is neither a commitment nor a refusal. Days to an answer "
              "run from the day the demand was made to its first dated answer. Kept, broken and "
              "reversed come from later actions only, never from what was said.",
        "ja": "要求は最新の回答で 1 件として数えます。回答あり：記録された回答がある。形式的回答のみ："
              "すべての回答が受け止め・はぐらかし・検討中。未評価：最新の回答は記録されているが、"
              "その内容を誰も評価していない (約束とも拒否とも数えない)。回答までの日数：要求の日から"
              "最初の日付のある回答まで。実現・不履行・撤回は、発言ではなくその後の行動だけから判断。"},
    "answers.chart": {"en": "Answers over time", "ja": "回答の推移"},
    "answers.chart.alt": {"en": "{answers} answers and {received} demands received, by {unit}",
                          "ja": "{unit}ごとの回答 {answers} 件と受けた要求 {received} 件"},
    "chart.received": {"en": "demands received", "ja": "受けた要求"},
    "chart.table": {"en": "The figures", "ja": "数値"},
    "unit.year": {"en": "year", "ja": "年"},
    "unit.month": {"en": "month", "ja": "月"},
    "demands.received": {"en": "Demands received", "ja": "受けた要求"},
    "demands.made": {"en": "Demands made", "ja": "行った要求"},
    "demands.answered": {"en": "Answers given", "ja": "行った回答"},
    "demands.case": {"en": "Demands", "ja": "要求"},
    "demands.order": {"en": "Newest first.", "ja": "新しい順。"},
    "page.of": {"en": "Page {n} of {of}", "ja": "{of} ページ中 {n}"},
    "page.prev": {"en": "← Newer", "ja": "← 新しい"},
    "page.next": {"en": "Older →", "ja": "古い →"},
    "map": {"en": "Interactive map of the case", "ja": "事例の対話型マップ"},
    "map.none": {"en": "No map: this case has {n} items to draw, more than the {limit} a "
                       "readable map holds. Its demands are listed below.",
                 "ja": "マップなし：描画する項目が {n} 件あり、読めるマップの上限 {limit} 件を"
                       "超えます。要求の一覧は下にあります。"},
    "map.failed": {"en": "No map: {reason}", "ja": "マップなし：{reason}"},
    "case.tallies": {"en": "Where the demands stand", "ja": "要求の状況"},
    "case.asked": {"en": "Who was asked", "ja": "要求を受けた主体"},
    "case.judged": {"en": "Statuses as of {date}, the case's latest dated item.",
                    "ja": "状況は事例の最新の日付 {date} 時点。"},
    "case.description": {"en": "About this case", "ja": "この事例について"},
    "demand.status": {"en": "Status now", "ja": "現在の状況"},
    "demand.made": {"en": "Made {date} by {by}, to {to}", "ja": "{date}、{by}から{to}へ"},
    "demand.deadline": {"en": "Deadline {date}", "ja": "期限 {date}"},
    "demand.history": {"en": "What was said and done, in order", "ja": "回答と実行の経過"},
    "demand.no_history": {"en": "Nothing said or done on file yet.",
                          "ja": "回答・行動の記録はまだない。"},
    "demand.answers": {"en": "Answers on file", "ja": "記録された回答"},
    "demand.no_answers": {"en": "No answer on file.", "ja": "回答の記録なし。"},
    "demand.actions": {"en": "What was done", "ja": "その後の行動"},
    "demand.quote": {"en": "Quoted", "ja": "引用"},
    "demand.our_words": {"en": "In our words", "ja": "要旨"},
    "demand.cited": {"en": "Where it is on record", "ja": "記録の所在"},
    "demand.related": {"en": "On file from the same place", "ja": "同じ出典の記録"},
    "demand.arguments": {"en": "Arguments", "ja": "論証"},
    "demand.sources": {"en": "Sources", "ja": "出典"},
    "demand.tags": {"en": "Tags", "ja": "タグ"},
    "demand.other_lang": {"en": "In other languages", "ja": "他の言語"},
    "demand.full": {"en": "Full text", "ja": "全文"},
    "demand.turned_away": {"en": "Turned away before it reached the addressee: this is not an "
                                 "answer and not a refusal by them.",
                           "ja": "宛先に届く前に却下・取下げ：宛先による回答でも拒否でもない。"},
    "rel.in.supports": {"en": "Supported by", "ja": "支持"},
    "rel.in.attacks": {"en": "Attacked by", "ja": "反論"},
    "rel.in.undercuts": {"en": "Undercut by", "ja": "推論への反論"},
    "rel.in.rephrases": {"en": "Rephrased by", "ja": "言い換え"},
    "rel.out.supports": {"en": "Supports", "ja": "支持する"},
    "rel.out.attacks": {"en": "Attacks", "ja": "反論する"},
    "rel.out.undercuts": {"en": "Undercuts", "ja": "推論を崩す"},
    "rel.out.rephrases": {"en": "Rephrases", "ja": "言い換える"},
    "actor.kind": {"en": "Kind: {kind}", "ja": "種類：{kind}"},
    "actor.part_of": {"en": "Part of {name}", "ja": "{name}の一部"},
    "actor.cases": {"en": "Cases: {cases}", "ja": "事例：{cases}"},
    "actor.none": {"en": "No demands were put to this actor.",
                   "ja": "この主体への要求はない。"},
    "footer": {"en": "Made with argmap from {n} dossiers. Every page works offline and loads "
                     "nothing from the network.",
               "ja": "argmap により {n} 件の資料から作成。どのページもオフラインで動き、"
                     "ネットワークから何も読み込みません。"},
    "skip": {"en": "Skip to the content", "ja": "本文へ移動"},
    "undated": {"en": "undated", "ja": "日付不明"},
    "days": {"en": "{n} days", "ja": "{n} 日"},
    "effect": {"en": "{effect} {what}", "ja": "{what}を{effect}"},
    "by": {"en": "by {who}", "ja": "{who}"},
}


def word(key: str, lang: str, **fields: object) -> str:
    """The site's word for ``key`` (or the maps' for status names) in ``lang``, fields filled in.

    >>> word("search.count", "en", n=3)
    '3 found'
    >>> word("said.not_yet_rated", "en")
    'Answer on file, not yet rated'
    """
    table = SITE_WORDS.get(key) or MAP_WORDS[key]
    text = pick(table, lang, ("en", "ja"))
    return text.format(**fields) if fields else text
