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
      let firstYear = try firstJoiningYear(scope) ?? today.year
      let from = request.from ?? min(firstYear, request.to ?? today.year)
      let to = request.to ?? today.year
      guard from <= to else { throw Refusal.rangeReversed(from: from, to: to) }
      guard to <= today.year else { throw Refusal.rangeInFuture(to: to, today: today) }
      guard from >= Day.earliestYear else { throw Refusal.yearOutOfRange(from) }
      let periods = Registry.periods(from: from, to: to, length: request.period, today: today)
      var rows = try counts(periods: periods, scope: scope)

      var columns: [String] = []
      if let by = request.by {
        let series: [(name: String, scope: GrowthScope)]
        switch by {
        case .kind:
          series = try distinctKinds(scope).map { ($0, GrowthScope(groupID: scope.groupID, kind: $0)) }
        case .group:
          series = try allGroups().map { ($0.name, GrowthScope(groupID: $0.id, kind: scope.kind)) }
        }
        columns = series.map(\.name)
        for item in series {
          let seriesRows = try counts(periods: periods, scope: item.scope)
          for index in rows.indices { rows[index].totals.append(seriesRows[index].total) }
        }
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
    // Each period's counts are two index range counts; the running sum adds them up from the
    // number active the day before the first period.
    let sql = """
      WITH bounds AS (
        SELECT key AS idx, value ->> 0 AS start, value ->> 1 AS finish FROM json_each(?1)
      ),
      counted AS MATERIALIZED (
        SELECT idx,
          (SELECT count(*) FROM \(source.table) AS p WHERE p.joined_on BETWEEN start AND finish\(source.condition)) AS joined,
          (SELECT count(*) FROM \(source.table) AS p WHERE p.left_on BETWEEN start AND finish\(source.condition)) AS left
        FROM bounds
      )
      SELECT idx, joined, left,
        (SELECT count(*) FROM \(source.table) AS p WHERE p.joined_on < ?2\(source.condition))
        - (SELECT count(*) FROM \(source.table) AS p WHERE p.left_on < ?2\(source.condition))
        + sum(joined - left) OVER (ORDER BY idx ROWS UNBOUNDED PRECEDING) AS total
      FROM counted ORDER BY idx
      """
    let statement = try db.prepare(sql)
    try statement.bind(json, at: 1)
    try statement.bind(first.start.iso, at: 2)
    for (offset, argument) in source.arguments.enumerated() {
      try statement.bind(argument, at: Int32(3 + offset))
    }
    var rows: [GrowthRow] = []
    var previous: Int?
    while try statement.step() {
      let position: Int = try statement.required(0)
      let joined: Int = try statement.required(1)
      let left: Int = try statement.required(2)
      let total: Int = try statement.required(3)
      if previous == nil { previous = total - joined + left }
      let period = periods[position]
      rows.append(
        GrowthRow(
          label: period.label, start: period.start, end: period.end, joined: joined, left: left, total: total,
          changePercent: (previous ?? 0) > 0 ? Double(total - (previous ?? 0)) / Double(previous ?? 1) * 100 : nil,
          totals: []))
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

  private func distinctKinds(_ scope: GrowthScope) throws -> [String] {
    let source = scope.source()
    let statement = try db.prepare(
      """
      SELECT u.kind FROM unit AS u WHERE u.id IN (SELECT p.unit_id FROM \(source.table) AS p WHERE 1\(source.condition))
      GROUP BY u.kind
      """)
    try statement.bind(source.arguments)
    var kinds: [String] = []
    while try statement.step() { kinds.append(try statement.required(0)) }
    // The standard kinds in their usual order (党政机关, 事业单位, 国有企业…), then any other kind
    // by name, 其他 last.
    func rank(_ kind: String) -> (Int, String) {
      if kind == UnitKind.fallback { return (UnitKind.standard.count + 1, kind) }
      return (UnitKind.standard.firstIndex(of: kind) ?? UnitKind.standard.count, kind)
    }
    return kinds.sorted { rank($0) < rank($1) }
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
