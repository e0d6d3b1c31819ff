#!/bin/sh
# Registries made by earlier releases of gongjian, kept in Tests/Fixtures/district/ for the
# district roll-up's tests (which copy them before reading): what a subdistrict still running
# an older gongjian sends to the district. Run again only to add a version; never regenerate a
# file that is there: each stands for what its release wrote.
#
#   registry-0001.sqlite  schema 0001 only (the first release), 曲阳路街道: made here by running
#                         Migrations/0001_schema.sql in sqlite3 and recording it as the migrator does
#   registry-0002.sqlite  schema 0002, 凉城新村街道: made by gongjian itself (init, register, withdraw)
#
# Usage: Tests/Fixtures/make-district-fixtures.sh PATH/TO/gongjian
set -eu
gongjian=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/Tests/Fixtures/district
mkdir -p "$out"

old=$out/registry-0001.sqlite
if [ ! -e "$old" ]; then
  checksum=$(sha256sum "$root/Migrations/0001_schema.sql" | cut -c1-64)
  {
    echo "PRAGMA application_id = 1196053063;"
    echo "PRAGMA journal_mode = WAL;"
    echo "BEGIN IMMEDIATE;"
    # As the migrator creates it, to the byte: check compares the schema's text.
    printf 'CREATE TABLE IF NOT EXISTS schema_migration (\n  version INTEGER PRIMARY KEY,\n  name TEXT NOT NULL,\n'
    printf '  checksum TEXT NOT NULL,\n  applied_at TEXT NOT NULL\n) STRICT;\n'
    cat "$root/Migrations/0001_schema.sql"
    echo "INSERT INTO schema_migration VALUES (1, 'schema', '$checksum', '2026-06-01T08:00:00Z');"
    echo "PRAGMA user_version = 1;"
    echo "INSERT INTO registry (id, subdistrict, district, created_at) VALUES (1, '曲阳路街道', '虹口区', '2026-06-01T08:00:00Z');"
    echo "INSERT INTO unit (id, name, name_key, kind, created_at) VALUES"
    echo "  (1, '建设银行虹口支行', '建设银行虹口支行', '金融机构', '2026-06-01T08:00:00Z'),"
    echo "  (2, '上海曲阳医院', '上海曲阳医院', '事业单位', '2026-06-01T08:00:00Z'),"
    echo "  (3, '曲阳路第一小学', '曲阳路第一小学', '事业单位', '2026-06-01T08:00:00Z');"
    echo "INSERT INTO membership (unit_id, joined_on, left_on, left_reason) VALUES"
    echo "  (1, '2017-01-10', NULL, NULL), (2, '2016-05-01', '2018-12-31', '机构调整'), (3, '2019-03-01', NULL, NULL);"
    echo "INSERT INTO agreement (unit_id, signed_on) VALUES (1, '2017-01-10'), (2, '2016-05-01'), (3, '2019-03-01');"
    echo "COMMIT;"
  } | sqlite3 "$old" >/dev/null
fi

current=$out/registry-0002.sqlite
if [ ! -e "$current" ]; then
  export GONGJIAN_TODAY=2026-06-01 GONGJIAN_USER=fixture
  "$gongjian" init --db "$current" --subdistrict 凉城新村街道 --district 虹口区 >/dev/null
  "$gongjian" register 建设银行虹口支行 --joined 2018-04-02 --kind 金融机构 --db "$current" >/dev/null
  "$gongjian" register 凉城新村街道社区卫生服务中心 --joined 2016-09-01 --kind 事业单位 --db "$current" >/dev/null
  "$gongjian" register 上海凉城物业管理有限公司 --joined 2017-03-15 --kind 非公企业 --db "$current" >/dev/null
  "$gongjian" withdraw 上海凉城物业管理有限公司 --on 2020-12-31 --reason 停业 --db "$current" >/dev/null
fi
