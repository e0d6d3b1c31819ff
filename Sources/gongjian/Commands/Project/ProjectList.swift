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
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let filter = ProjectFilter(
      status: status, unit: try unit.map { try registry.resolveUnit($0).id },
      year: try registry.checkedYear(year, option: "--year"))
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    let writer = output.writer(ListsColumns.projects, to: sink, format: format)
    var count = 0
    try registry.forEachProject(filter) {
      writer.add($0)
      count += 1
    }
    writer.finish(footer: Interface.texts.listCount(.project, count))
    try sink.finish()
  }
}
