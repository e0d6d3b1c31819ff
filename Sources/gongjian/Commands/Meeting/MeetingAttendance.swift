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
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let report = try registry.participation(
      year: try registry.checkedYear(year, option: "--year") ?? registry.today.year)
    try output.write(
      MeetingColumns.participation, listing: .attendance(year: report.year), of: registry,
      footer: { _ in Interface.texts.participationFooter(report) }
    ) { add in report.rows.forEach(add) }
  }
}
