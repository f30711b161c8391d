#!/usr/bin/env bash
# Follows the README on this checkout: `npm start` on a fresh data dir (or on
# DATABASE_URL when set), a dev token, a first query, a clean shutdown.
set -euo pipefail
cd "$(dirname "$0")/.."
export APOLLO_TELEMETRY_DISABLED=1
WORK=$(mktemp -d /tmp/wmo-smoke.XXXXXX)
export PGLITE_DIR="$WORK/pglite" KEYS_DIR="$WORK/keys" SEED_INWONERS="${SEED_INWONERS:-2000}"
# Seven distinct free ports (gateway and six subgraphs), all held open while they are chosen:
# asking one at a time can hand out the same port twice.
read -r GATEWAY_PORT SOCIALE_BASIS_PORT BASISONDERSTEUNING_PORT AANVULLENDE_ONDERSTEUNING_PORT HUISHOUDELIJKE_HULP_PORT FINANCIEN_PORT PRIVACY_PORT < <(node -e "
  const net = require('net');
  Promise.all(Array.from({ length: 7 }, () => new Promise((ok) => { const s = net.createServer().listen(0, '127.0.0.1', () => ok(s)); })))
    .then((servers) => { console.log(servers.map((s) => s.address().port).join(' ')); servers.forEach((s) => s.close()); });")
export GATEWAY_PORT SOCIALE_BASIS_PORT BASISONDERSTEUNING_PORT AANVULLENDE_ONDERSTEUNING_PORT HUISHOUDELIJKE_HULP_PORT FINANCIEN_PORT PRIVACY_PORT
npm start >"$WORK/start.log" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
# node's fetch instead of curl: a fresh machine need not have curl.
http_status() { node -e "fetch(process.argv[1], { method: process.argv[2] ?? 'GET', headers: { 'content-type': 'application/json' }, body: process.argv[3] }).then(r => console.log(r.status), () => console.log(0))" "$@"; }
for _ in $(seq 1 120); do
  if [ "$(http_status "http://127.0.0.1:$GATEWAY_PORT/health")" = "200" ]; then break; fi
  if ! kill -0 "$PID" 2>/dev/null; then echo "npm start exited:"; cat "$WORK/start.log"; exit 1; fi
  sleep 1
done
TOKEN=$(npm run --silent token -- --rol gemeente-beleid)
RESULT=$(TOKEN="$TOKEN" node -e "
  fetch('http://127.0.0.1:$GATEWAY_PORT/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + process.env.TOKEN },
    body: JSON.stringify({ query: '{ wijken { code naam clientenHuishoudelijkeHulp { waarde onderdrukt } buurtkamers { naam } } }' }),
  }).then((r) => r.text()).then((t) => process.stdout.write(t));")
echo "$RESULT" | node -e '
  const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
  if (r.errors || !r.data || r.data.wijken.length !== 21) { console.error("smoke query failed:", JSON.stringify(r).slice(0, 500)); process.exit(1); }
  const hh = r.data.wijken.reduce((n, w) => n + (w.clientenHuishoudelijkeHulp.waarde ?? 0), 0);
  console.log(`smoke: 21 wijken, ${hh} HH clients (rounded), ${r.data.wijken.flatMap((w) => w.buurtkamers).length} buurtkamers`);
'
NOAUTH=$(http_status "http://127.0.0.1:$GATEWAY_PORT/graphql" POST '{"query":"{ wijken { code } }"}')
[ "$NOAUTH" = "401" ] || { echo "expected 401 without token, got $NOAUTH"; exit 1; }
kill -TERM "$PID"
wait "$PID" || true
# SIGTERM must reach the services through npm and tsx: nothing may be left listening.
for _ in $(seq 1 20); do
  [ "$(http_status "http://127.0.0.1:$GATEWAY_PORT/health/live")" = "0" ] && break
  sleep 0.5
done
[ "$(http_status "http://127.0.0.1:$GATEWAY_PORT/health/live")" = "0" ] || { echo "the gateway still answers after SIGTERM"; exit 1; }
grep -q '"msg":"shut down"' "$WORK/start.log" || { echo "no 'shut down' in the log:"; tail -5 "$WORK/start.log"; exit 1; }
echo "smoke: npm start served the seeded supergraph and shut down cleanly"
