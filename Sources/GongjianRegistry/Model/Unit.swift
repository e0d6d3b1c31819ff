/// The standard unit categories (SPEC §3); any other text is allowed too.
public enum UnitKind {
  public static let standard = ["党政机关", "事业单位", "国有企业", "非公企业", "高校", "金融机构", "社会组织", "其他"]
  public static let fallback = "其他"

  /// A kind as it is stored: a common short form becomes its standard kind (国企 → 国有企业);
  /// any other text stays as written.
  static func standardized(_ kind: String?) -> String? {
    guard let kind else { return nil }
    let key = String(kind.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    return Vocabulary.kindSynonyms[key] ?? kind
  }
}

/// A unit's role in a working group.
public enum GroupRole: String, Sendable, CaseIterable {
  /// 牵头单位
  case lead
  /// 成员单位
  case member

}

/// One row of a unit listing: the unit with the alliance period the listing is about.
public struct UnitListing: Equatable, Sendable {
  public var id: UnitID
  public var name: String
  public var kind: String
  public var joinedOn: Day
  public var leftOn: Day?
  /// Working groups the unit belonged to on the listing's reference day, by name.
  public var groups: [String]
}

/// An alliance membership period.
public struct MembershipPeriod: Equatable, Sendable {
  public var id: Int
  public var joinedOn: Day
  public var leftOn: Day?
  public var leftReason: String?

  public func isActive(on day: Day) -> Bool {
    ActivePeriods.contains(day, joinedOn: joinedOn, leftOn: leftOn)
  }
}

/// A co-building agreement.
public struct Agreement: Equatable, Sendable {
  public var id: Int
  public var unit: UnitReference
  public var title: String
  public var signedOn: Day
  public var expiresOn: Day?
  public var signatory: String?
  public var signatoryTitle: String?
  public var note: String?
}

/// A unit's membership of a working group, for one period.
public struct GroupMembership: Equatable, Sendable {
  public var id: Int
  public var unit: UnitReference
  public var group: GroupReference
  public var role: GroupRole
  public var joinedOn: Day
  public var leftOn: Day?
}

/// A name the unit had before a rename.
public struct FormerName: Equatable, Sendable {
  public var name: String
  public var renamedOn: Day
}

/// Everything the registry knows of one unit (`show`).
public struct UnitDetail: Equatable, Sendable {
  public var id: UnitID
  public var name: String
  /// Kind, party organisation, address, contact, phone and note.
  public var details: UnitDetails
  public var createdAt: String
  public var periods: [MembershipPeriod]
  public var agreements: [Agreement]
  public var groups: [GroupMembership]
  public var formerNames: [FormerName]

  public var kind: String { details.kind ?? UnitKind.fallback }

  public var reference: UnitReference { UnitReference(id: id, name: name) }

  /// The open period, if the unit is in the alliance now.
  public var openPeriod: MembershipPeriod? { periods.first { $0.leftOn == nil } }

  /// Working groups the unit is in now, leads first, in the order the groups were founded.
  public var currentGroups: [GroupMembership] {
    groups.filter { $0.leftOn == nil }.sorted {
      ($0.role == .lead ? 0 : 1, $0.group.id) < ($1.role == .lead ? 0 : 1, $1.group.id)
    }
  }
}

/// A working group with its current lead(s) and member count.
public struct WorkingGroup: Equatable, Sendable {
  public var id: GroupID
  public var name: String
  public var description: String?
  public var establishedOn: Day?
  public var dissolvedOn: Day?
  /// Units leading the group on the reference day.
  public var leads: [String]

  public var reference: GroupReference { GroupReference(id: id, name: name) }
  /// Units in the group (lead or member) on the reference day.
  public var memberCount: Int
}

/// A field of a record, so a refusal can name where a value is: its option on the command
/// line, its column in a file, its field in a form.
public enum Field: String, Sendable, CaseIterable {
  case name, kind, joinedOn, leftOn, leftReason, signatory, signatoryTitle, agreementTitle, expiresOn, groups
  case contactName, contactPhone, address, partyOrganisation, note
  case signedOn, groupName, groupDescription, establishedOn, renamedOn
  case subdistrict, district, year
  /// A unit's unified social credit code.
  case creditCode
  /// The fields of the lists and projects.
  case id, unit, title, category, description, capacity, contact, availableFrom, availableUntil, withdrawnOn
  case raisedBy, raisedOn, people, deadline, status, statusOn, claims, claimedOn
  case level, lead, units, needs, resources, startOn, endOn, proposedOn, startedOn, endedOn
  case project, projectID, happenedOn, volunteers, hours, served

  /// Position in `allCases` (a switch: import reads it for every cell).
  var ordinal: Int {
    switch self {
    case .name: 0
    case .kind: 1
    case .joinedOn: 2
    case .leftOn: 3
    case .leftReason: 4
    case .signatory: 5
    case .signatoryTitle: 6
    case .agreementTitle: 7
    case .expiresOn: 8
    case .groups: 9
    case .contactName: 10
    case .contactPhone: 11
    case .address: 12
    case .partyOrganisation: 13
    case .note: 14
    case .signedOn: 15
    case .groupName: 16
    case .groupDescription: 17
    case .establishedOn: 18
    case .renamedOn: 19
    case .subdistrict: 20
    case .district: 21
    case .year: 22
    case .creditCode: 23
    case .id: 24
    case .unit: 25
    case .title: 26
    case .category: 27
    case .description: 28
    case .capacity: 29
    case .contact: 30
    case .availableFrom: 31
    case .availableUntil: 32
    case .withdrawnOn: 33
    case .raisedBy: 34
    case .raisedOn: 35
    case .people: 36
    case .deadline: 37
    case .status: 38
    case .statusOn: 39
    case .claims: 40
    case .claimedOn: 41
    case .level: 42
    case .lead: 43
    case .units: 44
    case .needs: 45
    case .resources: 46
    case .startOn: 47
    case .endOn: 48
    case .proposedOn: 49
    case .startedOn: 50
    case .endedOn: 51
    case .project: 52
    case .projectID: 53
    case .happenedOn: 54
    case .volunteers: 55
    case .hours: 56
    case .served: 57
    }
  }
}
