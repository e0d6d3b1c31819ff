/// What import found in a file's layout and set aside: the facts for its summary ("read
/// sheet 单位名单; skipped 2 title rows, the 序号 column and a 合计 row").
public struct ImportLayout: Equatable, Sendable {
  /// A column import does not read: a 序号 (numbering) column.
  public struct IgnoredColumn: Equatable, Sendable {
    /// Zero-based, in the file.
    public var column: Int
    /// The header as written.
    public var header: String
  }

  /// A closing row that sums up the table (合计, 总计, 小计), with its label as written.
  public struct TotalRow: Equatable, Sendable {
    public var line: Int
    public var label: String
  }

  /// What the file is: the CSV's encoding and separator, or the sheet read and every sheet.
  public var format: SourceFormat
  /// The header's row (XLSX) or line (CSV); nil when the file has no row at all.
  public var headerLine: Int?
  /// False when no row in the first twenty named known columns: the first row was taken as
  /// the header, and its unknown columns are the problem to report.
  public var headerRecognised = false
  /// Rows above the header that held something (a title, a 填报单位 line), skipped.
  public var titleRows: [Int] = []
  public var ignoredColumns: [IgnoredColumn] = []
  /// Rows below the header with only whitespace in them (a space typed in a cell), skipped.
  /// (Rows with nothing at all are skipped before this layer sees them.)
  public var blankRows = 0
  /// The first few of those, by row or line.
  public var firstBlankRows: [Int] = []
  public var totalRows: [TotalRow] = []

  public init(format: SourceFormat) {
    self.format = format
  }
}
