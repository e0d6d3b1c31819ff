import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a growth report covers (SPEC §7).
public struct GrowthRequest: Equatable, Sendable {
  public enum Breakdown: String, Sendable, CaseIterable { case kind, group }

  public var from: Int?
  public var to: Int?
  public var period: PeriodLength
  /// Count one working group's memberships instead of alliance periods.
  public var group: GroupID?
  public var kind: String?
  /// One total column per kind or per group.
  public var by: Breakdown?

  public init(
    from: Int? = nil, to: Int? = nil, period: PeriodLength = .year, group: GroupID? = nil, kind: String? = nil,
    by: Breakdown? = nil
  ) {
    self.from = from
    self.to = to
    self.period = period
    self.group = group
    self.kind = kind
    self.by = by
  }
}

/// One period of a growth report.
public struct GrowthRow: Equatable, Sendable {
  /// "2016", "2016-Q1" or "2016-01".
  public var label: String
  public var start: Day
  /// The day the total is counted on: the period's last day, or today for the current period.
  public var end: Day
  public var joined: Int
  public var left: Int
  public var net: Int { joined - left }
  public var total: Int
  /// Change of the total against the previous period's, in percent; nil when that was 0.
  public var changePercent: Double?
  /// With a breakdown: the total of each column, in `GrowthReport.columns` order.
  public var totals: [Int]
}

/// The first and last period compared, as in `2016 → 2019: 29 → 43 units (+14, +48.3%, CAGR 14.0%)`.
public struct GrowthSummary: Equatable, Sendable {
  public var from: String
  public var to: String
  public var fromTotal: Int
  public var toTotal: Int
  public var change: Int { toTotal - fromTotal }
  public var changePercent: Double?
  /// Compound annual growth rate between the two, in percent; nil over less than a period or from 0.
  public var cagrPercent: Double?

  public init(from: String, to: String, fromTotal: Int, toTotal: Int, changePercent: Double?, cagrPercent: Double?) {
    self.from = from
    self.to = to
    self.fromTotal = fromTotal
    self.toTotal = toTotal
    self.changePercent = changePercent
    self.cagrPercent = cagrPercent
  }

  /// The first and last of `rows` compared; nil without rows.
  init?(_ rows: [GrowthRow], period: PeriodLength) {
    guard let first = rows.first, let last = rows.last else { return nil }
    // A compound annual rate is a yearly report's figure: over quarters or months it would
    // annualise a few weeks' change into a number nobody reported.
    let years = Double(rows.count - 1)
    var cagr: Double?
    if period == .year, years > 0, first.total > 0 {
      cagr = (pow(Double(last.total) / Double(first.total), 1 / years) - 1) * 100
    }
    self.init(
      from: first.label, to: last.label, fromTotal: first.total, toTotal: last.total,
      changePercent: first.total > 0 ? Double(last.total - first.total) / Double(first.total) * 100 : nil,
      cagrPercent: cagr)
  }

}

/// A growth report: one row per period, oldest first.
public struct GrowthReport: Equatable, Sendable {
  public var request: GrowthRequest
  public var rows: [GrowthRow]
  /// Column names of the breakdown (kinds or groups), empty without one.
  public var columns: [String]
  public var summary: GrowthSummary?
  /// The working group counted, when the report is about one.
  public var group: GroupReference?
  public var subdistrict: String
  public var today: Day
}

extension Registry {
  /// The growth of the alliance over time (SPEC §7), counted in SQL over the indexed
  /// `joined_on`/`left_on`: one statement walks the periods, counts the periods opened and
  /// closed in each by index range, and keeps a running total from the count before the
  /// first period. Nothing is loaded unit by unit. For every period
  /// `total = previous total + joined - left` holds by construction, because the total on a
  /// day D is the number of periods opened on or before D minus those closed on or before D.
  public func growth(_ request: GrowthRequest) throws -> GrowthReport {
    try read { try growthInTransaction(request) }
  }

  /// The growth report, inside the caller's transaction.
  func growthInTransaction(_ request: GrowthRequest) throws -> GrowthReport {
    do {
      let group = try request.group.map { try groupReference($0) }
      let kind = try request.kind.map { try cleanKind($0) }
      let scope = GrowthScope(groupID: group?.id, kind: kind)
      let to = request.to ?? today.year
      // A unit's kind is on `unit`, not on the periods: counted by kind, the periods are read
      // once, each with its unit's kind, and counted by month here (one pass, no sort), where
      // range counts of the date indexes would have to look up every unit of the kind per period.
      let through = min(Day(year: min(max(to, Day.earliestYear), Day.latestYear), month: 12, day: 31)!, today)
      var tally: GrowthTally?
      if scope.kind != nil || request.by == .kind {
        tally = try growthTally(scope, by: request.by == .kind ? .kind : nil, through: through)
      }
      let firstYear = try tally.map { $0.firstYear } ?? firstJoiningYear(scope)
      let from = request.from ?? min(firstYear ?? today.year, to)
      guard from <= to else { throw Refusal.rangeReversed(from: from, to: to) }
      guard to <= today.year else { throw Refusal.rangeInFuture(to: to, today: today) }
      guard from >= Day.earliestYear else { throw Refusal.yearOutOfRange(from) }
      let periods = Registry.periods(from: from, to: to, length: request.period, today: today)
      var rows = try tally.map { $0.rows(periods) } ?? counts(periods: periods, scope: scope)

      var columns: [String] = []
      var series: [[GrowthRow]] = []
      switch request.by {
      case nil: break
      case .kind:
        guard let tally else { break }
        columns = tally.kindOrder()
        series = columns.map { tally.rows(periods, key: $0) }
      case .group:
        let groups = try allGroups()
        columns = groups.map(\.name)
        if scope.kind == nil {
          series = try groups.map { try counts(periods: periods, scope: GrowthScope(groupID: $0.id)) }
        } else {
          let byGroup = try growthTally(scope, by: .group, through: through)
          series = groups.map { byGroup.rows(periods, key: String($0.id.rawValue)) }
        }
      }
      for column in series {
        for index in rows.indices { rows[index].totals.append(column[index].total) }
      }
      return GrowthReport(
        request: request, rows: rows, columns: columns, summary: GrowthSummary(rows, period: request.period),
        group: group, subdistrict: try settingsInTransaction().subdistrict, today: today)
    }
  }

  /// The periods of a report: labels, first and counting days. Few (at most 12 a year), so
  /// they are listed here and handed to SQL as one JSON array.
  static func periods(from: Int, to: Int, length: PeriodLength, today: Day) -> [(label: String, start: Day, end: Day)] {
    var result: [(String, Day, Day)] = []
    for year in from...to {
      let steps: [(label: String, month: Int)]
      switch length {
      case .year: steps = [(String(year), 1)]
      case .quarter: steps = (1...4).map { ("\(year)-Q\($0)", ($0 - 1) * 3 + 1) }
      case .month: steps = (1...12).map { ("\(year)-\($0 < 10 ? "0" : "")\($0)", $0) }
      }
      for step in steps {
        guard let start = Day(year: year, month: step.month, day: 1), start <= today else { continue }
        result.append((step.label, start, min(start.endOf(length), today)))
      }
    }
    return result
  }

  /// Which rows a report counts: alliance periods, or one group's memberships; one kind or all.
  struct GrowthScope {
    var groupID: GroupID?
    var kind: String?

    /// The table of periods counted and the condition on it. Its parameters are numbered from
    /// `firstParameter`, so one statement can repeat the condition with the same numbers.
    func source(firstParameter: Int = 1) -> (table: String, condition: String, arguments: [(any SQLiteBindable)?]) {
      var conditions: [String] = []
      var arguments: [(any SQLiteBindable)?] = []
      let table = groupID == nil ? "membership" : "group_membership"
      if let groupID {
        conditions.append("p.group_id = ?\(firstParameter + arguments.count)")
        arguments.append(groupID.rawValue)
      }
      if let kind {
        conditions.append("p.unit_id IN (SELECT id FROM unit WHERE kind = ?\(firstParameter + arguments.count))")
        arguments.append(kind)
      }
      return (table, conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND "), arguments)
    }
  }

  private func counts(periods: [(label: String, start: Day, end: Day)], scope: GrowthScope) throws -> [GrowthRow] {
    guard let first = periods.first else { return [] }
    let source = scope.source(firstParameter: 3)
    var json = "["
    for (index, period) in periods.enumerated() {
      json += (index > 0 ? "," : "") + "[\"\(period.start.iso)\",\"\(period.end.iso)\"]"
    }
    json += "]"
    // Each period's counts are two index range counts; the total before the first period is
    // the periods opened before it less those closed before it.
    let sql = """
      WITH bounds AS (
        SELECT key AS idx, value ->> 0 AS start, value ->> 1 AS finish FROM json_each(?1)
      )
      SELECT idx,
        (SELECT count(*) FROM \(source.table) AS p WHERE p.joined_on BETWEEN start AND finish\(source.condition)),
        (SELECT count(*) FROM \(source.table) AS p WHERE p.left_on BETWEEN start AND finish\(source.condition))
      FROM bounds
      UNION ALL
      SELECT -1,
        (SELECT count(*) FROM \(source.table) AS p WHERE p.joined_on < ?2\(source.condition)),
        (SELECT count(*) FROM \(source.table) AS p WHERE p.left_on < ?2\(source.condition))
      """
    let statement = try db.prepare(sql)
    try statement.bind(json, at: 1)
    try statement.bind(first.start.iso, at: 2)
    for (offset, argument) in source.arguments.enumerated() {
      try statement.bind(argument, at: Int32(3 + offset))
    }
    var joined = [Int](repeating: 0, count: periods.count)
    var left = [Int](repeating: 0, count: periods.count)
    var before = 0
    while try statement.step() {
      let position: Int = try statement.required(0)
      let opened: Int = try statement.required(1)
      let closed: Int = try statement.required(2)
      if position < 0 {
        before = opened - closed
      } else if position < periods.count {
        joined[position] = opened
        left[position] = closed
      }
    }
    return Registry.growthRows(periods, joined: joined, left: left, before: before)
  }

  /// The rows of a report from each period's counts and the total the day before the first:
  /// `total = previous total + joined - left`.
  static func growthRows(
    _ periods: [(label: String, start: Day, end: Day)], joined: [Int], left: [Int], before: Int
  ) -> [GrowthRow] {
    var rows: [GrowthRow] = []
    rows.reserveCapacity(periods.count)
    var previous = before
    for (index, period) in periods.enumerated() {
      let total = previous + joined[index] - left[index]
      rows.append(
        GrowthRow(
          label: period.label, start: period.start, end: period.end, joined: joined[index], left: left[index],
          total: total,
          changePercent: previous > 0 ? Double(total - previous) / Double(previous) * 100 : nil, totals: []))
      previous = total
    }
    return rows
  }

  func firstJoiningYear(_ scope: GrowthScope) throws -> Int? {
    let source = scope.source()
    let statement = try db.prepare(
      "SELECT min(p.joined_on) FROM \(source.table) AS p WHERE 1\(source.condition)")
    try statement.bind(source.arguments)
    guard try statement.step(), let text = try statement.column(0, as: String.self), let day = Day(iso: text) else {
      return nil
    }
    return day.year
  }

  /// Periods opened and closed in each month, read in one pass over the periods counted
  /// (alliance periods or group memberships, with the scope's group and kind), optionally one
  /// series per unit kind or per working group. Days after `through` are not counted.
  func growthTally(_ scope: GrowthScope, by: GrowthRequest.Breakdown?, through: Day) throws -> GrowthTally {
    // A breakdown by group counts every group's memberships; otherwise the scope's table.
    let table = by == .group || scope.groupID != nil ? "group_membership" : "membership"
    var conditions: [String] = []
    var arguments: [(any SQLiteBindable)?] = []
    if by != .group, let groupID = scope.groupID {
      conditions.append("p.group_id = ?\(arguments.count + 1)")
      arguments.append(groupID.rawValue)
    }
    if let kind = scope.kind {
      conditions.append("u.kind = ?\(arguments.count + 1)")
      arguments.append(kind)
    }
    let key: String
    switch by {
    case .kind: key = "u.kind"
    case .group: key = "p.group_id"
    case nil: key = "''"
    }
    // In the table's own order (its units' order), so each unit's row is near the one before.
    let join = by == .kind || scope.kind != nil ? " JOIN unit AS u ON u.id = p.unit_id" : ""
    let statement = try db.prepare(
      """
      SELECT \(key), p.joined_on, p.left_on FROM \(table) AS p\(join)
      \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
      """)
    try statement.bind(arguments)
    var tally = GrowthTally(through: through)
    while try statement.step() {
      let series: Int
      if by == .group {
        series = tally.series(String(try statement.required(0) as Int))
      } else {
        series = try statement.withText(0) { tally.series(bytes: $0) }
      }
      let joined = try statement.withText(1) { try GrowthTally.dayNumber($0) }
      let left = try statement.withText(2) { try $0.map { try GrowthTally.dayNumber($0) } }
      tally.count(series: series, joined: joined, left: left)
    }
    return tally
  }

  private func allGroups() throws -> [GroupReference] {
    let statement = try db.prepare("SELECT id, name FROM working_group ORDER BY id")
    var groups: [GroupReference] = []
    while try statement.step() {
      groups.append(GroupReference(id: GroupID(try statement.required(0)), name: try statement.required(1)))
    }
    return groups
  }

  func settingsInTransaction() throws -> RegistrySettings {
    let statement = try db.prepare("SELECT subdistrict, district, created_at FROM registry WHERE id = 1")
    guard try statement.step() else { return RegistrySettings(subdistrict: "", district: "", createdAt: "") }
    return RegistrySettings(
      subdistrict: try statement.required(0), district: try statement.required(1), createdAt: try statement.required(2))
  }
}

/// Alliance periods (or group memberships) opened and closed per month, per series: what a
/// growth report by kind, or of one kind, adds up. Month 0 holds everything before 1900.
struct GrowthTally {
  /// The series' names (kinds, or group ids), in the order first met.
  private(set) var keys: [String] = []
  private var keyBytes: [[UInt8]] = []
  private var joined: [[Int]] = []
  private var left: [[Int]] = []
  /// The first joining day of any period counted, as yyyymmdd (counted whatever `through`).
  private var firstJoined: Int?
  private let through: Int
  private let months: Int

  init(through: Day) {
    self.through = through.year * 10_000 + through.month * 100 + through.day
    months = GrowthTally.month(of: self.through) + 1
  }

  /// The year of the first period opened; nil when none (or one before 1900: not a report's year).
  var firstYear: Int? {
    guard let firstJoined, firstJoined / 10_000 >= Day.earliestYear else { return nil }
    return firstJoined / 10_000
  }

  static let notADay = SQLiteError(
    extendedCode: SQLiteError.typeMismatchCode, message: "day_not_iso")

  /// yyyymmdd of a stored ISO day.
  static func dayNumber(_ text: UnsafeRawBufferPointer?) throws -> Int {
    guard let text, text.count == 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-") else {
      throw GrowthTally.notADay
    }
    var value = 0
    var index = 0
    while index < 10 {
      if index != 4 && index != 7 {
        let digit = Int(text[index]) &- 48
        guard digit >= 0 && digit <= 9 else { throw GrowthTally.notADay }
        value = value &* 10 &+ digit
      }
      index += 1
    }
    return value
  }

  /// The month a yyyymmdd day falls in: 1 for January 1900, 0 for anything before.
  static func month(of day: Int) -> Int {
    max(0, (day / 10_000 - Day.earliestYear) * 12 + (day / 100 % 100 - 1) + 1)
  }

  mutating func series(_ key: String) -> Int {
    if let index = keys.firstIndex(of: key) { return index }
    return add(key, bytes: Array(key.utf8))
  }

  /// The series of a kind read as UTF-8 bytes: compared byte for byte with the few kinds met.
  mutating func series(bytes: UnsafeRawBufferPointer?) -> Int {
    guard let bytes else { return series("") }
    for (index, known) in keyBytes.enumerated() where known.count == bytes.count {
      if known.withUnsafeBytes({ $0.elementsEqual(bytes) }) { return index }
    }
    return add(String(decoding: bytes, as: UTF8.self), bytes: Array(bytes))
  }

  private mutating func add(_ key: String, bytes: [UInt8]) -> Int {
    keys.append(key)
    keyBytes.append(bytes)
    joined.append([Int](repeating: 0, count: months))
    left.append([Int](repeating: 0, count: months))
    return keys.count - 1
  }

  mutating func count(series: Int, joined day: Int, left leftDay: Int?) {
    if firstJoined.map({ day < $0 }) ?? true { firstJoined = day }
    if day <= through { joined[series][GrowthTally.month(of: day)] += 1 }
    if let leftDay, leftDay <= through { left[series][GrowthTally.month(of: leftDay)] += 1 }
  }

  /// The report's rows for one series (nil: all of them added up; an unknown key: zeros).
  /// Periods start on the first of a month and follow each other, the last ending on `through`.
  func rows(_ periods: [(label: String, start: Day, end: Day)], key: String? = nil) -> [GrowthRow] {
    let chosen: [Int]
    if let key {
      chosen = keys.firstIndex(of: key).map { [$0] } ?? []
    } else {
      chosen = Array(keys.indices)
    }
    func sum(_ counts: [[Int]], _ range: Range<Int>) -> Int {
      var total = 0
      for series in chosen {
        for month in range where month < months { total += counts[series][month] }
      }
      return total
    }
    guard let first = periods.first else { return [] }
    let firstMonth = GrowthTally.month(of: first.start.year * 10_000 + first.start.month * 100 + 1)
    var opened: [Int] = []
    var closed: [Int] = []
    for period in periods {
      let start = GrowthTally.month(of: period.start.year * 10_000 + period.start.month * 100 + 1)
      let end = GrowthTally.month(of: period.end.year * 10_000 + period.end.month * 100 + 1) + 1
      opened.append(sum(joined, start..<end))
      closed.append(sum(left, start..<end))
    }
    let before = sum(joined, 0..<firstMonth) - sum(left, 0..<firstMonth)
    return Registry.growthRows(periods, joined: opened, left: closed, before: before)
  }

  /// The kinds met, in the usual order (党政机关, 事业单位, 国有企业…), then any other kind by
  /// name, 其他 last.
  func kindOrder() -> [String] {
    func rank(_ kind: String) -> (Int, String) {
      if kind == UnitKind.fallback { return (UnitKind.standard.count + 1, kind) }
      return (UnitKind.standard.firstIndex(of: kind) ?? UnitKind.standard.count, kind)
    }
    return keys.sorted { rank($0) < rank($1) }
  }
}
