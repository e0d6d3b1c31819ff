import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ProjectStart: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "start", abstract: help(.projectStartAbstract))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.projectArgument, value: .valueProject))
  var project: String

  @Option(help: help(.projectStepOn, value: .valueDate))
  var on: String

  func run() throws { try ProjectStepRunner.run(.start, project: project, on: on, registry: registry) }
}

/// What `project start`, `finish` and `drop` share: resolve, move the project forward, say so.
enum ProjectStepRunner {
  static func run(_ step: ProjectStep, project: String, on: String, registry options: ChangingRegistryOptions) throws {
    let registry = try options.open(.write)
    let day = try Arguments.day(on, option: "--on", field: .statusOn, today: registry.today)
    let id = ProjectID(try registry.resolveProject(project).id)
    let project = try Arguments.naming(Arguments.listOptions) { try registry.advanceProject(id, step, on: day) }
    Terminal.say(Interface.texts.projectAdvanced(project))
  }
}
