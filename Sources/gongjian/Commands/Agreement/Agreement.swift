import ArgumentParser

struct AgreementCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agreement",
    abstract: "Co-building agreements: record a renewal, list them, see which expire soon.",
    subcommands: [AgreementAdd.self, AgreementList.self]
  )
}
