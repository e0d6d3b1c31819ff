import GongjianRegistry

extension EnglishCatalogue: ImportWording {
  static let saveAgain = "open it in Excel or WPS and save it as .xlsx again, or save it as CSV and import that"

  /// A problem in one row, said after the line and column the row listing already names.
  func rowInputProblem(_ problem: InputProblem) -> String {
    switch problem {
    case .notValidText(_, _, let encoding):
      return "holds bytes that are not valid \(encodingName(encoding)); check --encoding (auto, utf-8 or gb18030)"
    case .mixedEncodings(_, _, let first):
      return "neither UTF-8 (the file stops being UTF-8 on line \(first)) nor GB18030; save the whole file in one "
        + "encoding (Excel: \"CSV UTF-8\")"
    case .fieldTooLong(_, _, let limit): return "longer than \(limit) characters, the most a cell holds"
    default: return inputProblem(problem, path: "")
    }
  }

  public func inputProblem(_ problem: InputProblem, path: String) -> String {
    let file = path.isEmpty ? "" : "\(path): "
    switch problem {
    case .cannotOpen(let name, let code): return "cannot open \(name): \(FilePath.reason(code))."
    case .isFolder(let name): return "\(name) is a folder; give the CSV or XLSX file."
    case .readFailed(let code): return "\(file)reading failed: \(FilePath.reason(code))."
    case .spoolFailed(let code): return "\(file)cannot keep a temporary copy of the input: \(FilePath.reason(code))."
    case .inputTooLarge(let limit):
      return "\(file)the input is larger than \(ByteCount.text(limit)); nothing was imported."
    case .utf16:
      return
        "\(file)the file is UTF-16 text; save it from Excel as \"CSV UTF-8 (逗号分隔)\" or \"CSV (逗号分隔)\" and import that."
    case .notValidText(let line, let column, let encoding):
      return "\(file)line \(line): column \(column + 1) holds bytes that are not valid \(encodingName(encoding)); "
        + "check --encoding (auto, utf-8 or gb18030)"
    case .mixedEncodings(let line, let column, let first):
      return "\(file)line \(first): the file is UTF-8 before this line but not from it, and line \(line) column "
        + "\(column + 1) is not GB18030 either; save the whole file in one encoding (Excel: \"CSV UTF-8\")"
    case .unclosedQuote(let line):
      return "\(file)line \(line): a quoted field that starts here is never closed (a missing \")"
    case .recordTooLong(let line, let limit): return "\(file)line \(line): a row longer than \(ByteCount.text(limit))"
    case .fieldTooLong(let line, let column, let limit):
      return "\(file)line \(line): column \(column + 1) is longer than \(limit) characters, the most a cell holds"
    case .tooManyFields(let line, let limit): return "\(file)line \(line): more than \(limit) columns"
    case .notZip: return "\(file)not a readable XLSX workbook; \(Self.saveAgain)."
    case .compoundFile:
      return
        "\(file)an old Excel file (.xls) or a workbook with a password; remove the password and save it as .xlsx or CSV."
    case .archiveTruncated, .truncated:
      return "\(file)the file is incomplete (cut short while downloading or copying); get the whole file."
    case .zip64, .splitArchive, .tooManyEntries, .badEntryName, .duplicateEntry, .unsupportedCompression,
      .encryptedPart:
      return "\(file)not a workbook as Excel or WPS save them (\(part(problem))); \(Self.saveAgain)."
    case .zipDirectoryDamaged, .partHeaderDamaged, .sizeMismatch, .deflateDamaged, .crcMismatch, .xmlDamaged,
      .cellDamaged, .xmlNotUTF8, .rowOutOfOrder:
      return "\(file)the workbook is damaged (\(part(problem))); \(Self.saveAgain), or get an intact copy."
    case .missingPart(let name): return "\(file)the workbook lacks \(name); \(Self.saveAgain)."
    case .partTooLarge(let name, let limit):
      return "\(file)\(name) unpacks to more than \(ByteCount.text(limit)); save the sheet as CSV and import that."
    case .workbookTooLarge(let limit):
      return "\(file)the workbook unpacks to more than \(ByteCount.text(limit)); save it as CSV and import that."
    case .xmlDoctype(let name): return "\(file)\(name) declares a document type: not a workbook to import."
    case .xmlTooComplex(let name, let offset, _):
      return "\(file)\(name) is unusually complex at byte \(offset): not a workbook to import."
    case .notAWorkbook: return "\(file)a ZIP file but not an Excel workbook."
    case .noSheets: return "\(file)the workbook has no sheet."
    case .noVisibleSheet(let sheets):
      return "\(file)every sheet of the workbook is hidden (\(list(sheets.map { quoted($0.name) }))); "
        + "name the one to import with --sheet NAME"
    case .unknownSheet(let name, let available):
      return "\(file)the workbook has no sheet \(quoted(name)); its sheets are \(list(available.map(quoted)))"
    case .notAWorksheet(let name): return "\(file)\(quoted(name)) is a chart or dialog sheet, not a table."
    case .tooManyRows(let name, let limit): return "\(file)\(name) goes past row \(limit), Excel's last."
    case .tooManyColumns(let name, let row, let limit):
      return "\(file)\(name) row \(row) goes past column \(limit), Excel's last."
    case .cellTextTooLong(let name, let cell, let limit):
      return "\(file)\(name)\(cell.map { " cell \($0)" } ?? ": a shared string") is longer than \(limit) characters, "
        + "the most a cell holds."
    case .tooManySharedStrings(let limit): return "\(file)the workbook has more than \(limit) strings."
    }
  }

  func part(_ problem: InputProblem) -> String {
    problem.part ?? "its table of contents"
  }

  func encodingName(_ encoding: TextEncoding) -> String {
    switch encoding {
    case .utf8: "UTF-8"
    case .gb18030: "GB18030"
    }
  }

  public func headerFailure(_ failure: HeaderFailure, path: String, layout: ImportLayout) -> String {
    var lines = ["\(path): the header on line \(failure.line) has problems; nothing was imported:"]
    for problem in failure.problems {
      switch problem {
      case .unnamedColumn(let column):
        lines.append("  column \(column + 1) (\(CellReference.columnName(column))) has values but no header")
      case .unknownColumn(let column, let header):
        lines.append("  column \(column + 1): unknown column \(quoted(header))")
      case .repeatedColumn(_, let first, _, let header, _):
        lines.append("  the columns \(quoted(first)) and \(quoted(header)) are the same column")
      case .missingColumn(let field):
        let column = ImportColumns.column(field)
        lines.append("  the required column \(column.chinese) (\(column.english)) is missing")
      }
    }
    lines.append(
      "The known columns are: " + ImportColumns.all.map { "\($0.chinese) (\($0.english))" }.joined(separator: ", ")
        + ".")
    if !layout.titleRows.isEmpty {
      lines.append("\(layout.titleRows.count) title row(s) above the header were skipped.")
    }
    if case .xlsx(let sheet, let sheets) = layout.format, sheets.count > 1 {
      lines.append(
        "Read the sheet \(quoted(sheet)); the workbook has \(list(sheets.map { quoted($0.name) })). "
          + "--sheet NAME reads another.")
    }
    return lines.joined(separator: "\n")
  }

  public func sourceFormat(_ format: SourceFormat) -> String {
    switch format {
    case .csv(let encoding, let bom, let separator):
      let name = encodingName(encoding) + (bom ? " with BOM" : "")
      switch separator {
      case .comma: return name + ", comma-separated"
      case .semicolon: return name + ", semicolon-separated"
      case .tab: return name + ", tab-separated"
      }
    case .xlsx(let sheet, _): return "sheet \(quoted(sheet))"
    }
  }

  public func layoutNotes(_ layout: ImportLayout) -> [String] {
    var notes: [String] = []
    if case .xlsx(let sheet, let sheets) = layout.format, sheets.count > 1 {
      let hidden = sheets.filter { $0.visibility != .visible }.map { quoted($0.name) }
      notes.append(
        "read the sheet \(quoted(sheet))" + (hidden.isEmpty ? "" : "; skipped the hidden sheet(s) \(list(hidden))"))
    }
    if !layout.titleRows.isEmpty {
      notes.append(
        "skipped \(layout.titleRows.count) title row(s) above the header (\(layout.titleRows.map(String.init).joined(separator: ", ")))"
      )
    }
    for column in layout.ignoredColumns {
      notes.append("did not import the column \(quoted(column.header)) (\(CellReference.columnName(column.column)))")
    }
    if layout.blankRows > 0 { notes.append("skipped \(layout.blankRows) blank row(s)") }
    for total in layout.totalRows { notes.append("skipped the \(quoted(total.label)) row on line \(total.line)") }
    return notes
  }

  public func otherKinds(_ kinds: [String]) -> String {
    "kinds kept as written, being none of the standard ones: \(list(kinds.map(quoted))) (standard: \(list(UnitKind.standard)))"
  }
}
