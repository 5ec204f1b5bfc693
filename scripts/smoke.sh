#!/usr/bin/env bash
# Starts the hall exactly as a newcomer would (`npm start`, no environment but PATH and HOME),
# fetches a pavilion page, a product page, a search and a meeting request, stops it with
# Ctrl-C (SIGINT to the process group) and checks that no child process is left.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${SMOKE_PORT:-4321}
base="http://localhost:$port"
log=$(mktemp)

setsid env -i PATH="$PATH" HOME="$HOME" npm start >"$log" 2>&1 &
leader=$!
fail() { echo "SMOKE FAILED: $*"; echo "--- npm start output:"; cat "$log"; kill -KILL -- "-$leader" 2>/dev/null || true; exit 1; }

for i in $(seq 1 240); do
  curl -fsS "$base/api/health" >/dev/null 2>&1 && break
  kill -0 "$leader" 2>/dev/null || fail "npm start exited early"
  sleep 1
done
curl -fsS "$base/api/health" >/dev/null || fail "no answer at $base within 240 s"
echo "up after ${i}s"
[[ $(cat "$log") == *"Pavilion is open at $base/"* ]] || fail "the URL was not printed"
curl -fsS "$base/api/health"; echo

# No pipes into grep -q/head here: under pipefail their early exit fails the pipeline (SIGPIPE).
home=$(curl -fsS "$base/")
[[ $home =~ href=\"(/pavilions/[a-z0-9-]+/)\" ]] || fail "no pavilion link on the home page"
pavilion=${BASH_REMATCH[1]}
page=$(curl -fsS "$base$pavilion") || fail "pavilion page $pavilion"
[[ $page =~ href=\"(/products/[a-z0-9-]+/)\" ]] || fail "no product on $pavilion"
product=${BASH_REMATCH[1]}
product_page=$(curl -fsS "$base$product") || fail "product page $product"
[[ $product_page == *'Request a video meeting'* ]] || fail "no meeting request on $product"
echo "pages ok: $pavilion $product"

results=$(curl -fsS "$base/api/search?q=serun") || fail "search answered an error"
[[ ${results,,} == *serum* ]] || fail "search for a typo found nothing: $results"
echo "search ok"

slug=${product#/products/}; slug=${slug%/}
status=$(curl -sS -o /tmp/smoke-booking.json -w '%{http_code}' -H 'content-type: application/json' \
  -d "{\"productSlug\":\"$slug\",\"buyer\":{\"name\":\"Smoke Test\",\"company\":\"CI\",\"country\":\"US\",\"email\":\"smoke@ci.test\",\"language\":\"en\",\"timeZone\":\"America/New_York\"}}" \
  "$base/api/meeting-requests")
[ "$status" = 201 ] || fail "meeting request answered $status: $(cat /tmp/smoke-booking.json)"
booking=$(cat /tmp/smoke-booking.json)
[[ $booking == *'"room":{"name"'* ]] || fail "booking without a room"
echo "booking ok: ${booking:0:300}"

kill -INT -- "-$leader"
for _ in $(seq 1 30); do
  pgrep -g "$leader" >/dev/null || break
  sleep 1
done
if pgrep -g "$leader" >/dev/null; then
  ps -o pid,cmd -g "$leader"
  fail "processes left after Ctrl-C"
fi
if pgrep -f "$(pwd)/.data/meili" >/dev/null; then fail "a Meilisearch process outlived npm start"; fi
echo "stopped cleanly"
