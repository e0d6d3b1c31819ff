import GongjianRegistry

/// The growth report as a table, CSV and JSON.
public enum GrowthText {
  /// The title and the scope, e.g. "欧阳路街道区域化党建共建单位发展情况 · 2016年至2019年 · 按年统计".
  public static func title(_ report: GrowthReport, texts: any Catalogue) -> String {
    texts.growthTitle(subdistrict: report.subdistrict) + " · " + scope(report, texts: texts)
  }

  static func scope(_ report: GrowthReport, texts: any Catalogue) -> String {
    texts.growthScope(
      first: report.rows.first?.label, last: report.rows.last?.label, period: report.request.period,
      group: report.group?.name, kind: report.request.kind)
  }

  public static func table(
    _ report: GrowthReport, texts: any Catalogue, language: Language, color: Bool, maxWidth: Int? = nil
  ) -> String {
    let output = StringOutput()
    output.write(fitted(title(report, texts: texts), to: maxWidth) + "\n\n")
    let writer = ListingWriter(
      columns: GrowthColumns.columns(report), format: .table, output: output, language: language,
      presentation: ListingPresentation(title: "", maxWidth: maxWidth, color: color))
    report.rows.forEach(writer.add)
    try? writer.finish()  // Text written to a string cannot fail.
    if report.rows.isEmpty { output.write(texts.growthNoPeriods + "\n") }
    if let summary = report.summary {
      output.write("\n" + fitted(texts.growthSummary(summary, length: report.request.period), to: maxWidth) + "\n")
    }
    return TerminalText.sanitize(output.text)
  }

  /// A sentence broken into lines no wider than the terminal.
  static func fitted(_ text: String, to maxWidth: Int?) -> String {
    guard let maxWidth else { return text }
    return DisplayWidth.wrap(text, to: maxWidth).joined(separator: "\n")
  }

  public static func csv(_ report: GrowthReport) -> String {
    let output = StringOutput()
    let writer = ListingWriter(columns: GrowthColumns.columns(report), format: .csv, output: output, language: .en)
    report.rows.forEach(writer.add)
    try? writer.finish()  // Text written to a string cannot fail.
    return output.text
  }

  public static func json(_ report: GrowthReport) -> JSONValue {
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

/// Text collected in memory, for small outputs built from writers.
final class StringOutput: TextOutput {
  private(set) var text = ""
  func write(_ text: String) { self.text += text }
}
