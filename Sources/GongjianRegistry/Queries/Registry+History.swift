import SQLite

/// What a change did, as stored in the history's `action` column. The codes are data: they
/// never change once written.
public enum ChangeAction: String, Sendable, CaseIterable {
  case initialize = "init"
  case register
  case edit
  case withdraw
  case rejoin
  case groupAdd = "group add"
  case groupJoin = "group join"
  case groupLeave = "group leave"
  case agreementAdd = "agreement add"
  case importFile = "import"
  case importUpdate = "import update"
  case correctPeriod = "correct period"
  case remove
  case registrySet = "registry set"
  case undo
  case historyPurge = "history purge"
  case meetingAdd = "meeting add"
  case meetingAttend = "meeting attend"
  case meetingTopic = "meeting topic"
  case meetingDecide = "meeting decide"
  case followupAdd = "followup add"
  case followupUpdate = "followup update"
  // The lists and projects.
  case resourceAdd = "resource add"
  case resourceEdit = "resource edit"
  case resourceWithdraw = "resource withdraw"
  case needAdd = "need add"
  case needClaim = "need claim"
  case needClose = "need close"
  case projectAdd = "project add"
  case projectClaim = "project claim"
  case projectStart = "project start"
  case projectFinish = "project finish"
  case projectDrop = "project drop"
  case activityAdd = "activity add"
  case listImport = "list import"
}

/// One change in the history.
public struct HistoryEntry: Equatable, Sendable {
  public var id: Int
  /// When, in UTC: `YYYY-MM-DDTHH:MM:SSZ`.
  public var at: String
  /// Who made the change: `--by`, `$GONGJIAN_USER` or the OS user.
  public var changedBy: String
  /// The command line as typed.
  public var command: String
  /// The stored action code; `change` is nil for a code this gongjian does not know.
  public var action: String
  public var change: ChangeAction?
  public var entity: String
  public var entityID: Int?
  public var unit: UnitReference?
  /// What the change did, as facts (nil for entries written before facts were recorded).
  public var facts: JSONValue?
  /// The English summary older entries were written with (empty for newer ones).
  public var recordedSummary: String
  /// The unit (or group) before and after, as JSON text.
  public var before: String?
  public var after: String?
  /// The changes one command made share a batch.
  public var batch: Int
}

extension Registry {
  /// Records a change. Must run inside the write transaction that makes the change, so the
  /// history can never disagree with the data.
  func record(
    _ action: ChangeAction, entity: String = "unit", entityID: Int? = nil, unit: UnitID?,
    unitName knownName: String? = nil,
    facts: JSONValue.KeyValuePairs, before: JSONValue?, after: JSONValue?
  ) throws {
    let batch = try currentBatch ?? (db.scalar(Int.self, "SELECT coalesce(max(batch), 0) + 1 FROM history") ?? 1)
    currentBatch = batch
    let unitName =
      try knownName
      ?? unit.flatMap { try db.scalar(String.self, sql: "SELECT name FROM unit WHERE id = \($0.rawValue)") }
    try db.run(
      sql: """
        INSERT INTO history
          (at, os_user, command, action, entity, entity_id, unit_id, unit_name, facts, batch, before, after)
        VALUES (\(verbatimNow), \(context.changedBy), \(context.command), \(action.rawValue), \(entity),
                \(entityID ?? unit?.rawValue), \(unit?.rawValue), \(unitName), \(JSONValue.object(facts).text),
                \(batch), \(before?.text), \(after?.text))
        """)
  }

  /// The change log, oldest first; only one unit's when `unit` is given.
  public func history(unit: UnitID? = nil) throws -> [HistoryEntry] {
    var entries: [HistoryEntry] = []
    try forEachHistoryEntry(unit: unit) { entries.append($0) }
    return entries
  }

  /// The change log entry by entry, without holding it all in memory.
  public func forEachHistoryEntry(
    unit: UnitID? = nil, batch: Int? = nil, _ body: (HistoryEntry) throws -> Void
  ) throws {
    try read { try readHistory(unit: unit, batch: batch, body) }
  }

  /// The history, inside the caller's transaction.
  func readHistory(unit: UnitID?, batch: Int?, _ body: (HistoryEntry) throws -> Void) throws {
    do {
      // A read-only command reads an older registry as it is: before facts were recorded, the
      // history had no facts, no batches and no names of its own.
      let withFacts = try hasColumn("facts", in: "history")
      let statement = try db.prepare(
        sql: """
          SELECT h.id, h.at, h.os_user, h.command, h.action, h.entity, h.entity_id, h.unit_id,
                 coalesce(u.name, \(identifier: withFacts ? "h.unit_name" : "NULL")),
                 h.summary, \(identifier: withFacts ? "h.facts" : "NULL"), h.before, h.after,
                 \(identifier: withFacts ? "h.batch" : "h.id")
          FROM history AS h LEFT JOIN unit AS u ON u.id = h.unit_id
          WHERE (\(unit?.rawValue) IS NULL OR h.unit_id = \(unit?.rawValue))
            AND (\(batch) IS NULL OR \(identifier: withFacts ? "h.batch" : "h.id") = \(batch))
          ORDER BY h.id
          """)
      while try statement.step() {
        let action: String = try statement.required(4)
        let unitID: Int? = try statement.column(7)
        let unitName: String? = try statement.column(8)
        try body(
          HistoryEntry(
            id: try statement.required(0), at: try statement.required(1), changedBy: try statement.required(2),
            command: try statement.required(3), action: action, change: ChangeAction(rawValue: action),
            entity: try statement.required(5), entityID: try statement.column(6),
            unit: unitID.flatMap { id in unitName.map { UnitReference(id: UnitID(id), name: $0) } },
            facts: try statement.column(10, as: String.self).flatMap(JSONReader.parse),
            recordedSummary: try statement.required(9), before: try statement.column(11),
            after: try statement.column(12), batch: try statement.required(13)))
      }
    }
  }

  /// Whether the registry's schema has this table: a read-only command reads older registries
  /// as they are, and a registry from before a capability has none of its tables.
  func hasTable(_ name: String) throws -> Bool {
    try Registry.hasTable(name, in: db)
  }

  static func hasTable(_ name: String, in db: Connection) throws -> Bool {
    try db.scalar(Int.self, sql: "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = \(name)") ?? 0 > 0
  }

  /// Whether the registry's schema has this column: a read-only command reads older
  /// registries as they are, without upgrading them.
  func hasColumn(_ column: String, in table: String) throws -> Bool {
    try db.scalar(
      Int.self, sql: "SELECT count(*) FROM pragma_table_info(\(table)) WHERE name = \(column)") ?? 0 > 0
  }

  /// The current time in UTC, as SQLite writes it.
  var verbatimNow: SQL { SQL(verbatim: Registry.nowSQL) }
}
