import SQLite

/// What `withdraw` closed.
public struct Withdrawal: Equatable, Sendable {
  public var unit: UnitReference
  public var joinedOn: Day
  public var leftOn: Day
  /// Working groups whose open memberships were closed on the same day.
  public var closedGroups: [GroupReference]
  /// The unit's resources that were still offered, closed on the same day.
  public var closedResources: [ItemReference] = []
}

extension Registry {
  /// Withdraws a unit from the alliance: closes its open period and every open working-group
  /// membership on `day`.
  public func withdraw(_ id: UnitID, on day: Day, reason: String?) throws -> Withdrawal {
    try write { try applyWithdrawal(id, on: day, reason: reason) }
  }

  /// `withdraw` inside the caller's write transaction (import's `--update` runs it per row).
  func applyWithdrawal(_ id: UnitID, on day: Day, reason: String?) throws -> Withdrawal {
    do {
      let detail = try loadDetail(id)
      let unit = detail.reference
      var problems = Problems()
      let cleanReason = problems.take(Validation.clean(.leftReason, reason), .leftReason) ?? nil
      guard let open = detail.openPeriod else {
        throw Refusal.notInAlliance(unit, leftOn: detail.periods.last?.leftOn)
      }
      Validation.leaving(day, joined: open.joinedOn, today: today, problems: &problems)
      try problems.check()
      try refuseStrandingMeetingRecords(
        unit, periods: detail.periods.map { (joined: $0.joinedOn, left: $0.id == open.id ? day : $0.leftOn) })
      let openGroups = detail.groups.filter { $0.leftOn == nil }
      if let late = openGroups.first(where: { $0.joinedOn > day }) {
        throw Refusal.withdrawalBeforeGroupJoin(unit, group: late.group, groupJoinedOn: late.joinedOn, withdrawal: day)
      }
      try db.run(sql: "UPDATE membership SET left_on = \(day.iso), left_reason = \(cleanReason) WHERE id = \(open.id)")
      try db.run(
        sql: "UPDATE group_membership SET left_on = \(day.iso) WHERE unit_id = \(id.rawValue) AND left_on IS NULL")
      // The unit's open resources close with it, on the same day.
      let closedResources = try closeResources(of: id, on: day)
      var facts: JSONValue.KeyValuePairs = [
        "on": .string(day.iso), "reason": .optional(cleanReason),
        "groups": .array(openGroups.map { .string($0.group.name) }),
      ]
      if !closedResources.isEmpty {
        facts.pairs.append(
          (
            "resources",
            .array(closedResources.map { .object(["id": .int($0.id), "title": .string($0.title)]) })
          ))
      }
      try record(.withdraw, unit: id, facts: facts, before: try snapshot(detail), after: try unitSnapshot(id))
      return Withdrawal(
        unit: unit, joinedOn: open.joinedOn, leftOn: day, closedGroups: openGroups.map(\.group),
        closedResources: closedResources)
    }
  }

  /// A unit that left signs again: a new period and a new agreement from `day`, and
  /// optionally working groups.
  public func rejoin(_ id: UnitID, on day: Day, agreement: AgreementTerms, groups: [GroupID], lead: Bool) throws
    -> Registration
  {
    try write {
      let detail = try loadDetail(id)
      let unit = detail.reference
      if let open = detail.openPeriod { throw Refusal.alreadyInAlliance(unit, since: open.joinedOn) }
      var problems = Problems()
      Validation.notInFuture(day, today: today, role: .rejoining, field: .joinedOn, problems: &problems)
      if let lastLeft = detail.periods.compactMap(\.leftOn).max(), day < lastLeft {
        problems.add(.joinedOn, .rejoiningBeforeLastLeaving(day: day, lastLeft: lastLeft))
      }
      let terms = Validation.terms(agreement, signedOn: day, problems: &problems)
      try problems.check()
      try db.run(sql: "INSERT INTO membership (unit_id, joined_on) VALUES (\(id.rawValue), \(day.iso))")
      try insertAgreement(unitID: id, terms: terms, signedOn: day)
      let role: GroupRole = lead ? .lead : .member
      var joined: [GroupJoining] = []
      for groupID in groups {
        let group = try groupReference(groupID)
        let since = try openGroupMembership(unit: id, group: group, role: role, on: day)
        joined.append(GroupJoining(group: group, since: since))
      }
      try record(
        .rejoin, unit: id,
        facts: ["on": .string(day.iso), "groups": .array(joined.map { .string($0.group.name) }), "lead": .bool(lead)],
        before: try snapshot(detail), after: try unitSnapshot(id))
      return Registration(unit: unit, kind: detail.kind, joinedOn: day, leftOn: nil, groups: joined, role: role)
    }
  }
}
