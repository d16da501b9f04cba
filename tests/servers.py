"""Real SPARQL servers on 127.0.0.1 for the tests (Oxigraph server from PyPI, Virtuoso from Debian)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 60) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.3)
    raise RuntimeError(f"server at {url} did not come up")


class Oxigraph:
    def __init__(self, tmp: Path):
        self.port = free_port()
        self.proc = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp / "ox"), "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        wait_http(self.base + "/query?query=ASK%7B%7D")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


class Virtuoso:
    def __init__(self, tmp: Path):
        self.dir = tmp / "virtuoso"
        self.dir.mkdir()
        self.port, self.sql = free_port(), free_port()
        ini = VIRTUOSO_INI.read_text()
        ini = ini.replace("/var/lib/virtuoso-opensource-7/db", str(self.dir))
        lines = []
        section = ""
        for line in ini.splitlines():
            s = line.strip()
            if s.startswith("["):
                section = s
            if s.startswith("ServerPort") and section == "[Parameters]":
                line = f"ServerPort = {self.sql}"
            elif s.startswith("ServerPort") and section == "[HTTPServer]":
                line = f"ServerPort = {self.port}"
            lines.append(line)
        (self.dir / "virtuoso.ini").write_text("\n".join(lines) + "\n")
        self.proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(self.dir / "virtuoso.ini")],
                                     cwd=self.dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        wait_http(self.base + "/sparql?query=ASK%7B%7D", timeout=120)
        subprocess.run([ISQL, str(self.sql), "dba", "dba",
                        "exec=GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"],
                       check=True, capture_output=True, timeout=60)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
