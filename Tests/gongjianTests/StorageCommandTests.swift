import Foundation
import SQLite
import Testing

@Suite struct InitCommandTests {
  @Test func initCreatesAnOwnerOnlyRegistry() throws {
    let space = Workspace()
    let result = try space.run(["init", "--db", space.registry, "--subdistrict", "欧阳路街道", "--district", "虹口区"])
    #expect(result.status == 0, "\(result)")
    // It says where it created the registry, and with which mode.
    #expect(hasLine(result.stdout, with: space.registry, "0600"), "\(result)")
    #expect(try space.mode(space.registry) == 0o600)
    // Nothing but the registry is left behind (no temporary files).
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: space.path).filter { !$0.hasPrefix(".std") }
    #expect(leftovers == ["registry.sqlite"])
    let db = try Connection(path: space.registry, mode: .readOnly)
    #expect(try db.scalar(Int.self, "PRAGMA application_id") == 0x474A_5247)
    #expect(try db.scalar(String.self, "PRAGMA journal_mode") == "wal")
    #expect(try db.scalar(String.self, "SELECT subdistrict FROM registry") == "欧阳路街道")
  }

  @Test func sharedGivesTheGroupAccessAndTheWALFilesFollow() throws {
    let space = Workspace()
    let result = try space.run(["init", "--db", space.registry, "--shared"])
    #expect(result.status == 0, "\(result)")
    #expect(hasLine(result.stdout, with: space.registry, "0660"), "\(result)")
    #expect(try space.mode(space.registry) == 0o660)
    // While a connection is open the -wal and -shm files exist: they get the registry's mode.
    let db = try Connection(path: space.registry)
    try db.execute("BEGIN IMMEDIATE; UPDATE registry SET district = 'x'; COMMIT")
    #expect(try space.mode(space.registry + "-wal") == 0o660)
    #expect(try space.mode(space.registry + "-shm") == 0o660)
  }

  @Test func theWALFilesOfAPrivateRegistryArePrivate() throws {
    let space = Workspace()
    try space.initRegistry()
    let db = try Connection(path: space.registry)
    try db.execute("BEGIN IMMEDIATE; UPDATE registry SET district = 'x'; COMMIT")
    #expect(try space.mode(space.registry + "-wal") == 0o600)
    #expect(try space.mode(space.registry + "-shm") == 0o600)
  }

  @Test func initOnAnExistingRegistryChangesNothing() throws {
    let space = Workspace()
    try space.initRegistry(["--subdistrict", "欧阳路街道"])
    let before = space.bytes(space.registry)
    let result = try space.run(["init", "--db", space.registry, "--subdistrict", "别的街道"])
    #expect(result.status == 0, "\(result)")
    // It names the registry, and creates nothing: no mode to report.
    #expect(result.stdout.contains(space.registry), "\(result)")
    #expect(!result.stdout.contains("0600"), "\(result)")
    #expect(space.bytes(space.registry) == before)
  }

  @Test func initOnAFileThatIsNotSQLiteRefusesAndLeavesIt() throws {
    let space = Workspace()
    let content = Data("名称,加入日期\n复旦大学外文学院,2019-06-20\n".utf8)
    try content.write(to: URL(fileURLWithPath: space.registry))
    let result = try space.run(["init", "--db", space.registry])
    #expect(result.status == 66, "\(result)")
    #expect(result.stderr.contains(space.registry), "\(result)")
    #expect(space.bytes(space.registry) == content)
  }

  @Test func initOnAnotherApplicationsDatabaseRefusesAndLeavesIt() throws {
    let space = Workspace()
    let other = try Connection(path: space.registry, mode: .create)
    try other.execute("PRAGMA application_id = 1234; CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine')")
    let before = space.bytes(space.registry)
    let result = try space.run(["init", "--db", space.registry])
    #expect(result.status == 66, "\(result)")
    // The file, and the application id it carries (1234).
    #expect(result.stderr.contains(space.registry) && result.stderr.contains("0x4d2"), "\(result)")
    #expect(space.bytes(space.registry) == before)
  }

  @Test func initMakesTheMissingFoldersPrivateAndSaysSo() throws {
    let space = Workspace()
    let path = space.file("党建/2026/registry.sqlite")
    let result = try space.run(["init", "--db", path])
    #expect(result.status == 0, "\(result)")
    #expect(space.exists("党建/2026/registry.sqlite"))
    // Each folder made is named, and private to its owner like the registry.
    #expect(result.stdout.contains(space.file("党建")) && result.stdout.contains(space.file("党建/2026")), "\(result)")
    #expect(try space.mode("党建") == 0o700 && space.mode("党建/2026") == 0o700)
    // Shared: the owner's group may enter the folders too.
    let shared = try space.run(["init", "--db", space.file("共享/registry.sqlite"), "--shared"])
    #expect(shared.status == 0, "\(shared)")
    #expect(try space.mode("共享") == 0o770)
    // Any other command on a missing folder still refuses and creates nothing.
    let list = try space.run(["list", "--db", space.file("别处/registry.sqlite")])
    #expect(list.status == 66, "\(list)")
    #expect(!space.exists("别处"))
  }

  @Test func initWithoutDbCreatesTheDefaultUnderXDGDataHome() throws {
    let space = Workspace()
    let result = try space.run(["init"])
    #expect(result.status == 0, "\(result)")
    #expect(space.exists("xdg/gongjian/registry.sqlite"))
    #expect(try space.mode("xdg/gongjian") == 0o700)
  }

  @Test func gongjianDbEnvironmentVariableNamesTheRegistry() throws {
    let space = Workspace()
    let result = try space.run(["init"], environment: ["GONGJIAN_DB": space.file("env.sqlite")])
    #expect(result.status == 0, "\(result)")
    #expect(space.exists("env.sqlite"))
    #expect(!space.exists("xdg/gongjian/registry.sqlite"))
  }

  @Test func eightInitsAtOnceMakeOneRegistry() async throws {
    let space = Workspace()
    let results = try await withThrowingTaskGroup(of: CommandResult.self) { group in
      for _ in 0..<8 {
        group.addTask { try space.run(["init", "--db", space.registry]) }
      }
      var all: [CommandResult] = []
      for try await result in group { all.append(result) }
      return all
    }
    #expect(results.allSatisfy { $0.status == 0 }, "\(results)")
    // One of them created it, with its mode; the others found it there.
    #expect(results.filter { $0.stdout.contains("0600") }.count == 1, "\(results)")
    // Every migration applied once, as by a single init.
    let single = Workspace()
    try single.initRegistry()
    let migrations = try Connection(path: single.registry, mode: .readOnly).scalar(
      Int.self, "SELECT count(*) FROM schema_migration")
    let db = try Connection(path: space.registry, mode: .readOnly)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM schema_migration") == migrations)
    #expect(try db.scalar(Int.self, "SELECT count(DISTINCT version) FROM schema_migration") == migrations)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM history WHERE action = 'init'") == 1)
  }
}

@Suite struct MissingRegistryTests {
  @Test(arguments: [["check"], ["backup", "copy.sqlite"]])
  func aCommandOtherThanInitOnAMissingPathFailsAndCreatesNothing(_ arguments: [String]) throws {
    let space = Workspace()
    let missing = space.file("typo.sqlite")
    let result = try space.run(arguments + ["--db", missing])
    #expect(result.status == 66, "\(result)")
    #expect(result.stderr.contains("gongjian init"))
    #expect(result.stderr.contains(missing))
    #expect(!space.exists(missing))
    #expect(!space.exists("copy.sqlite"))
  }

  @Test func theDefaultRegistryIsNotCreatedByACheck() throws {
    let space = Workspace()
    let result = try space.run(["check"])
    #expect(result.status == 66, "\(result)")
    #expect(!space.exists("xdg/gongjian"))
  }

  @Test func anEmptyFileIsNotARegistry() throws {
    let space = Workspace()
    FileManager.default.createFile(atPath: space.registry, contents: Data())
    let result = try space.gongjian("check")
    #expect(result.status == 66, "\(result)")
    // The file, and how to make it a registry.
    #expect(result.stderr.contains("gongjian init --db \(space.registry)"), "\(result)")
    #expect(space.bytes(space.registry) == Data())
  }

  @Test func aRegistryFromANewerGongjianIsRefusedUntouched() throws {
    let space = Workspace()
    try space.initRegistry()
    let db = try Connection(path: space.registry)
    try db.execute("PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE)")
    let before = try space.dump()
    let result = try space.gongjian("backup", space.file("copy.sqlite"))
    #expect(result.status == 66, "\(result)")
    // The registry, its schema version, and the newest this gongjian knows (a new registry's).
    let fresh = Workspace()
    try fresh.initRegistry()
    let latest = try #require(
      try Connection(path: fresh.registry, mode: .readOnly).scalar(Int.self, "PRAGMA user_version"))
    #expect(hasLine(result.stderr, with: space.registry, "99", String(latest)), "\(result)")
    #expect(try space.dump() == before)
    // check still reports on it, as a problem.
    let check = try space.gongjian("check")
    #expect(check.status == 65, "\(check)")
    #expect(hasLine(check.stdout, with: "99", String(latest)), "\(check)")
  }

  @Test func aRegistryWithAnEditedMigrationIsRefused() throws {
    let space = Workspace()
    try space.initRegistry()
    let db = try Connection(path: space.registry)
    try db.execute("UPDATE schema_migration SET checksum = 'edited' WHERE version = 1")
    let result = try space.gongjian("backup", space.file("copy.sqlite"))
    #expect(result.status == 66, "\(result)")
    #expect(result.stderr.contains(space.registry) && result.stderr.contains("0001"), "\(result)")
  }
}

@Suite struct CheckCommandTests {
  @Test func aHealthyRegistryPasses() throws {
    let space = Workspace()
    try space.initRegistry()
    let result = try space.gongjian("check")
    #expect(result.status == 0, "\(result)")
    #expect(hasLine(result.stdout, with: "PRAGMA integrity_check", "ok"), "\(result)")
    #expect(result.stderr.isEmpty, "no problems: \(result)")
  }

  @Test func aBrokenForeignKeyIsReportedWithExit65() throws {
    let space = Workspace()
    try space.initRegistry()
    // Another tool, without foreign keys on, leaves a period pointing to no unit.
    let db = try Connection(path: space.registry)
    try db.execute("PRAGMA foreign_keys = OFF; INSERT INTO membership (unit_id, joined_on) VALUES (999, '2019-01-01')")
    let result = try space.gongjian("check")
    #expect(result.status == 65, "\(result)")
    // The table, the row and the table it points to.
    #expect(hasLine(result.stdout, with: "membership", "1", "unit"), "\(result)")
    #expect(hasLine(result.stderr, with: "1", space.registry), "one problem: \(result)")
  }

  @Test func aWorldReadableRegistryIsAWarningNotAFailure() throws {
    let space = Workspace()
    try space.initRegistry()
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: space.registry)
    let result = try space.gongjian("check")
    #expect(result.status == 0, "\(result)")
    // The mode it has, and the command that fixes it.
    #expect(hasLine(result.stdout, with: "0644", "chmod 600"), "\(result)")
  }
}

@Suite struct BackupCommandTests {
  @Test func backupWritesACheckedCopyWithTheRegistrysMode() throws {
    let space = Workspace()
    try space.initRegistry(["--subdistrict", "欧阳路街道"])
    let copy = space.file("copy.sqlite")
    let result = try space.gongjian("backup", copy)
    #expect(result.status == 0, "\(result)")
    #expect(try space.mode(copy) == 0o600)
    let db = try Connection(path: copy, mode: .readOnly)
    #expect(try db.scalar(String.self, "PRAGMA integrity_check") == "ok")
    #expect(try db.scalar(String.self, "SELECT subdistrict FROM registry") == "欧阳路街道")
    #expect(try db.scalar(Int.self, "PRAGMA application_id") == 0x474A_5247)
    // The copy is itself a registry gongjian opens.
    #expect(try space.run(["check", "--db", copy]).status == 0)
  }

  @Test func backupNeverOverwritesSilently() throws {
    let space = Workspace()
    try space.initRegistry()
    let copy = space.file("copy.sqlite")
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: copy))
    let refused = try space.gongjian("backup", copy)
    #expect(refused.status == 1, "\(refused)")
    #expect(refused.stderr.contains(copy) && refused.stderr.contains("--force"), "\(refused)")
    #expect(space.bytes(copy) == Data("keep me".utf8))
    let forced = try space.gongjian("backup", copy, "--force")
    #expect(forced.status == 0, "\(forced)")
    #expect(space.bytes(copy) != Data("keep me".utf8))
  }

  @Test func backupWhileAnotherProcessWritesGivesIntactCopies() async throws {
    let space = Workspace()
    try space.initRegistry()
    let path = space.registry
    // A writer in the background: many small transactions for as long as the backups run.
    let progress = SharedProgress()
    let writer = Task.detached {
      // A writer that fails stops too, so that the wait below ends and its error is reported.
      defer { progress.stop() }
      let db = try Connection(path: path)
      db.busyTimeoutMilliseconds = 5_000
      while !progress.isStopped {
        // One transaction, one batch of the history.
        let batch = 1_000 + progress.count
        try db.transaction {
          for _ in 0..<50 {
            try db.run(
              "INSERT INTO history (at, os_user, command, action, entity, summary, batch) "
                + "VALUES ('now', 'w', 'c', 'a', 'e', ?, ?)",
              String(repeating: "共建", count: 200), batch)
          }
        }
        progress.increment()
      }
    }
    while progress.count < 5, !progress.isStopped { try await Task.sleep(nanoseconds: 5_000_000) }
    if progress.isStopped {
      try await writer.value
      Issue.record("the writer stopped before the backups")
      return
    }
    for index in 0..<3 {
      let copy = space.file("copy-\(index).sqlite")
      let result = try space.gongjian("backup", copy)
      #expect(result.status == 0, "\(result)")
      let db = try Connection(path: copy, mode: .readOnly)
      #expect(try db.scalar(String.self, "PRAGMA integrity_check") == "ok")
      // A consistent snapshot holds whole transactions only.
      let rows = try db.scalar(Int.self, "SELECT count(*) FROM history WHERE action = 'a'") ?? -1
      #expect(rows % 50 == 0)
    }
    let during = progress.count
    progress.stop()
    try await writer.value
    #expect(during > 5)
  }
}

/// A counter one task increments and another reads, and a stop flag.
final class SharedProgress: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  private var stopped = false

  var count: Int { lock.withLock { value } }
  var isStopped: Bool { lock.withLock { stopped } }
  func increment() { lock.withLock { value += 1 } }
  func stop() { lock.withLock { stopped = true } }
}
