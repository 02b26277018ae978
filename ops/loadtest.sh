#!/usr/bin/env bash
# Load run on loopback: gunicorn (production settings, DEBUG=0) against the national-scale bench
# database, wrk with 20 connections for DURATION seconds per main page; prints requests/s,
# latency, non-2xx responses and socket errors per page, and the workers' memory; then stops
# gunicorn. Bounded in time (about 12 × DURATION + 60 s). Never listens beyond 127.0.0.1.
# The page cache is on unless PAGE_CACHE=0 is set: PAGE_CACHE=0 measures every page built.
#
#   bash ops/loadtest.sh
#   DATABASE_URL=postgres://idekatalog:idekatalog@127.0.0.1:5432/idekatalog_bench \
#     DURATION=20 CONNECTIONS=20 PORT=18766 WEB_CONCURRENCY=5 bash ops/loadtest.sh
#
# Needs wrk (Debian: apt-get install wrk) and a database filled by `manage.py seed_national`.
set -euo pipefail

cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
GUNICORN=${GUNICORN:-.venv/bin/gunicorn}
export DATABASE_URL=${DATABASE_URL:-postgres://idekatalog:idekatalog@127.0.0.1:5432/idekatalog_bench}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-20}
THREADS=${THREADS:-2}
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}
PORT=${PORT:-18766}
HOST=127.0.0.1
BASE="http://$HOST:$PORT"

command -v wrk >/dev/null || { echo "wrk mangler: apt-get install wrk" >&2; exit 2; }
case "$DATABASE_URL" in
  *bench*) ;;
  *) echo "DATABASE_URL skal pege på en benchmark-database (navnet indeholder 'bench')" >&2; exit 2 ;;
esac

# Production settings, on loopback. The TLS proxy is simulated with X-Forwarded-Proto below.
export DEBUG=0
export SECRET_KEY=${SECRET_KEY:-loadtest-only-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')}
export ALLOWED_HOSTS=$HOST
export BIND="$HOST:$PORT"
export GUNICORN_LOG_LEVEL=warning

"$PY" manage.py collectstatic --noinput --verbosity 0
DETAIL=$("$PY" manage.py shell --verbosity 0 -c \
  "from catalogue.models import Initiative as I; print(I.objects.published().order_by('order','pk').first().get_absolute_url())" | tail -1)

LOG=$(mktemp -t idekatalog-gunicorn.XXXXXX.log)
# Access log off for the run: writing 10,000s of lines would measure the terminal, not the app.
"$GUNICORN" -c config/gunicorn.conf.py --access-logfile /dev/null config.wsgi >"$LOG" 2>&1 &
MASTER=$!
cleanup() {
  kill "$MASTER" 2>/dev/null || true
  wait "$MASTER" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 60); do
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$BASE/healthz" >/dev/null || { echo "gunicorn startede ikke:" >&2; cat "$LOG" >&2; exit 1; }

PAGES=(
  "forside|/"
  "liste|/indsatser/"
  "liste, 3 filtre|/indsatser/?niveau=social&tema=familie&organisation=albertslund"
  "metoder|/metoder/"
  "søgning|/soeg/?q=bekymringssamtaler"
  "api/soeg|/api/soeg?q=bekymringssamtaler"
  "detalje|$DETAIL"
  "organisationer|/organisationer/"
  "erfaringsoverblik|/erfaringsoverblik/"
  "kontakter|/kontakter/"
)
# PAGES=... bash ops/loadtest.sh is not possible (arrays); ONLY="forside liste" limits the run.
if [ -n "${ONLY:-}" ]; then
  kept=()
  for entry in "${PAGES[@]}"; do
    for name in $ONLY; do [ "${entry%%|*}" = "$name" ] && kept+=("$entry"); done
  done
  PAGES=("${kept[@]}")
fi

echo "gunicorn: $(pgrep -P "$MASTER" | wc -l) workers på $BIND; database: ${DATABASE_URL%%://*}"
echo "wrk: $CONNECTIONS forbindelser, $THREADS tråde, ${DURATION}s pr. side"
printf '%-20s %9s %10s %10s %10s %10s %9s %8s\n' side requests "req/s" "avg" "p50" "p99" "non-2xx" errors
failed=0
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}
  path=${entry#*|}
  # Warm up each worker's caches and connections before measuring.
  timeout 40 wrk -t"$THREADS" -c"$CONNECTIONS" -d2s --timeout "$WRK_TIMEOUT" \
    -H "X-Forwarded-Proto: https" "$BASE$path" >/dev/null || true
  # A request slower than WRK_TIMEOUT counts as a (timeout) error, not in the latency figures.
  out=$(timeout $((DURATION + 40)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    --timeout "$WRK_TIMEOUT" -H "X-Forwarded-Proto: https" "$BASE$path" || true)
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  avg=$(awk '/^ +Latency/ {print $2; exit}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses/ {print $NF}' <<<"$out")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  printf '%-20s %9s %10s %10s %10s %10s %9s %8s\n' "$name" "${total:-0}" "${rps:-0}" "$avg" \
    "$p50" "$p99" "${non2xx:-0}" "${errors:-0}"
  if [ "${non2xx:-0}" != 0 ] || [ "${errors:-0}" != 0 ] || [ "${total:-0}" = 0 ]; then
    failed=1
  fi
done

rss=$(for pid in $(pgrep -P "$MASTER"); do ps -o rss= -p "$pid"; done | sort -n | tail -1)
echo "største worker efter kørslen: $((rss / 1024)) MB RSS"
if grep -qE "ERROR|Traceback" "$LOG"; then
  echo "fejl i gunicorn-loggen ($LOG):" >&2
  grep -E "ERROR|Traceback" "$LOG" | head -20 >&2
  exit 1
fi
rm -f "$LOG"
if [ "$failed" = 1 ]; then
  echo "FEJL: mindst én side havde fejl, timeouts (> $WRK_TIMEOUT) eller ingen svar" >&2
  exit 1
fi
