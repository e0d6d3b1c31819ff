internal import CSQLite

/// A prepared statement, finalized in `deinit`, so it cannot leak.
///
/// Parameters are numbered from 1 as in SQLite; result columns from 0.
public final class Statement {
  let handle: OpaquePointer
  /// The connection is kept alive for as long as its statements.
  private let connection: Connection
  /// The SQL text, for error messages.
  public let sql: String

  /// Text staged for `runStaged()`.
  private var pending = StagedTexts()

  init(connection: Connection, handle: OpaquePointer, sql: String) {
    self.connection = connection
    self.handle = handle
    self.sql = sql
  }

  deinit {
    sqlite3_finalize(handle)
  }

  // MARK: - Binding

  /// Number of parameters the statement expects.
  public var parameterCount: Int32 { sqlite3_bind_parameter_count(handle) }

  /// Binds `value` (nil is NULL) to parameter `index` (1-based).
  public func bind(_ value: (any SQLiteBindable)?, at index: Int32) throws {
    let rc: Int32
    if let value {
      rc = value.bind(to: handle, at: index)
    } else {
      rc = sqlite3_bind_null(handle, index)
    }
    try connection.check(rc, sql: sql)
  }

  /// Binds text, or NULL for nil, without boxing the value (the hot paths bind this way).
  public func bind(_ text: String?, at index: Int32) throws {
    let rc = text.map { $0.bind(to: handle, at: index) } ?? sqlite3_bind_null(handle, index)
    try connection.check(rc, sql: sql)
  }

  /// Binds an integer without boxing it.
  public func bind(_ number: Int, at index: Int32) throws {
    try connection.check(sqlite3_bind_int64(handle, index, Int64(number)), sql: sql)
  }

  // MARK: - Staged binding (the import's hot path)

  /// Stages `text` for parameter `index`, to be bound by `runStaged()` (see `StagedTexts`).
  /// nil binds NULL. Integers are bound directly with `bind(_:at:)`.
  public func stage(_ text: String?, at index: Int32) throws {
    pending.stage(text, at: index)
  }

  /// Binds the staged texts by pointer, runs the statement, then resets it and clears every
  /// binding, so no pointer into the buffer outlives the run.
  public func runStaged() throws {
    defer { pending.removeAll() }
    try run(pending)
  }

  /// Binds `texts` by pointer (SQLITE_STATIC: SQLite neither copies nor frees them), runs the
  /// statement, then resets it and clears every binding, so no pointer outlives the run.
  /// Parameters bound before with `bind(_:at:)` take part.
  public func run(_ texts: StagedTexts) throws {
    defer {
      sqlite3_reset(handle)
      sqlite3_clear_bindings(handle)
    }
    try texts.arena.withUnsafeBytes { bytes in
      for value in texts.entries {
        let rc: Int32
        if value.offset < 0 {
          rc = sqlite3_bind_null(handle, value.index)
        } else {
          let text = (bytes.baseAddress! + Int(value.offset)).assumingMemoryBound(to: CChar.self)
          rc =
            value.count < 0
            ? sqlite3_bind_text(handle, value.index, text, -1, nil)
            : sqlite3_bind_text64(handle, value.index, text, sqlite3_uint64(value.count), nil, UInt8(SQLITE_UTF8))
        }
        try connection.check(rc, sql: sql)
      }
      while try step() {}
    }
  }

  /// Binds every value in order, starting at parameter 1. The count must match.
  public func bind(_ values: [(any SQLiteBindable)?]) throws {
    guard values.count == Int(parameterCount) else {
      throw SQLiteError(
        extendedCode: SQLITE_RANGE,
        message: "the statement has \(parameterCount) parameters, \(values.count) values were given",
        sql: sql)
    }
    for (offset, value) in values.enumerated() {
      try bind(value, at: Int32(offset + 1))
    }
  }

  /// Binds UTF-8 bytes as TEXT without building a String (import's hot path).
  /// SQLite copies them (SQLITE_TRANSIENT), so the buffer may change after the call.
  public func bindText(utf8 bytes: UnsafeRawBufferPointer, at index: Int32) throws {
    let rc: Int32
    if let base = bytes.baseAddress {
      rc = sqlite3_bind_text64(
        handle, index, base.assumingMemoryBound(to: CChar.self), sqlite3_uint64(bytes.count),
        gongjian_sqlite_transient(), UInt8(SQLITE_UTF8))
    } else {
      rc = sqlite3_bind_text(handle, index, "", 0, gongjian_sqlite_transient())
    }
    try connection.check(rc, sql: sql)
  }

  /// Sets every parameter back to NULL.
  public func clearBindings() {
    sqlite3_clear_bindings(handle)
  }

  // MARK: - Stepping

  /// Advances to the next row. Returns false when there are no more rows.
  @discardableResult
  public func step() throws -> Bool {
    let rc = sqlite3_step(handle)
    switch rc {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let error = connection.lastError(sql: sql, fallback: rc)
      // Reset so the statement does not keep the failed state (or a read lock) around.
      sqlite3_reset(handle)
      throw error
    }
  }

  /// Runs the statement to completion, discarding rows, then resets it for reuse.
  public func run() throws {
    while try step() {}
    sqlite3_reset(handle)
  }

  /// Makes the statement ready to run again; bindings are kept.
  public func reset() {
    sqlite3_reset(handle)
  }

  // MARK: - Columns

  public var columnCount: Int32 { sqlite3_column_count(handle) }

  public func columnName(_ index: Int32) -> String {
    sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
  }

  /// The storage class of a column in the current row.
  public func columnType(_ index: Int32) -> SQLiteStorageClass {
    switch sqlite3_column_type(handle, index) {
    case SQLITE_INTEGER: return .integer
    case SQLITE_FLOAT: return .real
    case SQLITE_TEXT: return .text
    case SQLITE_BLOB: return .blob
    default: return .null
    }
  }

  /// Reads column `index` of the current row. NULL is nil; a value of another storage class
  /// throws instead of being converted the way SQLite would.
  public func column<T: SQLiteColumnReadable>(_ index: Int32, as type: T.Type = T.self) throws -> T? {
    let storage = columnType(index)
    if storage == .null { return nil }
    guard let value = T.read(from: handle, at: index, storage: storage) else {
      throw SQLiteError(
        extendedCode: SQLiteError.typeMismatchCode,
        message: "column \(index) (\(columnName(index))) holds \(storage), not \(T.self)",
        sql: sql)
    }
    return value
  }

  /// Reads a column that must not be NULL.
  public func required<T: SQLiteColumnReadable>(_ index: Int32, as type: T.Type = T.self) throws -> T {
    guard let value = try column(index, as: type) else {
      throw SQLiteError(
        extendedCode: SQLiteError.typeMismatchCode,
        message: "column \(index) (\(columnName(index))) is NULL, \(T.self) was expected",
        sql: sql)
    }
    return value
  }

  // MARK: - Columns of the common types

  // The same answers as the generic `column(_:as:)` and `required(_:as:)`, for the types every
  // query reads, called directly: through the generic function each value costs a look-up of
  // `Optional<T>`'s type metadata, which was a sixth of a large report's time.

  public func column(_ index: Int32, as type: Int.Type = Int.self) throws -> Int? {
    switch columnType(index) {
    case .null: return nil
    case .integer: return Int(sqlite3_column_int64(handle, index))
    case let storage: throw mismatch(index, storage, type)
    }
  }

  public func column(_ index: Int32, as type: Int64.Type = Int64.self) throws -> Int64? {
    switch columnType(index) {
    case .null: return nil
    case .integer: return sqlite3_column_int64(handle, index)
    case let storage: throw mismatch(index, storage, type)
    }
  }

  public func column(_ index: Int32, as type: Double.Type = Double.self) throws -> Double? {
    switch columnType(index) {
    case .null: return nil
    case .real, .integer: return sqlite3_column_double(handle, index)
    case let storage: throw mismatch(index, storage, type)
    }
  }

  public func column(_ index: Int32, as type: String.Type = String.self) throws -> String? {
    switch columnType(index) {
    case .null: return nil
    case .text: return String.read(from: handle, at: index, storage: .text)
    case let storage: throw mismatch(index, storage, type)
    }
  }

  public func required(_ index: Int32, as type: Int.Type = Int.self) throws -> Int {
    guard let value = try column(index, as: type) else { throw missing(index, type) }
    return value
  }

  public func required(_ index: Int32, as type: Int64.Type = Int64.self) throws -> Int64 {
    guard let value = try column(index, as: type) else { throw missing(index, type) }
    return value
  }

  public func required(_ index: Int32, as type: Double.Type = Double.self) throws -> Double {
    guard let value = try column(index, as: type) else { throw missing(index, type) }
    return value
  }

  public func required(_ index: Int32, as type: String.Type = String.self) throws -> String {
    guard let value = try column(index, as: type) else { throw missing(index, type) }
    return value
  }

  private func mismatch(_ index: Int32, _ storage: SQLiteStorageClass, _ type: Any.Type) -> SQLiteError {
    SQLiteError(
      extendedCode: SQLiteError.typeMismatchCode,
      message: "column \(index) (\(columnName(index))) holds \(storage), not \(type)", sql: sql)
  }

  private func missing(_ index: Int32, _ type: Any.Type) -> SQLiteError {
    SQLiteError(
      extendedCode: SQLiteError.typeMismatchCode,
      message: "column \(index) (\(columnName(index))) is NULL, \(type) was expected", sql: sql)
  }

  /// Calls `body` with the UTF-8 bytes of a TEXT column without making a String (export's
  /// hot path). The bytes are valid only inside `body`. NULL gives nil.
  public func withText<R>(_ index: Int32, _ body: (UnsafeRawBufferPointer?) throws -> R) throws -> R {
    let storage = columnType(index)
    switch storage {
    case .null:
      return try body(nil)
    case .text:
      let count = Int(sqlite3_column_bytes(handle, index))
      let base = sqlite3_column_text(handle, index)
      return try body(UnsafeRawBufferPointer(start: base, count: count))
    default:
      throw SQLiteError(
        extendedCode: SQLiteError.typeMismatchCode,
        message: "column \(index) (\(columnName(index))) holds \(storage), not text", sql: sql)
    }
  }
}

@available(*, unavailable)
extension Statement: Sendable {}

/// SQLite's five storage classes.
public enum SQLiteStorageClass: String, Sendable, CustomStringConvertible {
  case null = "NULL"
  case integer = "INTEGER"
  case real = "REAL"
  case text = "TEXT"
  case blob = "BLOB"

  public var description: String { rawValue }
}

/// Texts for a statement's parameters, copied one after another into one buffer, each
/// followed by a NUL, to be bound by pointer (`Statement.run(_:)`): SQLITE_STATIC instead of
/// SQLITE_TRANSIENT saves a malloc, a copy and a free per value, and NUL-terminated text
/// need not be copied again for the schema's CHECKs (`length`, `date`). A value, so that texts
/// can be staged on another thread than the one that runs the statement.
public struct StagedTexts: Sendable {
  /// The bytes of every text, each followed by a NUL.
  fileprivate var arena: [UInt8] = []
  /// Each parameter: where its text starts (-1: NULL) and its length (-1 when it holds no NUL
  /// of its own and is bound as NUL-terminated).
  fileprivate var entries: [(index: Int32, offset: Int32, count: Int32)] = []

  public init() {}

  /// Stages `text` (nil is NULL) for parameter `index` (1-based).
  public mutating func stage(_ text: String?, at index: Int32) {
    guard var text else {
      entries.append((index, -1, -1))
      return
    }
    let offset = Int32(arena.count)
    let count = text.withUTF8 { bytes in
      arena.append(contentsOf: bytes)
      // A text with a NUL of its own is bound by its length.
      return bytes.contains(0) ? Int32(bytes.count) : -1
    }
    arena.append(0)
    entries.append((index, offset, count))
  }

  mutating func removeAll() {
    arena.removeAll(keepingCapacity: true)
    entries.removeAll(keepingCapacity: true)
  }
}
