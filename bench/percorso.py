"""Benchmark: comune search and /api/v1/percorso, in-process and over HTTP, at seed and national scale.

Prints p50/p95 in milliseconds. Usage: `make bench` or `.venv/bin/python bench/percorso.py [--n 400]`.
Set BENCH_POSTGRES_URL=postgresql+psycopg://… to run the national set on PostgreSQL as well.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="zerosei-bench-"))
os.environ.setdefault("ZEROSEI_VAR_DIR", str(TMP))
os.environ.setdefault("ZEROSEI_SECRET_KEY", "bench-" + "x" * 40)

import httpx  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from bench.national import build_national  # noqa: E402
from zerosei_app.db import make_engine  # noqa: E402
from zerosei_app.domain import clock  # noqa: E402
from zerosei_app.domain.catalog import TOPICS  # noqa: E402
from zerosei_app.domain.link import parse_query_string  # noqa: E402
from zerosei_app.domain.months import YearMonth  # noqa: E402
from zerosei_app.models import Comune  # noqa: E402
from zerosei_app.prestart import migrate, prepare  # noqa: E402
from zerosei_app.queries.comuni import build_index  # noqa: E402
from zerosei_app.queries.percorso import load_path  # noqa: E402
from zerosei_app.view.percorso_out import percorso_out  # noqa: E402

QUERIES = [
    "torino",
    "sant ambrogio",
    "baldissero",
    "chivaso",
    "10024",
    "moncalierri",
    "cuneo",
    "ast",
    "nov",
    "san",
    "castel",
    "pinerolo",
    "12100",
    "biella",
    "verbania",
    "alba",
    "mondovi",
    "villanova",
    "x",
    "zzz",
]


def pct(samples: list[float]) -> str:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
    return f"p50 {statistics.median(s):6.2f} ms   p95 {p95:6.2f} ms   (n={len(s)})"


def timed(fn, n: int) -> list[float]:
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def path_queries(codes: list[str], n: int) -> list[str]:
    rng = random.Random(1)
    today = YearMonth.of(clock.today())
    qs = []
    for _ in range(n):
        parts = [
            f"comune={rng.choice(codes)}",
            "nascita=" + ",".join(str(today.plus(-rng.randint(0, 70))) for _ in range(rng.randint(1, 2))),
        ]
        if rng.random() < 0.3:
            parts.append(f"attesa={today.plus(rng.randint(1, 8))}")
        if rng.random() < 0.4:
            parts.append("temi=" + ",".join(rng.sample(TOPICS, 2)))
        qs.append("&".join(parts))
    return qs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def over_http(url: str, qs: list[str], n: int) -> tuple[list[float], list[float]]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "zerosei_app.api.app:api", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(f"{base}/api/v1/comuni?q=a", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        with httpx.Client(base_url=base) as c:
            c.get("/api/v1/percorso?" + qs[0])  # warm the comune index
            search = timed(
                lambda i: c.get("/api/v1/comuni", params={"q": QUERIES[i % len(QUERIES)]}).raise_for_status(), n
            )
            path = timed(lambda i: c.get("/api/v1/percorso?" + qs[i % len(qs)]).raise_for_status(), n)
        return search, path
    finally:
        proc.terminate()
        proc.wait()


def run(label: str, url: str, n: int) -> None:
    engine = make_engine(url)
    with Session(engine) as s:
        t0 = time.perf_counter()
        index = build_index(s)
        build_ms = (time.perf_counter() - t0) * 1000
        codes = [c for c in s.exec(select(Comune.codice_istat)).all()]
        qs = path_queries(codes, n)
        search = timed(lambda i: index.search(QUERIES[i % len(QUERIES)]), n)
        today = clock.today()
        parsed = [parse_query_string(q).query for q in qs]
        # The API's pipe: the query's plain data, then the view that makes the answer.
        inproc = timed(lambda i: percorso_out(load_path(s, parsed[i], today).data, parsed[i].lang), n)
    engine.dispose()
    http_search, http_path = over_http(url, qs, n)
    print(f"\n== {label}: {len(codes)} comuni (index built in {build_ms:.0f} ms)")
    print(f"comune search, in-process      {pct(search)}")
    print(f"percorso, in-process           {pct(inproc)}")
    print(f"GET /api/v1/comuni over HTTP   {pct(http_search)}")
    print(f"GET /api/v1/percorso over HTTP {pct(http_path)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=400)
    args = ap.parse_args()

    seed_url = f"sqlite:///{TMP / 'seed.db'}"
    prepare(seed_url)
    run("seed data, SQLite", seed_url, args.n)

    national_urls = [("national scale, SQLite", f"sqlite:///{TMP / 'national.db'}")]
    if os.environ.get("BENCH_POSTGRES_URL"):
        national_urls.append(("national scale, PostgreSQL", os.environ["BENCH_POSTGRES_URL"]))
    for label, url in national_urls:
        if url.startswith("postgresql"):
            e = make_engine(url)
            with e.begin() as conn:
                conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
            e.dispose()
        migrate(url)
        engine = make_engine(url)
        t0 = time.perf_counter()
        with Session(engine) as s:
            build_national(s)
        engine.dispose()
        print(f"\n(built {label} in {time.perf_counter() - t0:.1f} s)")
        run(label, url, args.n)


if __name__ == "__main__":
    main()
