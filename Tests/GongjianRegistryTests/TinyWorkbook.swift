import Foundation

@testable import GongjianRegistry

/// A workbook written by hand for a test: the parts given, stored (not deflated) in a ZIP
/// archive, so that every byte of the XML is where a test can see and change it.
struct TinyWorkbook {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let package = "http://schemas.openxmlformats.org/package/2006/relationships"

  var parts: [(name: String, bytes: [UInt8])] = []

  /// A workbook with one sheet per `(name, rows XML, state)`, optional shared strings and
  /// styles, and `workbookPr` attributes.
  init(
    sheets: [(name: String, rows: String, state: String?)], sharedStrings: [String]? = nil, styles: String? = nil,
    workbookProperties: String = ""
  ) {
    var book =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\">"
      + "<workbookPr \(workbookProperties)/><sheets>"
    var rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(Self.package)\">"
    for (index, sheet) in sheets.enumerated() {
      let state = sheet.state.map { " state=\"\($0)\"" } ?? ""
      book += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
      rels +=
        "<Relationship Id=\"rId\(index + 1)\" Type=\"\(Self.relationships)/worksheet\" "
        + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
      parts.append(
        (
          "xl/worksheets/sheet\(index + 1).xml",
          Array(
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(Self.main)\"><sheetData>" + sheet.rows
              + "</sheetData></worksheet>").utf8)
        ))
    }
    if let sharedStrings {
      rels += "<Relationship Id=\"rIdS\" Type=\"\(Self.relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      parts.append(
        (
          "xl/sharedStrings.xml",
          Array(("<sst xmlns=\"\(Self.main)\">" + sharedStrings.map { "<si>\($0)</si>" }.joined() + "</sst>").utf8)
        ))
    }
    if let styles {
      rels += "<Relationship Id=\"rIdT\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>"
      parts.append(("xl/styles.xml", Array("<styleSheet xmlns=\"\(Self.main)\">\(styles)</styleSheet>".utf8)))
    }
    parts.append(("xl/workbook.xml", Array((book + "</sheets></workbook>").utf8)))
    parts.append(("xl/_rels/workbook.xml.rels", Array((rels + "</Relationships>").utf8)))
    parts.append(
      (
        "_rels/.rels",
        Array(
          ("<Relationships xmlns=\"\(Self.package)\"><Relationship Id=\"rId1\" "
            + "Type=\"\(Self.relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").utf8)
      ))
  }

  /// One sheet named 单位 with these rows.
  init(rows: String, sharedStrings: [String]? = nil, styles: String? = nil, workbookProperties: String = "") {
    self.init(
      sheets: [("单位", rows, nil)], sharedStrings: sharedStrings, styles: styles,
      workbookProperties: workbookProperties)
  }

  /// The archive's bytes: local headers and data, the central directory, its end record.
  var bytes: [UInt8] {
    var out: [UInt8] = []
    var directory: [UInt8] = []
    for part in parts {
      let offset = out.count
      let name = Array(part.name.utf8)
      let crc = CRC32.of(part.bytes)
      out += le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21) + le32(crc)
      out += le32(UInt32(part.bytes.count)) + le32(UInt32(part.bytes.count)) + le16(UInt16(name.count)) + le16(0)
      out += name + part.bytes
      directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
      directory += le32(crc) + le32(UInt32(part.bytes.count)) + le32(UInt32(part.bytes.count))
      directory += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset))
      directory += name
    }
    let start = out.count
    out += directory
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(parts.count)) + le16(UInt16(parts.count))
    out += le32(UInt32(directory.count)) + le32(UInt32(start)) + le16(0)
    return out
  }

  /// Writes the workbook into `folder` and returns its path.
  func write(in folder: ScratchFolder, name: String = "book.xlsx") throws -> String {
    let path = folder.file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
  private func le32(_ value: UInt32) -> [UInt8] {
    [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
  }
}

/// CRC-32 (IEEE), as ZIP uses it.
enum CRC32 {
  static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  static func of(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}

/// Cells for hand-written sheet XML.
enum SheetXML {
  static func inline(_ reference: String, _ text: String) -> String {
    "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
  }

  static func row(_ number: Int, _ cells: String...) -> String {
    "<row r=\"\(number)\">" + cells.joined() + "</row>"
  }

  /// 单位名称 and 加入日期 in A1 and B1.
  static let header = row(1, inline("A1", "单位名称"), inline("B1", "加入日期"))
}
