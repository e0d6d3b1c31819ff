import SQLite

/// The change `undo` takes back: one command's changes (a batch), latest first.
public struct UndoPlan: Equatable, Sendable {
  public var batch: Int
  /// The entries of the batch, in the order they are taken back (the last made first).
  public var entries: [HistoryEntry]
}

extension Registry {
  /// The latest change that is neither an undo nor undone yet: what `undo` would take back.
  public func undoPlan() throws -> UndoPlan {
    try read { try latestUndoable() }
  }

  /// Takes back the latest change by a compensating change, recorded in the history like any
  /// other. Changes are taken back latest first, one command at a time; a change whose unit no
  /// longer looks as the change left it is refused, with nothing changed.
  public func undo() throws -> UndoPlan {
    try write {
      let plan = try latestUndoable()
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
        WHERE action <> 'undo' AND batch NOT IN (
          SELECT json_extract(facts, '$.undone_batch') FROM history WHERE action = 'undo')
        """)
    else { throw Refusal.nothingToUndo }
    var entries: [HistoryEntry] = []
    try readHistory(unit: nil, batch: batch) { entries.append($0) }
    return UndoPlan(batch: batch, entries: entries.reversed())
  }

  /// Undoes one entry, inside the write transaction.
  private func compensate(_ entry: HistoryEntry, batch: Int) throws {
    guard let action = entry.change, entry.facts != nil, action != .initialize else {
      throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .notReversible)
    }
    var facts: JSONValue.KeyValuePairs = ["undone_batch": .int(batch), "undone_action": .string(entry.action)]
    switch action {
    case .groupAdd:
      guard let id = entry.entityID else { break }
      let group = try groupReference(GroupID(id))
      try deleteGroupIfUnused(group)
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
          try deleteGroupIfUnused(GroupReference(id: GroupID(id), name: name))
        }
      }
      facts.pairs.append(("removed_units", .int(max(0, last - first + 1))))
      try record(.undo, entity: "import", unit: nil, facts: facts, before: nil, after: nil)
    case .resourceAdd, .resourceEdit, .resourceWithdraw, .needAdd, .needClaim, .needClose, .projectAdd, .projectClaim,
      .projectStart, .projectFinish, .projectDrop, .activityAdd:
      try compensateItem(entry, facts: facts)
    case .listImport:
      try compensateListImport(entry, facts: facts)
    default:
      guard let unitID = entry.unit?.id ?? entry.entityID.map({ UnitID($0) }) else {
        throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .notReversible)
      }
      try restore(unitID, from: entry, facts: facts)
      if action == .withdraw, let on = entry.facts?["on"]?.stringValue {
        let closed = entry.facts?["resources"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
        try reopenResources(closed, closedOn: on)
      }
    }
  }

  /// Brings a unit back to how it was before `entry`, if it is still as `entry` left it.
  private func restore(_ id: UnitID, from entry: HistoryEntry, facts: JSONValue.KeyValuePairs) throws {
    let exists = try db.scalar(Int.self, sql: "SELECT count(*) FROM unit WHERE id = \(id.rawValue)") ?? 0 > 0
    let recorded = entry.after.flatMap(JSONReader.parse)
    // A snapshot recorded before a detail existed (a credit code) lacks its key: compared
    // without the keys it lacks that are empty now.
    let current = exists ? Registry.withoutAbsentNulls(try unitSnapshot(id), as: recorded).text : nil
    let reference = UnitReference(id: id, name: entry.unit?.name ?? "")
    guard current == recorded?.text else {
      throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .changedSince(reference))
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

  /// Replaces everything the registry holds of a unit by a snapshot (the JSON `UnitJSON`
  /// writes), or deletes the unit when there is none.
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
    var values: [SQL] = ["\(id.rawValue)", "\(name)", "\(key)", "\(NameKey.similar(key))", verbatimNow]
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
          INSERT INTO membership (unit_id, joined_on, left_on, left_reason)
          VALUES (\(id.rawValue), \(period["joined_on"]?.stringValue), \(period["left_on"]?.stringValue),
                  \(period["left_reason"]?.stringValue))
          """)
    }
    for agreement in snapshot["agreements"]?.arrayValue ?? [] {
      try db.run(
        sql: """
          INSERT INTO agreement (unit_id, title, signed_on, expires_on, signatory, signatory_title, note)
          VALUES (\(id.rawValue), \(agreement["title"]?.stringValue ?? AgreementTerms.defaultTitle),
                  \(agreement["signed_on"]?.stringValue), \(agreement["expires_on"]?.stringValue),
                  \(agreement["signatory"]?.stringValue), \(agreement["signatory_title"]?.stringValue),
                  \(agreement["note"]?.stringValue))
          """)
    }
    for former in snapshot["former_names"]?.arrayValue ?? [] {
      let formerName = former["name"]?.stringValue ?? ""
      try db.run(
        sql: """
          INSERT INTO unit_former_name (unit_id, name, name_key, renamed_on)
          VALUES (\(id.rawValue), \(formerName), \(NameKey.make(formerName)), \(former["renamed_on"]?.stringValue))
          """)
    }
    for membership in snapshot["group_memberships"]?.arrayValue ?? [] {
      let group = membership["group"]?.stringValue ?? ""
      try db.run(
        sql: """
          INSERT INTO group_membership (unit_id, group_id, role, joined_on, left_on)
          SELECT \(id.rawValue), g.id, \(membership["role"]?.stringValue ?? GroupRole.member.rawValue),
                 \(membership["joined_on"]?.stringValue), \(membership["left_on"]?.stringValue)
          FROM working_group AS g WHERE g.name_key = \(NameKey.make(group))
          """)
    }
  }

  private func deleteGroupIfUnused(_ group: GroupReference) throws {
    let used =
      try db.scalar(Int.self, sql: "SELECT count(*) FROM group_membership WHERE group_id = \(group.id.rawValue)") ?? 0
    if used > 0 { throw Refusal.cannotUndo(action: ChangeAction.groupAdd.rawValue, at: "", reason: .groupInUse(group)) }
    try db.run(sql: "DELETE FROM working_group WHERE id = \(group.id.rawValue)")
  }
}
