import SQLite

/// The change `undo` takes back: one command's changes (a batch), latest first.
public struct UndoPlan: Equatable, Sendable {
  public var batch: Int
  /// The entries of the batch, in the order they are taken back (the last made first).
  public var entries: [HistoryEntry]
}

extension Registry {
  /// The latest change that is neither an undo nor undone yet: what `undo` would take back.
  /// Refused as `undo` itself would be (a change that cannot be undone, a unit changed since),
  /// so that what is shown can be done.
  public func undoPlan() throws -> UndoPlan {
    try read {
      let plan = try latestUndoable()
      // What each unit looks like once the entries before it in the plan are taken back.
      var expected: [UnitID: String?] = [:]
      for entry in plan.entries {
        let action = try reversibleAction(entry)
        guard ![.groupAdd, .registrySet, .importFile].contains(action) else { continue }
        let unitID = try unitOf(entry)
        let current = try expected[unitID] ?? currentSnapshotText(unitID)
        guard current == entry.after.flatMap(JSONReader.parse)?.text else {
          throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .changedSince(try reference(of: entry)))
        }
        expected[unitID] = entry.before.flatMap(JSONReader.parse)?.text
      }
      return plan
    }
  }

  /// Takes back the latest change by a compensating change, recorded in the history like any
  /// other. Changes are taken back latest first, one command at a time; a change whose unit no
  /// longer looks as the change left it is refused, with nothing changed. `expecting` is the
  /// batch the person saw as the latest (in a preview): another change made since is refused,
  /// so nobody takes back a change they have not seen.
  public func undo(expecting batch: Int? = nil) throws -> UndoPlan {
    try write {
      let plan = try latestUndoable()
      if let batch, plan.batch != batch { throw Refusal.latestChangeMoved }
      for entry in plan.entries { try compensate(entry, batch: plan.batch) }
      return plan
    }
  }

  func latestUndoable() throws -> UndoPlan {
    guard try hasColumn("batch", in: "history"),
      let batch = try db.scalar(
        Int.self,
        """
        SELECT max(batch) FROM history
        WHERE action NOT IN ('undo', 'history purge') AND batch NOT IN (
          SELECT json_extract(facts, '$.undone_batch') FROM history WHERE action = 'undo')
        """)
    else { throw Refusal.nothingToUndo }
    var entries: [HistoryEntry] = []
    try readHistory(unit: nil, batch: batch) { entries.append($0) }
    // Back at the registry's creation: everything since has been undone.
    if entries.allSatisfy({ $0.change == .initialize }) { throw Refusal.nothingToUndo }
    return UndoPlan(batch: batch, entries: entries.reversed())
  }

  /// The entry's change, if it is of a kind that can be taken back.
  private func reversibleAction(_ entry: HistoryEntry) throws -> ChangeAction {
    guard let action = entry.change, entry.facts != nil, action != .initialize, action != .undo else {
      throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .notReversible)
    }
    return action
  }

  /// The unit a unit's change is about.
  private func unitOf(_ entry: HistoryEntry) throws -> UnitID {
    guard let unitID = entry.unit?.id ?? entry.entityID.map({ UnitID($0) }) else {
      throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .notReversible)
    }
    return unitID
  }

  private func reference(of entry: HistoryEntry) throws -> UnitReference {
    UnitReference(id: try unitOf(entry), name: entry.unit?.name ?? "")
  }

  /// The unit as the history would record it now; nil when there is no such unit. A snapshot
  /// `recorded` before a detail existed (a credit code) lacks its key: the current one is
  /// compared without the keys it lacks that are empty now.
  private func currentSnapshotText(_ id: UnitID, as recorded: JSONValue? = nil) throws -> String? {
    let exists = try db.scalar(Int.self, sql: "SELECT count(*) FROM unit WHERE id = \(id.rawValue)") ?? 0 > 0
    guard exists else { return nil }
    let current = try unitSnapshot(id)
    return (recorded.map { Registry.withoutAbsentNulls(current, as: $0) } ?? current).text
  }

  /// Undoes one entry, inside the write transaction.
  private func compensate(_ entry: HistoryEntry, batch: Int) throws {
    let action = try reversibleAction(entry)
    var facts: JSONValue.KeyValuePairs = ["undone_batch": .int(batch), "undone_action": .string(entry.action)]
    switch action {
    case .groupAdd:
      guard let id = entry.entityID else { break }
      let group = try groupReference(GroupID(id))
      try deleteGroupIfUnused(group, undoing: entry)
      facts.pairs.append(("group", .string(group.name)))
      try record(
        .undo, entity: "group", entityID: id, unit: nil, facts: facts, before: entry.after.flatMap(JSONReader.parse),
        after: nil)
    case .registrySet:
      let before = entry.before.flatMap(JSONReader.parse)
      try db.run(
        sql: """
          UPDATE registry SET subdistrict = \(before?["subdistrict"]?.stringValue ?? ""),
            district = \(before?["district"]?.stringValue ?? "") WHERE id = 1
          """)
      try record(
        .undo, entity: "registry", entityID: 1, unit: nil, facts: facts, before: entry.after.flatMap(JSONReader.parse),
        after: before)
    case .importFile:
      let first = entry.facts?["first_unit_id"]?.intValue ?? 0
      let last = entry.facts?["last_unit_id"]?.intValue ?? -1
      if first <= last {
        try db.run(sql: "DELETE FROM group_membership WHERE unit_id BETWEEN \(first) AND \(last)")
        try db.run(sql: "DELETE FROM agreement WHERE unit_id BETWEEN \(first) AND \(last)")
        try db.run(sql: "DELETE FROM membership WHERE unit_id BETWEEN \(first) AND \(last)")
        try db.run(sql: "DELETE FROM unit_former_name WHERE unit_id BETWEEN \(first) AND \(last)")
        try db.run(sql: "DELETE FROM unit WHERE id BETWEEN \(first) AND \(last)")
      }
      for name in entry.facts?["groups_created"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
        let key = NameKey.make(name)
        if let id = try db.scalar(Int.self, sql: "SELECT id FROM working_group WHERE name_key = \(key)") {
          try deleteGroupIfUnused(GroupReference(id: GroupID(id), name: name), undoing: entry)
        }
      }
      facts.pairs.append(("removed_units", .int(max(0, last - first + 1))))
      try record(.undo, entity: "import", unit: nil, facts: facts, before: nil, after: nil)
    case .meetingAdd, .meetingAttend, .meetingTopic, .meetingDecide, .followupAdd, .followupUpdate:
      guard let table = MeetingTable(action: action) else { break }
      try undoMeetingRecord(entry, table: table, facts: facts)
    case .resourceAdd, .resourceEdit, .resourceWithdraw, .needAdd, .needClaim, .needClose, .projectAdd, .projectClaim,
      .projectStart, .projectFinish, .projectDrop, .activityAdd:
      try compensateItem(entry, facts: facts)
    case .listImport:
      try compensateListImport(entry, facts: facts)
    default:
      try restore(try unitOf(entry), from: entry, facts: facts)
      if action == .withdraw, let on = entry.facts?["on"]?.stringValue {
        let closed = entry.facts?["resources"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
        try reopenResources(closed, closedOn: on)
      }
    }
  }

  /// Brings a unit back to how it was before `entry`, if it is still as `entry` left it.
  private func restore(_ id: UnitID, from entry: HistoryEntry, facts: JSONValue.KeyValuePairs) throws {
    let recorded = entry.after.flatMap(JSONReader.parse)
    let current = try currentSnapshotText(id, as: recorded)
    guard current == recorded?.text else {
      throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .changedSince(try reference(of: entry)))
    }
    let before = entry.before.flatMap(JSONReader.parse)
    // Recorded first, while the unit (if it is going) still has its name.
    try record(
      .undo, unit: id, unitName: entry.unit?.name, facts: facts, before: current.flatMap(JSONReader.parse),
      after: before)
    try replaceUnit(id, with: before)
  }

  /// `value` without the null members that `recorded` does not have.
  static func withoutAbsentNulls(_ value: JSONValue, as recorded: JSONValue?) -> JSONValue {
    guard case .object(let members) = value, case .object(let other)? = recorded else { return value }
    let keys = Set(other.pairs.map(\.0))
    return .object(JSONValue.KeyValuePairs(members.pairs.filter { keys.contains($0.0) || $0.1 != .null }))
  }

  /// Replaces everything the registry holds of a unit by a snapshot (the JSON `snapshot(_:)`
  /// writes), or deletes the unit when there is none. The rows get back the ids they had.
  func replaceUnit(_ id: UnitID, with snapshot: JSONValue?) throws {
    for table in ["group_membership", "agreement", "membership", "unit_former_name"] {
      try db.run(sql: "DELETE FROM \(identifier: table) WHERE unit_id = \(id.rawValue)")
    }
    guard let snapshot else {
      try db.run(sql: "DELETE FROM unit WHERE id = \(id.rawValue)")
      return
    }
    let name = snapshot["name"]?.stringValue ?? ""
    let key = NameKey.make(name)
    var columns = ["id", "name", "name_key", "similar_key", "created_at"]
    let createdAt: SQL = snapshot["created_at"]?.stringValue.map { text -> SQL in "\(text)" } ?? verbatimNow
    var values: [SQL] = ["\(id.rawValue)", "\(name)", "\(key)", "\(NameKey.similar(key))", createdAt]
    for column in UnitDetailColumn.all {
      columns.append(column.column)
      let value = snapshot[column.jsonKey]?.stringValue
      values.append("\(column.field == .kind ? value ?? UnitKind.fallback : value)")
    }
    let updates = columns.dropFirst().filter { $0 != "created_at" }.map { "\($0) = excluded.\($0)" }
    try db.run(
      sql: "INSERT INTO unit (\(identifier: columns.joined(separator: ", "))) VALUES ("
        + SQL.joined(values, separator: ", ")
        + ") ON CONFLICT (id) DO UPDATE SET \(identifier: updates.joined(separator: ", "))")
    for period in snapshot["periods"]?.arrayValue ?? [] {
      try db.run(
        sql: """
          INSERT INTO membership (id, unit_id, joined_on, left_on, left_reason)
          VALUES (\(period["id"]?.intValue), \(id.rawValue), \(period["joined_on"]?.stringValue), \(period["left_on"]?.stringValue),
                  \(period["left_reason"]?.stringValue))
          """)
    }
    for agreement in snapshot["agreements"]?.arrayValue ?? [] {
      try db.run(
        sql: """
          INSERT INTO agreement (id, unit_id, title, signed_on, expires_on, signatory, signatory_title, note)
          VALUES (\(agreement["id"]?.intValue), \(id.rawValue), \(agreement["title"]?.stringValue ?? AgreementTerms.defaultTitle),
                  \(agreement["signed_on"]?.stringValue), \(agreement["expires_on"]?.stringValue),
                  \(agreement["signatory"]?.stringValue), \(agreement["signatory_title"]?.stringValue),
                  \(agreement["note"]?.stringValue))
          """)
    }
    for former in snapshot["former_names"]?.arrayValue ?? [] {
      let formerName = former["name"]?.stringValue ?? ""
      try db.run(
        sql: """
          INSERT INTO unit_former_name (id, unit_id, name, name_key, renamed_on)
          VALUES (\(former["id"]?.intValue), \(id.rawValue), \(formerName), \(NameKey.make(formerName)), \(former["renamed_on"]?.stringValue))
          """)
    }
    for membership in snapshot["group_memberships"]?.arrayValue ?? [] {
      // The group by its id, or by its name in a snapshot that has no ids.
      let group = membership["group"]?.stringValue ?? ""
      try db.run(
        sql: """
          INSERT INTO group_membership (id, unit_id, group_id, role, joined_on, left_on)
          SELECT \(membership["id"]?.intValue), \(id.rawValue), g.id,
                 \(membership["role"]?.stringValue ?? GroupRole.member.rawValue),
                 \(membership["joined_on"]?.stringValue), \(membership["left_on"]?.stringValue)
          FROM working_group AS g
          WHERE g.id = \(membership["group_id"]?.intValue)
             OR (\(membership["group_id"]?.intValue) IS NULL AND g.name_key = \(NameKey.make(group)))
          """)
    }
  }

  private func deleteGroupIfUnused(_ group: GroupReference, undoing entry: HistoryEntry) throws {
    let used =
      try db.scalar(Int.self, sql: "SELECT count(*) FROM group_membership WHERE group_id = \(group.id.rawValue)") ?? 0
    if used > 0 { throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .groupInUse(group)) }
    try db.run(sql: "DELETE FROM working_group WHERE id = \(group.id.rawValue)")
  }
}
