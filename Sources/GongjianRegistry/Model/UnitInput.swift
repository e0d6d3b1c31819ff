/// The terms of an agreement as given with `register`, `rejoin` or `agreement add`.
public struct AgreementTerms: Equatable, Sendable {
  public var title: String?
  public var signatory: String?
  public var signatoryTitle: String?
  public var expiresOn: Day?
  public var note: String?

  public init(
    title: String? = nil, signatory: String? = nil, signatoryTitle: String? = nil, expiresOn: Day? = nil,
    note: String? = nil
  ) {
    self.title = title
    self.signatory = signatory
    self.signatoryTitle = signatoryTitle
    self.expiresOn = expiresOn
    self.note = note
  }

  public static let defaultTitle = "区域化党建共建协议"
}

/// A unit's own details, as typed (`register`, `edit`) or read from a file (`import`).
public struct UnitDetails: Equatable, Sendable {
  public var kind: String?
  public var partyOrganisation: String?
  public var address: String?
  public var contactName: String?
  public var contactPhone: String?
  public var note: String?
  /// 统一社会信用代码, checked and unique when present.
  public var creditCode: String?

  public init(
    kind: String? = nil, partyOrganisation: String? = nil, address: String? = nil, contactName: String? = nil,
    contactPhone: String? = nil, note: String? = nil, creditCode: String? = nil
  ) {
    self.kind = kind
    self.partyOrganisation = partyOrganisation
    self.address = address
    self.contactName = contactName
    self.contactPhone = contactPhone
    self.note = note
    self.creditCode = creditCode
  }
}

/// A unit's own details as columns: the field that names them in refusals, the column that
/// stores them, the key that carries them in JSON, and where they sit in the model. Adding a
/// detail to units means a migration, a row here, and a property on `UnitDetails`.
struct UnitDetailColumn: Sendable {
  let field: Field
  let column: String
  let jsonKey: String
  let value: WritableKeyPath<UnitDetails, String?> & Sendable

  static let all: [UnitDetailColumn] = [
    UnitDetailColumn(field: .kind, column: "kind", jsonKey: "kind", value: \.kind),
    UnitDetailColumn(field: .partyOrganisation, column: "party_org", jsonKey: "party_org", value: \.partyOrganisation),
    UnitDetailColumn(field: .address, column: "address", jsonKey: "address", value: \.address),
    UnitDetailColumn(field: .contactName, column: "contact_name", jsonKey: "contact", value: \.contactName),
    UnitDetailColumn(field: .contactPhone, column: "contact_phone", jsonKey: "phone", value: \.contactPhone),
    UnitDetailColumn(field: .note, column: "note", jsonKey: "note", value: \.note),
    UnitDetailColumn(field: .creditCode, column: "credit_code", jsonKey: "credit_code", value: \.creditCode),
  ]
}

/// A newly signed unit (`register`, one row of `import`).
public struct NewUnit: Equatable, Sendable {
  public var name: String
  public var joinedOn: Day
  /// Only from an import of a unit that has already left.
  public var leftOn: Day?
  public var leftReason: String?
  public var details: UnitDetails
  public var agreement: AgreementTerms
  /// Working groups to join on the joining day.
  public var groups: [GroupID]
  /// Lead (牵头单位) of those groups rather than member.
  public var lead: Bool
  /// Register even when the name is like an existing unit's (a different unit after all).
  public var allowSimilarName: Bool

  public init(
    name: String, joinedOn: Day, leftOn: Day? = nil, leftReason: String? = nil, details: UnitDetails = UnitDetails(),
    agreement: AgreementTerms = AgreementTerms(), groups: [GroupID] = [], lead: Bool = false,
    allowSimilarName: Bool = false
  ) {
    self.name = name
    self.joinedOn = joinedOn
    self.leftOn = leftOn
    self.leftReason = leftReason
    self.details = details
    self.agreement = agreement
    self.groups = groups
    self.lead = lead
    self.allowSimilarName = allowSimilarName
  }
}

/// Agreement terms after cleaning and checking.
struct CleanTerms: Equatable, Sendable {
  var title: String
  var signatory: String?
  var signatoryTitle: String?
  var expiresOn: Day?
  var note: String?
}

/// The problems found while checking a request, field by field, so a person fixes them all
/// in one go.
struct Problems {
  private(set) var list: [FieldProblem] = []

  var isEmpty: Bool { list.isEmpty }

  mutating func add(_ field: Field, _ problem: ValueProblem) {
    list.append(FieldProblem(field, problem))
  }

  /// The value, or nil after noting why it is refused.
  mutating func take<T>(_ result: Result<T, ValueProblem>, _ field: Field) -> T? {
    switch result {
    case .success(let value): return value
    case .failure(let problem):
      add(field, problem)
      return nil
    }
  }

  /// Throws every problem noted, if any.
  func check() throws {
    if !list.isEmpty { throw Refusal.invalidValues(list) }
  }
}

/// Field-by-field cleaning and the date rules, shared by every command and import, so a
/// value refused by one is refused by all.
enum Validation {
  /// How each optional text field is cleaned: one line or a note, and how long it may be.
  static func clean(_ field: Field, _ raw: String?) -> Result<String?, ValueProblem> {
    switch field {
    case .kind: return TextInput.optionalLine(raw, maxLength: TextInput.maxKindLength).map(UnitKind.standardized)
    case .note, .leftReason, .groupDescription: return TextInput.optionalNote(raw)
    case .creditCode: return CreditCode.clean(raw)
    default: return TextInput.optionalLine(raw)
    }
  }

  /// The details as stored: each cleaned, the kind defaulting to 其他.
  static func details(_ raw: UnitDetails, problems: inout Problems) -> UnitDetails {
    var clean = UnitDetails()
    for column in UnitDetailColumn.all {
      clean[keyPath: column.value] =
        problems.take(self.clean(column.field, raw[keyPath: column.value]), column.field) ?? nil
    }
    if clean.kind == nil { clean.kind = UnitKind.fallback }
    return clean
  }

  static func terms(_ raw: AgreementTerms, signedOn: Day, problems: inout Problems) -> CleanTerms {
    func take(_ field: Field, _ value: String?) -> String? {
      problems.take(clean(field, value), field) ?? nil
    }
    if let expires = raw.expiresOn, expires < signedOn {
      problems.add(.expiresOn, .expiresBeforeSigned(expires: expires, signed: signedOn))
    }
    return CleanTerms(
      title: take(.agreementTitle, raw.title) ?? AgreementTerms.defaultTitle,
      signatory: take(.signatory, raw.signatory),
      signatoryTitle: take(.signatoryTitle, raw.signatoryTitle),
      expiresOn: raw.expiresOn,
      note: nil)
  }

  /// Joining, leaving, signing and founding dates may not lie after today: they are typos.
  static func notInFuture(_ day: Day, today: Day, role: DateRole, field: Field, problems: inout Problems) {
    if day > today { problems.add(field, .afterToday(role, day, today: today)) }
  }

  static func leaving(_ left: Day, joined: Day, today: Day, field: Field = .leftOn, problems: inout Problems) {
    if left < joined { problems.add(field, .leavingBeforeJoining(left: left, joined: joined)) }
    notInFuture(left, today: today, role: .leaving, field: field, problems: &problems)
  }
}
