import Foundation
import SQLite
import Testing

@testable import GongjianRegistry

@Suite struct MigratorTests {
  /// A registry file at schema version 0: ours by application_id, nothing applied yet.
  func emptyRegistryFile(_ folder: ScratchFolder) throws -> String {
    let path = folder.file("old.sqlite")
    let db = try Connection(path: path, mode: .create)
    try db.execute("PRAGMA application_id = \(RegistryFile.applicationID); PRAGMA journal_mode = WAL")
    return path
  }

  let first = EmbeddedMigration(
    version: 1, name: "first", checksum: "c1", sql: "CREATE TABLE one (x INTEGER) STRICT; INSERT INTO one VALUES (1);")
  let second = EmbeddedMigration(
    version: 2, name: "second", checksum: "c2", sql: "CREATE TABLE two (y INTEGER) STRICT;")

  @Test func aFreshFileIsBroughtToTheLatestVersion() throws {
    let folder = ScratchFolder()
    let db = try Connection(path: try emptyRegistryFile(folder))
    let applied = try Migrator().migrate(db, path: "test")
    #expect(applied == embeddedMigrations.map(\.version))
    #expect(try db.scalar(Int.self, "PRAGMA user_version") == Migrator().latestVersion)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM schema_migration") == embeddedMigrations.count)
    for table in ["registry", "unit", "membership", "agreement", "working_group", "group_membership", "history"] {
      #expect(try db.scalar(Int.self, "SELECT count(*) FROM sqlite_schema WHERE name = ?", table) == 1)
    }
  }

  @Test func aSecondRunIsANoOp() throws {
    let folder = ScratchFolder()
    let db = try Connection(path: try emptyRegistryFile(folder))
    try Migrator().migrate(db, path: "test")
    #expect(try Migrator().migrate(db, path: "test") == [])
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM schema_migration") == embeddedMigrations.count)
  }

  @Test func migrationsApplyInOrderAndOnlyThePendingOnes() throws {
    let folder = ScratchFolder()
    let db = try Connection(path: try emptyRegistryFile(folder))
    #expect(try Migrator(migrations: [first]).migrate(db, path: "test") == [1])
    #expect(try Migrator(migrations: [second, first]).migrate(db, path: "test") == [2])
    #expect(try db.scalar(Int.self, "PRAGMA user_version") == 2)
    #expect(try db.scalar(String.self, "SELECT group_concat(checksum, ',') FROM schema_migration") == "c1,c2")
  }

  @Test func aFailingMigrationLeavesTheEarlierOnesAndNothingOfItself() throws {
    let folder = ScratchFolder()
    let db = try Connection(path: try emptyRegistryFile(folder))
    let broken = EmbeddedMigration(
      version: 2, name: "broken", checksum: "c2",
      sql: "CREATE TABLE two (y INTEGER) STRICT; INSERT INTO nowhere VALUES (1);")
    #expect(throws: SQLiteError.self) { try Migrator(migrations: [first, broken]).migrate(db, path: "test") }
    #expect(try db.scalar(Int.self, "PRAGMA user_version") == 1)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM sqlite_schema WHERE name = 'two'") == 0)
  }

  @Test func aMigrationLeavingBrokenForeignKeysIsNotApplied() throws {
    let folder = ScratchFolder()
    let db = try Connection(path: try emptyRegistryFile(folder))
    let dangling = EmbeddedMigration(
      version: 1, name: "dangling", checksum: "c",
      sql: """
        CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT;
        CREATE TABLE child (p INTEGER REFERENCES parent (id)) STRICT;
        INSERT INTO child VALUES (7);
        """)
    let error = try #require(throws: StorageProblem.self) {
      try Migrator(migrations: [dangling]).migrate(db, path: "test")
    }
    #expect(error == .migrationBreaksReferences(path: "test", migration: 1, name: "dangling"))
    // The migration's SQL runs; only the check of its references stops it, and nothing stays.
    #expect(try db.scalar(Int.self, "PRAGMA user_version") == 0)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM sqlite_schema WHERE name IN ('parent', 'child')") == 0)
  }

  @Test func anEditedMigrationIsRefused() throws {
    let folder = ScratchFolder()
    let db = try Connection(path: try emptyRegistryFile(folder))
    try Migrator(migrations: [first]).migrate(db, path: "test")
    let edited = EmbeddedMigration(version: 1, name: "first", checksum: "changed", sql: first.sql)
    let migrator = Migrator(migrations: [edited, second])
    #expect(try migrator.status(of: db) == Migrator.Status(version: 1, latest: 2, edited: [1], pending: [2]))
    let error = try #require(throws: StorageProblem.self) { try migrator.migrate(db, path: "reg.sqlite") }
    #expect(error == .editedMigration(path: "reg.sqlite", migration: 1))
    #expect(try db.scalar(Int.self, "PRAGMA user_version") == 1, "the pending migration was not applied either")
  }

  @Test func aNewerRegistryIsRefused() throws {
    let folder = ScratchFolder()
    let db = try Connection(path: try emptyRegistryFile(folder))
    try Migrator(migrations: [first, second]).migrate(db, path: "test")
    let older = Migrator(migrations: [first])
    #expect(try older.status(of: db) == Migrator.Status(version: 2, latest: 1, edited: [], pending: []))
    let error = try #require(throws: StorageProblem.self) { try older.migrate(db, path: "reg.sqlite") }
    #expect(error == .newerSchema(path: "reg.sqlite", version: 2, latest: 1))
    #expect(try db.scalar(Int.self, "PRAGMA user_version") == 2, "nothing was changed")
  }

  @Test func twoConnectionsMigratingAtOnceApplyEachMigrationOnce() async throws {
    let folder = ScratchFolder()
    let path = try emptyRegistryFile(folder)
    let results = await withTaskGroup(of: Result<[Int], any Error>.self) { group in
      for _ in 0..<4 {
        group.addTask {
          Result {
            let db = try Connection(path: path)
            db.busyTimeoutMilliseconds = 5_000
            return try Migrator().migrate(db, path: path)
          }
        }
      }
      var all: [Result<[Int], any Error>] = []
      for await result in group { all.append(result) }
      return all
    }
    let applied = try results.flatMap { try $0.get() }
    #expect(applied.sorted() == embeddedMigrations.map(\.version))
    let db = try Connection(path: path)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM schema_migration") == embeddedMigrations.count)
  }
}

@Suite struct MigrationChecksumTests {
  /// The checksum compiled into the binary is the SHA-256 of the file, as `sha256sum` says.
  @Test func embeddedChecksumsAreTheFilesSHA256() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let folder = root.appendingPathComponent("Migrations")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
      .sorted()
    #expect(files.count == embeddedMigrations.count)
    for (file, migration) in zip(files, embeddedMigrations) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
      process.arguments = [folder.appendingPathComponent(file).path]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(output.hasPrefix(migration.checksum + " "), "\(file)")
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(text == migration.sql)
    }
  }
}
