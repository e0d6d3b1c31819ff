import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ResourceList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: help(.resourceListAbstract))

  @OptionGroup var registry: RegistryOptions

  @Option(help: help(.resourceListUnit, value: .valueUnit))
  var unit: String?

  @Option(help: help(.resourceListCategory, value: .valueCategory))
  var category: String?

  @Option(name: .customLong("available-on"), help: help(.resourceListAvailableOn, value: .valueDate))
  var availableOn: String?

  @Flag(help: ArgumentHelp(help(.resourceListAll)))
  var all = false

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    if all && availableOn != nil { throw UsageMistake.allWithActive }
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let filter = ResourceFilter(
      unit: try unit.map { try registry.resolveUnit($0).id }, category: category,
      availableOn: try Arguments.optionalDay(
        availableOn, option: "--available-on", field: .availableFrom, today: registry.today),
      all: all)
    try Arguments.naming([.category: "--category"]) {
      try output.write(
        ListsColumns.resources, listing: .list(.resources), of: registry,
        footer: { Interface.texts.listCount(.resource, $0) }
      ) { add in try registry.forEachResource(filter, add) }
    }
  }
}
