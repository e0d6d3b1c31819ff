import SQLite

/// What `register` (or one imported row) created.
public struct Registration: Equatable, Sendable {
  public var unit: UnitReference
  public var kind: String
  public var joinedOn: Day
  public var leftOn: Day?
  /// Groups joined, with the day each membership began (a group founded after the joining
  /// day is joined on its founding day).
  public var groups: [(name: String, since: Day)]
  public var role: GroupRole

  public static func == (lhs: Registration, rhs: Registration) -> Bool {
    lhs.unit == rhs.unit && lhs.kind == rhs.kind && lhs.joinedOn == rhs.joinedOn && lhs.leftOn == rhs.leftOn
      && lhs.groups.map(\.name) == rhs.groups.map(\.name) && lhs.groups.map(\.since) == rhs.groups.map(\.since)
      && lhs.role == rhs.role
  }
}

extension Registry {
  /// Registers a newly signed unit (SPEC §6 `register`): the unit, its first alliance period,
  /// its first agreement (signed on the joining day) and its working groups, with one history
  /// entry, all in one transaction.
  public func register(_ input: NewUnit) throws -> Registration {
    try write { try insertUnit(input, recordHistory: true) }
  }

  /// The checks `register` and `import` share, before anything is written: the name, every
  /// field and every date. Throws the field errors found (all of them, not just the first).
  func validate(_ input: NewUnit) -> Result<(name: String, details: CleanDetails, terms: CleanTerms), FieldErrors> {
    var errors: [FieldError] = []
    let name = Validation.collect(TextInput.name(input.name), .name, into: &errors)
    let details = Validation.details(input.details, errors: &errors)
    let terms = Validation.terms(input.agreement, signedOn: input.joinedOn, errors: &errors)
    Validation.notInFuture(input.joinedOn, today: today, what: "joining date", field: .joinedOn, errors: &errors)
    if let left = input.leftOn {
      Validation.leaving(left, joined: input.joinedOn, today: today, errors: &errors)
    }
    if input.leftReason != nil {
      _ = Validation.collect(
        TextInput.optionalNote(input.leftReason, field: "leaving reason"), .leftReason, into: &errors)
    }
    guard let name, errors.isEmpty else { return .failure(FieldErrors(errors)) }
    return .success((name, details, terms))
  }

  /// Inserts a validated unit. Runs inside the caller's write transaction.
  func insertUnit(_ input: NewUnit, recordHistory: Bool) throws -> Registration {
    let clean: (name: String, details: CleanDetails, terms: CleanTerms)
    switch validate(input) {
    case .success(let value): clean = value
    case .failure(let errors): throw errors
    }
    let key = NameKey.make(clean.name)
    if let existing = try existingUnit(key: key) {
      throw RegistryError.refused(
        "\(DayParser.quoted(clean.name)) is already registered as unit \(existing.id) \(existing.name), "
          + "joined \(existing.joinedOn)\(existing.leftOn.map { ", left \($0)" } ?? "").\n"
          + (existing.leftOn == nil
            ? "To change its details use: gongjian edit \(existing.id) …"
            : "If it has signed again use: gongjian rejoin \(existing.id) --on DATE"))
    }
    var groups: [(id: Int, name: String, established: Day?)] = []
    for query in input.groups {
      let group = try lookup(query, in: .group)
      let detail = try groupDates(group.id)
      if let dissolved = detail.dissolved, dissolved <= input.joinedOn {
        throw RegistryError.refused("the working group \(group.name) was dissolved on \(dissolved)")
      }
      if !groups.contains(where: { $0.id == group.id }) {
        groups.append((group.id, group.name, detail.established))
      }
    }
    try db.run(
      """
      INSERT INTO unit (name, name_key, kind, party_org, address, contact_name, contact_phone, note, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, \(Registry.nowSQL))
      """,
      clean.name, key, clean.details.kind, clean.details.partyOrganisation, clean.details.address,
      clean.details.contactName, clean.details.contactPhone, clean.details.note)
    let unitID = Int(db.lastInsertRowID)
    try db.run(
      "INSERT INTO membership (unit_id, joined_on, left_on, left_reason) VALUES (?, ?, ?, ?)",
      unitID, input.joinedOn.iso, input.leftOn?.iso, input.leftOn == nil ? nil : input.leftReason)
    try insertAgreement(unitID: unitID, terms: clean.terms, signedOn: input.joinedOn)
    let role: GroupRole = input.lead ? .lead : .member
    var joined: [(name: String, since: Day)] = []
    for group in groups {
      let since = max(input.joinedOn, group.established ?? input.joinedOn)
      if let left = input.leftOn, since > left { continue }
      try db.run(
        "INSERT INTO group_membership (unit_id, group_id, role, joined_on, left_on) VALUES (?, ?, ?, ?, ?)",
        unitID, group.id, role.rawValue, since.iso, input.leftOn?.iso)
      joined.append((group.name, since))
    }
    let registration = Registration(
      unit: UnitReference(id: unitID, name: clean.name), kind: clean.details.kind, joinedOn: input.joinedOn,
      leftOn: input.leftOn, groups: joined, role: role)
    if recordHistory {
      try self.recordHistory(
        action: "register", entity: "unit", entityID: unitID, unitID: unitID,
        summary: "registered \(clean.name), joined \(input.joinedOn)",
        before: nil, after: try unitSnapshot(unitID))
    }
    return registration
  }

  func insertAgreement(unitID: Int, terms: CleanTerms, signedOn: Day) throws {
    try db.run(
      """
      INSERT INTO agreement (unit_id, title, signed_on, expires_on, signatory, signatory_title, note)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      unitID, terms.title, signedOn.iso, terms.expiresOn?.iso, terms.signatory, terms.signatoryTitle, terms.note)
  }

  /// The unit with this key, with its latest period, if any.
  func existingUnit(key: String) throws -> (id: Int, name: String, joinedOn: Day, leftOn: Day?)? {
    let statement = try db.prepare(
      """
      SELECT u.id, u.name, m.joined_on, m.left_on FROM unit AS u
      JOIN membership AS m ON m.unit_id = u.id
      WHERE u.name_key = ? ORDER BY m.joined_on DESC LIMIT 1
      """)
    try statement.bind(key, at: 1)
    guard try statement.step() else { return nil }
    return (
      try statement.required(0), try statement.required(1), try day(statement, 2),
      try statement.column(3, as: String.self).flatMap(Day.init(iso:))
    )
  }

  func groupDates(_ groupID: Int) throws -> (established: Day?, dissolved: Day?) {
    let statement = try db.prepare("SELECT established_on, dissolved_on FROM working_group WHERE id = ?")
    try statement.bind(groupID, at: 1)
    guard try statement.step() else { return (nil, nil) }
    return (
      try statement.column(0, as: String.self).flatMap(Day.init(iso:)),
      try statement.column(1, as: String.self).flatMap(Day.init(iso:))
    )
  }

  /// Reads a stored ISO date column; the schema guarantees the form.
  func day(_ statement: Statement, _ column: Int32) throws -> Day {
    let text: String = try statement.required(column)
    guard let value = Day(iso: text) else {
      throw RegistryError.invalid("the registry holds an impossible date \(text); run gongjian check")
    }
    return value
  }

  func optionalDay(_ statement: Statement, _ column: Int32) throws -> Day? {
    guard let text = try statement.column(column, as: String.self) else { return nil }
    return Day(iso: text)
  }
}

/// Several field errors at once, so a user fixes them all in one go.
public struct FieldErrors: Error, Equatable, Sendable, CustomStringConvertible {
  public var errors: [FieldError]

  public init(_ errors: [FieldError]) { self.errors = errors }

  public var description: String { errors.map(\.message).joined(separator: "\n") }
}
