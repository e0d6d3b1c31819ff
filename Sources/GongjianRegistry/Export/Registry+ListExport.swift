import SQLite

extension Registry {
  /// Streams every row of a list in its file's columns (`ListFile.columns`), by id: texts as
  /// the file holds them, dates ISO, nil for an empty cell. Returns the number of rows.
  @discardableResult
  func forEachListRow(_ list: ListFile, _ body: ([String?]) throws -> Void) throws -> Int {
    guard try hasListTables() else { return 0 }
    var count = 0
    switch list {
    case .resources:
      let statement = try db.prepare(
        sql: """
          SELECT \(identifier: Registry.resourceColumns) FROM resource AS r JOIN unit AS u ON u.id = r.unit_id
          ORDER BY r.id
          """)
      while try statement.step() {
        let resource = try resource(from: statement)
        try body([
          String(resource.id.rawValue), resource.unit.name, resource.title, resource.category, resource.capacity,
          resource.availableFrom.iso, resource.availableUntil?.iso, resource.contact, resource.description,
          resource.withdrawnOn?.iso,
        ])
        count += 1
      }
    case .needs:
      let claims = try MergeCursor(db.prepare(Registry.claimCursorSQL(column: "need_id")))
      let statement = try db.prepare(
        sql: "SELECT \(identifier: Registry.needColumns) \(identifier: Registry.needFrom) ORDER BY n.id")
      while try statement.step() {
        let need = try need(from: statement)
        var raiser: String?
        switch need.raisedBy {
        case .centre: break
        case .unit(let unit): raiser = unit.name
        case .other(let text): raiser = text
        }
        let claimCells = try claims.rows(for: need.id.rawValue, Registry.claimCell)
        try body([
          String(need.id.rawValue), need.title, need.category, raiser, need.raisedOn.iso, need.people.map(String.init),
          need.deadline?.iso, need.description, Vocabulary.needStatusWord(need.status),
          need.status.isFinal ? need.statusOn.iso : nil, Registry.joinedClaims(claimCells),
        ])
        count += 1
      }
    case .projects:
      let claims = try MergeCursor(db.prepare(Registry.claimCursorSQL(column: "project_id")))
      let statement = try db.prepare(
        sql: "SELECT \(identifier: Registry.projectColumns) \(identifier: Registry.projectFrom) ORDER BY p.id")
      while try statement.step() {
        let project = try project(from: statement)
        let claimCells = try claims.rows(for: project.id.rawValue, Registry.claimCell)
        try body([
          String(project.id.rawValue), project.title, project.category, project.level, project.lead?.name,
          Registry.joined(project.units.map(\.name)), Registry.joined(project.needs.map { String($0.id) }),
          Registry.joined(project.resources.map { String($0.id) }), project.startOn?.iso, project.endOn?.iso,
          project.proposedOn.iso, Vocabulary.projectStatusWord(project.status), Registry.joinedClaims(claimCells),
          project.startedOn?.iso, project.endedOn?.iso, project.description,
        ])
        count += 1
      }
    case .activities:
      try forEachActivityRow { activity in
        try body([
          String(activity.id), String(activity.project.id), activity.project.title, activity.on.iso,
          Registry.joined(activity.units.map(\.name)), String(activity.volunteers), JSON.formatNumber(activity.hours),
          String(activity.served), activity.note,
        ])
        count += 1
      }
    }
    return count
  }

  /// Every service record by id, without a transaction of its own.
  private func forEachActivityRow(_ body: (Activity) throws -> Void) throws {
    let statement = try db.prepare(
      """
      SELECT a.id, a.project_id, p.title, a.happened_on, a.volunteers, a.hours, a.served, a.note,
        (SELECT group_concat(item, char(31)) FROM (
           SELECT au.unit_id || char(30) || u.name AS item FROM activity_unit AS au JOIN unit AS u ON u.id = au.unit_id
           WHERE au.activity_id = a.id ORDER BY au.unit_id))
      FROM activity AS a JOIN project AS p ON p.id = a.project_id ORDER BY a.id
      """)
    while try statement.step() {
      try body(
        Activity(
          id: try statement.required(0),
          project: ItemReference(.project, id: try statement.required(1), title: try statement.required(2)),
          on: try day(statement, 3), units: Registry.unitList(try statement.column(8)),
          volunteers: try statement.required(4), hours: try statement.required(5), served: try statement.required(6),
          note: try statement.column(7)))
    }
  }

  /// Claims ordered by the item they belong to (column 0), for a `MergeCursor`.
  static func claimCursorSQL(column: String) -> String {
    """
    SELECT c.\(column), c.claimed_on, u.name, c.resource_id FROM claim AS c JOIN unit AS u ON u.id = c.unit_id
    WHERE c.\(column) IS NOT NULL ORDER BY c.\(column), c.claimed_on, c.id
    """
  }

  /// `单位名称（2019-07-01）`, or `单位名称（2019-07-01，资源#12）` for a resource a need claimed.
  static func claimCell(_ statement: Statement) throws -> String {
    let day: String = try statement.required(1)
    let name: String = try statement.required(2)
    if let resource: Int = try statement.column(3) {
      return "\(name)（\(day)\(Vocabulary.claimPartSeparator)\(Vocabulary.resourceMarkers[0])#\(resource)）"
    }
    return "\(name)（\(day)）"
  }

  static func joinedClaims(_ cells: [String]) -> String? {
    cells.isEmpty ? nil : cells.joined(separator: Vocabulary.claimSeparatorWritten)
  }

  static func joined(_ items: [String]) -> String? {
    items.isEmpty ? nil : items.joined(separator: Vocabulary.groupSeparator)
  }

  /// One list as CSV with its Chinese headers (RFC 4180, CRLF; `bom` for Excel).
  @discardableResult
  public func exportListCSV(_ list: ListFile, to output: any TextOutput, bom: Bool) throws -> Int {
    try read {
      if bom { output.write("\u{FEFF}") }
      output.write(CSVWriter.line(list.columns.map(\.chinese)))
      var line = ""
      return try forEachListRow(list) { row in
        line.removeAll(keepingCapacity: true)
        CSVWriter.append(row.map { $0 ?? "" }, to: &line)
        output.write(line)
      }
    }
  }

  /// The lists as JSON arrays for the whole-registry export, each item in its listing's shape.
  func writeListsJSON(to output: any TextOutput) throws {
    guard try hasListTables() else {
      output.write(",\n  \"resources\": [],\n  \"needs\": [],\n  \"projects\": [],\n  \"activities\": []")
      return
    }
    for list in ListFile.allCases {
      output.write(",\n  \"\(list.rawValue)\": ")
      try writeListJSON(list, to: output, indent: "  ")
    }
  }

  /// One list as a JSON array, an object per row with the file's English column names as keys.
  @discardableResult
  public func exportListJSON(_ list: ListFile, to output: any TextOutput) throws -> Int {
    try read {
      let count = try writeListJSON(list, to: output, indent: "")
      output.write("\n")
      return count
    }
  }

  @discardableResult
  private func writeListJSON(_ list: ListFile, to output: any TextOutput, indent: String) throws -> Int {
    output.write("[")
    var first = true
    var text = ""
    let keys = list.columns.map(\.english)
    let count = try forEachListRow(list) { row in
      text.removeAll(keepingCapacity: true)
      text += first ? "\n  \(indent)" : ",\n  \(indent)"
      var pairs: [(String, JSONValue)] = []
      for (index, column) in list.columns.enumerated() {
        let value = row[index]
        switch column.kind {
        case .number:
          if let value, let number = Double(value) {
            pairs.append((keys[index], number == number.rounded() ? .int(Int(number)) : .double(number)))
          } else {
            pairs.append((keys[index], .null))
          }
        default: pairs.append((keys[index], .optional(value)))
        }
      }
      JSON.append(.object(JSONValue.KeyValuePairs(pairs)), to: &text, indent: nil, level: 0)
      output.write(text)
      first = false
    }
    output.write(first ? "]" : "\n\(indent)]")
    return count
  }
}
