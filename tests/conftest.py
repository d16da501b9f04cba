"""Shared test fixtures. Tests that need ../shared (seed CVs, gold, dev data) skip without it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PUBKG_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = Path(__file__).resolve().parent / "_artifacts"


def need_shared():
    if not SEEDS.is_dir():
        pytest.skip("../shared (seed CVs) is not beside the repo")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    need_shared()
    return SEEDS


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, seeds_dir) -> Path:
    from kg.pipeline import build

    path = tmp_path_factory.mktemp("seedstore") / "store"
    build([seeds_dir], path)
    return path


@pytest.fixture()
def runner():
    from typer.testing import CliRunner

    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart already
        return CliRunner()
