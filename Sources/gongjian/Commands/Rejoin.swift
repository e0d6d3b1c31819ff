import ArgumentParser
import GongjianRegistry

struct Rejoin: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rejoin",
    abstract: "Record that a unit which left has signed again: a new period and a new agreement."
  )

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("The unit: id, name or part of the name.", valueName: "unit"))
  var unit: String

  @Option(help: ArgumentHelp("The day it signed again.", valueName: "date"))
  var on: String

  @OptionGroup var agreement: AgreementOptions
  @OptionGroup var groups: GroupOptions

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.day(on, option: "--on", today: registry.today)
    let terms = try agreement.terms(today: registry.today)
    var options = Arguments.unitOptions
    options[.joinedOn] = "--on"
    let result = try Arguments.naming(options) {
      try registry.rejoin(unit, on: day, agreement: terms, groups: groups.groups, lead: groups.lead)
    }
    print("Rejoined \(result.summary)")
  }
}
