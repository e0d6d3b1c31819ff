import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct RegistryShow: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: help(.registryShowAbstract))

  @OptionGroup var registry: RegistryOptions

  func run() throws {
    let registry = try self.registry.open(.read)
    Terminal.say(Interface.texts.registryDetails(try registry.registrySettings(), path: registry.path))
  }
}
