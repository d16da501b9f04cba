"""A build killed mid-way (SIGKILL) leaves the store as it was, and the next build completes."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import Store

KG = Path(sys.executable).parent / "kg"


def _quads(store) -> set:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in Store(store).quads()}


def _corpus(seeds: Path, folder: Path, copies: int) -> None:
    """Many distinct sources: the seed CVs under new names, each with a different owner line."""
    folder.mkdir()
    for i in range(copies):
        for f in sorted(seeds.glob("*.txt")):
            text = f.read_text(encoding="utf-8")
            (folder / f"{i:03d}-{f.name}").write_text(text.replace("Transformers with", f"Transformers {i} with"), encoding="utf-8")


def _builds_of(corpus: Path) -> list:
    """Live processes whose command line names this corpus (the killed build's workers)."""
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                state = (d / "stat").read_text().split()[2]
            except OSError:
                continue
            if str(corpus) in cmd and state != "Z":
                out.append(int(d.name))
    return out


@pytest.mark.parametrize("when", ["extracting", "bulk-writing"])
def test_sigkill_mid_build_keeps_store(tmp_path, seeds_dir, when):
    if not KG.exists():
        pytest.skip("console script not installed")
    store = tmp_path / "store"
    subprocess.run([str(KG), "build", str(seeds_dir), "--store", str(store)], check=True, capture_output=True)
    before = _quads(store)
    corpus = tmp_path / "corpus"
    _corpus(seeds_dir, corpus, 150)
    env = dict(os.environ, PUBKG_BULK_THRESHOLD="1000")
    proc = subprocess.Popen([str(KG), "build", str(corpus), "--store", str(store)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0 = time.monotonic()
    if when == "extracting":
        time.sleep(1.0)
    else:  # wait until the fresh store beside the old one is being written
        while not list(tmp_path.glob(".store.new-*")) and proc.poll() is None and time.monotonic() - t0 < 120:
            time.sleep(0.02)
        time.sleep(0.05)
    assert proc.poll() is None, "the build finished before it could be killed; make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _quads(store) == before  # the old store, untouched
    deadline = time.monotonic() + 5  # its extraction workers notice and leave too
    while _builds_of(corpus) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _builds_of(corpus), "worker processes of the killed build are still running"
    r = subprocess.run([str(KG), "build", str(corpus), "--store", str(store)], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "302 sources" in r.stdout
    assert not list(tmp_path.glob(".store.new-*"))  # the abandoned fresh store was cleaned up
    assert len(Store(store)) > len(before)


def test_interrupted_swap_is_recovered(tmp_path, seeds_dir):
    from kg.pipeline import build
    from kg.store import recover

    build([seeds_dir], tmp_path / "s")
    before = _quads(tmp_path / "s")
    os.rename(tmp_path / "s", tmp_path / "s.old")  # killed between the two renames of a swap
    recover(tmp_path / "s")
    assert _quads(tmp_path / "s") == before and not (tmp_path / "s.old").exists()
