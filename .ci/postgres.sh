#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 (Debian package) as a non-root user on a free
# loopback port. Usage: source .ci/postgres.sh; pg_up; ...; pg_down
# Exports TEST_DATABASE_URL (admin connection; tests create a database per file).

pg_install() {
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian packages..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

pg_up() {
  pg_install
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_USER=postgres
  if [ "$(id -u)" != "0" ]; then PG_USER=$(id -un); fi
  PG_DIR=$(mktemp -d /tmp/wmo-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  [ "$(id -u)" = "0" ] && chown "$PG_USER" "$PG_DIR"
  PG_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi; }
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PG_PORT as $PG_USER"
}

pg_down() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
