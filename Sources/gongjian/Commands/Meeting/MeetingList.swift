import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct MeetingList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: help(.meetingListAbstract))

  @OptionGroup var registry: RegistryOptions

  @Option(help: help(.meetingListYear, value: .valueYear))
  var year: Year?

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let year = try registry.checkedYear(year, option: "--year")
    let meetings = try registry.meetings(year: year)
    try output.write(
      MeetingColumns.meetings, listing: .meetings(year: year), of: registry,
      footer: { Interface.texts.meetingCount($0) }
    ) { add in meetings.forEach(add) }
  }
}
