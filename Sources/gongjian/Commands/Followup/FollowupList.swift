import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct FollowupList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: help(.followupListAbstract), discussion: help(.followupListDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Flag(help: ArgumentHelp(help(.followupListOpen)))
  var open = false

  @Option(help: help(.followupListYear, value: .valueYear))
  var year: Year?

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let year = try registry.checkedYear(year, option: "--year")
    let followups = try registry.followupList(year: year, openOnly: open)
    try output.write(
      MeetingColumns.followups, listing: .followups(year: year, openOnly: open), of: registry,
      footer: { _ in Interface.texts.followupCount(followups) }
    ) { add in followups.forEach(add) }
  }
}
