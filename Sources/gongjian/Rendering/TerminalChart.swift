import GongjianRegistry
@preconcurrency import Rainbow

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Horizontal bars in the terminal, drawn with eighth blocks so small differences show.
enum TerminalChart {
  private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// The terminal's width, else $COLUMNS, else 80; kept between 40 and 120.
  static func availableWidth() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return min(max(Int(size.ws_col), 40), 120)
    }
    if let columns = ProcessEnvironment.variables["COLUMNS"].flatMap(Int.init), columns > 0 {
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

  static func render(_ report: GrowthReport, width: Int, color: Bool) -> String {
    var text = GrowthText.title(report) + " — units in the alliance at the end of each period\n\n"
    guard !report.rows.isEmpty else { return text + "(no periods in this range)\n" }
    let withSeries = !report.columns.isEmpty
    let labels = report.rows.map(\.label)
    let seriesWidth = withSeries ? (report.columns.map { DisplayWidth.of($0) }.max() ?? 0) + 2 : 0
    let labelWidth = (labels.map { DisplayWidth.of($0) }.max() ?? 0)
    let maximum = report.rows.map(\.total).max() ?? 0
    let valueWidth = String(maximum).count + 8
    let barWidth = max(10, width - labelWidth - seriesWidth - valueWidth - 3)
    for row in report.rows {
      var line = DisplayWidth.pad(row.label, to: labelWidth) + " "
      if withSeries { line += DisplayWidth.pad("", to: seriesWidth) }
      let bar = self.bar(row.total, maximum: maximum, width: barWidth)
      line += (color ? bar.red : bar) + " \(row.total)"
      if row.net != 0 { line += "  (\(GrowthText.signed(row.net)))" }
      text += line + "\n"
      for (name, total) in zip(report.columns, row.totals) {
        let seriesBar = self.bar(total, maximum: maximum, width: barWidth)
        text +=
          DisplayWidth.pad("", to: labelWidth) + " " + DisplayWidth.pad(name, to: seriesWidth)
          + (color ? seriesBar.yellow : seriesBar) + " \(total)\n"
      }
    }
    if let summary = report.summary { text += "\n" + summary.line + "\n" }
    return text
  }
}
