import SQLite

/// Who made a change and how, for the history: the person (or program) and what they ran.
public struct ChangeContext: Sendable {
  public var changedBy: String
  /// The command line or the page the change came through, as the surface tells it.
  public var command: String

  public init(changedBy: String, command: String) {
    self.changedBy = changedBy
    self.command = command
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
  /// Who is changing the registry, worked out only when a change is recorded: finding the OS
  /// user goes through NSS, which a read-only command should not pay for.
  lazy var context: ChangeContext = makeContext()
  private let makeContext: () -> ChangeContext
  /// The statements that insert a unit, prepared once (import runs them for every row).
  private var preparedUnitInserts: UnitInserts?
  /// Look-ups an import makes for every row, prepared once and reused (see `withStatement`).
  private var reusedStatements: [String: Statement] = [:]
  /// The history batch of the write under way: every change one command makes shares it, so
  /// `undo` takes the command back whole. Chosen at the first change, forgotten at the end.
  var currentBatch: Int?
  /// The id the next new unit of the write under way takes: above every unit's and every id
  /// the history names, so a unit never takes the id of one removed (or whose registration
  /// was undone), whose history is another unit's. Worked out at the first new unit of a
  /// write (an import adds many), forgotten at the end.
  var nextUnitID: Int?
  /// The schema version of the file as opened: the latest for a write command, possibly an
  /// older one for a read-only command, which never migrates. Queries of tables added by a
  /// later migration check it.
  public let schemaVersion: Int
  /// Held while a read-only connection reads the file as immutable.
  let snapshotLock: SnapshotLock?
  /// Whether the file has the lists' tables and the units' credit codes, once looked up: a
  /// read-only command reads an older registry as it is.
  var listTablesPresent: Bool?
  var creditCodePresent: Bool?
  /// Where the connection goes when the registry is released: back to a `ReaderPool`.
  var afterUse: ((Connection) -> Void)?

  /// Whether a command reads only or also writes. A write command on a write-protected file
  /// is refused up front with a clear message instead of failing half-way.
  public enum Access: Sendable {
    /// Reads only: the file is never changed (no WAL switch, no migration).
    case read
    /// Writes: the file is switched to WAL and migrated first.
    case write
    /// Writes that are always rolled back (an import's dry run): a connection that may write,
    /// for transactions nobody commits, but no WAL switch and no migration.
    case rehearsal
  }

  /// How long a command waits for another writer before giving up (SPEC §9: at least 5 s).
  public static let busyTimeoutMilliseconds = 5_000

  init(
    db: Connection, path: String, today: Day, context: @escaping () -> ChangeContext, schemaVersion: Int,
    snapshotLock: SnapshotLock? = nil
  ) {
    self.db = db
    self.path = path
    self.today = today
    self.makeContext = context
    self.schemaVersion = schemaVersion
    self.snapshotLock = snapshotLock
  }

  /// Opens an existing registry. Never creates a file: a missing path is an error naming
  /// `gongjian init`. A file that is not a registry is refused before anything is written,
  /// even if it is swapped in between the look at its header and SQLite's open.
  ///
  /// `.read` never changes the file: a read-only connection (see
  /// `RegistryConnection.forReading`), no journal mode switch, no migration; a newer or
  /// edited schema is refused, an older one is read as it is (`schemaVersion` says which).
  /// `.write` switches the file to WAL and migrates an older schema first.
  public static func open(
    at location: RegistryLocation, access: Access, today: Day, context: @autoclosure @escaping () -> ChangeContext
  ) throws -> Registry {
    try open(at: location, access: access, today: today, context: context(), migrator: Migrator())
  }

  /// `afterInspection` runs between the look at the header and SQLite's open: tests swap the
  /// file there.
  static func open(
    at location: RegistryLocation, access: Access, today: Day, context: @autoclosure @escaping () -> ChangeContext,
    migrator: Migrator, afterInspection: () -> Void = {}
  ) throws -> Registry {
    let path = location.path
    try RegistryFile.inspect(path).get()
    afterInspection()
    do {
      switch access {
      case .read:
        let (db, lock) = try RegistryConnection.forReading(path)
        let (version, status) = try db.transaction(.deferred) {
          (try RegistryConnection.verifyIdentity(db, path: path), try migrator.status(of: db))
        }
        try migrator.refuseUnsafe(status, path: path)
        guard version >= RegistryConnection.oldestReadableVersion else {
          throw StorageProblem.needsUpgrade(path: path, version: version, latest: migrator.latestVersion)
        }
        return Registry(
          db: db, path: path, today: today, context: context, schemaVersion: version, snapshotLock: lock)
      case .write, .rehearsal:
        guard RegistryFile.isWritable(path) else {
          throw StorageProblem.readOnlyForYou(path: path)
        }
        let db = try RegistryConnection.forWriting(path)
        let (version, status) = try db.transaction(.deferred) {
          (try RegistryConnection.verifyIdentity(db, path: path), try migrator.status(of: db))
        }
        if access == .rehearsal {
          try migrator.refuseUnsafe(status, path: path)
          guard version == migrator.latestVersion else {
            throw StorageProblem.needsUpgrade(path: path, version: version, latest: migrator.latestVersion)
          }
          return Registry(db: db, path: path, today: today, context: context, schemaVersion: version)
        }
        if try db.scalar(String.self, "PRAGMA journal_mode") != "wal", !db.isReadOnly {
          // A copy made by backup (VACUUM INTO) comes back in rollback-journal mode.
          try db.execute("PRAGMA journal_mode = WAL")
        }
        try migrator.migrate(db, path: path)
        return Registry(db: db, path: path, today: today, context: context, schemaVersion: migrator.latestVersion)
      }
    } catch {
      throw StorageProblem.from(error, path: path)
    }
  }

  deinit {
    // The connection may go back to a pool and on to another thread: this registry's
    // statements are finalized first, while the connection is still this registry's alone.
    reusedStatements.removeAll()
    preparedUnitInserts = nil
    afterUse?(db)
  }

  /// Runs `body` with `query` prepared and bound, through a statement kept for the next call
  /// with the same text: preparing costs more than a look-up by index, and an import looks up
  /// every row. The statement is reset when `body` returns, so it never holds a read open; a
  /// call nested inside another with the same text prepares its own.
  func withStatement<R>(sql query: SQL, _ body: (Statement) throws -> R) throws -> R {
    let statement = try reusedStatements.removeValue(forKey: query.text) ?? db.prepare(query.text)
    defer {
      statement.reset()
      statement.clearBindings()
      if reusedStatements.count < Registry.reusedStatementLimit { reusedStatements[query.text] = statement }
    }
    try statement.bind(query.arguments)
    return try body(statement)
  }

  private static let reusedStatementLimit = 32

  /// The statements that insert a unit with its period, agreement and group memberships.
  /// The unit's id is bound last (see `nextUnitID`).
  func unitInserts() throws -> UnitInserts {
    if let prepared = preparedUnitInserts { return prepared }
    let detailColumns = UnitDetailColumn.all.map(\.column)
    let prepared = UnitInserts(
      unit: try db.prepare(
        """
        INSERT INTO unit (name, name_key, similar_key, \(detailColumns.joined(separator: ", ")), created_at, id)
        VALUES (?, ?, ?, \(detailColumns.map { _ in "?" }.joined(separator: ", ")), \(Registry.nowSQL), ?)
        """),
      membership: try db.prepare(
        "INSERT INTO membership (unit_id, joined_on, left_on, left_reason) VALUES (?, ?, ?, ?)"),
      agreement: try db.prepare(
        """
        INSERT INTO agreement (unit_id, title, signed_on, expires_on, signatory, signatory_title, note)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """),
      groupMembership: try db.prepare(
        "INSERT INTO group_membership (unit_id, group_id, role, joined_on, left_on) VALUES (?, ?, ?, ?, ?)"))
    preparedUnitInserts = prepared
    return prepared
  }

  /// Runs `body` as one write: an IMMEDIATE transaction (retried while another process
  /// writes), rolled back whole if anything throws. SQLite's errors come out as
  /// storage problems; the registry's own refusals pass as they are.
  func write<T>(_ body: () throws -> T) throws -> T {
    currentBatch = nil
    nextUnitID = nil
    defer {
      currentBatch = nil
      nextUnitID = nil
    }
    do {
      return try db.transaction(.immediate, body)
    } catch let error as SQLiteError {
      throw StorageProblem.from(error, path: path)
    }
  }

  /// Runs `body` reading one consistent snapshot.
  func read<T>(_ body: () throws -> T) throws -> T {
    do {
      let result = try db.transaction(.deferred, body)
      try snapshotLock?.verifyUnchanged(path: path)
      return result
    } catch let error as SQLiteError {
      throw StorageProblem.from(error, path: path)
    }
  }
}

@available(*, unavailable)
extension Registry: Sendable {}

/// Prepared INSERTs for a unit and what comes with it.
struct UnitInserts {
  let unit: Statement
  let membership: Statement
  let agreement: Statement
  let groupMembership: Statement
}
