/*
 * The baseline for `gongjian import`: plain C over the same libsqlite3, loading the same CSV
 * into the same schema (every migration in Migrations/, in order) as fast as we could make a
 * crash-safe load of it:
 *
 *   - one transaction (BEGIN IMMEDIATE ... COMMIT), one prepared statement per table;
 *   - a 64 MiB page cache (PRAGMA cache_size = -65536) for the rows, SQLite's default 2 MB
 *     while the indexes are built (a sort keeps up to the cache's size in memory on top of
 *     the cache: with 64 MiB for both the peak at 1M rows was 146 MiB; see --build-cache-kib);
 *   - every non-unique index of the tables it fills dropped inside the transaction and built
 *     again after the rows (a sort each, instead of keeping it up to date row by row), except
 *     the two the schema's overlap triggers search by (membership_by_unit,
 *     group_membership_by_unit): without them every insert scans the whole table. The unique
 *     indexes stay: they are the schema's own checks;
 *   - a rollback journal during the load (journal_mode = DELETE; see --journal), WAL again
 *     afterwards, as a registry is kept. Both are crash-safe: synchronous stays at SQLite's
 *     default (FULL), nothing is written outside the journal's protection.
 *
 * What it skips, and only that, is what gongjian does to read any office's file correctly:
 * no CSV quoting, no encodings but UTF-8, no Unicode cleaning or NFKC keys (the name is its
 * own key and similar key), no date validation beyond the schema's CHECKs, no duplicate or
 * similar-name reporting (hence no need for unit_by_similar_key during the load), no history.
 *
 * Build: cc -O2 -o loader loader.c -lsqlite3
 * Usage: loader [--cache-kib N] [--build-cache-kib N] [--journal delete|truncate|wal] [--keep-indexes]
 *               DATABASE SCHEMA DATA.csv
 *   SCHEMA            a .sql file, or a folder whose *.sql files are run in name order
 *   --cache-kib N     PRAGMA cache_size = -N during the load (default 65536)
 *   --build-cache-kib N  the same while the indexes are built after the rows (default 2000)
 *   --journal MODE    the journal during the load (default delete); wal keeps WAL throughout
 *   --keep-indexes    keep every index during the load (the naive load, for comparison)
 * The CSV is the generator's: no quoted fields, columns as generate.py writes them.
 */
#include <dirent.h>
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

static int sql_file(const struct dirent *entry) {
  size_t n = strlen(entry->d_name);
  return n > 4 && !strcmp(entry->d_name + n - 4, ".sql");
}

/* The schema: one file, or every .sql file of a folder in name order (the migrations). */
static void make_schema(sqlite3 *db, const char *path) {
  struct dirent **entries;
  int count = scandir(path, &entries, sql_file, alphasort);
  if (count < 0) {
    char *schema = read_file(path);
    if (sqlite3_exec(db, schema, 0, 0, 0) != SQLITE_OK) die(db, path);
    free(schema);
    return;
  }
  for (int i = 0; i < count; i++) {
    char file[4096];
    snprintf(file, sizeof file, "%s/%s", path, entries[i]->d_name);
    char *schema = read_file(file);
    if (sqlite3_exec(db, "BEGIN", 0, 0, 0) || sqlite3_exec(db, schema, 0, 0, 0) ||
        sqlite3_exec(db, "COMMIT", 0, 0, 0))
      die(db, file);
    free(schema);
    free(entries[i]);
  }
  free(entries);
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

/* Every non-unique index of the tables the load fills, but those the triggers need. */
static const char *deferred_sql =
  "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
  "AND sql NOT LIKE 'CREATE UNIQUE%' "
  "AND tbl_name IN ('unit', 'membership', 'agreement', 'working_group', 'group_membership') "
  "AND name NOT IN ('membership_by_unit', 'group_membership_by_unit')";

#define MAX_DEFERRED 64

int main(int argc, char **argv) {
  int cache_kib = 65536, build_cache_kib = 2000, keep = 0, arg = 1;
  const char *journal = "delete";
  for (; arg < argc && argv[arg][0] == '-'; arg++) {
    if (!strcmp(argv[arg], "--cache-kib") && arg + 1 < argc) cache_kib = atoi(argv[++arg]);
    else if (!strcmp(argv[arg], "--build-cache-kib") && arg + 1 < argc) build_cache_kib = atoi(argv[++arg]);
    else if (!strcmp(argv[arg], "--journal") && arg + 1 < argc) journal = argv[++arg];
    else if (!strcmp(argv[arg], "--keep-indexes")) keep = 1;
    else { fprintf(stderr, "loader: unknown option %s\n", argv[arg]); return 64; }
  }
  if (argc - arg != 3 ||
      (strcmp(journal, "delete") && strcmp(journal, "truncate") && strcmp(journal, "wal"))) {
    fprintf(stderr, "usage: loader [--cache-kib N] [--build-cache-kib N] [--journal delete|truncate|wal] [--keep-indexes] "
                    "DATABASE SCHEMA DATA.csv\n");
    return 64;
  }
  sqlite3 *db;
  if (sqlite3_open(argv[arg], &db) != SQLITE_OK) die(db, "open");
  const char *csv_path = argv[arg + 2];
  /* The registry as `gongjian init` leaves it: WAL, the schema made. */
  if (sqlite3_exec(db, "PRAGMA application_id = 1196053063; PRAGMA journal_mode = WAL;", 0, 0, 0)) die(db, "pragma");
  make_schema(db, argv[arg + 1]);

  char pragmas[256];
  snprintf(pragmas, sizeof pragmas, "PRAGMA journal_mode = %s; PRAGMA foreign_keys = ON; PRAGMA cache_size = -%d;",
           journal, cache_kib);
  if (sqlite3_exec(db, pragmas, 0, 0, 0)) die(db, "pragmas");
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0)) die(db, "begin");
  char *rebuild[MAX_DEFERRED];
  int deferred = 0;
  if (!keep) {
    char *names[MAX_DEFERRED];
    sqlite3_stmt *find;
    if (sqlite3_prepare_v2(db, deferred_sql, -1, &find, 0)) die(db, "indexes");
    while (sqlite3_step(find) == SQLITE_ROW && deferred < MAX_DEFERRED) {
      names[deferred] = strdup((const char *)sqlite3_column_text(find, 0));
      rebuild[deferred++] = strdup((const char *)sqlite3_column_text(find, 1));
    }
    sqlite3_finalize(find);
    for (int i = 0; i < deferred; i++) {
      char drop[256];
      snprintf(drop, sizeof drop, "DROP INDEX %s", names[i]);
      if (sqlite3_exec(db, drop, 0, 0, 0)) die(db, "drop index");
      free(names[i]);
    }
  }

  sqlite3_stmt *unit, *period, *agreement, *membership, *find_group, *add_group;
  if (sqlite3_prepare_v2(db,
        "INSERT INTO unit (name, name_key, similar_key, kind, contact_name, contact_phone, address, note, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", -1, &unit, 0) ||
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
  static char buffer[1 << 16];
  setvbuf(csv, buffer, _IOFBF, sizeof buffer);
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
    sqlite3_bind_text(unit, 3, field[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(unit, 4, field[1], -1, SQLITE_STATIC);
    for (int i = 8; i < 12; i++) {
      if (*field[i]) sqlite3_bind_text(unit, i - 3, field[i], -1, SQLITE_STATIC);
      else sqlite3_bind_null(unit, i - 3);
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
  fclose(csv);
  char build[64];
  snprintf(build, sizeof build, "PRAGMA cache_size = -%d", build_cache_kib);
  if (deferred && sqlite3_exec(db, build, 0, 0, 0)) die(db, "pragma");
  for (int i = 0; i < deferred; i++) {
    if (sqlite3_exec(db, rebuild[i], 0, 0, 0)) die(db, "create index");
    free(rebuild[i]);
  }
  sqlite3_finalize(unit);
  sqlite3_finalize(period);
  sqlite3_finalize(agreement);
  sqlite3_finalize(membership);
  sqlite3_finalize(find_group);
  sqlite3_finalize(add_group);
  if (sqlite3_exec(db, "COMMIT", 0, 0, 0) != SQLITE_OK) die(db, "commit");
  if (strcmp(journal, "wal") && sqlite3_exec(db, "PRAGMA journal_mode = WAL", 0, 0, 0)) die(db, "journal");
  sqlite3_close(db);
  printf("%ld rows, %d indexes built after them\n", rows, deferred);
  return 0;
}
