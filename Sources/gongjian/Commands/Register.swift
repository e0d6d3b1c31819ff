import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Register: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "register", abstract: help(.registerAbstract), discussion: help(.registerDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.registerName, value: .valueName))
  var name: String

  @Option(help: help(.registerJoined, value: .valueDate))
  var joined: String

  @Flag(help: ArgumentHelp(help(.registerForce)))
  var force = false

  @OptionGroup var details: UnitDetailOptions
  @OptionGroup var agreement: AgreementOptions
  @OptionGroup var groups: GroupOptions

  func run() throws {
    let registry = try self.registry.open(.write)
    let today = registry.today
    let joinedOn = try Arguments.day(joined, option: "--joined", field: .joinedOn, today: today)
    let input = NewUnit(
      name: name, joinedOn: joinedOn, details: details.details, agreement: try agreement.terms(today: today),
      groups: try groups.groupIDs(in: registry), lead: groups.lead, allowSimilarName: force)
    let registration = try Arguments.naming(Arguments.unitOptions) { try registry.register(input) }
    Terminal.say(Interface.texts.registered(registration))
  }
}
