import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `gongjian check` found.
public struct CheckReport: Sendable {
  public enum Severity: String, Sendable {
    case ok, warning, problem
  }

  public struct Item: Sendable {
    public var name: String
    public var severity: Severity
    public var detail: String
  }

  public var path: String
  public var items: [Item] = []
  /// How the tables, indexes, triggers and views differ from what the migrations make: an
  /// extra trigger can quietly erase history, a missing index slow every report. Each one is
  /// a problem. Empty when they match, or when the schema could not be compared (a newer or
  /// edited schema, a damaged file: those are items already).
  public var schemaDifferences: [SchemaDifference] = []

  /// No problems (warnings allowed).
  public var isHealthy: Bool { !items.contains { $0.severity == .problem } && schemaDifferences.isEmpty }

  /// How many problems were found.
  public var problemCount: Int { items.filter { $0.severity == .problem }.count + schemaDifferences.count }
}

/// A kind of object in an SQLite schema.
public enum SchemaObjectKind: String, Sendable, Comparable {
  case table, index, trigger, view

  public static func < (first: SchemaObjectKind, second: SchemaObjectKind) -> Bool {
    first.rawValue < second.rawValue
  }
}

/// One way a registry's schema differs from what gongjian's migrations create.
public enum SchemaDifference: Equatable, Sendable {
  /// The migrations make it; the registry lacks it.
  case missing(kind: SchemaObjectKind, name: String)
  /// The registry has it; no migration makes it.
  case unexpected(kind: SchemaObjectKind, name: String)
  /// Both have it, defined differently.
  case altered(kind: SchemaObjectKind, name: String)
}

extension Registry {
  /// Examines a registry without changing it (SPEC §6 `check`): the file, its permissions,
  /// the schema version and migration checksums, SQLite's integrity check, foreign keys and
  /// the alliance rules the schema cannot express. Opens even a registry that `open` would
  /// refuse (newer, edited), so the report can say why.
  public static func check(at location: RegistryLocation) throws -> CheckReport {
    let path = location.path
    try RegistryFile.inspect(path).get()
    var report = CheckReport(path: path)
    func add(_ name: String, _ severity: CheckReport.Severity, _ detail: String) {
      report.items.append(CheckReport.Item(name: name, severity: severity, detail: detail))
    }
    add("file", .ok, "a gongjian registry (application_id 0x\(String(RegistryFile.applicationID, radix: 16)))")
    if let mode = RegistryFile.fileMode(path) {
      let octal = String(mode, radix: 8).leftPadded(to: 4)
      if mode & 0o007 != 0 {
        add(
          "permissions", .warning,
          "\(octal): anyone on this machine may read it, and it holds contacts' names and phones; chmod 600 (or 660 for a team)"
        )
      } else {
        add("permissions", .ok, octal)
      }
    }
    do {
      let (db, lock) = try RegistryConnection.forReading(path)
      defer { withExtendedLifetime(lock) {} }
      let migrator = Migrator()
      let status = try db.transaction(.deferred) {
        try RegistryConnection.verifyIdentity(db, path: path)
        return try migrator.status(of: db)
      }
      if status.version > status.latest {
        add(
          "schema", .problem,
          "version \(status.version), newer than this gongjian (\(status.latest)): install the newer gongjian")
      } else if !status.pending.isEmpty {
        add(
          "schema", .warning,
          "version \(status.version) of \(status.latest): the next command that opens it upgrades it")
      } else {
        add("schema", .ok, "version \(status.version) (latest)")
      }
      if status.edited.isEmpty {
        add("migrations", .ok, "checksums of applied migrations match this gongjian's")
      } else {
        add(
          "migrations", .problem,
          "applied migration(s) \(status.edited.map { String($0).leftPadded(to: 4) }.joined(separator: ", ")) differ from this gongjian's copy"
        )
      }
      let journal =
        lock == nil
        ? try db.scalar(String.self, "PRAGMA journal_mode") ?? "?"
        : RegistryFile.headerSaysWAL(path) ? "wal" : "delete"
      add(
        "journal", journal == "wal" ? .ok : .warning,
        journal == "wal" ? "WAL" : "\(journal) (the next write switches it to WAL)")

      var integrity: [String] = []
      let integrityStatement = try db.prepare("PRAGMA integrity_check(20)")
      while try integrityStatement.step() { integrity.append(try integrityStatement.column(0) ?? "") }
      if integrity == ["ok"] {
        add("integrity", .ok, "PRAGMA integrity_check: ok")
      } else {
        add("integrity", .problem, integrity.joined(separator: "; "))
      }

      var broken: [String] = []
      let foreignKeys = try db.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 20")
      while try foreignKeys.step() {
        let table: String = try foreignKeys.column(0) ?? "?"
        let row: Int = try foreignKeys.column(1) ?? 0
        let parent: String = try foreignKeys.column(2) ?? "?"
        broken.append("\(table) row \(row) points to a missing \(parent)")
      }
      if broken.isEmpty {
        add("foreign keys", .ok, "every reference points to an existing row")
      } else {
        add("foreign keys", .problem, broken.joined(separator: "; "))
      }
      if status.version >= 1 && status.version <= status.latest && integrity == ["ok"] {
        for (name, problem) in try ruleViolations(db) {
          add(name, problem == nil ? .ok : .problem, problem ?? "holds")
        }
        if status.edited.isEmpty {
          report.schemaDifferences = try schemaDifferences(db, version: status.version, migrator: migrator)
        }
      }
    } catch let error as RegistryError {
      throw error
    } catch let problem as StorageProblem {
      throw problem
    } catch let error as SQLiteError {
      if error.isCorrupt {
        add("integrity", .problem, "SQLite cannot read the file: \(error.message)")
      } else {
        throw RegistryError.from(error, path: path)
      }
    }
    return report
  }

  /// Alliance rules that live in the commands rather than the schema.
  private static func ruleViolations(_ db: Connection) throws -> [(String, String?)] {
    let withdrawnInGroups =
      try db.scalar(
        Int.self,
        """
        SELECT count(*) FROM group_membership AS g
        WHERE g.left_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM membership AS m WHERE m.unit_id = g.unit_id AND m.left_on IS NULL)
        """) ?? 0
    let withoutPeriod =
      try db.scalar(
        Int.self,
        "SELECT count(*) FROM unit AS u WHERE NOT EXISTS (SELECT 1 FROM membership AS m WHERE m.unit_id = u.id)")
      ?? 0
    return [
      (
        "group rule",
        withdrawnInGroups == 0
          ? nil : "\(withdrawnInGroups) open working-group membership(s) of units that have left the alliance"
      ),
      ("period rule", withoutPeriod == 0 ? nil : "\(withoutPeriod) unit(s) without any alliance membership period"),
    ]
  }

  /// Compares the registry's schema objects with those the migrations up to its version make
  /// in an empty in-memory database: same names, same definitions (SQLite keeps each
  /// object's CREATE statement as it was run, so identical migrations give identical text).
  /// SQLite's own objects (`sqlite_…`: automatic indexes, statistics) are left out.
  static func schemaDifferences(_ db: Connection, version: Int, migrator: Migrator) throws -> [SchemaDifference] {
    let expected = try Connection(path: ":memory:", mode: .memory)
    try Migrator(migrations: migrator.migrations.filter { $0.version <= version }).migrate(expected, path: ":memory:")
    let wanted = try schemaObjects(expected)
    let found = try schemaObjects(db)
    var differences: [SchemaDifference] = []
    for (key, sql) in wanted {
      if let actual = found[key] {
        if actual != sql { differences.append(.altered(kind: key.kind, name: key.name)) }
      } else {
        differences.append(.missing(kind: key.kind, name: key.name))
      }
    }
    for key in found.keys where wanted[key] == nil {
      differences.append(.unexpected(kind: key.kind, name: key.name))
    }
    return differences.sorted { first, second in
      let (a, b) = (first.object, second.object)
      return a.kind != b.kind ? a.kind < b.kind : a.name < b.name
    }
  }

  private struct SchemaKey: Hashable {
    var kind: SchemaObjectKind
    var name: String
  }

  private static func schemaObjects(_ db: Connection) throws -> [SchemaKey: String] {
    let statement = try db.prepare(
      "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    var objects: [SchemaKey: String] = [:]
    while try statement.step() {
      let type: String = try statement.required(0)
      // Anything else SQLite might list would be a new kind of object: not gongjian's either.
      let kind = SchemaObjectKind(rawValue: type) ?? .table
      objects[SchemaKey(kind: kind, name: try statement.required(1))] = try statement.column(2) ?? ""
    }
    return objects
  }
}

extension SchemaDifference {
  /// The object the difference is about.
  public var object: (kind: SchemaObjectKind, name: String) {
    switch self {
    case .missing(let kind, let name), .unexpected(let kind, let name), .altered(let kind, let name):
      return (kind, name)
    }
  }
}
