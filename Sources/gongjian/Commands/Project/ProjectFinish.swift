import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ProjectFinish: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "finish", abstract: help(.projectFinishAbstract))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.projectArgument, value: .valueProject))
  var project: String

  @Option(help: help(.projectStepOn, value: .valueDate))
  var on: String

  func run() throws { try ProjectStepRunner.run(.finish, project: project, on: on, registry: registry) }
}
