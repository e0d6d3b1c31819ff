/// Why an import file cannot be read, as facts: the part of a workbook, the line of a CSV, the
/// limit that was reached. The surfaces turn these into sentences in the reader's language;
/// nothing here is worded for a person.
///
/// Every case is a property of the file (damage, a limit, an encoding), except the first few,
/// which are about opening or reading it.
public enum InputProblem: Error, Equatable, Sendable {
  // MARK: Opening and reading

  /// The file cannot be opened; `errno` as `open(2)` reported it.
  case cannotOpen(path: String, errno: Int32)
  /// The path names a folder.
  case isFolder(path: String)
  /// Reading failed part way; `errno` as `read(2)` reported it.
  case readFailed(errno: Int32)
  /// Input that is not a regular file (a pipe) is first copied to a private temporary file,
  /// and that copy failed (`ENOSPC`: the disk is full).
  case spoolFailed(errno: Int32)
  /// Piped input went on past this many bytes.
  case inputTooLarge(limit: Int)

  // MARK: CSV

  /// UTF-16 text (a byte-order mark, or a NUL in every other byte).
  case utf16
  /// A field's bytes are not text in the encoding that was asked for, or that the file's BOM
  /// names. `column` is zero-based.
  case notValidText(line: Int, column: Int, encoding: TextEncoding)
  /// The whole file is not UTF-8 (its first byte that is not is on `firstNonUTF8Line`), so it was
  /// read as GB18030, and this field is not GB18030 either: the file mixes encodings.
  case mixedEncodings(line: Int, column: Int, firstNonUTF8Line: Int)
  /// A quoted field that starts on `line` is never closed.
  case unclosedQuote(line: Int)
  /// The record that starts on `line` is longer than `limit` bytes.
  case recordTooLong(line: Int, limit: Int)
  /// A field holds more than `limit` characters (UTF-16 code units, as Excel counts).
  case fieldTooLong(line: Int, column: Int, limit: Int)
  /// The record that starts on `line` has more than `limit` fields.
  case tooManyFields(line: Int, limit: Int)

  // MARK: The ZIP container of a workbook

  /// Not a ZIP archive at all.
  case notZip
  /// An OLE compound file: an old `.xls` workbook, or a workbook saved with a password.
  case compoundFile
  /// The file starts as a ZIP archive but its end (the table of contents) is missing: it was
  /// cut short.
  case archiveTruncated
  /// A ZIP64 archive (needed only past 4 GiB or 65,535 entries: not a workbook to import).
  case zip64
  /// An archive split over several files.
  case splitArchive
  /// The archive's table of contents (central directory) is damaged.
  case zipDirectoryDamaged
  /// More entries than `limit`.
  case tooManyEntries(limit: Int)
  /// An entry whose name is not a plain relative path (`..`, a leading `/`, a NUL).
  case badEntryName(name: String)
  /// Two entries with the same name.
  case duplicateEntry(part: String)
  /// A part the workbook needs is not in the archive.
  case missingPart(part: String)
  /// A part is encrypted.
  case encryptedPart(part: String)
  /// A part is compressed with a method other than deflate or none.
  case unsupportedCompression(part: String, method: Int)
  /// A part's local header does not match the table of contents.
  case partHeaderDamaged(part: String)
  /// A part unpacks to more than `limit` bytes (counted while unpacking, whatever it claims).
  case partTooLarge(part: String, limit: Int)
  /// All parts read so far unpack to more than `limit` bytes.
  case workbookTooLarge(limit: Int)
  /// A part unpacks to another size than the archive says.
  case sizeMismatch(part: String)
  /// A part's deflate stream is damaged.
  case deflateDamaged(part: String)
  /// A part ends before its data does: the file was cut short.
  case truncated(part: String)
  /// A part's checksum (CRC-32) does not match its bytes.
  case crcMismatch(part: String)

  // MARK: The XML of a part

  /// The XML is not well-formed at byte `offset` of the unpacked part.
  case xmlDamaged(part: String, offset: Int)
  /// A document type declaration: refused outright (entities are how XML bombs work).
  case xmlDoctype(part: String)
  /// The XML is not in UTF-8 (Excel, LibreOffice and every library write UTF-8).
  case xmlNotUTF8(part: String)
  /// A tag longer than `limit` bytes at `offset`, or elements nested deeper than allowed.
  case xmlTooComplex(part: String, offset: Int, limit: Int)

  // MARK: SpreadsheetML

  /// No workbook in the archive (`xl/workbook.xml`, or what `_rels/.rels` names).
  case notAWorkbook
  /// The workbook lists no sheet.
  case noSheets
  /// Every worksheet is hidden; `sheets` lists them all.
  case noVisibleSheet(sheets: [SheetInfo])
  /// No sheet has this name; `available` lists the names the workbook has.
  case unknownSheet(name: String, available: [String])
  /// The sheet with this name is a chart or dialog sheet, not a table.
  case notAWorksheet(name: String)
  /// A sheet goes past row `limit` (Excel's last row is 1,048,576).
  case tooManyRows(part: String, limit: Int)
  /// A row goes past column `limit` (Excel's last column is XFD, 16,384).
  case tooManyColumns(part: String, row: Int, limit: Int)
  /// Row numbers go back (`row` comes after a row with a higher number).
  case rowOutOfOrder(part: String, row: Int)
  /// A cell whose reference, type or value cannot be read (a shared string that does not
  /// exist, a number that is not one, an unknown type).
  case cellDamaged(part: String, cell: CellReference)
  /// A cell's text, or shared string number `cell == nil`, is longer than `limit` characters.
  case cellTextTooLong(part: String, cell: CellReference?, limit: Int)
  /// More shared strings than `limit`.
  case tooManySharedStrings(limit: Int)
}

/// The encodings a CSV file is read in.
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case gb18030
}

extension InputProblem {
  /// The CSV line the problem is on, for the problems that have one.
  public var line: Int? {
    switch self {
    case .notValidText(let line, _, _), .mixedEncodings(let line, _, _), .unclosedQuote(let line),
      .recordTooLong(let line, _), .fieldTooLong(let line, _, _), .tooManyFields(let line, _):
      return line
    default:
      return nil
    }
  }

  /// The column (counted from 0) the problem is in, for the problems of one cell.
  public var column: Int? {
    switch self {
    case .notValidText(_, let column, _), .mixedEncodings(_, let column, _), .fieldTooLong(_, let column, _):
      return column
    default:
      return nil
    }
  }
}

extension InputProblem {
  /// The part of the workbook the problem is in, for the problems that have one.
  public var part: String? {
    switch self {
    case .duplicateEntry(let part), .missingPart(let part), .encryptedPart(let part),
      .unsupportedCompression(let part, _), .partHeaderDamaged(let part), .partTooLarge(let part, _),
      .sizeMismatch(let part), .deflateDamaged(let part), .truncated(let part), .crcMismatch(let part),
      .xmlDamaged(let part, _), .xmlDoctype(let part), .xmlNotUTF8(let part), .xmlTooComplex(let part, _, _),
      .tooManyRows(let part, _), .tooManyColumns(let part, _, _), .rowOutOfOrder(let part, _),
      .cellDamaged(let part, _), .cellTextTooLong(let part, _, _):
      return part
    default:
      return nil
    }
  }
}
