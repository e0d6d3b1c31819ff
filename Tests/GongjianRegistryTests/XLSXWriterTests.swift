import Foundation
import Testing

@testable import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A ZIP archive read back by hand: the central directory, each local header, and entries
/// deflated at level 0 (stored blocks), so no inflater is needed to check every byte.
private struct StoredZip {
  struct Entry {
    var name: String
    var crc: UInt32
    var compressedSize: Int
    var size: Int
    var contents: [UInt8]
  }

  var entries: [Entry] = []

  init(_ bytes: [UInt8]) throws {
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
    let end = bytes.count - 22
    try #require(u32(end) == 0x0605_4B50)
    let count = u16(end + 10)
    var at = u32(end + 16)
    try #require(at + u32(end + 12) == end)
    for _ in 0..<count {
      try #require(u32(at) == 0x0201_4B50)
      let nameLength = u16(at + 28)
      let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
      let crc = UInt32(u32(at + 16))
      let compressedSize = u32(at + 20)
      let size = u32(at + 24)
      let local = u32(at + 42)
      // The local header was patched with the same CRC and sizes after the data.
      try #require(u32(local) == 0x0403_4B50)
      try #require(u32(local + 14) == Int(crc) && u32(local + 18) == compressedSize && u32(local + 22) == size)
      try #require(u16(local + 26) == nameLength && u16(local + 8) == 8)
      var data = local + 30 + nameLength + u16(local + 28)
      let stop = data + compressedSize
      var contents: [UInt8] = []
      while data < stop {
        let header = bytes[data]
        try #require(header >> 1 & 3 == 0, "\(name): not a stored block")
        let length = u16(data + 1)
        try #require(u16(data + 3) == length ^ 0xFFFF)
        contents += bytes[(data + 5)..<(data + 5 + length)]
        data += 5 + length
        if header & 1 == 1 { break }
      }
      try #require(data == stop)
      entries.append(Entry(name: name, crc: crc, compressedSize: compressedSize, size: size, contents: contents))
      at += 46 + nameLength + u16(at + 30) + u16(at + 32)
    }
  }

  func text(_ name: String) -> String? {
    entries.first { $0.name == name }.map { String(decoding: $0.contents, as: UTF8.self) }
  }
}

private func crc32(_ bytes: [UInt8]) -> UInt32 {
  var crc: UInt32 = 0xFFFF_FFFF
  for byte in bytes {
    crc ^= UInt32(byte)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
  }
  return ~crc
}

/// The first match of `pattern`'s first group in `text`.
private func firstMatch(_ pattern: String, in text: String) -> String? {
  guard let expression = try? NSRegularExpression(pattern: pattern),
    let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
    let range = Range(match.range(at: 1), in: text)
  else { return nil }
  return String(text[range])
}

@Suite struct XLSXWriterTests {
  let units = XLSXWriter.Sheet(
    name: "共建单位",
    columns: [
      .init(title: "单位名称", kind: .text, width: 36), .init(title: "加入日期", kind: .date, width: 12),
      .init(title: "联系电话", kind: .text, width: 16),
    ])
  let groups = XLSXWriter.Sheet(
    name: "专项组 'A'",
    columns: [.init(title: "名称", kind: .text, width: 20), .init(title: "成立日期", kind: .date, width: 12)])

  func write(level: Int32, rows: Int) throws -> [UInt8] {
    let folder = ScratchFolder()
    let path = folder.file("book.xlsx")
    let file = try AtomicFile(destination: path, mode: 0o600)
    let writer = try XLSXWriter(
      descriptor: file.descriptor, path: path, sheets: [units, groups], title: "测试", compressionLevel: level)
    for index in 0..<rows {
      try writer.addRow(["单位\(index) <&>", "2019-06-20", "021\(index)"])
    }
    try writer.nextSheet()
    try writer.addRow(["组织共建专项组", "2016-03-01"])
    try writer.addRow([" 文明共创 ", nil])
    try writer.finish()
    try file.commit()
    return [UInt8](try #require(FileManager.default.contents(atPath: path)))
  }

  @Test func everyPartHasItsCRCAndSizesInBothHeaders() throws {
    let zip = try StoredZip(try write(level: 0, rows: 3_000))
    #expect(
      zip.entries.map(\.name) == [
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/_rels/workbook.xml.rels",
        "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/workbook.xml",
      ])
    for entry in zip.entries {
      #expect(entry.contents.count == entry.size, "\(entry.name)")
      #expect(crc32(entry.contents) == entry.crc, "\(entry.name)")
    }
    // Several 64 KiB blocks: the sheet went through the stream in pieces.
    #expect((zip.entries.first { $0.name == "xl/worksheets/sheet1.xml" }?.size ?? 0) > 200_000)
  }

  @Test func eachSheetsFilterNameMatchesItsAutoFilterAndPrintsItsHeaderOnEveryPage() throws {
    let zip = try StoredZip(try write(level: 0, rows: 5))
    let workbook = try #require(zip.text("xl/workbook.xml"))
    let first = try #require(zip.text("xl/worksheets/sheet1.xml"))
    let second = try #require(zip.text("xl/worksheets/sheet2.xml"))
    #expect(firstMatch(#"<autoFilter ref="([^"]+)"/>"#, in: first) == "A1:C6")
    #expect(firstMatch(#"<autoFilter ref="([^"]+)"/>"#, in: second) == "A1:B3")
    #expect(
      firstMatch(#"name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">([^<]+)<"#, in: workbook)
        == "&apos;共建单位&apos;!$A$1:$C$6")
    #expect(
      firstMatch(#"name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">([^<]+)<"#, in: workbook)
        == "&apos;专项组 &apos;&apos;A&apos;&apos;&apos;!$A$1:$B$3")
    #expect(
      firstMatch(#"name="_xlnm.Print_Titles" localSheetId="0">([^<]+)<"#, in: workbook) == "&apos;共建单位&apos;!$1:$1")
    #expect(
      firstMatch(#"name="_xlnm.Print_Titles" localSheetId="1">([^<]+)<"#, in: workbook)?.hasSuffix("!$1:$1") == true)
    for sheet in [first, second] {
      #expect(sheet.contains(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#))
      #expect(sheet.contains(#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#))
      // Schema order: the filter before the margins before the page setup, all after the data.
      let order = ["</sheetData>", "<autoFilter", "<pageMargins", "<pageSetup"].compactMap {
        sheet.range(of: $0)?.lowerBound
      }
      #expect(order.count == 4 && order == order.sorted())
    }
    #expect(first.contains("tabSelected=\"1\"") && !second.contains("tabSelected"))
    #expect(first.contains("<t>单位0 &lt;&amp;&gt;</t>"))
    // 2019-06-20 is serial 43636 in the 1900 date system, with the date style.
    #expect(first.contains(#"<c r="B2" s="2"><v>43636</v></c>"#))
    #expect(second.contains(#"<t xml:space="preserve"> 文明共创 </t>"#))
    #expect(!second.contains("<c r=\"B3\""))
    let types = try #require(zip.text("[Content_Types].xml"))
    #expect(types.contains("/xl/worksheets/sheet1.xml") && types.contains("/xl/worksheets/sheet2.xml"))
    let relationships = try #require(zip.text("xl/_rels/workbook.xml.rels"))
    #expect(relationships.contains(#"Id="rId3""#) && relationships.contains("styles.xml"))
  }

  @Test func deflatedWorkbooksAreSmallerAndStillWhole() throws {
    let stored = try write(level: 0, rows: 2_000)
    let deflated = try write(level: 6, rows: 2_000)
    #expect(deflated.count * 5 < stored.count)
    // The same central directory shape: as many entries, the same uncompressed sizes.
    #expect(deflated.suffix(22).prefix(12) == stored.suffix(22).prefix(12))
  }

  @Test func cellTextIsEscapedExactlyAsTheSharedEscaperDoes() {
    var generator = SplitMix64(seed: 20_191_127)
    let pieces = [
      "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{1B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}",
      "\u{EFBF}", "共建", "a", " ", "\u{3000}", "😀", "é",
    ]
    for _ in 0..<2_000 {
      let text = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in
        pieces[Int.random(in: 0..<pieces.count, using: &generator)]
      }.joined()
      var bytes = XMLBytes()
      bytes.appendEscaped(text)
      #expect(String(decoding: bytes.bytes, as: UTF8.self) == XMLText.escape(text), "\(Array(text.unicodeScalars))")
    }
    var numbers = XMLBytes()
    for number in [0, 7, 10, 43_636, 1_048_576] {
      numbers.append(number)
      numbers.append(",")
    }
    #expect(String(decoding: numbers.bytes, as: UTF8.self) == "0,7,10,43636,1048576,")
  }
}
