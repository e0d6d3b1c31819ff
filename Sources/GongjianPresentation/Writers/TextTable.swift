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

  /// The table as lines: a header, a rule, the rows. Two spaces between columns; no trailing
  /// spaces. With `maxWidth` (a terminal's width), the widest text columns are shortened, with
  /// "…" where a cell was cut, until every line fits.
  public func render(color: Bool, maxWidth: Int? = nil) -> String {
    var widths = columns.map { DisplayWidth.of($0.title) }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell))
      }
    }
    if let maxWidth { widths = TextTable.fitting(widths, columns: columns, into: maxWidth) }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, column) in columns.enumerated() {
        var cell = index < cells.count ? cells[index] : ""
        if DisplayWidth.of(cell) > widths[index] { cell = DisplayWidth.truncate(cell, to: widths[index]) }
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

  /// Column widths that fit `total` columns: the widest left-aligned column loses a column at
  /// a time (numbers and dates keep their width), none below a few characters.
  static func fitting(_ widths: [Int], columns: [Column], into total: Int) -> [Int] {
    var result = widths
    let separators = max(0, widths.count - 1) * 2
    let narrowest = 6
    while result.reduce(separators, +) > total {
      let candidates = result.indices.filter { columns[$0].alignment == .left && result[$0] > narrowest }
      guard let widest = candidates.max(by: { result[$0] < result[$1] }) else { break }
      result[widest] -= 1
    }
    return result
  }
}
