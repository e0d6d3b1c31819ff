import ArgumentParser
import GongjianRegistry

struct GroupLeave: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "leave", abstract: "End a unit's membership of a working group.")

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("The unit: id, name or part of the name.", valueName: "unit"))
  var unit: String

  @Argument(help: ArgumentHelp("The group: id, name or part of the name.", valueName: "group"))
  var group: String

  @Option(help: ArgumentHelp("The day it left the group.", valueName: "date"))
  var on: String

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.day(on, option: "--on", today: registry.today)
    let result = try Arguments.naming([.leftOn: "--on"]) { try registry.leaveGroup(unit: unit, group: group, on: day) }
    print("#\(result.unit.id) \(result.unit.name) left \(result.group.name) on \(day) (member since \(result.since)).")
  }
}
