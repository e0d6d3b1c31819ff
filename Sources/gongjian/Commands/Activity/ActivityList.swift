import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ActivityList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: help(.activityListAbstract))

  @OptionGroup var registry: RegistryOptions

  @Option(help: help(.activityListProject, value: .valueProject))
  var project: String?

  @Option(help: help(.activityListUnit, value: .valueUnit))
  var unit: String?

  @Option(help: help(.activityListYear, value: .valueYear))
  var year: Year?

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let filter = ActivityFilter(
      project: try project.map { ProjectID(try registry.resolveProject($0).id) },
      unit: try unit.map { try registry.resolveUnit($0).id }, year: try registry.checkedYear(year, option: "--year"))
    try output.write(
      ListsColumns.activities, listing: .list(.activities), of: registry,
      footer: { Interface.texts.listCount(.activity, $0) }
    ) { add in try registry.forEachActivity(filter, add) }
  }
}
