"""Benchmark of the served app (`reflex run --env prod`, one worker, SQLite), as issue 10 measured it.

Every figure is printed as a ratio to `/ping` measured just before it in the same run, so a busy
or a fast machine compares the same way:
- HTTP with wrk at 10 connections: `/api/v1/percorso` and the `/percorso` HTML, each request one of
  2,000 distinct random valid paths (a random comune, one or two birth months 1–69 months back), so
  no per-URL cache can hide the cost. Targets: API ≥ 25% of /ping with p99 ≤ 50 ms, HTML ≥ 20%.
- Websocket page loads (hydrate + on_load, python-socketio as the browser speaks it), closed loop
  at 50 clients: the path page (random paths) against `/informazioni`. Target ≥ 60%, p95 ≤ 400 ms,
  for a tab's first connect (the browser sends the hashes of the defaults compiled into the page and
  gets only what differs); a reconnect (the full state) is printed too.

Usage: `make bench` (after the in-process figures) or `.venv/bin/python bench/served.py
[--seconds 4] [--rounds 3] [--ws-seconds 8] [--clients 50]`. Needs wrk (`apt-get install -y wrk`; tried automatically when run
as root). It builds the frontend in this folder's `.web`: don't run it while the browser tests run.
Benchmarks print numbers; they are not tests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="zerosei-bench-served-"))
os.environ.setdefault("ZEROSEI_VAR_DIR", str(TMP))
os.environ.setdefault("ZEROSEI_SECRET_KEY", "bench-" + "x" * 40)

import httpx  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from zerosei_app.domain.months import YearMonth  # noqa: E402
from zerosei_app.prestart import prepare  # noqa: E402

HYDRATE = "reflex___state____state.hydrate_and_load"
ROOT_STATE = "reflex___state____state"
# The example: Sant'Ambrogio di Torino, a 14-month-old and a pregnancy.
EXAMPLE = {"comune": "001255", "nascita": None, "attesa": None}


# ------------------------------------------------------------------ the served app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(database_url: str, extra_env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
    """`reflex run --env prod` on a free port (as tests/e2e/conftest.py does) until the block ends."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "ZEROSEI_VAR_DIR": str(TMP),
        "PORT": str(port),
        "PATH": f"{ROOT / '.tools/node_modules/.bin'}:{os.environ['PATH']}",
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        **(extra_env or {}),
    }
    log_path = TMP / "reflex.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reflex",
                "run",
                "--env",
                "prod",
                "--frontend-port",
                str(port),
                "--backend-port",
                str(port),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 600
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"reflex exited early:\n{log_path.read_text()[-4000:]}")
                try:
                    if httpx.get(f"{url}/ping", timeout=2).status_code == 200 and httpx.get(url, timeout=5).is_success:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"app did not start:\n{log_path.read_text()[-4000:]}")
                time.sleep(1)
            yield url, proc.pid
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


# ------------------------------------------------------------------ random valid paths


def random_paths(database_url: str, n: int = 2000, seed: int = 1) -> list[dict[str, str]]:
    """Distinct valid paths: a random comune, one or two birth months 1–69 months back."""
    engine = create_engine(database_url)
    with engine.connect() as conn:
        codes = [row[0] for row in conn.execute(text("SELECT codice_istat FROM comune ORDER BY 1"))]
    engine.dispose()
    rng = random.Random(seed)
    today = YearMonth.of(date.today())
    seen: set[str] = set()
    paths: list[dict[str, str]] = []
    while len(paths) < n:
        months = sorted({str(today.plus(-rng.randint(1, 69))) for _ in range(rng.randint(1, 2))})
        query = {"comune": rng.choice(codes), "nascita": ",".join(months)}
        key = json.dumps(query)
        if key not in seen:
            seen.add(key)
            paths.append(query)
    return paths


def query_string(query: dict[str, str]) -> str:
    return "&".join(f"{k}={v}" for k, v in query.items() if v)


def lua_script(prefix: str, paths: list[dict[str, str]]) -> Path:
    """A wrk script that asks for one of the paths at random on every request."""
    items = ",".join(json.dumps(prefix + query_string(q)) for q in paths)
    path = TMP / f"paths-{abs(hash(prefix))}.lua"
    path.write_text(
        f"paths = {{{items}}}\nrequest = function() return wrk.format('GET', paths[math.random(#paths)]) end\n",
        encoding="utf-8",
    )
    return path


# ------------------------------------------------------------------ wrk


def ensure_wrk() -> str | None:
    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    print("wrk is missing: apt-get install -y wrk …", flush=True)
    subprocess.run(["apt-get", "install", "-y", "wrk"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which("wrk")


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def paired(pid: int | None, url: str, seconds: int, script: Path, rounds: int = 3) -> tuple[dict, dict]:
    """/ping and the target in alternation, `rounds` times: a change in the machine's load during
    the run touches both alike. Totals for req/s and CPU, the median round for latencies."""
    pings, figures = [], []
    for _ in range(rounds):
        pings.append(measured(pid, wrk, f"{url}/ping", seconds))
        figures.append(measured(pid, wrk, f"{url}/", seconds, script=script))
    return _combine(pings, seconds), _combine(figures, seconds)


def _combine(runs: list[dict], seconds: int) -> dict:
    count = sum(r["count"] for r in runs)
    cpu = sum(r["cpu_us"] * r["count"] for r in runs)
    return {
        "count": count,
        "rps": count / (seconds * len(runs)),
        "p50": statistics.median(r["p50"] for r in runs),
        "p99": statistics.median(r["p99"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
        "cpu_us": cpu / count if count else 0.0,
    }


def wrk(url: str, seconds: int, connections: int = 10, script: Path | None = None) -> dict[str, float]:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script is not None:
        cmd += ["-s", str(script)]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M)) or {"50": "0ms", "99": "0ms"}  # none answered
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "count": float(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(latency["50"]),
        "p99": _ms(latency["99"]),
        "errors": float(errors.group(1)) if errors else 0.0,
    }


def server_cpu(pid: int | None) -> float:
    """CPU seconds used so far by the server's processes (the reflex command and its workers)."""
    if not pid:
        return 0.0
    import psutil

    try:
        root = psutil.Process(pid)
        total = 0.0
        for p in [root, *root.children(recursive=True)]:
            try:
                times = p.cpu_times()
                total += times.user + times.system
            except psutil.Error:
                pass
        return total
    except psutil.Error:
        return 0.0


def measured(pid: int | None, run, *args, **kwargs) -> dict:
    """`run(...)`'s figures plus the server's CPU per request in µs: unlike req/s, it barely moves
    when other work shares the machine, so its ratio to /ping's is the steadier comparison."""
    before = server_cpu(pid)
    figure = run(*args, **kwargs)
    used = server_cpu(pid) - before
    count = figure.get("count") or 0
    figure["cpu_us"] = used / count * 1e6 if pid and count else 0.0
    return figure


# ------------------------------------------------------------------ websocket page loads


def initial_state_hashes() -> list[str]:
    """What a browser sends on a tab's first connect: the hashes of the state defaults compiled into
    the page, so the hydrate carries only the values that differ (a reconnect gets the full state)."""
    context = (ROOT / ".web/utils/context.jsx").read_text()
    return json.loads(re.search(r"initialStateHashes = (\[.*?\])", context).group(1))


async def _page_load(
    url: str, pathname: str, query: dict[str, str], measure: bool = False, hashes: list[str] | None = None
) -> tuple[float, int]:
    """One tab: connect, hydrate + on_load, wait until hydrated. Seconds, and bytes received if `measure`
    (re-encoding every message would make the client, not the server, the bottleneck). With `hashes`
    it is a tab's first connect, else a reconnect."""
    import socketio

    done = asyncio.Event()
    size = 0
    sio = socketio.AsyncClient(reconnection=False)

    async def on_event(data) -> None:
        nonlocal size
        if measure:
            size += len(json.dumps(data, ensure_ascii=False).encode())
        if (data.get("delta") or {}).get(ROOT_STATE, {}).get("is_hydrated_rx_state_") is True:
            done.set()

    sio.on("event", on_event, namespace="/_event")
    qs = query_string(query)
    router = {"pathname": pathname, "asPath": pathname + (f"?{qs}" if qs else ""), "query": query}
    t0 = time.perf_counter()
    await sio.connect(
        f"{url}?token={uuid.uuid4()}",
        transports=["websocket"],
        socketio_path="/_event",
        namespaces=["/_event"],
        auth={"event": {"name": HYDRATE, "payload": {"hashes": hashes} if hashes else {}, "router_data": router}},
    )
    try:
        await asyncio.wait_for(done.wait(), 30)
        return time.perf_counter() - t0, size
    finally:
        await sio.disconnect()


async def _closed_loop(
    url: str,
    pathname: str,
    queries: list[dict[str, str]],
    clients: int,
    seconds: float,
    seed: int,
    hashes: list[str] | None,
) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    failures = 0
    stop = time.perf_counter() + seconds
    rng = random.Random(seed)

    async def client() -> None:
        nonlocal failures
        while time.perf_counter() < stop:
            try:
                took, _ = await _page_load(url, pathname, rng.choice(queries), hashes=hashes)
                latencies.append(took * 1000)
            except Exception as e:
                failures += 1
                if failures == 1:
                    print(f"page load failed: {e!r}", file=sys.stderr)

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, failures, time.perf_counter() - started


def _client_process(args: tuple) -> tuple[list[float], int, float]:
    return asyncio.run(_closed_loop(*args))


def page_loads(
    url: str,
    pathname: str,
    queries: list[dict[str, str]],
    clients: int,
    seconds: float,
    processes: int = 2,
    hashes: list[str] | None = None,
) -> dict:
    """`clients` tabs in a closed loop, spread over a few client processes (one Python process
    decoding every update would measure itself rather than the server)."""
    from concurrent.futures import ProcessPoolExecutor

    shares = [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]
    jobs = [(url, pathname, queries, n, seconds, i, hashes) for i, n in enumerate(shares) if n]
    # Spawned, not forked: a forked child inherits the parent's event loop and sockets.
    with ProcessPoolExecutor(len(jobs), mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(_client_process, jobs))
    latencies = sorted(x for r in results for x in r[0]) or [0.0]
    elapsed = max(r[2] for r in results)
    return {
        "count": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p95": latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))],
        "errors": sum(r[1] for r in results),
    }


def hydrate_size(url: str, pathname: str, query: dict[str, str], hashes: list[str] | None = None) -> int:
    return asyncio.run(_page_load(url, pathname, query, measure=True, hashes=hashes))[1]


# ------------------------------------------------------------------ report


def line(label: str, figure: dict, ping: dict, target: str, extra: str = "") -> None:
    ratio = figure["rps"] / ping["rps"] if ping["rps"] else 0.0
    tail = "p99" if "p99" in figure else "p95"
    errors = f"  errors {figure['errors']:.0f}" if figure.get("errors") else ""
    cpu = ""
    if figure.get("cpu_us") and ping.get("cpu_us"):
        cpu = f"  server CPU {figure['cpu_us']:6.0f} µs/req = {ping['cpu_us'] / figure['cpu_us']:6.1%} by CPU"
    print(
        f"{label:<26} {figure['rps']:7.0f}/s  p50 {figure['p50']:6.1f} ms  {tail} {figure[tail]:6.1f} ms"
        f"  = {ratio:6.1%} of {ping['rps']:.0f}/s{cpu}   (target {target}){extra}{errors}",
        flush=True,
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=4, help="per wrk run and per websocket load")
    ap.add_argument("--rounds", type=int, default=3, help="alternations of /ping and each HTTP target")
    ap.add_argument("--ws-seconds", type=int, default=8, help="per websocket load")
    ap.add_argument("--clients", type=int, default=50, help="websocket clients (closed loop)")
    ap.add_argument("--url", help="an app already served (skips serving one)")
    ap.add_argument("--pid", type=int, help="with --url: the server's process id, for its CPU per request")
    args = ap.parse_args()

    database_url = os.environ.get("BENCH_SERVED_DATABASE_URL") or f"sqlite:///{TMP / 'served.db'}"
    if "BENCH_SERVED_DATABASE_URL" not in os.environ:
        prepare(database_url)
    paths = random_paths(database_url)
    today = YearMonth.of(date.today())
    example = {**EXAMPLE, "nascita": str(today.plus(-14)), "attesa": str(today.plus(4))}
    have_wrk = ensure_wrk()

    with serve(database_url) if not args.url else _given(args.url, args.pid) as (url, pid):
        print(f"\n== served app {url} (reflex run --env prod, one worker, SQLite); {len(paths)} distinct paths")
        # Warm-up: the frontend, the comune index, the snapshot, the websocket.
        httpx.get(f"{url}/percorso?{query_string(example)}", timeout=30)
        httpx.get(f"{url}/api/v1/percorso?{query_string(example)}", timeout=30)
        page_loads(url, "/percorso", [example], 2, 2, processes=1)
        if have_wrk:
            api_lua = lua_script("/api/v1/percorso?", paths)
            html_lua = lua_script("/percorso?", paths)
            wrk(f"{url}/ping", 2)
            print("-- HTTP, wrk, 10 connections, random distinct paths")
            for label, script, target in (
                ("GET /api/v1/percorso", api_lua, "≥ 25%, p99 ≤ 50 ms"),
                ("GET /percorso (HTML)", html_lua, "≥ 20%"),
            ):
                ping, figure = paired(pid, url, args.seconds, script, args.rounds)
                line("GET /ping", ping, ping, "ceiling")
                line(label, figure, ping, target)
        else:
            print("wrk is missing (apt-get install -y wrk): HTTP figures skipped")
        hashes = initial_state_hashes()
        print(f"-- websocket page loads (hydrate + on_load), closed loop, {args.clients} clients")
        print("   a tab's first connect (the browser sends its compiled defaults' hashes):")
        info = measured(pid, page_loads, url, "/informazioni", [{}], args.clients, args.ws_seconds, hashes=hashes)
        path = measured(pid, page_loads, url, "/percorso", paths, args.clients, args.ws_seconds, hashes=hashes)
        line("/informazioni", info, info, "reference")
        line("path page, random paths", path, info, "≥ 60%, p95 ≤ 400 ms")
        print("   a reconnect (the full state):")
        info = measured(pid, page_loads, url, "/informazioni", [{}], args.clients, args.ws_seconds)
        path = measured(pid, page_loads, url, "/percorso", paths, args.clients, args.ws_seconds)
        line("/informazioni", info, info, "reference")
        line("path page, random paths", path, info, "information")
        print(
            "hydrate + on_load received, first connect / reconnect: "
            f"/informazioni {hydrate_size(url, '/informazioni', {}, hashes) / 1000:.1f} / "
            f"{hydrate_size(url, '/informazioni', {}) / 1000:.1f} KB, "
            f"path page (the issue's example: Sant'Ambrogio, 14 months + pregnancy) "
            f"{hydrate_size(url, '/percorso', example, hashes) / 1000:.1f} / "
            f"{hydrate_size(url, '/percorso', example) / 1000:.1f} KB"
        )


@contextmanager
def _given(url: str, pid: int | None) -> Iterator[tuple[str, int | None]]:
    yield url.rstrip("/"), pid


if __name__ == "__main__":
    main()
