import ArgumentParser
import GongjianPresentation
import GongjianRegistry

/// `history [UNIT]` lists the changes; `history purge` is its one subcommand. Listing is the
/// default, so a unit's name is never mistaken for a subcommand.
struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history", abstract: help(.historyAbstract), discussion: help(.historyDiscussion),
    subcommands: [HistoryList.self, HistoryPurge.self], defaultSubcommand: HistoryList.self)
}

struct HistoryList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: help(.historyAbstract), discussion: help(.historyDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.historyUnit, value: .valueUnit))
  var unit: String?

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let unit = try self.unit.map { try registry.resolveUnit($0) }
    // History holds contacts' phone numbers: a file is for its owner only, as every output.
    try output.write(
      ListingColumns.history, listing: .history(unit: unit?.name), of: registry, footer: Interface.texts.changeCount
    ) { add in
      try registry.forEachHistoryEntry(unit: unit?.id, add)
    }
  }
}
