#!/usr/bin/env bash
# Start Debian's PostgreSQL cluster and create the test role and database; prints the URL for the tests.
set -euo pipefail
ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q .; then
  pg_createcluster "$ver" main >/dev/null 2>&1
fi
cluster=$(pg_lsclusters -h | head -n 1 | awk '{print $1" "$2}')
pg_ctlcluster $cluster start >/dev/null 2>&1 || true  # "already running" is fine; stdout is only the URL
for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='report'" | grep -q 1 \
  || runuser -u postgres -- psql -qc "CREATE ROLE report LOGIN SUPERUSER PASSWORD 'report'"
runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname='report_test'" | grep -q 1 \
  || runuser -u postgres -- createdb -O report report_test
port=$(pg_lsclusters -h | head -n 1 | awk '{print $3}')
echo "postgresql+psycopg://report:report@127.0.0.1:${port}/report_test"
