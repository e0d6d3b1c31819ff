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
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let meetings = try registry.meetings(year: try registry.checkedYear(year, option: "--year"))
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    let writer = output.writer(MeetingColumns.meetings, to: sink, format: format)
    meetings.forEach(writer.add)
    writer.finish(footer: Interface.texts.meetingCount(meetings.count))
    try sink.finish()
  }
}
