import ArgumentParser
import GongjianRegistry

struct Withdraw: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "withdraw",
    abstract: "Record that a unit left the alliance: closes its period and its working-group memberships."
  )

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("The unit: id, name or part of the name.", valueName: "unit"))
  var unit: String

  @Option(help: ArgumentHelp("The day it left.", valueName: "date"))
  var on: String

  @Option(help: ArgumentHelp("Why, e.g. 单位合并.", valueName: "text"))
  var reason: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.day(on, option: "--on", today: registry.today)
    let result = try Arguments.naming([.leftOn: "--on", .leftReason: "--reason"]) {
      try registry.withdraw(unit, on: day, reason: reason)
    }
    var text = "Withdrew #\(result.unit.id) \(result.unit.name): in the alliance \(result.joinedOn) – \(result.leftOn)"
    if !result.closedGroups.isEmpty {
      text += "; left the working groups " + result.closedGroups.joined(separator: "、")
    }
    print(text)
  }
}
