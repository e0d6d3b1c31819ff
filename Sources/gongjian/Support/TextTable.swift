@preconcurrency import Rainbow

/// A table for the terminal, with columns aligned by display width, so Chinese names line up.
struct TextTable {
  enum Alignment { case left, right }

  struct Column {
    var title: String
    var alignment: Alignment = .left
  }

  var columns: [Column]
  var rows: [[String]] = []

  init(_ columns: [Column]) {
    self.columns = columns
  }

  init(titles: [String], rightAligned: Set<Int> = []) {
    columns = titles.enumerated().map { Column(title: $1, alignment: rightAligned.contains($0) ? .right : .left) }
  }

  mutating func add(_ cells: [String]) {
    rows.append(cells.map(TextTable.singleLine))
  }

  /// Control characters and line breaks would break the grid: show them as visible marks.
  static func singleLine(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        result.append("⏎")
      } else if scalar.value < 0x20 || scalar.value == 0x7F {
        result.append("�")
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// The table as lines: a header, a rule, the rows. Two spaces between columns; no trailing spaces.
  func render(color: Bool) -> String {
    var widths = columns.map { DisplayWidth.of($0.title) }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell))
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, column) in columns.enumerated() {
        let cell = index < cells.count ? cells[index] : ""
        let isLast = index == columns.count - 1
        switch column.alignment {
        case .left: parts.append(isLast ? cell : DisplayWidth.pad(cell, to: widths[index]))
        case .right: parts.append(DisplayWidth.padLeft(cell, to: widths[index]))
        }
      }
      var text = parts.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text
    }
    let header = line(columns.map(\.title))
    var output = (color ? header.bold : header) + "\n"
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    output += (color ? rule.dim : rule) + "\n"
    for row in rows {
      output += line(row) + "\n"
    }
    return output
  }
}
