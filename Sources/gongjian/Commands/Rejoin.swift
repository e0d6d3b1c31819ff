import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Rejoin: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rejoin", abstract: help(.rejoinAbstract), discussion: help(.rejoinDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.showUnit, value: .valueUnit))
  var unit: String

  @Option(help: help(.rejoinOn, value: .valueDate))
  var on: String

  @OptionGroup var agreement: AgreementOptions
  @OptionGroup var groups: GroupOptions

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.day(on, option: "--on", field: .joinedOn, today: registry.today)
    let terms = try agreement.terms(today: registry.today)
    let id = try registry.resolveUnit(unit).id
    let groupIDs = try groups.groupIDs(in: registry)
    var options = Arguments.unitOptions
    options[.joinedOn] = "--on"
    let result = try Arguments.naming(options) {
      try registry.rejoin(id, on: day, agreement: terms, groups: groupIDs, lead: groups.lead)
    }
    Terminal.say(Interface.texts.rejoined(result))
  }
}
