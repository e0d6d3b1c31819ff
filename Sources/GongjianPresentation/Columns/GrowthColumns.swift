import GongjianRegistry

/// The growth report's columns.
public enum GrowthColumns {
  /// The columns of a growth report: the same keys in CSV and JSON, headings per language.
  public static func columns(_ report: GrowthReport) -> [Column<GrowthRow>] {
    let length = report.request.period
    var columns: [Column<GrowthRow>] = [
      Column(
        "period", ChineseCatalogue().growthHeadings(length)[0], EnglishCatalogue().growthHeadings(length)[0],
        value: { .text($0.label) }, display: { row, texts in texts.periodLabel(row.label, length: length) }),
      Column("joined", "新加入", "joined", alignment: .right, value: { .int($0.joined) }),
      Column("left", "退出", "left", alignment: .right, value: { .int($0.left) }),
      Column(
        "net", "净增", "net", alignment: .right, value: { .int($0.net) }, display: { row, texts in texts.signed(row.net) }
      ),
      Column("total", "期末总数", "total", alignment: .right, value: { .int($0.total) }),
      Column(
        "change_pct", "增幅", "change", alignment: .right, value: { .number($0.changePercent) },
        display: { row, texts in row.changePercent.map(texts.signedPercent) ?? "" }),
    ]
    for (index, name) in report.columns.enumerated() {
      columns.append(Column(name, name, name, alignment: .right, value: { .int($0.totals[index]) }))
    }
    return columns
  }
}
