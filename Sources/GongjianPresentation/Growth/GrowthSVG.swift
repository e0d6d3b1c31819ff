import GongjianRegistry

/// The growth report as an SVG chart for a slide (16:9): bars for the total at the end of each
/// period on the left axis, a line for the units that joined on the right axis, titled, with
/// labelled axes and Chinese text in a font stack that exists on Windows, macOS and Linux.
public enum GrowthSVG {
  static let width = 960.0
  static let height = 540.0
  /// Plot area (its top moves down when the legend needs more than one row).
  static let left = 90.0
  static let right = 870.0
  static let plotTop = 110.0
  static let bottom = 440.0

  public static func render(_ report: GrowthReport, texts: any Catalogue) -> String {
    var svg = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
      viewBox="0 0 \(Int(width)) \(Int(height))" font-family="\(escape(ChartStyle.fontStack))" role="img" \
      aria-labelledby="chart-title">

      """
    svg += body(report, texts: texts)
    svg += "</svg>\n"
    return svg
  }

  /// Roughly how wide text is at a font size: a Chinese character is about a square, a Latin
  /// letter about half of one. Good enough to keep titles and legends inside the canvas.
  static func estimatedWidth(_ text: String, size: Double) -> Double {
    Double(DisplayWidth.of(text)) * size * 0.56
  }

  /// The font size at which `text` fits `available` points, at most `size`.
  static func fittingSize(_ text: String, size: Double, available: Double) -> Int {
    let needed = estimatedWidth(text, size: size)
    guard needed > available else { return Int(size) }
    return max(9, Int((size * available / needed).rounded(.down)))
  }

  /// Everything inside the `<svg>` element (the HTML page reuses it).
  static func body(_ report: GrowthReport, texts: any Catalogue) -> String {
    var svg = "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>\n"
    let title = texts.growthTitle(subdistrict: report.subdistrict)
    svg += text(
      title, x: width / 2, y: 42, size: fittingSize(title, size: 26, available: width - 60), weight: "bold",
      anchor: "middle", id: "chart-title")
    var subtitle = GrowthText.scope(report, texts: texts)
    if let summary = report.summary {
      subtitle = texts.growthSummary(summary, length: report.request.period) + "   ·   " + subtitle
    }
    svg += text(
      subtitle, x: width / 2, y: 70, size: fittingSize(subtitle, size: 14, available: width - 60), fill: "#555555",
      anchor: "middle")

    let rows = report.rows
    guard !rows.isEmpty else {
      svg += text(texts.growthNoPeriods, x: width / 2, y: height / 2, size: 18, anchor: "middle")
      return svg
    }
    let length = report.request.period
    let labels = rows.map { texts.periodLabel($0.label, length: length) }
    let stacked = report.request.by == .kind && !report.columns.isEmpty
    let showJoinedLine = report.columns.isEmpty
    // The legend first: its rows decide where the plot begins.
    var legend: [(name: String, color: String, isLine: Bool)] = []
    if stacked {
      legend = report.columns.enumerated().map { ($1, ChartStyle.palette[$0 % ChartStyle.palette.count], false) }
    } else {
      legend.append((texts.chartTotalLegend, ChartStyle.totalColor, false))
      if showJoinedLine {
        legend.append((texts.chartJoinedLegend, ChartStyle.joinedColor, true))
      } else {
        legend += report.columns.enumerated().map {
          ($1, ChartStyle.palette[($0 + 1) % ChartStyle.palette.count], true)
        }
      }
    }
    let legendLayout = legendPositions(legend.map(\.name))
    let top = plotTop + 20 * Double(max(0, (legendLayout.last?.row ?? 0)))
    svg += "<g class=\"legend\" font-size=\"13\" fill=\"#333333\">\n"
    for (item, position) in zip(legend, legendLayout) {
      let y = 93 + 20 * Double(position.row)
      if item.isLine {
        svg += line(x1: position.x, y1: y, x2: position.x + 22, y2: y, stroke: item.color, width: 3)
      } else {
        svg +=
          "<rect x=\"\(format(position.x))\" y=\"\(format(y - 7))\" width=\"22\" height=\"14\" fill=\"\(item.color)\"/>\n"
      }
      svg += text(item.name, x: position.x + 28, y: y + 5, size: 13, anchor: "start")
    }
    svg += "</g>\n"
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
    if showJoinedLine {
      svg += "<g class=\"axis-right\" font-size=\"13\" fill=\"\(ChartStyle.joinedColor)\">\n"
      for tick in stride(from: 0, through: joinedTop, by: joinedStep) {
        svg += text(
          String(tick), x: right + 8, y: y(tick, top: joinedTop) + 4, size: 13, fill: "#9a6a00", anchor: "start")
      }
      svg += "</g>\n"
    }
    svg += line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#888888")
    svg += line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#888888")

    // Axis titles.
    let axisSize = fittingSize(texts.chartTotalAxis, size: 14, available: bottom - top)
    svg += text(
      texts.chartTotalAxis, x: 28, y: (top + bottom) / 2, size: axisSize, fill: "#333333", anchor: "middle",
      transform: "rotate(-90 28 \(format((top + bottom) / 2)))")
    if showJoinedLine {
      svg += text(
        texts.chartJoinedAxis, x: width - 22, y: (top + bottom) / 2,
        size: fittingSize(texts.chartJoinedAxis, size: 14, available: bottom - top), fill: "#9a6a00",
        anchor: "middle", transform: "rotate(90 \(format(width - 22)) \(format((top + bottom) / 2)))")
    }
    svg += text(
      texts.chartPeriodAxis(length), x: (left + right) / 2, y: bottom + 62, size: 14, fill: "#333333",
      anchor: "middle")

    // Bars: totals, stacked by kind when the report is broken down by kind.
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
            + "fill=\"\(ChartStyle.palette[series % ChartStyle.palette.count])\"><title>\(escape("\(labels[index]) \(report.columns[series]): \(value)"))</title></rect>\n"
          base += value
        }
      } else {
        let top = y(row.total, top: totalTop)
        svg +=
          "<rect x=\"\(format(x))\" y=\"\(format(top))\" width=\"\(format(barWidth))\" height=\"\(format(bottom - top))\" "
          + "fill=\"\(ChartStyle.totalColor)\" fill-opacity=\"0.88\"><title>\(escape("\(labels[index]) \(texts.chartTotalLegend): \(row.total)"))</title></rect>\n"
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
        rows.enumerated().map { (centre($0.offset), y($0.element.joined, top: joinedTop)) },
        color: ChartStyle.joinedColor)
      if slot >= 22 {
        for (index, row) in rows.enumerated() {
          svg +=
            "<circle cx=\"\(format(centre(index)))\" cy=\"\(format(y(row.joined, top: joinedTop)))\" r=\"4\" fill=\"#ffffff\" "
            + "stroke=\"\(ChartStyle.joinedColor)\" stroke-width=\"2.5\"><title>\(escape("\(labels[index]) \(texts.chartJoinedLegend): \(row.joined)"))</title></circle>\n"
        }
      }
    } else if !stacked {
      for series in report.columns.indices {
        let points = rows.enumerated().map { (centre($0.offset), y($0.element.totals[series], top: totalTop)) }
        svg += polyline(points, color: ChartStyle.palette[(series + 1) % ChartStyle.palette.count])
      }
    }

    // Period labels, thinned so they never overlap.
    let labelWidth = (labels.map { estimatedWidth($0, size: 13) }.max() ?? 32) + 10
    let every = max(1, Int((labelWidth / slot).rounded(.up)))
    svg += "<g class=\"labels\" font-size=\"13\" fill=\"#333333\" text-anchor=\"middle\">\n"
    for index in rows.indices where index % every == 0 || index == rows.count - 1 {
      if index != rows.count - 1 && (rows.count - 1 - index) < every && index % every == 0 && index != 0 { continue }
      svg += text(labels[index], x: centre(index), y: bottom + 22, size: 13, anchor: "middle")
    }
    svg += "</g>\n"

    return svg
  }

  /// Where each legend entry goes: left to right, wrapping onto a new row before the right
  /// edge, so a dozen working groups all show.
  static func legendPositions(_ names: [String]) -> [(x: Double, row: Int)] {
    var positions: [(x: Double, row: Int)] = []
    var x = left
    var row = 0
    for name in names {
      let entryWidth = 28 + estimatedWidth(name, size: 13) + 18
      if x > left && x + entryWidth > width - 20 {
        row += 1
        x = left
      }
      positions.append((x, row))
      x += entryWidth
    }
    return positions
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
