/*
 * The baseline for `gongjian import`: plain C over the same libsqlite3, loading the same CSV
 * into the same schema (the Migrations folder) with one prepared statement per table, in one
 * transaction, with the same pragmas gongjian uses. It does none of gongjian's checks (no
 * Unicode normalisation, no date validation beyond the schema's, no duplicate reporting):
 * it is "as fast as the machine allows".
 *
 * Build: cc -O2 -o loader loader.c -lsqlite3
 * Usage: loader [--cache-kib N] [--defer-indexes] DATABASE SCHEMA.sql DATA.csv
 *   --cache-kib N      PRAGMA cache_size = -N (default 4096, what gongjian's import uses)
 *   --defer-indexes    drop the four date indexes first and build them after the rows (with
 *                      SQLite's default 2 MB cache), in the same transaction: what gongjian does
 *                      for an import bigger than the registry
 * The CSV is the generator's: no quoted fields, columns as generate.py writes them.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(sqlite3 *db, const char *what) {
  fprintf(stderr, "loader: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
  exit(1);
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(1); }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc(size + 1);
  if (fread(text, 1, size, f) != (size_t)size) { perror(path); exit(1); }
  text[size] = 0;
  fclose(f);
  return text;
}

static sqlite3_int64 group_id(sqlite3 *db, sqlite3_stmt *find, sqlite3_stmt *add, const char *name) {
  sqlite3_bind_text(find, 1, name, -1, SQLITE_STATIC);
  sqlite3_int64 id = 0;
  if (sqlite3_step(find) == SQLITE_ROW) id = sqlite3_column_int64(find, 0);
  sqlite3_reset(find);
  if (id) return id;
  sqlite3_bind_text(add, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text(add, 2, name, -1, SQLITE_STATIC);
  if (sqlite3_step(add) != SQLITE_DONE) die(db, "insert group");
  sqlite3_reset(add);
  return sqlite3_last_insert_rowid(db);
}

static const char *date_indexes[] = {
  "membership_by_joined", "membership_by_left", "group_membership_by_group_joined", "group_membership_by_group_left"
};

int main(int argc, char **argv) {
  int cache_kib = 4096, defer = 0, arg = 1;
  for (; arg < argc && argv[arg][0] == '-'; arg++) {
    if (!strcmp(argv[arg], "--cache-kib") && arg + 1 < argc) cache_kib = atoi(argv[++arg]);
    else if (!strcmp(argv[arg], "--defer-indexes")) defer = 1;
    else { fprintf(stderr, "loader: unknown option %s\n", argv[arg]); return 64; }
  }
  if (argc - arg != 3) {
    fprintf(stderr, "usage: loader [--cache-kib N] [--defer-indexes] DATABASE SCHEMA.sql DATA.csv\n");
    return 64;
  }
  sqlite3 *db;
  if (sqlite3_open(argv[arg], &db) != SQLITE_OK) die(db, "open");
  char *schema = read_file(argv[arg + 1]);
  const char *csv_path = argv[arg + 2];
  if (sqlite3_exec(db, "PRAGMA application_id = 1196053063; PRAGMA journal_mode = WAL;", 0, 0, 0)) die(db, "pragma");
  if (sqlite3_exec(db, schema, 0, 0, 0) != SQLITE_OK) die(db, "schema");
  char pragmas[128];
  snprintf(pragmas, sizeof pragmas, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -%d; BEGIN IMMEDIATE;", cache_kib);
  if (sqlite3_exec(db, pragmas, 0, 0, 0)) die(db, "begin");
  char *rebuild[4] = {0};
  if (defer) {
    for (int i = 0; i < 4; i++) {
      sqlite3_stmt *find;
      sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?", -1, &find, 0);
      sqlite3_bind_text(find, 1, date_indexes[i], -1, SQLITE_STATIC);
      if (sqlite3_step(find) == SQLITE_ROW) rebuild[i] = strdup((const char *)sqlite3_column_text(find, 0));
      sqlite3_finalize(find);
      char drop[128];
      snprintf(drop, sizeof drop, "DROP INDEX %s", date_indexes[i]);
      if (rebuild[i] && sqlite3_exec(db, drop, 0, 0, 0)) die(db, "drop index");
    }
  }

  sqlite3_stmt *unit, *period, *agreement, *membership, *find_group, *add_group;
  if (sqlite3_prepare_v2(db,
        "INSERT INTO unit (name, name_key, kind, contact_name, contact_phone, address, note, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", -1, &unit, 0) ||
      sqlite3_prepare_v2(db, "INSERT INTO membership (unit_id, joined_on, left_on, left_reason) VALUES (?, ?, ?, ?)",
        -1, &period, 0) ||
      sqlite3_prepare_v2(db, "INSERT INTO agreement (unit_id, signed_on, signatory, signatory_title) VALUES (?, ?, ?, ?)",
        -1, &agreement, 0) ||
      sqlite3_prepare_v2(db,
        "INSERT INTO group_membership (unit_id, group_id, role, joined_on, left_on) VALUES (?, ?, 'member', ?, ?)",
        -1, &membership, 0) ||
      sqlite3_prepare_v2(db, "SELECT id FROM working_group WHERE name_key = ?", -1, &find_group, 0) ||
      sqlite3_prepare_v2(db, "INSERT INTO working_group (name, name_key) VALUES (?, ?)", -1, &add_group, 0))
    die(db, "prepare");

  FILE *csv = fopen(csv_path, "rb");
  if (!csv) { perror(csv_path); return 66; }
  char line[4096];
  long rows = 0;
  if (!fgets(line, sizeof line, csv)) return 65;  /* header */
  while (fgets(line, sizeof line, csv)) {
    char *field[12];
    int n = 0;
    char *p = line;
    field[n++] = p;
    for (; *p && n < 12; p++) {
      if (*p == ',') { *p = 0; field[n++] = p + 1; }
    }
    for (char *q = field[n - 1]; *q; q++) if (*q == '\r' || *q == '\n') *q = 0;
    if (n < 12) continue;
    /* name, kind, joined, left, reason, signatory, title, groups, contact, phone, address, note */
    sqlite3_bind_text(unit, 1, field[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(unit, 2, field[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(unit, 3, field[1], -1, SQLITE_STATIC);
    for (int i = 8; i < 12; i++) {
      if (*field[i]) sqlite3_bind_text(unit, i - 4, field[i], -1, SQLITE_STATIC);
      else sqlite3_bind_null(unit, i - 4);
    }
    if (sqlite3_step(unit) != SQLITE_DONE) die(db, "insert unit");
    sqlite3_reset(unit);
    sqlite3_int64 id = sqlite3_last_insert_rowid(db);

    sqlite3_bind_int64(period, 1, id);
    sqlite3_bind_text(period, 2, field[2], -1, SQLITE_STATIC);
    if (*field[3]) sqlite3_bind_text(period, 3, field[3], -1, SQLITE_STATIC); else sqlite3_bind_null(period, 3);
    if (*field[4]) sqlite3_bind_text(period, 4, field[4], -1, SQLITE_STATIC); else sqlite3_bind_null(period, 4);
    if (sqlite3_step(period) != SQLITE_DONE) die(db, "insert period");
    sqlite3_reset(period);

    sqlite3_bind_int64(agreement, 1, id);
    sqlite3_bind_text(agreement, 2, field[2], -1, SQLITE_STATIC);
    sqlite3_bind_text(agreement, 3, field[5], -1, SQLITE_STATIC);
    sqlite3_bind_text(agreement, 4, field[6], -1, SQLITE_STATIC);
    if (sqlite3_step(agreement) != SQLITE_DONE) die(db, "insert agreement");
    sqlite3_reset(agreement);

    if (*field[7]) {
      char *groups = field[7];
      while (groups) {
        char *next = strstr(groups, "\xE3\x80\x81"); /* 、 */
        if (next) { *next = 0; next += 3; }
        sqlite3_bind_int64(membership, 1, id);
        sqlite3_bind_int64(membership, 2, group_id(db, find_group, add_group, groups));
        sqlite3_bind_text(membership, 3, field[2], -1, SQLITE_STATIC);
        if (*field[3]) sqlite3_bind_text(membership, 4, field[3], -1, SQLITE_STATIC); else sqlite3_bind_null(membership, 4);
        if (sqlite3_step(membership) != SQLITE_DONE) die(db, "insert membership");
        sqlite3_reset(membership);
        groups = next;
      }
    }
    rows++;
  }
  if (defer && sqlite3_exec(db, "PRAGMA cache_size = -2000", 0, 0, 0)) die(db, "pragma");
  for (int i = 0; i < 4; i++) {
    if (rebuild[i] && sqlite3_exec(db, rebuild[i], 0, 0, 0)) die(db, "create index");
    free(rebuild[i]);
  }
  if (sqlite3_exec(db, "COMMIT", 0, 0, 0) != SQLITE_OK) die(db, "commit");
  sqlite3_finalize(unit);
  sqlite3_finalize(period);
  sqlite3_finalize(agreement);
  sqlite3_finalize(membership);
  sqlite3_finalize(find_group);
  sqlite3_finalize(add_group);
  sqlite3_close(db);
  printf("%ld rows\n", rows);
  return 0;
}
