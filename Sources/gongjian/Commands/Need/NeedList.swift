import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct NeedList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: help(.needListAbstract))

  @OptionGroup var registry: RegistryOptions

  @Option(help: help(.needListStatus, value: .valueStatus))
  var status: NeedStatus?

  @Flag(help: ArgumentHelp(help(.needListOverdue)))
  var overdue = false

  @Option(help: help(.needListCategory, value: .valueCategory))
  var category: String?

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    if overdue, let status, status != .open { throw ListUsageMistake.overdueWithStatus }
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let filter = NeedFilter(status: status, overdue: overdue, category: category)
    try Arguments.naming([.category: "--category"]) {
      try output.write(
        ListsColumns.needs, listing: .list(.needs), of: registry, footer: { Interface.texts.listCount(.need, $0) }
      ) { add in try registry.forEachNeed(filter, add) }
    }
  }
}
