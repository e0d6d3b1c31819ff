import SQLite

/// The figures of the three lists (resources, needs, projects and their activities) in one
/// registry, as its schema holds them. A registry made before the lists existed has none of
/// their tables; a figure is nil when the table or column it is counted from is missing, so a
/// report leaves it out instead of showing a zero nobody counted.
///
/// Everything about which tables and columns the figures come from is here, and nowhere else.
public struct ListFigures: Equatable, Sendable {
  /// Resources offered (资源清单).
  public var resources: Int?
  /// Needs raised (需求清单).
  public var needs: Int?
  /// Needs claimed by a unit: those claimed and those met since.
  public var needsClaimed: Int?
  public var needsMet: Int?
  /// Projects (项目清单).
  public var projects: Int?
  public var projectsDone: Int?
  /// Service records under the projects, and what they add up to.
  public var activities: Int?
  public var volunteers: Int?
  public var hours: Double?
  public var served: Int?

  public init(
    resources: Int? = nil, needs: Int? = nil, needsClaimed: Int? = nil, needsMet: Int? = nil, projects: Int? = nil,
    projectsDone: Int? = nil, activities: Int? = nil, volunteers: Int? = nil, hours: Double? = nil,
    served: Int? = nil
  ) {
    self.resources = resources
    self.needs = needs
    self.needsClaimed = needsClaimed
    self.needsMet = needsMet
    self.projects = projects
    self.projectsDone = projectsDone
    self.activities = activities
    self.volunteers = volunteers
    self.hours = hours
    self.served = served
  }

  /// 认领率: needs claimed of those raised, in percent; nil without both or without needs.
  public var claimRatePercent: Double? {
    guard let needs, let needsClaimed, needs > 0 else { return nil }
    return Double(needsClaimed) / Double(needs) * 100
  }

  /// 完成率: projects done of all projects, in percent.
  public var completionRatePercent: Double? {
    guard let projects, let projectsDone, projects > 0 else { return nil }
    return Double(projectsDone) / Double(projects) * 100
  }

  /// Figure by figure, the sum of those the registries have; nil where none has it.
  public static func sum(_ all: [ListFigures]) -> ListFigures? {
    guard !all.isEmpty else { return nil }
    func add<T: AdditiveArithmetic>(_ figure: KeyPath<ListFigures, T?>) -> T? {
      let present = all.compactMap { $0[keyPath: figure] }
      return present.isEmpty ? nil : present.reduce(.zero, +)
    }
    return ListFigures(
      resources: add(\.resources), needs: add(\.needs), needsClaimed: add(\.needsClaimed), needsMet: add(\.needsMet),
      projects: add(\.projects), projectsDone: add(\.projectsDone), activities: add(\.activities),
      volunteers: add(\.volunteers), hours: add(\.hours), served: add(\.served))
  }

  // MARK: - Where they come from

  /// The figures of the registry `db` reads, or nil when it has none of the lists' tables.
  /// Call inside a read.
  static func read(_ db: Connection) throws -> ListFigures? {
    let present = try tablesPresent(db)
    guard !present.isEmpty else { return nil }
    var figures = ListFigures()
    func count(_ sql: String) throws -> Int { try db.scalar(Int.self, sql) ?? 0 }
    func columns(_ table: String) throws -> Set<String> {
      var names: Set<String> = []
      let statement = try db.prepare(sql: "SELECT name FROM pragma_table_info(\(table))")
      while try statement.step() { names.insert(try statement.required(0)) }
      return names
    }
    if present.contains("resource") { figures.resources = try count("SELECT count(*) FROM resource") }
    if present.contains("need") {
      figures.needs = try count("SELECT count(*) FROM need")
      if try columns("need").contains("status") {
        figures.needsClaimed = try count("SELECT count(*) FROM need WHERE status IN ('claimed', 'met')")
        figures.needsMet = try count("SELECT count(*) FROM need WHERE status = 'met'")
      }
    }
    if present.contains("project") {
      figures.projects = try count("SELECT count(*) FROM project")
      if try columns("project").contains("status") {
        figures.projectsDone = try count("SELECT count(*) FROM project WHERE status = 'done'")
      }
    }
    if present.contains("activity") {
      figures.activities = try count("SELECT count(*) FROM activity")
      let known = try columns("activity")
      if known.contains("volunteers") {
        figures.volunteers = try db.scalar(Int.self, "SELECT CAST(total(volunteers) AS INTEGER) FROM activity") ?? 0
      }
      if known.contains("hours") {
        figures.hours = try db.scalar(Double.self, "SELECT total(hours) FROM activity") ?? 0
      }
      if known.contains("served") {
        figures.served = try db.scalar(Int.self, "SELECT CAST(total(served) AS INTEGER) FROM activity") ?? 0
      }
    }
    return figures
  }

  /// Which of the lists' tables the registry has, by the names their migrations give them.
  private static func tablesPresent(_ db: Connection) throws -> Set<String> {
    var found: Set<String> = []
    let statement = try db.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('resource', 'need', 'project', 'activity')")
    while try statement.step() { found.insert(try statement.required(0)) }
    return found
  }
}
