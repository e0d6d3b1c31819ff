import SQLite

extension Registry {
  /// A need is raised: open (待认领) from the day it was raised.
  public func addNeed(_ input: NewNeed) throws -> Need {
    try write { try insertNeed(input, id: nil, recordHistory: true) }
  }

  func insertNeed(_ input: NewNeed, id: Int?, recordHistory: Bool) throws -> Need {
    var problems = Problems()
    let title = ListValidation.title(input.title, problems: &problems)
    let category = ListValidation.category(input.category, problems: &problems)
    let description = ListValidation.note(input.description, .description, problems: &problems)
    let people = ListValidation.count(input.people, max: ListValidation.maxPeople, .people, problems: &problems)
    let raisedOn = input.raisedOn ?? today
    Validation.notInFuture(raisedOn, today: today, role: .raising, field: .raisedOn, problems: &problems)
    if let deadline = input.deadline, deadline < raisedOn {
      problems.add(.deadline, .lists(.deadlineBeforeRaised(deadline: deadline, raised: raisedOn)))
    }
    var raiser = NeedRaiser.centre
    switch input.raisedBy {
    case .centre: break
    case .unit(let unit): raiser = .unit(try unitReference(unit))
    case .other(let text):
      if let clean = ListValidation.line(text, .raisedBy, problems: &problems) { raiser = .other(clean) }
    }
    guard let title, problems.isEmpty else { throw Refusal.invalidValues(problems.list) }
    var raiserUnit: Int?
    var raiserText: String?
    switch raiser {
    case .centre: break
    case .unit(let unit): raiserUnit = unit.id.rawValue
    case .other(let text): raiserText = text
    }
    try db.run(
      sql: """
        INSERT INTO need (id, title, title_key, category, description, raised_by_unit_id, raised_by, raised_on, people,
          deadline, status, status_on, created_at)
        VALUES (\(id), \(title), \(NameKey.make(title)), \(category), \(description), \(raiserUnit), \(raiserText),
          \(raisedOn.iso), \(people), \(input.deadline?.iso), 'open', \(raisedOn.iso), \(verbatimNow))
        """)
    let needID = Int(db.lastInsertRowID)
    try db.run(
      sql: "INSERT INTO need_status_change (need_id, status, changed_on) VALUES (\(needID), 'open', \(raisedOn.iso))")
    let need = Need(
      id: NeedID(needID), title: title, category: category, description: description, raisedBy: raiser,
      raisedOn: raisedOn, people: people, deadline: input.deadline, status: .open, statusOn: raisedOn, claimedBy: [])
    if recordHistory {
      try recordItem(
        .needAdd, item: need.reference, unit: raiserUnit.map { UnitID($0) },
        facts: ["category": .string(category), "raised_on": .string(raisedOn.iso)], before: nil)
    }
    return need
  }

  /// A unit claims a need (认领) on `day`: only a unit in the alliance that day, only a need not
  /// yet met or closed, and never twice by the same unit. The first claim makes the need claimed.
  public func claimNeed(_ id: NeedID, unit: UnitID, on day: Day) throws -> Claim {
    try write { try applyNeedClaim(id, unit: unit, resource: nil, on: day, recordHistory: true) }
  }

  /// A need claims a unit's resource on `day`: the resource must be offered that day, and its
  /// unit in the alliance.
  public func claimResource(_ id: NeedID, resource: ResourceID, on day: Day) throws -> Claim {
    try write { try applyNeedClaim(id, unit: nil, resource: resource, on: day, recordHistory: true) }
  }

  func applyNeedClaim(
    _ id: NeedID, unit unitID: UnitID?, resource resourceID: ResourceID?, on day: Day, recordHistory: Bool
  )
    throws -> Claim
  {
    let need = try loadNeed(id)
    if need.status.isFinal {
      throw Refusal.lists(.needFinished(need.reference, status: need.status, on: need.statusOn))
    }
    try checkNotAfterToday(day, role: .claiming, field: .claimedOn)
    if day < need.statusOn {
      throw Refusal.lists(.changeBeforePrevious(need.reference, day: day, previous: need.statusOn))
    }
    var resource: Resource?
    if let resourceID {
      let offered = try loadResource(resourceID)
      if let withdrawn = offered.withdrawnOn, withdrawn <= day {
        throw Refusal.lists(.resourceWithdrawn(offered.reference, on: withdrawn))
      }
      guard offered.isAvailable(on: day) else {
        throw Refusal.lists(
          .resourceNotAvailable(offered.reference, day: day, from: offered.availableFrom, until: offered.availableUntil)
        )
      }
      resource = offered
    }
    guard let claimant = unitID ?? resource?.unit.id else { throw Refusal.noSuchID(.unit, id: 0) }
    let unit = try unitInAlliance(claimant, on: day)
    if let earlier = try db.scalar(
      String.self,
      sql: """
        SELECT claimed_on FROM claim WHERE need_id = \(id.rawValue) AND unit_id = \(claimant.rawValue)
          AND resource_id IS \(resourceID?.rawValue) ORDER BY claimed_on LIMIT 1
        """), let earlierDay = Day(iso: earlier)
    {
      throw Refusal.lists(.alreadyClaimed(need.reference, by: unit, on: earlierDay))
    }
    let before = recordHistory ? try itemSnapshot(.need, id.rawValue) : nil
    try db.run(
      sql: """
        INSERT INTO claim (unit_id, need_id, resource_id, claimed_on, created_at)
        VALUES (\(claimant.rawValue), \(id.rawValue), \(resourceID?.rawValue), \(day.iso), \(verbatimNow))
        """)
    let claim = Claim(
      id: Int(db.lastInsertRowID), unit: unit, need: need.reference, project: nil, resource: resource?.reference,
      claimedOn: day)
    if need.status == .open { try changeNeedStatus(id, to: .claimed, on: day) }
    if recordHistory {
      var facts: JSONValue.KeyValuePairs = ["unit": .string(unit.name), "on": .string(day.iso)]
      if let resource { facts.pairs.append(("resource", .string(resource.title))) }
      try recordItem(.needClaim, item: need.reference, unit: claimant, facts: facts, before: before)
    }
    return claim
  }

  /// Closes a need on `day`: met (已解决) or closed without being met (已关闭).
  public func closeNeed(_ id: NeedID, on day: Day, met: Bool) throws -> Need {
    try write { try applyNeedClose(id, on: day, met: met, recordHistory: true) }
  }

  func applyNeedClose(_ id: NeedID, on day: Day, met: Bool, recordHistory: Bool) throws -> Need {
    let need = try loadNeed(id)
    if need.status.isFinal {
      throw Refusal.lists(.needFinished(need.reference, status: need.status, on: need.statusOn))
    }
    try checkNotAfterToday(day, role: .statusChange, field: .statusOn)
    if day < need.statusOn {
      throw Refusal.lists(.changeBeforePrevious(need.reference, day: day, previous: need.statusOn))
    }
    let before = recordHistory ? try itemSnapshot(.need, id.rawValue) : nil
    let status: NeedStatus = met ? .met : .closed
    try changeNeedStatus(id, to: status, on: day)
    if recordHistory {
      try recordItem(
        .needClose, item: need.reference, unit: nil,
        facts: ["status": .string(status.rawValue), "on": .string(day.iso)],
        before: before)
    }
    var closed = need
    closed.status = status
    closed.statusOn = day
    return closed
  }

  private func changeNeedStatus(_ id: NeedID, to status: NeedStatus, on day: Day) throws {
    try db.run(
      sql:
        "INSERT INTO need_status_change (need_id, status, changed_on) VALUES (\(id.rawValue), \(status.rawValue), \(day.iso))"
    )
    try db.run(sql: "UPDATE need SET status = \(status.rawValue), status_on = \(day.iso) WHERE id = \(id.rawValue)")
  }
}
