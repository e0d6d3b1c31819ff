import SQLite

/// A correction of a period's dates: which period, and its dates before and after.
public struct PeriodCorrection: Equatable, Sendable {
  public var unit: UnitReference
  /// The period's number, 1 for the first, as `show` lists them.
  public var period: Int
  public var before: MembershipPeriod
  public var after: MembershipPeriod
}

extension Registry {
  /// Corrects the dates of one alliance period (the latest unless `period` is given): a typo
  /// put right, not a withdrawal or a rejoining, so the growth report tells what happened.
  /// Working-group memberships and the agreement that began or ended with the period move
  /// with it; anything that would no longer fit inside the period is refused.
  public func correctPeriod(_ id: UnitID, period number: Int?, joinedOn: Day?, leftOn: Day?) throws
    -> PeriodCorrection
  {
    try write {
      let detail = try loadDetail(id)
      let unit = detail.reference
      let periods = detail.periods
      // Compared before any arithmetic: a period number can be any integer a person types.
      if let number, number < 1 || number > periods.count {
        throw Refusal.noSuchPeriod(unit, number: number, count: periods.count)
      }
      guard let index = number.map({ $0 - 1 }) ?? periods.indices.last else {
        throw Refusal.noSuchPeriod(unit, number: 1, count: 0)
      }
      let old = periods[index]
      var new = old
      var problems = Problems()
      if let joinedOn {
        Validation.notInFuture(joinedOn, today: today, role: .joining, field: .joinedOn, problems: &problems)
        new.joinedOn = joinedOn
      }
      if let leftOn {
        guard old.leftOn != nil else { throw Refusal.leavingAnOpenPeriod(unit, since: old.joinedOn) }
        new.leftOn = leftOn
        Validation.leaving(leftOn, joined: new.joinedOn, today: today, problems: &problems)
      } else if let left = old.leftOn, new.joinedOn > left, problems.isEmpty {
        // Only the joining date was given: it is the one that lies after the leaving date.
        problems.add(.joinedOn, .leavingBeforeJoining(left: left, joined: new.joinedOn))
      }
      try problems.check()
      for (otherIndex, other) in periods.enumerated() where otherIndex != index {
        let overlaps =
          other.joinedOn < (new.leftOn ?? Day.distantFuture) && new.joinedOn < (other.leftOn ?? Day.distantFuture)
        if overlaps {
          throw Refusal.periodsWouldOverlap(
            unit, period: otherIndex + 1, joinedOn: other.joinedOn, leftOn: other.leftOn)
        }
      }
      guard new != old else { return PeriodCorrection(unit: unit, period: index + 1, before: old, after: new) }
      var corrected = periods.map { (joined: $0.joinedOn, left: $0.leftOn) }
      corrected[index] = (new.joinedOn, new.leftOn)
      try refuseStrandingMeetingRecords(unit, periods: corrected)

      // Memberships and agreements that began on the period's first day, or ended on its last,
      // move with it; anything else of the period must still lie inside it.
      let inPeriod = detail.groups.filter { old.contains($0.joinedOn) || $0.joinedOn == old.joinedOn }
      for membership in inPeriod {
        var start = membership.joinedOn
        var end = membership.leftOn
        if start == old.joinedOn {
          let founded = try groupDates(membership.group.id).established
          start = max(new.joinedOn, founded ?? new.joinedOn)
        }
        if let oldLeft = old.leftOn, end == oldLeft { end = new.leftOn }
        let outside =
          start < new.joinedOn || (end.map { $0 < start } ?? false)
          || (new.leftOn.map { start > $0 || (end ?? Day.distantFuture) > $0 } ?? false)
        if outside {
          throw Refusal.correctionStrandsGroupMembership(
            unit, group: membership.group, joinedOn: membership.joinedOn, leftOn: membership.leftOn)
        }
        if start != membership.joinedOn || end != membership.leftOn {
          try db.run(
            sql:
              "UPDATE group_membership SET joined_on = \(start.iso), left_on = \(end?.iso) WHERE id = \(membership.id)"
          )
        }
      }
      let signedInPeriod = detail.agreements.filter { old.contains($0.signedOn) || $0.signedOn == old.joinedOn }
      for agreement in signedInPeriod {
        guard agreement.signedOn == old.joinedOn else {
          // A renewal signed during the period: the unit must still be in the alliance that day.
          if !new.contains(agreement.signedOn) {
            throw Refusal.correctionStrandsAgreement(unit, title: agreement.title, signedOn: agreement.signedOn)
          }
          continue
        }
        guard new.joinedOn != old.joinedOn else { continue }
        if let expires = agreement.expiresOn, expires < new.joinedOn {
          throw Refusal.invalid(.joinedOn, .expiresBeforeSigned(expires: expires, signed: new.joinedOn))
        }
        try db.run(sql: "UPDATE agreement SET signed_on = \(new.joinedOn.iso) WHERE id = \(agreement.id)")
      }
      try db.run(
        sql: "UPDATE membership SET joined_on = \(new.joinedOn.iso), left_on = \(new.leftOn?.iso) WHERE id = \(old.id)")
      var facts: JSONValue.KeyValuePairs = ["period": .int(index + 1)]
      if new.joinedOn != old.joinedOn {
        facts.pairs.append(
          ("joined_on", .object(["old": .string(old.joinedOn.iso), "new": .string(new.joinedOn.iso)])))
      }
      if new.leftOn != old.leftOn {
        facts.pairs.append(
          ("left_on", .object(["old": .optional(old.leftOn?.iso), "new": .optional(new.leftOn?.iso)])))
      }
      try record(
        .correctPeriod, unit: id, facts: facts, before: try snapshot(detail), after: try unitSnapshot(id))
      return PeriodCorrection(unit: unit, period: index + 1, before: old, after: new)
    }
  }

  /// Deletes a unit registered by mistake, with its periods, agreements, memberships and
  /// former names. The history keeps its entries, and the removal's entry holds the whole
  /// unit as it was, so `undo` can bring it back.
  public func removeUnit(_ id: UnitID) throws -> UnitDetail {
    try write {
      let detail = try loadDetail(id)
      let before = try snapshot(detail)
      try refuseRemovingUnitWithMeetingRecords(detail.reference)
      let entries = try listEntries(of: id)
      if entries > 0 { throw Refusal.lists(.unitHasListEntries(detail.reference, count: entries)) }
      for table in ["group_membership", "agreement", "membership", "unit_former_name"] {
        try db.run(sql: "DELETE FROM \(identifier: table) WHERE unit_id = \(id.rawValue)")
      }
      try record(.remove, unit: id, facts: ["name": .string(detail.name)], before: before, after: nil)
      try db.run(sql: "DELETE FROM unit WHERE id = \(id.rawValue)")
      return detail
    }
  }

  /// The registry's own details: whose registry it is.
  public func registrySettings() throws -> RegistrySettings {
    try read { try settingsInTransaction() }
  }

  /// Sets the subdistrict and district the registry belongs to (nil leaves one as it is).
  public func updateSettings(subdistrict: String?, district: String?) throws -> RegistrySettings {
    try write {
      let before = try settingsInTransaction()
      var problems = Problems()
      let newSubdistrict = subdistrict.map { (problems.take(TextInput.optionalLine($0), .subdistrict) ?? nil) ?? "" }
      let newDistrict = district.map { (problems.take(TextInput.optionalLine($0), .district) ?? nil) ?? "" }
      try problems.check()
      let after = RegistrySettings(
        subdistrict: newSubdistrict ?? before.subdistrict, district: newDistrict ?? before.district,
        createdAt: before.createdAt)
      guard after != before else { return after }
      try db.run(
        sql: "UPDATE registry SET subdistrict = \(after.subdistrict), district = \(after.district) WHERE id = 1")
      try record(
        .registrySet, entity: "registry", entityID: 1, unit: nil,
        facts: [
          "subdistrict": .object(["old": .string(before.subdistrict), "new": .string(after.subdistrict)]),
          "district": .object(["old": .string(before.district), "new": .string(after.district)]),
        ],
        before: before.json, after: after.json)
      return after
    }
  }
}

extension RegistrySettings {
  var json: JSONValue { .object(["subdistrict": .string(subdistrict), "district": .string(district)]) }
}

extension MembershipPeriod {
  /// Whether a day falls in this period (joined on or before it, not yet left).
  func contains(_ day: Day) -> Bool { isActive(on: day) }
}

extension Day {
  /// Later than any day a period can hold: the end of an open period, for comparisons.
  static let distantFuture = Day(year: Day.latestYear, month: 12, day: 31)!
}
