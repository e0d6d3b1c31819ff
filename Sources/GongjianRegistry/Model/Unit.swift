/// The standard unit categories (SPEC §3); any other text is allowed too.
public enum UnitKind {
  public static let standard = ["党政机关", "事业单位", "国有企业", "非公企业", "高校", "金融机构", "社会组织", "其他"]
  public static let fallback = "其他"

  /// A kind as it is stored: a common short form becomes its standard kind (国企 → 国有企业);
  /// any other text stays as written.
  static func standardized(_ kind: String?) -> String? {
    guard let kind else { return nil }
    // Kinds come cleaned, mostly without spaces: looked up as they are, without a copy.
    if !kind.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
      return Vocabulary.kindSynonyms[kind] ?? kind
    }
    let key = String(String.UnicodeScalarView(kind.unicodeScalars.filter { !$0.properties.isWhitespace }))
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
  /// In a listing of one working group: the unit's membership in it (its role and dates).
  public var groupStint: GroupStint? = nil
}

/// A unit's time in one working group, as a group's listing shows it.
public struct GroupStint: Equatable, Sendable {
  public var role: GroupRole
  public var joinedOn: Day
  public var leftOn: Day?
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
  case meetingTitle, heldOn, place, chair, recorder, topicText, raisedOn, decisionText, followupText, dueOn
  case reportedOn, reportNote
  case accountName, password
  /// A unit's unified social credit code.
  case creditCode
  /// The fields of the lists and projects.
  case id, unit, title, category, description, capacity, contact, availableFrom, availableUntil, withdrawnOn
  case raisedBy, people, deadline, status, statusOn, claims, claimedOn
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
    case .meetingTitle: 23
    case .heldOn: 24
    case .place: 25
    case .chair: 26
    case .recorder: 27
    case .topicText: 28
    case .raisedOn: 29
    case .decisionText: 30
    case .followupText: 31
    case .dueOn: 32
    case .reportedOn: 33
    case .reportNote: 34
    case .accountName: 35
    case .password: 36
    case .creditCode: 37
    case .id: 38
    case .unit: 39
    case .title: 40
    case .category: 41
    case .description: 42
    case .capacity: 43
    case .contact: 44
    case .availableFrom: 45
    case .availableUntil: 46
    case .withdrawnOn: 47
    case .raisedBy: 48
    case .people: 49
    case .deadline: 50
    case .status: 51
    case .statusOn: 52
    case .claims: 53
    case .claimedOn: 54
    case .level: 55
    case .lead: 56
    case .units: 57
    case .needs: 58
    case .resources: 59
    case .startOn: 60
    case .endOn: 61
    case .proposedOn: 62
    case .startedOn: 63
    case .endedOn: 64
    case .project: 65
    case .projectID: 66
    case .happenedOn: 67
    case .volunteers: 68
    case .hours: 69
    case .served: 70
    }
  }
}
