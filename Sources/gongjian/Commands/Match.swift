import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Match: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "match", abstract: help(.matchAbstract), discussion: help(.matchDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.matchNeed, value: .valueNeed))
  var need: String

  @Option(help: help(.matchLimit, value: .valueCount))
  var limit: Int = 10

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    guard (1...100).contains(limit) else { throw ListUsageMistake.limitOutOfRange(limit) }
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let result = try registry.match(NeedID(registry.resolveNeed(need).id), limit: limit)
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    if format == .table { sink.write(TerminalText.sanitize(Interface.texts.matchHeading(result)) + "\n") }
    let writer = output.writer(ListsColumns.matches, to: sink, format: format)
    result.suggestions.forEach(writer.add)
    writer.finish(footer: result.suggestions.isEmpty ? Interface.texts.matchNone : nil)
    try sink.finish()
  }
}
