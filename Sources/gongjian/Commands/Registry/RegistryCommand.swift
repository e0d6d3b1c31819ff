import ArgumentParser
import GongjianPresentation

struct RegistryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "registry", abstract: help(.registryAbstract), subcommands: [RegistryShow.self, RegistrySet.self])
}
