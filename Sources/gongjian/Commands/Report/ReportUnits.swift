import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ReportUnits: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "units", abstract: help(.reportUnitsAbstract), discussion: help(.reportUnitsDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Option(help: help(.reportUnitsYear, value: .valueYear))
  var year: Year?

  @Flag(help: ArgumentHelp(help(.reportUnitsIdle)))
  var idle = false

  @Option(help: help(.reportFormatWithWorkbook, value: .valueFormat))
  var format: ListReportFormat?

  @Option(name: [.customShort("o"), .customLong("output")], help: help(.optionOutput, value: .valueFile))
  var outputPath: String?

  func run() throws {
    let format = try ListReportFormat.resolve(format, path: outputPath)
    let registry = try self.registry.open(.read)
    let year = try registry.checkedYear(year, option: "--year")
    let language = Interface.language
    switch format {
    case .table, .csv, .json, .xlsx:
      // Streamed: written as the rows come, whatever the number of units.
      try stream(format, registry: registry, year: year, language: language)
      return
    case .chart, .svg, .html:
      break
    }
    let report = try registry.unitReport(year: year)
    let rows = idle ? report.rows.filter(\.idle) : report.rows
    let sink = try OutputSink(path: outputPath, protecting: registry.path)
    let color = sink.isTerminal && Terminal.colorAllowed()
    switch format {
    case .chart:
      let width = TerminalChart.availableWidth(columnsVariable: ProcessEnvironment.variables["COLUMNS"])
      sink.write(UnitReportRender.chart(report, rows: rows, language: language, width: width, color: color))
    case .svg: sink.write(UnitReportRender.svg(report, rows: rows, language: language))
    default: sink.write(UnitReportRender.html(report, rows: rows, language: language))
    }
    try sink.finish()
    if let outputPath { Terminal.printNote(Interface.texts.wroteReport(path: outputPath, format: format.rawValue)) }
  }

  private func stream(_ format: ListReportFormat, registry: Registry, year: Int?, language: Language) throws {
    if format == .xlsx, let outputPath {
      let workbook = try WorkbookStream(path: outputPath, protecting: registry.path)
      let stream = UnitReportStream(.workbook(workbook), output: nil, language: language, idleOnly: idle)
      try registry.forEachUnitYear(year: year, begin: stream.begin, row: stream.add)
      try stream.finish()
      Terminal.printNote(Interface.texts.wroteReport(path: outputPath, format: format.rawValue))
      return
    }
    let sink = try OutputSink(path: outputPath, protecting: registry.path)
    let kind: UnitReportStream.Format =
      switch format {
      case .csv: .csv
      case .json: .json
      default: .table(color: sink.isTerminal && Terminal.colorAllowed())
      }
    let stream = UnitReportStream(kind, output: sink, language: language, idleOnly: idle)
    try registry.forEachUnitYear(year: year, begin: stream.begin, row: stream.add)
    try stream.finish()
    try sink.finish()
    if let outputPath { Terminal.printNote(Interface.texts.wroteReport(path: outputPath, format: format.rawValue)) }
  }
}
