import SQLite

/// What `report projects` covers.
public struct ProjectReportRequest: Equatable, Sendable {
  public var from: Int?
  public var to: Int?
  public var period: PeriodLength
  /// Only needs, projects and service records of this category.
  public var category: String?

  public init(from: Int? = nil, to: Int? = nil, period: PeriodLength = .year, category: String? = nil) {
    self.from = from
    self.to = to
    self.period = period
    self.category = category
  }
}

/// What the lists achieved over some time. Needs and projects are counted by when they were
/// raised or proposed: of the needs raised in a period, how many were claimed and met by its
/// end (the end of the period, or today for the current one); likewise projects. Service
/// records are counted by their day.
public struct ProjectFigures: Equatable, Sendable {
  public var needsRaised = 0
  public var needsClaimed = 0
  public var needsMet = 0
  public var projectsProposed = 0
  /// Claimed, or already running or done.
  public var projectsClaimed = 0
  public var projectsDone = 0
  public var activities = 0
  public var volunteers = 0
  public var hours = 0.0
  public var served = 0

  public init() {}

  /// 认领率: needs claimed of those raised, in percent; nil when none were raised.
  public var claimRatePercent: Double? {
    needsRaised > 0 ? Double(needsClaimed) / Double(needsRaised) * 100 : nil
  }

  /// 完成率: projects done of those proposed, in percent; nil when none were proposed.
  public var completionRatePercent: Double? {
    projectsProposed > 0 ? Double(projectsDone) / Double(projectsProposed) * 100 : nil
  }

  static func + (lhs: ProjectFigures, rhs: ProjectFigures) -> ProjectFigures {
    var sum = lhs
    sum.needsRaised += rhs.needsRaised
    sum.needsClaimed += rhs.needsClaimed
    sum.needsMet += rhs.needsMet
    sum.projectsProposed += rhs.projectsProposed
    sum.projectsClaimed += rhs.projectsClaimed
    sum.projectsDone += rhs.projectsDone
    sum.activities += rhs.activities
    sum.volunteers += rhs.volunteers
    sum.hours += rhs.hours
    sum.served += rhs.served
    return sum
  }
}

/// One period of the report.
public struct ProjectReportRow: Equatable, Sendable {
  /// "2019", "2019-Q1" or "2019-01".
  public var label: String
  public var start: Day
  /// The day claims and completions are counted up to: the period's last day, or today.
  public var end: Day
  public var figures: ProjectFigures
}

/// The whole range's figures of one category.
public struct CategoryFigures: Equatable, Sendable {
  public var category: String
  public var figures: ProjectFigures
}

/// `report projects`: one row per period, the figures by category, and the totals.
public struct ProjectReport: Equatable, Sendable {
  public var request: ProjectReportRequest
  public var rows: [ProjectReportRow]
  public var categories: [CategoryFigures]
  public var total: ProjectFigures
  public var subdistrict: String
  public var today: Day
}

extension Registry {
  /// The report of the lists (SPEC's 认领率, 完成率, 服务人次…), counted in SQL: for each period, a
  /// range count over the indexed raising and proposing days, with a look-up of the status
  /// reached by the period's end, and range sums over the service records' day index.
  public func projectReport(_ request: ProjectReportRequest) throws -> ProjectReport {
    try read { try projectReportInTransaction(request) }
  }

  /// `projectReport(_:)` inside a read the caller holds.
  func projectReportInTransaction(_ request: ProjectReportRequest) throws -> ProjectReport {
    let category = try request.category.map { try cleanCategory($0) }
    let lists = try hasListTables()
    let firstYear = lists ? try firstListYear(category: category) : nil
    let to = request.to ?? today.year
    let from = request.from ?? min(firstYear ?? today.year, to)
    guard from <= to else { throw Refusal.rangeReversed(from: from, to: to) }
    guard to <= today.year else { throw Refusal.rangeInFuture(to: to, today: today) }
    guard from >= Day.earliestYear else { throw Refusal.yearOutOfRange(from) }
    let periods = Registry.periods(from: from, to: to, length: request.period, today: today)
    var rows: [ProjectReportRow] = []
    var categories: [CategoryFigures] = []
    if lists, let first = periods.first, let last = periods.last {
      rows = try periodFigures(periods, category: category)
      categories = try categoryFigures(start: first.start, end: last.end, category: category)
    } else {
      rows = periods.map {
        ProjectReportRow(label: $0.label, start: $0.start, end: $0.end, figures: ProjectFigures())
      }
    }
    let total = rows.reduce(ProjectFigures()) { $0 + $1.figures }
    return ProjectReport(
      request: request, rows: rows, categories: categories, total: total,
      subdistrict: try settingsInTransaction().subdistrict, today: today)
  }

  private func firstListYear(category: String?) throws -> Int? {
    let text = try db.scalar(
      String.self,
      sql: """
        SELECT min(day) FROM (
          SELECT min(raised_on) AS day FROM need WHERE \(category) IS NULL OR category = \(category)
          UNION ALL SELECT min(proposed_on) FROM project WHERE \(category) IS NULL OR category = \(category))
        """)
    return text.flatMap(Day.init(iso:))?.year
  }

  /// The cohort counts and the flows of every period, in one statement.
  private func periodFigures(_ periods: [(label: String, start: Day, end: Day)], category: String?) throws
    -> [ProjectReportRow]
  {
    var json = "["
    for (index, period) in periods.enumerated() {
      json += (index > 0 ? "," : "") + "[\"\(period.start.iso)\",\"\(period.end.iso)\"]"
    }
    json += "]"
    // Without a category the conditions are left out, not made always true: a condition on a
    // column the date index does not carry makes every need, project and record be read from
    // its table (a million service records read in day order: seconds instead of milliseconds).
    let needOf: SQL = category.map { " AND n.category = \($0)" } ?? ""
    let projectOf: SQL = category.map { " AND p.category = \($0)" } ?? ""
    let statement = try db.prepare(
      sql: """
        WITH bounds AS (SELECT key AS idx, value ->> 0 AS start, value ->> 1 AS finish FROM json_each(\(json)))
        SELECT idx,
          (SELECT count(*) FROM need AS n WHERE n.raised_on BETWEEN start AND finish\(needOf)),
          (SELECT count(*) FROM need AS n WHERE n.raised_on BETWEEN start AND finish\(needOf)
             AND EXISTS (SELECT 1 FROM need_status_change AS s WHERE s.need_id = n.id AND s.status = 'claimed'
                           AND s.changed_on <= finish)),
          (SELECT count(*) FROM need AS n WHERE n.raised_on BETWEEN start AND finish\(needOf)
             AND EXISTS (SELECT 1 FROM need_status_change AS s WHERE s.need_id = n.id AND s.status = 'met'
                           AND s.changed_on <= finish)),
          (SELECT count(*) FROM project AS p WHERE p.proposed_on BETWEEN start AND finish\(projectOf)),
          (SELECT count(*) FROM project AS p WHERE p.proposed_on BETWEEN start AND finish\(projectOf)
             AND EXISTS (SELECT 1 FROM project_status_change AS s WHERE s.project_id = p.id
                           AND s.status IN ('claimed', 'running', 'done') AND s.changed_on <= finish)),
          (SELECT count(*) FROM project AS p WHERE p.proposed_on BETWEEN start AND finish\(projectOf)
             AND EXISTS (SELECT 1 FROM project_status_change AS s WHERE s.project_id = p.id AND s.status = 'done'
                           AND s.changed_on <= finish))
        FROM bounds ORDER BY idx
        """)
    // The service records of each period: one range of the day index, which carries the sums
    // (of a category: each project's range of the project index), period by period, so no
    // sort of the records by period is needed.
    let sums = try db.prepare(
      category == nil
        ? """
        SELECT count(*), coalesce(sum(volunteers), 0), coalesce(sum(hours), 0.0), coalesce(sum(served), 0)
        FROM activity WHERE happened_on BETWEEN ?1 AND ?2
        """
        : """
        SELECT count(*), coalesce(sum(a.volunteers), 0), coalesce(sum(a.hours), 0.0), coalesce(sum(a.served), 0)
        FROM project AS p JOIN activity AS a ON a.project_id = p.id
        WHERE p.category = ?3 AND a.happened_on BETWEEN ?1 AND ?2
        """)
    var flows: [Int: (Int, Int, Double, Int)] = [:]
    for (index, period) in periods.enumerated() {
      sums.reset()
      try sums.bind(period.start.iso, at: 1)
      try sums.bind(period.end.iso, at: 2)
      if let category { try sums.bind(category, at: 3) }
      if try sums.step() {
        flows[index] = (try sums.required(0), try sums.required(1), try sums.required(2), try sums.required(3))
      }
    }
    var rows: [ProjectReportRow] = []
    while try statement.step() {
      let period = periods[try statement.required(0) as Int]
      var figures = ProjectFigures()
      figures.needsRaised = try statement.required(1)
      figures.needsClaimed = try statement.required(2)
      figures.needsMet = try statement.required(3)
      figures.projectsProposed = try statement.required(4)
      figures.projectsClaimed = try statement.required(5)
      figures.projectsDone = try statement.required(6)
      let index: Int = try statement.required(0)
      if let flow = flows[index] {
        (figures.activities, figures.volunteers, figures.hours, figures.served) = flow
      }
      rows.append(ProjectReportRow(label: period.label, start: period.start, end: period.end, figures: figures))
    }
    return rows
  }

  /// The figures of each category over the whole range (needs and projects by category; service
  /// records by their project's), most needs first.
  private func categoryFigures(start: Day, end: Day, category: String?) throws -> [CategoryFigures] {
    var byCategory: [String: ProjectFigures] = [:]
    let needs = try db.prepare(
      sql: """
        SELECT n.category, count(*),
          sum(EXISTS (SELECT 1 FROM need_status_change AS s WHERE s.need_id = n.id AND s.status = 'claimed'
                        AND s.changed_on <= \(end.iso))),
          sum(EXISTS (SELECT 1 FROM need_status_change AS s WHERE s.need_id = n.id AND s.status = 'met'
                        AND s.changed_on <= \(end.iso)))
        FROM need AS n WHERE n.raised_on BETWEEN \(start.iso) AND \(end.iso)
          AND (\(category) IS NULL OR n.category = \(category))
        GROUP BY n.category
        """)
    while try needs.step() {
      let name: String = try needs.required(0)
      byCategory[name, default: ProjectFigures()].needsRaised = try needs.required(1)
      byCategory[name, default: ProjectFigures()].needsClaimed = try needs.required(2)
      byCategory[name, default: ProjectFigures()].needsMet = try needs.required(3)
    }
    let projects = try db.prepare(
      sql: """
        SELECT p.category, count(*),
          sum(EXISTS (SELECT 1 FROM project_status_change AS s WHERE s.project_id = p.id
                        AND s.status IN ('claimed', 'running', 'done') AND s.changed_on <= \(end.iso))),
          sum(EXISTS (SELECT 1 FROM project_status_change AS s WHERE s.project_id = p.id AND s.status = 'done'
                        AND s.changed_on <= \(end.iso)))
        FROM project AS p WHERE p.proposed_on BETWEEN \(start.iso) AND \(end.iso)
          AND (\(category) IS NULL OR p.category = \(category))
        GROUP BY p.category
        """)
    while try projects.step() {
      let name: String = try projects.required(0)
      byCategory[name, default: ProjectFigures()].projectsProposed = try projects.required(1)
      byCategory[name, default: ProjectFigures()].projectsClaimed = try projects.required(2)
      byCategory[name, default: ProjectFigures()].projectsDone = try projects.required(3)
    }
    // Summed per project first (the project index carries the sums), then by the project's category.
    // `+happened_on` keeps the planner off the day index: read in project order, the project
    // index groups without sorting (five times faster on a million records).
    let activities = try db.prepare(
      sql: """
        SELECT p.category, sum(t.activities), sum(t.volunteers), sum(t.hours), sum(t.served)
        FROM (
          SELECT project_id, count(*) AS activities, sum(volunteers) AS volunteers, sum(hours) AS hours,
            sum(served) AS served
          FROM activity WHERE +happened_on BETWEEN \(start.iso) AND \(end.iso) GROUP BY project_id
        ) AS t JOIN project AS p ON p.id = t.project_id
        WHERE \(category) IS NULL OR p.category = \(category)
        GROUP BY p.category
        """)
    while try activities.step() {
      let name: String = try activities.required(0)
      byCategory[name, default: ProjectFigures()].activities = try activities.required(1)
      byCategory[name, default: ProjectFigures()].volunteers = try activities.required(2)
      byCategory[name, default: ProjectFigures()].hours = try activities.required(3)
      byCategory[name, default: ProjectFigures()].served = try activities.required(4)
    }
    return byCategory.map { CategoryFigures(category: $0.key, figures: $0.value) }.sorted {
      let (a, b) = ($0.figures, $1.figures)
      if a.needsRaised != b.needsRaised { return a.needsRaised > b.needsRaised }
      if a.projectsProposed != b.projectsProposed { return a.projectsProposed > b.projectsProposed }
      if a.activities != b.activities { return a.activities > b.activities }
      return $0.category < $1.category
    }
  }
}
