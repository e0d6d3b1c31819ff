import SQLite

/// An agreement due for renewal.
public struct ExpiringAgreement: Equatable, Sendable {
  public var agreement: Agreement
  /// Days until it expires; negative when it already has; nil when no expiry date was
  /// recorded (listed too: the centre cannot know when to renew it).
  public var daysLeft: Int?
}

extension Registry {
  /// The most days ahead an expiry listing looks: a hundred years.
  public static let longestExpiryHorizon = 36_500

  /// Records a signed agreement, such as a renewal. The unit must be in the alliance on the
  /// signing day.
  public func addAgreement(unit id: UnitID, signedOn: Day, terms: AgreementTerms) throws -> Agreement {
    try write {
      let detail = try loadDetail(id)
      var problems = Problems()
      Validation.notInFuture(signedOn, today: today, role: .signing, field: .signedOn, problems: &problems)
      let clean = Validation.terms(terms, signedOn: signedOn, problems: &problems)
      try problems.check()
      guard detail.periods.contains(where: { $0.isActive(on: signedOn) }) else {
        throw Refusal.signingOutsideAlliance(detail.reference, signedOn: signedOn)
      }
      try insertAgreement(unitID: id, terms: clean, signedOn: signedOn)
      let agreementID = Int(db.lastInsertRowID)
      try record(
        .agreementAdd, entity: "agreement", entityID: agreementID, unit: id,
        facts: [
          "title": .string(clean.title), "signed_on": .string(signedOn.iso),
          "expires_on": .optional(clean.expiresOn?.iso),
        ],
        before: try snapshot(detail), after: try unitSnapshot(id))
      guard let added = try agreements(where: "a.id = \(agreementID)").first else {
        throw Refusal.noSuchID(.unit, id: id.rawValue)
      }
      return added
    }
  }

  /// Every agreement, by signing date; one unit's when `unit` is given.
  public func agreementList(unit: UnitID? = nil) throws -> [Agreement] {
    try read {
      if let unit { _ = try unitReference(unit) }
      return try agreements(where: "\(unit?.rawValue) IS NULL OR a.unit_id = \(unit?.rawValue)")
    }
  }

  /// The latest agreement of each unit in the alliance today that expires within `days` days,
  /// or has already expired without a renewal: what to renew before the joint meeting.
  public func expiringAgreements(within days: Int) throws -> [ExpiringAgreement] {
    guard (0...Registry.longestExpiryHorizon).contains(days), today.adding(days: days) != nil else {
      throw Refusal.dayCountOutOfRange(days, limit: Registry.longestExpiryHorizon)
    }
    return try read { try expiringAgreements(within: days, on: today) }
  }

  /// The same on `day`: the units in the alliance that day, their latest agreement signed by
  /// then. Inside the caller's transaction.
  func expiringAgreements(within days: Int, on day: Day) throws -> [ExpiringAgreement] {
    guard let horizon = day.adding(days: days) else {
      throw Refusal.dayCountOutOfRange(days, limit: Registry.longestExpiryHorizon)
    }
    let list = try agreements(
      where: """
        (a.expires_on IS NULL OR a.expires_on <= \(horizon.iso))
        AND a.id = (SELECT b.id FROM agreement AS b WHERE b.unit_id = a.unit_id AND b.signed_on <= \(day.iso)
                    ORDER BY b.signed_on DESC, b.id DESC LIMIT 1)
        AND EXISTS (SELECT 1 FROM membership AS m WHERE m.unit_id = a.unit_id AND \(ActivePeriods.on(day, alias: "m")))
        """, order: "(a.expires_on IS NULL), a.expires_on, a.unit_id")
    return list.map { agreement in
      ExpiringAgreement(
        agreement: agreement, daysLeft: agreement.expiresOn.map { $0.daysSinceEpoch - day.daysSinceEpoch })
    }
  }

  func agreements(where condition: SQL, order: String = "a.signed_on, a.id") throws -> [Agreement] {
    let statement = try db.prepare(
      sql: """
        SELECT a.id, a.unit_id, u.name, a.title, a.signed_on, a.expires_on, a.signatory, a.signatory_title, a.note
        FROM agreement AS a JOIN unit AS u ON u.id = a.unit_id
        WHERE \(condition) ORDER BY \(identifier: order)
        """)
    var result: [Agreement] = []
    while try statement.step() {
      result.append(
        Agreement(
          id: try statement.required(0),
          unit: UnitReference(id: UnitID(try statement.required(1)), name: try statement.required(2)),
          title: try statement.required(3), signedOn: try day(statement, 4), expiresOn: try optionalDay(statement, 5),
          signatory: try statement.column(6), signatoryTitle: try statement.column(7), note: try statement.column(8)))
    }
    return result
  }
}
