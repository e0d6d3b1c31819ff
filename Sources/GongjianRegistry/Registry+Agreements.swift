import SQLite

/// An agreement due for renewal (`agreement list --expiring-within`).
public struct ExpiringAgreement: Equatable, Sendable {
  public var agreement: Agreement
  /// Days until it expires; negative when it already has.
  public var daysLeft: Int
}

extension Registry {
  /// Records a signed agreement, such as a renewal (SPEC §6 `agreement add`). The unit must be
  /// in the alliance on the signing day.
  public func addAgreement(unit query: String, signedOn: Day, terms: AgreementTerms) throws -> Agreement {
    try write {
      let unit = try lookup(query, in: .unit)
      var errors: [FieldError] = []
      Validation.notInFuture(signedOn, today: today, what: "signing date", field: .joinedOn, errors: &errors)
      let clean = Validation.terms(terms, signedOn: signedOn, errors: &errors)
      if !errors.isEmpty { throw FieldErrors(errors) }
      let detail = try loadDetail(unit.id)
      guard detail.periods.contains(where: { $0.isActive(on: signedOn) }) else {
        throw RegistryError.refused(
          "\(unit.name) is not in the alliance on \(signedOn).\n"
            + "If it has signed again after leaving, use: gongjian rejoin \(unit.id) --on \(signedOn)")
      }
      let before = try unitSnapshot(unit.id)
      try insertAgreement(unitID: unit.id, terms: clean, signedOn: signedOn)
      let id = Int(db.lastInsertRowID)
      try recordHistory(
        action: "agreement add", entity: "agreement", entityID: id, unitID: unit.id,
        summary: "\(unit.name) signed \(clean.title) on \(signedOn)", before: before, after: try unitSnapshot(unit.id))
      guard let added = try agreements(where: "a.id = ?", [id]).first else {
        throw RegistryError.io("the agreement just added could not be read back")
      }
      return added
    }
  }

  /// Every agreement, by signing date; one unit's when `unit` is given.
  public func agreementList(unit query: String? = nil) throws -> [Agreement] {
    try read {
      if let query {
        let unit = try lookup(query, in: .unit)
        return try agreements(where: "a.unit_id = ?", [unit.id])
      }
      return try agreements(where: "1", [])
    }
  }

  /// The latest agreement of each unit in the alliance today that expires within `days` days,
  /// or has already expired without a renewal: what to renew before the joint meeting.
  public func expiringAgreements(within days: Int) throws -> [ExpiringAgreement] {
    guard days >= 0, let horizon = today.adding(days: days) else {
      throw RegistryError.usage("--expiring-within takes a number of days from 0 to 36500, e.g. 90")
    }
    return try read {
      let list = try agreements(
        where: """
          a.expires_on IS NOT NULL AND a.expires_on <= ?
          AND a.id = (SELECT b.id FROM agreement AS b WHERE b.unit_id = a.unit_id ORDER BY b.signed_on DESC, b.id DESC LIMIT 1)
          AND EXISTS (SELECT 1 FROM membership AS m WHERE m.unit_id = a.unit_id AND m.left_on IS NULL)
          """, [horizon.iso], order: "a.expires_on, a.unit_id")
      return list.map {
        ExpiringAgreement(agreement: $0, daysLeft: ($0.expiresOn?.daysSinceEpoch ?? 0) - today.daysSinceEpoch)
      }
    }
  }

  func agreements(where condition: String, _ arguments: [(any SQLiteBindable)?], order: String = "a.signed_on, a.id")
    throws -> [Agreement]
  {
    let statement = try db.prepare(
      """
      SELECT a.id, a.unit_id, u.name, a.title, a.signed_on, a.expires_on, a.signatory, a.signatory_title, a.note
      FROM agreement AS a JOIN unit AS u ON u.id = a.unit_id
      WHERE \(condition) ORDER BY \(order)
      """)
    try statement.bind(arguments)
    var result: [Agreement] = []
    while try statement.step() {
      result.append(
        Agreement(
          id: try statement.required(0), unitID: try statement.required(1), unitName: try statement.required(2),
          title: try statement.required(3), signedOn: try day(statement, 4), expiresOn: try optionalDay(statement, 5),
          signatory: try statement.column(6), signatoryTitle: try statement.column(7), note: try statement.column(8)))
    }
    return result
  }
}
