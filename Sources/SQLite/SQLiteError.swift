internal import CSQLite

/// Every failure the SQLite layer reports: SQLite's extended result code, the message
/// `sqlite3_errmsg` gave at the time (it names the table or constraint, unlike `sqlite3_errstr`),
/// and the SQL that was running, so a bug report says exactly what failed.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
  /// The extended result code (extended codes are switched on at open).
  public let extendedCode: Int32
  /// What SQLite said.
  public let message: String
  /// The statement that failed, when there was one.
  public let sql: String?

  public init(extendedCode: Int32, message: String, sql: String? = nil) {
    self.extendedCode = extendedCode
    self.message = message
    self.sql = sql
  }

  /// The primary result code: the low byte of the extended code.
  public var code: Int32 { extendedCode & 0xFF }

  public var description: String {
    var text = "SQLite error \(extendedCode): \(message)"
    if let sql { text += " (while running: \(sql))" }
    return text
  }

  /// Another writer held the registry past the busy timeout.
  public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
  /// The disk (or a file size limit) is full. `SQLITE_IOERR_WRITE` is what a failed write(2)
  /// with ENOSPC or EFBIG usually surfaces as, so it counts too; so does `SQLITE_IOERR_SHMSIZE`,
  /// which is what the first opener gets when the disk has no room left for the WAL index
  /// (the `-shm` file SQLite extends to 32 KB by writing to it).
  public var isDiskFull: Bool {
    code == SQLITE_FULL || extendedCode == Self.ioErrWrite || extendedCode == Self.ioErrFsync
      || extendedCode == Self.ioErrTruncate || extendedCode == Self.ioErrShmSize
  }
  /// The database or its folder cannot be written.
  public var isReadOnly: Bool { code == SQLITE_READONLY }
  /// Any other input/output failure.
  public var isIOError: Bool { code == SQLITE_IOERR }
  /// The file is not a database or is damaged.
  public var isCorrupt: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }
  /// A constraint (UNIQUE, CHECK, FOREIGN KEY, NOT NULL, or a trigger's RAISE) refused the change.
  public var isConstraint: Bool { code == SQLITE_CONSTRAINT }
  /// The file could not be opened at all.
  public var isCannotOpen: Bool { code == SQLITE_CANTOPEN }
  /// A UNIQUE or PRIMARY KEY constraint refused a duplicate.
  public var isUniqueViolation: Bool {
    extendedCode == Self.constraintUnique || extendedCode == Self.constraintPrimaryKey
  }
  /// A `RAISE(ABORT, …)` in a trigger: the message is the schema's own explanation.
  public var isTriggerRaise: Bool { extendedCode == Self.constraintTrigger }

  // Extended result codes are `#define`s built with `|`, which Swift does not import.
  // Values from sqlite3.h: primary code | (n << 8).
  static let ioErrWrite: Int32 = SQLITE_IOERR | (3 << 8)
  static let ioErrFsync: Int32 = SQLITE_IOERR | (4 << 8)
  static let ioErrTruncate: Int32 = SQLITE_IOERR | (6 << 8)
  static let ioErrShmSize: Int32 = SQLITE_IOERR | (19 << 8)
  static let constraintTrigger: Int32 = SQLITE_CONSTRAINT | (7 << 8)
  static let constraintPrimaryKey: Int32 = SQLITE_CONSTRAINT | (6 << 8)
  static let constraintUnique: Int32 = SQLITE_CONSTRAINT | (8 << 8)

  /// A value read from a column did not have the type the caller asked for. Not one of
  /// SQLite's own codes: SQLite would convert silently, which hides bugs.
  public static let typeMismatchCode: Int32 = SQLITE_MISMATCH
}
