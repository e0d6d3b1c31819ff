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

  /// No problems (warnings allowed).
  public var isHealthy: Bool { !items.contains { $0.severity == .problem } }
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
      let db = try Connection(path: path, mode: .readWrite)
      db.busyTimeoutMilliseconds = busyTimeoutMilliseconds
      let migrator = Migrator()
      let status = try migrator.status(of: db)
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
      let journal = try db.scalar(String.self, "PRAGMA journal_mode") ?? "?"
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
      }
    } catch let error as RegistryError {
      throw error
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
}
