import GongjianRegistry

/// The growth report as an SVG chart for a slide (16:9): bars for the total at the end of each
/// period on the left axis, a line for the units that joined on the right axis, titled, with
/// labelled axes and Chinese text in a font stack that exists on Windows, macOS and Linux.
enum GrowthSVG {
  static let width = 960.0
  static let height = 540.0
  static let fontStack =
    "'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', "
    + "'WenQuanYi Micro Hei', SimHei, sans-serif"
  static let palette = [
    "#c0392b", "#e6a23c", "#2e86c1", "#27ae60", "#8e44ad", "#16a085", "#d35400", "#7f8c8d", "#2c3e50", "#f1c40f",
  ]
  static let totalColor = "#c0392b"
  static let joinedColor = "#e6a23c"

  /// Plot area.
  static let left = 90.0
  static let right = 870.0
  static let top = 110.0
  static let bottom = 440.0

  static func render(_ report: GrowthReport) -> String {
    var svg = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
      viewBox="0 0 \(Int(width)) \(Int(height))" font-family="\(escape(fontStack))" role="img" \
      aria-labelledby="chart-title">

      """
    svg += body(report)
    svg += "</svg>\n"
    return svg
  }

  /// Everything inside the `<svg>` element (the HTML page reuses it).
  static func body(_ report: GrowthReport) -> String {
    var svg = "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>\n"
    let title = "\(report.subdistrict)区域化党建单位发展情况"
    svg += text(title, x: width / 2, y: 42, size: 26, weight: "bold", anchor: "middle", id: "chart-title")
    var subtitle = GrowthText.scope(report)
    if let summary = report.summary { subtitle = summary.line + "   ·   " + subtitle }
    svg += text(subtitle, x: width / 2, y: 72, size: 14, fill: "#555555", anchor: "middle")

    let rows = report.rows
    guard !rows.isEmpty else {
      svg += text("（此范围内没有数据 · no periods in this range）", x: width / 2, y: height / 2, size: 18, anchor: "middle")
      return svg
    }
    let maximumTotal = rows.map(\.total).max() ?? 0
    let (totalStep, totalTop) = niceScale(maximumTotal)
    let maximumJoined = rows.map(\.joined).max() ?? 0
    let (joinedStep, joinedTop) = niceScale(maximumJoined)
    let slot = (right - left) / Double(rows.count)
    let barWidth = max(1, slot * 0.62)
    func y(_ value: Int, top scaleTop: Int) -> Double {
      bottom - (bottom - top) * Double(value) / Double(max(scaleTop, 1))
    }
    func centre(_ index: Int) -> Double { left + slot * (Double(index) + 0.5) }

    // Grid and left axis (totals).
    svg += "<g class=\"grid\" stroke=\"#e5e5e5\" stroke-width=\"1\">\n"
    for tick in stride(from: 0, through: totalTop, by: totalStep) {
      svg += line(x1: left, y1: y(tick, top: totalTop), x2: right, y2: y(tick, top: totalTop))
    }
    svg += "</g>\n<g class=\"axis-left\" font-size=\"13\" fill=\"#333333\" text-anchor=\"end\">\n"
    for tick in stride(from: 0, through: totalTop, by: totalStep) {
      svg += text(String(tick), x: left - 8, y: y(tick, top: totalTop) + 4, size: 13, anchor: "end")
    }
    svg += "</g>\n"
    let showJoinedLine = report.columns.isEmpty
    if showJoinedLine {
      svg += "<g class=\"axis-right\" font-size=\"13\" fill=\"\(joinedColor)\">\n"
      for tick in stride(from: 0, through: joinedTop, by: joinedStep) {
        svg += text(
          String(tick), x: right + 8, y: y(tick, top: joinedTop) + 4, size: 13, fill: "#9a6a00", anchor: "start")
      }
      svg += "</g>\n"
    }
    svg += line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#888888")
    svg += line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#888888")

    // Axis titles.
    svg += text(
      "单位总数（家）· units", x: 28, y: (top + bottom) / 2, size: 14, fill: "#333333", anchor: "middle",
      transform: "rotate(-90 28 \(format((top + bottom) / 2)))")
    if showJoinedLine {
      svg += text(
        "新加入（家）· joined", x: width - 22, y: (top + bottom) / 2, size: 14, fill: "#9a6a00", anchor: "middle",
        transform: "rotate(90 \(format(width - 22)) \(format((top + bottom) / 2)))")
    }
    let axisName: String
    switch report.request.period {
    case .year: axisName = "年份 · year"
    case .quarter: axisName = "季度 · quarter"
    case .month: axisName = "月份 · month"
    }
    svg += text(axisName, x: (left + right) / 2, y: bottom + 62, size: 14, fill: "#333333", anchor: "middle")

    // Bars: totals, stacked by kind when the report is broken down by kind.
    let stacked = report.request.by == .kind && !report.columns.isEmpty
    svg += "<g class=\"bars\">\n"
    for (index, row) in rows.enumerated() {
      let x = centre(index) - barWidth / 2
      if stacked {
        var base = 0
        for (series, value) in row.totals.enumerated() where value > 0 {
          let y0 = y(base, top: totalTop)
          let y1 = y(base + value, top: totalTop)
          svg +=
            "<rect x=\"\(format(x))\" y=\"\(format(y1))\" width=\"\(format(barWidth))\" height=\"\(format(y0 - y1))\" "
            + "fill=\"\(palette[series % palette.count])\"><title>\(escape("\(row.label) \(report.columns[series]): \(value)"))</title></rect>\n"
          base += value
        }
      } else {
        let top = y(row.total, top: totalTop)
        svg +=
          "<rect x=\"\(format(x))\" y=\"\(format(top))\" width=\"\(format(barWidth))\" height=\"\(format(bottom - top))\" "
          + "fill=\"\(totalColor)\" fill-opacity=\"0.88\"><title>\(escape("\(row.label): \(row.total)"))</title></rect>\n"
      }
    }
    svg += "</g>\n"

    // Value labels over the bars, when there is room.
    if slot >= 22 {
      svg += "<g class=\"values\" font-size=\"13\" font-weight=\"bold\" fill=\"#222222\" text-anchor=\"middle\">\n"
      for (index, row) in rows.enumerated() {
        svg += text(String(row.total), x: centre(index), y: y(row.total, top: totalTop) - 6, size: 13, anchor: "middle")
      }
      svg += "</g>\n"
    }

    // Lines: units joined per period, or each group's total.
    if showJoinedLine {
      svg += polyline(
        rows.enumerated().map { (centre($0.offset), y($0.element.joined, top: joinedTop)) }, color: joinedColor)
      if slot >= 22 {
        for (index, row) in rows.enumerated() {
          svg +=
            "<circle cx=\"\(format(centre(index)))\" cy=\"\(format(y(row.joined, top: joinedTop)))\" r=\"4\" fill=\"#ffffff\" "
            + "stroke=\"\(joinedColor)\" stroke-width=\"2.5\"><title>\(escape("\(row.label) joined: \(row.joined)"))</title></circle>\n"
        }
      }
    } else if !stacked {
      for series in report.columns.indices {
        let points = rows.enumerated().map { (centre($0.offset), y($0.element.totals[series], top: totalTop)) }
        svg += polyline(points, color: palette[(series + 1) % palette.count])
      }
    }

    // Period labels, thinned so they never overlap.
    let labelWidth = Double(rows.map { $0.label.count }.max() ?? 4) * 8 + 10
    let every = max(1, Int((labelWidth / slot).rounded(.up)))
    svg += "<g class=\"labels\" font-size=\"13\" fill=\"#333333\" text-anchor=\"middle\">\n"
    for (index, row) in rows.enumerated() where index % every == 0 || index == rows.count - 1 {
      if index != rows.count - 1 && (rows.count - 1 - index) < every && index % every == 0 && index != 0 { continue }
      svg += text(row.label, x: centre(index), y: bottom + 22, size: 13, anchor: "middle")
    }
    svg += "</g>\n"

    // Legend.
    var legend: [(String, String, Bool)] = []
    if stacked {
      legend = report.columns.enumerated().map { ($1, palette[$0 % palette.count], false) }
    } else {
      legend.append(("期末单位总数 total", totalColor, false))
      if showJoinedLine {
        legend.append(("本期新加入 joined", joinedColor, true))
      } else {
        legend += report.columns.enumerated().map { ($1, palette[($0 + 1) % palette.count], true) }
      }
    }
    svg += "<g class=\"legend\" font-size=\"13\" fill=\"#333333\">\n"
    var x = left
    for (name, color, isLine) in legend {
      if isLine {
        svg += line(x1: x, y1: 93, x2: x + 22, y2: 93, stroke: color, width: 3)
      } else {
        svg += "<rect x=\"\(format(x))\" y=\"86\" width=\"22\" height=\"14\" fill=\"\(color)\"/>\n"
      }
      svg += text(name, x: x + 28, y: 98, size: 13, anchor: "start")
      x += 28 + Double(DisplayWidth.of(name)) * 7.5 + 18
    }
    svg += "</g>\n"
    return svg
  }

  /// A step of 1, 2 or 5 × 10ⁿ giving about five ticks, and the top of the scale.
  static func niceScale(_ maximum: Int) -> (step: Int, top: Int) {
    guard maximum > 0 else { return (1, 1) }
    var magnitude = 1
    while magnitude * 10 <= maximum { magnitude *= 10 }
    var step = magnitude
    for factor in [1, 2, 5, 10] {
      let candidate = max(1, magnitude * factor / 10)
      if maximum / candidate <= 6 {
        step = candidate
        break
      }
    }
    while maximum / step > 6 { step *= 2 }
    let top = ((maximum + step - 1) / step) * step
    return (step, top == maximum ? top + (maximum >= 5 * step ? step : 0) : top)
  }

  static func text(
    _ content: String, x: Double, y: Double, size: Int, weight: String? = nil, fill: String? = nil, anchor: String,
    id: String? = nil, transform: String? = nil
  ) -> String {
    var attributes = "x=\"\(format(x))\" y=\"\(format(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\""
    if let weight { attributes += " font-weight=\"\(weight)\"" }
    if let fill { attributes += " fill=\"\(fill)\"" }
    if let id { attributes += " id=\"\(id)\"" }
    if let transform { attributes += " transform=\"\(transform)\"" }
    return "<text \(attributes)>\(escape(content))</text>\n"
  }

  static func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String? = nil, width: Double? = nil
  ) -> String {
    var attributes = "x1=\"\(format(x1))\" y1=\"\(format(y1))\" x2=\"\(format(x2))\" y2=\"\(format(y2))\""
    if let stroke { attributes += " stroke=\"\(stroke)\"" }
    if let width { attributes += " stroke-width=\"\(format(width))\"" }
    return "<line \(attributes)/>\n"
  }

  static func polyline(_ points: [(Double, Double)], color: String) -> String {
    let list = points.map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " ")
    return
      "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"3\" stroke-linejoin=\"round\"/>\n"
  }

  /// A coordinate with at most one decimal place.
  static func format(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    if tenths % 10 == 0 { return String(tenths / 10) }
    let sign = tenths < 0 ? "-" : ""
    return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
  }

  /// Escapes text for XML content and attributes.
  static func escape(_ text: String) -> String { XMLText.escape(text) }

}
