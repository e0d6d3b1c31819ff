#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Interim wording. The readers answer in facts (`InputProblem`, `HeaderFailure`,
// `SourceFormat`); until the surfaces render those from the language catalogues, the registry
// still answers with a `RegistryError` and its English message, and this file is the one place
// that words the facts, as the readers did before. Delete it once the catalogues have them.

extension RegistryError {
  init(_ problem: InputProblem, path: String) {
    switch problem {
    case .cannotOpen(let file, let code):
      self.init(.cannotOpen, "cannot open \(file): \(String(cString: strerror(code)))")
    case .isFolder(let file):
      self.init(.cannotOpen, "\(file) is a folder, not a file")
    case .readFailed(let code):
      self.init(.ioFailure, "cannot read \(path): \(String(cString: strerror(code)))")
    case .spoolFailed(let code):
      self.init(.ioFailure, "cannot keep a temporary copy of \(path): \(String(cString: strerror(code)))")
    default:
      self.init(.invalidData, "\(path): " + RegistryError.interimText(problem))
    }
  }

  init(_ failure: HeaderFailure, layout: ImportLayout) {
    let lines = failure.problems.map { problem -> String in
      switch problem {
      case .unnamedColumn(let column): return "line \(failure.line): column \(column + 1) has no header"
      case .unknownColumn(_, let header): return "line \(failure.line): unknown column \(DayParser.quoted(header))"
      case .repeatedColumn(_, let first, _, let header, _):
        return
          "line \(failure.line): the columns \(DayParser.quoted(first)) and \(DayParser.quoted(header)) are the same column"
      case .missingColumn(let field):
        let column = ImportColumns.column(field)
        return "line \(failure.line): the required column \(column.chinese) (\(column.english)) is missing"
      }
    }
    var message = lines.joined(separator: "\n")
    message += "\nThe known columns are: "
    message += ImportColumns.all.map { "\($0.chinese) (\($0.english))" }.joined(separator: ", ") + "."
    if case .xlsx(let sheet, let sheets) = layout.format, sheets.count > 1 {
      message += "\nRead the sheet \(DayParser.quoted(sheet)); the workbook has "
      message += sheets.map { DayParser.quoted($0.name) }.joined(separator: ", ") + "."
    }
    self.init(.invalidData, message)
  }

  /// A problem with one row, for the list of bad rows (which names the line itself).
  static func interimRowText(_ problem: InputProblem) -> String {
    let text = interimText(problem)
    guard let line = problem.line, text.hasPrefix("line \(line): ") else { return text }
    return String(text.dropFirst("line \(line): ".count))
  }

  static func interimText(_ problem: InputProblem) -> String {
    switch problem {
    case .utf16:
      return "the file is UTF-16 text; save it from Excel as \"CSV UTF-8 (逗号分隔)\" or \"CSV (逗号分隔)\" and import that"
    case .notValidText(let line, let column, let encoding):
      return
        "line \(line): column \(column + 1) holds bytes that are not valid \(encoding == .utf8 ? "UTF-8" : "GB18030")"
    case .mixedEncodings(let line, let column, let first):
      return
        "line \(line): column \(column + 1) is neither GB18030 nor UTF-8 (the file is not UTF-8 from line \(first)); "
        + "save the whole file in one encoding (Excel: \"CSV UTF-8\")"
    case .unclosedQuote(let line):
      return "line \(line): a quoted field that starts here is never closed (a missing \")"
    case .recordTooLong(let line, let limit): return "line \(line): a row longer than \(limit) bytes"
    case .fieldTooLong(let line, let column, let limit):
      return "line \(line): column \(column + 1) is longer than \(limit) characters, the most a spreadsheet cell holds"
    case .tooManyFields(let line, let limit): return "line \(line): more than \(limit) columns"
    case .inputTooLarge(let limit): return "the input is larger than \(limit) bytes"
    case .notZip, .archiveTruncated, .compoundFile, .zip64, .splitArchive, .zipDirectoryDamaged, .tooManyEntries,
      .badEntryName, .duplicateEntry, .notAWorkbook:
      return "not a readable XLSX workbook (\(problem)); save it again from Excel"
    case .unknownSheet(let name, let available):
      return "the workbook has no sheet \(DayParser.quoted(name)); its sheets are "
        + available.map(DayParser.quoted).joined(separator: ", ")
    default:
      return "the XLSX workbook cannot be read (\(problem)); save it again from Excel"
    }
  }
}

extension SourceFormat {
  /// The encoding line of the summary, as before.
  var interimName: String {
    switch self {
    case .csv(.gb18030, _, _): return "GB18030"
    case .csv(_, let bom, _): return bom ? "UTF-8 with BOM" : "UTF-8"
    case .xlsx: return "XLSX"
    }
  }
}
