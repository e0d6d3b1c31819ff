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
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    let writer = output.writer(ListsColumns.needs, to: sink, format: format)
    var count = 0
    try Arguments.naming([.category: "--category"]) {
      try registry.forEachNeed(NeedFilter(status: status, overdue: overdue, category: category)) {
        writer.add($0)
        count += 1
      }
    }
    writer.finish(footer: Interface.texts.listCount(.need, count))
    try sink.finish()
  }
}
