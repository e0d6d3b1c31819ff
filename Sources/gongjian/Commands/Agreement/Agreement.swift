import ArgumentParser
import GongjianPresentation

struct AgreementCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agreement", abstract: help(.agreementAbstract), subcommands: [AgreementAdd.self, AgreementList.self])
}
