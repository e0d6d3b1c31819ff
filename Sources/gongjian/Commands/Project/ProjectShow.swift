import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ProjectShow: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: help(.projectShowAbstract))

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.projectArgument, value: .valueProject))
  var project: String

  @Option(help: help(.showFormat, value: .valueFormat))
  var format: Show.Format = .table

  func run() throws {
    let registry = try self.registry.open(.read)
    let detail = try registry.projectDetail(ProjectID(registry.resolveProject(project).id))
    switch format {
    case .json: print(ListSheet.projectJSON(detail).prettyText)
    case .table: print(ListSheet.project(detail, language: Interface.language), terminator: "")
    }
  }
}
