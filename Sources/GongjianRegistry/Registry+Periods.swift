import SQLite

/// What `withdraw` closed.
public struct Withdrawal: Equatable, Sendable {
  public var unit: UnitReference
  public var joinedOn: Day
  public var leftOn: Day
  /// Working groups whose open memberships were closed on the same day.
  public var closedGroups: [String]
}

extension Registry {
  /// Withdraws a unit from the alliance (SPEC §6 `withdraw`): closes its open period and
  /// every open working-group membership on `day`.
  public func withdraw(_ query: String, on day: Day, reason: String?) throws -> Withdrawal {
    try write {
      let unit = try lookup(query, in: .unit)
      var errors: [FieldError] = []
      let cleanReason =
        Validation.collect(TextInput.optionalNote(reason, field: "reason"), .leftReason, into: &errors) ?? nil
      let detail = try loadDetail(unit.id)
      guard let open = detail.openPeriod else {
        let last = detail.periods.last
        throw RegistryError.refused(
          "\(unit.name) is not in the alliance\(last?.leftOn.map { ": it left on \($0)" } ?? ""); nothing to withdraw.")
      }
      Validation.leaving(day, joined: open.joinedOn, today: today, errors: &errors)
      if !errors.isEmpty { throw FieldErrors(errors) }
      let openGroups = detail.groups.filter { $0.leftOn == nil }
      if let late = openGroups.first(where: { $0.joinedOn > day }) {
        throw RegistryError.refused(
          "\(unit.name) joined the working group \(late.groupName) on \(late.joinedOn), after \(day).\n"
            + "Withdraw on or after \(late.joinedOn), or correct the group membership first.")
      }
      let before = try unitSnapshot(unit.id)
      try db.run("UPDATE membership SET left_on = ?, left_reason = ? WHERE id = ?", day.iso, cleanReason, open.id)
      try db.run("UPDATE group_membership SET left_on = ? WHERE unit_id = ? AND left_on IS NULL", day.iso, unit.id)
      try recordHistory(
        action: "withdraw", entity: "unit", entityID: unit.id, unitID: unit.id,
        summary: "\(unit.name) left the alliance on \(day)\(cleanReason.map { " (\($0))" } ?? "")",
        before: before, after: try unitSnapshot(unit.id))
      return Withdrawal(unit: unit, joinedOn: open.joinedOn, leftOn: day, closedGroups: openGroups.map(\.groupName))
    }
  }

  /// A unit that left signs again (SPEC §6 `rejoin`): a new period and a new agreement from
  /// `day`, and optionally working groups.
  public func rejoin(_ query: String, on day: Day, agreement: AgreementTerms, groups: [String], lead: Bool) throws
    -> Registration
  {
    try write {
      let unit = try lookup(query, in: .unit)
      let detail = try loadDetail(unit.id)
      if let open = detail.openPeriod {
        throw RegistryError.refused(
          "\(unit.name) is already in the alliance (since \(open.joinedOn)).\n"
            + "To record a renewed agreement use: gongjian agreement add \(unit.id) --signed DATE")
      }
      var errors: [FieldError] = []
      Validation.notInFuture(day, today: today, what: "rejoining date", field: .joinedOn, errors: &errors)
      if let lastLeft = detail.periods.compactMap(\.leftOn).max(), day < lastLeft {
        errors.append(
          FieldError(.joinedOn, "the rejoining date \(day) is before the unit last left (\(lastLeft))"))
      }
      let terms = Validation.terms(agreement, signedOn: day, errors: &errors)
      if !errors.isEmpty { throw FieldErrors(errors) }
      let before = try unitSnapshot(unit.id)
      try db.run("INSERT INTO membership (unit_id, joined_on) VALUES (?, ?)", unit.id, day.iso)
      try insertAgreement(unitID: unit.id, terms: terms, signedOn: day)
      let role: GroupRole = lead ? .lead : .member
      var joined: [(name: String, since: Day)] = []
      for query in groups {
        let group = try lookup(query, in: .group)
        let since = try openGroupMembership(unitID: unit.id, group: group, role: role, on: day)
        joined.append((group.name, since))
      }
      try recordHistory(
        action: "rejoin", entity: "unit", entityID: unit.id, unitID: unit.id,
        summary: "\(unit.name) rejoined the alliance on \(day)", before: before, after: try unitSnapshot(unit.id))
      return Registration(unit: unit, kind: detail.kind, joinedOn: day, leftOn: nil, groups: joined, role: role)
    }
  }
}
