#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A sheet of a workbook a report writes: its tab's name, its columns, its rows as text, and
/// notes written under the table.
public struct WorkbookSheet: Sendable {
  /// How a column's cells are written: text, a date (ISO `YYYY-MM-DD`) or a number.
  public enum CellKind: Sendable { case text, date, number }

  public struct Column: Sendable {
    public var title: String
    public var kind: CellKind
    /// In characters, as Excel counts them.
    public var width: Int

    public init(title: String, kind: CellKind, width: Int) {
      self.title = title
      self.kind = kind
      self.width = width
    }
  }

  /// At most 31 characters, none of : \ / ? * [ ] (shortened and replaced here otherwise).
  public var name: String
  public var columns: [Column]
  public var rows: [[String?]]
  /// Lines under the table, outside its filter: where its figures come from.
  public var notes: [String]

  public init(name: String, columns: [Column], rows: [[String?]], notes: [String] = []) {
    self.name = name
    self.columns = columns
    self.rows = rows
    self.notes = notes
  }
}

/// Report workbooks: several sheets in one XLSX file.
public enum Workbook {
  public typealias Sheet = WorkbookSheet
  public typealias Column = WorkbookSheet.Column
  public typealias CellKind = WorkbookSheet.CellKind

  /// Writes `sheets` as an XLSX workbook at `path`, made as every output is (`AtomicFile`):
  /// whole or not at all, readable like the registry it comes from. A device or FIFO is
  /// refused (a workbook is written with seeks); `registryPath` is never overwritten.
  public static func write(_ sheets: [WorkbookSheet], title: String, to path: String, protecting registryPath: String)
    throws
  {
    let destination = try self.destination(path, protecting: registryPath)
    let file = try AtomicFile(destination: destination, mode: AtomicFile.mode(sharingLike: registryPath))
    var used = Set<String>()
    let writer = try XLSXWriter(
      descriptor: file.descriptor, path: destination,
      sheets: sheets.map { sheet in
        XLSXWriter.Sheet(
          name: XLSXWriter.sheetName(sheet.name, taken: &used),
          columns: sheet.columns.map { column in
            let kind: XLSXWriter.CellKind =
              switch column.kind {
              case .text: .text
              case .date: .date
              case .number: .number
              }
            return XLSXWriter.Column(title: column.title, kind: kind, width: column.width)
          })
      }, title: title)
    for sheet in sheets {
      for row in sheet.rows { try writer.addRow(row) }
      for note in sheet.notes { try writer.addNote(note) }
      try writer.nextSheet()
    }
    try writer.finish()
    try file.commit()
  }

  /// A workbook is written with seeks: a regular file (or a link to one), never a device or FIFO.
  static func destination(_ path: String, protecting registryPath: String) throws -> String {
    switch try OutputTarget.resolve(path, protecting: registryPath, streams: false) {
    case .file(let resolved): return resolved
    case .stream(let descriptor):
      close(descriptor)
      throw OutputProblem.notARegularFile(path: path)
    }
  }
}
