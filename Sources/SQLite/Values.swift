internal import CSQLite

/// A Swift value that can be bound to a statement parameter.
public protocol SQLiteBindable {
  /// Binds self and returns SQLite's result code. Called by `Statement.bind`, which checks it.
  func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

/// A Swift value that can be read from a result column.
public protocol SQLiteColumnReadable {
  /// Returns nil when the storage class does not fit the type.
  static func read(from statement: OpaquePointer, at index: Int32, storage: SQLiteStorageClass) -> Self?
}

extension Int64: SQLiteBindable, SQLiteColumnReadable {
  public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
    sqlite3_bind_int64(statement, index, self)
  }

  public static func read(from statement: OpaquePointer, at index: Int32, storage: SQLiteStorageClass) -> Int64? {
    storage == .integer ? sqlite3_column_int64(statement, index) : nil
  }
}

extension Int: SQLiteBindable, SQLiteColumnReadable {
  public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
    sqlite3_bind_int64(statement, index, Int64(self))
  }

  public static func read(from statement: OpaquePointer, at index: Int32, storage: SQLiteStorageClass) -> Int? {
    storage == .integer ? Int(sqlite3_column_int64(statement, index)) : nil
  }
}

extension Bool: SQLiteBindable, SQLiteColumnReadable {
  public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
    sqlite3_bind_int64(statement, index, self ? 1 : 0)
  }

  public static func read(from statement: OpaquePointer, at index: Int32, storage: SQLiteStorageClass) -> Bool? {
    storage == .integer ? sqlite3_column_int64(statement, index) != 0 : nil
  }
}

extension Double: SQLiteBindable, SQLiteColumnReadable {
  public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
    sqlite3_bind_double(statement, index, self)
  }

  /// An INTEGER column reads as a Double too: that conversion loses nothing a caller cares for.
  public static func read(from statement: OpaquePointer, at index: Int32, storage: SQLiteStorageClass) -> Double? {
    storage == .real || storage == .integer ? sqlite3_column_double(statement, index) : nil
  }
}

extension String: SQLiteBindable, SQLiteColumnReadable {

  public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
    var copy = self
    return copy.withUTF8 { bytes in
      // An empty string may have no buffer; a null pointer would bind NULL, not ''.
      guard let base = bytes.baseAddress, !bytes.isEmpty else {
        return sqlite3_bind_text(statement, index, "", 0, gongjian_sqlite_transient())
      }
      return sqlite3_bind_text64(
        statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
        sqlite3_uint64(bytes.count), gongjian_sqlite_transient(), UInt8(SQLITE_UTF8))
    }
  }

  public static func read(from statement: OpaquePointer, at index: Int32, storage: SQLiteStorageClass) -> String? {
    guard storage == .text else { return nil }
    let count = Int(sqlite3_column_bytes(statement, index))
    guard let base = sqlite3_column_text(statement, index) else { return "" }
    return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
  }
}

/// A BLOB value.
public struct Blob: Equatable, Sendable, SQLiteBindable, SQLiteColumnReadable {
  public var bytes: [UInt8]

  public init(_ bytes: [UInt8]) { self.bytes = bytes }

  public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
    bytes.withUnsafeBytes { buffer in
      // A zero-length blob is still a blob, not NULL: SQLite needs a non-null pointer for that.
      sqlite3_bind_blob64(
        statement, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), sqlite3_uint64(buffer.count),
        gongjian_sqlite_transient())
    }
  }

  public static func read(from statement: OpaquePointer, at index: Int32, storage: SQLiteStorageClass) -> Blob? {
    guard storage == .blob else { return nil }
    let count = Int(sqlite3_column_bytes(statement, index))
    guard count > 0, let base = sqlite3_column_blob(statement, index) else { return Blob([]) }
    return Blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
  }
}
