#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The rows of one worksheet of an XLSX workbook, read as a stream: one row in memory at a
/// time, whatever the sheet's size. Each cell keeps its column and a typed value: text (shared,
/// inline or a formula's text), a number, a date (a number whose style has a date format, in
/// the workbook's date system), a boolean, an error value, or a formula without a saved value.
///
/// The sheet is the first visible worksheet unless one is named. Damage anywhere (the ZIP,
/// the deflate stream, its checksum, the XML) and every limit end the read with an
/// `InputProblem` naming the part; since the checksum is only known at the end of the part, a
/// caller that must be all or nothing reads to the end before keeping anything.
final class XLSXRowSource: RowSource {
  private let path: String
  private let requestedSheet: String?
  private let limits: InputLimits
  private let workbook: XLSXWorkbook
  let sheet: SheetInfo
  let part: String
  private let reader: ZIPPartReader
  private var parser: XLSXSheetParser
  let totalBytes: Int

  init(path: String, sheet: String? = nil, limits: InputLimits = .standard) throws {
    self.path = path
    requestedSheet = sheet
    self.limits = limits
    workbook = try XLSXWorkbook(path: path, limits: limits)
    let chosen = try workbook.sheet(named: sheet)
    self.sheet = chosen.info
    guard let part = chosen.part else { throw InputProblem.notAWorksheet(name: chosen.info.name) }
    self.part = part
    reader = try workbook.archive.open(part, limit: limits.sheetBytes)
    parser = XLSXSheetParser(
      tokenizer: XMLTokenizer(part: reader.part, source: reader, limits: limits), workbook: workbook, limits: limits)
    totalBytes = workbook.archive.file.size
  }

  var format: SourceFormat { .xlsx(sheet: sheet.name, sheets: workbook.sheets.map(\.info)) }

  /// Progress: the share of the sheet unpacked, as a share of the file.
  var bytesRead: Int {
    guard let entry = workbook.archive.entry(part), entry.uncompressedSize > 0 else { return 0 }
    return Int(Double(totalBytes) * min(1, Double(reader.offset) / Double(entry.uncompressedSize)))
  }

  func reopened() throws -> any RowSource {
    try XLSXRowSource(path: path, sheet: requestedSheet, limits: limits)
  }

  func next() throws -> SourceRow? {
    try parser.nextRow()
  }
}

/// The rows of a worksheet part, from its XML. A non-copyable struct, like the tokenizer in it,
/// so that the work of every cell is checked for exclusive access once per row, not at run time
/// at every step.
struct XLSXSheetParser: ~Copyable {
  private var tokenizer: XMLTokenizer
  private let workbook: XLSXWorkbook
  private let limits: InputLimits
  private let part: String
  private var inSheetData = false
  private var previousRow = 0
  private var finished = false
  /// The cell being read.
  private var cell = CellState()
  /// Its value's bytes (a `<v>` or the `<t>`s of an inline string).
  private var value: [UInt8] = []

  private struct CellState {
    var column = -1
    var type = CellType.number
    var style = 0
    var hasValue = false
    var hasFormula = false
    var capturing = false
    var inInlineString = false
    var inPhonetic = false
  }

  private enum CellType { case number, sharedString, formulaString, inlineString, boolean, error, isoDate }

  init(tokenizer: consuming XMLTokenizer, workbook: XLSXWorkbook, limits: InputLimits) {
    part = tokenizer.part
    self.tokenizer = tokenizer
    self.workbook = workbook
    self.limits = limits
    value.reserveCapacity(256)
  }

  mutating func nextRow() throws -> SourceRow? {
    guard !finished else { return nil }
    var rowNumber = 0
    var cells: [ImportCell] = []
    var inRow = false
    var nextColumn = 0
    while true {
      switch try tokenizer.next() {
      case .start:
        guard inSheetData else {
          if tokenizer.isNamed("sheetData") { inSheetData = true }
          continue
        }
        if tokenizer.isNamed("c") && inRow {
          try startCell(row: rowNumber, nextColumn: nextColumn)
        } else if cell.column >= 0 {
          startInsideCell()
        } else if tokenizer.isNamed("row") {
          rowNumber = try tokenizer.integerAttribute("r") ?? previousRow + 1
          guard rowNumber <= limits.rows else { throw InputProblem.tooManyRows(part: part, limit: limits.rows) }
          guard rowNumber > previousRow else { throw InputProblem.rowOutOfOrder(part: part, row: rowNumber) }
          previousRow = rowNumber
          inRow = true
          nextColumn = 0
          cells.removeAll(keepingCapacity: true)
        }
      case .text:
        guard cell.capturing else { continue }
        try tokenizer.appendText(to: &value)
        if value.count > 3 * limits.cellCharacters {
          throw InputProblem.cellTextTooLong(
            part: part, cell: CellReference(row: rowNumber, column: cell.column), limit: limits.cellCharacters)
        }
      case .end:
        guard inSheetData else { continue }
        if cell.column >= 0 {
          if tokenizer.isNamed("c") {
            let column = cell.column
            if let finished = try finishCell(row: rowNumber) { cells.append(finished) }
            nextColumn = column + 1
            cell = CellState()
          } else {
            endInsideCell()
          }
        } else if tokenizer.isNamed("row") {
          inRow = false
          if !cells.isEmpty { return .row(line: rowNumber, cells: cells) }
        } else if tokenizer.isNamed("sheetData") {
          inSheetData = false
        }
      case .endOfDocument:
        // Read to the end: the part's size and checksum are checked there.
        finished = true
        return nil
      }
    }
  }

  // MARK: - Cells

  private mutating func startCell(row: Int, nextColumn: Int) throws {
    cell = CellState()
    value.removeAll(keepingCapacity: true)
    if let reference = tokenizer.attribute("r") {
      guard let parsed = CellReference.parse(reference, maxColumns: limits.columns) else {
        if CellReference.parse(reference, maxColumns: Int.max / 32) != nil {
          throw InputProblem.tooManyColumns(part: part, row: row, limit: limits.columns)
        }
        throw InputProblem.cellDamaged(part: part, cell: CellReference(row: row, column: nextColumn))
      }
      cell.column = parsed.column
    } else {
      cell.column = nextColumn
    }
    guard cell.column < limits.columns else {
      throw InputProblem.tooManyColumns(part: part, row: row, limit: limits.columns)
    }
    if let type = tokenizer.attribute("t") {
      guard let known = XLSXSheetParser.cellType(type) else {
        throw InputProblem.cellDamaged(part: part, cell: CellReference(row: row, column: cell.column))
      }
      cell.type = known
    }
    cell.style = try tokenizer.integerAttribute("s") ?? 0
  }

  private static func cellType(_ raw: UnsafeRawBufferPointer) -> CellType? {
    // Compared in place: every text cell of a large sheet has a type.
    func `is`(_ name: StaticString) -> Bool {
      raw.count == name.utf8CodeUnitCount && memcmp(raw.baseAddress!, name.utf8Start, raw.count) == 0
    }
    if `is`("inlineStr") { return .inlineString }
    if `is`("s") { return .sharedString }
    if `is`("n") { return .number }
    if `is`("str") { return .formulaString }
    if `is`("b") { return .boolean }
    if `is`("e") { return .error }
    if `is`("d") { return .isoDate }
    return nil
  }

  private mutating func startInsideCell() {
    if tokenizer.isNamed("v") {
      cell.hasValue = true
      cell.capturing = !cell.inInlineString
    } else if tokenizer.isNamed("f") {
      cell.hasFormula = true
    } else if tokenizer.isNamed("is") {
      cell.inInlineString = true
    } else if tokenizer.isNamed("rPh") {
      cell.inPhonetic = true
    } else if tokenizer.isNamed("t") && cell.inInlineString && !cell.inPhonetic {
      cell.hasValue = true
      cell.capturing = true
    }
  }

  private mutating func endInsideCell() {
    if tokenizer.isNamed("v") || tokenizer.isNamed("t") {
      cell.capturing = false
    } else if tokenizer.isNamed("is") {
      cell.inInlineString = false
    } else if tokenizer.isNamed("rPh") {
      cell.inPhonetic = false
    }
  }

  /// The finished cell, nil when it holds nothing (a cell with only a style).
  private func finishCell(row: Int) throws -> ImportCell? {
    let reference = CellReference(row: row, column: cell.column)
    let damaged = InputProblem.cellDamaged(part: part, cell: reference)
    // openpyxl writes a formula with an empty `<v></v>`: no value either. (Only a string
    // result may be empty.)
    let noValue = !cell.hasValue || (cell.type != .formulaString && value.allSatisfy(XLSXSheetParser.isSpace))
    if cell.hasFormula && noValue {
      return ImportCell(column: cell.column, value: .formulaWithoutValue, isFormula: true)
    }
    guard cell.hasValue else { return nil }
    let result: CellValue
    switch cell.type {
    case .sharedString:
      guard let index = XLSXSheetParser.wholeNumber(value), let text = workbook.sharedStrings.string(index) else {
        throw damaged
      }
      result = text.isEmpty ? .empty : .text(text)
    case .formulaString, .inlineString:
      let text = try self.text(reference)
      result = text.isEmpty ? .empty : .text(text)
    case .error:
      let text = try self.text(reference)
      result = .error(text)
    case .boolean:
      switch value {
      case [0x30]: result = .boolean(false)
      case [0x31]: result = .boolean(true)
      default: throw damaged
      }
    case .isoDate:
      guard let text = UTF8Scan.string(value) else { throw damaged }
      guard let day = Day(iso: String(text.prefix(10))) else { throw damaged }
      result = .date(day)
    case .number:
      if value.allSatisfy({ XLSXSheetParser.isSpace($0) }) {
        result = .empty
      } else {
        guard let number = XLSXSheetParser.number(value) else { throw damaged }
        result = date(number, style: cell.style) ?? .number(number)
      }
    }
    if result == .empty && !cell.hasFormula { return nil }
    return ImportCell(column: cell.column, value: result, isFormula: cell.hasFormula)
  }

  /// A number in a date-formatted cell as a day in the workbook's date system; nil for any
  /// other number, and for a serial that is no day (negative, past 9999, the 1900 system's
  /// fictional 29 February).
  private func date(_ number: Double, style: Int) -> CellValue? {
    guard workbook.styles.isDate(style: style) else { return nil }
    let serial = workbook.uses1904Dates ? number + 1_462 : number
    return DayParser.fromExcelSerial(serial).map(CellValue.date)
  }

  private func text(_ reference: CellReference) throws -> String {
    guard let text = UTF8Scan.string(value) else { throw tokenizer.damaged() }
    // Only text with an underscore can hold Excel's escapes: checked on the bytes first.
    let unescaped = value.contains(0x5F) ? XLSXText.unescape(text) : text
    if unescaped.utf8.count > limits.cellCharacters && unescaped.utf16.count > limits.cellCharacters {
      throw InputProblem.cellTextTooLong(part: part, cell: reference, limit: limits.cellCharacters)
    }
    return unescaped
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// A shared-string number: digits, perhaps with spaces around them.
  private static func wholeNumber(_ bytes: [UInt8]) -> Int? {
    var value = 0
    var digits = 0
    for byte in bytes {
      if isSpace(byte) { continue }
      let digit = byte &- 0x30
      guard digit < 10, digits < 12 else { return nil }
      value = value * 10 + Int(digit)
      digits += 1
    }
    return digits > 0 ? value : nil
  }

  /// A number as XML Schema writes a double: digits, sign, point, exponent. (Swift's own
  /// parser also takes `nan`, `inf` and hexadecimal, which no spreadsheet writes.)
  private static func number(_ bytes: [UInt8]) -> Double? {
    var start = 0
    var end = bytes.count
    while start < end && isSpace(bytes[start]) { start += 1 }
    while end > start && isSpace(bytes[end - 1]) { end -= 1 }
    guard end > start, end - start <= 64 else { return nil }
    for byte in bytes[start..<end] {
      switch byte {
      case 0x30...0x39, 0x2B, 0x2D, 0x2E, 0x45, 0x65: continue
      default: return nil
      }
    }
    guard let number = Double(String(decoding: bytes[start..<end], as: UTF8.self)), number.isFinite else { return nil }
    return number
  }
}
