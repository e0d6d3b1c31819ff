import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who made a change and with which command, for the history (SPEC §3).
public struct ChangeContext: Sendable {
  public var osUser: String
  public var command: String

  public init(osUser: String, command: String) {
    self.osUser = osUser
    self.command = command
  }

  /// The current OS user and the command line as typed.
  public static func current(arguments: [String], environment: [String: String]) -> ChangeContext {
    var user = environment["USER"] ?? ""
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
      user = String(cString: name)
    }
    if user.isEmpty { user = "uid \(geteuid())" }
    let command = (["gongjian"] + arguments.dropFirst()).map(RegistryFile.shellQuoted).joined(separator: " ")
    return ChangeContext(osUser: user, command: command)
  }
}

/// An open registry: the one door to the data. Every query and rule of the domain is a
/// method here (see the `Registry+*.swift` files); nothing above it sees SQL.
///
/// Not `Sendable`: one registry, one thread.
public final class Registry {
  let db: Connection
  /// The file's path.
  public let path: String
  /// What "today" means for this run: `--today`, `$GONGJIAN_TODAY` or the calendar.
  public let today: Day
  let context: ChangeContext
  /// Prepared statements of the hot paths (import), kept for the connection's life.
  private var statementCache: [String: Statement] = [:]

  /// Whether a command reads only or also writes. A write command on a write-protected file
  /// is refused up front with a clear message instead of failing half-way.
  public enum Access: Sendable { case read, write }

  /// How long a command waits for another writer before giving up (SPEC §9: at least 5 s).
  public static let busyTimeoutMilliseconds = 5_000

  init(db: Connection, path: String, today: Day, context: ChangeContext) {
    self.db = db
    self.path = path
    self.today = today
    self.context = context
  }

  /// Opens an existing registry. Never creates a file: a missing path is an error naming
  /// `gongjian init`. A file that is not a registry is refused before anything is written.
  /// An older schema is migrated; a newer or edited one is refused.
  public static func open(
    at location: RegistryLocation, access: Access, today: Day, context: ChangeContext
  ) throws -> Registry {
    let path = location.path
    try RegistryFile.inspect(path).get()
    if access == .write {
      guard RegistryFile.isWritable(path) else {
        throw RegistryError.io(
          "the registry \(path) is read-only for you: nothing was changed.\n"
            + "Check the file's permissions (ls -l), or ask its owner to run the command.")
      }
    }
    do {
      let db = try connect(path)
      try Migrator().migrate(db, path: path)
      return Registry(db: db, path: path, today: today, context: context)
    } catch {
      throw RegistryError.from(error, path: path)
    }
  }

  /// Opens the SQLite connection with the storage rules of SPEC §9.
  static func connect(_ path: String) throws -> Connection {
    let db = try Connection(path: path, mode: .readWrite)
    db.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    try db.execute("PRAGMA foreign_keys = ON")
    if try db.scalar(String.self, "PRAGMA journal_mode") != "wal", !db.isReadOnly {
      // A copy made by backup (VACUUM INTO) comes back in rollback-journal mode.
      try db.execute("PRAGMA journal_mode = WAL")
    }
    return db
  }

  /// A prepared statement for `sql`, made once per registry. For statements run per row.
  func cached(_ sql: String) throws -> Statement {
    if let statement = statementCache[sql] { return statement }
    let statement = try db.prepare(sql)
    statementCache[sql] = statement
    return statement
  }

  /// Runs a cached statement once with `arguments`.
  func runCached(_ sql: String, _ arguments: (any SQLiteBindable)?...) throws {
    let statement = try cached(sql)
    for (index, argument) in arguments.enumerated() {
      try statement.bind(argument, at: Int32(index + 1))
    }
    try statement.run()
  }

  /// Runs `body` as one write: an IMMEDIATE transaction (retried while another process
  /// writes), rolled back whole if anything throws. SQLite's errors come out as
  /// `RegistryError`; the registry's own (`RegistryError`, `FieldErrors`) pass as they are.
  func write<T>(_ body: () throws -> T) throws -> T {
    do {
      return try db.transaction(.immediate, body)
    } catch let error as SQLiteError {
      throw RegistryError.from(error, path: path)
    }
  }

  /// Runs `body` reading one consistent snapshot.
  func read<T>(_ body: () throws -> T) throws -> T {
    do {
      return try db.transaction(.deferred, body)
    } catch let error as SQLiteError {
      throw RegistryError.from(error, path: path)
    }
  }
}

@available(*, unavailable)
extension Registry: Sendable {}
