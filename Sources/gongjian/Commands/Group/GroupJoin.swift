import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct GroupJoin: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "join", abstract: help(.groupJoinAbstract), discussion: help(.groupJoinDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.showUnit, value: .valueUnit))
  var unit: String

  @Argument(help: help(.groupShowGroup, value: .valueGroup))
  var group: String

  @Option(help: help(.groupJoinOn, value: .valueDate))
  var on: String?

  @Flag(help: ArgumentHelp(help(.groupJoinLead)))
  var lead = false

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.optionalDay(on, option: "--on", field: .joinedOn, today: registry.today)
    let unitID = try registry.resolveUnit(unit).id
    let groupID = try registry.resolveGroup(group).id
    let result = try Arguments.naming([.joinedOn: "--on"]) {
      try registry.joinGroup(unit: unitID, group: groupID, on: day, role: lead ? .lead : .member)
    }
    Terminal.say(Interface.texts.groupJoined(result))
  }
}
