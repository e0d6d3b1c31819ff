import Foundation
import Testing

@testable import GongjianRegistry

/// CSV as import reads it: the encoding decided on the whole file, the separator found, the
/// limits of a record, a field and a row.
@Suite("CSV input: encodings, separators, limits")
struct CSVInputTests {
  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  static func gb(_ text: String) -> [UInt8] { [UInt8](text.data(using: gb18030)!) }

  /// Every row through a small chunk and in one piece, which must agree.
  static func read(
    _ bytes: [UInt8], encoding: TextEncodingChoice = .auto, limits: InputLimits = .standard
  ) -> ReadTable {
    let whole = ReadTable {
      try CSVRowSource(bytes: bytes, encoding: encoding, header: ImportColumns.matcher, limits: limits)
    }
    let chunked = ReadTable {
      try CSVRowSource(bytes: bytes, chunkSize: 7, encoding: encoding, header: ImportColumns.matcher, limits: limits)
    }
    #expect(chunked.values == whole.values)
    #expect(chunked.problem == whole.problem)
    #expect(chunked.unreadable.map(\.problem) == whole.unreadable.map(\.problem))
    return whole
  }

  @Test("UTF-16, with or without a byte-order mark, is refused")
  func utf16() {
    let text = "单位名称,加入日期\n"
    let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let bare: [UInt8] = "name,joined_on\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    for bytes in [little, big, bare] { #expect(Self.read(bytes).problem == .utf16) }
  }

  @Test("valid UTF-8 lines, then a GB18030 line: the file is GB18030, and the UTF-8 cells say the file is mixed")
  func mixedEncodings() {
    let bytes = Array("单位名称,加入日期\n甲,2019-01-01\n".utf8) + Self.gb("乙单位,2019-01-01\n")
    // The UTF-8 header happens to be valid GB18030 (as nonsense), so the search for the header
    // meets line 2 first, which is neither.
    #expect(Self.read(bytes).problem == .mixedEncodings(line: 2, column: 0, firstNonUTF8Line: 3))
    let ascii = Array("name,joined_on\n甲,2019-01-01\n".utf8) + Self.gb("乙单位,2019-01-01\n")
    let rows = Self.read(ascii)
    #expect(rows.layout?.format == .csv(encoding: .gb18030, byteOrderMark: false, separator: .comma))
    #expect(rows.unreadable.map(\.problem) == [.mixedEncodings(line: 2, column: 0, firstNonUTF8Line: 3)])
    #expect(rows.values == [[.text("乙单位"), .text("2019-01-01")]])
  }

  @Test("a BOM, or an encoding asked for, is kept to: a field that is not such text is named")
  func keptEncodings() {
    let bom = [0xEF, 0xBB, 0xBF] + Array("单位名称,加入日期\n甲,2019-01-01\n".utf8) + Self.gb("乙,2019\n")
    #expect(Self.read(bom).unreadable.map(\.problem) == [.notValidText(line: 3, column: 0, encoding: .utf8)])
    let gbk = Self.gb("单位名称,加入日期\n甲,2019-01-01\n")
    #expect(Self.read(gbk, encoding: .utf8).problem == .notValidText(line: 1, column: 0, encoding: .utf8))
    #expect(Self.read(gbk, encoding: .gb18030).values == [[.text("甲"), .text("2019-01-01")]])
    let utf8 = Array("单位名称,加入日期\n甲,2019-01-01\n".utf8)
    let asGB = Self.read(utf8, encoding: .gb18030)
    #expect(asGB.problem != nil || asGB.values != [[.text("甲"), .text("2019-01-01")]])
  }

  @Test("UTF-8 validity by Unicode's table: overlong forms, surrogates and past U+10FFFF are not UTF-8")
  func utf8Table() {
    let invalid: [[UInt8]] = [
      [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8], [0x80], [0xE4, 0xB8],
    ]
    for bytes in invalid {
      #expect(UTF8Scan.validate(UnsafeRawBufferPointer(start: bytes, count: bytes.count), final: true).invalidAt == 0)
    }
    let valid = Array("aé中😀\u{10FFFF}".utf8)
    #expect(valid.withUnsafeBytes { UTF8Scan.validate($0, final: true).invalidAt } == nil)
    // A sequence cut by the end of a chunk is not invalid until the last chunk.
    let cut: [UInt8] = [0x61, 0xE4, 0xB8]
    #expect(cut.withUnsafeBytes { UTF8Scan.validate($0, final: false) } == (1, nil))
  }

  @Test("the separator is the one under which the header appears; quoted ones do not count")
  func separators() {
    let cases: [(String, CSVSeparator)] = [
      ("单位名称,加入日期\n甲,2019-01-01\n", .comma),
      ("单位名称;加入日期;备注\n甲;2019-01-01;\"a,b,c,d\"\n", .semicolon),
      ("名单 (2019, 共3家, 已核对)\n单位名称\t加入日期\n甲\t2019-01-01\n", .tab),
      ("\"单位名称;x\",加入日期\n甲,2019-01-01\n", .comma),
      ("a;b;c\n1;2;3\n", .semicolon),
      ("a\tb\n", .tab),
      ("abc\n", .comma),
    ]
    for (text, separator) in cases {
      let table = Self.read(Array(text.utf8))
      #expect(table.layout?.format == .csv(encoding: .utf8, byteOrderMark: false, separator: separator), "\(text)")
    }
  }

  @Test("limits: a record's bytes, a field's characters, a record's fields")
  func limits() {
    var limits = InputLimits.standard
    limits.recordBytes = 100
    limits.columns = 5
    limits.cellCharacters = 10
    let header = "单位名称,加入日期\n"
    #expect(
      Self.read(Array((header + "甲,2019\n" + String(repeating: "x", count: 101) + "\n").utf8), limits: limits).problem
        == .recordTooLong(line: 3, limit: 100))
    #expect(
      Self.read(Array((header + "\"" + String(repeating: "x\n", count: 60) + "\"\n").utf8), limits: limits).problem
        == .recordTooLong(line: 2, limit: 100))
    #expect(
      Self.read(Array((header + "a,b,c,d,e,f\n").utf8), limits: limits).problem == .tooManyFields(line: 2, limit: 5))
    #expect(Self.read(Array((header + "a,b,c,d,e\n").utf8), limits: limits).problem == nil)
    let long = Self.read(
      Array((header + "甲,2019\n" + String(repeating: "长", count: 11) + ",2019\n").utf8), limits: limits)
    #expect(long.unreadable.map(\.problem) == [.fieldTooLong(line: 3, column: 0, limit: 10)])
    #expect(
      Self.read(Array((header + String(repeating: "长", count: 10) + ",2019\n").utf8), limits: limits).unreadable.isEmpty
    )
  }

  @Test("a quote never closed names the line it opens on")
  func unclosedQuote() {
    let table = Self.read(Array("单位名称,加入日期,备注\n甲,2019-01-01,\"ok\"\n乙,2019-01-01,\"never\nclosed\n".utf8))
    #expect(table.problem == .unclosedQuote(line: 3))
    #expect(table.rows.count == 1)
  }

  @Test("a file on disk is read in chunks the same as in memory, and again from its start")
  func fileAndReopen() throws {
    let folder = ScratchFolder()
    let path = folder.file("units.csv")
    var text = "单位名称,加入日期\r\n"
    for number in 0..<30_000 { text += "单位\(number),2019-06-27\r\n" }
    let bytes = Self.gb(text)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let table = try ImportTable(path: path, matcher: ImportColumns.matcher)
    var count = 0
    while try table.next() != nil { count += 1 }
    #expect(count == 30_000)
    #expect(table.source.bytesRead == bytes.count)
    let again = try table.reopened()
    var first: SourceRow?
    first = try again.next()
    #expect(
      first
        == .row(
          line: 2,
          cells: [ImportCell(column: 0, value: .text("单位0")), ImportCell(column: 1, value: .text("2019-06-27"))]))
  }
}
