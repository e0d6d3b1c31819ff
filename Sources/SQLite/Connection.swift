internal import CSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One connection to an SQLite database. Closed in `deinit`, so a connection cannot leak.
///
/// Not `Sendable`: a connection is used by one thread at a time, the thread that made it.
public final class Connection {
  /// How to open the file.
  public enum OpenMode: Sendable {
    /// Open an existing file for reading and writing (read-only if the file is write-protected).
    case readWrite
    /// Open an existing file for reading only.
    case readOnly
    /// Read the file as it is on disk, for a file nobody writes meanwhile: no locks, no `-wal`
    /// or `-shm` read or created (SQLite's `immutable=1`). The caller decides when that holds.
    case immutable
    /// Create the file if it is missing. Only the registry's `init` uses this.
    case create
    /// A private in-memory database (tests).
    case memory
  }

  let handle: OpaquePointer
  private let busy: BusyState
  /// The path the connection was opened with.
  public let path: String

  /// Opens `path`. Never follows a path that would create a file unless `mode` is `.create`.
  public init(path: String, mode: OpenMode = .readWrite) throws {
    var flags: Int32 = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    switch mode {
    case .readWrite: flags |= SQLITE_OPEN_READWRITE
    case .readOnly: flags |= SQLITE_OPEN_READONLY
    case .immutable: flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
    case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    case .memory: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY
    }
    var db: OpaquePointer?
    let name: String
    switch mode {
    case .memory: name = ":memory:"
    case .immutable: name = Connection.fileURI(path) + "?immutable=1"
    default: name = path
    }
    let rc = sqlite3_open_v2(name, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      // A failed open still allocates a handle (unless out of memory), which must be closed.
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      let code = db.map { sqlite3_extended_errcode($0) } ?? rc
      sqlite3_close_v2(db)
      throw SQLiteError(extendedCode: code, message: message)
    }
    handle = db
    self.path = path
    busy = BusyState()
    sqlite3_extended_result_codes(db, 1)
    // Defensive mode stops SQL from corrupting the file on purpose (writable_schema and the like).
    _ = gongjian_sqlite_enable_defensive(db)
    // "double-quoted" string literals silently become strings when a column name is misspelt.
    _ = gongjian_sqlite_disable_double_quoted_strings(db)
    installBusyHandler()
  }

  deinit {
    sqlite3_close_v2(handle)
  }

  /// `path` as a `file:` URI: every byte but unreserved ones and `/` percent-encoded, so a
  /// `?`, `#` or `%` in a folder name stays part of the path. A relative path stays relative.
  static func fileURI(_ path: String) -> String {
    var uri = "file:"
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        uri.unicodeScalars.append(UnicodeScalar(byte))
      default:
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        uri.unicodeScalars.append("%")
        uri.unicodeScalars.append(hex[Int(byte >> 4)])
        uri.unicodeScalars.append(hex[Int(byte & 15)])
      }
    }
    // "file://host/…" would read a host name: an absolute path needs an empty authority.
    return path.hasPrefix("//") ? "file://" + uri.dropFirst(5) : uri
  }

  // MARK: - Running SQL

  /// Prepares one statement. Trailing text after the first statement is an error, so a
  /// caller cannot lose a second statement by accident; use `execute(_:)` for scripts.
  public func prepare(_ sql: String) throws -> Statement {
    var stmt: OpaquePointer?
    var tailOffset = 0
    let rc = sql.withCString { base -> Int32 in
      var tail: UnsafePointer<CChar>?
      let rc = sqlite3_prepare_v3(handle, base, -1, 0, &stmt, &tail)
      if let tail { tailOffset = base.distance(to: tail) }
      return rc
    }
    guard rc == SQLITE_OK, let stmt else {
      let error = lastError(sql: sql, fallback: rc)
      sqlite3_finalize(stmt)
      if rc == SQLITE_OK {
        throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "no SQL statement", sql: sql)
      }
      throw error
    }
    let rest = sql.utf8.dropFirst(tailOffset)
    if rest.contains(where: { !Connection.isSpaceOrSemicolon($0) }) {
      sqlite3_finalize(stmt)
      throw SQLiteError(
        extendedCode: SQLITE_MISUSE, message: "more than one statement; use execute(_:) for scripts",
        sql: sql)
    }
    return Statement(connection: self, handle: stmt, sql: sql)
  }

  private static func isSpaceOrSemicolon(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x3B
  }

  /// Runs every statement in `sql`, in order, stopping at the first failure.
  /// (`sqlite3_prepare_v2` compiles only the first statement of a string; this walks the tail.)
  public func execute(_ sql: String) throws {
    try sql.withCString { base in
      var cursor: UnsafePointer<CChar>? = base
      while let current = cursor, current.pointee != 0 {
        var stmt: OpaquePointer?
        var next: UnsafePointer<CChar>?
        let rc = sqlite3_prepare_v2(handle, current, -1, &stmt, &next)
        let statementText = Connection.text(from: current, to: next)
        guard rc == SQLITE_OK else {
          sqlite3_finalize(stmt)
          throw lastError(sql: statementText, fallback: rc)
        }
        cursor = next
        // A tail of only whitespace or comments compiles to no statement.
        guard let stmt else { continue }
        var step = sqlite3_step(stmt)
        while step == SQLITE_ROW { step = sqlite3_step(stmt) }
        if step != SQLITE_DONE {
          let error = lastError(sql: statementText, fallback: step)
          sqlite3_finalize(stmt)
          throw error
        }
        sqlite3_finalize(stmt)
      }
    }
  }

  private static func text(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>?) -> String {
    let count = end.map { start.distance(to: $0) } ?? strlen(start)
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    return String(decoding: bytes, as: UTF8.self).trimmingSpaces()
  }

  /// Runs one statement with arguments, discarding any rows.
  public func run(_ sql: String, _ arguments: (any SQLiteBindable)?...) throws {
    try run(sql, arguments: arguments)
  }

  /// Runs one statement with an array of arguments, discarding any rows.
  public func run(_ sql: String, arguments: [(any SQLiteBindable)?]) throws {
    let statement = try prepare(sql)
    try statement.bind(arguments)
    try statement.run()
  }

  /// The first column of the first row, or nil when there is no row or the value is NULL.
  public func scalar<T: SQLiteColumnReadable>(
    _ type: T.Type, _ sql: String, _ arguments: (any SQLiteBindable)?...
  ) throws -> T? {
    let statement = try prepare(sql)
    try statement.bind(arguments)
    guard try statement.step() else { return nil }
    return try statement.column(0, as: type)
  }

  // MARK: - State

  /// Rows changed by the most recent INSERT, UPDATE or DELETE.
  public var changes: Int { Int(sqlite3_changes64(handle)) }
  /// Rowid of the most recent successful INSERT on this connection.
  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
  /// True outside an explicit transaction.
  public var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }
  /// True when the connection cannot write (opened read-only, or the file is write-protected).
  public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }
  /// The version of the SQLite library in use.
  public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

  // MARK: - Transactions

  public enum TransactionKind: String, Sendable {
    /// Takes the write lock at BEGIN, so the transaction can never fail half-way to get it.
    case immediate = "IMMEDIATE"
    /// Takes locks lazily; for read-only snapshots.
    case deferred = "DEFERRED"
  }

  /// Runs `body` in a transaction: commits when it returns, rolls back when it throws
  /// (or when COMMIT itself fails), and rethrows.
  public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
    try begin(kind)
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      if !isAutocommit { try? execute("ROLLBACK") }
      throw error
    }
  }

  /// BEGIN, retried with jitter while another process holds the write lock.
  ///
  /// The busy handler already waits inside SQLite, but some busy answers come back without
  /// consulting it (a WAL file being recovered, for one). Those are retried here with a random
  /// pause, so that several waiting processes do not wake in lockstep, until the timeout.
  private func begin(_ kind: TransactionKind) throws {
    let sql = "BEGIN \(kind.rawValue)"
    let deadline = MonotonicClock.now() + busy.timeoutNanoseconds
    while true {
      do {
        try execute(sql)
        return
      } catch let error as SQLiteError where error.isBusy && MonotonicClock.now() < deadline {
        MonotonicClock.sleep(nanoseconds: UInt64.random(in: 2_000_000...25_000_000))
      }
    }
  }

  // MARK: - Busy handling

  /// How long a statement waits for another process's lock before giving up with SQLITE_BUSY.
  public var busyTimeoutMilliseconds: Int {
    get { Int(busy.timeoutNanoseconds / 1_000_000) }
    set { busy.timeoutNanoseconds = UInt64(max(0, newValue)) * 1_000_000 }
  }

  private func installBusyHandler() {
    let context = Unmanaged.passUnretained(busy).toOpaque()
    sqlite3_busy_handler(
      handle,
      { context, attempt in
        guard let context else { return 0 }
        let state = Unmanaged<BusyState>.fromOpaque(context).takeUnretainedValue()
        return state.shouldRetry(attempt: attempt) ? 1 : 0
      }, context)
  }

  // MARK: - Errors

  func lastError(sql: String?, fallback: Int32) -> SQLiteError {
    let code = sqlite3_extended_errcode(handle)
    let message = String(cString: sqlite3_errmsg(handle))
    return SQLiteError(extendedCode: code == SQLITE_OK ? fallback : code, message: message, sql: sql)
  }

  func check(_ rc: Int32, sql: String?) throws {
    if rc != SQLITE_OK { throw lastError(sql: sql, fallback: rc) }
  }
}

@available(*, unavailable)
extension Connection: Sendable {}

/// The busy handler's state: when the current wait began and how long it may last.
/// SQLite's default handler sleeps on a fixed schedule, so processes that collide keep
/// colliding; random pauses spread them out.
final class BusyState {
  var timeoutNanoseconds: UInt64 = 5_000_000_000
  private var waitStarted: UInt64 = 0

  func shouldRetry(attempt: Int32) -> Bool {
    let now = MonotonicClock.now()
    if attempt == 0 { waitStarted = now }
    if now - waitStarted >= timeoutNanoseconds { return false }
    // 1 ms, growing to at most 32 ms, each pause a random fraction of its cap.
    let capMilliseconds = UInt64(1) << UInt64(min(max(attempt, 0), 5))
    MonotonicClock.sleep(nanoseconds: UInt64.random(in: 500_000...(capMilliseconds * 1_000_000)))
    return true
  }
}

enum MonotonicClock {
  static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  static func sleep(nanoseconds: UInt64) {
    var request = timespec(
      tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
  }
}

extension String {
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
