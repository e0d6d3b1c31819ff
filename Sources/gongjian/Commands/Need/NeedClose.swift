import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct NeedClose: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "close", abstract: help(.needCloseAbstract))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.needArgument, value: .valueNeed))
  var need: String

  @Option(help: help(.needCloseOn, value: .valueDate))
  var on: String

  @Flag(help: ArgumentHelp(help(.needCloseMet)))
  var met = false

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.day(on, option: "--on", field: .statusOn, today: registry.today)
    let id = NeedID(try registry.resolveNeed(need).id)
    let closed = try Arguments.naming(Arguments.listOptions) { try registry.closeNeed(id, on: day, met: met) }
    Terminal.say(Interface.texts.needClosed(closed))
  }
}
