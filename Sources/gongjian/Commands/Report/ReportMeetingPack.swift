import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ReportMeetingPack: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "meeting-pack", abstract: help(.packAbstract), discussion: help(.packDiscussion))

  enum Format: String, ExpressibleByArgument, CaseIterable { case html, xlsx }

  @OptionGroup var registry: RegistryOptions

  @Option(help: help(.packYear, value: .valueYear))
  var year: Year

  @Option(help: help(.packFormat, value: .valueFormat))
  var format: Format?

  @Option(name: [.customShort("o"), .customLong("output")], help: help(.packOutput, value: .valueFile))
  var outputPath: String?

  func run() throws {
    let format =
      try OutputFile.format(
        explicit: format, path: outputPath, byExtension: ["html": .html, "htm": .html, "xlsx": .xlsx])
      ?? .html
    if format == .xlsx && outputPath == nil { throw UsageMistake.workbookNeedsFile }
    let registry = try self.registry.open(.read)
    guard let year = try registry.checkedYear(year, option: "--year") else { return }
    let pack = try registry.meetingPack(year: year)
    switch format {
    case .html:
      let sink = try OutputSink(path: outputPath, protecting: registry.path)
      sink.write(MeetingPackHTML.render(pack, language: Interface.language))
      try sink.finish()
    case .xlsx:
      guard let outputPath else { throw UsageMistake.workbookNeedsFile }
      try MeetingPackWorkbook.write(pack, language: Interface.language, to: outputPath, protecting: registry.path)
    }
    if let outputPath { Terminal.printNote(Interface.texts.wroteReport(path: outputPath, format: format.rawValue)) }
  }
}
