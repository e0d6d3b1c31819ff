import SQLite

/// A working group a unit joined, and from which day (a group founded after the unit's
/// joining day is joined on its founding day).
public struct GroupJoining: Equatable, Sendable {
  public var group: GroupReference
  public var since: Day
}

/// What `register` (or one imported row) created.
public struct Registration: Equatable, Sendable {
  public var unit: UnitReference
  public var kind: String
  public var joinedOn: Day
  public var leftOn: Day?
  public var groups: [GroupJoining]
  public var role: GroupRole
}

extension Registry {
  /// Registers a newly signed unit: the unit, its first alliance period, its first agreement
  /// (signed on the joining day) and its working groups, with one history entry, all in one
  /// transaction.
  public func register(_ input: NewUnit) throws -> Registration {
    try write {
      let clean = try validate(input).get()
      var groups: [ResolvedGroup] = []
      for id in input.groups where !groups.contains(where: { $0.reference.id == id }) {
        groups.append(try resolvedGroup(groupReference(id)))
      }
      do {
        return try insertUnit(input, clean: clean, recordHistory: true) { groups }
      } catch let duplicate as DuplicateUnit {
        throw duplicate.refusal
      } catch let similar as SimilarUnit {
        throw similar.refusal
      }
    }
  }

  /// The checks `register` and `import` share, before anything is written: the name, every
  /// field and every date. Returns all the problems found, not just the first.
  func validate(_ input: NewUnit) -> Result<CleanUnit, Refusal> {
    Registry.validate(input, today: today)
  }

  /// `validate` as of a given day, without the registry (import checks rows on a thread of
  /// their own).
  static func validate(_ input: NewUnit, today: Day) -> Result<CleanUnit, Refusal> {
    var problems = Problems()
    let name = problems.take(TextInput.name(input.name), .name)
    let details = Validation.details(input.details, problems: &problems)
    let terms = Validation.terms(input.agreement, signedOn: input.joinedOn, problems: &problems)
    Validation.notInFuture(input.joinedOn, today: today, role: .joining, field: .joinedOn, problems: &problems)
    var reason: String?
    if let left = input.leftOn {
      Validation.leaving(left, joined: input.joinedOn, today: today, problems: &problems)
      reason = problems.take(Validation.clean(.leftReason, input.leftReason), .leftReason) ?? nil
    }
    guard let name, problems.isEmpty else { return .failure(.invalidValues(problems.list)) }
    let key = NameKey.make(name)
    return .success(
      CleanUnit(
        name: name, key: key, similarKey: NameKey.similar(key), details: details, terms: terms, leftReason: reason))
  }

  /// A working group with the dates that decide who may join it when.
  struct ResolvedGroup {
    var reference: GroupReference
    var established: Day?
    var dissolved: Day?
    /// The role in this group, when it differs by group (import's 牵头 marks).
    var role: GroupRole?
  }

  func resolvedGroup(_ reference: GroupReference) throws -> ResolvedGroup {
    let dates = try groupDates(reference.id)
    return ResolvedGroup(reference: reference, established: dates.established, dissolved: dates.dissolved)
  }

  /// Inserts a validated unit with its period, agreement and group memberships, through cached
  /// statements (import runs this per row). Runs inside the caller's write transaction.
  /// A unit whose key is taken throws `DuplicateUnit`, leaving nothing of this unit behind.
  /// `groups` is asked for once the unit's row is in, so that a duplicate leaves no trace.
  /// `texts` are the unit's texts staged ahead (import stages them on its reading thread).
  func insertUnit(
    _ input: NewUnit, clean: CleanUnit, texts: UnitRowTexts? = nil, recordHistory: Bool,
    groups resolveGroups: () throws -> [ResolvedGroup]
  ) throws -> Registration {
    let statements = try unitInserts()
    if !input.allowSimilarName, let similar = try similarUnit(to: clean) {
      throw SimilarUnit(name: clean.name, existing: similar)
    }
    let unitID = try nextUnitID.map { UnitID($0) } ?? firstNewUnitID()
    try checkCreditCodeFree(clean.details.creditCode, for: nil)
    let texts = texts ?? UnitRowTexts(input, clean)
    do {
      let unit = statements.unit
      try unit.bind(unitID.rawValue, at: UnitRowTexts.unitIDParameter)
      try unit.run(texts.unit)
    } catch let error as SQLiteError where error.isUniqueViolation {
      guard let existing = try existingUnit(key: clean.key) else { throw error }
      throw DuplicateUnit(name: clean.name, existing: existing)
    }
    nextUnitID = unitID.rawValue + 1
    let groups = try resolveGroups()
    for group in groups {
      if let dissolved = group.dissolved, dissolved <= input.joinedOn {
        throw Refusal.groupDissolved(group.reference, on: dissolved)
      }
    }
    let period = statements.membership
    try period.bind(unitID.rawValue, at: 1)
    try period.run(texts.membership)
    let agreement = statements.agreement
    try agreement.bind(unitID.rawValue, at: 1)
    try agreement.run(texts.agreement)
    let role: GroupRole = input.lead ? .lead : .member
    var joined: [GroupJoining] = []
    for group in groups {
      let since = max(input.joinedOn, group.established ?? input.joinedOn)
      if let left = input.leftOn, since > left { continue }
      let membership = statements.groupMembership
      try membership.bind(unitID.rawValue, at: 1)
      try membership.bind(group.reference.id.rawValue, at: 2)
      try membership.stage((group.role ?? role).rawValue, at: 3)
      try membership.stage(since.iso, at: 4)
      try membership.stage(input.leftOn?.iso, at: 5)
      try membership.runStaged()
      joined.append(GroupJoining(group: group.reference, since: since))
    }
    let unit = UnitReference(id: unitID, name: clean.name)
    let registration = Registration(
      unit: unit, kind: clean.details.kind ?? UnitKind.fallback, joinedOn: input.joinedOn, leftOn: input.leftOn,
      groups: joined, role: role)
    if recordHistory {
      try record(
        .register, unit: unitID,
        facts: [
          "name": .string(clean.name), "joined_on": .string(input.joinedOn.iso),
          "groups": .array(joined.map { .string($0.group.name) }), "lead": .bool(input.lead),
        ],
        before: nil, after: try unitSnapshot(unitID))
    }
    return registration
  }

  /// The id of the first unit a write adds: above every unit's and every id the history names.
  private func firstNewUnitID() throws -> UnitID {
    let units = try db.scalar(Int.self, "SELECT max(id) FROM unit") ?? 0
    let named = try db.scalar(Int.self, "SELECT max(unit_id) FROM history WHERE unit_id IS NOT NULL") ?? 0
    return UnitID(max(units, named) + 1)
  }

  func insertAgreement(unitID: UnitID, terms: CleanTerms, signedOn: Day) throws {
    let agreement = try unitInserts().agreement
    try agreement.bind(unitID.rawValue, at: 1)
    try agreement.run(UnitRowTexts.agreement(terms, signedOn: signedOn))
  }

  /// The unit with this key, with its latest period, if any.
  func existingUnit(key: String) throws -> ExistingUnit? {
    try unitWithLatestPeriod(where: "u.name_key = \(key)")
  }

  /// The unit with this id, with its latest period, if any.
  func existingUnit(id: Int) throws -> ExistingUnit? {
    try unitWithLatestPeriod(where: "u.id = \(id)")
  }

  /// A unit whose name is like this one's but not the same (other brackets, without 集团…):
  /// the first registered.
  func similarUnit(to clean: CleanUnit) throws -> ExistingUnit? {
    try unitWithLatestPeriod(
      where: "u.similar_key = \(clean.similarKey) AND u.name_key <> \(clean.key)", firstBy: "u.id, ")
  }

  /// The first unit meeting `condition` (by `firstBy`, when several may), with its latest
  /// period. Each caller's statement is prepared once: its text does not change.
  private func unitWithLatestPeriod(where condition: SQL, firstBy order: SQL = "") throws -> ExistingUnit? {
    try withStatement(
      sql: """
        SELECT u.id, u.name, m.joined_on, m.left_on FROM unit AS u
        JOIN membership AS m ON m.unit_id = u.id
        WHERE \(condition) ORDER BY \(order)m.joined_on DESC LIMIT 1
        """, existingUnit(from:))
  }

  /// The first row of a look-up of units with their latest period (id, name, joined, left).
  private func existingUnit(from statement: Statement) throws -> ExistingUnit? {
    guard try statement.step() else { return nil }
    return ExistingUnit(
      unit: UnitReference(id: UnitID(try statement.required(0)), name: try statement.required(1)),
      joinedOn: try day(statement, 2), leftOn: try optionalDay(statement, 3))
  }

  func groupDates(_ id: GroupID) throws -> (established: Day?, dissolved: Day?) {
    let statement = try db.prepare(
      sql: "SELECT established_on, dissolved_on FROM working_group WHERE id = \(id.rawValue)")
    guard try statement.step() else { return (nil, nil) }
    return (try optionalDay(statement, 0), try optionalDay(statement, 1))
  }

  /// Reads a stored ISO date column; the schema guarantees the form.
  func day(_ statement: Statement, _ column: Int32) throws -> Day {
    let text: String = try statement.required(column)
    guard let value = Day(iso: text) else { throw Refusal.impossibleStoredDate(text) }
    return value
  }

  func optionalDay(_ statement: Statement, _ column: Int32) throws -> Day? {
    guard let text = try statement.column(column, as: String.self) else { return nil }
    guard let value = Day(iso: text) else { throw Refusal.impossibleStoredDate(text) }
    return value
  }
}

/// The texts of a new unit's rows (unit, first period, first agreement), staged for binding
/// by pointer in the order of `unitInserts()`'s parameters.
struct UnitRowTexts: Sendable {
  var unit = StagedTexts()
  var membership = StagedTexts()
  var agreement: StagedTexts

  /// The unit row's id parameter, after its texts.
  static let unitIDParameter = Int32(4 + UnitDetailColumn.all.count)

  init(_ input: NewUnit, _ clean: CleanUnit) {
    unit.stage(clean.name, at: 1)
    unit.stage(clean.key, at: 2)
    unit.stage(clean.similarKey, at: 3)
    for (offset, column) in UnitDetailColumn.all.enumerated() {
      unit.stage(clean.details[keyPath: column.value], at: Int32(4 + offset))
    }
    membership.stage(input.joinedOn.iso, at: 2)
    membership.stage(input.leftOn?.iso, at: 3)
    membership.stage(clean.leftReason, at: 4)
    agreement = UnitRowTexts.agreement(clean.terms, signedOn: input.joinedOn)
  }

  /// An agreement row's texts, after its unit id.
  static func agreement(_ terms: CleanTerms, signedOn: Day) -> StagedTexts {
    var texts = StagedTexts()
    texts.stage(terms.title, at: 2)
    texts.stage(signedOn.iso, at: 3)
    texts.stage(terms.expiresOn?.iso, at: 4)
    texts.stage(terms.signatory, at: 5)
    texts.stage(terms.signatoryTitle, at: 6)
    texts.stage(terms.note, at: 7)
    return texts
  }
}

/// A unit after cleaning, ready to store.
struct CleanUnit: Sendable {
  var name: String
  var key: String
  var similarKey: String
  var details: UnitDetails
  var terms: CleanTerms
  var leftReason: String?
}

/// A registered unit with its latest period: what a duplicate is measured against.
struct ExistingUnit {
  var unit: UnitReference
  var joinedOn: Day
  var leftOn: Day?
}

/// A unit that is already registered under the same key.
struct DuplicateUnit: Error {
  var name: String
  var existing: ExistingUnit

  var refusal: Refusal {
    .alreadyRegistered(
      name: name, existing: existing.unit, joinedOn: existing.joinedOn, leftOn: existing.leftOn)
  }
}

/// A unit already registered under a name like this one.
struct SimilarUnit: Error {
  var name: String
  var existing: ExistingUnit

  var refusal: Refusal {
    .similarToRegistered(name: name, existing: existing.unit, joinedOn: existing.joinedOn)
  }
}
