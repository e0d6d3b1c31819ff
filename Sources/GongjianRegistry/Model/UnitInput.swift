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

  public init(
    kind: String? = nil, partyOrganisation: String? = nil, address: String? = nil, contactName: String? = nil,
    contactPhone: String? = nil, note: String? = nil
  ) {
    self.kind = kind
    self.partyOrganisation = partyOrganisation
    self.address = address
    self.contactName = contactName
    self.contactPhone = contactPhone
    self.note = note
  }
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
  /// Working groups to join on the joining day, by name (looked up like GROUP arguments).
  public var groups: [String]
  /// Lead (牵头单位) of those groups rather than member.
  public var lead: Bool

  public init(
    name: String, joinedOn: Day, leftOn: Day? = nil, leftReason: String? = nil, details: UnitDetails = UnitDetails(),
    agreement: AgreementTerms = AgreementTerms(), groups: [String] = [], lead: Bool = false
  ) {
    self.name = name
    self.joinedOn = joinedOn
    self.leftOn = leftOn
    self.leftReason = leftReason
    self.details = details
    self.agreement = agreement
    self.groups = groups
    self.lead = lead
  }
}

/// A unit's details after cleaning and checking: what is stored.
struct CleanDetails: Equatable {
  var kind: String
  var partyOrganisation: String?
  var address: String?
  var contactName: String?
  var contactPhone: String?
  var note: String?
}

/// Agreement terms after cleaning and checking.
struct CleanTerms: Equatable {
  var title: String
  var signatory: String?
  var signatoryTitle: String?
  var expiresOn: Day?
  var note: String?
}

/// Field-by-field cleaning and the date rules of SPEC §4, shared by every command and import,
/// so a value refused by one is refused by all.
enum Validation {
  static func collect<T>(_ result: Result<T, RegistryError>, _ field: UnitField, into errors: inout [FieldError]) -> T?
  {
    switch result {
    case .success(let value): return value
    case .failure(let error):
      errors.append(FieldError(field, error.message))
      return nil
    }
  }

  static func details(_ raw: UnitDetails, errors: inout [FieldError]) -> CleanDetails {
    let kind = collect(TextInput.optionalLine(raw.kind, field: "kind", maxLength: 50), .kind, into: &errors) ?? nil
    return CleanDetails(
      kind: kind ?? UnitKind.fallback,
      partyOrganisation: collect(
        TextInput.optionalLine(raw.partyOrganisation, field: "party organisation"), .partyOrganisation, into: &errors)
        ?? nil,
      address: collect(TextInput.optionalLine(raw.address, field: "address"), .address, into: &errors) ?? nil,
      contactName: collect(TextInput.optionalLine(raw.contactName, field: "contact"), .contactName, into: &errors)
        ?? nil,
      contactPhone: collect(TextInput.optionalLine(raw.contactPhone, field: "phone"), .contactPhone, into: &errors)
        ?? nil,
      note: collect(TextInput.optionalNote(raw.note), .note, into: &errors) ?? nil)
  }

  static func terms(_ raw: AgreementTerms, signedOn: Day, errors: inout [FieldError]) -> CleanTerms {
    let title =
      collect(TextInput.optionalLine(raw.title, field: "agreement title"), .agreementTitle, into: &errors) ?? nil
    if let expires = raw.expiresOn, expires < signedOn {
      errors.append(
        FieldError(
          .expiresOn, "the agreement would expire (\(expires)) before it is signed (\(signedOn)); check the dates"))
    }
    return CleanTerms(
      title: title ?? AgreementTerms.defaultTitle,
      signatory: collect(TextInput.optionalLine(raw.signatory, field: "signatory"), .signatory, into: &errors) ?? nil,
      signatoryTitle: collect(
        TextInput.optionalLine(raw.signatoryTitle, field: "signatory's title"), .signatoryTitle, into: &errors) ?? nil,
      expiresOn: raw.expiresOn,
      note: nil)
  }

  /// Joining, leaving and signing dates may not lie after today: they are typos.
  static func notInFuture(_ day: Day, today: Day, what: String, field: UnitField, errors: inout [FieldError]) {
    if day > today {
      errors.append(
        FieldError(field, "the \(what) \(day) is after today (\(today)); a date in the future is a typo"))
    }
  }

  static func leaving(_ left: Day, joined: Day, today: Day, errors: inout [FieldError]) {
    if left < joined {
      errors.append(FieldError(.leftOn, "the leaving date \(left) is before the joining date \(joined)"))
    }
    notInFuture(left, today: today, what: "leaving date", field: .leftOn, errors: &errors)
  }
}
