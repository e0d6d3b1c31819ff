#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes an XLSX workbook (SpreadsheetML in a ZIP, ECMA-376) straight into an open file: one
/// or more sheets, each with a bold, frozen header row with filters, dates as date cells (so
/// Excel sorts and filters them as dates), counts as numbers, and every other cell as text, so
/// phone numbers and credit codes keep their digits. A sheet may have a block of lines above
/// its header (a form's title, who reports and for which period). Printable as offices print
/// lists: landscape, one page wide, the header row repeated on every page.
///
/// The sheets' XML streams through deflate into the file row by row (`ZipWriter`): memory
/// stays flat at a million rows and no uncompressed sheet is ever written anywhere. Sheets are
/// written in order: `addRow` fills the current sheet, `nextSheet` moves on, `finish` ends
/// the workbook.
public final class XLSXWriter {
  public enum CellKind: Sendable {
    case text, date
    /// A number (`12`, `-3`, `48.3`), written as a number cell; anything else there is text.
    case number
  }

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

  public struct Sheet: Sendable {
    /// The tab's name: at most 31 characters, none of : \\ / ? * [ ]. `sheetName(_:taken:)`
    /// makes one from any text.
    public var name: String
    public var columns: [Column]
    /// Lines above the header row, each a row of cells from column A: a form's title (bold),
    /// then lines such as who reports and for which period. Empty for a plain list.
    public var preamble: [[String]]

    public init(name: String, columns: [Column], preamble: [[String]] = []) {
      self.name = name
      self.columns = columns
      self.preamble = preamble
    }

    /// The row of the column titles: under the preamble.
    var headerRow: Int { preamble.count + 1 }
  }

  private let zip: ZipWriter
  private let sheets: [Sheet]
  private let title: String
  private var sheetIndex = 0
  /// The last row written on each sheet so far (1: the header).
  private var lastRows: [Int]
  /// Notes written under each sheet's table so far.
  private var noteCounts: [Int]
  private var columnNames: [[UInt8]] = []
  /// The XML on its way to the ZIP stream, as bytes: building it cell by cell without
  /// intermediate strings is most of what a million-row workbook costs.
  private var xml = XMLBytes()

  /// Starts a workbook in `descriptor`, a new empty file whose final name is `path` (for
  /// problems), and begins its first sheet. `title` goes into the document's properties.
  /// `compressionLevel` is zlib's (0 stores the XML as it is, for tests to read).
  public init(descriptor: Int32, path: String, sheets: [Sheet], title: String, compressionLevel: Int32 = 6) throws {
    zip = try ZipWriter(descriptor: descriptor, path: path, level: compressionLevel)
    self.sheets = sheets
    self.title = title
    lastRows = sheets.map(\.headerRow)
    noteCounts = Array(repeating: 0, count: sheets.count)
    let parts: [(String, String)] = [
      ("[Content_Types].xml", XLSXWriter.contentTypes(sheetCount: sheets.count)),
      ("_rels/.rels", XLSXWriter.rootRelationships), ("docProps/app.xml", XLSXWriter.appProperties),
      ("docProps/core.xml", XLSXWriter.coreProperties(title: title)),
      ("xl/_rels/workbook.xml.rels", XLSXWriter.workbookRelationships(sheetCount: sheets.count)),
      ("xl/styles.xml", XLSXWriter.styles),
    ]
    for (name, content) in parts {
      try zip.beginEntry(name)
      try zip.write(content)
      try zip.endEntry()
    }
    if !sheets.isEmpty { try beginSheet() }
  }

  /// Adds a row to the current sheet: values in column order, nil or empty for an empty cell.
  /// A date column's value is ISO `YYYY-MM-DD`; anything else there is written as text.
  public func addRow(_ values: [String?]) throws {
    guard sheetIndex < sheets.count else { return }
    let columns = sheets[sheetIndex].columns
    lastRows[sheetIndex] += 1
    let row = lastRows[sheetIndex]
    xml.append("<row r=\"")
    xml.append(row)
    xml.append("\">")
    for (index, column) in columns.enumerated() {
      guard index < values.count, let value = values[index], !value.isEmpty else { continue }
      if column.kind == .date, let day = Day(iso: value) {
        xml.append("<c r=\"")
        xml.append(columnNames[index])
        xml.append(row)
        xml.append("\" s=\"2\"><v>")
        xml.append(DayParser.excelSerial(of: day))
        xml.append("</v></c>")
      } else if column.kind == .number, XLSXWriter.isNumber(value) {
        xml.append("<c r=\"")
        xml.append(columnNames[index])
        xml.append(row)
        xml.append("\"><v>")
        xml.append(value)
        xml.append("</v></c>")
      } else {
        appendTextCell(value, column: index, row: row, style: 3)
      }
    }
    xml.append("</row>")
    try flushIfFull()
  }

  /// Adds a line of text under the current sheet's table, after a blank row and outside its
  /// filter: where a figure comes from, what a word means. Notes come after every row.
  func addNote(_ text: String) throws {
    guard sheetIndex < sheets.count, !sheets[sheetIndex].columns.isEmpty else { return }
    noteCounts[sheetIndex] += 1
    let row = lastRows[sheetIndex] + 1 + noteCounts[sheetIndex]
    xml.append("<row r=\"")
    xml.append(row)
    xml.append("\">")
    appendTextCell(text, column: 0, row: row, style: 3)
    xml.append("</row>")
    try flushIfFull()
  }

  /// Ends the current sheet and begins the next.
  public func nextSheet() throws {
    guard sheetIndex < sheets.count else { return }
    try endSheet()
    sheetIndex += 1
    if sheetIndex < sheets.count { try beginSheet() }
  }

  /// Ends the last sheet and writes the workbook part and the ZIP's directory. The caller
  /// flushes the file to disk and gives it its name.
  public func finish() throws {
    while sheetIndex < sheets.count { try nextSheet() }
    try zip.beginEntry("xl/workbook.xml")
    try zip.write(XLSXWriter.workbook(sheets: sheets, lastRows: lastRows))
    try zip.endEntry()
    try zip.finish()
  }

  // MARK: - Sheets

  private func beginSheet() throws {
    let sheet = sheets[sheetIndex]
    let width = max(sheet.columns.count, sheet.preamble.map(\.count).max() ?? 0)
    columnNames = (0..<width).map { Array(XLSXWriter.columnName($0).utf8) }
    try zip.beginEntry("xl/worksheets/sheet\(sheetIndex + 1).xml")
    var header = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
      <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>\
      <sheetViews><sheetView \(sheetIndex == 0 ? "tabSelected=\"1\" " : "")workbookViewId="0">\
      <pane ySplit="\(sheet.headerRow)" topLeftCell="A\(sheet.headerRow + 1)" activePane="bottomLeft" state="frozen"/>\
      <selection pane="bottomLeft" activeCell="A\(sheet.headerRow + 1)" sqref="A\(sheet.headerRow + 1)"/>\
      </sheetView></sheetViews>\
      <sheetFormatPr defaultRowHeight="15"/>
      """
    if !sheet.columns.isEmpty {
      header += "<cols>"
      for (index, column) in sheet.columns.enumerated() {
        header += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(column.width)\" customWidth=\"1\"/>"
      }
      header += "</cols>"
    }
    header += "<sheetData>"
    xml.append(header)
    for (offset, line) in sheet.preamble.enumerated() {
      xml.append("<row r=\"")
      xml.append(offset + 1)
      xml.append("\">")
      for (index, text) in line.enumerated() where !text.isEmpty {
        appendTextCell(text, column: index, row: offset + 1, style: offset == 0 ? 1 : 3)
      }
      xml.append("</row>")
    }
    xml.append("<row r=\"")
    xml.append(sheet.headerRow)
    xml.append("\">")
    for (index, column) in sheet.columns.enumerated() {
      appendTextCell(column.title, column: index, row: sheet.headerRow, style: 1)
    }
    xml.append("</row>")
    try flushIfFull()
  }

  private func endSheet() throws {
    var footer = "</sheetData>"
    let sheet = sheets[sheetIndex]
    if let range = XLSXWriter.filterRange(
      columns: sheet.columns.count, headerRow: sheet.headerRow, lastRow: lastRows[sheetIndex])
    {
      footer += "<autoFilter ref=\"\(range)\"/>"
    }
    // A4 (paperSize 9), landscape, every column on one page width, as many pages down as
    // needed (fitToHeight 0); the header row is repeated by the Print_Titles name.
    footer += """
      <pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>\
      <pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>\
      </worksheet>
      """
    xml.append(footer)
    try xml.bytes.withUnsafeBytes { try zip.write(bytes: $0) }
    xml.removeAll()
    try zip.endEntry()
  }

  private func appendTextCell(_ text: String, column: Int, row: Int, style: Int) {
    // Leading or trailing spaces (U+3000 included) and line breaks survive only with this.
    let preserve =
      text.unicodeScalars.first?.properties.isWhitespace == true
      || text.unicodeScalars.last?.properties.isWhitespace == true || text.utf8.contains(0x0A)
    xml.append("<c r=\"")
    xml.append(columnNames[column])
    xml.append(row)
    xml.append("\" s=\"")
    xml.append(style)
    xml.append(preserve ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" : "\" t=\"inlineStr\"><is><t>")
    xml.appendEscaped(text)
    xml.append("</t></is></c>")
  }

  /// Hands the XML to the ZIP stream in pieces of about 64 KiB.
  private func flushIfFull() throws {
    guard xml.bytes.count >= 1 << 16 else { return }
    try xml.bytes.withUnsafeBytes { try zip.write(bytes: $0) }
    xml.removeAll()
  }

  /// A number as a cell may hold it as it is: digits, one leading minus, one decimal point.
  static func isPlainNumber(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty, bytes.count < 24 else { return false }
    var digits = 0
    var points = 0
    for (index, byte) in bytes.enumerated() {
      switch byte {
      case 0x30...0x39: digits += 1
      case 0x2E: points += 1
      case 0x2D where index == 0: continue
      default: return false
      }
    }
    return digits > 0 && points <= 1 && bytes.last != 0x2E
  }

  // MARK: - Names and references

  /// "A1:O6": the header and every row, which the filter and its defined name both cover.
  static func filterRange(columns: Int, headerRow: Int = 1, lastRow: Int) -> String? {
    guard columns > 0 else { return nil }
    return "A\(headerRow):\(columnName(columns - 1))\(lastRow)"
  }

  /// Whether `text` is a plain decimal number a cell can hold as one: an optional minus,
  /// digits, and at most one point with digits after it.
  static func isNumber(_ text: String) -> Bool {
    var digits = 0
    var point = false
    var afterPoint = 0
    for (offset, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "-") where offset == 0: continue
      case UInt8(ascii: "."):
        guard !point, digits > 0 else { return false }
        point = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits += 1
        if point { afterPoint += 1 }
      default: return false
      }
    }
    return digits > 0 && digits <= 15 && (!point || afterPoint > 0)
  }

  /// A tab name Excel accepts, made from any text: the characters it forbids replaced, at most
  /// 31 characters, not blank, and unlike every name in `taken` (compared as Excel does,
  /// ignoring case), which it is added to.
  public static func sheetName(_ text: String, taken: inout Set<String>) -> String {
    var base = String(
      text.map { ":\\/?*[]".contains($0) ? "_" : $0 }.drop { $0 == "'" || $0.isWhitespace })
    while base.last == "'" || base.last?.isWhitespace == true { base.removeLast() }
    if base.isEmpty { base = "_" }
    var name = String(base.prefix(31))
    var number = 2
    while taken.contains(name.lowercased()) {
      let suffix = "(\(number))"
      name = String(base.prefix(31 - suffix.count)) + suffix
      number += 1
    }
    taken.insert(name.lowercased())
    return name
  }

  /// "A1", "C7", "AA10".
  static func reference(column: Int, row: Int) -> String { columnName(column) + String(row) }

  static func columnName(_ index: Int) -> String {
    var name = ""
    var value = index + 1
    while value > 0 {
      let remainder = (value - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + remainder))) + name
      value = (value - 1) / 26
    }
    return name
  }

  /// A sheet name as formulas and defined names quote it: 'name', with ' doubled.
  static func quotedSheetName(_ name: String) -> String {
    "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }

  static func escape(_ text: String) -> String { XMLText.escape(text) }

  // MARK: - The workbook's parts

  static func contentTypes(sheetCount: Int) -> String {
    var sheets = ""
    for index in 0..<sheetCount {
      sheets +=
        "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      \(sheets)\
      <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
      <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
      <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
      </Types>
      """
  }

  static let rootRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
    </Relationships>
    """

  static let appProperties = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>gongjian</Application></Properties>
    """

  static func coreProperties(title: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
    xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(escape(title))</dc:title><dc:creator>gongjian</dc:creator></cp:coreProperties>
    """
  }

  static func workbook(sheetName: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
    <sheets><sheet name="\(escape(sheetName))" sheetId="1" r:id="rId1"/></sheets>\
    <definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'\(escape(sheetName))'!$A$1:$A$1</definedName></definedNames>\
    </workbook>
    """
  }

  /// The sheets, and per sheet the two names offices rely on: `_xlnm._FilterDatabase`, which
  /// must cover exactly the sheet's `<autoFilter ref>` (LibreOffice otherwise filters the
  /// name's range only), and `_xlnm.Print_Titles`, the header row on every printed page.
  static func workbook(sheets: [Sheet], lastRows: [Int]) -> String {
    var list = ""
    var names = ""
    for (index, sheet) in sheets.enumerated() {
      list += "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
      let quoted = escape(quotedSheetName(sheet.name))
      if let range = filterRange(columns: sheet.columns.count, headerRow: sheet.headerRow, lastRow: lastRows[index]) {
        let absolute = range.split(separator: ":").map { cell in
          let letters = cell.prefix { $0.isLetter }
          return "$\(letters)$\(cell.dropFirst(letters.count))"
        }
        names +=
          "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
          + "\(quoted)!\(absolute.joined(separator: ":"))</definedName>"
        names +=
          "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
          + "\(quoted)!$\(sheet.headerRow):$\(sheet.headerRow)</definedName>"
      }
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
      <bookViews><workbookView activeTab="0"/></bookViews>\
      <sheets>\(list)</sheets>\
      \(names.isEmpty ? "" : "<definedNames>\(names)</definedNames>")\
      </workbook>
      """
  }

  static func workbookRelationships(sheetCount: Int) -> String {
    var relationships = ""
    for index in 0..<sheetCount {
      relationships +=
        "<Relationship Id=\"rId\(index + 1)\" "
        + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      \(relationships)\
      <Relationship Id="rId\(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
      </Relationships>
      """
  }

  /// Styles: 0 default, 1 bold header (text), 2 date (yyyy-mm-dd), 3 text ("@").
  static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
    <fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>\
    <font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """
}

@available(*, unavailable)
extension XLSXWriter: Sendable {}

/// UTF-8 bytes of XML being built, with the appends a cell needs.
struct XMLBytes {
  private(set) var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(1 << 17) }

  mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

  mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  /// A non-negative number in decimal.
  mutating func append(_ number: Int) {
    let start = bytes.count
    var value = number.magnitude
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
      value /= 10
    } while value > 0
    bytes[start...].reverse()
  }

  /// Text as XML character data, as `XMLText.escape` writes it: markup escaped, and what XML
  /// 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE, U+FFFF) left out.
  mutating func appendEscaped(_ text: String) {
    var copy = text
    copy.withUTF8 { source in
      var start = 0
      var index = 0
      while index < source.count {
        let byte = source[index]
        let replacement: StaticString?
        var skip = 1
        switch byte {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        case UInt8(ascii: "'"): replacement = "&apos;"
        case 0x09, 0x0A, 0x0D:
          index += 1
          continue
        case 0x00..<0x20: replacement = ""
        case 0xEF where index + 2 < source.count && source[index + 1] == 0xBF && source[index + 2] >= 0xBE:
          replacement = ""
          skip = 3
        default:
          index += 1
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index]))
        if let replacement { append(replacement) }
        index += skip
        start = index
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<source.count]))
    }
  }
}

extension Registry {
  /// The whole registry as an XLSX workbook at `path` (the import format's columns), made as
  /// every output is (`AtomicFile`): whole or not at all, with the registry's output mode from
  /// its creation. `path` may be a symbolic link to a regular file; a device or FIFO is
  /// refused, since a workbook is written with seeks. Returns the number of units.
  @discardableResult
  public func exportXLSX(to path: String) throws -> Int {
    let destination: String
    switch try OutputTarget.resolve(path, protecting: self.path, streams: false) {
    case .file(let resolved): destination = resolved
    case .stream(let descriptor):
      close(descriptor)
      throw OutputProblem.notARegularFile(path: path)
    }
    let file = try AtomicFile(destination: destination, mode: outputFileMode)
    let count = try read {
      let widths: [Field: Int] = [
        .name: 36, .kind: 12, .joinedOn: 12, .leftOn: 12, .leftReason: 16, .signatory: 10, .signatoryTitle: 14,
        .agreementTitle: 22, .expiresOn: 14, .groups: 30, .contactName: 10, .contactPhone: 16, .address: 30,
        .partyOrganisation: 24, .note: 30,
      ]
      let columns = ImportColumns.all.map { column in
        XLSXWriter.Column(
          title: column.chinese,
          kind: [.joinedOn, .leftOn, .expiresOn].contains(column.field) ? .date : .text,
          width: widths[column.field] ?? (column.field == .creditCode ? 22 : 14))
      }
      let groupColumns = GroupSheet.columns.map { column in
        XLSXWriter.Column(
          title: column.header, kind: column.field == .groupName || column.field == .groupDescription ? .text : .date,
          width: column.field == .groupDescription ? 40 : column.field == .groupName ? 24 : 14)
      }
      let writer = try XLSXWriter(
        descriptor: file.descriptor, path: destination,
        sheets: [
          XLSXWriter.Sheet(name: ImportColumns.unitSheetName, columns: columns),
          XLSXWriter.Sheet(name: GroupSheet.name, columns: groupColumns),
        ] + ListFile.allCases.map(\.sheet),
        title: ImportColumns.workbookTitle)
      let count = try forEachExportRow { try writer.addRow($0) }
      // The working groups with their descriptions and dates, which a unit's row cannot carry:
      // import reads this sheet back, so a round trip keeps them.
      try writer.nextSheet()
      let groups = try db.prepare(
        "SELECT name, description, established_on, dissolved_on FROM working_group ORDER BY id")
      while try groups.step() {
        try writer.addRow((0..<4).map { try? groups.column(Int32($0), as: String.self) })
      }
      // The three lists and the service records, each on a sheet of its own, as their imports read them.
      for list in ListFile.allCases {
        try writer.nextSheet()
        try forEachListRow(list) { try writer.addRow($0) }
      }
      try writer.finish()
      return count
    }
    try file.commit()
    return count
  }
}

extension ListFile {
  /// The list's sheet in a workbook.
  var sheet: XLSXWriter.Sheet {
    XLSXWriter.Sheet(
      name: sheetName,
      columns: columns.map { column in
        let kind: XLSXWriter.CellKind =
          switch column.kind {
          case .text: .text
          case .date: .date
          case .number: .number
          }
        return XLSXWriter.Column(title: column.chinese, kind: kind, width: column.width)
      })
  }
}

extension Registry {
  /// One list as an XLSX workbook of one sheet, made as every output is (whole or not at all).
  /// Returns the number of rows.
  @discardableResult
  public func exportListXLSX(_ list: ListFile, to path: String) throws -> Int {
    let destination = try Workbook.destination(path, protecting: self.path)
    let file = try AtomicFile(destination: destination, mode: outputFileMode)
    let count = try read {
      let writer = try XLSXWriter(
        descriptor: file.descriptor, path: destination, sheets: [list.sheet], title: list.sheetName)
      let count = try forEachListRow(list) { try writer.addRow($0) }
      try writer.finish()
      return count
    }
    try file.commit()
    return count
  }
}
