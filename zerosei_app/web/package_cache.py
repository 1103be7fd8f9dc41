"""The HSDS data package (datapackage.zip), built once per data version, in another process.

Building it reads the whole directory (145 ms of CPU on the seed, 32 s at national scale): done
per request, four downloading clients took a core and the path API's latency from 3 ms to over a
second. Now the zip is built by a child process (`python -m zerosei_app.web.package_cache`: its
CPU never holds this worker's GIL nor its event loop), stored under var/exports/ and served as a
file with an ETag; every worker shares the file (a lock file says one is being built).
- At start (lifespan task) the package for ZEROSEI_PUBLIC_URL is built ahead of any client.
- After a data change the first request still gets the previous package at once and starts the
  new build; the next ones get the new package when it is ready.
- Only when no package exists at all does a request wait for the build (without blocking).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import sys
import time
from contextlib import asynccontextmanager
from pathlib import Path

from zerosei_app.domain import clock
from zerosei_app.settings import VAR_DIR, get_settings, subprocess_env

log = logging.getLogger(__name__)

EXPORT_DIR = VAR_DIR / "exports"
STALE_LOCK_SECONDS = 15 * 60
builds = 0  # builds started by this process (tests check the second download is not rebuilt)
_tasks: dict[str, asyncio.Task] = {}


def _family(base: str) -> str:
    """Packages of one database and one base URL (links inside it) share a name prefix."""
    digest = hashlib.sha256(f"{get_settings().database_url}|{base}".encode()).hexdigest()[:12]
    return f"hsds-{digest}-"


def key_for(version: int, base: str) -> str:
    # The day is part of the key: a temporary closure makes a service "temporarily closed" only
    # within its dates, so the package is built again on the first download of each day (Italy).
    return f"{_family(base)}{clock.today():%Y%m%d}{version:012d}"


def path_for(key: str) -> Path:
    return EXPORT_DIR / f"{key}.zip"


def etag_for(key: str) -> str:
    return f'"{key}"'


def _newest_older(base: str) -> str | None:
    family = _family(base)
    found = []
    for p in EXPORT_DIR.glob(f"{family}*.zip"):
        tail = p.stem[len(family) :]
        if tail.isdigit():
            found.append((int(tail), p.stem))
    return max(found)[1] if found else None


def _take_lock(key: str) -> bool:
    lock = EXPORT_DIR / f"{key}.building"
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        with contextlib.suppress(OSError):
            if time.time() - lock.stat().st_mtime > STALE_LOCK_SECONDS:  # its builder died
                lock.unlink()
                return _take_lock(key)
        return False
    os.close(fd)
    return True


async def _build(key: str, base: str) -> None:
    global builds
    EXPORT_DIR.mkdir(parents=True, exist_ok=True)
    if path_for(key).exists():
        return
    if not _take_lock(key):  # another worker builds it: wait for its file
        deadline = time.monotonic() + STALE_LOCK_SECONDS
        while not path_for(key).exists() and time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            if not (EXPORT_DIR / f"{key}.building").exists() and not path_for(key).exists():
                return await _build(key, base)
        return
    builds += 1
    started = time.monotonic()
    try:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "zerosei_app.web.package_cache",
            base,
            str(path_for(key)),
            env=subprocess_env(DATABASE_URL=get_settings().database_url),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        _, err = await proc.communicate()
        if proc.returncode != 0:
            log.error("building the data package failed: %s", err.decode(errors="replace")[-2000:])
            return
        log.info("data package %s built in %.1f s", key, time.monotonic() - started)
        _drop_older(key, base)
    finally:
        with contextlib.suppress(OSError):
            (EXPORT_DIR / f"{key}.building").unlink()


def _drop_older(key: str, base: str) -> None:
    family = _family(base)
    for p in EXPORT_DIR.glob(f"{family}*.zip"):
        if p.stem != key:
            with contextlib.suppress(OSError):
                p.unlink()


def start_build(key: str, base: str) -> asyncio.Task:
    task = _tasks.get(key)
    if task is None or task.done():
        task = _tasks[key] = asyncio.get_running_loop().create_task(_build(key, base), name=f"zerosei-{key}")
    return task


async def package(version: int, base: str) -> str | None:
    """The key of the package to serve for this data version: the current one when built, else
    the previous one (the new one is being built), else the current one after waiting for it."""
    key = key_for(version, base)
    if path_for(key).exists():
        return key
    task = start_build(key, base)
    older = _newest_older(base) if EXPORT_DIR.exists() else None
    if older is not None:
        return older
    await asyncio.shield(task)
    return key if path_for(key).exists() else None


@asynccontextmanager
async def prebuild():
    """Lifespan task: the package for ZEROSEI_PUBLIC_URL starts building before any download."""
    public = get_settings().public_url
    if public:
        try:
            from zerosei_app.db import session_scope
            from zerosei_app.queries.snapshot import current_version

            with session_scope() as session:
                version = current_version(session)
            start_build(key_for(version, public.rstrip("/")), public.rstrip("/"))
        except Exception:  # e.g. a database not migrated yet: the first download builds it
            log.exception("could not start building the data package")
    yield


def _main(base: str, out: str) -> None:
    """In the child process: build the zip and move it into place whole."""
    from zerosei_app.db import session_scope
    from zerosei_app.domain import clock
    from zerosei_app.queries import hsds
    from zerosei_app.view import hsds_package

    with session_scope() as session:
        body = hsds_package.build_zip(hsds.load(session), clock.now(), base)
    tmp = Path(out).with_suffix(".tmp")
    tmp.write_bytes(body)
    os.replace(tmp, out)


if __name__ == "__main__":
    _main(sys.argv[1], sys.argv[2])
