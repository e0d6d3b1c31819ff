import GongjianRegistry

/// A self-contained HTML page: the chart (inline SVG), the summary line and the table.
enum GrowthHTML {
  static func render(_ report: GrowthReport) -> String {
    let escape = GrowthSVG.escape
    let title = "\(report.subdistrict)区域化党建单位发展情况"
    var html = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title))</title>
      <style>
        body { font-family: \(GrowthSVG.fontStack); color: #222; margin: 2rem auto; max-width: 1000px; padding: 0 1rem; }
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
      <p class="meta">\(escape(GrowthText.scope(report))) · today \(report.today.iso)</p>

      """
    if let summary = report.summary {
      html += "<p class=\"summary\">\(escape(summary.line))</p>\n"
    }
    html +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(GrowthSVG.width)) \(Int(GrowthSVG.height))\" "
      + "role=\"img\" aria-labelledby=\"chart-title\">\n" + GrowthSVG.body(report) + "</svg>\n"
    html += "<table>\n<thead><tr>"
    for title in ["period", "joined", "left", "net", "total", "change"] + report.columns {
      html += "<th>\(escape(title))</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for row in report.rows {
      let cells =
        [
          row.label, String(row.joined), String(row.left), GrowthText.signed(row.net), String(row.total),
          GrowthText.change(row),
        ]
        + row.totals.map(String.init)
      html += "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
    }
    html += "</tbody>\n</table>\n</body>\n</html>\n"
    return html
  }
}
