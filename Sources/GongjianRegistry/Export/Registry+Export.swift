import SQLite

/// Where export writes: the CLI's output (stdout or a file).
public protocol TextOutput: AnyObject {
  func write(_ text: String)
  /// UTF-8 text as bytes (a listing's rows, built without an intermediate String).
  func write(bytes: UnsafeRawBufferPointer)
}

extension TextOutput {
  public func write(bytes: UnsafeRawBufferPointer) {
    write(String(decoding: bytes, as: UTF8.self))
  }
}

extension Registry {
  /// The columns export writes, in order: the import format (SPEC §8).
  static let exportFields: [Field] = ImportColumns.all.map(\.field)

  /// One row per unit, in the import format, by id. Groups are those of the unit's latest
  /// period: open ones, or for a unit that left, those it left with; named in name order, a
  /// lead marked 牵头, so that a registry exported, imported and exported again gives the same
  /// bytes.
  static func exportRowsSQL(creditCodes: Bool) -> String {
    """
    SELECT u.name, u.kind, m.joined_on, m.left_on, m.left_reason, a.signatory, a.signatory_title, a.title,
      a.expires_on,
      (SELECT group_concat(label, '\(Vocabulary.groupSeparator)') FROM (
         SELECT g.name || CASE gm.role WHEN 'lead' THEN '\(Vocabulary.leadMarks[0])' ELSE '' END AS label
         FROM group_membership AS gm JOIN working_group AS g ON g.id = gm.group_id
         WHERE gm.unit_id = u.id AND gm.left_on IS m.left_on ORDER BY g.name)),
      u.contact_name, u.contact_phone, u.address, u.party_org, u.note,
      \(creditCodes ? "u.credit_code" : "NULL")
    FROM unit AS u
    JOIN membership AS m ON m.id = (
      SELECT id FROM membership WHERE unit_id = u.id ORDER BY joined_on DESC LIMIT 1)
    LEFT JOIN agreement AS a ON a.id = (
      SELECT id FROM agreement WHERE unit_id = u.id ORDER BY signed_on DESC, id DESC LIMIT 1)
    ORDER BY u.id
    """
  }

  /// Streams every unit's export row to `body` (texts in `exportFields` order; nil is empty).
  /// Returns the number of units.
  @discardableResult
  func forEachExportRow(_ body: ([String?]) throws -> Void) throws -> Int {
    if creditCodePresent == nil { creditCodePresent = try hasColumn("credit_code", in: "unit") }
    let statement = try db.prepare(Registry.exportRowsSQL(creditCodes: creditCodePresent == true))
    let width = ImportColumns.all.count
    var count = 0
    var row = [String?](repeating: nil, count: width)
    while try statement.step() {
      for column in 0..<width { row[column] = try statement.column(Int32(column), as: String.self) }
      try body(row)
      count += 1
    }
    return count
  }

  /// The whole registry as CSV in the import format (RFC 4180, CRLF; `bom` for Excel).
  @discardableResult
  public func exportCSV(to output: any TextOutput, bom: Bool) throws -> Int {
    try read {
      if bom { output.write("\u{FEFF}") }
      output.write(CSVWriter.line(ImportColumns.all.map(\.chinese)))
      var line = ""
      return try forEachExportRow { row in
        line.removeAll(keepingCapacity: true)
        CSVWriter.append(row.map { $0 ?? "" }, to: &line)
        output.write(line)
      }
    }
  }

  /// The whole registry as JSON with the full structure: the registry, its working groups,
  /// and every unit with its periods, agreements, group memberships and former names.
  /// Streamed unit by unit: the related rows come from cursors ordered by unit, merged.
  @discardableResult
  public func exportJSON(to output: any TextOutput) throws -> Int {
    try read {
      let settings = try settingsInTransaction()
      output.write(
        "{\n  \"registry\": "
          + JSONValue.object(["subdistrict": .string(settings.subdistrict), "district": .string(settings.district)])
          .text
          + ",\n  \"groups\": [")
      let groups = try db.prepare(
        "SELECT name, description, established_on, dissolved_on FROM working_group ORDER BY name")
      var first = true
      while try groups.step() {
        output.write(
          (first ? "\n    " : ",\n    ")
            + JSONValue.object([
              "name": .string(try groups.required(0)), "description": .optional(try groups.column(1)),
              "established_on": .optional(try groups.column(2)), "dissolved_on": .optional(try groups.column(3)),
            ]).text)
        first = false
      }
      output.write(first ? "],\n  \"units\": [" : "\n  ],\n  \"units\": [")

      // Each cursor is ordered by unit, then as `loadDetail` orders a unit's rows, so a unit
      // exported here is the unit `show` shows: one JSON shape for both.
      let periods = try MergeCursor(
        db.prepare("SELECT unit_id, id, joined_on, left_on, left_reason FROM membership ORDER BY unit_id, joined_on"))
      let agreements = try MergeCursor(
        db.prepare(
          """
          SELECT a.unit_id, a.id, u.name, a.title, a.signed_on, a.expires_on, a.signatory, a.signatory_title, a.note
          FROM agreement AS a JOIN unit AS u ON u.id = a.unit_id ORDER BY a.unit_id, a.signed_on, a.id
          """))
      let memberships = try MergeCursor(
        db.prepare(
          """
          SELECT gm.unit_id, gm.id, u.name, gm.group_id, g.name, gm.role, gm.joined_on, gm.left_on
          FROM group_membership AS gm JOIN unit AS u ON u.id = gm.unit_id
          JOIN working_group AS g ON g.id = gm.group_id ORDER BY gm.unit_id, gm.joined_on, g.id
          """))
      let formerNames = try MergeCursor(
        db.prepare("SELECT unit_id, name, renamed_on FROM unit_former_name ORDER BY unit_id, renamed_on, id"))
      let units = try db.prepare("SELECT id, name, created_at, \(try unitDetailColumnsSQL()) FROM unit ORDER BY id")
      var count = 0
      var text = ""
      while try units.step() {
        let id: Int = try units.required(0)
        var details = UnitDetails()
        for (offset, column) in UnitDetailColumn.all.enumerated() {
          details[keyPath: column.value] = try units.column(Int32(3 + offset))
        }
        let unit = UnitDetail(
          id: UnitID(id), name: try units.required(1), details: details, createdAt: try units.required(2),
          periods: try periods.rows(for: id) { statement in
            MembershipPeriod(
              id: try statement.required(1), joinedOn: try day(statement, 2), leftOn: try optionalDay(statement, 3),
              leftReason: try statement.column(4))
          },
          agreements: try agreements.rows(for: id) { statement in
            Agreement(
              id: try statement.required(1), unit: UnitReference(id: UnitID(id), name: try statement.required(2)),
              title: try statement.required(3), signedOn: try day(statement, 4),
              expiresOn: try optionalDay(statement, 5), signatory: try statement.column(6),
              signatoryTitle: try statement.column(7), note: try statement.column(8))
          },
          groups: try memberships.rows(for: id) { statement in
            GroupMembership(
              id: try statement.required(1), unit: UnitReference(id: UnitID(id), name: try statement.required(2)),
              group: GroupReference(id: GroupID(try statement.required(3)), name: try statement.required(4)),
              role: GroupRole(rawValue: try statement.required(5)) ?? .member, joinedOn: try day(statement, 6),
              leftOn: try optionalDay(statement, 7))
          },
          formerNames: try formerNames.rows(for: id) { statement in
            FormerName(name: try statement.required(1), renamedOn: try day(statement, 2))
          })
        text.removeAll(keepingCapacity: true)
        text += count == 0 ? "\n    " : ",\n    "
        JSON.append(UnitJSON.detail(unit), to: &text, indent: nil, level: 0)
        output.write(text)
        count += 1
      }
      output.write(count == 0 ? "]" : "\n  ]")
      try writeListsJSON(to: output)
      output.write("\n}\n")
      return count
    }
  }
}

/// A statement ordered by unit id (column 0), read alongside the units: `rows(for:)` takes
/// the rows of one unit and stops at the next, so related rows stream without a query per unit.
final class MergeCursor {
  private let statement: Statement
  private var hasRow: Bool

  init(_ statement: Statement) throws {
    self.statement = statement
    hasRow = try statement.step()
  }

  func rows<T>(for unitID: Int, _ transform: (Statement) throws -> T) throws -> [T] {
    var result: [T] = []
    while hasRow {
      let current: Int = try statement.required(0)
      if current > unitID { break }
      if current == unitID { result.append(try transform(statement)) }
      hasRow = try statement.step()
    }
    return result
  }
}
