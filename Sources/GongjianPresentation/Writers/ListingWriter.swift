import GongjianRegistry

/// The formats every listing offers.
public enum ListingFormat: String, CaseIterable, Sendable {
  case table, csv, json, xlsx, html
}

/// An output a workbook can be written into: a regular file, by its descriptor (a workbook is
/// written with seeks, so never a pipe).
public protocol WorkbookOutput: TextOutput {
  var descriptor: Int32 { get }
  var destinationPath: String { get }
}

/// What a listing says about itself beyond its rows: a title and a subtitle (a printed page's
/// heading, a workbook's sheet), whether a CSV starts with a byte-order mark, and the width a
/// table must fit.
public struct ListingPresentation: Sendable {
  public var title: String
  public var subtitle: String?
  public var bom: Bool
  /// Display columns a table may use (a terminal's width); nil for no limit.
  public var maxWidth: Int?
  public var color: Bool
  /// A printed page's orientation: wide listings are printed landscape.
  public var orientation: PrintablePage.Orientation

  public init(
    title: String, subtitle: String? = nil, bom: Bool = false, maxWidth: Int? = nil, color: Bool = false,
    orientation: PrintablePage.Orientation = .landscape
  ) {
    self.title = title
    self.subtitle = subtitle
    self.bom = bom
    self.maxWidth = maxWidth
    self.color = color
    self.orientation = orientation
  }
}

/// Writes a listing in one format from its column table, row by row, in bounded memory
/// whatever the number of rows: CSV, JSON, XLSX and HTML stream; a table, whose columns are
/// as wide as their widest cell, keeps its rows (past a few MiB in a temporary file) until
/// `finish` and writes them then.
public final class ListingWriter<Row> {
  private let columns: [Column<Row>]
  private let format: ListingFormat
  private let output: any TextOutput
  private let texts: any Catalogue
  private let language: Language
  private let presentation: ListingPresentation
  private var table: SpooledTable?
  /// The columns a table shows.
  private let shown: [Column<Row>]
  private var workbook: XLSXWriter?
  /// The first problem writing a workbook; the rest of the rows are skipped and `finish` throws it.
  private var failure: (any Error)?
  private var count = 0
  private var buffer = ""
  /// A CSV or JSON row on its way out, as UTF-8.
  private var bytes: [UInt8] = []
  /// Each column's value, and in JSON what comes before it (`,` and the line with its key).
  private let values: [@Sendable (Row) -> ColumnValue]
  private let keyPrefixes: [[UInt8]]

  public init(
    columns: [Column<Row>], format: ListingFormat, output: any TextOutput, language: Language,
    presentation: ListingPresentation? = nil, tableMemoryBudget: Int? = nil
  ) {
    self.columns = columns
    self.format = format
    self.output = output
    self.language = language
    texts = language.texts
    self.presentation = presentation ?? ListingPresentation(title: "")
    shown = columns.filter { !$0.tableHidden }
    values = columns.map(\.value)
    keyPrefixes = columns.enumerated().map { index, column in
      Array(((index > 0 ? "," : "") + "\n    " + JSON.quote(column.key) + ": ").utf8)
    }
    bytes.reserveCapacity(1024)
    switch format {
    case .table:
      table = SpooledTable(
        shown.map {
          TextTable.Column(
            title: $0.heading(language), alignment: $0.alignment == .right ? .right : .left,
            droppable: $0.droppableWhenNarrow, shrinkable: !$0.isDateOrTime)
        }, memoryBudget: tableMemoryBudget ?? RowSpool.defaultBudget)
    case .csv:
      if self.presentation.bom { output.write("\u{FEFF}") }
      output.write(CSVWriter.line(columns.map(\.key), neutralizeFormulas: false))
    case .json:
      output.write("[")
    case .xlsx:
      beginWorkbook()
    case .html:
      output.write(
        PrintablePage.head(
          title: self.presentation.title, subtitle: self.presentation.subtitle, language: texts.htmlLanguage,
          orientation: self.presentation.orientation))
      buffer = "<table>\n<thead><tr>"
      for column in columns where !column.tableHidden {
        buffer += "<th\(column.alignment == .right ? " class=\"number\"" : "")>"
        buffer += PrintablePage.escape(column.heading(language)) + "</th>"
      }
      output.write(buffer + "</tr></thead>\n<tbody>\n")
    }
  }

  public func add(_ row: Row) {
    defer { count += 1 }
    switch format {
    case .table:
      table?.add(shown.map { $0.terminalText(row, texts) })
    case .csv:
      var line = takeBytes()
      for index in values.indices {
        if index > 0 { line.append(0x2C) }
        ListingBytes.appendCSV(values[index](row), to: &line)
      }
      line.append(0x0D)
      line.append(0x0A)
      line.withUnsafeBytes { output.write(bytes: $0) }
      bytes = line
    case .json:
      var line = takeBytes()
      line.append(contentsOf: count == 0 ? ListingBytes.firstObject : ListingBytes.nextObject)
      for index in values.indices {
        line.append(contentsOf: keyPrefixes[index])
        ListingBytes.appendJSON(values[index](row), to: &line)
      }
      line.append(contentsOf: ListingBytes.objectEnd)
      line.withUnsafeBytes { output.write(bytes: $0) }
      bytes = line
    case .xlsx:
      guard let workbook, failure == nil else { return }
      do {
        try workbook.addRow(columns.filter(\.belongsInWorkbook).map { $0.workbookText(row, texts) })
      } catch {
        failure = error
      }
    case .html:
      buffer = "<tr>"
      for column in columns where !column.tableHidden {
        let value = column.value(row)
        let style =
          column.alignment == .right ? " class=\"number\"" : value.isDay ? " class=\"date\"" : ""
        buffer += "<td\(style)>" + PrintablePage.escape(column.tableText(row, texts)) + "</td>"
      }
      output.write(buffer + "</tr>\n")
    }
  }

  /// The row buffer, emptied, taken out of the writer so that appending to it is not checked
  /// for exclusive access byte by byte; put back when the row is written.
  private func takeBytes() -> [UInt8] {
    var line: [UInt8] = []
    swap(&line, &bytes)
    line.removeAll(keepingCapacity: true)
    return line
  }

  /// Ends the listing; a table and a printed page get `footer` (a count) under it.
  public func finish(footer: String? = nil) throws {
    switch format {
    case .table:
      try table?.write(to: output, color: presentation.color, maxWidth: presentation.maxWidth)
      if let footer { output.write(TerminalText.sanitize(footer) + "\n") }
    case .csv: break
    case .json: output.write(count == 0 ? "]\n" : "\n]\n")
    case .xlsx:
      if let failure { throw failure }
      try workbook?.finish()
    case .html:
      var tail = "</tbody>\n</table>\n"
      if let footer { tail += "<p class=\"count\">\(PrintablePage.escape(footer))</p>\n" }
      output.write(tail + PrintablePage.tail)
    }
  }

  private func beginWorkbook() {
    guard let destination = output as? any WorkbookOutput else {
      failure = OutputProblem.notARegularFile(path: "-")
      return
    }
    let sheetColumns = columns.filter(\.belongsInWorkbook).map { column in
      XLSXWriter.Column(title: column.heading(language), kind: column.workbookKind, width: column.workbookWidth)
    }
    var tabs = Set<String>()
    do {
      workbook = try XLSXWriter(
        descriptor: destination.descriptor, path: destination.destinationPath,
        sheets: [XLSXWriter.Sheet(name: XLSXWriter.sheetName(presentation.title, taken: &tabs), columns: sheetColumns)],
        title: presentation.title)
    } catch {
      failure = error
    }
  }
}

extension ColumnValue {
  /// Text a spreadsheet might run as a formula; numbers and dates are never neutralised.
  var isText: Bool {
    switch self {
    case .text, .optionalText, .list: true
    default: false
    }
  }

  var isDay: Bool {
    if case .day = self { return true }
    return false
  }
}

extension Column {
  /// The kind of a workbook cell, by the column's alignment and values: numbers are
  /// right-aligned, dates have their own kind.
  var workbookKind: XLSXWriter.CellKind {
    if Column.dateKeys.contains(where: key.hasSuffix) { return .date }
    return alignment == .right ? .number : .text
  }

  /// The width of a workbook column, in characters: dates and numbers fit their values; names
  /// and lists are wide.
  var workbookWidth: Int {
    let heading = max(DisplayWidth.of(chinese), DisplayWidth.of(english)) + 2
    switch workbookKind {
    case .date: return max(12, heading)
    case .number: return max(8, heading)
    case .text: return max(heading, Column.wideKeys.contains(key) ? 36 : 16)
    }
  }

  /// A cell of a workbook: a number or date as it is, text as the reader's table shows it.
  func workbookText(_ row: Row, _ texts: any Catalogue) -> String? {
    switch value(row) {
    case .day(let day): day?.iso
    case .int, .optionalInt, .number: value(row).text
    default: tableText(row, texts)
    }
  }

  /// A history entry's recorded documents (facts, before, after) are for programs: JSON and
  /// CSV carry them; a workbook for people leaves them out.
  var belongsInWorkbook: Bool { !(tableHidden && Column.documentKeys.contains(key)) }

  /// Dates and times, which a table never cuts short.
  var isDateOrTime: Bool { workbookKind == .date || key == "at" }

  static var dateKeys: [String] { ["_on", "_at"] }
  static var documentKeys: Set<String> { ["facts", "before", "after"] }
  static var wideKeys: Set<String> { ["name", "unit", "groups", "leads", "summary", "description", "address", "note"] }
}

/// A listing's values as CSV and JSON bytes: the same text `CSVWriter` and `JSON` write, built
/// straight into a row's buffer (a million-row listing's hot path).
enum ListingBytes {
  static let firstObject = Array("\n  {".utf8)
  static let nextObject = Array(",\n  {".utf8)
  static let objectEnd = Array("\n  }".utf8)

  /// A CSV field: text that a spreadsheet could run as a formula neutralised, numbers and
  /// dates as they are; quoted when it holds a comma, a quote or a line break.
  static func appendCSV(_ value: ColumnValue, to line: inout [UInt8]) {
    switch value {
    case .int(let number): appendDecimal(number, to: &line)
    case .optionalInt(let number): if let number { appendDecimal(number, to: &line) }
    case .bool(let flag): line.append(contentsOf: flag ? trueBytes : falseBytes)
    case .number(let number): if let number { line.append(contentsOf: JSON.formatNumber(number).utf8) }
    case .text(let text): CSVWriter.appendField(text, to: &line, neutralizeFormulas: true)
    case .optionalText(let text): CSVWriter.appendField(text ?? "", to: &line, neutralizeFormulas: true)
    default: CSVWriter.appendField(value.text, to: &line, neutralizeFormulas: value.isText)
    }
  }

  /// A value inside a row's object (two levels of two spaces deep), as `JSON.append` writes it.
  static func appendJSON(_ value: ColumnValue, to line: inout [UInt8]) {
    switch value {
    case .int(let number): appendDecimal(number, to: &line)
    case .optionalInt(let number):
      if let number { appendDecimal(number, to: &line) } else { line.append(contentsOf: nullBytes) }
    case .bool(let flag): line.append(contentsOf: flag ? trueBytes : falseBytes)
    case .number(let number): line.append(contentsOf: number.map(JSON.formatNumber)?.utf8 ?? "null".utf8)
    case .text(let text): appendJSONString(text, to: &line)
    case .optionalText(let text):
      if let text { appendJSONString(text, to: &line) } else { line.append(contentsOf: nullBytes) }
    case .day(let day):
      if let day { appendJSONString(day.iso, to: &line) } else { line.append(contentsOf: nullBytes) }
    default:
      var text = ""
      JSON.append(value.json, to: &text, indent: "  ", level: 2)
      line.append(contentsOf: text.utf8)
    }
  }

  /// A JSON string: as it is between quotes when nothing in it needs escaping (no quote,
  /// backslash, control character or line/paragraph separator), else escaped by `JSON`.
  static func appendJSONString(_ text: String, to line: inout [UInt8]) {
    var text = text
    let plain = text.withUTF8 { bytes in
      !bytes.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 == 0xE2 }
    }
    guard plain else {
      var escaped = ""
      JSON.appendString(text, to: &escaped)
      line.append(contentsOf: escaped.utf8)
      return
    }
    line.append(0x22)
    text.withUTF8 { line.append(contentsOf: $0) }
    line.append(0x22)
  }

  static func appendDecimal(_ number: Int, to line: inout [UInt8]) {
    if number < 0 {
      guard number != .min else {
        line.append(contentsOf: String(number).utf8)
        return
      }
      line.append(0x2D)
      appendDecimal(-number, to: &line)
      return
    }
    if number < 10 {
      line.append(0x30 + UInt8(number))
      return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits
    var remaining = number
    var count = 0
    withUnsafeMutableBytes(of: &digits) { room in
      while remaining > 0 {
        room[23 - count] = 0x30 + UInt8(remaining % 10)
        remaining /= 10
        count += 1
      }
      line.append(contentsOf: UnsafeRawBufferPointer(rebasing: room[(24 - count)...]))
    }
  }

  static let trueBytes = Array("true".utf8)
  static let falseBytes = Array("false".utf8)
  static let nullBytes = Array("null".utf8)
}
