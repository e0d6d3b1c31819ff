import SQLite

extension Registry {
  /// Records a service record (服务记录) of a project: only on a day the project was running
  /// (from the day it started to the day it was done or dropped) and not after today. The units
  /// must be in the alliance that day; without any, the project's lead took part.
  public func addActivity(_ input: NewActivity) throws -> Activity {
    try write { try insertActivity(input, id: nil, recordHistory: true) }
  }

  func insertActivity(_ input: NewActivity, id: Int?, defaultToLead: Bool = true, recordHistory: Bool) throws
    -> Activity
  {
    var problems = Problems()
    let volunteers =
      ListValidation.count(input.volunteers, max: ListValidation.maxVolunteers, .volunteers, problems: &problems) ?? 0
    let served = ListValidation.count(input.served, max: ListValidation.maxServed, .served, problems: &problems) ?? 0
    let hours = ListValidation.hours(input.hours, problems: &problems) ?? 0
    let note = ListValidation.note(input.note, .note, problems: &problems)
    Validation.notInFuture(input.on, today: today, role: .serving, field: .happenedOn, problems: &problems)
    try problems.check()
    let project = try loadProject(input.project)
    guard let started = project.startedOn else { throw Refusal.lists(.projectNotStarted(project.reference)) }
    if input.on < started || (project.endedOn.map { input.on > $0 } ?? false) {
      throw Refusal.lists(
        .activityOutsideProject(project.reference, day: input.on, started: started, ended: project.endedOn))
    }
    var unitIDs: [UnitID] = []
    for unit in input.units where !unitIDs.contains(unit) { unitIDs.append(unit) }
    if unitIDs.isEmpty, defaultToLead, let lead = project.lead { unitIDs = [lead.id] }
    let units = try unitIDs.map { try unitInAlliance($0, on: input.on) }
    try db.run(
      sql: """
        INSERT INTO activity (id, project_id, happened_on, volunteers, hours, served, note, created_at)
        VALUES (\(id), \(input.project.rawValue), \(input.on.iso), \(volunteers), \(hours), \(served), \(note),
          \(verbatimNow))
        """)
    let activityID = Int(db.lastInsertRowID)
    for unit in units {
      try db.run(
        sql: "INSERT INTO activity_unit (activity_id, unit_id) VALUES (\(activityID), \(unit.id.rawValue))")
    }
    let activity = Activity(
      id: activityID, project: project.reference, on: input.on, units: units, volunteers: volunteers, hours: hours,
      served: served, note: note)
    if recordHistory {
      try recordItem(
        .activityAdd, item: ItemReference(.activity, id: activityID, title: project.title), unit: units.first?.id,
        facts: [
          "project_id": .int(project.id.rawValue), "on": .string(input.on.iso), "volunteers": .int(volunteers),
          "hours": .double(hours), "served": .int(served),
        ], before: nil)
    }
    return activity
  }
}
