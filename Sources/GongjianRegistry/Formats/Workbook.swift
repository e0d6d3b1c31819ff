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
    let stream = try WorkbookStream(path: path, protecting: registryPath)
    try stream.begin(sheets, title: title)
    for sheet in sheets {
      for row in sheet.rows { try stream.addRow(row) }
      for note in sheet.notes { try stream.addNote(note) }
      try stream.nextSheet()
    }
    try stream.finish()
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

/// A report workbook written row by row, so a sheet of a million rows is never held: the file
/// is made (as `Workbook.write` makes it) when the stream opens, so a bad destination is
/// refused before any row is read; the sheets' columns are given by `begin`, which may wait
/// for the first row.
public final class WorkbookStream {
  private let file: AtomicFile
  private let destination: String
  private var writer: XLSXWriter?

  public init(path: String, protecting registryPath: String) throws {
    destination = try Workbook.destination(path, protecting: registryPath)
    file = try AtomicFile(destination: destination, mode: AtomicFile.mode(sharingLike: registryPath))
  }

  /// Starts the workbook with `sheets`' names and columns (their rows and notes are not written).
  public func begin(_ sheets: [WorkbookSheet], title: String) throws {
    var used = Set<String>()
    writer = try XLSXWriter(
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
  }

  public var begun: Bool { writer != nil }

  public func addRow(_ row: [String?]) throws { try writer?.addRow(row) }

  public func addNote(_ note: String) throws { try writer?.addNote(note) }

  public func nextSheet() throws { try writer?.nextSheet() }

  /// Ends the workbook and gives the file its name.
  public func finish() throws {
    try writer?.finish()
    try file.commit()
  }
}
