import ArgumentParser
import GongjianPresentation
import GongjianRegistry

/// The formats of the district report.
enum DistrictReportFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json, xlsx, html
}

struct DistrictReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: help(.districtReportAbstract), discussion: help(.districtReportDiscussion))

  @Argument(help: help(.districtFiles, value: .valueFiles))
  var files: [String]

  @Option(help: help(.reportFrom, value: .valueYear))
  var from: Year?

  @Option(help: help(.reportTo, value: .valueYear))
  var to: Year?

  @Option(help: help(.reportPeriod, value: .valuePeriod))
  var period: PeriodLength = .year

  @Option(help: help(.districtReportFormat, value: .valueFormat))
  var format: DistrictReportFormat?

  @Option(name: [.customShort("o"), .customLong("output")], help: help(.districtOutput, value: .valueFile))
  var outputPath: String?

  @Flag(name: .customLong("skip-bad"), help: ArgumentHelp(help(.districtSkipBad)))
  var skipBad = false

  @OptionGroup var today: TodayOptions

  func run() throws {
    let format =
      try OutputFile.format(
        explicit: format, path: outputPath,
        byExtension: ["csv": .csv, "json": .json, "xlsx": .xlsx, "html": .html, "htm": .html, "txt": .table])
      ?? .table
    if format == .xlsx && outputPath == nil { throw UsageMistake.workbookNeedsFile }
    let request = DistrictRequest(
      from: try Year.checked(from, option: "--from"), to: try Year.checked(to, option: "--to"), period: period,
      skipUnreadable: skipBad)
    let today = try self.today.today()
    let paths = try District.files(files)
    let report = try District.report(paths, request, today: today)
    DistrictOutput.warn(report.skipped)
    let texts = Interface.texts
    if format == .xlsx, let outputPath {
      try DistrictOutput.workbook(path: outputPath, protecting: paths) { descriptor, destination in
        try DistrictWorkbook.report(report, descriptor: descriptor, path: destination, language: Interface.language)
      }
    } else {
      let sink = try OutputSink(path: outputPath, protecting: paths, mode: 0o600)
      let color = sink.isTerminal && Terminal.colorAllowed()
      switch format {
      case .table: sink.write(DistrictText.table(report, texts: texts, language: Interface.language, color: color))
      case .csv: sink.write(DistrictText.csv(report))
      case .json: sink.write(DistrictText.json(report).prettyText + "\n")
      case .html: sink.write(DistrictHTML.render(report, texts: texts, language: Interface.language))
      case .xlsx: break
      }
      try sink.finish()
    }
    if let outputPath { Terminal.printNote(texts.wroteReport(path: outputPath, format: format.rawValue)) }
  }
}
