import ArgumentParser
import GongjianRegistry

/// The terms of a signed agreement, taken by `register` and `rejoin`.
struct AgreementOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Who signed for the unit, e.g. 罗英华.", valueName: "person"))
  var signatory: String?

  @Option(
    name: .customLong("signatory-title"), help: ArgumentHelp("The signatory's title, e.g. 党委书记.", valueName: "title"))
  var signatoryTitle: String?

  @Option(
    name: .customLong("agreement"),
    help: ArgumentHelp("The agreement's title (default: 区域化党建共建协议).", valueName: "title"))
  var agreementTitle: String?

  @Option(help: ArgumentHelp("When the agreement expires (may be in the future).", valueName: "date"))
  var expires: String?

  func terms(today: Day) throws -> AgreementTerms {
    AgreementTerms(
      title: agreementTitle, signatory: signatory, signatoryTitle: signatoryTitle,
      expiresOn: try Arguments.optionalDay(expires, option: "--expires", today: today))
  }
}

/// `--group` (repeatable) and `--lead`.
struct GroupOptions: ParsableArguments {
  @Option(
    name: .customLong("group"),
    help: ArgumentHelp("A working group (专项组) to join; repeat for several.", valueName: "group"))
  var groups: [String] = []

  @Flag(help: "Join the groups as lead unit (牵头单位) rather than member (成员单位).")
  var lead = false
}

/// A unit's own details, taken by `register` and `edit`.
struct UnitDetailOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Category: 党政机关, 事业单位, 国有企业, 非公企业, 高校, 金融机构, 社会组织, 其他, or your own.", valueName: "kind"))
  var kind: String?

  @Option(name: .customLong("party-org"), help: ArgumentHelp("The unit's party organisation.", valueName: "name"))
  var partyOrganisation: String?

  @Option(help: ArgumentHelp("Contact person.", valueName: "name"))
  var contact: String?

  @Option(help: ArgumentHelp("Contact phone number.", valueName: "number"))
  var phone: String?

  @Option(help: ArgumentHelp("Address.", valueName: "text"))
  var address: String?

  @Option(help: ArgumentHelp("A note.", valueName: "text"))
  var note: String?

  var details: UnitDetails {
    UnitDetails(
      kind: kind, partyOrganisation: partyOrganisation, address: address, contactName: contact, contactPhone: phone,
      note: note)
  }
}
