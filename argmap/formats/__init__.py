"""Foreign formats: import maps made elsewhere, export to files other tools read.

============ ====== ====== ===================================================================
format       import export
============ ====== ====== ===================================================================
aif          yes    yes    AIF / xAIF JSON (AIFdb, OVA): :mod:`argmap.formats.aif`
kialo        yes    yes    Kialo plain-text export: :mod:`argmap.formats.kialo`
microtexts   yes    no     arg-microtexts ``<arggraph>`` XML: :mod:`argmap.formats.microtexts`
argdown      yes    yes    Argdown source: :mod:`argmap.formats.argdown`
claimreview  no     yes    schema.org ClaimReview JSON-LD: :mod:`argmap.formats.claimreview`
graphml      no     yes    GraphML for Gephi and yEd: :mod:`argmap.formats.graphml`
node-link    no     yes    networkx node-link JSON: :mod:`argmap.formats.graphml`
uk-petitions yes    no     UK Parliament petitions JSON (a file or a folder):
                           :mod:`argmap.formats.uk_petitions`
sqlite       no     yes    a normalised SQLite database with full-text search (a file, several
                           dossiers in one): :mod:`argmap.formats.sqlite`
============ ====== ====== ===================================================================

Every problem with a foreign file is a :class:`~argmap.errors.FormatError` naming the file and,
where the format has lines, the line. What a file holds that a dossier cannot is reported as
:class:`FormatWarning` items (pass a list as ``warnings=`` to :func:`import_file`, or use
:func:`read_file`). Foreign ids become valid argmap slugs, the same way every time. The other
way, :func:`export_report` returns the text with what the format could not take, by kind and
count (:class:`Exported`; ``argmap export`` prints its summary).

>>> from pathlib import Path
>>> guess_format(Path("map.argdown"), b"[A]: text")
'argdown'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..dossier import Dossier
from ..errors import FileError, FormatError
from . import aif, argdown, claimreview, graphml, kialo, microtexts, sqlite, uk_petitions
from ._common import Exported, FormatWarning, Imported, decode, load_json, slugify

__all__ = [
    "EXPORTABLE",
    "FORMATS",
    "IMPORTABLE",
    "Exported",
    "case_name",
    "Format",
    "FormatWarning",
    "Imported",
    "export",
    "export_report",
    "guess_format",
    "import_file",
    "read_bytes",
    "read_each",
    "read_file",
    "slugify",
    "write_file",
]


@dataclass(frozen=True)
class Format:
    """One foreign format: how to recognise, read and write it."""

    name: str
    description: str
    suffixes: tuple[str, ...] = ()
    load: Callable[[bytes, str | None], Imported] | None = None
    dump: Callable[[Dossier, str | None], str] | None = None
    sniff: Callable[[bytes], str | None] | None = None  # None: fits; a string: why not
    report: Callable[[Dossier, str | None], Exported] | None = None  # dump, and what it left out
    # formats whose records come as folders of files, one dossier for all or one per record
    load_folder: Callable[[Path], Imported] | None = None
    split: Callable[[Path], tuple[list[tuple[str, Imported]], list[FormatWarning]]] | None = None
    # formats written straight to a file (binary, or several dossiers into one file)
    write: Callable[[Sequence[tuple[str, Dossier]], Path, str | None], Path] | None = None


def _json_sniffer(sniff: Callable[[object], str | None]) -> Callable[[bytes], str | None]:
    def run(data: bytes) -> str | None:
        try:
            return sniff(load_json(data, None))
        except FormatError as exc:
            where = f" (line {exc.line}, column {exc.column})" if exc.line else ""
            return exc.message + where
    return run


_sniff_aif = _json_sniffer(aif.sniff)


def _text_sniffer(sniff: Callable[[str], str | None]) -> Callable[[bytes], str | None]:
    def run(data: bytes) -> str | None:
        try:
            return sniff(decode(data, None))
        except FormatError as exc:
            return exc.message
    return run


def _graphml(dossier: Dossier, lang: str | None = None) -> str:
    return graphml.dump(dossier)  # every language kept: text.ja, text.en, ...


def _node_link(dossier: Dossier, lang: str | None = None) -> str:
    return graphml.dump_node_link(dossier)


def _graphml_report(dossier: Dossier, lang: str | None = None) -> Exported:
    return graphml.report(dossier, _graphml(dossier))


def _node_link_report(dossier: Dossier, lang: str | None = None) -> Exported:
    return graphml.report(dossier, _node_link(dossier))


FORMATS: dict[str, Format] = {
    "aif": Format("aif", "AIF / xAIF JSON (AIFdb, OVA)", aif.SUFFIXES, aif.load, aif.dump,
                  _sniff_aif, aif.dump_report),
    "microtexts": Format("microtexts", "arg-microtexts <arggraph> XML", microtexts.SUFFIXES,
                         microtexts.load, None, _text_sniffer(microtexts.sniff)),
    "kialo": Format("kialo", "Kialo plain-text export", kialo.SUFFIXES, kialo.load, kialo.dump,
                    _text_sniffer(kialo.sniff), kialo.dump_report),
    "argdown": Format("argdown", "Argdown source", argdown.SUFFIXES, argdown.load, argdown.dump,
                      _text_sniffer(argdown.sniff), argdown.dump_report),
    "claimreview": Format("claimreview", "schema.org ClaimReview JSON-LD",
                          dump=claimreview.dump, report=claimreview.dump_report),
    "graphml": Format("graphml", "GraphML (Gephi, yEd)", (".graphml",), dump=_graphml,
                      report=_graphml_report),
    "node-link": Format("node-link", "networkx node-link JSON", dump=_node_link,
                        report=_node_link_report),
    "uk-petitions": Format("uk-petitions", "UK Parliament petitions JSON (petition.parliament.uk)",
                           uk_petitions.SUFFIXES, uk_petitions.load, None,
                           _json_sniffer(uk_petitions.sniff), load_folder=uk_petitions.load_folder,
                           split=uk_petitions.load_each),
    "sqlite": Format("sqlite", "SQLite database with full-text search (for Datasette)",
                     (".db", ".sqlite"), write=sqlite.write),
}
IMPORTABLE = tuple(name for name, f in FORMATS.items() if f.load is not None)
EXPORTABLE = tuple(name for name, f in FORMATS.items()
                   if f.dump is not None or f.write is not None)


def guess_format(path: Path, data: bytes) -> str:
    """The importable format of a file, from its suffix and content.

    Formats whose suffix matches are tried first, then every other. Raises
    :class:`FormatError` saying why each format did not fit when none does.
    """
    suffix = path.suffix.lower()
    ordered = sorted(IMPORTABLE, key=lambda n: suffix not in FORMATS[n].suffixes)
    reasons = []
    for name in ordered:
        sniff = FORMATS[name].sniff
        assert sniff is not None
        reason = sniff(data)
        if reason is None:
            return name
        reasons.append(f"{name}: {reason}")
    raise FormatError("cannot tell the format; tried " + "; ".join(reasons), file=str(path))


def _format(fmt: str, want: str) -> Format:
    found = FORMATS.get(fmt)
    names = IMPORTABLE if want == "load" else EXPORTABLE
    if found is not None and want == "dump" and found.dump is None and found.write is not None:
        raise FormatError(f"{fmt} is written to a file: give one (-o FILE)")
    if found is None or getattr(found, want) is None:
        raise FormatError(f"unknown format {fmt!r} for {'import' if want == 'load' else 'export'}"
                          f"; known: {', '.join(names)}")
    return found


def read_bytes(data: bytes, fmt: str, file: str | None = None) -> Imported:
    """Import bytes already in memory as ``fmt``; any failure is a :class:`FormatError`."""
    loader = _format(fmt, "load").load
    assert loader is not None
    try:
        return loader(data, file)
    except (KeyError, ValueError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        # a safety net: the loaders turn what they expect into FormatError themselves
        raise FormatError(f"cannot read as {fmt}: {type(exc).__name__}: {exc}",
                          file=file) from None


def _folder_format(path: Path, fmt: str | None, want: str) -> Format:
    """The format that reads a folder: ``fmt``, else the one format that reads folders."""
    able = [f for f in FORMATS.values() if getattr(f, want) is not None]
    if fmt is None and len(able) == 1:
        return able[0]
    found = FORMATS.get(fmt) if fmt is not None else None
    if found is None or getattr(found, want) is None:
        names = ", ".join(f.name for f in able)
        what = "reads a folder" if want == "load_folder" else "splits into one dossier per record"
        raise FormatError(f"{'give --from: ' if fmt is None else f'{fmt} cannot do this: '}"
                          f"only {names} {what}", file=str(path))
    return found


def read_file(path: str | Path, fmt: str | None = None) -> Imported:
    """Import a foreign file, or a folder for formats that read folders: the dossier and the
    warnings (``fmt`` guessed when ``None``)."""
    path = Path(path)
    if path.is_dir():
        loader = _folder_format(path, fmt, "load_folder").load_folder
        assert loader is not None
        return loader(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
    name = fmt if fmt is not None else guess_format(path, data)
    return read_bytes(data, name, str(path))


def read_each(path: str | Path, fmt: str | None = None) -> tuple[list[tuple[str, Imported]],
                                                                 list[FormatWarning]]:
    """Import a file or folder as one dossier per record, for formats that hold many (one per
    petition for ``uk-petitions``): ``([(name, imported), ...], warnings)``."""
    path = Path(path)
    if not path.exists():
        raise FileError("no such file or folder", file=str(path))
    splitter = _folder_format(path, fmt, "split").split
    assert splitter is not None
    return splitter(path)


def case_name(path: str | Path) -> str:
    """The name a dossier file or folder goes by as one case among several (in a database or
    a site): its file name without the suffix, or the folder's name, as a slug.

    >>> case_name("claims/mynumber-card.yaml")
    'mynumber-card'
    """
    path = Path(path)
    name = path.name if path.is_dir() or not path.suffix else path.stem
    return slugify(name or path.resolve().name, "case")


def write_file(dossiers: Sequence[tuple[str, Dossier]], fmt: str, path: str | Path,
               lang: str | None = None) -> Path:
    """Write ``(name, dossier)`` pairs to ``path`` in ``fmt``: one dossier for text formats,
    several for formats that hold many (``sqlite``: one case per name)."""
    found = FORMATS.get(fmt)
    if found is not None and found.write is not None:
        return found.write(dossiers, Path(path), lang)
    if len(dossiers) != 1:
        raise FormatError(f"{fmt} holds one dossier; give one path (sqlite holds several)")
    from ..io.atomic import write_atomic

    return write_atomic(path, export(dossiers[0][1], fmt, lang))


def import_file(path: str | Path, fmt: str | None = None,
                warnings: list[FormatWarning] | None = None) -> Dossier:
    """Import a foreign file as a checked dossier; warnings are appended to ``warnings``.

    >>> import_file("map.json", "aif")  # doctest: +SKIP
    """
    result = read_file(path, fmt)
    if warnings is not None:
        warnings.extend(result.warnings)
    return result.dossier


def export(dossier: Dossier, fmt: str, lang: str | None = None) -> str:
    """The dossier as text in ``fmt`` (same dossier, same text). ``lang`` picks one language."""
    dump = _format(fmt, "dump").dump
    assert dump is not None
    return dump(dossier, lang)


def export_report(dossier: Dossier, fmt: str, lang: str | None = None) -> Exported:
    """The dossier as text in ``fmt`` (as :func:`export`), with what the text leaves out.

    >>> from argmap.model import Actor, Claim
    >>> d = Dossier(actors=[Actor(id="u", name="Union", kind="union")],
    ...             claims=[Claim(id="a", text="A", by=["u"])])
    >>> export_report(d, "argdown").summary()
    "left out: 1 actors, 1 'by' values"
    """
    found = _format(fmt, "dump")
    if found.report is not None:
        return found.report(dossier, lang)
    assert found.dump is not None
    return Exported(found.dump(dossier, lang), left_out=None)

