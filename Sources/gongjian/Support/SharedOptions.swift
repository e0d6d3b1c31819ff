import ArgumentParser
import GongjianPresentation
import GongjianRegistry

/// The terms of a signed agreement, taken by `register` and `rejoin`.
struct AgreementOptions: ParsableArguments {
  @Option(help: help(.agreementSignatory, value: .valuePerson))
  var signatory: String?

  @Option(name: .customLong("signatory-title"), help: help(.agreementSignatoryTitle, value: .valueJobTitle))
  var signatoryTitle: String?

  @Option(name: .customLong("agreement"), help: help(.agreementTitle, value: .valueTitle))
  var agreementTitle: String?

  @Option(help: help(.agreementExpires, value: .valueDate))
  var expires: String?

  func terms(today: Day) throws -> AgreementTerms {
    AgreementTerms(
      title: agreementTitle, signatory: signatory, signatoryTitle: signatoryTitle,
      expiresOn: try Arguments.optionalDay(expires, option: "--expires", field: .expiresOn, today: today))
  }
}

/// `--group` (repeatable) and `--lead`.
struct GroupOptions: ParsableArguments {
  @Option(name: .customLong("group"), help: help(.groupOption, value: .valueGroup))
  var groups: [String] = []

  @Flag(help: ArgumentHelp(help(.groupLead)))
  var lead = false

  /// The groups named, resolved to the registry's groups.
  func groupIDs(in registry: Registry) throws -> [GroupID] {
    try groups.map { try registry.resolveGroup($0).id }
  }
}

/// A unit's own details, taken by `register` and `edit`.
struct UnitDetailOptions: ParsableArguments {
  @Option(help: help(.detailKind, value: .valueKind))
  var kind: String?

  @Option(name: .customLong("party-org"), help: help(.detailPartyOrganisation, value: .valueName))
  var partyOrganisation: String?

  @Option(help: help(.detailContact, value: .valuePerson))
  var contact: String?

  @Option(help: help(.detailPhone, value: .valueNumber))
  var phone: String?

  @Option(help: help(.detailAddress, value: .valueText))
  var address: String?

  @Option(help: help(.detailNote, value: .valueText))
  var note: String?

  @Option(name: .customLong("credit-code"), help: help(.creditCodeOption, value: .valueNumber))
  var creditCode: String?

  var details: UnitDetails {
    UnitDetails(
      kind: kind, partyOrganisation: partyOrganisation, address: address, contactName: contact, contactPhone: phone,
      note: note, creditCode: creditCode)
  }
}
