import GongjianRegistry
@preconcurrency import Rainbow

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Horizontal bars in the terminal, drawn with eighth blocks so small differences show.
public enum TerminalChart {
  private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// The terminal's width, else $COLUMNS, else 80; kept between 40 and 120.
  public static func availableWidth(columnsVariable: String?) -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return min(max(Int(size.ws_col), 40), 120)
    }
    if let columns = columnsVariable.flatMap(Int.init), columns > 0 {
      return min(max(columns, 40), 120)
    }
    return 80
  }

  /// A bar `value / maximum` of `width` columns long.
  static func bar(_ value: Int, maximum: Int, width: Int) -> String {
    guard maximum > 0, value > 0, width > 0 else { return "" }
    let eighthsLong = Int((Double(value) / Double(maximum) * Double(width * 8)).rounded())
    let full = eighthsLong / 8
    var text = String(repeating: "█", count: full) + eighths[eighthsLong % 8]
    if text.isEmpty { text = "▏" }  // Never let a non-zero value vanish.
    return text
  }

  public static func render(_ report: GrowthReport, texts: any Catalogue, width: Int, color: Bool) -> String {
    var text = GrowthText.title(report, texts: texts) + " — " + texts.growthChartCaption + "\n\n"
    guard !report.rows.isEmpty else { return TerminalText.sanitize(text + texts.growthNoPeriods + "\n") }
    let withSeries = !report.columns.isEmpty
    let labels = report.rows.map { texts.periodLabel($0.label, length: report.request.period) }
    let seriesWidth = withSeries ? (report.columns.map { DisplayWidth.of($0) }.max() ?? 0) + 2 : 0
    let labelWidth = (labels.map { DisplayWidth.of($0) }.max() ?? 0)
    let maximum = report.rows.map(\.total).max() ?? 0
    let valueWidth = String(maximum).count + 8
    let barWidth = max(10, width - labelWidth - seriesWidth - valueWidth - 3)
    for (row, label) in zip(report.rows, labels) {
      var line = DisplayWidth.pad(label, to: labelWidth) + " "
      if withSeries { line += DisplayWidth.pad("", to: seriesWidth) }
      let bar = self.bar(row.total, maximum: maximum, width: barWidth)
      line += (color ? bar.red : bar) + " \(row.total)"
      if row.net != 0 { line += "  (\(texts.signed(row.net)))" }
      text += line + "\n"
      for (name, total) in zip(report.columns, row.totals) {
        let seriesBar = self.bar(total, maximum: maximum, width: barWidth)
        text +=
          DisplayWidth.pad("", to: labelWidth) + " " + DisplayWidth.pad(name, to: seriesWidth)
          + (color ? seriesBar.yellow : seriesBar) + " \(total)\n"
      }
    }
    if let summary = report.summary {
      text += "\n" + texts.growthSummary(summary, length: report.request.period) + "\n"
    }
    return TerminalText.sanitize(text)
  }
}
