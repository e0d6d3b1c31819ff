import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct MeetingAttendance: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attendance", abstract: help(.meetingAttendanceAbstract),
    discussion: help(.meetingAttendanceDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Option(help: help(.meetingAttendanceYear, value: .valueYear))
  var year: Year?

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let report = try registry.participation(
      year: try registry.checkedYear(year, option: "--year") ?? registry.today.year)
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    let writer = output.writer(MeetingColumns.participation, to: sink, format: format)
    report.rows.forEach(writer.add)
    writer.finish(footer: Interface.texts.participationFooter(report))
    try sink.finish()
  }
}
