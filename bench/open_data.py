"""Benchmark of the open-data downloads on the served app (issue 20), at seed and national scale.

For each data set (the seed; bench/national.py's 600 centres and 50,000 entries) the app is served
as the browser tests serve it (`reflex run --env prod`, one worker, SQLite) and this prints:
- an HSDS services page (`/api/v1/hsds/services`, first page, then page 5 and a search): median ms;
- datapackage.zip: the first download (built by a child process) and the second (from the file);
- the path API's latency (random distinct paths, one client in a closed loop) alone and while
  four clients download the data package in a loop for 10 s: p50 / p95 ms.
Targets (issue 20): path API p95 ≤ 50 ms under the downloads; national HSDS page ≤ 5× the seed's;
second download ≥ 10× faster than the first.

Usage: `.venv/bin/python bench/open_data.py [--seconds 10]`. It serves from this checkout (its
.web build): don't run it while the browser tests run. Benchmarks print numbers; they are not tests.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import httpx
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.national import build_national  # noqa: E402
from tests.e2e.conftest import serve  # noqa: E402
from zerosei_app.db import make_engine  # noqa: E402
from zerosei_app.prestart import migrate, prepare  # noqa: E402


def _paths(db: Path, n: int = 2000) -> list[str]:
    rng = random.Random(7)
    with sqlite3.connect(db) as conn:
        comuni = [r[0] for r in conn.execute("SELECT codice_istat FROM comune")]
    today = date.today()
    out = []
    for _ in range(n):
        months = sorted(rng.sample(range(1, 70), rng.randint(1, 2)))
        births = []
        for m in months:
            y, mo = divmod(today.year * 12 + today.month - 1 - m, 12)
            births.append(f"{y}-{mo + 1:02d}")
        out.append(f"/api/v1/percorso?comune={rng.choice(comuni)}&nascita={','.join(births)}")
    return out


def _ms(samples: list[float], q: float) -> float:
    return statistics.quantiles(samples, n=100)[int(q) - 1] * 1000 if len(samples) > 2 else float("nan")


def _median_ms(client: httpx.Client, url: str, n: int = 15) -> float:
    client.get(url)  # warm (a filtered page builds its index once per data version)
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        assert client.get(url).status_code == 200
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def _path_latencies(base: str, paths: list[str], seconds: float) -> list[float]:
    rng = random.Random(3)
    out = []
    with httpx.Client(base_url=base, timeout=60) as c:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            t0 = time.perf_counter()
            c.get(rng.choice(paths))
            out.append(time.perf_counter() - t0)
    return out


def measure(label: str, db: Path, seconds: float) -> dict:
    run_dir = Path(tempfile.mkdtemp(prefix="bench-open-data-"))
    figures: dict = {}
    with serve(run_dir, f"sqlite:///{db}") as base, httpx.Client(base_url=base, timeout=600) as c:
        hsds = f"{base}/api/v1/hsds/services"
        figures["hsds_page_ms"] = _median_ms(c, hsds)
        figures["hsds_page5_ms"] = _median_ms(c, f"{hsds}?page=5")
        figures["hsds_search_ms"] = _median_ms(c, f"{hsds}?search=nido")
        t0 = time.perf_counter()
        first = c.get("/api/v1/hsds/datapackage.zip")
        figures["zip_first_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        second = c.get("/api/v1/hsds/datapackage.zip")
        figures["zip_second_s"] = time.perf_counter() - t0
        assert first.status_code == second.status_code == 200 and first.headers["etag"] == second.headers["etag"]
        figures["zip_mb"] = len(second.content) / 1e6
        paths = _paths(db)
        alone = _path_latencies(base, paths, seconds / 2)
        stop = threading.Event()
        downloads = [0]

        def download() -> None:
            with httpx.Client(base_url=base, timeout=600) as d:
                while not stop.is_set():
                    d.get("/api/v1/hsds/datapackage.zip")
                    downloads[0] += 1

        threads = [threading.Thread(target=download) for _ in range(4)]
        for t in threads:
            t.start()
        busy = _path_latencies(base, paths, seconds)
        stop.set()
        for t in threads:
            t.join()
        figures.update(
            path_p50_alone=_ms(alone, 50),
            path_p95_alone=_ms(alone, 95),
            path_p50_busy=_ms(busy, 50),
            path_p95_busy=_ms(busy, 95),
            downloads=downloads[0],
        )
    print(
        f"\n{label}:\n"
        f"  HSDS services page 1: {figures['hsds_page_ms']:.1f} ms, page 5: {figures['hsds_page5_ms']:.1f} ms, "
        f"search: {figures['hsds_search_ms']:.1f} ms (medians)\n"
        f"  datapackage.zip ({figures['zip_mb']:.1f} MB): first {figures['zip_first_s']:.2f} s, "
        f"second {figures['zip_second_s']:.3f} s ({figures['zip_first_s'] / figures['zip_second_s']:.0f}× faster)\n"
        f"  path API alone: p50 {figures['path_p50_alone']:.1f} ms, p95 {figures['path_p95_alone']:.1f} ms; "
        f"with 4 clients downloading ({figures['downloads']} downloads in {seconds:.0f} s): "
        f"p50 {figures['path_p50_busy']:.1f} ms, p95 {figures['path_p95_busy']:.1f} ms",
        flush=True,
    )
    return figures


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=10)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-open-data-db-"))
    seed_db = tmp / "seed.db"
    prepare(f"sqlite:///{seed_db}")
    seed = measure("seed data", seed_db, args.seconds)
    national_db = tmp / "national.db"
    migrate(f"sqlite:///{national_db}")
    engine = make_engine(f"sqlite:///{national_db}")
    with Session(engine) as s:
        build_national(s)
    engine.dispose()
    national = measure("national scale (600 centres, 50,000 entries)", national_db, args.seconds)
    print(
        "\nnational / seed: HSDS page "
        f"{national['hsds_page_ms'] / seed['hsds_page_ms']:.1f}× (page 5: "
        f"{national['hsds_page5_ms'] / seed['hsds_page5_ms']:.1f}×, search: "
        f"{national['hsds_search_ms'] / seed['hsds_search_ms']:.1f}×)"
    )


if __name__ == "__main__":
    main()
