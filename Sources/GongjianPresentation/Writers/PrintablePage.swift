import GongjianRegistry

/// The shell of every page meant for printing (a roster, a report): self-contained (no
/// external resource, no script), A4 with margins, tables that repeat their header row on
/// every printed page and never split a row across two.
public enum PrintablePage {
  public enum Orientation: Sendable { case portrait, landscape }

  /// The page up to and including the opening of `<body>` and its title block.
  public static func head(
    title: String, subtitle: String?, language: String, orientation: Orientation, extraStyle: String = ""
  ) -> String {
    let size = orientation == .landscape ? "A4 landscape" : "A4"
    var html = """
      <!DOCTYPE html>
      <html lang="\(language)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title))</title>
      <style>
        @page { size: \(size); margin: 14mm 12mm; }
        body { font-family: \(ChartStyle.fontStack); color: #222; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
        h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.15rem; margin: 1.4rem 0 0.4rem; }
        p.meta { color: #555; margin-top: 0; }
        p.summary { font-size: 1.15rem; font-weight: bold; }
        p.count { color: #555; }
        svg { width: 100%; height: auto; border: 1px solid #eee; }
        table { border-collapse: collapse; margin-top: 0.6rem; width: 100%; font-size: 0.92rem; }
        th, td { border: 1px solid #bbb; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
        td.number, th.number { text-align: right; white-space: nowrap; }
        td.date { white-space: nowrap; }
        thead th { background: #f3ece9; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
      \(extraStyle)
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
          table { font-size: 9.5pt; }
          svg { border: none; }
        }
      </style>
      </head>
      <body>
      <h1>\(escape(title))</h1>

      """
    if let subtitle { html += "<p class=\"meta\">\(escape(subtitle))</p>\n" }
    return html
  }

  public static let tail = "</body>\n</html>\n"

  /// Text made safe inside HTML text and attribute values.
  public static func escape(_ text: String) -> String {
    XMLText.escape(text)
  }
}
