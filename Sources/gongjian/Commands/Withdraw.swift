import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Withdraw: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "withdraw", abstract: help(.withdrawAbstract), discussion: help(.withdrawDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.showUnit, value: .valueUnit))
  var unit: String

  @Option(help: help(.withdrawOn, value: .valueDate))
  var on: String

  @Option(help: help(.withdrawReason, value: .valueText))
  var reason: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.day(on, option: "--on", field: .leftOn, today: registry.today)
    let id = try registry.resolveUnit(unit).id
    let result = try Arguments.naming([.leftOn: "--on", .leftReason: "--reason"]) {
      try registry.withdraw(id, on: day, reason: reason)
    }
    Terminal.say(Interface.texts.withdrew(result))
  }
}
