"""Shared fixtures: the real samples in ../shared (skipped with a reason when absent outside CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LKJIP_SHARED", ROOT.parent / "shared"))
SAMPLES = SHARED / "samples"
KEYS = SHARED / "keys"
PDFS = SHARED / "pdfs"


def _need(path: Path) -> Path:
    if path.exists():
        return path
    if os.environ.get("CI") or os.environ.get("LKJIP_REQUIRE_SHARED"):
        pytest.fail(f"{path} is missing: CI must run with ../shared beside the project")
    pytest.skip(f"{path} not found: the real samples live in ../shared beside the project")
    raise AssertionError  # unreachable


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return _need(SAMPLES)


@pytest.fixture(scope="session")
def keys_dir() -> Path:
    return _need(KEYS)


@pytest.fixture(scope="session")
def pdfs_dir() -> Path:
    return _need(PDFS)


def sample(name: str) -> Path:
    """Path of one real sample, skipping (or failing in CI) when ../shared is absent."""
    return _need(SAMPLES / name)
