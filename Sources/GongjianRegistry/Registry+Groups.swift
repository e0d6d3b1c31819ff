import SQLite

/// A new working group (`group add`).
public struct NewGroup: Equatable, Sendable {
  public var name: String
  public var description: String?
  public var establishedOn: Day?

  public init(name: String, description: String? = nil, establishedOn: Day? = nil) {
    self.name = name
    self.description = description
    self.establishedOn = establishedOn
  }
}

/// What `group join` did.
public enum GroupJoinOutcome: Equatable, Sendable {
  case joined(since: Day)
  /// The unit was already in the group with the other role: that membership closed and a new
  /// one with this role began on the same day.
  case roleChanged(from: GroupRole, since: Day)
}

extension Registry {
  /// Adds a working group (专项组).
  public func addGroup(_ input: NewGroup) throws -> UnitReference {
    try write { try insertGroup(input, recordHistory: true) }
  }

  func insertGroup(_ input: NewGroup, recordHistory: Bool) throws -> UnitReference {
    var errors: [FieldError] = []
    let name = Validation.collect(TextInput.name(input.name, field: "group name"), .groups, into: &errors)
    let description =
      Validation.collect(TextInput.optionalNote(input.description, field: "description"), .note, into: &errors) ?? nil
    if let established = input.establishedOn {
      // .joinedOn, not .groups: `group add` names the options by field, and the name is .groups.
      Validation.notInFuture(established, today: today, what: "founding date", field: .joinedOn, errors: &errors)
    }
    guard let name, errors.isEmpty else { throw FieldErrors(errors) }
    let key = NameKey.make(name)
    let existing = try db.prepare("SELECT id, name FROM working_group WHERE name_key = ?")
    try existing.bind(key, at: 1)
    if try existing.step() {
      let id: Int = try existing.required(0)
      let current: String = try existing.required(1)
      throw RegistryError.refused("the working group \(current) already exists (id \(id)); nothing was added.")
    }
    try db.run(
      "INSERT INTO working_group (name, name_key, description, established_on) VALUES (?, ?, ?, ?)",
      name, key, description, input.establishedOn?.iso)
    let id = Int(db.lastInsertRowID)
    if recordHistory {
      try self.recordHistory(
        action: "group add", entity: "group", entityID: id, unitID: nil, summary: "added the working group \(name)",
        before: nil,
        after: .object([
          "name": .string(name), "description": .optional(description),
          "established_on": .optional(input.establishedOn?.iso),
        ]))
    }
    return UnitReference(id: id, name: name)
  }

  /// Every working group, with its leads and member count on `day` (default today).
  public func groups(on day: Day? = nil) throws -> [WorkingGroup] {
    try read {
      let reference = (day ?? today).iso
      let statement = try db.prepare(
        """
        SELECT g.id, g.name, g.description, g.established_on, g.dissolved_on,
          (SELECT group_concat(name, char(31)) FROM (
             SELECT u.name FROM group_membership AS gm JOIN unit AS u ON u.id = gm.unit_id
             WHERE gm.group_id = g.id AND gm.role = 'lead' AND gm.joined_on <= ?1
               AND (gm.left_on IS NULL OR gm.left_on > ?1) ORDER BY gm.joined_on, u.id)),
          (SELECT count(*) FROM group_membership AS gm WHERE gm.group_id = g.id AND gm.joined_on <= ?1
             AND (gm.left_on IS NULL OR gm.left_on > ?1))
        FROM working_group AS g ORDER BY g.id
        """)
      try statement.bind(reference, at: 1)
      var result: [WorkingGroup] = []
      while try statement.step() {
        result.append(
          WorkingGroup(
            id: try statement.required(0), name: try statement.required(1), description: try statement.column(2),
            establishedOn: try optionalDay(statement, 3), dissolvedOn: try optionalDay(statement, 4),
            leads: try statement.column(5, as: String.self)?.split(separator: "\u{1F}").map(String.init) ?? [],
            memberCount: try statement.required(6)))
      }
      return result
    }
  }

  /// One group and every membership it has had, current ones first.
  public func groupDetail(_ query: String) throws -> (group: WorkingGroup, memberships: [GroupMembership]) {
    let found = try findGroup(query)
    let group = try groups().first { $0.id == found.id }
    guard let group else { throw RegistryError.refused("no working group has the id \(found.id)") }
    let memberships = try read {
      try groupMemberships(
        where: "gm.group_id = ?", [found.id], order: "(gm.left_on IS NOT NULL), gm.role, gm.joined_on, u.id")
    }
    return (group, memberships)
  }

  /// Puts a unit into a working group from `day` (SPEC §6 `group join`). The unit must be in
  /// the alliance on that day. Joining with the other role changes the role from that day.
  public func joinGroup(unit unitQuery: String, group groupQuery: String, on day: Day?, role: GroupRole) throws
    -> (unit: UnitReference, group: UnitReference, outcome: GroupJoinOutcome)
  {
    try write {
      let unit = try lookup(unitQuery, in: .unit)
      let group = try lookup(groupQuery, in: .group)
      let start = day ?? today
      var errors: [FieldError] = []
      Validation.notInFuture(start, today: today, what: "joining date", field: .joinedOn, errors: &errors)
      if !errors.isEmpty { throw FieldErrors(errors) }
      let before = try unitSnapshot(unit.id)
      let open = try groupMemberships(
        where: "gm.unit_id = ? AND gm.group_id = ? AND gm.left_on IS NULL", [unit.id, group.id])
      var outcome = GroupJoinOutcome.joined(since: start)
      if let current = open.first {
        guard current.role != role else {
          throw RegistryError.refused(
            "\(unit.name) is already \(role == .lead ? "the lead of" : "a member of") \(group.name) (since \(current.joinedOn))."
          )
        }
        guard start >= current.joinedOn else {
          throw RegistryError.refused(
            "\(unit.name) has been in \(group.name) since \(current.joinedOn); a role change must be on or after that day."
          )
        }
        try db.run("UPDATE group_membership SET left_on = ? WHERE id = ?", start.iso, current.id)
        outcome = .roleChanged(from: current.role, since: start)
      }
      let since = try openGroupMembership(unitID: unit.id, group: group, role: role, on: start)
      if case .joined = outcome { outcome = .joined(since: since) }
      try recordHistory(
        action: "group join", entity: "group_membership", entityID: Int(db.lastInsertRowID), unitID: unit.id,
        summary: "\(unit.name) joined \(group.name) as \(role.rawValue) on \(since)", before: before,
        after: try unitSnapshot(unit.id))
      return (unit, group, outcome)
    }
  }

  /// Opens a group membership, checking the alliance period and the group's dates.
  /// Returns the day it begins. Runs inside the caller's write transaction.
  func openGroupMembership(unitID: Int, group: UnitReference, role: GroupRole, on day: Day) throws -> Day {
    let dates = try groupDates(group.id)
    if let dissolved = dates.dissolved, dissolved <= day {
      throw RegistryError.refused("the working group \(group.name) was dissolved on \(dissolved).")
    }
    if let established = dates.established, established > day {
      throw RegistryError.refused(
        "the working group \(group.name) was founded on \(established), after \(day); join it on or after that day.")
    }
    let detail = try loadDetail(unitID)
    guard let period = detail.periods.first(where: { $0.isActive(on: day) }) else {
      throw RegistryError.refused(
        "\(detail.name) is not in the alliance on \(day), so it cannot join a working group then.")
    }
    if let left = period.leftOn {
      throw RegistryError.refused("\(detail.name) left the alliance on \(left); a past period cannot take a new group.")
    }
    if let later = detail.groups.first(where: { $0.groupID == group.id && $0.leftOn.map { $0 > day } ?? false }) {
      throw RegistryError.refused(
        "\(detail.name) was in \(group.name) until \(later.leftOn?.iso ?? "?"); a new membership must start after that."
      )
    }
    try db.run(
      "INSERT INTO group_membership (unit_id, group_id, role, joined_on) VALUES (?, ?, ?, ?)",
      unitID, group.id, role.rawValue, day.iso)
    return day
  }

  /// Ends a unit's membership of a working group on `day` (SPEC §6 `group leave`).
  public func leaveGroup(unit unitQuery: String, group groupQuery: String, on day: Day) throws -> (
    unit: UnitReference, group: UnitReference, since: Day
  ) {
    try write {
      let unit = try lookup(unitQuery, in: .unit)
      let group = try lookup(groupQuery, in: .group)
      let open = try groupMemberships(
        where: "gm.unit_id = ? AND gm.group_id = ? AND gm.left_on IS NULL", [unit.id, group.id])
      guard let current = open.first else {
        throw RegistryError.refused("\(unit.name) is not in the working group \(group.name); nothing to end.")
      }
      var errors: [FieldError] = []
      Validation.notInFuture(day, today: today, what: "leaving date", field: .leftOn, errors: &errors)
      if day < current.joinedOn {
        errors.append(
          FieldError(
            .leftOn, "the leaving date \(day) is before \(unit.name) joined \(group.name) (\(current.joinedOn))"))
      }
      if !errors.isEmpty { throw FieldErrors(errors) }
      let before = try unitSnapshot(unit.id)
      try db.run("UPDATE group_membership SET left_on = ? WHERE id = ?", day.iso, current.id)
      try recordHistory(
        action: "group leave", entity: "group_membership", entityID: current.id, unitID: unit.id,
        summary: "\(unit.name) left \(group.name) on \(day)", before: before, after: try unitSnapshot(unit.id))
      return (unit, group, current.joinedOn)
    }
  }

  func groupMemberships(
    where condition: String, _ arguments: [(any SQLiteBindable)?], order: String = "gm.joined_on, g.id"
  ) throws -> [GroupMembership] {
    let statement = try db.prepare(
      """
      SELECT gm.id, gm.unit_id, u.name, gm.group_id, g.name, gm.role, gm.joined_on, gm.left_on
      FROM group_membership AS gm
      JOIN unit AS u ON u.id = gm.unit_id
      JOIN working_group AS g ON g.id = gm.group_id
      WHERE \(condition) ORDER BY \(order)
      """)
    try statement.bind(arguments)
    var result: [GroupMembership] = []
    while try statement.step() {
      result.append(
        GroupMembership(
          id: try statement.required(0), unitID: try statement.required(1), unitName: try statement.required(2),
          groupID: try statement.required(3), groupName: try statement.required(4),
          role: GroupRole(rawValue: try statement.required(5)) ?? .member, joinedOn: try day(statement, 6),
          leftOn: try optionalDay(statement, 7)))
    }
    return result
  }
}
