import GongjianRegistry

/// A listing as an HTML table, for the browser view: the same column tables as the terminal's
/// tables, CSV and JSON, headings in the reader's language, cells as a table shows them, and
/// every text escaped (a unit named `<script>` is text).
public enum HTMLTable {
  /// A last column after the listing's own, of controls (a claim button's form): its heading,
  /// and each row's cell as HTML made by the caller, which escapes every value in it.
  public struct Action<Row> {
    public var heading: String
    public var cell: (Row) -> String

    public init(heading: String, cell: @escaping (Row) -> String) {
      self.heading = heading
      self.cell = cell
    }
  }

  /// The table of `rows`. `link` gives the address a cell links to (a unit's page for its
  /// name), from the row and the column's key; nil leaves the cell plain.
  public static func render<Row>(
    _ columns: [Column<Row>], _ rows: [Row], language: Language, link: (Row, String) -> String? = { _, _ in nil },
    action: Action<Row>? = nil
  ) -> String {
    let texts = language.texts
    let shown = columns.filter { !$0.tableHidden }
    var html = "<div class=\"table\"><table>\n<thead><tr>"
    for column in shown {
      html +=
        "<th scope=\"col\"\(column.alignment == .right ? " class=\"num\"" : "")>\(escape(column.heading(language)))</th>"
    }
    if let action { html += "<th scope=\"col\">\(escape(action.heading))</th>" }
    html += "</tr></thead>\n<tbody>\n"
    for row in rows {
      html += "<tr>"
      for column in shown {
        let text = escape(column.tableText(row, texts))
        html += column.alignment == .right ? "<td class=\"num\">" : "<td>"
        if let address = link(row, column.key), !text.isEmpty {
          html += "<a href=\"\(escape(address))\">\(text)</a>"
        } else {
          html += text
        }
        html += "</td>"
      }
      if let action { html += "<td class=\"action\">" + action.cell(row) + "</td>" }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table></div>\n"
  }

  /// The growth report's table.
  public static func growth(_ report: GrowthReport, language: Language) -> String {
    render(GrowthColumns.columns(report), report.rows, language: language)
  }

  /// Text as HTML: the five characters that could end a text or an attribute are escaped.
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
