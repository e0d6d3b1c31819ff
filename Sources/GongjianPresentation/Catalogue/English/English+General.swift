import GongjianRegistry

/// Every text in English.
public struct EnglishCatalogue: Sendable {
  public init() {}
}

extension EnglishCatalogue: GeneralWording {
  public func day(_ day: Day) -> String { day.iso }

  public func quoted(_ text: String) -> String { QuotedText.quote(text, open: "'", close: "'") }

  public func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
  }

  public func unit(_ unit: UnitReference) -> String { "#\(unit.id) \(unit.name)" }

  public func group(_ group: GroupReference) -> String { group.name }

  public func candidateLine(_ candidate: Candidate) -> String { "  \(candidate.id)  \(candidate.name)" }

  public func entity(_ kind: EntityKind) -> String {
    switch kind {
    case .unit: "unit"
    case .group: "working group"
    case .resource: "resource"
    case .need: "need"
    case .project: "project"
    case .activity: "service record"
    }
  }

  public func signatory(_ name: String?, title: String?) -> String {
    switch (name, title) {
    case (let name?, let title?): "\(name) (\(title))"
    case (let name?, nil): name
    case (nil, let title?): title
    case (nil, nil): ""
    }
  }

  public func role(_ role: GroupRole) -> String {
    switch role {
    case .lead: "lead"
    case .member: "member"
    }
  }

  public func field(_ field: Field) -> String {
    switch field {
    case .name: "name"
    case .kind: "kind"
    case .joinedOn: "joining date"
    case .leftOn: "leaving date"
    case .leftReason: "reason for leaving"
    case .signatory: "signatory"
    case .signatoryTitle: "signatory's title"
    case .agreementTitle: "agreement title"
    case .expiresOn: "expiry date"
    case .groups: "working groups"
    case .contactName: "contact"
    case .contactPhone: "phone"
    case .address: "address"
    case .partyOrganisation: "party organisation"
    case .note: "note"
    case .signedOn: "signing date"
    case .groupName: "group name"
    case .groupDescription: "description"
    case .establishedOn: "founding date"
    case .renamedOn: "renaming date"
    case .subdistrict: "subdistrict"
    case .year: "year"
    case .accountName: "account name"
    case .password: "password"
    case .district: "district"
    case .meetingTitle: "meeting title"
    case .heldOn: "meeting date"
    case .place: "place"
    case .chair: "chair"
    case .recorder: "minute-taker"
    case .topicText: "topic"
    case .decisionText: "decision"
    case .followupText: "follow-up task"
    case .dueOn: "due date"
    case .reportedOn: "the report's date"
    case .reportNote: "note"
    case .creditCode: "credit code"
    case .id, .unit, .title, .category, .description, .capacity, .contact, .availableFrom, .availableUntil,
      .withdrawnOn, .raisedBy, .raisedOn, .people, .deadline, .status, .statusOn, .claims, .claimedOn, .level, .lead,
      .units, .needs, .resources, .startOn, .endOn, .proposedOn, .startedOn, .endedOn, .project, .projectID,
      .happenedOn, .volunteers, .hours, .served:
      listField(field)
    }
  }

  public func unitCount(_ count: Int) -> String { count == 1 ? "1 unit" : "\(count) units" }

  public func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

  public func percent(_ value: Double) -> String { PercentFormat.oneDecimal(value) }

  public func signedPercent(_ value: Double) -> String { PercentFormat.signed(value) }

  public var none: String { "—" }
}
