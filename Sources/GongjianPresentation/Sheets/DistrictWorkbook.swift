import GongjianRegistry

/// The district's workbooks, laid out as the forms a district sends out: each sheet opens
/// with a title and a header block (填报单位, 统计期, 报出时间, and lines for 负责人 and 填表人 to
/// sign by hand), then the table. A summary sheet comes first, then one sheet per subdistrict.
public enum DistrictWorkbook {
  /// The report: the summary by subdistrict, the district by period, the shared units (when
  /// there are any), then each subdistrict's growth.
  public static func report(
    _ report: DistrictReport, descriptor: Int32, path: String, language: Language
  ) throws {
    let texts = language.texts
    let first = report.total.rows.first?.label ?? ""
    let last = report.total.rows.last?.label ?? ""
    let period = texts.periodRange(first: first, last: last, length: report.period)
    let title = texts.districtTitle(district: report.district)
    var notes: [String] = []
    if !report.skipped.isEmpty { notes.append(texts.districtSkippedNote(report.skipped.map(\.file))) }
    var taken: Set<String> = []
    var plans: [SheetPlan] = []
    plans.append(
      plan(
        name: texts.districtSheet(.summary), taken: &taken,
        preamble: form(title, unit: report.district ?? "", period: period, today: report.today, notes: notes, texts),
        columns: DistrictColumns.summary(lists: DistrictText.hasLists(report)), rows: DistrictSummaryRow.rows(report),
        language: language))
    var summaries: [String] = []
    if let summary = report.total.summary {
      summaries.append(texts.districtSummary(summary, length: report.period, distinct: false))
    }
    if let summary = report.distinct.summary {
      summaries.append(texts.districtSummary(summary, length: report.period, distinct: true))
    }
    plans.append(
      plan(
        name: texts.districtSheet(.byPeriod), taken: &taken,
        preamble: form(
          title, unit: report.district ?? "", period: period, today: report.today,
          notes: summaries + [texts.districtDeduplicationNote(shared: report.shared.count)], texts),
        columns: DistrictColumns.byPeriod(report), rows: DistrictPeriodRow.rows(report), language: language))
    if !report.shared.isEmpty {
      plans.append(
        plan(
          name: texts.districtSheet(.shared), taken: &taken,
          preamble: form(
            texts.districtSection(.shared), unit: report.district ?? "", period: period, today: report.today,
            notes: [], texts),
          columns: DistrictColumns.shared, rows: report.shared, language: language))
    }
    for subdistrict in report.subdistricts {
      var lines: [String] = []
      if let summary = subdistrict.growth.summary { lines.append(texts.growthSummary(summary, length: report.period)) }
      plans.append(
        plan(
          name: subdistrict.source.name, taken: &taken,
          preamble: form(
            texts.growthTitle(subdistrict: subdistrict.source.name), unit: subdistrict.source.name, period: period,
            today: report.today, notes: lines, texts),
          columns: GrowthColumns.columns(subdistrict.growth), rows: subdistrict.growth.rows, language: language))
    }
    try write(plans, title: title, descriptor: descriptor, path: path)
  }

  /// The listing: how many units each subdistrict lists, then each subdistrict's units.
  public static func units(_ listing: DistrictUnits, descriptor: Int32, path: String, language: Language) throws {
    let texts = language.texts
    let day = texts.day(listing.today)
    let title = texts.districtUnitsTitle(district: listing.district)
    var notes = [texts.districtListedUnits(units: listing.rows.count, subdistricts: listing.subdistricts.count)]
    if !listing.skipped.isEmpty { notes.append(texts.districtSkippedNote(listing.skipped.map(\.file))) }
    var taken: Set<String> = []
    var plans: [SheetPlan] = [
      plan(
        name: texts.districtSheet(.summary), taken: &taken,
        preamble: form(title, unit: listing.district ?? "", period: day, today: listing.today, notes: notes, texts),
        columns: DistrictColumns.unitsSummary, rows: DistrictUnitsSummaryRow.rows(listing), language: language)
    ]
    var byFile: [String: [DistrictUnitRow]] = [:]
    for row in listing.rows { byFile[row.file, default: []].append(row) }
    for source in listing.subdistricts {
      plans.append(
        plan(
          name: source.name, taken: &taken,
          preamble: form(
            texts.subdistrictUnitsTitle(source.name), unit: source.name, period: day, today: listing.today,
            notes: [], texts),
          columns: DistrictColumns.subdistrictUnits, rows: byFile[source.file] ?? [], language: language))
    }
    try write(plans, title: title, descriptor: descriptor, path: path)
  }

  // MARK: - Sheets from column tables

  struct SheetPlan {
    var sheet: XLSXWriter.Sheet
    var rows: [[String?]]
  }

  /// The title, the header block, any notes, and a blank line before the table.
  static func form(
    _ title: String, unit: String, period: String, today: Day, notes: [String], _ texts: any Catalogue
  ) -> [[String]] {
    [
      [title],
      [
        texts.formField(.reportingUnit, unit), "", texts.formField(.period, period), "",
        texts.formField(.madeOn, texts.day(today)),
      ],
      [texts.formField(.responsible, ""), "", texts.formField(.preparedBy, "")],
    ] + notes.map { [$0] } + [[]]
  }

  /// A sheet of the columns a terminal table shows: counts and rates as numbers, days as
  /// dates, the rest as the table words it.
  static func plan<Row>(
    name: String, taken: inout Set<String>, preamble: [[String]], columns: [Column<Row>], rows: [Row],
    language: Language
  ) -> SheetPlan {
    let texts = language.texts
    let shown = columns.filter { !$0.tableHidden }
    var kinds: [XLSXWriter.CellKind] = shown.map { _ in .text }
    var cells: [[String?]] = []
    for row in rows {
      var line: [String?] = []
      for (index, column) in shown.enumerated() {
        let (kind, text) = cell(column, row, texts)
        if kind != .text { kinds[index] = kind }
        line.append(text)
      }
      cells.append(line)
    }
    let sheetColumns = shown.enumerated().map { index, column in
      let heading = column.heading(language)
      var width = DisplayWidth.of(heading) + 2
      switch kinds[index] {
      case .number: width = max(width, 10)
      case .date: width = max(width, 12)
      case .text:
        let widest = cells.map { DisplayWidth.of($0[index] ?? "") }.max() ?? 0
        width = max(width, min(widest + 2, 50), 8)
      }
      return XLSXWriter.Column(title: heading, kind: kinds[index], width: width)
    }
    let sheet = XLSXWriter.Sheet(
      name: XLSXWriter.sheetName(name, taken: &taken), columns: sheetColumns, preamble: preamble)
    return SheetPlan(sheet: sheet, rows: cells)
  }

  static func cell<Row>(_ column: Column<Row>, _ row: Row, _ texts: any Catalogue) -> (XLSXWriter.CellKind, String?) {
    switch column.value(row) {
    case .int(let number): return (.number, String(number))
    case .optionalInt(let number): return (.number, number.map(String.init))
    case .number(let number):
      guard let number, number.isFinite else { return (.number, nil) }
      return (.number, column.key.hasSuffix("_pct") ? oneDecimal(number) : NumberFormat.plain(number))
    case .day(let day): return (.date, day?.iso)
    default: return (.text, column.tableText(row, texts))
    }
  }

  /// 48.3, -3.4: a rate as its cell holds it.
  static func oneDecimal(_ value: Double) -> String {
    let text = PercentFormat.oneDecimal(value)
    return String(text.dropLast())
  }

  static func write(_ plans: [SheetPlan], title: String, descriptor: Int32, path: String) throws {
    let writer = try XLSXWriter(descriptor: descriptor, path: path, sheets: plans.map(\.sheet), title: title)
    for (index, plan) in plans.enumerated() {
      if index > 0 { try writer.nextSheet() }
      for row in plan.rows { try writer.addRow(row) }
    }
    try writer.finish()
  }
}
