import GongjianRegistry

/// The meeting pack as one printable page: self-contained HTML (inline style and chart, no
/// script, no external resource, every text escaped), laid out for A4 portrait.
public enum MeetingPackHTML {
  public static func render(_ pack: MeetingPack, language: Language) -> String {
    let texts = language.texts
    let title = texts.packTitle(subdistrict: pack.subdistrict, year: pack.year)
    let parts = MeetingPackLayout.parts(pack, language: language)
    var html = """
      <!DOCTYPE html>
      <html lang="\(texts.htmlLanguage)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="gongjian">
      <title>\(escape(title))</title>
      <style>
      \(MeetingPackStyle.css)
      </style>
      </head>
      <body>
      <header class="cover">
      <h1>\(escape(title))</h1>
      <p class="meta">\(escape(texts.packSubtitle(district: pack.district, subdistrict: pack.subdistrict, asOf: pack.asOf)))</p>
      <nav class="contents">
      <h2>\(escape(texts.packContents))</h2>
      <ol>

      """
    for part in parts { html += "<li>\(escape(part.title))</li>\n" }
    html += "</ol>\n</nav>\n</header>\n"
    for part in parts {
      // A short section stays on one page; a long one starts on a new page.
      let rows = part.blocks.reduce(0) { count, block in
        if case .table(let table) = block { return count + table.rows.count + 2 }
        return count + 1
      }
      let layout = rows > 30 ? "part long" : rows <= 16 ? "part keep" : "part"
      html += "<section class=\"\(layout)\" id=\"\(part.part.rawValue)\">\n<h2>\(escape(part.title))</h2>\n"
      for line in part.summary { html += "<p class=\"summary\">\(escape(line))</p>\n" }
      for block in part.blocks { html += render(block, texts: texts) }
      html += "<p class=\"source\">\(escape(texts.packSource))"
      html += part.commands.map { "<code>\(escape(MeetingPackCommands.line($0)))</code>" }.joined(separator: " ")
      html += "</p>\n</section>\n"
    }
    html += "</body>\n</html>\n"
    return html
  }

  static func render(_ block: PackPart.Block, texts: any Catalogue) -> String {
    switch block {
    case .chart(let report):
      // Inline SVG needs no namespace inside HTML: the page names no address at all.
      return "<figure class=\"chart\"><svg viewBox=\"0 0 \(Int(GrowthSVG.width)) \(Int(GrowthSVG.height))\" "
        + "role=\"img\" aria-labelledby=\"chart-title\">\n" + GrowthSVG.body(report, texts: texts) + "</svg></figure>\n"
    case .heading(let text): return "<h3>\(escape(text))</h3>\n"
    case .subheading(let text): return "<h4>\(escape(text))</h4>\n"
    case .remark(let text): return "<p class=\"remark\">\(escape(text))</p>\n"
    case .table(let table): return render(table, texts: texts)
    }
  }

  static func render(_ table: PackTable, texts: any Catalogue) -> String {
    guard !table.rows.isEmpty else { return "<p class=\"empty\">\(escape(texts.packNothing))</p>\n" }
    func cellClass(_ index: Int) -> String {
      switch table.kinds[index] {
      case .number: " class=\"num\""
      case .date: " class=\"day\""
      case .text: table.short[index] ? " class=\"short\"" : ""
      }
    }
    var html = "<table>\n<thead><tr>"
    for (index, heading) in table.headings.enumerated() { html += "<th\(cellClass(index))>\(escape(heading))</th>" }
    html += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      html += "<tr>"
      for (index, cell) in row.enumerated() { html += "<td\(cellClass(index))>\(escape(cell.text))</td>" }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// Text as HTML character data or an attribute value.
  static func escape(_ text: String) -> String { XMLText.escape(text) }
}
