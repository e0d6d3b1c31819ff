import SQLite

/// One change in the history (SPEC §3).
public struct HistoryEntry: Equatable, Sendable {
  public var id: Int
  public var at: String
  public var osUser: String
  public var command: String
  public var action: String
  public var entity: String
  public var entityID: Int?
  public var unitID: Int?
  public var unitName: String?
  public var summary: String
  public var before: String?
  public var after: String?
}

extension Registry {
  /// Records a change. Must run inside the write transaction that makes the change, so the
  /// history can never disagree with the data.
  func recordHistory(
    action: String, entity: String, entityID: Int?, unitID: Int?, summary: String,
    before: JSONValue?, after: JSONValue?
  ) throws {
    try db.run(
      """
      INSERT INTO history (at, os_user, command, action, entity, entity_id, unit_id, summary, before, after)
      VALUES (\(Registry.nowSQL), ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      context.osUser, context.command, action, entity, entityID, unitID, summary, before?.text, after?.text)
  }

  /// The change log, oldest first; only one unit's when `unitID` is given.
  public func history(unitID: Int? = nil) throws -> [HistoryEntry] {
    try read {
      let statement = try db.prepare(
        """
        SELECT h.id, h.at, h.os_user, h.command, h.action, h.entity, h.entity_id, h.unit_id, u.name,
               h.summary, h.before, h.after
        FROM history AS h LEFT JOIN unit AS u ON u.id = h.unit_id
        WHERE ?1 IS NULL OR h.unit_id = ?1
        ORDER BY h.id
        """)
      try statement.bind(unitID, at: 1)
      var entries: [HistoryEntry] = []
      while try statement.step() {
        entries.append(
          HistoryEntry(
            id: try statement.required(0), at: try statement.required(1), osUser: try statement.required(2),
            command: try statement.required(3), action: try statement.required(4),
            entity: try statement.required(5), entityID: try statement.column(6), unitID: try statement.column(7),
            unitName: try statement.column(8), summary: try statement.required(9),
            before: try statement.column(10), after: try statement.column(11)))
      }
      return entries
    }
  }
}
