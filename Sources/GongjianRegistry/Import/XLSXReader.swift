import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The first worksheet of an XLSX workbook, as rows of cells (SpreadsheetML, ECMA-376).
/// Strings come from the shared-string table or inline; numbers stay numbers, so a date
/// column's Excel serial days can be read as dates. Rows are numbered as Excel numbers them.
///
/// The sheet is parsed into memory: CSV is the streaming path for very large files (and an
/// XLSX sheet holds at most 1,048,576 rows anyway).
final class XLSXRowSource: RowSource {
  private var rows: [(line: Int, cells: [ImportCell])] = []
  private var position = 0
  let totalBytes: Int
  var bytesRead: Int { position == rows.count ? totalBytes : totalBytes * position / max(rows.count, 1) }
  let encodingName = "XLSX"

  /// Sheets bigger than this, unpacked, are refused rather than exhausting memory.
  static let largestSheet: UInt64 = 1 << 30

  init(path: String) throws {
    let url = URL(fileURLWithPath: path)
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw RegistryError.invalid(
        "\(path) is not a readable XLSX workbook (it is not a ZIP archive); save it again from Excel")
    }
    totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    let sheetPath = try XLSXRowSource.firstSheetPath(archive, path: path)
    var shared: [String] = []
    if let entry = archive["xl/sharedStrings.xml"] {
      shared = try XLSXRowSource.parse(
        SharedStringsParser(), data: XLSXRowSource.read(entry, from: archive, path: path), path: path
      )
      .strings
    }
    guard let sheet = archive[sheetPath] else {
      throw RegistryError.invalid("\(path): the workbook has no worksheet \(sheetPath); save it again from Excel")
    }
    let parser = try XLSXRowSource.parse(
      SheetParser(sharedStrings: shared), data: XLSXRowSource.read(sheet, from: archive, path: path), path: path)
    if let problem = parser.problem { throw RegistryError.invalid("\(path): \(problem)") }
    rows = parser.rows.filter { row in row.cells.contains { $0 != .empty } }
    // Excel leaves out empty cells at the end of a row: give every row the header's width.
    let width = rows.first?.cells.count ?? 0
    for index in rows.indices where rows[index].cells.count < width {
      rows[index].cells += Array(repeating: .empty, count: width - rows[index].cells.count)
    }
  }

  func header() throws -> (line: Int, cells: [String])? {
    guard position < rows.count else { return nil }
    let row = rows[position]
    position += 1
    return (row.line, row.cells.map { $0.text ?? "" })
  }

  func next() throws -> SourceRow? {
    guard position < rows.count else { return nil }
    let row = rows[position]
    position += 1
    return .row(line: row.line, cells: row.cells)
  }

  private static func read(_ entry: Entry, from archive: Archive, path: String) throws -> Data {
    guard entry.uncompressedSize <= largestSheet else {
      throw RegistryError.invalid("\(path): \(entry.path) is too large to read; save the sheet as CSV and import that")
    }
    var data = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in data.append(chunk) }
    } catch {
      throw RegistryError.invalid("\(path): \(entry.path) is damaged (\(error)); save the workbook again from Excel")
    }
    return data
  }

  private static func parse<P: XMLParsing>(_ delegate: P, data: Data, path: String) throws -> P {
    let parser = XMLParser(data: data)
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    guard parser.parse() else {
      let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
      throw RegistryError.invalid("\(path): the workbook's XML is damaged (\(reason)); save it again from Excel")
    }
    return delegate
  }

  /// The path of the first sheet, from the workbook and its relationships.
  private static func firstSheetPath(_ archive: Archive, path: String) throws -> String {
    guard let workbook = archive["xl/workbook.xml"] else {
      throw RegistryError.invalid("\(path) is a ZIP file but not an Excel workbook (no xl/workbook.xml)")
    }
    let sheets = try parse(
      AttributeCollector(element: "sheet"), data: read(workbook, from: archive, path: path), path: path)
    guard let first = sheets.found.first,
      let relation = first["r:id"] ?? first.first(where: { $0.key.hasSuffix(":id") })?.value
    else {
      return "xl/worksheets/sheet1.xml"
    }
    guard let relationships = archive["xl/_rels/workbook.xml.rels"] else { return "xl/worksheets/sheet1.xml" }
    let links = try parse(
      AttributeCollector(element: "Relationship"), data: read(relationships, from: archive, path: path), path: path)
    guard let target = links.found.first(where: { $0["Id"] == relation })?["Target"] else {
      return "xl/worksheets/sheet1.xml"
    }
    return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
  }
}

private protocol XMLParsing: XMLParserDelegate {}

/// Collects the attributes of every element with one name.
private final class AttributeCollector: NSObject, XMLParsing {
  let element: String
  var found: [[String: String]] = []

  init(element: String) { self.element = element }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    if elementName == element || elementName.hasSuffix(":" + element) { found.append(attributes) }
  }
}

/// `xl/sharedStrings.xml`: one string per `<si>`, the text of its `<t>`s (rich text runs
/// joined), without phonetic guides (`<rPh>`).
private final class SharedStringsParser: NSObject, XMLParsing {
  var strings: [String] = []
  private var current = ""
  private var inText = false
  private var inPhonetic = false

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch elementName {
    case "si": current = ""
    case "t": inText = !inPhonetic
    case "rPh": inPhonetic = true
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText { current += string }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    switch elementName {
    case "si": strings.append(current)
    case "t": inText = false
    case "rPh": inPhonetic = false
    default: break
    }
  }
}

/// A worksheet's `<sheetData>`: rows of cells by their references (A1, C7), so empty cells
/// Excel leaves out land in the right columns.
private final class SheetParser: NSObject, XMLParsing {
  let sharedStrings: [String]
  var rows: [(line: Int, cells: [ImportCell])] = []
  var problem: String?

  private var rowNumber = 0
  private var cells: [ImportCell] = []
  private var cellColumn = 0
  private var cellType = "n"
  private var value = ""
  private var inValue = false
  private var inInlineText = false

  init(sharedStrings: [String]) { self.sharedStrings = sharedStrings }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch elementName {
    case "row":
      rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
      cells = []
    case "c":
      cellType = attributes["t"] ?? "n"
      cellColumn = attributes["r"].flatMap(SheetParser.columnIndex) ?? cells.count
      value = ""
    case "v": inValue = true
    case "t": inInlineText = cellType == "inlineStr"
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inValue || inInlineText { value += string }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    switch elementName {
    case "v": inValue = false
    case "t": inInlineText = false
    case "c":
      guard cellColumn < 16_384 else {
        problem = "row \(rowNumber) has a cell beyond column XFD"
        parser.abortParsing()
        return
      }
      while cells.count <= cellColumn { cells.append(.empty) }
      cells[cellColumn] = cell()
    case "row":
      rows.append((rowNumber, cells))
    default: break
    }
  }

  private func cell() -> ImportCell {
    switch cellType {
    case "s":
      guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
        return .empty
      }
      let text = sharedStrings[index]
      return text.isEmpty ? .empty : .text(text)
    case "inlineStr", "str", "e":
      return value.isEmpty ? .empty : .text(value)
    case "b":
      return .text(value == "1" ? "TRUE" : "FALSE")
    case "d":
      // An ISO date-time cell: keep the date part as text.
      return value.isEmpty ? .empty : .text(String(value.prefix(10)))
    default:
      let trimmed = value.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { return .empty }
      return Double(trimmed).map(ImportCell.number) ?? .text(trimmed)
    }
  }

  /// "C7" → 2 (zero-based column).
  static func columnIndex(_ reference: String) -> Int? {
    var column = 0
    var letters = 0
    for scalar in reference.unicodeScalars {
      guard let ascii = scalar.properties.numericType == nil ? UInt8(exactly: scalar.value) : nil else { break }
      let upper = ascii & ~0x20
      guard upper >= 0x41 && upper <= 0x5A else { break }
      column = column * 26 + Int(upper - 0x40)
      letters += 1
      if letters > 3 { return nil }
    }
    return letters == 0 ? nil : column - 1
  }
}
