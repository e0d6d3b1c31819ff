import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history", abstract: help(.historyAbstract), discussion: help(.historyDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.historyUnit, value: .valueUnit))
  var unit: String?

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let unitID = try unit.map { try registry.resolveUnit($0).id }
    // History holds contacts' phone numbers: the file is for its owner only.
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    let writer = output.writer(ListingColumns.history, to: sink, format: format)
    var count = 0
    try registry.forEachHistoryEntry(unit: unitID) {
      writer.add($0)
      count += 1
    }
    writer.finish(footer: Interface.texts.changeCount(count))
    try sink.finish()
  }
}
