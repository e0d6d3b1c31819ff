import ArgumentParser
import GongjianRegistry

/// The formats of the growth report: the listing ones and three pictures.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json, chart, svg, html
}

extension PeriodLength: ExpressibleByArgument {}
extension GrowthRequest.Breakdown: ExpressibleByArgument {}

struct ReportGrowth: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "growth",
    abstract: "How the alliance grew: joined, left, net and total units per year, quarter or month.",
    discussion: """
      The total of a period is the number of units in the alliance on its last day (today for the \
      current period), so the total of 2016 is what `list --active-in 2016` lists. For every period \
      total = previous total + joined - left. Default range: the year of the first joining to this year.

      Formats: table (with the summary line), csv, json, chart (bars in the terminal), svg (a chart \
      for a slide) and html (a page with the chart and the table). -o FILE picks the format from \
      .csv, .json, .svg, .html or .txt.
      """
  )

  @OptionGroup var registry: RegistryOptions

  @Option(help: ArgumentHelp("First year (default: the year of the first joining).", valueName: "year"))
  var from: Int?

  @Option(help: ArgumentHelp("Last year (default: this year).", valueName: "year"))
  var to: Int?

  @Option(help: "Period length: year, quarter or month.")
  var period: PeriodLength = .year

  @Option(help: ArgumentHelp("Count the memberships of this working group.", valueName: "group"))
  var group: String?

  @Option(help: ArgumentHelp("Only units of this kind, e.g. 高校.", valueName: "kind"))
  var kind: String?

  @Option(help: "One total column per kind or per working group.")
  var by: GrowthRequest.Breakdown?

  @Option(help: "Output format: table, csv, json, chart, svg or html.")
  var format: ReportFormat?

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write to this file; its extension picks the format.", valueName: "file"))
  var outputPath: String?

  func run() throws {
    let format =
      try OutputFile.format(
        explicit: format, path: outputPath,
        byExtension: ["csv": .csv, "json": .json, "svg": .svg, "html": .html, "htm": .html, "txt": .table])
      ?? .table
    let registry = try self.registry.open(.read)
    let request = GrowthRequest(
      from: try Arguments.year(from, option: "--from"), to: try Arguments.year(to, option: "--to"), period: period,
      group: group, kind: kind, by: by)
    let report = try registry.growth(request)
    let sink = try OutputSink(path: outputPath, protecting: registry.path)
    let color = sink.isTerminal && Terminal.colorAllowed()
    switch format {
    case .table: sink.write(GrowthText.table(report, color: color))
    case .csv: sink.write(GrowthText.csv(report))
    case .json: sink.write(GrowthText.json(report).prettyText + "\n")
    case .chart: sink.write(TerminalChart.render(report, width: TerminalChart.availableWidth(), color: color))
    case .svg: sink.write(GrowthSVG.render(report))
    case .html: sink.write(GrowthHTML.render(report))
    }
    try sink.finish()
    if let outputPath {
      Terminal.printNote("Wrote the growth report (\(format.rawValue)) to \(outputPath).")
    }
  }
}
