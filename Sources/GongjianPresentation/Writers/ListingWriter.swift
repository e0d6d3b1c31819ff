import GongjianRegistry

/// The formats every listing offers.
public enum ListingFormat: String, CaseIterable, Sendable {
  case table, csv, json
}

/// Writes a listing in one format from its column table, row by row. CSV and JSON stream
/// (memory stays flat whatever the number of rows); a table needs every row to size its
/// columns, so it keeps them until `finish`.
public final class ListingWriter<Row> {
  private let columns: [Column<Row>]
  private let format: ListingFormat
  private let output: any TextOutput
  private let texts: any Catalogue
  private let language: Language
  private let color: Bool
  private var table: TextTable?
  private var count = 0
  private var buffer = ""

  public init(
    columns: [Column<Row>], format: ListingFormat, output: any TextOutput, language: Language, color: Bool = false
  ) {
    self.columns = columns
    self.format = format
    self.output = output
    self.language = language
    texts = language.texts
    self.color = color
    switch format {
    case .table:
      let shown = columns.filter { !$0.tableHidden }
      table = TextTable(
        shown.map { TextTable.Column(title: $0.heading(language), alignment: $0.alignment == .right ? .right : .left) })
    case .csv:
      output.write(CSVWriter.line(columns.map(\.key), neutralizeFormulas: false))
    case .json:
      output.write("[")
    }
  }

  public func add(_ row: Row) {
    defer { count += 1 }
    switch format {
    case .table:
      table?.add(columns.filter { !$0.tableHidden }.map { $0.tableText(row, texts) })
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
    }
  }

  /// Ends the listing; a table gets `footer` (a count) under it.
  public func finish(footer: String? = nil) {
    switch format {
    case .table:
      output.write(table?.render(color: color) ?? "")
      if let footer { output.write(TerminalText.sanitize(footer) + "\n") }
    case .csv: break
    case .json: output.write(count == 0 ? "]\n" : "\n]\n")
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
}
