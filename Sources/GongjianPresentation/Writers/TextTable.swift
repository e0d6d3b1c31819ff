import GongjianRegistry
@preconcurrency import Rainbow

/// A table for the terminal, with columns aligned by display width, so Chinese names line up.
public struct TextTable {
  public enum Alignment: Sendable { case left, right }

  public struct Column {
    public var title: String
    public var alignment: Alignment = .left
    /// Left out when the table cannot fit its width otherwise.
    public var droppable = false
    /// Whether its cells may be cut short to fit (not dates: a cut date is no date).
    public var shrinkable = true

    public init(title: String, alignment: Alignment = .left, droppable: Bool = false, shrinkable: Bool = true) {
      self.title = title
      self.alignment = alignment
      self.droppable = droppable
      self.shrinkable = shrinkable
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
  /// spaces. With `maxWidth` (a terminal's width), droppable columns are left out, then the
  /// widest text columns are shortened, with "…" where a cell was cut; a table of numbers that
  /// still does not fit (a report by kind) continues its columns in a second block below,
  /// each block repeating the first column.
  public func render(color: Bool, maxWidth: Int? = nil) -> String {
    var widths = TextTable.headingWidths(columns)
    for row in rows { TextTable.widen(&widths, row) }
    let output = StringOutput()
    TextTable.write(columns, widths: widths, color: color, maxWidth: maxWidth, to: output) { line in
      for row in rows { line(row) }
    }
    return output.text
  }

  /// Each column's width before any row: its title's.
  static func headingWidths(_ columns: [Column]) -> [Int] {
    columns.map { DisplayWidth.of($0.title) }
  }

  /// Widens `widths` to fit a row's cells.
  static func widen(_ widths: inout [Int], _ row: [String]) {
    for (index, cell) in row.enumerated() where index < widths.count {
      widths[index] = max(widths[index], DisplayWidth.of(cell))
    }
  }

  /// Writes a table whose columns' widths (over every row) are known: `rows` is called once
  /// for each block with a function that writes one row, and gives it every row in order.
  /// `render` writes from rows in memory; a long listing from rows it kept in a file.
  static func write(
    _ columns: [Column], widths measured: [Int], color: Bool, maxWidth: Int?, to output: any TextOutput,
    rows: (_ line: ([String]) -> Void) -> Void
  ) {
    var widths = measured
    var shown = Array(columns.indices)
    var blocks = [shown]
    if let maxWidth {
      // The least needed columns go first, whole, rather than every column cut short.
      while TextTable.total(widths, shown) > maxWidth, let dropped = shown.last(where: { columns[$0].droppable }) {
        shown.removeAll { $0 == dropped }
      }
      widths = TextTable.fitting(widths, columns: columns, into: maxWidth, narrowest: 6, shown: shown)
      blocks = TextTable.blocks(shown, widths: widths, into: maxWidth)
    }
    for (number, block) in blocks.enumerated() {
      if number > 0 { output.write("\n") }
      let header = line(columns.map { TerminalText.cell($0.title) }, columns: columns, shown: block, widths: widths)
      output.write((color ? header.bold : header) + "\n")
      let rule = block.map { String(repeating: "─", count: widths[$0]) }.joined(separator: "  ")
      output.write((color ? rule.dim : rule) + "\n")
      rows { cells in output.write(line(cells, columns: columns, shown: block, widths: widths) + "\n") }
    }
  }

  /// The shown columns split into blocks that each fit `total`, every block after the first
  /// repeating the first column (the period, the name) so its rows can still be read.
  static func blocks(_ shown: [Int], widths: [Int], into total: Int) -> [[Int]] {
    guard let first = shown.first, TextTable.total(widths, shown) > total else { return [shown] }
    var result: [[Int]] = []
    var current: [Int] = []
    for index in shown {
      if !current.isEmpty && current != [first] && TextTable.total(widths, current + [index]) > total {
        result.append(current)
        current = [first]
      }
      current.append(index)
    }
    result.append(current)
    return result
  }

  /// One line of a block of columns; cells wider than their column cut.
  private static func line(_ cells: [String], columns: [Column], shown: [Int], widths: [Int]) -> String {
    var parts: [String] = []
    for index in shown {
      let column = columns[index]
      var cell = index < cells.count ? cells[index] : ""
      if DisplayWidth.of(cell) > widths[index] { cell = DisplayWidth.truncate(cell, to: widths[index]) }
      let isLast = index == shown.last
      switch column.alignment {
      case .left: parts.append(isLast ? cell : DisplayWidth.pad(cell, to: widths[index]))
      case .right: parts.append(DisplayWidth.padLeft(cell, to: widths[index]))
      }
    }
    var text = parts.joined(separator: "  ")
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }

  /// The width of the shown columns with the two spaces between them.
  static func total(_ widths: [Int], _ shown: [Int]) -> Int {
    shown.reduce(max(0, shown.count - 1) * 2) { $0 + widths[$1] }
  }

  /// Column widths that fit `total` columns: the widest left-aligned column of those shown
  /// loses a column at a time (numbers and dates keep their width), none below `narrowest`.
  static func fitting(
    _ widths: [Int], columns: [Column], into total: Int, narrowest: Int, shown: [Int]? = nil
  ) -> [Int] {
    var result = widths
    let shown = shown ?? Array(widths.indices)
    while TextTable.total(result, shown) > total {
      let candidates = shown.filter {
        columns[$0].alignment == .left && columns[$0].shrinkable && result[$0] > narrowest
      }
      guard let widest = candidates.max(by: { result[$0] < result[$1] }) else { break }
      result[widest] -= 1
    }
    return result
  }
}
