/// The rows of an import file as the file holds them, before the layout of the table is
/// known (title rows, header, a 序号 column): CSV records or the rows of one worksheet.
protocol RowSource: AnyObject {
  /// The next row that has any cell, or nil at the end of the file. Damage or a limit ends the
  /// read with an `InputProblem`; a row whose bytes are not text comes back as `.unreadable`
  /// so that every such row can be reported.
  func next() throws -> SourceRow?
  /// What the file turned out to be (encoding and separator, or sheet).
  var format: SourceFormat { get }
  var bytesRead: Int { get }
  var totalBytes: Int { get }
  /// The same file from its first row again (piped input was kept in its temporary copy).
  func reopened() throws -> any RowSource
}

/// A row of the file: its number (an XLSX row number, or the physical line a CSV record starts
/// on) and its cells in column order. A CSV row has every field; an XLSX row only the cells the
/// sheet stores, each with its column.
enum SourceRow: Equatable {
  case row(line: Int, cells: [ImportCell])
  case unreadable(line: Int, problem: InputProblem)

  var line: Int {
    switch self {
    case .row(let line, _), .unreadable(let line, _): return line
    }
  }
}

/// What an import file turned out to be.
public enum SourceFormat: Equatable, Sendable {
  case csv(encoding: TextEncoding, byteOrderMark: Bool, separator: CSVSeparator)
  /// `sheet` is the one read; `sheets` every sheet of the workbook in order.
  case xlsx(sheet: String, sheets: [SheetInfo])
}

/// The field separators a CSV file may use: Excel writes `,`, or `;` where the decimal
/// separator is a comma, and tab in "文本文件(制表符分隔)".
public enum CSVSeparator: UInt8, Sendable, CaseIterable {
  case comma = 0x2C
  case semicolon = 0x3B
  case tab = 0x09
}

/// A sheet of a workbook, as workbook.xml lists it.
public struct SheetInfo: Equatable, Sendable {
  public enum Visibility: String, Sendable {
    case visible, hidden, veryHidden
  }

  public var name: String
  public var visibility: Visibility
  /// False for a chart or dialog sheet, which holds no table.
  public var isWorksheet: Bool
}

/// How the bytes of a CSV file are text: a UTF-8 BOM, or the whole file valid UTF-8, is UTF-8;
/// anything else is GB18030 (what Chinese Excel writes).
public enum TextEncodingChoice: String, CaseIterable, Sendable {
  case auto
  case utf8 = "utf-8"
  case gb18030
}
