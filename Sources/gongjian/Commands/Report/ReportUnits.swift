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
    let report = try registry.unitReport(year: try registry.checkedYear(year, option: "--year"))
    let rows = idle ? report.rows.filter(\.idle) : report.rows
    let language = Interface.language
    if format == .xlsx, let outputPath {
      try Workbook.write(
        UnitReportRender.workbook(report, rows: rows, language: language),
        title: UnitReportRender.title(report, texts: Interface.texts), to: outputPath, protecting: registry.path)
      Terminal.printNote(Interface.texts.wroteReport(path: outputPath, format: format.rawValue))
      return
    }
    let sink = try OutputSink(path: outputPath, protecting: registry.path)
    let color = sink.isTerminal && Terminal.colorAllowed()
    switch format {
    case .table, .xlsx: sink.write(UnitReportRender.table(report, rows: rows, language: language, color: color))
    case .csv: sink.write(UnitReportRender.csv(rows))
    case .json: sink.write(UnitReportRender.json(rows).prettyText + "\n")
    case .chart:
      let width = TerminalChart.availableWidth(columnsVariable: ProcessEnvironment.variables["COLUMNS"])
      sink.write(UnitReportRender.chart(report, rows: rows, language: language, width: width, color: color))
    case .svg: sink.write(UnitReportRender.svg(report, rows: rows, language: language))
    case .html: sink.write(UnitReportRender.html(report, rows: rows, language: language))
    }
    try sink.finish()
    if let outputPath { Terminal.printNote(Interface.texts.wroteReport(path: outputPath, format: format.rawValue)) }
  }
}
