import SQLite

/// The cleaning and the limits the lists share, so a value refused by a command is refused by
/// an import too.
enum ListValidation {
  /// A title: one line, 1 to 200 characters, visible.
  static func title(_ raw: String, problems: inout Problems) -> String? {
    problems.take(TextInput.name(raw), .title)
  }

  /// A category as stored: one line of at most 50 characters, 其他 when empty.
  static func category(_ raw: String?, problems: inout Problems) -> String {
    (problems.take(TextInput.optionalLine(raw, maxLength: TextInput.maxKindLength), .category) ?? nil)
      ?? ListCategory.fallback
  }

  static func line(_ raw: String?, _ field: Field, problems: inout Problems) -> String? {
    problems.take(TextInput.optionalLine(raw), field) ?? nil
  }

  static func note(_ raw: String?, _ field: Field, problems: inout Problems) -> String? {
    problems.take(TextInput.optionalNote(raw), field) ?? nil
  }

  /// The most a count or a number of hours can be: more is a typo.
  static let maxPeople = 1_000_000
  static let maxVolunteers = 1_000_000
  static let maxServed = 100_000_000
  static let maxHours = 10_000_000.0

  static func count(_ value: Int?, max: Int, _ field: Field, problems: inout Problems) -> Int? {
    guard let value else { return nil }
    guard (0...max).contains(value) else {
      problems.add(field, .lists(.numberOutOfRange(Double(value), max: Double(max))))
      return nil
    }
    return value
  }

  /// Hours are kept to a tenth (six minutes).
  static func hours(_ value: Double?, problems: inout Problems) -> Double? {
    guard let value else { return nil }
    guard value.isFinite, value >= 0, value <= maxHours else {
      problems.add(.hours, .lists(.numberOutOfRange(value.isFinite ? value : -1, max: maxHours)))
      return nil
    }
    return (value * 10).rounded() / 10
  }

  /// A project level as stored: one of the three, also when typed without 联建/共建/自建.
  static func level(_ raw: String?, problems: inout Problems) -> String? {
    guard let text = problems.take(TextInput.optionalLine(raw), .level) ?? nil else { return nil }
    let key = NameKey.make(text)
    if let level = ProjectLevel.all.first(where: { key == NameKey.make($0) }) { return level }
    if let level = Vocabulary.projectLevelShortForms[key] { return level }
    problems.add(.level, .lists(.unknownLevel(text, known: ProjectLevel.all)))
    return nil
  }
}

/// The tables that hold one item of a list: its own row and the rows that belong to it, which a
/// snapshot carries and `undo` puts back.
struct ItemTables {
  var main: String
  /// Child tables and the column that names the item in each.
  var children: [(table: String, column: String)]

  static func of(_ kind: EntityKind) -> ItemTables {
    switch kind {
    case .resource: ItemTables(main: "resource", children: [])
    case .need:
      ItemTables(main: "need", children: [("need_status_change", "need_id"), ("claim", "need_id")])
    case .project:
      ItemTables(
        main: "project",
        children: [
          ("project_status_change", "project_id"), ("project_need", "project_id"),
          ("project_resource", "project_id"), ("project_unit", "project_id"), ("claim", "project_id"),
        ])
    case .activity: ItemTables(main: "activity", children: [("activity_unit", "activity_id")])
    case .unit, .group: ItemTables(main: kind.table, children: [])
    }
  }
}

extension Registry {
  /// Whether the registry has the lists' tables: a read-only command reads an older registry as
  /// it is, and shows its lists as empty.
  func hasListTables() throws -> Bool {
    if let known = listTablesPresent { return known }
    let present =
      try db.scalar(Int.self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'claim'") ?? 0 > 0
    listTablesPresent = present
    return present
  }

  /// The unit, when it was in the alliance on `day`; refused otherwise.
  func unitInAlliance(_ id: UnitID, on day: Day) throws -> UnitReference {
    let unit = try unitReference(id)
    let active =
      try db.scalar(
        Int.self,
        sql: "SELECT count(*) FROM membership AS m WHERE m.unit_id = \(id.rawValue) AND "
          + ActivePeriods.on(day, alias: "m")) ?? 0
    guard active > 0 else { throw Refusal.lists(.unitNotInAlliance(unit, day: day)) }
    return unit
  }

  /// The day a change is dated: not after today.
  func checkNotAfterToday(_ day: Day, role: DateRole, field: Field) throws {
    var problems = Problems()
    Validation.notInFuture(day, today: today, role: role, field: field, problems: &problems)
    try problems.check()
  }

  // MARK: - Snapshots: an item as rows, for the history and for undo

  /// Every row of an item (its own and its children's) as JSON: `{"row": {…}, "children":
  /// {"table": [{…}]}}`; nil when there is no such item.
  func itemSnapshot(_ kind: EntityKind, _ id: Int) throws -> JSONValue? {
    let tables = ItemTables.of(kind)
    let main = try rowsAsJSON(sql: "SELECT * FROM \(identifier: tables.main) WHERE id = \(id)")
    guard let row = main.first else { return nil }
    var children: [(String, JSONValue)] = []
    for child in tables.children {
      let rows = try rowsAsJSON(
        sql: "SELECT * FROM \(identifier: child.table) WHERE \(identifier: child.column) = \(id) ORDER BY 1, 2")
      children.append((child.table, .array(rows)))
    }
    return .object(["row": row, "children": .object(JSONValue.KeyValuePairs(children))])
  }

  private func rowsAsJSON(sql query: SQL) throws -> [JSONValue] {
    let statement = try db.prepare(sql: query)
    var rows: [JSONValue] = []
    while try statement.step() {
      var pairs: [(String, JSONValue)] = []
      for column in 0..<statement.columnCount {
        let value: JSONValue
        switch statement.columnType(column) {
        case .null: value = .null
        case .integer: value = .int(try statement.required(column))
        case .real: value = .double(try statement.required(column))
        case .text: value = .string(try statement.required(column))
        case .blob: value = .null
        }
        pairs.append((statement.columnName(column), value))
      }
      rows.append(.object(JSONValue.KeyValuePairs(pairs)))
    }
    return rows
  }

  /// Replaces every row of an item by those of a snapshot, or deletes the item when there is none.
  func replaceItem(_ kind: EntityKind, _ id: Int, with snapshot: JSONValue?) throws {
    let tables = ItemTables.of(kind)
    // The item's own row is deleted and put back: rows of other items that name it (a claim
    // naming a resource) are checked when the transaction ends, not in between.
    try db.execute("PRAGMA defer_foreign_keys = ON")
    for child in tables.children {
      try db.run(sql: "DELETE FROM \(identifier: child.table) WHERE \(identifier: child.column) = \(id)")
    }
    try db.run(sql: "DELETE FROM \(identifier: tables.main) WHERE id = \(id)")
    guard let snapshot, let row = snapshot["row"] else { return }
    try insertRow(tables.main, row)
    for child in tables.children {
      for childRow in snapshot["children"]?[child.table]?.arrayValue ?? [] { try insertRow(child.table, childRow) }
    }
  }

  private func insertRow(_ table: String, _ row: JSONValue) throws {
    guard case .object(let members) = row, !members.pairs.isEmpty else { return }
    var values: [SQL] = []
    for (_, value) in members.pairs {
      switch value {
      case .int(let number): values.append("\(number)")
      case .double(let number): values.append("\(number)")
      case .string(let text): values.append("\(text)")
      default: values.append("NULL")
      }
    }
    let columns = members.pairs.map(\.0).joined(separator: ", ")
    try db.run(
      sql: "INSERT INTO \(identifier: table) (\(identifier: columns)) VALUES (" + SQL.joined(values, separator: ", ")
        + ")")
  }

  /// Records a change to an item, with the item's rows before and after.
  func recordItem(
    _ action: ChangeAction, item: ItemReference, unit: UnitID?, facts: JSONValue.KeyValuePairs, before: JSONValue?
  ) throws {
    var all = facts
    all.pairs.insert(("title", .string(item.title)), at: 0)
    all.pairs.insert(("id", .int(item.id)), at: 0)
    try record(
      action, entity: item.kind.rawValue, entityID: item.id, unit: unit, facts: all, before: before,
      after: try itemSnapshot(item.kind, item.id))
  }

  /// Takes back a change to an item: puts its rows back as they were before, if they are still
  /// as the change left them. Runs inside `undo`'s transaction.
  func compensateItem(_ entry: HistoryEntry, facts: JSONValue.KeyValuePairs) throws {
    guard let kind = EntityKind(rawValue: entry.entity), let id = entry.entityID else {
      throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .notReversible)
    }
    let current = try itemSnapshot(kind, id)
    let after = entry.after.flatMap(JSONReader.parse)
    guard current?.text == after?.text else {
      let title = entry.facts?["title"]?.stringValue ?? ""
      throw Refusal.lists(
        .cannotUndoItem(action: entry.action, at: entry.at, item: ItemReference(kind, id: id, title: title)))
    }
    let before = entry.before.flatMap(JSONReader.parse)
    var all = facts
    all.pairs.append(("title", .string(entry.facts?["title"]?.stringValue ?? "")))
    try record(
      .undo, entity: kind.rawValue, entityID: id, unit: entry.unit?.id, unitName: entry.unit?.name, facts: all,
      before: current, after: before)
    try replaceItem(kind, id, with: before)
  }

  /// Takes back an import of a list: removes the items it added (their ids are consecutive).
  func compensateListImport(_ entry: HistoryEntry, facts: JSONValue.KeyValuePairs) throws {
    guard let kind = entry.facts?["list"]?.stringValue.flatMap(EntityKind.init(rawValue:)) else {
      throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .notReversible)
    }
    let ids = entry.facts?["ids"]?.arrayValue?.compactMap(\.intValue) ?? []
    for id in ids.reversed() {
      if try itemSnapshot(kind, id) == nil { continue }
      try replaceItem(kind, id, with: nil)
    }
    var all = facts
    all.pairs.append(("list", .string(kind.rawValue)))
    all.pairs.append(("removed", .int(ids.count)))
    try record(.undo, entity: "import", unit: nil, facts: all, before: nil, after: nil)
  }
}

extension Registry {
  /// How many resources, needs, claims, projects and service records name a unit.
  func listEntries(of unit: UnitID) throws -> Int {
    guard try hasListTables() else { return 0 }
    return try db.scalar(
      Int.self,
      sql: """
        SELECT (SELECT count(*) FROM resource WHERE unit_id = \(unit.rawValue))
          + (SELECT count(*) FROM need WHERE raised_by_unit_id = \(unit.rawValue))
          + (SELECT count(*) FROM claim WHERE unit_id = \(unit.rawValue))
          + (SELECT count(*) FROM project WHERE lead_unit_id = \(unit.rawValue))
          + (SELECT count(*) FROM project_unit WHERE unit_id = \(unit.rawValue))
          + (SELECT count(*) FROM activity_unit WHERE unit_id = \(unit.rawValue))
        """) ?? 0
  }
}
