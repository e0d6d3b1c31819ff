@preconcurrency import Rainbow

/// A table for the terminal, with columns aligned by display width, so Chinese names line up.
public struct TextTable {
  public enum Alignment: Sendable { case left, right }

  public struct Column {
    public var title: String
    public var alignment: Alignment = .left

    public init(title: String, alignment: Alignment = .left) {
      self.title = title
      self.alignment = alignment
    }
  }

  var columns: [Column]
  var rows: [[String]] = []

  public init(_ columns: [Column]) {
    self.columns = columns
  }

  public init(titles: [String], rightAligned: Set<Int> = []) {
    columns = titles.enumerated().map { Column(title: $1, alignment: rightAligned.contains($0) ? .right : .left) }
  }

  public mutating func add(_ cells: [String]) {
    rows.append(cells.map(TerminalText.cell))
  }

  /// The table as lines: a header, a rule, the rows. Two spaces between columns; no trailing spaces.
  public func render(color: Bool) -> String {
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
    let header = line(columns.map { TerminalText.cell($0.title) })
    var output = (color ? header.bold : header) + "\n"
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    output += (color ? rule.dim : rule) + "\n"
    for row in rows {
      output += line(row) + "\n"
    }
    return output
  }
}
