import ArgumentParser
import GongjianPresentation
import GongjianRegistry

/// The formats of the growth report: the listing ones and three pictures.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json, chart, svg, html, xlsx
}

extension PeriodLength: ExpressibleByArgument {}
extension GrowthRequest.Breakdown: ExpressibleByArgument {}

struct ReportGrowth: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "growth", abstract: help(.reportGrowthAbstract), discussion: help(.reportGrowthDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Option(help: help(.reportFrom, value: .valueYear))
  var from: Year?

  @Option(help: help(.reportTo, value: .valueYear))
  var to: Year?

  @Option(help: help(.reportPeriod, value: .valuePeriod))
  var period: PeriodLength = .year

  @Option(help: help(.reportGroup, value: .valueGroup))
  var group: String?

  @Option(help: help(.reportKind, value: .valueKind))
  var kind: String?

  @Option(help: help(.reportBy, value: .valueBreakdown))
  var by: GrowthRequest.Breakdown?

  @Option(help: help(.reportFormat, value: .valueFormat))
  var format: ReportFormat?

  @Option(name: [.customShort("o"), .customLong("output")], help: help(.optionOutput, value: .valueFile))
  var outputPath: String?

  @Flag(inversion: .prefixedNo, help: ArgumentHelp(help(.optionBOM)))
  var bom: Bool?

  func run() throws {
    let format =
      try OutputFile.format(
        explicit: format, path: outputPath,
        byExtension: [
          "csv": .csv, "json": .json, "svg": .svg, "html": .html, "htm": .html, "txt": .table, "xlsx": .xlsx,
        ])
      ?? .table
    if bom != nil && format != .csv { throw UsageMistake.bomNotCSV }
    if format == .xlsx && outputPath == nil { throw UsageMistake.workbookNeedsFile }
    let registry = try self.registry.open(.read)
    let request = GrowthRequest(
      from: try registry.checkedYear(from, option: "--from"), to: try registry.checkedYear(to, option: "--to"),
      period: period,
      group: try group.map { try registry.resolveGroup($0).id }, kind: kind, by: by)
    let report = try registry.growth(request)
    let sink = try OutputSink(path: outputPath, protecting: registry.path, seekable: format == .xlsx)
    let color = sink.isTerminal && Terminal.colorAllowed()
    let texts = Interface.texts
    switch format {
    case .table:
      let width = outputPath == nil ? Terminal.width() : nil
      sink.write(GrowthText.table(report, texts: texts, language: Interface.language, color: color, maxWidth: width))
    case .csv:
      if OutputFile.wantsBOM(bom, path: outputPath) { sink.write("\u{FEFF}") }
      sink.write(GrowthText.csv(report))
    case .xlsx:
      let writer = ListingWriter(
        columns: GrowthColumns.columns(report), format: .xlsx, output: sink, language: Interface.language,
        presentation: ListingPresentation(title: texts.growthTitle(subdistrict: report.subdistrict)))
      report.rows.forEach(writer.add)
      try writer.finish()
    case .json: sink.write(GrowthText.json(report).prettyText + "\n")
    case .chart:
      let width = TerminalChart.availableWidth(columnsVariable: ProcessEnvironment.variables["COLUMNS"])
      sink.write(TerminalChart.render(report, texts: texts, width: width, color: color))
    case .svg: sink.write(GrowthSVG.render(report, texts: texts))
    case .html: sink.write(GrowthHTML.render(report, texts: texts, language: Interface.language))
    }
    try sink.finish()
    if let outputPath { Terminal.printNote(texts.wroteReport(path: outputPath, format: format.rawValue)) }
  }
}
