import SQLite

/// What `resource edit` changed.
public struct ResourceEdit: Equatable, Sendable {
  public var resource: ItemReference
  public var changes: [FieldChange]
}

extension Registry {
  /// A unit offers a resource. The unit must be in the alliance now, and on the first day the
  /// resource is offered when that day has come.
  public func addResource(_ input: NewResource) throws -> Resource {
    try write { try insertResource(input, id: nil, recordHistory: true) }
  }

  func insertResource(_ input: NewResource, id: Int?, withdrawnOn: Day? = nil, recordHistory: Bool) throws -> Resource {
    var problems = Problems()
    let title = ListValidation.title(input.title, problems: &problems)
    let category = ListValidation.category(input.category, problems: &problems)
    let capacity = ListValidation.line(input.capacity, .capacity, problems: &problems)
    let contact = ListValidation.line(input.contact, .contact, problems: &problems)
    let description = ListValidation.note(input.description, .description, problems: &problems)
    let from = input.availableFrom ?? today
    if let until = input.availableUntil, until < from {
      problems.add(.availableUntil, .lists(.untilBeforeFrom(until: until, from: from)))
    }
    guard let title, problems.isEmpty else { throw Refusal.invalidValues(problems.list) }
    let unit = try unitReference(input.unit)
    if withdrawnOn == nil {
      let detail = try loadDetail(input.unit)
      guard detail.openPeriod != nil else {
        throw Refusal.lists(.unitHasLeft(unit, leftOn: detail.periods.last?.leftOn))
      }
      if from <= today { _ = try unitInAlliance(input.unit, on: from) }
    }
    try db.run(
      sql: """
        INSERT INTO resource (id, unit_id, title, title_key, category, description, capacity, contact,
          available_from, available_until, withdrawn_on, created_at)
        VALUES (\(id), \(input.unit.rawValue), \(title), \(NameKey.make(title)), \(category), \(description),
          \(capacity), \(contact), \(from.iso), \(input.availableUntil?.iso), \(withdrawnOn?.iso), \(verbatimNow))
        """)
    let resource = Resource(
      id: ResourceID(Int(db.lastInsertRowID)), unit: unit, title: title, category: category, description: description,
      capacity: capacity, contact: contact, availableFrom: from, availableUntil: input.availableUntil,
      withdrawnOn: withdrawnOn)
    if recordHistory {
      try recordItem(
        .resourceAdd, item: resource.reference, unit: input.unit,
        facts: ["category": .string(category), "available_from": .string(from.iso)], before: nil)
    }
    return resource
  }

  /// Changes a resource's details; a withdrawn resource is kept as it was.
  public func editResource(_ id: ResourceID, _ changes: ResourceChanges) throws -> ResourceEdit {
    try write {
      let old = try loadResource(id)
      if let withdrawn = old.withdrawnOn { throw Refusal.lists(.resourceWithdrawn(old.reference, on: withdrawn)) }
      var problems = Problems()
      var new = old
      if let title = changes.title { new.title = ListValidation.title(title, problems: &problems) ?? old.title }
      if let category = changes.category { new.category = ListValidation.category(category, problems: &problems) }
      if let capacity = changes.capacity {
        new.capacity = ListValidation.line(capacity, .capacity, problems: &problems)
      }
      if let contact = changes.contact { new.contact = ListValidation.line(contact, .contact, problems: &problems) }
      if let description = changes.description {
        new.description = ListValidation.note(description, .description, problems: &problems)
      }
      if let from = changes.availableFrom { new.availableFrom = from }
      if let until = changes.availableUntil { new.availableUntil = until }
      if let until = new.availableUntil, until < new.availableFrom {
        problems.add(.availableUntil, .lists(.untilBeforeFrom(until: until, from: new.availableFrom)))
      }
      try problems.check()
      if new.availableFrom != old.availableFrom, new.availableFrom <= today {
        _ = try unitInAlliance(old.unit.id, on: new.availableFrom)
      }
      var changed: [FieldChange] = []
      func note(_ field: Field, _ before: String?, _ after: String?) {
        if before != after { changed.append(FieldChange(field: field, old: before, new: after)) }
      }
      note(.title, old.title, new.title)
      note(.category, old.category, new.category)
      note(.capacity, old.capacity, new.capacity)
      note(.contact, old.contact, new.contact)
      note(.description, old.description, new.description)
      note(.availableFrom, old.availableFrom.iso, new.availableFrom.iso)
      note(.availableUntil, old.availableUntil?.iso, new.availableUntil?.iso)
      guard !changed.isEmpty else { return ResourceEdit(resource: old.reference, changes: []) }
      let before = try itemSnapshot(.resource, id.rawValue)
      try db.run(
        sql: """
          UPDATE resource SET title = \(new.title), title_key = \(NameKey.make(new.title)), category = \(new.category),
            capacity = \(new.capacity), contact = \(new.contact), description = \(new.description),
            available_from = \(new.availableFrom.iso), available_until = \(new.availableUntil?.iso)
          WHERE id = \(id.rawValue)
          """)
      try recordItem(
        .resourceEdit, item: new.reference, unit: old.unit.id, facts: ["changes": .array(changed.map(\.json))],
        before: before)
      return ResourceEdit(resource: new.reference, changes: changed)
    }
  }

  /// Withdraws a resource from `day` on: it is offered no longer.
  public func withdrawResource(_ id: ResourceID, on day: Day) throws -> Resource {
    try write {
      let old = try loadResource(id)
      if let withdrawn = old.withdrawnOn { throw Refusal.lists(.resourceWithdrawn(old.reference, on: withdrawn)) }
      try checkNotAfterToday(day, role: .resourceWithdrawal, field: .withdrawnOn)
      if day < old.availableFrom {
        throw Refusal.lists(.withdrawalBeforeAvailable(old.reference, day: day, from: old.availableFrom))
      }
      let before = try itemSnapshot(.resource, id.rawValue)
      try db.run(sql: "UPDATE resource SET withdrawn_on = \(day.iso) WHERE id = \(id.rawValue)")
      try recordItem(
        .resourceWithdraw, item: old.reference, unit: old.unit.id, facts: ["on": .string(day.iso)], before: before)
      var resource = old
      resource.withdrawnOn = day
      return resource
    }
  }

  /// Closes a unit's open resources on the day it leaves the alliance, inside the withdrawal's
  /// transaction. Returns what was closed, for the withdrawal's history entry.
  func closeResources(of unit: UnitID, on day: Day) throws -> [ItemReference] {
    guard try hasListTables() else { return [] }
    let statement = try db.prepare(
      sql: "SELECT id, title FROM resource WHERE unit_id = \(unit.rawValue) AND withdrawn_on IS NULL ORDER BY id")
    var closed: [ItemReference] = []
    while try statement.step() {
      closed.append(ItemReference(.resource, id: try statement.required(0), title: try statement.required(1)))
    }
    try db.run(
      sql: "UPDATE resource SET withdrawn_on = \(day.iso) WHERE unit_id = \(unit.rawValue) AND withdrawn_on IS NULL")
    return closed
  }

  /// Opens again the resources a withdrawal closed (`undo` of the withdrawal).
  func reopenResources(_ ids: [Int], closedOn day: String) throws {
    for id in ids {
      try db.run(sql: "UPDATE resource SET withdrawn_on = NULL WHERE id = \(id) AND withdrawn_on = \(day)")
    }
  }
}
