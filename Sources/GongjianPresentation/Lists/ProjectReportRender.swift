import GongjianRegistry
@preconcurrency import Rainbow

/// `report projects` in every format: a table with the figures by category and the totals, CSV
/// and JSON of the periods, horizontal bars in the terminal, an SVG chart for a slide, an HTML
/// page and a workbook.
public enum ProjectReportRender {
  static func scope(_ report: ProjectReport, texts: any Catalogue) -> String {
    texts.projectReportScope(
      first: report.rows.first?.label, last: report.rows.last?.label, period: report.request.period,
      category: report.request.category)
  }

  public static func title(_ report: ProjectReport, texts: any Catalogue) -> String {
    texts.projectReportTitle(subdistrict: report.subdistrict) + " · " + scope(report, texts: texts)
  }

  public static func table(_ report: ProjectReport, language: Language, color: Bool) -> String {
    let texts = language.texts
    let output = StringOutput()
    output.write(title(report, texts: texts) + "\n\n")
    let writer = ListingWriter(
      columns: ListsColumns.projectReport(report.request.period), format: .table, output: output, language: language,
      presentation: ListingPresentation(title: "", color: color))
    report.rows.forEach(writer.add)
    try? writer.finish()  // Text written to a string cannot fail.
    if report.rows.isEmpty { output.write(texts.growthNoPeriods + "\n") }
    if !report.categories.isEmpty {
      output.write("\n" + texts.projectReportByCategory + "\n")
      let categories = ListingWriter(
        columns: ListsColumns.categories, format: .table, output: output, language: language,
        presentation: ListingPresentation(title: "", color: color))
      report.categories.forEach(categories.add)
      try? categories.finish()  // Text written to a string cannot fail.
    }
    output.write("\n" + texts.projectReportSummary(report.total) + "\n")
    return TerminalText.sanitize(output.text)
  }

  public static func csv(_ report: ProjectReport) -> String {
    let output = StringOutput()
    let writer = ListingWriter(
      columns: ListsColumns.projectReport(report.request.period), format: .csv, output: output, language: .en)
    report.rows.forEach(writer.add)
    try? writer.finish()  // Text written to a string cannot fail.
    return output.text
  }

  /// `{"period": "year", "rows": [...], "categories": [...], "summary": {...}}`.
  public static func json(_ report: ProjectReport) -> JSONValue {
    let rows = report.rows.map { jsonObject(ListsColumns.projectReport(report.request.period), $0) }
    let categories = report.categories.map { jsonObject(ListsColumns.categories, $0) }
    var summary = jsonPairs(ListsColumns.figures { (total: ProjectFigures) in total }, report.total)
    summary.insert(("to", .optional(report.rows.last?.label)), at: 0)
    summary.insert(("from", .optional(report.rows.first?.label)), at: 0)
    return .object([
      "period": .string(report.request.period.rawValue), "category": .optional(report.request.category),
      "rows": .array(rows), "categories": .array(categories), "summary": .object(JSONValue.KeyValuePairs(summary)),
    ])
  }

  /// Bars in the terminal: each period's needs raised, claimed and met, and projects done.
  public static func chart(_ report: ProjectReport, language: Language, width: Int, color: Bool) -> String {
    let texts = language.texts
    var text = title(report, texts: texts) + "\n\n"
    guard !report.rows.isEmpty else { return TerminalText.sanitize(text + texts.growthNoPeriods + "\n") }
    let labels = report.rows.map { texts.periodLabel($0.label, length: report.request.period) }
    let series: [(String, (ProjectFigures) -> Int)] = [
      (texts.chartNeedsRaised, { $0.needsRaised }), (texts.chartNeedsClaimed, { $0.needsClaimed }),
      (texts.chartNeedsMet, { $0.needsMet }), (texts.chartProjectsDone, { $0.projectsDone }),
    ]
    let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
    let seriesWidth = series.map { DisplayWidth.of($0.0) }.max() ?? 0
    let maximum = report.rows.flatMap { row in series.map { $0.1(row.figures) } }.max() ?? 0
    let barWidth = max(10, width - labelWidth - seriesWidth - String(maximum).count - 4)
    for (row, label) in zip(report.rows, labels) {
      for (index, (name, value)) in series.enumerated() {
        let count = value(row.figures)
        let bar = TerminalChart.bar(count, maximum: maximum, width: barWidth)
        let painted = color ? (index == 0 ? bar.red : index == 3 ? bar.blue : bar.yellow) : bar
        text +=
          DisplayWidth.pad(index == 0 ? label : "", to: labelWidth) + " " + DisplayWidth.pad(name, to: seriesWidth)
          + " " + painted + " \(count)\n"
      }
    }
    text += "\n" + texts.projectReportSummary(report.total) + "\n"
    return TerminalText.sanitize(text)
  }

  /// An SVG chart for a slide (16:9): grouped bars per period.
  public static func svg(_ report: ProjectReport, language: Language) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(GrowthSVG.width))" height="\(Int(GrowthSVG.height))" \
    viewBox="0 0 \(Int(GrowthSVG.width)) \(Int(GrowthSVG.height))" font-family="\(GrowthSVG.escape(ChartStyle.fontStack))" \
    role="img" aria-labelledby="chart-title">

    """ + svgBody(report, texts: language.texts) + "</svg>\n"
  }

  static func svgBody(_ report: ProjectReport, texts: any Catalogue) -> String {
    let width = GrowthSVG.width
    let height = GrowthSVG.height
    var svg = "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>\n"
    let heading = texts.projectReportTitle(subdistrict: report.subdistrict)
    svg += GrowthSVG.text(
      heading, x: width / 2, y: 42, size: GrowthSVG.fittingSize(heading, size: 26, available: width - 60),
      weight: "bold", anchor: "middle", id: "chart-title")
    let subtitle = scope(report, texts: texts)
    svg += GrowthSVG.text(
      subtitle, x: width / 2, y: 70, size: GrowthSVG.fittingSize(subtitle, size: 14, available: width - 60),
      fill: "#555555", anchor: "middle")
    guard !report.rows.isEmpty else {
      return svg + GrowthSVG.text(texts.growthNoPeriods, x: width / 2, y: height / 2, size: 18, anchor: "middle")
    }
    let series: [(name: String, color: String, value: (ProjectFigures) -> Int)] = [
      (texts.chartNeedsRaised, ChartStyle.palette[0], { $0.needsRaised }),
      (texts.chartNeedsClaimed, ChartStyle.palette[1], { $0.needsClaimed }),
      (texts.chartNeedsMet, ChartStyle.palette[2], { $0.needsMet }),
      (texts.chartProjectsDone, ChartStyle.palette[3 % ChartStyle.palette.count], { $0.projectsDone }),
    ]
    let left = GrowthSVG.left
    let right = GrowthSVG.right
    let top = GrowthSVG.plotTop
    let bottom = GrowthSVG.bottom
    svg += "<g class=\"legend\" font-size=\"13\" fill=\"#333333\">\n"
    for (item, position) in zip(series, GrowthSVG.legendPositions(series.map(\.name))) {
      let y = 93 + 20 * Double(position.row)
      svg +=
        "<rect x=\"\(GrowthSVG.format(position.x))\" y=\"\(GrowthSVG.format(y - 7))\" width=\"22\" height=\"14\" fill=\"\(item.color)\"/>\n"
      svg += GrowthSVG.text(item.name, x: position.x + 28, y: y + 5, size: 13, anchor: "start")
    }
    svg += "</g>\n"
    let maximum = report.rows.flatMap { row in series.map { $0.value(row.figures) } }.max() ?? 0
    let (step, scaleTop) = GrowthSVG.niceScale(maximum)
    func y(_ value: Int) -> Double { bottom - (bottom - top) * Double(value) / Double(max(scaleTop, 1)) }
    svg += "<g class=\"grid\" stroke=\"#e5e5e5\" stroke-width=\"1\">\n"
    for tick in stride(from: 0, through: scaleTop, by: step) {
      svg += GrowthSVG.line(x1: left, y1: y(tick), x2: right, y2: y(tick))
    }
    svg += "</g>\n<g class=\"axis-left\" font-size=\"13\" fill=\"#333333\" text-anchor=\"end\">\n"
    for tick in stride(from: 0, through: scaleTop, by: step) {
      svg += GrowthSVG.text(String(tick), x: left - 8, y: y(tick) + 4, size: 13, anchor: "end")
    }
    svg += "</g>\n"
    svg += GrowthSVG.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#888888")
    svg += GrowthSVG.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#888888")
    svg += GrowthSVG.text(
      texts.chartCountAxis, x: 28, y: (top + bottom) / 2, size: 14, fill: "#333333", anchor: "middle",
      transform: "rotate(-90 28 \(GrowthSVG.format((top + bottom) / 2)))")
    svg += GrowthSVG.text(
      texts.chartPeriodAxis(report.request.period), x: (left + right) / 2, y: bottom + 62, size: 14, fill: "#333333",
      anchor: "middle")
    let slot = (right - left) / Double(report.rows.count)
    let barWidth = max(1, slot * 0.8 / Double(series.count))
    let labels = report.rows.map { texts.periodLabel($0.label, length: report.request.period) }
    svg += "<g class=\"bars\">\n"
    for (index, row) in report.rows.enumerated() {
      let start = left + slot * Double(index) + slot * 0.1
      for (number, item) in series.enumerated() {
        let value = item.value(row.figures)
        let x = start + barWidth * Double(number)
        svg +=
          "<rect x=\"\(GrowthSVG.format(x))\" y=\"\(GrowthSVG.format(y(value)))\" width=\"\(GrowthSVG.format(barWidth))\" "
          + "height=\"\(GrowthSVG.format(bottom - y(value)))\" fill=\"\(item.color)\"><title>"
          + GrowthSVG.escape("\(labels[index]) \(item.name): \(value)") + "</title></rect>\n"
      }
    }
    svg += "</g>\n"
    let labelWidth = (labels.map { GrowthSVG.estimatedWidth($0, size: 13) }.max() ?? 32) + 10
    let every = max(1, Int((labelWidth / slot).rounded(.up)))
    svg += "<g class=\"labels\" font-size=\"13\" fill=\"#333333\" text-anchor=\"middle\">\n"
    for index in report.rows.indices where index % every == 0 {
      svg += GrowthSVG.text(
        labels[index], x: left + slot * (Double(index) + 0.5), y: bottom + 22, size: 13, anchor: "middle")
    }
    svg += "</g>\n"
    let summary = texts.projectReportSummary(report.total)
    svg += GrowthSVG.text(
      summary, x: width / 2, y: height - 12, size: GrowthSVG.fittingSize(summary, size: 13, available: width - 40),
      fill: "#555555", anchor: "middle")
    return svg
  }

  /// A self-contained page: the chart, the summary and both tables.
  public static func html(_ report: ProjectReport, language: Language) -> String {
    let texts = language.texts
    var body = "<p class=\"summary\">\(GrowthSVG.escape(texts.projectReportSummary(report.total)))</p>\n"
    body +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(GrowthSVG.width)) \(Int(GrowthSVG.height))\" "
      + "role=\"img\" aria-labelledby=\"chart-title\">\n" + svgBody(report, texts: texts) + "</svg>\n"
    body += ReportHTML.table(ListsColumns.projectReport(report.request.period), report.rows, language)
    if !report.categories.isEmpty {
      body += "<h2>\(GrowthSVG.escape(texts.projectReportByCategory))</h2>\n"
      body += ReportHTML.table(ListsColumns.categories, report.categories, language)
    }
    return ReportHTML.page(
      title: texts.projectReportTitle(subdistrict: report.subdistrict),
      meta: scope(report, texts: texts) + " · " + texts.asOf(report.today), body: body, texts: texts)
  }

  /// A workbook: the periods, and the categories on a second sheet.
  public static func workbook(_ report: ProjectReport, language: Language) -> [Workbook.Sheet] {
    let texts = language.texts
    return [
      ReportHTML.sheet(
        texts.projectReportTitle(subdistrict: ""), ListsColumns.projectReport(report.request.period), report.rows,
        language),
      ReportHTML.sheet(texts.projectReportByCategory, ListsColumns.categories, report.categories, language),
    ]
  }
}

/// What the reports' HTML pages and workbooks share.
enum ReportHTML {
  static func page(title: String, meta: String, body: String, texts: any Catalogue) -> String {
    let escape = GrowthSVG.escape
    return """
      <!DOCTYPE html>
      <html lang="\(texts.htmlLanguage)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title))</title>
      <style>
        body { font-family: \(ChartStyle.fontStack); color: #222; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.2rem; margin-top: 1.5rem; }
        p.meta { color: #666; margin-top: 0; }
        p.summary { font-size: 1.1rem; font-weight: bold; }
        svg { width: 100%; height: auto; border: 1px solid #eee; }
        table { border-collapse: collapse; margin-top: 1rem; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.35rem 0.6rem; text-align: right; }
        th:first-child, td:first-child, td.text { text-align: left; }
        thead th { background: #f6f1f0; }
        tr.idle td { color: #a33; }
        @media print { body { margin: 0; } }
      </style>
      </head>
      <body>
      <h1>\(escape(title))</h1>
      <p class="meta">\(escape(meta))</p>
      \(body)</body>
      </html>

      """
  }

  static func table<Row>(
    _ columns: [Column<Row>], _ rows: [Row], _ language: Language, rowClass: ((Row) -> String?)? = nil
  ) -> String {
    let texts = language.texts
    let shown = columns.filter { !$0.tableHidden }
    var html = "<table>\n<thead><tr>"
    for column in shown { html += "<th>\(GrowthSVG.escape(column.heading(language)))</th>" }
    html += "</tr></thead>\n<tbody>\n"
    for row in rows {
      let attribute = rowClass?(row).map { " class=\"\($0)\"" } ?? ""
      html +=
        "<tr\(attribute)>"
        + shown.map { column in
          let cell = column.alignment == .left ? "<td class=\"text\">" : "<td>"
          return cell + GrowthSVG.escape(column.tableText(row, texts)) + "</td>"
        }.joined() + "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// A workbook sheet of a table: numbers as numbers, days as dates, the rest as text.
  static func sheet<Row>(_ name: String, _ columns: [Column<Row>], _ rows: [Row], _ language: Language)
    -> Workbook.Sheet
  {
    let texts = language.texts
    let layout = SheetLayout(columns, first: rows.first, language: language)
    return Workbook.Sheet(
      name: String(name.prefix(31)), columns: layout.workbookColumns, rows: rows.map { layout.cells($0, texts) })
  }
}

/// A report's sheet: the columns a table shows, each a number, a date or text as the first
/// row's value is (text when there is no row), and a row's cells by those kinds.
struct SheetLayout<Row> {
  let shown: [Column<Row>]
  let kinds: [Workbook.CellKind]
  let workbookColumns: [Workbook.Column]

  init(_ columns: [Column<Row>], first: Row?, language: Language) {
    shown = columns.filter { !$0.tableHidden }
    kinds = shown.map { column in
      guard let first else { return .text }
      switch column.value(first) {
      case .int, .optionalInt, .number: return .number
      case .day: return .date
      default: return .text
      }
    }
    workbookColumns = zip(shown, kinds).map { column, kind in
      Workbook.Column(
        title: column.heading(language), kind: kind,
        width: kind == .text ? 24 : max(10, DisplayWidth.of(column.heading(language)) + 2))
    }
  }

  func cells(_ row: Row, _ texts: any Catalogue) -> [String?] {
    zip(shown, kinds).map { column, kind in
      kind == .text ? column.tableText(row, texts) : column.value(row).text
    }
  }
}
