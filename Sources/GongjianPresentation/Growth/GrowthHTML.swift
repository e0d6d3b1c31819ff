import GongjianRegistry

/// A self-contained, printable HTML page: the chart (inline SVG), the summary line and the table.
public enum GrowthHTML {
  public static func render(_ report: GrowthReport, texts: any Catalogue, language: Language) -> String {
    let escape = GrowthSVG.escape
    let title = texts.growthTitle(subdistrict: report.subdistrict)
    var html = PrintablePage.head(
      title: title,
      subtitle: GrowthText.scope(report, texts: texts) + " · " + texts.asOf(report.today),
      language: texts.htmlLanguage, orientation: .portrait)
    if let summary = report.summary {
      html += "<p class=\"summary\">\(escape(texts.growthSummary(summary, length: report.request.period)))</p>\n"
    }
    html +=
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(GrowthSVG.width)) \(Int(GrowthSVG.height))\" "
      + "role=\"img\" aria-labelledby=\"chart-title\">\n" + GrowthSVG.body(report, texts: texts) + "</svg>\n"
    html += "<table>\n<thead><tr>"
    let columns = GrowthColumns.columns(report)
    for column in columns {
      html += column.alignment == .right ? "<th class=\"number\">" : "<th>"
      html += escape(column.heading(language)) + "</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for row in report.rows {
      html += "<tr>"
      for column in columns {
        html += column.alignment == .right ? "<td class=\"number\">" : "<td>"
        html += escape(column.tableText(row, texts)) + "</td>"
      }
      html += "</tr>\n"
    }
    html += "</tbody>\n</table>\n" + PrintablePage.tail
    return html
  }
}
