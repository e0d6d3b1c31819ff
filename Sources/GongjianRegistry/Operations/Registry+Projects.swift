import SQLite

/// The status changes a command asks of a project.
public enum ProjectStep: String, Sendable, CaseIterable {
  case start, finish, drop

  var status: ProjectStatus {
    switch self {
    case .start: .running
    case .finish: .done
    case .drop: .dropped
    }
  }
}

extension Registry {
  /// A project is proposed (征集中) on `proposedOn` (default today). With a lead, the lead claims
  /// it that same day; the lead and the units taking part must be in the alliance that day.
  public func addProject(_ input: NewProject) throws -> Project {
    try write { try insertProject(input, id: nil, recordHistory: true) }
  }

  func insertProject(_ input: NewProject, id: Int?, recordHistory: Bool) throws -> Project {
    var problems = Problems()
    let title = ListValidation.title(input.title, problems: &problems)
    let category = ListValidation.category(input.category, problems: &problems)
    let level = ListValidation.level(input.level, problems: &problems)
    let description = ListValidation.note(input.description, .description, problems: &problems)
    let proposedOn = input.proposedOn ?? today
    Validation.notInFuture(proposedOn, today: today, role: .proposing, field: .proposedOn, problems: &problems)
    if let start = input.startOn, let end = input.endOn, end < start {
      problems.add(.endOn, .lists(.endBeforeStart(end: end, start: start)))
    }
    guard let title, problems.isEmpty else { throw Refusal.invalidValues(problems.list) }
    var needs: [ItemReference] = []
    for need in input.needs where !needs.contains(where: { $0.id == need.rawValue }) {
      needs.append(try loadNeed(need).reference)
    }
    var resources: [ItemReference] = []
    for resource in input.resources where !resources.contains(where: { $0.id == resource.rawValue }) {
      resources.append(try loadResource(resource).reference)
    }
    let lead = try input.lead.map { try unitInAlliance($0, on: proposedOn) }
    var units: [UnitReference] = []
    for unit in input.units where unit != input.lead && !units.contains(where: { $0.id == unit }) {
      units.append(try unitInAlliance(unit, on: proposedOn))
    }
    try db.run(
      sql: """
        INSERT INTO project (id, title, title_key, category, level, description, lead_unit_id, start_on, end_on,
          proposed_on, status, status_on, created_at)
        VALUES (\(id), \(title), \(NameKey.make(title)), \(category), \(level), \(description), \(lead?.id.rawValue),
          \(input.startOn?.iso), \(input.endOn?.iso), \(proposedOn.iso), 'proposed', \(proposedOn.iso), \(verbatimNow))
        """)
    let projectID = ProjectID(Int(db.lastInsertRowID))
    try insertProjectStatus(projectID, .proposed, on: proposedOn)
    for need in needs {
      try db.run(sql: "INSERT INTO project_need (project_id, need_id) VALUES (\(projectID.rawValue), \(need.id))")
    }
    for resource in resources {
      try db.run(
        sql: "INSERT INTO project_resource (project_id, resource_id) VALUES (\(projectID.rawValue), \(resource.id))")
    }
    for unit in units {
      try db.run(
        sql: "INSERT INTO project_unit (project_id, unit_id) VALUES (\(projectID.rawValue), \(unit.id.rawValue))")
    }
    var status = ProjectStatus.proposed
    if let lead, recordHistory {
      try insertClaim(project: projectID, unit: lead.id, on: proposedOn)
      try setProjectStatus(projectID, .claimed, on: proposedOn)
      status = .claimed
    }
    let project = Project(
      id: projectID, title: title, category: category, level: level, description: description, lead: lead,
      units: units, needs: needs, resources: resources, startOn: input.startOn, endOn: input.endOn,
      proposedOn: proposedOn, status: status, statusOn: proposedOn, startedOn: nil, endedOn: nil)
    if recordHistory {
      try recordItem(
        .projectAdd, item: project.reference, unit: lead?.id,
        facts: [
          "category": .string(category), "proposed_on": .string(proposedOn.iso), "lead": .optional(lead?.name),
        ], before: nil)
    }
    return project
  }

  /// A unit claims a project (认领) on `day`: only a unit in the alliance that day, only a
  /// project not done or dropped, never twice. The first to claim a project without a lead
  /// becomes its lead; later ones take part.
  public func claimProject(_ id: ProjectID, unit: UnitID, on day: Day) throws -> Claim {
    try write { try applyProjectClaim(id, unit: unit, on: day, recordHistory: true) }
  }

  func applyProjectClaim(_ id: ProjectID, unit unitID: UnitID, on day: Day, recordHistory: Bool) throws -> Claim {
    let project = try loadProject(id)
    if project.status.isFinal {
      throw Refusal.lists(.projectFinished(project.reference, status: project.status, on: project.statusOn))
    }
    try checkNotAfterToday(day, role: .claiming, field: .claimedOn)
    if day < project.statusOn {
      throw Refusal.lists(.changeBeforePrevious(project.reference, day: day, previous: project.statusOn))
    }
    let unit = try unitInAlliance(unitID, on: day)
    if let earlier = try db.scalar(
      String.self,
      sql: "SELECT min(claimed_on) FROM claim WHERE project_id = \(id.rawValue) AND unit_id = \(unitID.rawValue)"),
      let earlierDay = Day(iso: earlier)
    {
      throw Refusal.lists(.alreadyClaimed(project.reference, by: unit, on: earlierDay))
    }
    let before = recordHistory ? try itemSnapshot(.project, id.rawValue) : nil
    let claimID = try insertClaim(project: id, unit: unitID, on: day)
    var role = "member"
    if project.lead == nil {
      try db.run(sql: "UPDATE project SET lead_unit_id = \(unitID.rawValue) WHERE id = \(id.rawValue)")
      try db.run(sql: "DELETE FROM project_unit WHERE project_id = \(id.rawValue) AND unit_id = \(unitID.rawValue)")
      role = "lead"
    } else if project.lead?.id != unitID {
      try db.run(
        sql: "INSERT OR IGNORE INTO project_unit (project_id, unit_id) VALUES (\(id.rawValue), \(unitID.rawValue))")
    }
    if project.status == .proposed { try setProjectStatus(id, .claimed, on: day) }
    if recordHistory {
      try recordItem(
        .projectClaim, item: project.reference, unit: unitID,
        facts: ["unit": .string(unit.name), "on": .string(day.iso), "role": .string(role)], before: before)
    }
    return Claim(id: claimID, unit: unit, need: nil, project: project.reference, resource: nil, claimedOn: day)
  }

  @discardableResult
  func insertClaim(project: ProjectID, unit: UnitID, on day: Day) throws -> Int {
    try db.run(
      sql: """
        INSERT INTO claim (unit_id, project_id, claimed_on, created_at)
        VALUES (\(unit.rawValue), \(project.rawValue), \(day.iso), \(verbatimNow))
        """)
    return Int(db.lastInsertRowID)
  }

  /// Moves a project forward on `day`: starts it running, finishes it (done) or drops it.
  /// Only forward, each change on or after the one before and not after today; a project is
  /// finished only once it has run, and never before its last service record.
  public func advanceProject(_ id: ProjectID, _ step: ProjectStep, on day: Day) throws -> Project {
    try write { try applyProjectStep(id, step, on: day, recordHistory: true) }
  }

  func applyProjectStep(_ id: ProjectID, _ step: ProjectStep, on day: Day, recordHistory: Bool) throws -> Project {
    let project = try loadProject(id)
    let target = step.status
    if project.status.isFinal {
      throw Refusal.lists(.projectFinished(project.reference, status: project.status, on: project.statusOn))
    }
    switch step {
    case .start:
      guard project.status < .running else {
        throw Refusal.lists(.projectStatusNotForward(project.reference, from: project.status, to: target))
      }
    case .finish:
      guard project.status == .running else { throw Refusal.lists(.projectNotStarted(project.reference)) }
    case .drop: break
    }
    try checkNotAfterToday(day, role: .statusChange, field: .statusOn)
    if day < project.statusOn {
      throw Refusal.lists(.changeBeforePrevious(project.reference, day: day, previous: project.statusOn))
    }
    if step != .start,
      let last = try db.scalar(
        String.self, sql: "SELECT max(happened_on) FROM activity WHERE project_id = \(id.rawValue)"),
      let lastDay = Day(iso: last), lastDay > day
    {
      throw Refusal.lists(.changeBeforePrevious(project.reference, day: day, previous: lastDay))
    }
    let before = recordHistory ? try itemSnapshot(.project, id.rawValue) : nil
    try setProjectStatus(id, target, on: day)
    if recordHistory {
      let action: ChangeAction =
        switch step {
        case .start: .projectStart
        case .finish: .projectFinish
        case .drop: .projectDrop
        }
      try recordItem(action, item: project.reference, unit: nil, facts: ["on": .string(day.iso)], before: before)
    }
    return try loadProject(id)
  }

  func insertProjectStatus(_ id: ProjectID, _ status: ProjectStatus, on day: Day) throws {
    try db.run(
      sql: """
        INSERT INTO project_status_change (project_id, status, changed_on)
        VALUES (\(id.rawValue), \(status.rawValue), \(day.iso))
        """)
  }

  func setProjectStatus(_ id: ProjectID, _ status: ProjectStatus, on day: Day) throws {
    try insertProjectStatus(id, status, on: day)
    try db.run(sql: "UPDATE project SET status = \(status.rawValue), status_on = \(day.iso) WHERE id = \(id.rawValue)")
  }
}
