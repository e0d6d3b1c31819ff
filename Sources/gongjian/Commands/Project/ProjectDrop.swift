import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ProjectDrop: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "drop", abstract: help(.projectDropAbstract))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.projectArgument, value: .valueProject))
  var project: String

  @Option(help: help(.projectStepOn, value: .valueDate))
  var on: String

  func run() throws { try ProjectStepRunner.run(.drop, project: project, on: on, registry: registry) }
}
