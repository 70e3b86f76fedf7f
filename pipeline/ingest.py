"""Ingest: find the input files of a batch, hash them, read text sources with their encoding."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.model import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
PDF_SUFFIXES = (".pdf",)
SUPPORTED = TEXT_SUFFIXES + PDF_SUFFIXES


@dataclass(frozen=True)
class Source:
    """One input file: its path as given, the display name used in outputs, its hash and kind."""

    path: Path
    name: str
    sha256: str
    kind: str  # text | pdf
    report_id: str = ""

    def __post_init__(self) -> None:
        if not self.report_id:
            object.__setattr__(self, "report_id", Path(self.name).stem)


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Every supported file under the given files and folders (recursive), sorted, deduplicated."""
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            found.update(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
        elif p.exists():
            found.add(p)
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    return sorted(found, key=lambda f: (f.name, str(f)))


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def kind_of(path: Path) -> str:
    return "pdf" if path.suffix.lower() in PDF_SUFFIXES else "text"


def report_ids(files: Sequence[Path]) -> dict[Path, str]:
    """A report id per file: its stem, made unique by a short hash of its path where stems collide."""
    stems: dict[str, int] = {}
    for f in files:
        stems[f.stem] = stems.get(f.stem, 0) + 1
    return {
        f: f.stem if stems[f.stem] == 1 else f"{f.stem}-{hashlib.sha1(str(f).encode()).hexdigest()[:8]}"
        for f in files
    }


def open_source(path: Path, report_id: str = "") -> Source:
    return Source(path=path, name=path.name, sha256=sha256_of(path), kind=kind_of(path), report_id=report_id)


def read_text(path: Path) -> str:
    """Text of an export: UTF-8 (with or without BOM), falling back to cp1252 without losing a byte."""
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ValueError("binary content (NUL bytes): not a text export")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def failed_document(source: Source, reason: str, n_lines: int = 0) -> Document:
    """The Document of a file that could not be read: no tables, and the reason why."""
    return Document(
        report_id=source.report_id, source_file=source.name, sha256=source.sha256, kind=source.kind, layout="",
        n_lines=n_lines, n_pages=None, office="", year=None, report_type="unknown", error=reason,
    )
