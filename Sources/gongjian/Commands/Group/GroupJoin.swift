import ArgumentParser
import GongjianRegistry

struct GroupJoin: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "join",
    abstract: "Put a unit into a working group (or change its role there).",
    discussion:
      "The unit must be in the alliance on that day. With --lead an existing member becomes the lead from that day."
  )

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("The unit: id, name or part of the name.", valueName: "unit"))
  var unit: String

  @Argument(help: ArgumentHelp("The group: id, name or part of the name.", valueName: "group"))
  var group: String

  @Option(help: ArgumentHelp("From which day (default: today).", valueName: "date"))
  var on: String?

  @Flag(help: "As lead unit (牵头单位) rather than member (成员单位).")
  var lead = false

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.optionalDay(on, option: "--on", today: registry.today)
    let result = try Arguments.naming([.joinedOn: "--on"]) {
      try registry.joinGroup(unit: unit, group: group, on: day, role: lead ? .lead : .member)
    }
    let role = lead ? GroupRole.lead : .member
    switch result.outcome {
    case .joined(let since):
      print("#\(result.unit.id) \(result.unit.name) joined \(result.group.name) as \(role.chinese) from \(since).")
    case .roleChanged(let previous, let since):
      print(
        "#\(result.unit.id) \(result.unit.name) is \(role.chinese) of \(result.group.name) from \(since) (was \(previous.chinese))."
      )
    }
  }
}
