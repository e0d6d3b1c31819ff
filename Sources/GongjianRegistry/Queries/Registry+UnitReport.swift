import SQLite

/// What one unit did in a year.
public struct UnitYear: Equatable, Sendable {
  public var unit: UnitReference
  public var kind: String
  /// Resources it offered at some time in the year.
  public var resources: Int
  /// Needs it claimed in the year.
  public var needsClaimed: Int
  /// Projects under way in the year that it led, and that it took part in besides.
  public var projectsLed: Int
  public var projectsJoined: Int
  /// Service records of the year it took part in, and their hours.
  public var activities: Int
  public var hours: Double

  /// Did nothing of these all year: the units the centre follows up before the joint meeting.
  public init(
    unit: UnitReference, kind: String, resources: Int, needsClaimed: Int, projectsLed: Int, projectsJoined: Int,
    activities: Int, hours: Double
  ) {
    self.unit = unit
    self.kind = kind
    self.resources = resources
    self.needsClaimed = needsClaimed
    self.projectsLed = projectsLed
    self.projectsJoined = projectsJoined
    self.activities = activities
    self.hours = hours
  }

  public var idle: Bool {
    resources == 0 && needsClaimed == 0 && projectsLed == 0 && projectsJoined == 0 && activities == 0
  }
}

/// What `report units` says about itself beyond its rows: the year, the last day counted (the
/// year's end, or today in the current year), the subdistrict, today.
public struct UnitReportHeading: Equatable, Sendable {
  public var year: Int
  public var end: Day
  public var subdistrict: String
  public var today: Day

  public init(year: Int, end: Day, subdistrict: String, today: Day) {
    self.year = year
    self.end = end
    self.subdistrict = subdistrict
    self.today = today
  }
}

/// `report units`: every unit in the alliance at some time in the year, by id.
public struct UnitReport: Equatable, Sendable {
  public var year: Int
  /// The last day counted: the year's end, or today in the current year.
  public var end: Day
  public var rows: [UnitYear]
  public var subdistrict: String
  public var today: Day

  public init(_ heading: UnitReportHeading, rows: [UnitYear]) {
    year = heading.year
    end = heading.end
    self.rows = rows
    subdistrict = heading.subdistrict
    today = heading.today
  }

  public var heading: UnitReportHeading {
    UnitReportHeading(year: year, end: end, subdistrict: subdistrict, today: today)
  }

  public var idleCount: Int { rows.filter(\.idle).count }
}

extension Registry {
  /// What each unit in the alliance did in `year` (default: this year), in one statement: the
  /// year's service records summed by unit from the day index, the other counts grouped by unit.
  public func unitReport(year requested: Int?) throws -> UnitReport {
    try read { try unitReportInTransaction(year: requested) }
  }

  /// `unitReport(year:)` inside a read the caller holds.
  func unitReportInTransaction(year requested: Int?) throws -> UnitReport {
    var heading = UnitReportHeading(year: requested ?? today.year, end: today, subdistrict: "", today: today)
    var rows: [UnitYear] = []
    try forEachUnitYearInTransaction(year: requested, begin: { heading = $0 }, row: { rows.append($0) })
    return UnitReport(heading, rows: rows)
  }

  /// The same report streamed in one read: `begin` gets the heading, then `row` each unit's
  /// figures by id, so a report of a million units never holds them all.
  public func forEachUnitYear(
    year requested: Int?, begin: (UnitReportHeading) throws -> Void, row: (UnitYear) throws -> Void
  ) throws {
    try read { try forEachUnitYearInTransaction(year: requested, begin: begin, row: row) }
  }

  func forEachUnitYearInTransaction(
    year requested: Int?, begin: (UnitReportHeading) throws -> Void, row body: (UnitYear) throws -> Void
  ) throws {
    let year = requested ?? today.year
    guard year <= today.year else { throw Refusal.rangeInFuture(to: year, today: today) }
    let start = try yearStart(year)
    let end = min(try yearEnd(year), today)
    let lists = try hasListTables()
    let figures: SQL =
      lists
      ? """
      , res AS (
        SELECT unit_id, count(*) AS n FROM resource
        WHERE available_from <= \(end.iso) AND (available_until IS NULL OR available_until >= \(start.iso))
          AND (withdrawn_on IS NULL OR withdrawn_on > \(start.iso))
        GROUP BY unit_id),
      claimed AS (
        SELECT unit_id, count(DISTINCT need_id) AS n FROM claim
        WHERE need_id IS NOT NULL AND claimed_on BETWEEN \(start.iso) AND \(end.iso) GROUP BY unit_id),
      running AS (
        SELECT p.id, p.lead_unit_id FROM project AS p WHERE p.proposed_on <= \(end.iso) AND NOT EXISTS (
          SELECT 1 FROM project_status_change AS s WHERE s.project_id = p.id AND s.status IN ('done', 'dropped')
            AND s.changed_on < \(start.iso))),
      led AS (SELECT lead_unit_id AS unit_id, count(*) AS n FROM running WHERE lead_unit_id IS NOT NULL GROUP BY 1),
      joined AS (
        SELECT pu.unit_id, count(*) AS n FROM project_unit AS pu JOIN running AS r ON r.id = pu.project_id GROUP BY 1),
      acts AS (
        SELECT au.unit_id, count(*) AS n, sum(a.hours) AS h FROM activity AS a
        JOIN activity_unit AS au ON au.activity_id = a.id
        WHERE a.happened_on BETWEEN \(start.iso) AND \(end.iso) GROUP BY au.unit_id)
      SELECT u.id, u.name, u.kind, coalesce(res.n, 0), coalesce(claimed.n, 0), coalesce(led.n, 0),
        coalesce(joined.n, 0), coalesce(acts.n, 0), coalesce(acts.h, 0.0)
      FROM members JOIN unit AS u ON u.id = members.unit_id
      LEFT JOIN res ON res.unit_id = u.id LEFT JOIN claimed ON claimed.unit_id = u.id
      LEFT JOIN led ON led.unit_id = u.id LEFT JOIN joined ON joined.unit_id = u.id
      LEFT JOIN acts ON acts.unit_id = u.id
      ORDER BY u.id
      """
      : """
      SELECT u.id, u.name, u.kind, 0, 0, 0, 0, 0, 0.0 FROM members JOIN unit AS u ON u.id = members.unit_id
      ORDER BY u.id
      """
    let statement = try db.prepare(
      sql: """
        WITH members AS (
          SELECT DISTINCT m.unit_id FROM membership AS m
          WHERE m.joined_on <= \(end.iso) AND (m.left_on IS NULL OR m.left_on > \(start.iso)))
        """ + figures)
    try begin(
      UnitReportHeading(year: year, end: end, subdistrict: try settingsInTransaction().subdistrict, today: today))
    while try statement.step() {
      try body(
        UnitYear(
          unit: UnitReference(id: UnitID(try statement.required(0)), name: try statement.required(1)),
          kind: try statement.required(2), resources: try statement.required(3),
          needsClaimed: try statement.required(4), projectsLed: try statement.required(5),
          projectsJoined: try statement.required(6), activities: try statement.required(7),
          hours: try statement.required(8)))
    }
  }
}
