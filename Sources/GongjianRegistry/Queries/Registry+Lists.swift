import SQLite

/// Which resources `resource list` shows.
public struct ResourceFilter: Equatable, Sendable {
  public var unit: UnitID?
  public var category: String?
  /// Offered on this day (begun, not past its last day, not withdrawn).
  public var availableOn: Day?
  /// Withdrawn and past resources too. Without it and without a day: those still offered.
  public var all: Bool

  public init(unit: UnitID? = nil, category: String? = nil, availableOn: Day? = nil, all: Bool = false) {
    self.unit = unit
    self.category = category
    self.availableOn = availableOn
    self.all = all
  }
}

/// Which needs `need list` shows.
public struct NeedFilter: Equatable, Sendable {
  public var status: NeedStatus?
  /// Still open after their claim deadline.
  public var overdue: Bool
  public var category: String?

  public init(status: NeedStatus? = nil, overdue: Bool = false, category: String? = nil) {
    self.status = status
    self.overdue = overdue
    self.category = category
  }
}

/// Which projects `project list` shows.
public struct ProjectFilter: Equatable, Sendable {
  public var status: ProjectStatus?
  /// Projects the unit leads, takes part in or claimed.
  public var unit: UnitID?
  /// Projects under way at some time in this year: proposed by its end, not ended before it began.
  public var year: Int?

  public init(status: ProjectStatus? = nil, unit: UnitID? = nil, year: Int? = nil) {
    self.status = status
    self.unit = unit
    self.year = year
  }
}

/// Which service records `activity list` shows.
public struct ActivityFilter: Equatable, Sendable {
  public var project: ProjectID?
  public var unit: UnitID?
  public var year: Int?

  public init(project: ProjectID? = nil, unit: UnitID? = nil, year: Int? = nil) {
    self.project = project
    self.unit = unit
    self.year = year
  }
}

extension Registry {
  // MARK: - Resources

  static let resourceColumns = """
    r.id, r.unit_id, u.name, r.title, r.category, r.description, r.capacity, r.contact, r.available_from,
    r.available_until, r.withdrawn_on
    """

  func resource(from statement: Statement) throws -> Resource {
    Resource(
      id: ResourceID(try statement.required(0)),
      unit: UnitReference(id: UnitID(try statement.required(1)), name: try statement.required(2)),
      title: try statement.required(3), category: try statement.required(4), description: try statement.column(5),
      capacity: try statement.column(6), contact: try statement.column(7), availableFrom: try day(statement, 8),
      availableUntil: try optionalDay(statement, 9), withdrawnOn: try optionalDay(statement, 10))
  }

  func loadResource(_ id: ResourceID) throws -> Resource {
    guard try hasListTables() else { throw Refusal.noSuchID(.resource, id: id.rawValue) }
    let statement = try db.prepare(
      sql: """
        SELECT \(identifier: Registry.resourceColumns) FROM resource AS r JOIN unit AS u ON u.id = r.unit_id
        WHERE r.id = \(id.rawValue)
        """)
    guard try statement.step() else { throw Refusal.noSuchID(.resource, id: id.rawValue) }
    return try resource(from: statement)
  }

  /// The resources a filter selects, by id, one at a time.
  public func forEachResource(_ filter: ResourceFilter, _ body: (Resource) throws -> Void) throws {
    try read {
      guard try hasListTables() else { return }
      var conditions: [SQL] = []
      if let unit = filter.unit { conditions.append("r.unit_id = \(unit.rawValue)") }
      if let category = filter.category { conditions.append("r.category = \(try cleanCategory(category))") }
      if let day = filter.availableOn {
        conditions.append(
          """
          r.available_from <= \(day.iso) AND (r.available_until IS NULL OR r.available_until >= \(day.iso))
            AND (r.withdrawn_on IS NULL OR r.withdrawn_on > \(day.iso))
          """)
      } else if !filter.all {
        conditions.append(
          "r.withdrawn_on IS NULL AND (r.available_until IS NULL OR r.available_until >= \(today.iso))")
      }
      let filtered: SQL = conditions.isEmpty ? "" : "WHERE " + SQL.joined(conditions, separator: " AND ")
      let statement = try db.prepare(
        sql: "SELECT \(identifier: Registry.resourceColumns) FROM resource AS r JOIN unit AS u ON u.id = r.unit_id "
          + filtered + " ORDER BY r.id")
      while try statement.step() { try body(try resource(from: statement)) }
    }
  }

  public func resourceDetail(_ id: ResourceID) throws -> ResourceDetail {
    try read {
      let resource = try loadResource(id)
      let projects = try references(
        .project,
        sql: """
          SELECT p.id, p.title FROM project_resource AS pr JOIN project AS p ON p.id = pr.project_id
          WHERE pr.resource_id = \(id.rawValue) ORDER BY p.id
          """)
      return ResourceDetail(
        resource: resource, claims: try claims(where: "c.resource_id = \(id.rawValue)"), projects: projects)
    }
  }

  // MARK: - Needs

  static let needColumns = """
    n.id, n.title, n.category, n.description, n.raised_by_unit_id, ru.name, n.raised_by, n.raised_on, n.people,
    n.deadline, n.status, n.status_on,
    (SELECT group_concat(claimant, char(31)) FROM (
       SELECT c.unit_id || char(30) || cu.name AS claimant FROM claim AS c JOIN unit AS cu ON cu.id = c.unit_id
       WHERE c.need_id = n.id GROUP BY c.unit_id ORDER BY min(c.claimed_on), min(c.id)))
    """

  static let needFrom = "FROM need AS n LEFT JOIN unit AS ru ON ru.id = n.raised_by_unit_id"

  func need(from statement: Statement) throws -> Need {
    var raiser = NeedRaiser.centre
    if let unitID: Int = try statement.column(4) {
      raiser = .unit(UnitReference(id: UnitID(unitID), name: try statement.column(5) ?? ""))
    } else if let text: String = try statement.column(6) {
      raiser = .other(text)
    }
    return Need(
      id: NeedID(try statement.required(0)), title: try statement.required(1), category: try statement.required(2),
      description: try statement.column(3), raisedBy: raiser, raisedOn: try day(statement, 7),
      people: try statement.column(8), deadline: try optionalDay(statement, 9),
      status: NeedStatus(rawValue: try statement.required(10)) ?? .open, statusOn: try day(statement, 11),
      claimedBy: Registry.unitList(try statement.column(12)))
  }

  /// `id␞name␟id␞name` as units.
  static func unitList(_ text: String?) -> [UnitReference] {
    guard let text, !text.isEmpty else { return [] }
    return text.split(separator: "\u{1F}").compactMap { item in
      let parts = item.split(separator: "\u{1E}", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, let id = Int(parts[0]) else { return nil }
      return UnitReference(id: UnitID(id), name: String(parts[1]))
    }
  }

  static func itemList(_ kind: EntityKind, _ text: String?) -> [ItemReference] {
    unitList(text).map { ItemReference(kind, id: $0.id.rawValue, title: $0.name) }
  }

  func loadNeed(_ id: NeedID) throws -> Need {
    guard try hasListTables() else { throw Refusal.noSuchID(.need, id: id.rawValue) }
    let statement = try db.prepare(
      sql: "SELECT \(identifier: Registry.needColumns) \(identifier: Registry.needFrom) WHERE n.id = \(id.rawValue)")
    guard try statement.step() else { throw Refusal.noSuchID(.need, id: id.rawValue) }
    return try need(from: statement)
  }

  public func forEachNeed(_ filter: NeedFilter, _ body: (Need) throws -> Void) throws {
    try read {
      guard try hasListTables() else { return }
      var conditions: [SQL] = []
      if let status = filter.status { conditions.append("n.status = \(status.rawValue)") }
      if filter.overdue { conditions.append("n.status = 'open' AND n.deadline < \(today.iso)") }
      if let category = filter.category { conditions.append("n.category = \(try cleanCategory(category))") }
      let filtered: SQL = conditions.isEmpty ? "" : "WHERE " + SQL.joined(conditions, separator: " AND ")
      let statement = try db.prepare(
        sql: "SELECT \(identifier: Registry.needColumns) \(identifier: Registry.needFrom) " + filtered
          + " ORDER BY n.raised_on, n.id")
      while try statement.step() { try body(try need(from: statement)) }
    }
  }

  public func needDetail(_ id: NeedID) throws -> NeedDetail {
    try read {
      let need = try loadNeed(id)
      var statuses: [StatusChange<NeedStatus>] = []
      let statement = try db.prepare(
        sql: "SELECT status, changed_on FROM need_status_change WHERE need_id = \(id.rawValue) ORDER BY changed_on, id")
      while try statement.step() {
        statuses.append(
          StatusChange(status: NeedStatus(rawValue: try statement.required(0)) ?? .open, on: try day(statement, 1)))
      }
      let projects = try references(
        .project,
        sql: """
          SELECT p.id, p.title FROM project_need AS pn JOIN project AS p ON p.id = pn.project_id
          WHERE pn.need_id = \(id.rawValue) ORDER BY p.id
          """)
      return NeedDetail(
        need: need, statuses: statuses, claims: try claims(where: "c.need_id = \(id.rawValue)"), projects: projects)
    }
  }

  // MARK: - Projects

  static let projectColumns = """
    p.id, p.title, p.category, p.level, p.description, p.lead_unit_id, lu.name, p.start_on, p.end_on, p.proposed_on,
    p.status, p.status_on,
    (SELECT changed_on FROM project_status_change WHERE project_id = p.id AND status = 'running'),
    (SELECT changed_on FROM project_status_change WHERE project_id = p.id AND status IN ('done', 'dropped')),
    (SELECT group_concat(item, char(31)) FROM (
       SELECT pu.unit_id || char(30) || u.name AS item FROM project_unit AS pu JOIN unit AS u ON u.id = pu.unit_id
       WHERE pu.project_id = p.id ORDER BY pu.unit_id)),
    (SELECT group_concat(item, char(31)) FROM (
       SELECT n.id || char(30) || n.title AS item FROM project_need AS pn JOIN need AS n ON n.id = pn.need_id
       WHERE pn.project_id = p.id ORDER BY n.id)),
    (SELECT group_concat(item, char(31)) FROM (
       SELECT r.id || char(30) || r.title AS item FROM project_resource AS pr JOIN resource AS r ON r.id = pr.resource_id
       WHERE pr.project_id = p.id ORDER BY r.id))
    """

  static let projectFrom = "FROM project AS p LEFT JOIN unit AS lu ON lu.id = p.lead_unit_id"

  func project(from statement: Statement) throws -> Project {
    var lead: UnitReference?
    if let leadID: Int = try statement.column(5) {
      lead = UnitReference(id: UnitID(leadID), name: try statement.column(6) ?? "")
    }
    return Project(
      id: ProjectID(try statement.required(0)), title: try statement.required(1), category: try statement.required(2),
      level: try statement.column(3), description: try statement.column(4), lead: lead,
      units: Registry.unitList(try statement.column(14)), needs: Registry.itemList(.need, try statement.column(15)),
      resources: Registry.itemList(.resource, try statement.column(16)), startOn: try optionalDay(statement, 7),
      endOn: try optionalDay(statement, 8), proposedOn: try day(statement, 9),
      status: ProjectStatus(rawValue: try statement.required(10)) ?? .proposed, statusOn: try day(statement, 11),
      startedOn: try optionalDay(statement, 12), endedOn: try optionalDay(statement, 13))
  }

  func loadProject(_ id: ProjectID) throws -> Project {
    guard try hasListTables() else { throw Refusal.noSuchID(.project, id: id.rawValue) }
    let statement = try db.prepare(
      sql:
        "SELECT \(identifier: Registry.projectColumns) \(identifier: Registry.projectFrom) WHERE p.id = \(id.rawValue)"
    )
    guard try statement.step() else { throw Refusal.noSuchID(.project, id: id.rawValue) }
    return try project(from: statement)
  }

  public func forEachProject(_ filter: ProjectFilter, _ body: (Project) throws -> Void) throws {
    try read {
      guard try hasListTables() else { return }
      var conditions: [SQL] = []
      if let status = filter.status { conditions.append("p.status = \(status.rawValue)") }
      if let unit = filter.unit {
        _ = try unitReference(unit)
        conditions.append(
          """
          (p.lead_unit_id = \(unit.rawValue)
           OR EXISTS (SELECT 1 FROM project_unit AS pu WHERE pu.project_id = p.id AND pu.unit_id = \(unit.rawValue))
           OR EXISTS (SELECT 1 FROM claim AS c WHERE c.project_id = p.id AND c.unit_id = \(unit.rawValue)))
          """)
      }
      if let year = filter.year {
        conditions.append(
          """
          p.proposed_on <= \(try yearEnd(year).iso) AND NOT EXISTS (
            SELECT 1 FROM project_status_change AS s WHERE s.project_id = p.id AND s.status IN ('done', 'dropped')
              AND s.changed_on < \(try yearStart(year).iso))
          """)
      }
      let filtered: SQL = conditions.isEmpty ? "" : "WHERE " + SQL.joined(conditions, separator: " AND ")
      let statement = try db.prepare(
        sql: "SELECT \(identifier: Registry.projectColumns) \(identifier: Registry.projectFrom) " + filtered
          + " ORDER BY p.proposed_on, p.id")
      while try statement.step() { try body(try project(from: statement)) }
    }
  }

  public func projectDetail(_ id: ProjectID) throws -> ProjectDetail {
    try read {
      let project = try loadProject(id)
      var statuses: [StatusChange<ProjectStatus>] = []
      let statement = try db.prepare(
        sql: """
          SELECT status, changed_on FROM project_status_change WHERE project_id = \(id.rawValue) ORDER BY changed_on, id
          """)
      while try statement.step() {
        statuses.append(
          StatusChange(
            status: ProjectStatus(rawValue: try statement.required(0)) ?? .proposed, on: try day(statement, 1)))
      }
      let totals = try db.prepare(
        sql: """
          SELECT count(*), coalesce(sum(volunteers), 0), coalesce(sum(hours), 0), coalesce(sum(served), 0)
          FROM activity WHERE project_id = \(id.rawValue)
          """)
      _ = try totals.step()
      return ProjectDetail(
        project: project, statuses: statuses, claims: try claims(where: "c.project_id = \(id.rawValue)"),
        activities: try totals.required(0), volunteers: try totals.required(1), hours: try totals.required(2),
        served: try totals.required(3))
    }
  }

  // MARK: - Activities

  public func forEachActivity(_ filter: ActivityFilter, _ body: (Activity) throws -> Void) throws {
    try read {
      guard try hasListTables() else { return }
      var conditions: [SQL] = []
      if let project = filter.project { conditions.append("a.project_id = \(project.rawValue)") }
      if let unit = filter.unit {
        _ = try unitReference(unit)
        conditions.append(
          "EXISTS (SELECT 1 FROM activity_unit AS au WHERE au.activity_id = a.id AND au.unit_id = \(unit.rawValue))")
      }
      if let year = filter.year {
        conditions.append("a.happened_on BETWEEN \(try yearStart(year).iso) AND \(try yearEnd(year).iso)")
      }
      let filtered: SQL = conditions.isEmpty ? "" : " WHERE " + SQL.joined(conditions, separator: " AND ")
      let statement = try db.prepare(
        sql: """
          SELECT a.id, a.project_id, p.title, a.happened_on, a.volunteers, a.hours, a.served, a.note,
            (SELECT group_concat(item, char(31)) FROM (
               SELECT au.unit_id || char(30) || u.name AS item FROM activity_unit AS au JOIN unit AS u ON u.id = au.unit_id
               WHERE au.activity_id = a.id ORDER BY au.unit_id))
          FROM activity AS a JOIN project AS p ON p.id = a.project_id
          """ + filtered + " ORDER BY a.happened_on, a.id")
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
  }

  // MARK: - Shared

  func claims(where condition: SQL) throws -> [Claim] {
    let statement = try db.prepare(
      sql: """
        SELECT c.id, c.unit_id, u.name, c.need_id, n.title, c.project_id, p.title, c.resource_id, r.title, c.claimed_on
        FROM claim AS c JOIN unit AS u ON u.id = c.unit_id
        LEFT JOIN need AS n ON n.id = c.need_id LEFT JOIN project AS p ON p.id = c.project_id
        LEFT JOIN resource AS r ON r.id = c.resource_id
        WHERE \(condition) ORDER BY c.claimed_on, c.id
        """)
    var result: [Claim] = []
    while try statement.step() {
      func item(_ kind: EntityKind, _ column: Int32) throws -> ItemReference? {
        guard let id: Int = try statement.column(column) else { return nil }
        return ItemReference(kind, id: id, title: try statement.column(column + 1) ?? "")
      }
      result.append(
        Claim(
          id: try statement.required(0),
          unit: UnitReference(id: UnitID(try statement.required(1)), name: try statement.required(2)),
          need: try item(.need, 3), project: try item(.project, 5), resource: try item(.resource, 7),
          claimedOn: try day(statement, 9)))
    }
    return result
  }

  func references(_ kind: EntityKind, sql query: SQL) throws -> [ItemReference] {
    let statement = try db.prepare(sql: query)
    var result: [ItemReference] = []
    while try statement.step() {
      result.append(ItemReference(kind, id: try statement.required(0), title: try statement.required(1)))
    }
    return result
  }

  /// A category as typed, cleaned as it is stored, so a filter finds what was stored.
  func cleanCategory(_ category: String) throws -> String {
    switch TextInput.optionalLine(category, maxLength: TextInput.maxKindLength) {
    case .success(let clean): return clean ?? ListCategory.fallback
    case .failure(let problem): throw Refusal.invalid(.category, problem)
    }
  }
}
