import GongjianRegistry

/// A self-contained HTML page: the chart (inline SVG), the summary line and the table.
public enum GrowthHTML {
  public static func render(_ report: GrowthReport, texts: any Catalogue, language: Language) -> String {
    let escape = GrowthSVG.escape
    let title = texts.growthTitle(subdistrict: report.subdistrict)
    var html = """
      <!DOCTYPE html>
      <html lang="\(texts.htmlLanguage)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title))</title>
      <style>
        body { font-family: \(ChartStyle.fontStack); color: #222; margin: 2rem auto; max-width: 1000px; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        p.meta { color: #666; margin-top: 0; }
        p.summary { font-size: 1.2rem; font-weight: bold; }
        svg { width: 100%; height: auto; border: 1px solid #eee; }
        table { border-collapse: collapse; margin-top: 1rem; min-width: 60%; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.35rem 0.8rem; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        thead th { background: #f6f1f0; }
        @media print { body { margin: 0; } }
      </style>
      </head>
      <body>
      <h1>\(escape(title))</h1>
      <p class="meta">\(escape(GrowthText.scope(report, texts: texts))) · \(escape(texts.asOf(report.today)))</p>

      """
    if let summary = report.summary {
      html += "<p class=\"summary\">\(escape(texts.growthSummary(summary, length: report.request.period)))</p>\n"
    }
    html +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(GrowthSVG.width)) \(Int(GrowthSVG.height))\" "
      + "role=\"img\" aria-labelledby=\"chart-title\">\n" + GrowthSVG.body(report, texts: texts) + "</svg>\n"
    html += "<table>\n<thead><tr>"
    let columns = GrowthColumns.columns(report)
    for column in columns {
      html += "<th>\(escape(column.heading(language)))</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for row in report.rows {
      html += "<tr>" + columns.map { "<td>\(escape($0.tableText(row, texts)))</td>" }.joined() + "</tr>\n"
    }
    html += "</tbody>\n</table>\n</body>\n</html>\n"
    return html
  }
}
