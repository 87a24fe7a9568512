"""Text and table reports for the command line: the summary of a dossier
(:mod:`argmap.reports.summary`) and the rows of ``status`` and ``timeline``
(:mod:`argmap.reports.rows`)."""

__all__ = ["rows", "summary"]
