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

/// Writes a listing in one format from its column table, row by row. CSV, JSON, XLSX and HTML
/// stream (memory stays flat whatever the number of rows); a table needs every row to size its
/// columns, so it keeps them until `finish`.
public final class ListingWriter<Row> {
  private let columns: [Column<Row>]
  private let format: ListingFormat
  private let output: any TextOutput
  private let texts: any Catalogue
  private let language: Language
  private let presentation: ListingPresentation
  private var table: TextTable?
  private var workbook: XLSXWriter?
  /// The first problem writing a workbook; the rest of the rows are skipped and `finish` throws it.
  private var failure: (any Error)?
  private var count = 0
  private var buffer = ""

  public init(
    columns: [Column<Row>], format: ListingFormat, output: any TextOutput, language: Language,
    presentation: ListingPresentation? = nil
  ) {
    self.columns = columns
    self.format = format
    self.output = output
    self.language = language
    texts = language.texts
    self.presentation = presentation ?? ListingPresentation(title: "")
    switch format {
    case .table:
      let shown = columns.filter { !$0.tableHidden }
      table = TextTable(
        shown.map {
          TextTable.Column(
            title: $0.heading(language), alignment: $0.alignment == .right ? .right : .left,
            droppable: $0.droppableWhenNarrow, shrinkable: !$0.isDateOrTime)
        })
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
      table?.add(columns.filter { !$0.tableHidden }.map { $0.terminalText(row, texts) })
    case .csv:
      buffer.removeAll(keepingCapacity: true)
      for (index, column) in columns.enumerated() {
        if index > 0 { buffer += "," }
        let value = column.value(row)
        CSVWriter.appendField(value.text, to: &buffer, neutralizeFormulas: value.isText)
      }
      buffer += "\r\n"
      output.write(buffer)
    case .json:
      buffer.removeAll(keepingCapacity: true)
      buffer += count == 0 ? "\n  " : ",\n  "
      let object = JSONValue.object(JSONValue.KeyValuePairs(columns.map { ($0.key, $0.value(row).json) }))
      JSON.append(object, to: &buffer, indent: "  ", level: 1)
      output.write(buffer)
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

  /// Ends the listing; a table and a printed page get `footer` (a count) under it.
  public func finish(footer: String? = nil) throws {
    switch format {
    case .table:
      output.write(table?.render(color: presentation.color, maxWidth: presentation.maxWidth) ?? "")
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
