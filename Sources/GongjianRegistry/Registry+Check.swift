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
    public var finding: CheckFinding
    public var severity: Severity
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

/// One thing `check` looked at, and what it found.
public enum CheckFinding: Equatable, Sendable {
  /// A gongjian registry, by its application id.
  case file(applicationID: Int32)
  /// The file's permission bits; a warning when anyone on the machine may read it.
  case permissions(mode: Int)
  case schemaLatest(version: Int)
  /// Older than this gongjian: the next command that writes upgrades it.
  case schemaOlder(version: Int, latest: Int)
  case schemaNewer(version: Int, latest: Int)
  case migrationsMatch
  /// Applied migrations whose text differs from this gongjian's copy.
  case migrationsEdited([Int])
  /// The journal mode; anything but WAL is switched by the next write.
  case journal(String)
  case integrityOK
  /// SQLite's own findings (`PRAGMA integrity_check`), as it words them.
  case integrityProblems([String])
  case referencesOK
  case brokenReferences([BrokenReference])
  /// Open working-group memberships of units no longer in the alliance.
  case groupRule(openMembershipsOfWithdrawnUnits: Int)
  /// Units without any alliance period.
  case periodRule(unitsWithoutPeriod: Int)
  /// Meeting records (attendance, topics, follow-up tasks) of units that were not in the
  /// alliance on the meeting's day.
  case meetingRule(recordsOutsideAlliance: Int)
  /// Resources still offered by units no longer in the alliance, and needs or projects whose
  /// status is not the last of their dated status changes.
  case listRule(openResourcesOfWithdrawnUnits: Int, statusesOutOfStep: Int)
  /// SQLite cannot read the file at all; its message.
  case unreadable(String)
}

/// A row whose reference points nowhere.
public struct BrokenReference: Equatable, Sendable {
  public var table: String
  public var row: Int
  public var parent: String
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
    func add(_ finding: CheckFinding, _ severity: CheckReport.Severity) {
      report.items.append(CheckReport.Item(finding: finding, severity: severity))
    }
    add(.file(applicationID: RegistryFile.applicationID), .ok)
    if let mode = RegistryFile.fileMode(path) {
      // The registry holds contacts' names and phones: readable by anyone is worth a warning.
      add(.permissions(mode: Int(mode)), mode & 0o007 != 0 ? .warning : .ok)
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
        add(.schemaNewer(version: status.version, latest: status.latest), .problem)
      } else if !status.pending.isEmpty {
        add(.schemaOlder(version: status.version, latest: status.latest), .warning)
      } else {
        add(.schemaLatest(version: status.version), .ok)
      }
      if status.edited.isEmpty {
        add(.migrationsMatch, .ok)
      } else {
        add(.migrationsEdited(status.edited), .problem)
      }
      let journal =
        lock == nil
        ? try db.scalar(String.self, "PRAGMA journal_mode") ?? "?"
        : RegistryFile.headerSaysWAL(path) ? "wal" : "delete"
      add(.journal(journal), journal == "wal" ? .ok : .warning)

      var integrity: [String] = []
      let integrityStatement = try db.prepare("PRAGMA integrity_check(20)")
      while try integrityStatement.step() { integrity.append(try integrityStatement.column(0) ?? "") }
      if integrity == ["ok"] {
        add(.integrityOK, .ok)
      } else {
        add(.integrityProblems(integrity), .problem)
      }

      var broken: [BrokenReference] = []
      let foreignKeys = try db.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 20")
      while try foreignKeys.step() {
        let table: String = try foreignKeys.column(0) ?? "?"
        let row: Int = try foreignKeys.column(1) ?? 0
        let parent: String = try foreignKeys.column(2) ?? "?"
        broken.append(BrokenReference(table: table, row: row, parent: parent))
      }
      if broken.isEmpty {
        add(.referencesOK, .ok)
      } else {
        add(.brokenReferences(broken), .problem)
      }
      if status.version >= 1 && status.version <= status.latest && integrity == ["ok"] {
        for finding in try ruleViolations(db) {
          add(finding, finding.isViolation ? .problem : .ok)
        }
        if status.edited.isEmpty {
          report.schemaDifferences = try schemaDifferences(db, version: status.version, migrator: migrator)
        }
      }
    } catch let problem as StorageProblem {
      throw problem
    } catch let error as SQLiteError {
      if error.isCorrupt {
        add(.unreadable(error.message), .problem)
      } else {
        throw StorageProblem.from(error, path: path)
      }
    }
    return report
  }

  /// Alliance rules that live in the commands rather than the schema.
  private static func ruleViolations(_ db: Connection) throws -> [CheckFinding] {
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
    var findings: [CheckFinding] = [
      .groupRule(openMembershipsOfWithdrawnUnits: withdrawnInGroups), .periodRule(unitsWithoutPeriod: withoutPeriod),
    ]
    if try hasTable("followup", in: db) {
      // Every unit named in a meeting's records, with the meeting's day.
      let outside =
        try db.scalar(
          Int.self,
          """
          SELECT count(*) FROM (
            SELECT a.unit_id, m.held_on FROM meeting_attendance AS a JOIN meeting AS m ON m.id = a.meeting_id
            UNION ALL
            SELECT t.unit_id, m.held_on FROM meeting_topic AS t JOIN meeting AS m ON m.id = t.meeting_id
            WHERE t.unit_id IS NOT NULL
            UNION ALL
            SELECT f.unit_id, m.held_on FROM followup AS f JOIN meeting_decision AS d ON d.id = f.decision_id
            JOIN meeting AS m ON m.id = d.meeting_id
          ) AS r
          WHERE NOT EXISTS (
            SELECT 1 FROM membership AS p WHERE p.unit_id = r.unit_id AND p.joined_on <= r.held_on
              AND (p.left_on IS NULL OR p.left_on > r.held_on))
          """) ?? 0
      findings.append(.meetingRule(recordsOutsideAlliance: outside))
    }
    if try hasTable("claim", in: db) {
      let openResources =
        try db.scalar(
          Int.self,
          """
          SELECT count(*) FROM resource AS r WHERE r.withdrawn_on IS NULL
            AND NOT EXISTS (SELECT 1 FROM membership AS m WHERE m.unit_id = r.unit_id AND m.left_on IS NULL)
          """) ?? 0
      let outOfStep =
        try db.scalar(
          Int.self,
          """
          SELECT (SELECT count(*) FROM need AS n WHERE NOT EXISTS (
                    SELECT 1 FROM need_status_change AS s WHERE s.need_id = n.id AND s.status = n.status
                      AND s.changed_on = n.status_on))
               + (SELECT count(*) FROM project AS p WHERE NOT EXISTS (
                    SELECT 1 FROM project_status_change AS s WHERE s.project_id = p.id AND s.status = p.status
                      AND s.changed_on = p.status_on))
          """) ?? 0
      findings.append(.listRule(openResourcesOfWithdrawnUnits: openResources, statusesOutOfStep: outOfStep))
    }
    return findings
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

extension CheckFinding {
  /// A rule count above zero.
  var isViolation: Bool {
    switch self {
    case .groupRule(let count): count > 0
    case .periodRule(let count): count > 0
    case .meetingRule(let count): count > 0
    case .listRule(let resources, let statuses): resources + statuses > 0
    default: false
    }
  }
}
