import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct AgreementAdd: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "add", abstract: help(.agreementAddAbstract))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.showUnit, value: .valueUnit))
  var unit: String

  @Option(help: help(.agreementAddSigned, value: .valueDate))
  var signed: String

  @Option(help: help(.agreementExpires, value: .valueDate))
  var expires: String?

  @Option(help: help(.agreementSignatory, value: .valuePerson))
  var signatory: String?

  @Option(name: .customLong("signatory-title"), help: help(.agreementSignatoryTitle, value: .valueJobTitle))
  var signatoryTitle: String?

  @Option(help: help(.agreementTitle, value: .valueTitle))
  var title: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let signedOn = try Arguments.day(signed, option: "--signed", field: .signedOn, today: registry.today)
    let terms = AgreementTerms(
      title: title, signatory: signatory, signatoryTitle: signatoryTitle,
      expiresOn: try Arguments.optionalDay(expires, option: "--expires", field: .expiresOn, today: registry.today))
    let id = try registry.resolveUnit(unit).id
    let options: [Field: String] = [
      .signedOn: "--signed", .expiresOn: "--expires", .signatory: "--signatory", .signatoryTitle: "--signatory-title",
      .agreementTitle: "--title",
    ]
    let agreement = try Arguments.naming(options) {
      try registry.addAgreement(unit: id, signedOn: signedOn, terms: terms)
    }
    Terminal.say(Interface.texts.agreementRecorded(agreement))
  }
}
