import SQLite

/// Which units a listing shows.
public struct UnitFilter: Equatable, Sendable {
  /// Units active on this day (the default is today).
  public var activeOn: Day?
  /// Units active at the end of this year: the growth report's total.
  public var activeInYear: Int?
  public var joinedInYear: Int?
  public var leftInYear: Int?
  public var group: GroupID?
  public var kind: String?
  /// Include units that have left.
  public var all: Bool
  /// Units whose name, or a former name, contains this text (compared by key, as lookups are).
  public var nameContains: String?

  public init(
    activeOn: Day? = nil, activeInYear: Int? = nil, joinedInYear: Int? = nil, leftInYear: Int? = nil,
    group: GroupID? = nil, kind: String? = nil, all: Bool = false, nameContains: String? = nil
  ) {
    self.activeOn = activeOn
    self.activeInYear = activeInYear
    self.joinedInYear = joinedInYear
    self.leftInYear = leftInYear
    self.group = group
    self.kind = kind
    self.all = all
    self.nameContains = nameContains
  }
}

extension Registry {
  // MARK: - list

  /// The units a filter selects, one row per unit with the period the filter is about,
  /// ordered by joining date. Every condition is SQL; nothing is filtered in Swift.
  public func listUnits(_ filter: UnitFilter) throws -> [UnitListing] {
    var rows: [UnitListing] = []
    try forEachUnit(filter) { rows.append($0) }
    return rows
  }

  /// The same listing, one unit at a time, without holding them all in memory.
  public func forEachUnit(_ filter: UnitFilter, _ body: (UnitListing) throws -> Void) throws {
    try read { try forEachUnitInSnapshot(filter, body) }
  }

  /// The listing, inside a read the caller holds.
  func forEachUnitInSnapshot(_ filter: UnitFilter, _ body: (UnitListing) throws -> Void) throws {
    do {
      var conditions: [SQL] = []
      let reference: Day?
      if let day = filter.activeOn {
        reference = day
      } else if let year = filter.activeInYear {
        reference = try yearEnd(year)
      } else if filter.all || filter.joinedInYear != nil || filter.leftInYear != nil {
        reference = nil
      } else {
        reference = today
      }
      if let reference { conditions.append(ActivePeriods.on(reference, alias: "m")) }
      if let year = filter.joinedInYear {
        conditions.append("m.joined_on BETWEEN \(try yearStart(year).iso) AND \(try yearEnd(year).iso)")
      }
      if let year = filter.leftInYear {
        conditions.append("m.left_on BETWEEN \(try yearStart(year).iso) AND \(try yearEnd(year).iso)")
      }
      if let kind = filter.kind {
        conditions.append("u.kind = \(try cleanKind(kind))")
      }
      if let text = filter.nameContains, case let key = NameKey.make(text), !key.isEmpty {
        conditions.append(
          """
          (instr(u.name_key, \(key)) > 0 OR EXISTS (
             SELECT 1 FROM unit_former_name AS f WHERE f.unit_id = u.id AND instr(f.name_key, \(key)) > 0))
          """)
      }
      // A group's listing is of its memberships: each with the alliance period it lies in, so
      // a former member shows the role and period it had in the group, not a later one.
      var groupJoin: SQL = ""
      var stintColumns: SQL = "NULL AS stint_role, NULL AS stint_joined_on, NULL AS stint_left_on"
      var latestFirst: SQL = "m.joined_on DESC"
      if let group = filter.group {
        _ = try groupReference(group)
        var membership: SQL = """
          gm.unit_id = u.id AND gm.group_id = \(group.rawValue) AND gm.joined_on >= m.joined_on
          AND (m.left_on IS NULL OR gm.joined_on < m.left_on)
          """
        if let reference { membership += " AND " + ActivePeriods.on(reference, alias: "gm") }
        groupJoin = "JOIN group_membership AS gm ON " + membership
        stintColumns = "gm.role AS stint_role, gm.joined_on AS stint_joined_on, gm.left_on AS stint_left_on"
        latestFirst = "gm.joined_on DESC, gm.id DESC"
      }
      let groupDay = reference ?? today
      let filtered: SQL = conditions.isEmpty ? "" : "WHERE " + SQL.joined(conditions, separator: " AND ")
      let statement = try db.prepare(
        sql: """
          SELECT id, name, kind, joined_on, left_on,
            (SELECT group_concat(name, char(31)) FROM (
               SELECT g.name FROM group_membership AS gm JOIN working_group AS g ON g.id = gm.group_id
               WHERE gm.unit_id = picked.id AND \(ActivePeriods.on(groupDay, alias: "gm"))
               ORDER BY gm.role, g.id)),
            stint_role, stint_joined_on, stint_left_on
          FROM (
            SELECT u.id, u.name, u.kind, m.joined_on, m.left_on,
                   \(stintColumns),
                   row_number() OVER (PARTITION BY u.id ORDER BY \(latestFirst)) AS latest
            FROM unit AS u JOIN membership AS m ON m.unit_id = u.id
            \(groupJoin)
            \(filtered)
          ) AS picked
          WHERE latest = 1
          ORDER BY joined_on, id
          """)
      while try statement.step() {
        let groups = try statement.column(5, as: String.self)?.split(separator: "\u{1F}").map(String.init) ?? []
        var stint: GroupStint?
        if let role = try statement.column(6, as: String.self) {
          stint = GroupStint(
            role: GroupRole(rawValue: role) ?? .member, joinedOn: try day(statement, 7),
            leftOn: try optionalDay(statement, 8))
        }
        try body(
          UnitListing(
            id: UnitID(try statement.required(0)), name: try statement.required(1), kind: try statement.required(2),
            joinedOn: try day(statement, 3), leftOn: try optionalDay(statement, 4), groups: groups, groupStint: stint))
      }
    }
  }

  /// A kind as typed, cleaned the way it is stored, so a filter finds what was stored.
  func cleanKind(_ kind: String) throws -> String {
    switch Validation.clean(.kind, kind) {
    case .success(let clean): return clean ?? ""
    case .failure(let problem): throw Refusal.invalid(.kind, problem)
    }
  }

  func yearStart(_ year: Int) throws -> Day {
    guard let day = Day(year: year, month: 1, day: 1) else { throw Refusal.yearOutOfRange(year) }
    return day
  }

  func yearEnd(_ year: Int) throws -> Day {
    guard let day = Day(year: year, month: 12, day: 31) else { throw Refusal.yearOutOfRange(year) }
    return day
  }

  // MARK: - show

  /// Everything about one unit.
  public func unitDetail(_ id: UnitID) throws -> UnitDetail {
    try read { try loadDetail(id) }
  }

  func loadDetail(_ id: UnitID) throws -> UnitDetail {
    let unit = try db.prepare(
      sql: "SELECT id, name, created_at, \(identifier: try unitDetailColumnsSQL()) FROM unit WHERE id = \(id.rawValue)")
    guard try unit.step() else { throw Refusal.noSuchID(.unit, id: id.rawValue) }
    var details = UnitDetails()
    for (offset, column) in UnitDetailColumn.all.enumerated() {
      details[keyPath: column.value] = try unit.column(Int32(3 + offset))
    }
    var detail = UnitDetail(
      id: UnitID(try unit.required(0)), name: try unit.required(1), details: details, createdAt: try unit.required(2),
      periods: [], agreements: [], groups: [], formerNames: [])
    let periods = try db.prepare(
      sql:
        "SELECT id, joined_on, left_on, left_reason FROM membership WHERE unit_id = \(id.rawValue) ORDER BY joined_on")
    while try periods.step() {
      detail.periods.append(
        MembershipPeriod(
          id: try periods.required(0), joinedOn: try day(periods, 1), leftOn: try optionalDay(periods, 2),
          leftReason: try periods.column(3)))
    }
    detail.agreements = try agreements(where: "a.unit_id = \(id.rawValue)")
    detail.groups = try groupMemberships(where: "gm.unit_id = \(id.rawValue)")
    let names = try db.prepare(
      sql: "SELECT name, renamed_on FROM unit_former_name WHERE unit_id = \(id.rawValue) ORDER BY renamed_on, id")
    while try names.step() {
      detail.formerNames.append(FormerName(name: try names.required(0), renamedOn: try day(names, 1)))
    }
    return detail
  }

  /// The unit's detail columns for a SELECT, in `UnitDetailColumn.all` order; NULL for a column
  /// an older registry does not have yet (a read-only command reads it as it is).
  func unitDetailColumnsSQL() throws -> String {
    if creditCodePresent == nil { creditCodePresent = try hasColumn("credit_code", in: "unit") }
    return UnitDetailColumn.all.map { $0.field == .creditCode && creditCodePresent != true ? "NULL" : $0.column }
      .joined(separator: ", ")
  }

  /// Refuses a credit code another unit has.
  func checkCreditCodeFree(_ code: String?, for unit: UnitID?) throws {
    guard let code else { return }
    let other = try withStatement(
      sql: "SELECT id, name FROM unit WHERE credit_code = \(code) AND id IS NOT \(unit?.rawValue) LIMIT 1"
    ) { statement -> UnitReference? in
      guard try statement.step() else { return nil }
      return UnitReference(id: UnitID(try statement.required(0)), name: try statement.required(1))
    }
    if let other { throw Refusal.lists(.creditCodeTaken(code, other: other)) }
  }

  /// The unit as JSON, for the history's before and after.
  func unitSnapshot(_ id: UnitID) throws -> JSONValue {
    try snapshot(try loadDetail(id))
  }

  /// A unit as the history keeps it: the JSON `show` writes, with each row's own id (and the
  /// group's id of each group membership) and the unit's creation time, so that `undo` puts
  /// back exactly the rows that were there.
  func snapshot(_ detail: UnitDetail) throws -> JSONValue {
    guard case .object(var members) = UnitJSON.detail(detail) else { return UnitJSON.detail(detail) }
    var formerNameIDs: [Int] = []
    let names = try db.prepare(
      sql: "SELECT id FROM unit_former_name WHERE unit_id = \(detail.id.rawValue) ORDER BY renamed_on, id")
    while try names.step() { formerNameIDs.append(try names.required(0)) }
    func number(_ key: String, _ ids: [[(String, JSONValue)]]) {
      guard let index = members.pairs.firstIndex(where: { $0.0 == key }),
        case .array(let items) = members.pairs[index].1
      else { return }
      members.pairs[index].1 = .array(
        zip(items, ids).map { item, rowKeys in
          guard case .object(var fields) = item else { return item }
          fields.pairs.insert(contentsOf: rowKeys, at: 0)
          return .object(fields)
        })
    }
    number("former_names", formerNameIDs.map { [("id", .int($0))] })
    number("periods", detail.periods.map { [("id", .int($0.id))] })
    number("agreements", detail.agreements.map { [("id", .int($0.id))] })
    number(
      "group_memberships", detail.groups.map { [("id", .int($0.id)), ("group_id", .int($0.group.id.rawValue))] })
    members.pairs.append(("created_at", .string(detail.createdAt)))
    return .object(members)
  }
}
