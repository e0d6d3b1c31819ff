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

  public init(
    activeOn: Day? = nil, activeInYear: Int? = nil, joinedInYear: Int? = nil, leftInYear: Int? = nil,
    group: GroupID? = nil, kind: String? = nil, all: Bool = false
  ) {
    self.activeOn = activeOn
    self.activeInYear = activeInYear
    self.joinedInYear = joinedInYear
    self.leftInYear = leftInYear
    self.group = group
    self.kind = kind
    self.all = all
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
    try read {
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
      if let group = filter.group {
        _ = try groupReference(group)
        var membership: SQL = "gm.unit_id = u.id AND gm.group_id = \(group.rawValue)"
        if let reference { membership += " AND " + ActivePeriods.on(reference, alias: "gm") }
        conditions.append("EXISTS (SELECT 1 FROM group_membership AS gm WHERE \(membership))")
      }
      let groupDay = reference ?? today
      let filtered: SQL = conditions.isEmpty ? "" : "WHERE " + SQL.joined(conditions, separator: " AND ")
      let statement = try db.prepare(
        sql: """
          SELECT id, name, kind, joined_on, left_on,
            (SELECT group_concat(name, char(31)) FROM (
               SELECT g.name FROM group_membership AS gm JOIN working_group AS g ON g.id = gm.group_id
               WHERE gm.unit_id = picked.id AND \(ActivePeriods.on(groupDay, alias: "gm"))
               ORDER BY gm.role, g.id))
          FROM (
            SELECT u.id, u.name, u.kind, m.joined_on, m.left_on,
                   row_number() OVER (PARTITION BY u.id ORDER BY m.joined_on DESC) AS latest
            FROM unit AS u JOIN membership AS m ON m.unit_id = u.id
            \(filtered)
          ) AS picked
          WHERE latest = 1
          ORDER BY joined_on, id
          """)
      while try statement.step() {
        let groups = try statement.column(5, as: String.self)?.split(separator: "\u{1F}").map(String.init) ?? []
        try body(
          UnitListing(
            id: UnitID(try statement.required(0)), name: try statement.required(1), kind: try statement.required(2),
            joinedOn: try day(statement, 3), leftOn: try optionalDay(statement, 4), groups: groups))
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
    let statement = try db.prepare(
      sql: "SELECT id, name FROM unit WHERE credit_code = \(code) AND id IS NOT \(unit?.rawValue) LIMIT 1")
    guard try statement.step() else { return }
    throw Refusal.lists(
      .creditCodeTaken(
        code, other: UnitReference(id: UnitID(try statement.required(0)), name: try statement.required(1))))
  }

  /// The unit as JSON, for the history's before and after.
  func unitSnapshot(_ id: UnitID) throws -> JSONValue {
    UnitJSON.detail(try loadDetail(id))
  }
}
