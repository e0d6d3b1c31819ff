import GongjianRegistry

/// A value in a listing, typed, so each writer shows it its own way: a table pads it, CSV
/// writes its text, JSON keeps its type.
public enum ColumnValue: Equatable, Sendable {
  case text(String)
  case optionalText(String?)
  case int(Int)
  case optionalInt(Int?)
  /// A percentage or another fraction; nil is shown empty and written as null.
  case number(Double?)
  case day(Day?)
  /// Several names: one cell joined by 、 in a table and CSV, an array in JSON.
  case list([String])
  case bool(Bool)
  /// A JSON document (a history entry's facts, before and after): kept as JSON in JSON, as its
  /// compact text in CSV.
  case json(JSONValue)

  /// The value as CSV and a table write it (without a table's own formatting).
  var text: String {
    switch self {
    case .text(let text): text
    case .optionalText(let text): text ?? ""
    case .int(let number): String(number)
    case .optionalInt(let number): number.map(String.init) ?? ""
    case .number(let number): number.map(JSON.formatNumber) ?? ""
    case .day(let day): day?.iso ?? ""
    case .list(let items): items.joined(separator: "、")
    case .bool(let flag): flag ? "true" : "false"
    case .json(let value): value == .null ? "" : value.text
    }
  }

  var json: JSONValue {
    switch self {
    case .text(let text): .string(text)
    case .optionalText(let text): .optional(text)
    case .int(let number): .int(number)
    case .optionalInt(let number): number.map(JSONValue.int) ?? .null
    case .number(let number): number.map(JSONValue.double) ?? .null
    case .day(let day): .optional(day?.iso)
    case .list(let items): .array(items.map(JSONValue.string))
    case .bool(let flag): .bool(flag)
    case .json(let value): value
    }
  }
}

/// One column of a listing: the key (JSON key and CSV header, the same in every language),
/// its heading in each language, and how a row gives its value. A heading, a CSV column and a
/// JSON key are written once, here.
public struct Column<Row>: Sendable {
  public enum Alignment: Sendable { case left, right }

  public let key: String
  public let chinese: String
  public let english: String
  public let alignment: Alignment
  let value: @Sendable (Row) -> ColumnValue
  /// How a table shows the value when it differs from CSV (a signed number, a percentage,
  /// a role's word): given the row and the reader's catalogue.
  let display: (@Sendable (Row, any Catalogue) -> String)?
  /// Left out of the table (machine formats still carry it).
  let tableHidden: Bool
  /// Left out of a table that would not fit the terminal otherwise (the least needed column).
  let droppableWhenNarrow: Bool
  /// The widest a terminal table shows the value (a long command line or description is cut
  /// there); a workbook and a printed page show it whole.
  let tableLimit: Int?

  public init(
    _ key: String, _ chinese: String, _ english: String, alignment: Alignment = .left, hiddenInTable: Bool = false,
    droppableWhenNarrow: Bool = false, tableLimit: Int? = nil, value: @escaping @Sendable (Row) -> ColumnValue,
    display: (@Sendable (Row, any Catalogue) -> String)? = nil
  ) {
    self.key = key
    self.chinese = chinese
    self.english = english
    self.alignment = alignment
    self.value = value
    self.display = display
    tableHidden = hiddenInTable
    self.droppableWhenNarrow = droppableWhenNarrow
    self.tableLimit = tableLimit
  }

  public func heading(_ language: Language) -> String {
    switch language {
    case .zh: chinese
    case .en: english
    }
  }

  /// The same column over rows that hold a `Row`.
  func lifted<Outer>(_ extract: @escaping @Sendable (Outer) -> Row) -> Column<Outer> {
    let value = self.value
    let display = self.display
    let alignment: Column<Outer>.Alignment = self.alignment == .right ? .right : .left
    var lifted: (@Sendable (Outer, any Catalogue) -> String)?
    if let display { lifted = { display(extract($0), $1) } }
    return Column<Outer>(
      key, chinese, english, alignment: alignment, hiddenInTable: tableHidden, droppableWhenNarrow: droppableWhenNarrow,
      tableLimit: tableLimit, value: { value(extract($0)) }, display: lifted)
  }

  /// The value as a reader sees it: the column's own wording, or the plain text.
  func tableText(_ row: Row, _ texts: any Catalogue) -> String {
    display?(row, texts) ?? value(row).text
  }

  /// The value in a terminal table: the reader's text, cut at the column's limit.
  func terminalText(_ row: Row, _ texts: any Catalogue) -> String {
    let text = tableText(row, texts)
    guard let tableLimit else { return text }
    return DisplayWidth.truncate(text, to: tableLimit)
  }
}

/// A row as the JSON object its columns make.
public func jsonPairs<Row>(_ columns: [Column<Row>], _ row: Row) -> [(String, JSONValue)] {
  columns.map { ($0.key, $0.value(row).json) }
}

public func jsonObject<Row>(_ columns: [Column<Row>], _ row: Row) -> JSONValue {
  .object(JSONValue.KeyValuePairs(jsonPairs(columns, row)))
}
