import ArgumentParser
import GongjianRegistry

struct AgreementAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Record a signed agreement, such as a renewal.")

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("The unit: id, name or part of the name.", valueName: "unit"))
  var unit: String

  @Option(help: ArgumentHelp("The day it was signed.", valueName: "date"))
  var signed: String

  @Option(help: ArgumentHelp("When it expires (may be in the future).", valueName: "date"))
  var expires: String?

  @Option(help: ArgumentHelp("Who signed for the unit.", valueName: "person"))
  var signatory: String?

  @Option(name: .customLong("signatory-title"), help: ArgumentHelp("The signatory's title.", valueName: "title"))
  var signatoryTitle: String?

  @Option(help: ArgumentHelp("The agreement's title (default: 区域化党建共建协议).", valueName: "title"))
  var title: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let signedOn = try Arguments.day(signed, option: "--signed", today: registry.today)
    let terms = AgreementTerms(
      title: title, signatory: signatory, signatoryTitle: signatoryTitle,
      expiresOn: try Arguments.optionalDay(expires, option: "--expires", today: registry.today))
    let options: [UnitField: String] = [
      .joinedOn: "--signed", .expiresOn: "--expires", .signatory: "--signatory", .signatoryTitle: "--signatory-title",
      .agreementTitle: "--title",
    ]
    let agreement = try Arguments.naming(options) {
      try registry.addAgreement(unit: unit, signedOn: signedOn, terms: terms)
    }
    var text = "Recorded #\(agreement.id): \(agreement.unitName) signed \(agreement.title) on \(agreement.signedOn)"
    if let expires = agreement.expiresOn { text += ", expires \(expires)" }
    print(text + ".")
  }
}
