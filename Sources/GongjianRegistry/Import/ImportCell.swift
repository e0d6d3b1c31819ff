/// What a cell holds, typed the way the file typed it: a spreadsheet's number is not its text,
/// a date cell is not a number, and an error or a formula never computed is neither.
public enum CellValue: Equatable, Sendable {
  case empty
  case text(String)
  case number(Double)
  /// A number whose style has a date format, converted in the workbook's own date system
  /// (1900 or 1904). An XLSX `t="d"` cell (an ISO date) too.
  case date(Day)
  case boolean(Bool)
  /// An error value such as `#N/A` or `#REF!`, as the file spells it.
  case error(String)
  /// A formula whose result was never computed and saved (openpyxl saves none).
  case formulaWithoutValue

  /// The value as text: numbers without a needless ".0" (a phone number stored as a number),
  /// dates in ISO form, booleans as Excel shows them. Nil for an empty cell, an error and a
  /// formula without a value: those have no text to take.
  public var text: String? {
    switch self {
    case .empty, .error, .formulaWithoutValue: return nil
    case .text(let value): return value
    case .number(let value):
      if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
      return String(value)
    case .date(let day): return day.iso
    case .boolean(let value): return value ? "TRUE" : "FALSE"
    }
  }

  /// Empty, or text of whitespace only (a space typed into a cell).
  var isBlank: Bool {
    switch self {
    case .empty: return true
    case .text(let value): return !value.unicodeScalars.contains { !CellValue.isWhitespace($0) }
    default: return false
    }
  }
}

extension CellValue {
  /// Unicode's whitespace, asked of the tables only past ASCII and the CJK ideographs: this
  /// is asked of the first character of every row.
  @inline(__always) static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20: return true
    case 0x21...0x7E, 0x4E00...0x9FFF: return false
    default: return scalar.properties.isWhitespace
    }
  }
}

/// A cell of an imported row: its column in the file (zero-based, before any column was
/// set aside, so that `reference(row:)` names the cell the user sees) and its value.
public struct ImportCell: Equatable, Sendable {
  public var column: Int
  public var value: CellValue
  /// The value is a formula's saved result (XlsxWriter saves 0 unless told otherwise).
  public var isFormula: Bool

  public init(column: Int, value: CellValue, isFormula: Bool = false) {
    self.column = column
    self.value = value
    self.isFormula = isFormula
  }

  /// The cell's text (see `CellValue.text`).
  public var text: String? { value.text }

  /// The cell's name in a row, e.g. `D12`.
  public func reference(row: Int) -> CellReference { CellReference(row: row, column: column) }
}
