import GongjianRegistry
@preconcurrency import Rainbow

/// `report units` in every format: what each unit did in the year, idle units marked.
public enum UnitReportRender {
  public static func title(_ report: UnitReport, texts: any Catalogue) -> String {
    title(report.heading, texts: texts)
  }

  public static func title(_ heading: UnitReportHeading, texts: any Catalogue) -> String {
    texts.unitReportTitle(subdistrict: heading.subdistrict, year: heading.year)
  }

  public static func table(_ report: UnitReport, rows: [UnitYear], language: Language, color: Bool) -> String {
    let texts = language.texts
    let output = StringOutput()
    output.write(title(report, texts: texts) + " · " + texts.asOf(report.end) + "\n\n")
    let writer = ListingWriter(
      columns: ListsColumns.unitReport, format: .table, output: output, language: language,
      presentation: ListingPresentation(title: "", color: color))
    rows.forEach(writer.add)
    try? writer.finish()  // Text written to a string cannot fail.
    output.write("\n" + texts.unitReportSummary(report) + "\n")
    return TerminalText.sanitize(output.text)
  }

  public static func csv(_ rows: [UnitYear]) -> String {
    let output = StringOutput()
    let writer = ListingWriter(columns: ListsColumns.unitReport, format: .csv, output: output, language: .en)
    rows.forEach(writer.add)
    try? writer.finish()  // Text written to a string cannot fail.
    return output.text
  }

  /// One object per unit.
  public static func json(_ rows: [UnitYear]) -> JSONValue {
    .array(rows.map { jsonObject(ListsColumns.unitReport, $0) })
  }

  /// Bars of each unit's hours of service; idle units marked.
  public static func chart(_ report: UnitReport, rows: [UnitYear], language: Language, width: Int, color: Bool)
    -> String
  {
    let texts = language.texts
    var text = title(report, texts: texts) + " — " + texts.chartHoursAxis + "\n\n"
    let names = rows.map { DisplayWidth.truncate($0.unit.name, to: 24) }
    let nameWidth = names.map { DisplayWidth.of($0) }.max() ?? 0
    let maximum = rows.map(\.hours).max() ?? 0
    let barWidth = max(10, width - nameWidth - 14)
    for (row, name) in zip(rows, names) {
      var line = DisplayWidth.pad(name, to: nameWidth) + " "
      if row.idle {
        line += color ? texts.idleMark.red : texts.idleMark
      } else {
        let bar = TerminalChart.bar(
          Int((row.hours * 10).rounded()), maximum: Int((maximum * 10).rounded()), width: barWidth)
        line += (color ? bar.red : bar) + " " + NumberFormat.plain(row.hours)
      }
      text += line + "\n"
    }
    text += "\n" + texts.unitReportSummary(report) + "\n"
    return TerminalText.sanitize(text)
  }

  /// An SVG chart: one horizontal bar per unit for its hours of service, idle units named in red.
  public static func svg(_ report: UnitReport, rows: [UnitYear], language: Language) -> String {
    let body = svgBody(report, rows: rows, texts: language.texts)
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(GrowthSVG.width))" height="\(Int(body.height))" \
      viewBox="0 0 \(Int(GrowthSVG.width)) \(Int(body.height))" font-family="\(GrowthSVG.escape(ChartStyle.fontStack))" \
      role="img" aria-labelledby="chart-title">

      """ + body.svg + "</svg>\n"
  }

  static func svgBody(_ report: UnitReport, rows: [UnitYear], texts: any Catalogue) -> (svg: String, height: Double) {
    let width = GrowthSVG.width
    let rowHeight = 22.0
    let top = 100.0
    let height = max(300, top + rowHeight * Double(rows.count) + 70)
    var svg = "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>\n"
    let heading = title(report, texts: texts)
    svg += GrowthSVG.text(
      heading, x: width / 2, y: 42, size: GrowthSVG.fittingSize(heading, size: 24, available: width - 60),
      weight: "bold", anchor: "middle", id: "chart-title")
    let summary = texts.unitReportSummary(report)
    svg += GrowthSVG.text(
      summary, x: width / 2, y: 70, size: GrowthSVG.fittingSize(summary, size: 13, available: width - 40),
      fill: "#555555", anchor: "middle")
    let nameRight = 330.0
    let barLeft = nameRight + 10
    let barRight = width - 90
    let maximum = rows.map(\.hours).max() ?? 0
    svg += GrowthSVG.text(
      texts.chartHoursAxis, x: (barLeft + barRight) / 2, y: top - 8, size: 13, fill: "#333333", anchor: "middle")
    for (index, row) in rows.enumerated() {
      let y = top + rowHeight * Double(index)
      let name = DisplayWidth.truncate(row.unit.name, to: 34)
      svg += GrowthSVG.text(
        name, x: nameRight, y: y + 15, size: 13, fill: row.idle ? "#b22222" : "#333333", anchor: "end")
      if row.idle {
        svg += GrowthSVG.text(texts.idleMark, x: barLeft, y: y + 15, size: 13, fill: "#b22222", anchor: "start")
        continue
      }
      let length = maximum > 0 ? (barRight - barLeft) * row.hours / maximum : 0
      svg +=
        "<rect x=\"\(GrowthSVG.format(barLeft))\" y=\"\(GrowthSVG.format(y + 4))\" width=\"\(GrowthSVG.format(max(1, length)))\" "
        + "height=\"14\" fill=\"\(ChartStyle.totalColor)\"><title>"
        + GrowthSVG.escape("\(row.unit.name): \(NumberFormat.plain(row.hours))") + "</title></rect>\n"
      svg += GrowthSVG.text(
        NumberFormat.plain(row.hours), x: barLeft + max(1, length) + 6, y: y + 15, size: 12, fill: "#333333",
        anchor: "start")
    }
    return (svg, height)
  }

  public static func html(_ report: UnitReport, rows: [UnitYear], language: Language) -> String {
    let texts = language.texts
    let chart = svgBody(report, rows: rows, texts: texts)
    var body = "<p class=\"summary\">\(GrowthSVG.escape(texts.unitReportSummary(report)))</p>\n"
    body +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(GrowthSVG.width)) \(Int(chart.height))\" "
      + "role=\"img\" aria-labelledby=\"chart-title\">\n" + chart.svg + "</svg>\n"
    body += ReportHTML.table(ListsColumns.unitReport, rows, language) { $0.idle ? "idle" : nil }
    return ReportHTML.page(
      title: title(report, texts: texts), meta: texts.asOf(report.end), body: body, texts: texts)
  }

  public static func workbook(_ report: UnitReport, rows: [UnitYear], language: Language) -> [Workbook.Sheet] {
    [ReportHTML.sheet(String(report.year), ListsColumns.unitReport, rows, language)]
  }
}

/// `report units` written as its rows come, in memory that stays flat at a million units: a
/// table (the title, the rows, the summary naming every idle unit), CSV, JSON or a workbook.
/// The bytes are those of `UnitReportRender`'s functions over the whole report.
public final class UnitReportStream {
  public enum Format {
    case table(color: Bool)
    case csv, json
    /// One sheet named by the year, its columns' kinds taken from the first row.
    case workbook(WorkbookStream)
  }

  private let format: Format
  private let output: (any TextOutput)?
  private let language: Language
  private let texts: any Catalogue
  /// Only the idle units' rows (the summary still counts every unit).
  private let idleOnly: Bool
  private var heading: UnitReportHeading?
  private var writer: ListingWriter<UnitYear>?
  private var sheet: SheetLayout<UnitYear>?
  private var units = 0
  private var idleCount = 0
  private var idleNames: RowSpool?
  /// Bytes of rows a table, and the idle units' names, keep in memory before a file.
  private let memoryBudget: Int

  /// `output` is where text goes; a workbook writes to its own stream.
  public convenience init(_ format: Format, output: (any TextOutput)?, language: Language, idleOnly: Bool) {
    self.init(format, output: output, language: language, idleOnly: idleOnly, memoryBudget: RowSpool.defaultBudget)
  }

  init(_ format: Format, output: (any TextOutput)?, language: Language, idleOnly: Bool, memoryBudget: Int) {
    self.memoryBudget = memoryBudget
    self.format = format
    self.output = output
    self.language = language
    texts = language.texts
    self.idleOnly = idleOnly
  }

  public func begin(_ heading: UnitReportHeading) {
    self.heading = heading
    guard let output else { return }
    let columns = ListsColumns.unitReport
    switch format {
    case .table(let color):
      output.write(
        TerminalText.sanitize(UnitReportRender.title(heading, texts: texts) + " · " + texts.asOf(heading.end) + "\n\n"))
      writer = ListingWriter(
        columns: columns, format: .table, output: output, language: language,
        presentation: ListingPresentation(title: "", color: color), tableMemoryBudget: memoryBudget)
      idleNames = RowSpool(budget: memoryBudget)
    case .csv: writer = ListingWriter(columns: columns, format: .csv, output: output, language: .en)
    case .json: writer = ListingWriter(columns: columns, format: .json, output: output, language: language)
    case .workbook: break
    }
  }

  public func add(_ row: UnitYear) throws {
    units += 1
    if row.idle {
      idleCount += 1
      idleNames?.append([row.unit.name])
    }
    guard !idleOnly || row.idle else { return }
    if case .workbook(let stream) = format {
      let layout = try beginSheet(stream, first: row)
      try stream.addRow(layout.cells(row, texts))
    } else {
      writer?.add(row)
    }
  }

  public func finish() throws {
    switch format {
    case .table:
      try writer?.finish()
      guard let output, let heading else { return }
      let sentence = texts.unitReportSummary(year: heading.year, units: units, idle: idleCount)
      output.write("\n" + TerminalText.sanitize(sentence.head))
      var index = 0
      try idleNames?.forEach { cells in
        output.write(TerminalText.sanitize(sentence.before(index, of: idleCount) + cells[0]))
        index += 1
      }
      output.write(TerminalText.sanitize(sentence.tail) + "\n")
    case .csv, .json: try writer?.finish()
    case .workbook(let stream):
      _ = try beginSheet(stream, first: nil)
      try stream.nextSheet()
      try stream.finish()
    }
  }

  /// The sheet, begun at the first row (its kinds come from it) or at the end when none came.
  private func beginSheet(_ stream: WorkbookStream, first: UnitYear?) throws -> SheetLayout<UnitYear> {
    if let sheet { return sheet }
    let layout = SheetLayout(ListsColumns.unitReport, first: first, language: language)
    let year = heading.map { String($0.year) } ?? ""
    try stream.begin(
      [Workbook.Sheet(name: String(year.prefix(31)), columns: layout.workbookColumns, rows: [])],
      title: heading.map { UnitReportRender.title($0, texts: texts) } ?? "")
    sheet = layout
    return layout
  }
}
