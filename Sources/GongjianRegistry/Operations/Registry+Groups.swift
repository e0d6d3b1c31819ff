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

extension GroupJoinOutcome {
  /// The role the unit had in the group before, when this changed it.
  public var previousRole: GroupRole? {
    if case .roleChanged(let previous, _) = self { return previous }
    return nil
  }
}

/// A unit's joining of a working group.
public struct GroupJoinResult: Equatable, Sendable {
  public var unit: UnitReference
  public var group: GroupReference
  public var role: GroupRole
  public var outcome: GroupJoinOutcome
}

/// A unit's leaving of a working group.
public struct GroupLeaveResult: Equatable, Sendable {
  public var unit: UnitReference
  public var group: GroupReference
  public var since: Day
  public var until: Day
}

/// One working group and every membership it has had.
public struct GroupDetail: Equatable, Sendable {
  public var group: WorkingGroup
  /// The group's members today (lead units first), or with `includePast` every membership,
  /// current ones first.
  public var memberships: [GroupMember]
}

/// A membership on a group's roster, with the unit's kind and contact, so the roster can be
/// handed out or printed as it is.
public struct GroupMember: Equatable, Sendable {
  public var membership: GroupMembership
  public var kind: String?
  public var contactName: String?
  public var contactPhone: String?

  public var unit: UnitReference { membership.unit }
  public var group: GroupReference { membership.group }
  public var role: GroupRole { membership.role }
  public var joinedOn: Day { membership.joinedOn }
  public var leftOn: Day? { membership.leftOn }
}

extension Registry {
  /// Adds a working group (专项组).
  public func addGroup(_ input: NewGroup) throws -> GroupReference {
    try write { try insertGroup(input, recordHistory: true) }
  }

  func insertGroup(_ input: NewGroup, recordHistory: Bool) throws -> GroupReference {
    var problems = Problems()
    let name = problems.take(TextInput.name(input.name), .groupName)
    let description = problems.take(Validation.clean(.groupDescription, input.description), .groupDescription) ?? nil
    if let established = input.establishedOn {
      Validation.notInFuture(established, today: today, role: .founding, field: .establishedOn, problems: &problems)
    }
    guard let name, problems.isEmpty else { throw Refusal.invalidValues(problems.list) }
    let key = NameKey.make(name)
    let existing = try db.prepare(sql: "SELECT id, name FROM working_group WHERE name_key = \(key)")
    if try existing.step() {
      throw Refusal.groupExists(GroupReference(id: GroupID(try existing.required(0)), name: try existing.required(1)))
    }
    try db.run(
      sql: """
        INSERT INTO working_group (name, name_key, description, established_on)
        VALUES (\(name), \(key), \(description), \(input.establishedOn?.iso))
        """)
    let id = Int(db.lastInsertRowID)
    if recordHistory {
      try record(
        .groupAdd, entity: "group", entityID: id, unit: nil,
        facts: ["name": .string(name), "established_on": .optional(input.establishedOn?.iso)],
        before: nil,
        after: .object([
          "name": .string(name), "description": .optional(description),
          "established_on": .optional(input.establishedOn?.iso),
        ]))
    }
    return GroupReference(id: GroupID(id), name: name)
  }

  /// Every working group, with its leads and member count on `day` (default today).
  public func groups(on day: Day? = nil) throws -> [WorkingGroup] {
    try read { try loadGroups(on: day ?? today, only: nil) }
  }

  func loadGroups(on day: Day, only: GroupID?) throws -> [WorkingGroup] {
    let statement = try db.prepare(
      sql: """
        SELECT g.id, g.name, g.description, g.established_on, g.dissolved_on,
          (SELECT group_concat(name, char(31)) FROM (
             SELECT u.name FROM group_membership AS gm JOIN unit AS u ON u.id = gm.unit_id
             WHERE gm.group_id = g.id AND gm.role = 'lead' AND \(ActivePeriods.on(day, alias: "gm"))
             ORDER BY gm.joined_on, u.id)),
          (SELECT count(*) FROM group_membership AS gm WHERE gm.group_id = g.id AND \(ActivePeriods.on(day, alias: "gm")))
        FROM working_group AS g WHERE \(only?.rawValue) IS NULL OR g.id = \(only?.rawValue) ORDER BY g.id
        """)
    var result: [WorkingGroup] = []
    while try statement.step() {
      result.append(
        WorkingGroup(
          id: GroupID(try statement.required(0)), name: try statement.required(1), description: try statement.column(2),
          establishedOn: try optionalDay(statement, 3), dissolvedOn: try optionalDay(statement, 4),
          leads: try statement.column(5, as: String.self)?.split(separator: "\u{1F}").map(String.init) ?? [],
          memberCount: try statement.required(6)))
    }
    return result
  }

  /// One group and every membership it has had, current ones first.
  public func groupDetail(_ id: GroupID, includePast: Bool = false) throws -> GroupDetail {
    try read {
      guard let group = try loadGroups(on: today, only: id).first else {
        throw Refusal.noSuchID(.group, id: id.rawValue)
      }
      let current: SQL =
        includePast ? "1" : "gm.joined_on <= \(today.iso) AND (gm.left_on IS NULL OR gm.left_on > \(today.iso))"
      let memberships = try groupMemberships(
        where: "gm.group_id = \(id.rawValue) AND \(current)",
        order: "(gm.left_on IS NOT NULL), gm.role, gm.joined_on, u.id")
      let contacts = try db.prepare(
        sql: """
          SELECT u.id, u.kind, u.contact_name, u.contact_phone FROM unit AS u
          WHERE u.id IN (SELECT unit_id FROM group_membership WHERE group_id = \(id.rawValue))
          """)
      var details: [UnitID: (String?, String?, String?)] = [:]
      while try contacts.step() {
        details[UnitID(try contacts.required(0))] = (
          try contacts.column(1, as: String.self), try contacts.column(2, as: String.self),
          try contacts.column(3, as: String.self)
        )
      }
      return GroupDetail(
        group: group,
        memberships: memberships.map {
          let unit = details[$0.unit.id]
          return GroupMember(membership: $0, kind: unit?.0, contactName: unit?.1, contactPhone: unit?.2)
        })
    }
  }

  /// Puts a unit into a working group from `day`. The unit must be in the alliance on that
  /// day. Joining with the other role changes the role from that day.
  public func joinGroup(unit unitID: UnitID, group groupID: GroupID, on day: Day?, role: GroupRole) throws
    -> GroupJoinResult
  {
    try write {
      let detail = try loadDetail(unitID)
      let unit = detail.reference
      let group = try groupReference(groupID)
      let start = day ?? today
      var problems = Problems()
      Validation.notInFuture(start, today: today, role: .groupJoining, field: .joinedOn, problems: &problems)
      try problems.check()
      var outcome = GroupJoinOutcome.joined(since: start)
      if let current = detail.groups.first(where: { $0.group.id == groupID && $0.leftOn == nil }) {
        guard current.role != role else {
          throw Refusal.alreadyInGroup(unit, group, role: role, since: current.joinedOn)
        }
        guard start >= current.joinedOn else {
          throw Refusal.roleChangeBeforeMembership(unit, group, since: current.joinedOn)
        }
        try db.run(sql: "UPDATE group_membership SET left_on = \(start.iso) WHERE id = \(current.id)")
        outcome = .roleChanged(from: current.role, since: start)
      }
      let since = try openGroupMembership(unit: unitID, group: group, role: role, on: start)
      if case .joined = outcome { outcome = .joined(since: since) }
      try record(
        .groupJoin, entity: "group_membership", entityID: Int(db.lastInsertRowID), unit: unitID,
        facts: [
          "group": .string(group.name), "role": .string(role.rawValue), "on": .string(since.iso),
          "previous_role": .optional(outcome.previousRole?.rawValue),
        ],
        before: try snapshot(detail), after: try unitSnapshot(unitID))
      return GroupJoinResult(unit: unit, group: group, role: role, outcome: outcome)
    }
  }

  /// Opens a group membership, checking the alliance period and the group's dates.
  /// Returns the day it begins. Runs inside the caller's write transaction.
  func openGroupMembership(unit unitID: UnitID, group: GroupReference, role: GroupRole, on day: Day) throws -> Day {
    let dates = try groupDates(group.id)
    if let dissolved = dates.dissolved, dissolved <= day { throw Refusal.groupDissolved(group, on: dissolved) }
    if let established = dates.established, established > day {
      throw Refusal.groupNotYetFounded(group, foundedOn: established, day: day)
    }
    let detail = try loadDetail(unitID)
    guard let period = detail.periods.first(where: { $0.isActive(on: day) }) else {
      throw Refusal.groupJoinOutsideAlliance(detail.reference, day: day)
    }
    if let left = period.leftOn { throw Refusal.periodEnded(detail.reference, leftOn: left) }
    if let later = detail.groups.first(where: { $0.group.id == group.id && $0.leftOn.map { $0 > day } ?? false }),
      let until = later.leftOn
    {
      throw Refusal.groupMembershipOverlaps(detail.reference, group, until: until)
    }
    try db.run(
      sql: """
        INSERT INTO group_membership (unit_id, group_id, role, joined_on)
        VALUES (\(unitID.rawValue), \(group.id.rawValue), \(role.rawValue), \(day.iso))
        """)
    return day
  }

  /// Ends a unit's membership of a working group on `day`.
  public func leaveGroup(unit unitID: UnitID, group groupID: GroupID, on day: Day) throws -> GroupLeaveResult {
    try write {
      let detail = try loadDetail(unitID)
      let unit = detail.reference
      let group = try groupReference(groupID)
      guard let current = detail.groups.first(where: { $0.group.id == groupID && $0.leftOn == nil }) else {
        throw Refusal.notInGroup(unit, group)
      }
      var problems = Problems()
      Validation.notInFuture(day, today: today, role: .groupLeaving, field: .leftOn, problems: &problems)
      if day < current.joinedOn {
        problems.add(.leftOn, .leavingGroupBeforeJoining(day: day, group: group, joined: current.joinedOn))
      }
      try problems.check()
      try db.run(sql: "UPDATE group_membership SET left_on = \(day.iso) WHERE id = \(current.id)")
      try record(
        .groupLeave, entity: "group_membership", entityID: current.id, unit: unitID,
        facts: ["group": .string(group.name), "on": .string(day.iso)],
        before: try snapshot(detail), after: try unitSnapshot(unitID))
      return GroupLeaveResult(unit: unit, group: group, since: current.joinedOn, until: day)
    }
  }

  func groupMemberships(where condition: SQL, order: String = "gm.joined_on, g.id") throws -> [GroupMembership] {
    let statement = try db.prepare(
      sql: """
        SELECT gm.id, gm.unit_id, u.name, gm.group_id, g.name, gm.role, gm.joined_on, gm.left_on
        FROM group_membership AS gm
        JOIN unit AS u ON u.id = gm.unit_id
        JOIN working_group AS g ON g.id = gm.group_id
        WHERE \(condition) ORDER BY \(identifier: order)
        """)
    var result: [GroupMembership] = []
    while try statement.step() {
      result.append(
        GroupMembership(
          id: try statement.required(0),
          unit: UnitReference(id: UnitID(try statement.required(1)), name: try statement.required(2)),
          group: GroupReference(id: GroupID(try statement.required(3)), name: try statement.required(4)),
          role: GroupRole(rawValue: try statement.required(5)) ?? .member, joinedOn: try day(statement, 6),
          leftOn: try optionalDay(statement, 7)))
    }
    return result
  }
}
