import GongjianRegistry

/// The growth report as a table, CSV and JSON.
enum GrowthText {
  /// "欧阳路街道区域化党建单位 · 2016–2019 · by year", with the filters.
  static func title(_ report: GrowthReport) -> String {
    "\(report.subdistrict)区域化党建单位 · " + scope(report)
  }

  /// "2016–2019 · by year", with the filters.
  static func scope(_ report: GrowthReport) -> String {
    var parts: [String] = []
    if let first = report.rows.first?.label, let last = report.rows.last?.label {
      parts.append(first == last ? first : "\(first)–\(last)")
    }
    parts.append("by \(report.request.period.rawValue)")
    if let group = report.groupName { parts.append("working group \(group)") }
    if let kind = report.request.kind { parts.append("kind \(kind)") }
    return parts.joined(separator: " · ")
  }

  static func change(_ row: GrowthRow) -> String {
    row.changePercent.map(GrowthSummary.signedPercent) ?? ""
  }

  static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

  static func table(_ report: GrowthReport, color: Bool) -> String {
    var titles = ["period", "joined", "left", "net", "total", "change"]
    titles += report.columns
    var table = TextTable(titles: titles, rightAligned: Set(1..<titles.count))
    for row in report.rows {
      table.add(
        [row.label, String(row.joined), String(row.left), signed(row.net), String(row.total), change(row)]
          + row.totals.map(String.init))
    }
    var text = title(report) + "\n\n" + table.render(color: color)
    if report.rows.isEmpty { text += "(no periods in this range)\n" }
    if let summary = report.summary { text += "\n" + summary.line + "\n" }
    return text
  }

  static func csv(_ report: GrowthReport) -> String {
    var text = CSVWriter.line(["period", "joined", "left", "net", "total", "change_pct"] + report.columns)
    for row in report.rows {
      text += CSVWriter.line(
        [
          row.label, String(row.joined), String(row.left), String(row.net), String(row.total),
          row.changePercent.map(JSON.formatNumber) ?? "",
        ] + row.totals.map(String.init), neutralizeFormulas: false)
    }
    return text
  }

  static func json(_ report: GrowthReport) -> JSONValue {
    let rows: [JSONValue] = report.rows.map { row in
      var pairs: [(String, JSONValue)] = [
        ("period", .string(row.label)), ("joined", .int(row.joined)), ("left", .int(row.left)), ("net", .int(row.net)),
        ("total", .int(row.total)), ("change_pct", row.changePercent.map(JSONValue.double) ?? .null),
      ]
      if let by = report.request.by {
        pairs.append(
          (
            "by_\(by.rawValue)",
            .object(JSONValue.KeyValuePairs(zip(report.columns, row.totals.map(JSONValue.int)).map { $0 }))
          ))
      }
      return .object(JSONValue.KeyValuePairs(pairs))
    }
    var summary: JSONValue = .null
    if let value = report.summary {
      summary = .object([
        "from": .string(value.from), "to": .string(value.to), "from_total": .int(value.fromTotal),
        "to_total": .int(value.toTotal), "change": .int(value.change),
        "change_pct": value.changePercent.map(JSONValue.double) ?? .null,
        "cagr_pct": value.cagrPercent.map(JSONValue.double) ?? .null,
      ])
    }
    return .object(["period": .string(report.request.period.rawValue), "rows": .array(rows), "summary": summary])
  }
}
