import Foundation
import Testing

@testable import GongjianRegistry

/// Inputs the fuzz targets in Fuzz/ (Scripts/fuzz) found, each a bug fixed since: the input as
/// the target saw it, then what the code must do with it.
@Suite struct FuzzRegressionTests {
  /// Every record of a reader, and the structural error it stopped on.
  static func records(_ reader: CSVReader) -> (records: [(line: Int, fields: [[UInt8]])], failure: CSVReader.Failure?) {
    var records: [(line: Int, fields: [[UInt8]])] = []
    do {
      while try reader.next() {
        records.append((reader.recordLine, (0..<reader.fieldCount).map(reader.field)))
      }
      return (records, nil)
    } catch let failure as CSVReader.Failure {
      return (records, failure)
    } catch {
      Issue.record("unexpected error \(error)")
      return (records, nil)
    }
  }

  // MARK: - fuzz-csv

  /// fuzz-csv, crash 1 (bytes 0x40 0x7B chose a 3-byte chunk): a lone CR inside a quoted field
  /// that was the last byte of a chunk was not counted as a line break, so every line number
  /// after it was one short. Read through a 3-byte chunk the unclosed quote was reported on
  /// line 3; it starts on line 4.
  static let loneCRInQuotes: [UInt8] = [
    0x22, 0xE3, 0x0D, 0x0D, 0x22, 0x00, 0x0D, 0x0A, 0x22, 0x22, 0x22, 0xE3, 0x0A,
  ]

  @Test func aLoneCRInQuotesAtAChunkEndIsALineBreak() {
    let whole = Self.records(CSVReader(bytes: Self.loneCRInQuotes))
    #expect(whole.records.map(\.line) == [1])
    #expect(whole.failure?.line == 4)
    for chunkSize in 1...Self.loneCRInQuotes.count {
      let chunked = Self.records(CSVReader(bytes: Self.loneCRInQuotes, chunkSize: chunkSize))
      #expect(chunked.records.map(\.line) == [1], "chunk of \(chunkSize)")
      #expect(chunked.records.map(\.fields) == whole.records.map(\.fields), "chunk of \(chunkSize)")
      #expect(chunked.failure == whole.failure, "chunk of \(chunkSize)")
    }
  }

  /// The same bug in a real file: the reader's first chunk is 1 MiB, so a quoted field with a
  /// lone CR as its 1 048 576th byte put the unclosed quote of the next record on line 2.
  @Test func aLoneCRInQuotesAtTheEndOfTheFirstMegabyteOfAFile() throws {
    let folder = ScratchFolder()
    var bytes = [UInt8(ascii: "\"")] + [UInt8](repeating: UInt8(ascii: "a"), count: CSVReader.chunkSize - 2)
    bytes += [0x0D] + Array("b\"\r\n\"never closed\n".utf8)
    #expect(bytes[CSVReader.chunkSize - 1] == 0x0D)
    let path = folder.file("lone-cr.csv")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let read = Self.records(try CSVReader(path: path))
    #expect(read.records.map(\.line) == [1])
    #expect(read.records.first?.fields.first?.count == CSVReader.chunkSize)
    #expect(read.failure?.line == 3)
  }

  // MARK: - fuzz-names

  /// fuzz-names, crashes 1 and 2: the key of a key was not always the key. Removing an
  /// invisible character (U+200D, U+034F) or a space brought a letter and its accent together
  /// after NFKC had run, so the key held `e` + U+0301 where the key of that key holds `é`;
  /// SQLite compares keys byte by byte, so such a query found nothing.
  static let keyOfKeyInputs = ["e\u{200D}\u{301}", "A\u{34F}\u{301}", "Cafe\u{200B}\u{301}", "e \u{301}"]

  @Test(arguments: keyOfKeyInputs)
  func theKeyOfAKeyIsTheKey(_ input: String) {
    let key = NameKey.make(input)
    #expect(Array(NameKey.make(key).utf8) == Array(key.utf8), "\(input.debugDescription) → \(key.debugDescription)")
    #expect(key.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && !$0.properties.isDefaultIgnorableCodePoint })
  }

  @Test func aNameWithAnInvisibleCharacterBeforeAnAccentIsFound() throws {
    let test = try TestRegistry()
    let registered = try test.registry.register(NewUnit(name: "Café上海", joinedOn: day("2019-08-15")))
    #expect(try test.registry.resolveUnit("Cafe\u{200B}\u{301}上海") == registered.unit)
    #expect(try test.registry.resolveUnit("CAFE\u{301} 上海") == registered.unit)
  }
}
