import Foundation
import Testing

@testable import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#endif

/// Files made the way an attacker or a broken download makes them (Tests/Fixtures/
/// make-hostile-files.py, and damage done here byte by byte): each ends with its typed problem,
/// quickly, or reads exactly what the file holds; none traps, hangs or keeps growing. (The
/// same files through the command, under a memory ceiling: gongjianTests' HostileFileTests.)
@Suite("Hostile and damaged input")
struct HostileInputTests {
  static let sheet = "xl/worksheets/sheet1.xml"

  /// Reads `path` to its end, returning the result and the seconds it took.
  static func timed(_ path: String, limits: InputLimits = .standard) -> (table: ReadTable, seconds: Double) {
    let start = Date()
    let table = ReadTable(path: path, limits: limits)
    return (table, Date().timeIntervalSince(start))
  }

  @Test(
    "bombs, damage and limits end with their problem, at once",
    .enabled(if: ImportFixtures.hasHostileFiles, "python3 is not installed"),
    arguments: [
      ("bomb-lying-size.xlsx", InputProblem.sizeMismatch(part: sheet)),
      ("bomb-honest-3g.xlsx", .partTooLarge(part: sheet, limit: 2 << 30)),
      ("crc-mismatch.xlsx", .crcMismatch(part: sheet)),
      ("truncated-deflate.xlsx", .truncated(part: sheet)),
      ("data-past-directory.xlsx", .truncated(part: sheet)),
      ("sst-bomb.xlsx", .cellTextTooLong(part: "xl/sharedStrings.xml", cell: nil, limit: 32_767)),
      ("doctype.xlsx", .xmlDoctype(part: sheet)),
      ("too-many-rows.xlsx", .tooManyRows(part: sheet, limit: 1_048_576)),
      ("too-many-columns.xlsx", .tooManyColumns(part: sheet, row: 2, limit: 16_384)),
      ("bad-entry-name.xlsx", .badEntryName(name: "../../evil.xml")),
      ("line-200mb.csv", .recordTooLong(line: 2, limit: 1 << 20)),
      ("columns-10m.csv", .tooManyFields(line: 1, limit: 16_384)),
    ])
  func refused(_ name: String, _ problem: InputProblem) throws {
    let (table, seconds) = Self.timed(try ImportFixtures.hostileFile(name))
    #expect(table.problem == problem)
    // Generous: each stops within the first megabytes whatever the file claims.
    #expect(seconds < 20, "\(name) took \(seconds) s")
  }

  @Test(
    "an honest sheet of 1 GiB (1 MB of ZIP) streams through in flat memory and reads its one row",
    .enabled(if: ImportFixtures.hasHostileFiles, "python3 is not installed"))
  func honestGigabyte() throws {
    let (table, seconds) = Self.timed(try ImportFixtures.hostileFile("honest-1g.xlsx"))
    #expect(table.problem == nil)
    #expect(table.values == [[.text("测试单位0002"), .text("2019-06-27")]])
    #expect(seconds < 120, "took \(seconds) s")
  }

  @Test(
    "100,000 cells pointing at one 32,767-character shared string: quick, the string made once",
    .enabled(if: ImportFixtures.hasHostileFiles, "python3 is not installed"))
  func sharedStringAtTheLimit() throws {
    let (table, seconds) = Self.timed(try ImportFixtures.hostileFile("sst-at-limit.xlsx"))
    #expect(table.problem == nil)
    #expect(table.rows.count == 100_000)
    #expect(table.rows.last?.cells.first?.text?.count == 32_767)
    #expect(seconds < 60, "took \(seconds) s")
  }

  /// The rows of the small workbook as it was written.
  static let smallRows: [[CellValue]] = (2...201).map { [.text(String(format: "测试单位%04d", $0)), .text("2019-06-27")] }

  /// Where the sheet's data starts in a workbook, and how long it is.
  static func sheetData(_ path: String) throws -> (start: Int, count: Int) {
    let archive = try ZIPArchive(file: InputFile(path: path, limits: .standard), limits: .standard)
    let entry = try #require(archive.entry(sheet))
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let nameLength = Int(bytes[entry.localHeaderOffset + 26]) | Int(bytes[entry.localHeaderOffset + 27]) << 8
    let extraLength = Int(bytes[entry.localHeaderOffset + 28]) | Int(bytes[entry.localHeaderOffset + 29]) << 8
    return (entry.localHeaderOffset + 30 + nameLength + extraLength, entry.compressedSize)
  }

  @Test(
    "any byte of the deflate stream damaged: the right rows, or a problem naming the sheet; never a hang",
    .enabled(if: ImportFixtures.hasHostileFiles, "python3 is not installed"))
  func damagedDeflate() throws {
    let path = try ImportFixtures.hostileFile("small-deflated.xlsx")
    let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(ReadTable(path: path).values == Self.smallRows)
    let data = try Self.sheetData(path)
    let folder = ScratchFolder()
    let damaged = folder.file("damaged.xlsx")
    var outcomes: [String: Int] = [:]
    let start = Date()
    for offset in stride(from: data.start, to: data.start + data.count, by: 3) {
      for flip: UInt8 in [0xFF, 0x01] {
        var bytes = original
        bytes[offset] ^= flip
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        let table = ReadTable(path: damaged)
        guard let problem = table.problem else {
          #expect(table.values == Self.smallRows, "byte \(offset) ^ \(flip) read other rows")
          outcomes["same rows", default: 0] += 1
          continue
        }
        // Whatever the damage turned the XML into, the problem is in the sheet.
        #expect(problem.part == Self.sheet, "byte \(offset) ^ \(flip): \(problem)")
        outcomes[String("\(problem)".prefix { $0 != "(" }), default: 0] += 1
      }
    }
    #expect(outcomes["deflateDamaged", default: 0] > 0 && outcomes["crcMismatch", default: 0] > 0, "\(outcomes)")
    #expect(Date().timeIntervalSince(start) < 120)
  }

  @Test(
    "a damaged < or > in the XML: refused as damaged where the XML is, with the checksum fixed or not",
    .enabled(if: ImportFixtures.hasHostileFiles, "python3 is not installed"))
  func damagedXML() throws {
    let path = try ImportFixtures.hostileFile("small-stored.xlsx")
    let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let data = try Self.sheetData(path)
    let archive = try ZIPArchive(file: InputFile(path: path, limits: .standard), limits: .standard)
    let entry = try #require(archive.entry(Self.sheet))
    let folder = ScratchFolder()
    let damaged = folder.file("damaged.xlsx")
    var checked = 0
    let structural = (data.start..<(data.start + data.count)).filter { "<>".utf8.contains(original[$0]) }
    for offset in stride(from: 0, to: structural.count, by: 5).map({ structural[$0] }) {
      checked += 1
      var bytes = original
      bytes[offset] = UInt8(ascii: "x")
      // Unfixed, the checksum finds it (if the XML does not first).
      try Data(bytes).write(to: URL(fileURLWithPath: damaged))
      #expect(ReadTable(path: damaged).problem != nil, "byte \(offset), checksum not fixed")
      // Fixed in both headers, only the XML can tell.
      let crc = CRC32.of(bytes[data.start..<(data.start + data.count)])
      for position in [entry.localHeaderOffset + 14, Self.directoryEntry(bytes, for: entry) + 16] {
        for index in 0..<4 { bytes[position + index] = UInt8((crc >> (8 * UInt32(index))) & 0xFF) }
      }
      try Data(bytes).write(to: URL(fileURLWithPath: damaged))
      let problem = ReadTable(path: damaged).problem
      switch problem {
      case .xmlDamaged(let part, _), .cellDamaged(let part, _):
        #expect(part == Self.sheet)
      default:
        Issue.record("byte \(offset) (\(Character(Unicode.Scalar(original[offset])))): \(String(describing: problem))")
      }
    }
    #expect(checked > 500)
  }

  /// The offset of `entry`'s record in the central directory.
  static func directoryEntry(_ bytes: [UInt8], for entry: ZIPArchive.Entry) -> Int {
    let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
    var index = bytes.count - 22
    while index >= 0 {
      if Array(bytes[index..<(index + 4)]) == signature {
        let offset = Int(bytes[index + 42]) | Int(bytes[index + 43]) << 8 | Int(bytes[index + 44]) << 16
        if offset == entry.localHeaderOffset { return index }
      }
      index -= 1
    }
    return 0
  }

  @Test(
    "a workbook cut short anywhere is refused",
    .enabled(if: ImportFixtures.hasHostileFiles, "python3 is not installed"))
  func truncatedAnywhere() throws {
    let path = try ImportFixtures.hostileFile("small-deflated.xlsx")
    let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let folder = ScratchFolder()
    let cut = folder.file("cut.xlsx")
    for length in stride(from: 0, to: original.count, by: 7) {
      try Data(original[..<length]).write(to: URL(fileURLWithPath: cut))
      let problem = ReadTable(path: cut).problem
      #expect(problem == .archiveTruncated || problem == .notZip, "cut at \(length): \(String(describing: problem))")
    }
  }

  @Test("ZIP features a workbook never needs are refused by name")
  func zipFeatures() throws {
    let folder = ScratchFolder()
    let book = TinyWorkbook(rows: SheetXML.header).bytes
    let path = folder.file("book.xlsx")
    func problem(_ change: (inout [UInt8]) -> Void) throws -> InputProblem? {
      var bytes = book
      change(&bytes)
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      return ReadTable(path: path).problem
    }
    let end = book.count - 22
    let directory = Int(book[end + 16]) | Int(book[end + 17]) << 8 | Int(book[end + 18]) << 16
    // The first entry of the directory is the sheet.
    #expect(
      try problem {
        $0[end + 10] = 0xFF; $0[end + 11] = 0xFF; $0[end + 8] = 0xFF; $0[end + 9] = 0xFF
      } == .zip64)
    #expect(try problem { $0[end + 4] = 1 } == .splitArchive)
    #expect(try problem { $0[directory + 8] |= 1 } == .encryptedPart(part: Self.sheet))
    #expect(try problem { $0[directory + 10] = 14 } == .unsupportedCompression(part: Self.sheet, method: 14))
    #expect(try problem { $0[directory] = 0 } == .zipDirectoryDamaged)
    #expect(try problem { $0[0] = 0 } == .partHeaderDamaged(part: Self.sheet))
    var limits = InputLimits.standard
    limits.zipEntries = 3
    try Data(book).write(to: URL(fileURLWithPath: path))
    #expect(ReadTable(path: path, limits: limits).problem == .tooManyEntries(limit: 3))
    var twice = TinyWorkbook(rows: SheetXML.header)
    twice.parts.append(("XL/Worksheets/Sheet1.xml", Array("<x/>".utf8)))
    #expect(ReadTable(path: try twice.write(in: folder)).problem == .duplicateEntry(part: "XL/Worksheets/Sheet1.xml"))
  }

  @Test("/dev/zero ends at once: a line longer than a record may be")
  func devZero() {
    let (table, seconds) = Self.timed("/dev/zero")
    #expect(table.problem == .recordTooLong(line: 1, limit: 1 << 20))
    #expect(seconds < 10)
  }

  @Test("a folder and a missing file are problems of opening")
  func notFiles() {
    #expect(ReadTable(path: "/tmp").problem == .isFolder(path: "/tmp"))
    #expect(ReadTable(path: "/nonexistent/x.csv").problem == .cannotOpen(path: "/nonexistent/x.csv", errno: ENOENT))
  }

  @Test("piped input is read in full before anything else, into a private file, and can be read again")
  func fifo() throws {
    let folder = ScratchFolder()
    let path = folder.file("pipe.csv")
    #expect(mkfifo(path, 0o600) == 0)
    let writer = Thread {
      let handle = open(path, O_WRONLY)
      let text = Array("单位名称,加入日期\n甲,2019-06-27\n乙,2019-06-28\n".utf8)
      _ = text.withUnsafeBytes { write(handle, $0.baseAddress, $0.count) }
      close(handle)
    }
    writer.start()
    let table = try ImportTable(path: path, matcher: ImportColumns.matcher)
    var rows: [SourceRow] = []
    while let row = try table.next() { rows.append(row) }
    #expect(rows.map(\.line) == [2, 3])
    // The copy is kept: the same rows again, although the pipe is empty now.
    let again = try table.reopened()
    var count = 0
    while try again.next() != nil { count += 1 }
    #expect(count == 2)
  }

  @Test("piped input past the copy's limit is refused")
  func pipeTooLarge() throws {
    var limits = InputLimits.standard
    limits.spoolBytes = 100_000
    let (table, _) = Self.timed("/dev/urandom", limits: limits)
    let problem = try #require(table.problem)
    // Random bytes may hold a line break or not within the first 100,000.
    switch problem {
    case .inputTooLarge(let limit): #expect(limit == 100_000)
    default: Issue.record("\(problem)")
    }
  }
}
