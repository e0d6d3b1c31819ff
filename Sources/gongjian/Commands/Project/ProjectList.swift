import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ProjectList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: help(.projectListAbstract))

  @OptionGroup var registry: RegistryOptions

  @Option(help: help(.projectListStatus, value: .valueStatus))
  var status: ProjectStatus?

  @Option(help: help(.projectListUnit, value: .valueUnit))
  var unit: String?

  @Option(help: help(.projectListYear, value: .valueYear))
  var year: Year?

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let filter = ProjectFilter(
      status: status, unit: try unit.map { try registry.resolveUnit($0).id },
      year: try registry.checkedYear(year, option: "--year"))
    try output.write(
      ListsColumns.projects, listing: .list(.projects), of: registry,
      footer: { Interface.texts.listCount(.project, $0) }
    ) { add in try registry.forEachProject(filter, add) }
  }
}
