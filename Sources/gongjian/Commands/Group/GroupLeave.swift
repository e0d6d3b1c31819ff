import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct GroupLeave: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "leave", abstract: help(.groupLeaveAbstract))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.showUnit, value: .valueUnit))
  var unit: String

  @Argument(help: help(.groupShowGroup, value: .valueGroup))
  var group: String

  @Option(help: help(.groupLeaveOn, value: .valueDate))
  var on: String

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.day(on, option: "--on", field: .leftOn, today: registry.today)
    let unitID = try registry.resolveUnit(unit).id
    let groupID = try registry.resolveGroup(group).id
    let result = try Arguments.naming([.leftOn: "--on"]) {
      try registry.leaveGroup(unit: unitID, group: groupID, on: day)
    }
    Terminal.say(Interface.texts.groupLeft(result))
  }
}
