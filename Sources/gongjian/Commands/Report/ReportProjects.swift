import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ReportProjects: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "projects", abstract: help(.reportProjectsAbstract), discussion: help(.reportProjectsDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Option(help: help(.reportFrom, value: .valueYear))
  var from: Year?

  @Option(help: help(.reportTo, value: .valueYear))
  var to: Year?

  @Option(help: help(.reportPeriod, value: .valuePeriod))
  var period: PeriodLength = .year

  @Option(help: help(.reportProjectsCategory, value: .valueCategory))
  var category: String?

  @Option(help: help(.reportFormatWithWorkbook, value: .valueFormat))
  var format: ListReportFormat?

  @Option(name: [.customShort("o"), .customLong("output")], help: help(.optionOutput, value: .valueFile))
  var outputPath: String?

  func run() throws {
    let format = try ListReportFormat.resolve(format, path: outputPath)
    let registry = try self.registry.open(.read)
    let request = ProjectReportRequest(
      from: try registry.checkedYear(from, option: "--from"), to: try registry.checkedYear(to, option: "--to"),
      period: period, category: category)
    let report = try Arguments.naming([.category: "--category"]) { try registry.projectReport(request) }
    let language = Interface.language
    if format == .xlsx, let outputPath {
      try Workbook.write(
        ProjectReportRender.workbook(report, language: language),
        title: Interface.texts.projectReportTitle(subdistrict: report.subdistrict), to: outputPath,
        protecting: registry.path)
      Terminal.printNote(Interface.texts.wroteReport(path: outputPath, format: format.rawValue))
      return
    }
    let sink = try OutputSink(path: outputPath, protecting: registry.path)
    let color = sink.isTerminal && Terminal.colorAllowed()
    switch format {
    case .table, .xlsx: sink.write(ProjectReportRender.table(report, language: language, color: color))
    case .csv: sink.write(ProjectReportRender.csv(report))
    case .json: sink.write(ProjectReportRender.json(report).prettyText + "\n")
    case .chart:
      let width = TerminalChart.availableWidth(columnsVariable: ProcessEnvironment.variables["COLUMNS"])
      sink.write(ProjectReportRender.chart(report, language: language, width: width, color: color))
    case .svg: sink.write(ProjectReportRender.svg(report, language: language))
    case .html: sink.write(ProjectReportRender.html(report, language: language))
    }
    try sink.finish()
    if let outputPath { Terminal.printNote(Interface.texts.wroteReport(path: outputPath, format: format.rawValue)) }
  }
}
