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
    // On the terminal the heading says which need the resources are ranked for; a file and
    // a printed page carry it as their title.
    if format == .table && output.outputPath == nil {
      Terminal.say(TerminalText.sanitize(Interface.texts.matchHeading(result)))
    }
    try output.write(
      ListsColumns.matches, listing: .matches(result), of: registry,
      footer: { $0 == 0 ? Interface.texts.matchNone : nil }
    ) { add in result.suggestions.forEach(add) }
  }
}
