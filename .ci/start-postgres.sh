#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages (if missing), starts a cluster on
# 127.0.0.1:5432 and creates the `entente` database. Prints the DATABASE_URL.
# Works as root: the server itself runs as the `postgres` user.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
  sleep 1
done
su postgres -c "psql -q -c \"alter user postgres password 'entente'\"" >&2
su postgres -c "psql -q -tc \"select 1 from pg_database where datname='entente'\"" | grep -q 1 || \
  su postgres -c "createdb entente" >&2
echo "postgres://postgres:entente@127.0.0.1:5432/entente"
