/// The table inside an import file, as offices lay it out, one layer above the CSV and XLSX
/// readers: title rows above the header are skipped (the header is the first of the first
/// twenty rows that names known columns, as the caller's `HeaderMatcher` tells), a 序号 column
/// is set aside, rows of whitespace and closing 合计/总计/小计 rows are skipped. What was set
/// aside is reported in `layout`.
///
/// Rows come out aligned with the header's cells: a CSV row with its fields (one field too few
/// or too many is the caller's to report: it shifts every column after it), an XLSX row with a
/// cell for every header column, empty where the sheet has none. A non-empty cell outside the
/// header's columns is added after them, so the caller sees a value the header does not name.
final class ImportTable {
  /// How far down the header is looked for.
  static let headerSearchRows = 20

  let source: any RowSource
  private let matcher: HeaderMatcher
  /// The header row: its row or line, its cells' text (columns set aside left out) and the
  /// file column of each.
  private(set) var header: (line: Int, cells: [String], columns: [Int])?
  private(set) var layout: ImportLayout

  /// Rows read while looking for the header that turn out to be data (no header was found,
  /// so the first row is the header).
  private var replay: [SourceRow] = []
  private let dense: Bool
  /// For each file column up to the header's last: its place in the output, -1 when set
  /// aside, -2 when outside the table.
  private var slots: [Int] = []
  private var passThrough = false

  static let maxBlankRowsListed = 20

  init(source: any RowSource, matcher: HeaderMatcher) throws {
    self.source = source
    self.matcher = matcher
    layout = ImportLayout(format: source.format)
    if case .csv = source.format { dense = true } else { dense = false }
    try findHeader()
  }

  /// Convenience for a file on disk: CSV, or XLSX by its name.
  convenience init(
    path: String, encoding: TextEncodingChoice = .auto, sheet: String? = nil, matcher: HeaderMatcher,
    limits: InputLimits = .standard
  ) throws {
    let source: any RowSource =
      path.lowercased().hasSuffix(".xlsx")
      ? try XLSXRowSource(path: path, sheet: sheet, limits: limits)
      : try CSVRowSource(path: path, encoding: encoding, header: matcher, limits: limits)
    try self.init(source: source, matcher: matcher)
  }

  /// The same file from its start, laid out the same way.
  func reopened() throws -> ImportTable {
    try ImportTable(source: source.reopened(), matcher: matcher)
  }

  private static func texts(_ cells: [ImportCell]) -> [(column: Int, text: String)] {
    cells.compactMap { cell in
      guard let text = cell.text, !HeaderText.key(text).isEmpty else { return nil }
      return (cell.column, text)
    }
  }

  private func findHeader() throws {
    var seen: [SourceRow] = []
    while seen.count < ImportTable.headerSearchRows, let row = try source.next() {
      guard case .row(let line, let cells) = row else {
        if case .unreadable(_, let problem) = row { throw problem }
        continue
      }
      if cells.allSatisfy({ $0.value.isBlank }) { continue }
      let texts = ImportTable.texts(cells)
      if matcher.isHeader(texts.map(\.text)) {
        layout.titleRows = seen.map(\.line)
        layout.headerRecognised = true
        setHeader(line: line, texts)
        return
      }
      seen.append(row)
    }
    // No header: the first row is taken for it, and what came after is data.
    guard let first = seen.first, case .row(let line, let cells) = first else { return }
    setHeader(line: line, ImportTable.texts(cells))
    replay = Array(seen.dropFirst().reversed())
  }

  private func setHeader(line: Int, _ texts: [(column: Int, text: String)]) {
    layout.headerLine = line
    // A hostile workbook may list a row's cells out of column order: take the extremes.
    guard let first = texts.map(\.column).min(), let last = texts.map(\.column).max() else {
      header = (line, [], [])
      return
    }
    let byColumn = Dictionary(texts.map { ($0.column, $0.text) }, uniquingKeysWith: { first, _ in first })
    var cells: [String] = []
    var columns: [Int] = []
    slots = Array(repeating: -2, count: last + 1)
    for column in first...last {
      let text = byColumn[column] ?? ""
      if HeaderText.isNumbering(text) {
        layout.ignoredColumns.append(ImportLayout.IgnoredColumn(column: column, header: text))
        slots[column] = -1
        continue
      }
      slots[column] = cells.count
      cells.append(text)
      columns.append(column)
    }
    header = (line, cells, columns)
    passThrough = dense && first == 0 && layout.ignoredColumns.isEmpty
  }

  /// The next row of the table, nil at its end.
  func next() throws -> SourceRow? {
    while true {
      guard let row = try replay.popLast() ?? source.next() else { return nil }
      guard case .row(let line, let cells) = row else { return row }
      // The first non-empty cell (in the 序号 column too, where offices often put 合计).
      guard let first = cells.first(where: { !$0.value.isBlank }) else {
        layout.blankRows += 1
        if layout.firstBlankRows.count < ImportTable.maxBlankRowsListed { layout.firstBlankRows.append(line) }
        continue
      }
      if case .text(let label) = first.value, HeaderText.isTotalLabel(label) {
        layout.totalRows.append(ImportLayout.TotalRow(line: line, label: label))
        continue
      }
      if passThrough { return row }
      return .row(line: line, cells: aligned(cells))
    }
  }

  /// `cells` in the header's order: see the type's description.
  private func aligned(_ cells: [ImportCell]) -> [ImportCell] {
    let width = header?.columns.count ?? 0
    var output: [ImportCell]
    if dense {
      output = []
      output.reserveCapacity(width)
    } else {
      output = (header?.columns ?? []).map { ImportCell(column: $0, value: .empty) }
    }
    var extra: [ImportCell] = []
    for cell in cells {
      let slot = cell.column < slots.count ? slots[cell.column] : -2
      if slot >= 0 {
        if dense { output.append(cell) } else { output[slot] = cell }
      } else if slot == -2 && !cell.value.isBlank {
        extra.append(cell)
      }
    }
    return output + extra
  }
}
