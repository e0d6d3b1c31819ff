import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ResourceWithdraw: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "withdraw", abstract: help(.resourceWithdrawAbstract))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.resourceArgument, value: .valueResource))
  var resource: String

  @Option(help: help(.resourceWithdrawOn, value: .valueDate))
  var on: String

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.day(on, option: "--on", field: .withdrawnOn, today: registry.today)
    let id = ResourceID(try registry.resolveResource(resource).id)
    let withdrawn = try Arguments.naming(Arguments.listOptions) { try registry.withdrawResource(id, on: day) }
    Terminal.say(Interface.texts.resourceWithdrawn(withdrawn))
  }
}
