import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct UserRemove: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "remove", abstract: help(.userRemoveAbstract))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.userRemoveName, value: .valueName))
  var name: String

  func run() throws {
    let registry = try self.registry.open(.write)
    Terminal.say(Interface.texts.accountRemoved(try registry.removeAccount(name: name)))
  }
}
