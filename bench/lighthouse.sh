#!/usr/bin/env bash
# Lighthouse, mobile emulation (its default: Moto G Power, slow 4G, 4x CPU), for /, a path page, /carta and a centre's Carta,
# and the same path as a plain HTML file served by the same server in the same run (bench/plain_path.py): LCP ratio printed.
# Prints Performance, Accessibility, LCP, TBT, CLS and JS bytes per page; JSON reports go to bench/out/.
#   bench/lighthouse.sh                      # starts the app on a free port, measures, stops it
#   BASE_URL=http://localhost:3101 bench/lighthouse.sh   # measures an app that is already running
#   LIGHTHOUSE_PORT=3150 bench/lighthouse.sh             # the port for the app it starts (default: any free one)
# Lighthouse comes from npm (pinned) into bench/.lighthouse/ (ignored); Debian's chromium runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LH_VERSION=12.2.3
LH_DIR=bench/.lighthouse
OUT=bench/out
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
mkdir -p "$OUT" "$LH_DIR"
[ -f "$LH_DIR/.gitignore" ] || echo "*" >"$LH_DIR/.gitignore"  # a local tool folder, never committed

if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
  echo "installing lighthouse@$LH_VERSION into $LH_DIR" >&2
  (cd "$LH_DIR" && npm i -E --no-audit --no-fund --loglevel=error "lighthouse@$LH_VERSION" >&2)
fi

SERVER_PID=""
cleanup() { if [ -n "$SERVER_PID" ]; then kill -- "-$SERVER_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

if [ -z "${BASE_URL:-}" ]; then
  PORT=${LIGHTHOUSE_PORT:-$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  BASE_URL="http://127.0.0.1:$PORT"
  echo "starting the app on $BASE_URL (first build takes about a minute)" >&2
  PORT=$PORT setsid make run >"$OUT/lighthouse-server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 200); do
    curl -sf "$BASE_URL/ping" >/dev/null 2>&1 && curl -sf "$BASE_URL/" >/dev/null 2>&1 && break
    sleep 2
  done
fi

# A child of 1 year and 6 months today, in Sant'Ambrogio di Torino, with a topic.
BIRTH=$(date -d "$(date +%Y-%m-15) -18 months" +%Y-%m)
PAGES=("/" "/percorso?comune=001255&nascita=$BIRTH&temi=gioco-socialita" "/carta" "/carta/asti")
NAMES=("home" "percorso" "carta" "carta-asti")

# The same path as a plain HTML file served by the same server: the path's static copy (the first
# answer of /percorso) with the app's stylesheet and nothing else. Written into the served build
# (.web/build/client, or PLAIN_DIR for an app served from elsewhere) and removed at the end.
PLAIN_DIR=${PLAIN_DIR:-.web/build/client}
PLAIN_FILE=""
if [ -d "$PLAIN_DIR" ]; then
  PLAIN_FILE="$PLAIN_DIR/zz-bench-plain-path.html"
  curl -sf "$BASE_URL${PAGES[1]}" | .venv/bin/python bench/plain_path.py >"$PLAIN_FILE"
  PAGES+=("/zz-bench-plain-path.html")
  NAMES+=("plain-html")
fi
cleanup_plain() { if [ -n "$PLAIN_FILE" ]; then rm -f "$PLAIN_FILE"; fi; }
trap 'cleanup_plain; cleanup' EXIT

# Warm up: the first hit of a page compiles nothing, but fills the server's caches.
for p in "${PAGES[@]}"; do curl -sf "$BASE_URL$p" >/dev/null || true; done

for i in "${!PAGES[@]}"; do
  "$LH_DIR/node_modules/.bin/lighthouse" "$BASE_URL${PAGES[$i]}" \
    --only-categories=performance,accessibility \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --output=json --output-path="$OUT/lighthouse-${NAMES[$i]}.json" --quiet
done

.venv/bin/python - "$OUT" "${NAMES[@]}" <<'PY'
import json, sys
out, names = sys.argv[1], sys.argv[2:]
print(f"{'page':10} {'perf':>5} {'a11y':>5} {'LCP ms':>7} {'TBT ms':>7} {'CLS':>6} {'JS KB (transfer)':>17} {'total KB':>9}")
for name in names:
    r = json.load(open(f"{out}/lighthouse-{name}.json"))
    a = r["audits"]
    items = a["resource-summary"]["details"]["items"]
    js = next((i["transferSize"] for i in items if i["resourceType"] == "script"), 0)
    total = next((i["transferSize"] for i in items if i["resourceType"] == "total"), 0)
    print(
        f"{name:10} {round(r['categories']['performance']['score'] * 100):>5} "
        f"{round(r['categories']['accessibility']['score'] * 100):>5} "
        f"{a['largest-contentful-paint']['numericValue']:>7.0f} {a['total-blocking-time']['numericValue']:>7.0f} "
        f"{a['cumulative-layout-shift']['numericValue']:>6.3f} {js / 1024:>17.1f} {total / 1024:>9.1f}"
    )
    failed = [k for k, v in a.items() if v.get("score") == 0 and k in {x["id"] for x in r["categories"]["accessibility"]["auditRefs"]}]
    if failed:
        print(f"{'':10} accessibility audits failing: {', '.join(failed)}")
    lcp_items = (a.get("largest-contentful-paint-element", {}).get("details") or {}).get("items") or []
    for item in lcp_items[:1]:
        node = (item.get("items") or [{}])[0].get("node", item.get("node", {}))
        if node:
            print(f"{'':10} LCP element: {node.get('selector', '')} {node.get('snippet', '')[:90]}")
    blocking = (a.get("render-blocking-resources", {}).get("details") or {}).get("items") or []
    if blocking:
        print(f"{'':10} render-blocking: {', '.join(i['url'].rsplit('/', 1)[-1] for i in blocking)}")
if "plain-html" in names:
    lcp = {n: json.load(open(f"{out}/lighthouse-{n}.json"))["audits"]["largest-contentful-paint"]["numericValue"] for n in ("percorso", "plain-html")}
    print(f"path page LCP / plain HTML LCP (same run): {lcp['percorso']:.0f} / {lcp['plain-html']:.0f} ms = {lcp['percorso'] / lcp['plain-html']:.2f}x (target <= 1.5x)")
PY
