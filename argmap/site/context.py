"""What the pages of one site share: the cases, the actors across them, the language, and where
each page lives.

Page paths (relative to the site's top folder)::

    index.html                      the cases and the actors asked most
    search.html                     one search over every case
    actors.html                     every actor: scorecards, then the others
    actors/<actor>.html             an actor's scorecard, chart and demands (~2.html ...)
    cases/<case>/index.html         a case: tallies, who was asked, its demands (page-2.html ...)
    cases/<case>/map.html           the case's interactive map (:mod:`argmap.page`)
    cases/<case>/d/<demand>.html    one demand: its said/done history, answers, sources
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..lang import pick
from .html import Frame, esc, link
from .tally import ActorRecord, Case, actor_records

__all__ = ["Site"]


@dataclass
class Site:
    """The cases of one site and what is worked out from them once."""

    cases: list[Case]
    lang: str
    frame: Frame = field(init=False)
    actors: dict[str, ActorRecord] = field(init=False)

    def __post_init__(self) -> None:
        self.frame = Frame.make(self.lang, len(self.cases))
        self.actors = actor_records(self.cases)

    # --- words ------------------------------------------------------------------------------

    def text(self, value: Any) -> str:
        """A dossier text in the site's language (falling back to English, then Japanese)."""
        return pick(value, self.lang)

    def title(self, case: Case) -> str:
        info = case.dossier.info
        return self.text(info.title) if info is not None else case.name

    def name(self, actor_id: str) -> str:
        """An actor's name (from the first case it appears in), else its id."""
        record = self.actors.get(actor_id)
        return self.text(record.item().name) if record is not None else actor_id

    def has_page(self, actor_id: str) -> bool:
        """Whether the actor gets a page: every actor but those that made one demand and did
        nothing else on record (each petition's petitioners: their one demand's page says it
        all)."""
        record = self.actors.get(actor_id)
        if record is None:
            return False
        return bool(record.received or record.answers or len(record.made) != 1)

    def actor_link(self, root: str, actor_id: str) -> str:
        """The actor's name, linked to its page when it has one."""
        if self.has_page(actor_id):
            return link(root + self.actor_path(actor_id), self.name(actor_id))
        return esc(self.name(actor_id))

    # --- where pages are (relative to the top folder) ---------------------------------------

    @staticmethod
    def case_path(case: Case, page: int = 1) -> str:
        return f"cases/{case.name}/index.html" if page == 1 else \
            f"cases/{case.name}/page-{page}.html"

    @staticmethod
    def map_path(case: Case) -> str:
        return f"cases/{case.name}/map.html"

    @staticmethod
    def demand_path(case: Case, demand: str) -> str:
        return f"cases/{case.name}/d/{demand}.html"

    @staticmethod
    def actor_path(actor: str, page: int = 1) -> str:
        # "~" is never in an id, so page 2 of one actor is never the page of another
        return f"actors/{actor}.html" if page == 1 else f"actors/{actor}~{page}.html"
