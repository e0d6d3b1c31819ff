import Foundation
import ZIPFoundation

/// Writes a real XLSX workbook (SpreadsheetML in a ZIP, ECMA-376) with one sheet: a bold,
/// frozen header row with filters, dates as date cells (so Excel sorts and filters them as
/// dates), and every other cell as text, so phone numbers and credit codes keep their digits.
///
/// The sheet is streamed to a temporary file row by row and then packed, so memory stays flat.
final class XLSXWriter {
  enum CellKind { case text, date }

  private let columns: [(title: String, kind: CellKind, width: Int)]
  private let sheetFile: String
  private let sheet: FileTextWriter
  private var rowNumber = 1

  init(columns: [(title: String, kind: CellKind, width: Int)], temporaryFolder: String) throws {
    self.columns = columns
    sheetFile = temporaryFolder + "/.gongjian-sheet-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).xml"
    sheet = try FileTextWriter(path: sheetFile)
    var header = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
      <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
      <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
      <sheetFormatPr defaultRowHeight="15"/><cols>
      """
    for (index, column) in columns.enumerated() {
      header += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(column.width)\" customWidth=\"1\"/>"
    }
    header += "</cols><sheetData><row r=\"1\">"
    for (index, column) in columns.enumerated() {
      header += textCell(column.title, column: index, style: 1)
    }
    header += "</row>"
    sheet.write(header)
  }

  deinit {
    unlink(sheetFile)
  }

  /// Adds a row: values in column order, nil for an empty cell. A date column's value is ISO.
  func addRow(_ values: [String?]) {
    rowNumber += 1
    var row = "<row r=\"\(rowNumber)\">"
    for (index, column) in columns.enumerated() {
      guard index < values.count, let value = values[index], !value.isEmpty else { continue }
      if column.kind == .date, let day = Day(iso: value) {
        row +=
          "<c r=\"\(XLSXWriter.reference(column: index, row: rowNumber))\" s=\"2\"><v>\(DayParser.excelSerial(of: day))</v></c>"
      } else {
        row += textCell(value, column: index, style: 3)
      }
    }
    sheet.write(row + "</row>")
  }

  private func textCell(_ text: String, column: Int, style: Int) -> String {
    let escaped = XLSXWriter.escape(text)
    let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
    return "<c r=\"\(XLSXWriter.reference(column: column, row: rowNumber))\" s=\"\(style)\" t=\"inlineStr\"><is><t"
      + (preserve ? " xml:space=\"preserve\"" : "") + ">\(escaped)</t></is></c>"
  }

  /// Finishes the sheet and packs the workbook at `path`.
  func finish(to path: String, sheetName: String) throws {
    let lastColumn = XLSXWriter.columnName(columns.count - 1)
    sheet.write("</sheetData><autoFilter ref=\"A1:\(lastColumn)\(max(rowNumber, 1))\"/></worksheet>")
    try sheet.close()
    let url = URL(fileURLWithPath: path)
    try? FileManager.default.removeItem(at: url)
    let archive = try Archive(url: url, accessMode: .create)
    // A fixed date keeps the workbook's bytes the same for the same data.
    let date = Date(timeIntervalSince1970: 1_577_836_800)
    let parts: [(String, String)] = [
      ("[Content_Types].xml", XLSXWriter.contentTypes), ("_rels/.rels", XLSXWriter.rootRelationships),
      ("docProps/app.xml", XLSXWriter.appProperties), ("docProps/core.xml", XLSXWriter.coreProperties),
      ("xl/workbook.xml", XLSXWriter.workbook(sheetName: sheetName)),
      ("xl/_rels/workbook.xml.rels", XLSXWriter.workbookRelationships), ("xl/styles.xml", XLSXWriter.styles),
    ]
    for (name, content) in parts {
      let data = Data(content.utf8)
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
        compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: sheetFile))
    defer { try? handle.close() }
    let size = try handle.seekToEnd()
    try archive.addEntry(
      with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(size), modificationDate: date,
      compressionMethod: .deflate
    ) { position, chunk in
      try handle.seek(toOffset: UInt64(position))
      return try handle.read(upToCount: chunk) ?? Data()
    }
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

  static func escape(_ text: String) -> String { XMLText.escape(text) }

  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
    </Types>
    """

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

  static let coreProperties = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
    xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>区域化党建共建单位</dc:title><dc:creator>gongjian</dc:creator></cp:coreProperties>
    """

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

  static let workbookRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    </Relationships>
    """

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

/// A temporary file written through a `BufferedWriter`.
final class FileTextWriter {
  private let writer: BufferedWriter
  private let path: String

  init(path: String) throws {
    self.path = path
    let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw RegistryError.io("cannot write a temporary file \(path): \(String(cString: strerror(errno)))")
    }
    writer = BufferedWriter(descriptor: descriptor)
  }

  func write(_ text: String) { writer.write(text) }

  func close() throws {
    writer.flush()
    Foundation.close(writer.descriptor)
    let failure = writer.failure
    if failure != 0 {
      throw RegistryError.io(
        failure == ENOSPC
          ? "the disk is full: the workbook was not written."
          : "cannot write \(path): \(String(cString: strerror(failure)))")
    }
  }
}

extension Registry {
  /// The whole registry as an XLSX workbook at `path` (the import format's columns).
  @discardableResult
  public func exportXLSX(to path: String) throws -> Int {
    try read {
      let widths: [Field: Int] = [
        .name: 36, .kind: 12, .joinedOn: 12, .leftOn: 12, .leftReason: 16, .signatory: 10, .signatoryTitle: 14,
        .agreementTitle: 22, .expiresOn: 14, .groups: 30, .contactName: 10, .contactPhone: 16, .address: 30,
        .partyOrganisation: 24, .note: 30,
      ]
      let columns = ImportColumns.all.map { column in
        (
          title: column.chinese,
          kind: [.joinedOn, .leftOn, .expiresOn].contains(column.field) ? XLSXWriter.CellKind.date : .text,
          width: widths[column.field] ?? 14
        )
      }
      let writer = try XLSXWriter(columns: columns, temporaryFolder: RegistryFile.parent(of: path))
      let count = try forEachExportRow { writer.addRow($0) }
      do {
        try writer.finish(to: path, sheetName: "共建单位")
      } catch let error as RegistryError {
        throw error
      } catch {
        throw RegistryError.io("cannot write the workbook \(path): \(error)")
      }
      return count
    }
  }
}
