import GongjianRegistry

/// The district report as one self-contained, printable page: the district's chart and
/// summary lines, the summary by subdistrict, the district by period, the shared units, and
/// each subdistrict's own growth table.
public enum DistrictHTML {
  public static func render(_ report: DistrictReport, texts: any Catalogue, language: Language) -> String {
    let escape = GrowthSVG.escape
    let title = texts.districtTitle(district: report.district)
    var html = """
      <!DOCTYPE html>
      <html lang="\(texts.htmlLanguage)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title))</title>
      <style>
        body { font-family: \(ChartStyle.fontStack); color: #222; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.25rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin-top: 1.5rem; }
        p.meta { color: #666; margin-top: 0; }
        p.summary { font-size: 1.1rem; font-weight: bold; margin: 0.3rem 0; }
        p.note { color: #444; }
        svg { width: 100%; height: auto; border: 1px solid #eee; }
        table { border-collapse: collapse; margin-top: 0.6rem; min-width: 60%; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.7rem; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        td.text { text-align: left; }
        thead th { background: #f6f1f0; }
        tr.total td { font-weight: bold; border-top: 2px solid #999; }
        @media print { body { margin: 0; } h2 { break-after: avoid; } table { break-inside: auto; } }
      </style>
      </head>
      <body>
      <h1>\(escape(title))</h1>
      <p class="meta">\(escape(GrowthText.scope(report.total, texts: texts))) · \(escape(texts.asOf(report.today)))</p>

      """
    if let summary = report.total.summary {
      html +=
        "<p class=\"summary\">"
        + escape(texts.districtSummary(summary, length: report.period, distinct: false)) + "</p>\n"
    }
    if let summary = report.distinct.summary {
      html +=
        "<p class=\"summary\">"
        + escape(texts.districtSummary(summary, length: report.period, distinct: true)) + "</p>\n"
    }
    html += "<p class=\"note\">\(escape(texts.districtDeduplicationNote(shared: report.shared.count)))</p>\n"
    if !report.skipped.isEmpty {
      html += "<p class=\"note\">\(escape(texts.districtSkippedNote(report.skipped.map(\.file))))</p>\n"
    }
    html +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(GrowthSVG.width)) \(Int(GrowthSVG.height))\" "
      + "role=\"img\" aria-labelledby=\"chart-title\">\n" + GrowthSVG.body(report.total, texts: texts) + "</svg>\n"

    let summaryRows = DistrictSummaryRow.rows(report)
    html += "<h2>\(escape(texts.districtSection(.subdistricts)))</h2>\n"
    html += table(
      DistrictColumns.summary(lists: DistrictText.hasLists(report)), summaryRows, texts: texts, language: language,
      totals: Set(summaryRows.indices.suffix(2)))
    html += "<h2>\(escape(texts.districtSection(.byPeriod)))</h2>\n"
    html += table(DistrictColumns.byPeriod(report), DistrictPeriodRow.rows(report), texts: texts, language: language)
    if report.shared.isEmpty {
      html += "<p class=\"note\">\(escape(texts.districtSection(.noShared)))</p>\n"
    } else {
      html += "<h2>\(escape(texts.districtSection(.shared)))</h2>\n"
      html += table(DistrictColumns.shared, report.shared, texts: texts, language: language)
    }
    for subdistrict in report.subdistricts {
      html += "<h3>\(escape(texts.growthTitle(subdistrict: subdistrict.source.name)))</h3>\n"
      if let summary = subdistrict.growth.summary {
        html += "<p class=\"note\">\(escape(texts.growthSummary(summary, length: report.period)))</p>\n"
      }
      html += table(
        GrowthColumns.columns(subdistrict.growth), subdistrict.growth.rows, texts: texts, language: language)
    }
    html += "</body>\n</html>\n"
    return html
  }

  /// A table of the columns shown in a terminal table; rows at `totals` in bold.
  static func table<Row>(
    _ columns: [Column<Row>], _ rows: [Row], texts: any Catalogue, language: Language, totals: Set<Int> = []
  ) -> String {
    let escape = GrowthSVG.escape
    let shown = columns.filter { !$0.tableHidden }
    var html = "<table>\n<thead><tr>"
    for column in shown { html += "<th>\(escape(column.heading(language)))</th>" }
    html += "</tr></thead>\n<tbody>\n"
    for (index, row) in rows.enumerated() {
      html += totals.contains(index) ? "<tr class=\"total\">" : "<tr>"
      for column in shown {
        let cell = column.alignment == .right ? "<td>" : "<td class=\"text\">"
        html += cell + escape(column.tableText(row, texts)) + "</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }
}
