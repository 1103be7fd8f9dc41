"""`make schemathesis`: the whole OpenAPI of /api/v1 fuzzed with schemathesis `--checks all`
against the served app (`reflex run --env prod` on a free port, a freshly seeded SQLite).

Issue 20's target: 0 server errors and 0 schema mismatches (the description says exactly what the
API accepts). Extra arguments go to schemathesis (e.g. `--max-examples 30`). It serves from this
checkout (its .web build): don't run it while the browser tests run.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.conftest import serve  # noqa: E402
from zerosei_app.prestart import prepare  # noqa: E402


def main() -> int:
    run_dir = Path(tempfile.mkdtemp(prefix="fuzz-api-"))
    db = f"sqlite:///{run_dir / 'fuzz.db'}"
    prepare(db)
    with serve(run_dir, db) as base:
        command = [
            str(Path(sys.executable).parent / "schemathesis"),
            "run",
            f"{base}/api/v1/openapi.json",
            "--url",
            base,
            "--checks",
            "all",
            "--workers",
            "2",
            *sys.argv[1:],
        ]
        return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(main())
