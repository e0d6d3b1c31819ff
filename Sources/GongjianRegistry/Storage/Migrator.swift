import SQLite

/// One file of `Migrations/`, compiled into the binary by EmbedMigrationsPlugin.
struct EmbeddedMigration: Sendable {
  let version: Int
  let name: String
  /// SHA-256 of the file's bytes, computed at build time.
  let checksum: String
  let sql: String
}

/// Brings a registry's schema up to the binary's: the embedded migrations, in order, each in
/// its own IMMEDIATE transaction, foreign keys checked before commit and the file's checksum
/// recorded. Refuses a registry written by a newer binary, or whose applied migration was
/// edited since, rather than guessing.
struct Migrator {
  let migrations: [EmbeddedMigration]

  init(migrations: [EmbeddedMigration] = embeddedMigrations) {
    self.migrations = migrations.sorted { $0.version < $1.version }
  }

  var latestVersion: Int { migrations.last?.version ?? 0 }

  /// What a registry's schema looks like compared with this binary's.
  struct Status: Equatable {
    var version: Int
    var latest: Int
    /// Applied migrations whose recorded checksum differs from the embedded file's.
    var edited: [Int]
    /// Versions the binary knows and the registry has not applied yet.
    var pending: [Int]
  }

  func status(of db: Connection) throws -> Status {
    let version = try db.scalar(Int.self, "PRAGMA user_version") ?? 0
    var edited: [Int] = []
    if version > 0 {
      let statement = try db.prepare("SELECT version, checksum FROM schema_migration ORDER BY version")
      let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0.checksum) })
      while try statement.step() {
        let applied: Int = try statement.required(0)
        let checksum: String = try statement.required(1)
        if let expected = known[applied], expected != checksum { edited.append(applied) }
      }
    }
    let pending = migrations.map(\.version).filter { $0 > version }
    return Status(version: version, latest: latestVersion, edited: edited, pending: pending)
  }

  /// Refuses a newer or edited registry; otherwise applies what is pending.
  /// Returns the versions this call applied (none when another process got there first).
  @discardableResult
  func migrate(_ db: Connection, path: String) throws -> [Int] {
    let current = try status(of: db)
    try refuseUnsafe(current, path: path)
    guard !current.pending.isEmpty else { return [] }
    guard !db.isReadOnly else {
      throw StorageProblem.readOnlyNeedsUpgrade(path: path, version: current.version, latest: current.latest)
    }
    var applied: [Int] = []
    // Foreign keys cannot be switched inside a transaction; a migration that rebuilds a
    // table needs them off, and foreign_key_check below catches anything left dangling.
    try db.execute("PRAGMA foreign_keys = OFF")
    defer { try? db.execute("PRAGMA foreign_keys = ON") }
    for migration in migrations where migration.version > current.version {
      let didApply = try db.transaction(.immediate) { () throws -> Bool in
        // Read again under the write lock: another process may have migrated meanwhile.
        let now = try status(of: db)
        try refuseUnsafe(now, path: path)
        guard now.version < migration.version else { return false }
        guard now.version == migration.version - 1 else {
          throw StorageProblem.cannotMigrate(path: path, version: now.version, migration: migration.version)
        }
        try db.execute(
          """
          CREATE TABLE IF NOT EXISTS schema_migration (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at TEXT NOT NULL
          ) STRICT
          """)
        try db.execute(migration.sql)
        if try db.scalar(Int.self, "SELECT count(*) FROM pragma_foreign_key_check") ?? 0 > 0 {
          throw StorageProblem.migrationBreaksReferences(
            path: path, migration: migration.version, name: migration.name)
        }
        try db.run(
          "INSERT INTO schema_migration (version, name, checksum, applied_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
          migration.version, migration.name, migration.checksum)
        try db.execute("PRAGMA user_version = \(migration.version)")
        return true
      }
      if didApply { applied.append(migration.version) }
    }
    return applied
  }

  func refuseUnsafe(_ status: Status, path: String) throws {
    if status.version > status.latest {
      throw StorageProblem.newerSchema(path: path, version: status.version, latest: status.latest)
    }
    if let first = status.edited.first {
      throw StorageProblem.editedMigration(path: path, migration: first)
    }
  }
}
