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
    try write {
      let clean = try validate(input).get()
      var groups: [ResolvedGroup] = []
      for query in input.groups {
        let group = try resolvedGroup(lookup(query, in: .group))
        if !groups.contains(where: { $0.id == group.id }) { groups.append(group) }
      }
      do {
        return try insertUnit(input, clean: clean, recordHistory: true) { groups }
      } catch let duplicate as DuplicateUnit {
        throw duplicate.refusal
      }
    }
  }

  /// The checks `register` and `import` share, before anything is written: the name, every
  /// field and every date. Returns all the field errors found, not just the first.
  func validate(_ input: NewUnit) -> Result<CleanUnit, FieldErrors> {
    var errors: [FieldError] = []
    let name = Validation.collect(TextInput.name(input.name), .name, into: &errors)
    let details = Validation.details(input.details, errors: &errors)
    let terms = Validation.terms(input.agreement, signedOn: input.joinedOn, errors: &errors)
    Validation.notInFuture(input.joinedOn, today: today, what: "joining date", field: .joinedOn, errors: &errors)
    var reason: String?
    if let left = input.leftOn {
      Validation.leaving(left, joined: input.joinedOn, today: today, errors: &errors)
      reason =
        Validation.collect(
          TextInput.optionalNote(input.leftReason, field: "leaving reason"), .leftReason, into: &errors)
        ?? nil
    }
    guard let name, errors.isEmpty else { return .failure(FieldErrors(errors)) }
    return .success(CleanUnit(name: name, key: NameKey.make(name), details: details, terms: terms, leftReason: reason))
  }

  /// A working group with the dates that decide who may join it when.
  struct ResolvedGroup {
    var id: Int
    var name: String
    var established: Day?
    var dissolved: Day?
    /// The role in this group, when it differs by group (import's 牵头 marks).
    var role: GroupRole?
  }

  func resolvedGroup(_ reference: UnitReference) throws -> ResolvedGroup {
    let dates = try groupDates(reference.id)
    return ResolvedGroup(
      id: reference.id, name: reference.name, established: dates.established, dissolved: dates.dissolved)
  }

  /// Inserts a validated unit with its period, agreement and group memberships, through cached
  /// statements (import runs this per row). Runs inside the caller's write transaction.
  /// A unit whose key is taken throws `DuplicateUnit`, leaving nothing of this unit behind.
  /// `groups` is asked for once the unit's row is in, so that a duplicate leaves no trace.
  func insertUnit(
    _ input: NewUnit, clean: CleanUnit, recordHistory: Bool, groups resolveGroups: () throws -> [ResolvedGroup]
  ) throws -> Registration {
    let statements = try unitInserts()
    do {
      let unit = statements.unit
      try unit.stage(clean.name, at: 1)
      try unit.stage(clean.key, at: 2)
      try unit.stage(clean.details.kind, at: 3)
      try unit.stage(clean.details.partyOrganisation, at: 4)
      try unit.stage(clean.details.address, at: 5)
      try unit.stage(clean.details.contactName, at: 6)
      try unit.stage(clean.details.contactPhone, at: 7)
      try unit.stage(clean.details.note, at: 8)
      try unit.runStaged()
    } catch let error as SQLiteError where error.isUniqueViolation {
      guard let existing = try existingUnit(key: clean.key) else { throw error }
      throw DuplicateUnit(
        name: clean.name, existingID: existing.id, existingName: existing.name,
        joinedOn: existing.joinedOn, leftOn: existing.leftOn)
    }
    let unitID = Int(db.lastInsertRowID)
    let groups = try resolveGroups()
    for group in groups {
      if let dissolved = group.dissolved, dissolved <= input.joinedOn {
        throw RegistryError.refused("the working group \(group.name) was dissolved on \(dissolved)")
      }
    }
    let period = statements.membership
    try period.bind(unitID, at: 1)
    try period.stage(input.joinedOn.iso, at: 2)
    try period.stage(input.leftOn?.iso, at: 3)
    try period.stage(clean.leftReason, at: 4)
    try period.runStaged()
    try insertAgreement(unitID: unitID, terms: clean.terms, signedOn: input.joinedOn)
    let role: GroupRole = input.lead ? .lead : .member
    var joined: [(name: String, since: Day)] = []
    for group in groups {
      let since = max(input.joinedOn, group.established ?? input.joinedOn)
      if let left = input.leftOn, since > left { continue }
      let membership = statements.groupMembership
      try membership.bind(unitID, at: 1)
      try membership.bind(group.id, at: 2)
      try membership.stage((group.role ?? role).rawValue, at: 3)
      try membership.stage(since.iso, at: 4)
      try membership.stage(input.leftOn?.iso, at: 5)
      try membership.runStaged()
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
    let agreement = try unitInserts().agreement
    try agreement.bind(unitID, at: 1)
    try agreement.stage(terms.title, at: 2)
    try agreement.stage(signedOn.iso, at: 3)
    try agreement.stage(terms.expiresOn?.iso, at: 4)
    try agreement.stage(terms.signatory, at: 5)
    try agreement.stage(terms.signatoryTitle, at: 6)
    try agreement.stage(terms.note, at: 7)
    try agreement.runStaged()
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

/// A unit after cleaning, ready to store.
struct CleanUnit {
  var name: String
  var key: String
  var details: CleanDetails
  var terms: CleanTerms
  var leftReason: String?
}

/// A unit that is already registered under the same key.
struct DuplicateUnit: Error {
  var name: String
  var existingID: Int
  var existingName: String
  var joinedOn: Day
  var leftOn: Day?

  var refusal: RegistryError {
    RegistryError.refused(
      "\(DayParser.quoted(name)) is already registered as unit \(existingID) \(existingName), "
        + "joined \(joinedOn)\(leftOn.map { ", left \($0)" } ?? "").\n"
        + (leftOn == nil
          ? "To change its details use: gongjian edit \(existingID) …"
          : "If it has signed again use: gongjian rejoin \(existingID) --on DATE"))
  }
}
