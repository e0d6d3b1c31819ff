import Foundation
import SQLite
import Testing

/// A scratch folder removed when the value goes away.
final class ScratchFolder {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "sqlite-tests-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { path + "/" + name }
}

@Suite struct BindingAndReading {
  let db: Connection

  init() throws {
    db = try Connection(path: ":memory:", mode: .memory)
    try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, anything ANY) STRICT")
  }

  @Test func integersRoundTripIncludingExtremes() throws {
    for value in [Int64.min, -1, 0, 1, Int64.max] {
      try db.run("DELETE FROM t")
      try db.run("INSERT INTO t (i) VALUES (?)", value)
      #expect(try db.scalar(Int64.self, "SELECT i FROM t") == value)
    }
    try db.run("DELETE FROM t")
    try db.run("INSERT INTO t (i) VALUES (?)", 42)
    #expect(try db.scalar(Int.self, "SELECT i FROM t") == 42)
    #expect(try db.scalar(Bool.self, "SELECT i <> 0 FROM t") == true)
  }

  @Test func realsRoundTripAndIntegersReadAsDouble() throws {
    try db.run("INSERT INTO t (r, i) VALUES (?, ?)", 2.5, 7)
    #expect(try db.scalar(Double.self, "SELECT r FROM t") == 2.5)
    #expect(try db.scalar(Double.self, "SELECT i FROM t") == 7.0)
  }

  @Test(arguments: [
    "", "plain ASCII", "复旦大学外文学院", "上海长远文化（集团）有限公司", "emoji 🇨🇳 and é", "quote ' and \" and \\",
    "nul\u{0}inside",
  ])
  func textRoundTrips(_ text: String) throws {
    try db.run("INSERT INTO t (s) VALUES (?)", text)
    let read = try db.scalar(String.self, "SELECT s FROM t")
    #expect(read == text)
    // The empty string is a string, not NULL.
    #expect(try db.scalar(Int.self, "SELECT s IS NULL FROM t") == 0)
    #expect(try db.scalar(Int.self, "SELECT length(CAST(s AS BLOB)) FROM t") == text.utf8.count)
  }

  @Test func largeTextRoundTrips() throws {
    let large = String(repeating: "区域化党建共建协议", count: 200_000)
    try db.run("INSERT INTO t (s) VALUES (?)", large)
    #expect(try db.scalar(String.self, "SELECT s FROM t") == large)
  }

  @Test func blobsRoundTripIncludingEmpty() throws {
    let bytes = Blob([0, 1, 2, 255])
    try db.run("INSERT INTO t (b) VALUES (?)", bytes)
    #expect(try db.scalar(Blob.self, "SELECT b FROM t") == bytes)
    try db.run("UPDATE t SET b = ?", Blob([]))
    #expect(try db.scalar(Blob.self, "SELECT b FROM t") == Blob([]))
    #expect(try db.scalar(Int.self, "SELECT b IS NULL FROM t") == 0)
  }

  @Test func nullReadsAsNilForEveryType() throws {
    try db.run("INSERT INTO t (i, r, s, b) VALUES (?, ?, ?, ?)", nil, nil, nil, nil)
    let statement = try db.prepare("SELECT i, r, s, b FROM t")
    #expect(try statement.step())
    #expect(try statement.column(0, as: Int.self) == nil)
    #expect(try statement.column(1, as: Double.self) == nil)
    #expect(try statement.column(2, as: String.self) == nil)
    #expect(try statement.column(3, as: Blob.self) == nil)
    #expect(statement.columnType(2) == .null)
  }

  @Test func aTypeMismatchThrowsInsteadOfConverting() throws {
    try db.run("INSERT INTO t (s, i) VALUES ('12', 12)")
    let statement = try db.prepare("SELECT s, i FROM t")
    #expect(try statement.step())
    let error = try #require(throws: SQLiteError.self) { try statement.column(0, as: Int.self) }
    #expect(error.message.contains("TEXT"))
    #expect(throws: SQLiteError.self) { try statement.column(1, as: String.self) }
    #expect(throws: SQLiteError.self) { try statement.required(1, as: Blob.self) }
  }

  @Test func requiredRefusesNull() throws {
    try db.run("INSERT INTO t (s) VALUES (NULL)")
    let statement = try db.prepare("SELECT s FROM t")
    #expect(try statement.step())
    #expect(throws: SQLiteError.self) { try statement.required(0, as: String.self) }
  }

  @Test func aWrongNumberOfArgumentsIsAnError() throws {
    #expect(throws: SQLiteError.self) { try db.run("INSERT INTO t (i, s) VALUES (?, ?)", 1) }
  }

  @Test func withTextGivesTheBytesWithoutAString() throws {
    try db.run("INSERT INTO t (s) VALUES (?)", "欧阳路")
    let statement = try db.prepare("SELECT s FROM t")
    #expect(try statement.step())
    let bytes = try statement.withText(0) { buffer in buffer.map(Array.init) }
    #expect(bytes == Array("欧阳路".utf8))
  }

  @Test func bindTextFromRawBytes() throws {
    let statement = try db.prepare("INSERT INTO t (s) VALUES (?)")
    let bytes = Array("虹口区".utf8)
    try bytes.withUnsafeBytes { try statement.bindText(utf8: $0, at: 1) }
    try statement.run()
    #expect(try db.scalar(String.self, "SELECT s FROM t") == "虹口区")
  }
}

@Suite struct Errors {
  @Test func anErrorCarriesCodeMessageAndSQL() throws {
    let db = try Connection(path: ":memory:", mode: .memory)
    let error = try #require(throws: SQLiteError.self) { try db.execute("SELECT * FROM no_such_table") }
    #expect(error.code == 1)  // SQLITE_ERROR
    #expect(error.message.contains("no such table: no_such_table"))
    #expect(error.sql == "SELECT * FROM no_such_table")
    #expect(error.description.contains("no_such_table"))
  }

  @Test func constraintFailuresHaveTheExtendedCode() throws {
    let db = try Connection(path: ":memory:", mode: .memory)
    try db.execute("CREATE TABLE u (k TEXT UNIQUE) STRICT; INSERT INTO u VALUES ('a')")
    let error = try #require(throws: SQLiteError.self) { try db.run("INSERT INTO u VALUES (?)", "a") }
    #expect(error.isConstraint)
    #expect(error.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
    #expect(error.message.contains("u.k"))
  }

  @Test func aTriggerRaiseIsRecognised() throws {
    let db = try Connection(path: ":memory:", mode: .memory)
    try db.execute(
      """
      CREATE TABLE p (x INTEGER) STRICT;
      CREATE TRIGGER no_negatives BEFORE INSERT ON p WHEN NEW.x < 0
      BEGIN SELECT RAISE(ABORT, 'x may not be negative'); END;
      """)
    let error = try #require(throws: SQLiteError.self) { try db.run("INSERT INTO p VALUES (-1)") }
    #expect(error.isTriggerRaise)
    #expect(error.message == "x may not be negative")
  }

  @Test func prepareRefusesASecondStatement() throws {
    let db = try Connection(path: ":memory:", mode: .memory)
    #expect(throws: SQLiteError.self) { try db.prepare("SELECT 1; SELECT 2") }
    // Trailing semicolons and spaces are fine.
    #expect(try db.prepare("SELECT 1;  \n").step())
  }

  @Test func openingAMissingFileWithoutCreateFails() throws {
    let folder = ScratchFolder()
    let error = try #require(throws: SQLiteError.self) {
      try Connection(path: folder.file("missing.sqlite"), mode: .readWrite)
    }
    #expect(error.isCannotOpen)
    #expect(!FileManager.default.fileExists(atPath: folder.file("missing.sqlite")))
  }
}

@Suite struct Scripts {
  @Test func executeRunsEveryStatementOfAScript() throws {
    let db = try Connection(path: ":memory:", mode: .memory)
    try db.execute(
      """
      -- a comment first
      CREATE TABLE a (x INTEGER) STRICT;
      INSERT INTO a VALUES (1);
      INSERT INTO a VALUES (2); /* a comment between */ INSERT INTO a VALUES (3);
      -- and a comment at the end
      """)
    #expect(try db.scalar(Int.self, "SELECT sum(x) FROM a") == 6)
  }

  @Test func aFailingStatementStopsTheScriptAndNamesItself() throws {
    let db = try Connection(path: ":memory:", mode: .memory)
    let error = try #require(throws: SQLiteError.self) {
      try db.execute("CREATE TABLE a (x INTEGER) STRICT; INSERT INTO a VALUES ('text'); INSERT INTO a VALUES (9)")
    }
    #expect(error.sql?.contains("'text'") == true)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM a") == 0)
  }
}

@Suite struct Transactions {
  @Test func aThrowInsideRollsBackAndRethrows() throws {
    struct Boom: Error {}
    let db = try Connection(path: ":memory:", mode: .memory)
    try db.execute("CREATE TABLE a (x INTEGER) STRICT")
    #expect(throws: Boom.self) {
      try db.transaction {
        try db.run("INSERT INTO a VALUES (1)")
        throw Boom()
      }
    }
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM a") == 0)
    #expect(db.isAutocommit)
  }

  @Test func aReturnCommits() throws {
    let db = try Connection(path: ":memory:", mode: .memory)
    try db.execute("CREATE TABLE a (x INTEGER) STRICT")
    let value = try db.transaction { () throws -> Int in
      try db.run("INSERT INTO a VALUES (5)")
      return 5
    }
    #expect(value == 5)
    #expect(try db.scalar(Int.self, "SELECT x FROM a") == 5)
  }

  @Test func aFailedStatementInsideRollsBackEverything() throws {
    let db = try Connection(path: ":memory:", mode: .memory)
    try db.execute("CREATE TABLE a (x INTEGER NOT NULL) STRICT")
    #expect(throws: SQLiteError.self) {
      try db.transaction {
        try db.run("INSERT INTO a VALUES (1)")
        try db.run("INSERT INTO a VALUES (NULL)")
      }
    }
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM a") == 0)
  }
}

@Suite struct BusyHandling {
  /// Holds the write lock of `path` from another thread for `seconds`.
  private func holdWriteLock(_ path: String, for seconds: Double) -> DispatchSemaphore {
    let locked = DispatchSemaphore(value: 0)
    let released = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      do {
        let other = try Connection(path: path)
        try other.execute("BEGIN IMMEDIATE; INSERT INTO a VALUES (100)")
        locked.signal()
        Thread.sleep(forTimeInterval: seconds)
        try other.execute("COMMIT")
      } catch {
        locked.signal()
      }
      released.signal()
    }
    locked.wait()
    return released
  }

  private func makeDatabase(_ folder: ScratchFolder) throws -> String {
    let path = folder.file("busy.sqlite")
    let db = try Connection(path: path, mode: .create)
    try db.execute("PRAGMA journal_mode = WAL; CREATE TABLE a (x INTEGER) STRICT")
    return path
  }

  @Test func aWriterWaitsForAnotherWritersLockThenSucceeds() throws {
    let folder = ScratchFolder()
    let path = try makeDatabase(folder)
    let released = holdWriteLock(path, for: 0.3)
    let db = try Connection(path: path)
    db.busyTimeoutMilliseconds = 5_000
    let start = Date()
    try db.transaction { try db.run("INSERT INTO a VALUES (1)") }
    #expect(Date().timeIntervalSince(start) >= 0.2)
    released.wait()
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM a") == 2)
  }

  @Test func aWriterGivesUpWithBusyAfterTheTimeout() throws {
    let folder = ScratchFolder()
    let path = try makeDatabase(folder)
    let released = holdWriteLock(path, for: 1.5)
    let db = try Connection(path: path)
    db.busyTimeoutMilliseconds = 300
    let start = Date()
    let error = try #require(throws: SQLiteError.self) {
      try db.transaction { try db.run("INSERT INTO a VALUES (1)") }
    }
    let waited = Date().timeIntervalSince(start)
    #expect(error.isBusy)
    #expect(waited >= 0.25 && waited < 1.4)
    released.wait()
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM a") == 1)
  }

  @Test func readersAreNotBlockedByAWriterInWAL() throws {
    let folder = ScratchFolder()
    let path = try makeDatabase(folder)
    let released = holdWriteLock(path, for: 0.5)
    let db = try Connection(path: path)
    db.busyTimeoutMilliseconds = 100
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM a") == 0)
    released.wait()
  }
}
