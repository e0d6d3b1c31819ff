import Foundation
import Testing

@testable import GongjianRegistry

/// Reads a CSV file back with the import's reader: every record's fields as strings.
private func readBack(_ text: String, in folder: ScratchFolder) throws -> [[String]] {
  let path = folder.file("read-\(UUID().uuidString).csv")
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  let reader = try CSVReader(path: path)
  var records: [[String]] = []
  while try reader.next() {
    records.append((0..<reader.fieldCount).map { String(decoding: reader.field($0), as: UTF8.self) })
  }
  return records
}

@Suite("CSV and XLSX formats: neutralising, quoting, Excel serial days")
struct SpreadsheetFormatTests {
  static let triggers = ["=1+1", "+8613800000000", "-5", "@SUM(A1)", "\tcmd", "\rcmd", "=HYPERLINK(\"x\",\"y\")"]

  @Test("a cell starting with = + - @ tab or CR gets a leading quote, and import takes it off", arguments: triggers)
  func formulaCellsAreNeutralised(_ value: String) throws {
    let line = CSVWriter.line([value, "x"])
    #expect(line.hasSuffix("\r\n"))
    let folder = ScratchFolder()
    let records = try readBack(line, in: folder)
    #expect(records.count == 1)
    #expect(records.first?.first == "'" + value, "\(line.debugDescription)")
    #expect(records.first.map { CSVWriter.removeNeutralizingQuote($0[0]) } == value)
  }

  @Test("ordinary cells are written as they are", arguments: ["021-65000000", "a=b", "中文单位", "'abc", "''", "1+1"])
  func ordinaryCells(_ value: String) {
    #expect(CSVWriter.line([value]) == value + "\r\n")
    #expect(CSVWriter.removeNeutralizingQuote(value) == value)
  }

  @Test("quotes only where needed: commas, quotes and line breaks")
  func quoting() {
    #expect(
      CSVWriter.line(["a,b", "say \"hi\"", "two\nlines", "cr\rhere", "plain"])
        == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",plain\r\n")
    #expect(CSVWriter.line(["", ""]) == ",\r\n")
    // Growth CSV writes numbers like -3.4 without neutralising.
    #expect(CSVWriter.line(["-3.4"], neutralizeFormulas: false) == "-3.4\r\n")
  }

  @Test("random cells survive writing, reading and un-neutralising")
  func randomRoundTrip() throws {
    var random = SplitMix64(seed: 4180)
    let alphabet = Array("=+-@'\t\r\n,\"a中 ").map(String.init)
    let folder = ScratchFolder()
    var rows: [[String]] = []
    for _ in 0..<300 {
      rows.append(
        (0..<3).map { _ in
          (0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
        })
    }
    var text = ""
    for row in rows { CSVWriter.append(row, to: &text) }
    let records = try readBack(text, in: folder)
    // An all-empty row is a blank line, which the reader skips like spreadsheets do.
    let expected = rows.filter { $0 != ["", "", ""] }
    #expect(records.count == expected.count)
    for (record, row) in zip(records, expected) {
      #expect(record.map(CSVWriter.removeNeutralizingQuote) == row, "\(row.map(\.debugDescription))")
      #expect(record.allSatisfy { !CSVWriter.formulaTriggers.contains($0.utf8.first ?? 0) })
    }
  }

  @Test(
    "Excel serial days, with the fictional 1900-02-29",
    arguments: [
      (1.0, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (25_569, "1970-01-01"), (43_643, "2019-06-27"),
      (43_643.999, "2019-06-27"), (46_353, "2026-11-27"), (2_958_465, "9999-12-31"),
    ])
  func excelSerials(serial: Double, iso: String) throws {
    let found = try #require(DayParser.fromExcelSerial(serial))
    #expect(found.iso == iso)
    #expect(Double(DayParser.excelSerial(of: found)) == serial.rounded(.down))
  }

  @Test("serials that are no day: 0, 60, negative, fractions below 1, huge, NaN")
  func impossibleSerials() {
    for serial in [0, 60, -1, 0.5, 2_958_466, 1e300, .nan, .infinity] {
      #expect(DayParser.fromExcelSerial(serial) == nil, "\(serial)")
    }
  }

  @Test("every day from 1900-03-01 to 2100 has a serial that reads back as that day")
  func serialRoundTrip() throws {
    var day = try #require(Day(year: 1900, month: 3, day: 1))
    var serial = 61
    while day.year <= 2100 {
      #expect(DayParser.excelSerial(of: day) == serial)
      #expect(DayParser.fromExcelSerial(Double(serial)) == day)
      day = try #require(day.adding(days: 1))
      serial += 1
    }
  }

  @Test("the XLSX export holds the same cells as the CSV export, dates as date cells")
  func xlsxMatchesCSV() throws {
    let test = try TestRegistry()
    let registry = test.registry
    let civility = try registry.addGroup(NewGroup(name: "文明共创"))
    _ = try registry.register(
      NewUnit(
        name: "复旦大学外文学院", joinedOn: day("2019-06-27"),
        details: UnitDetails(kind: "高校", contactPhone: "013800000000", note: "两行\n备注 & <标记>"),
        agreement: AgreementTerms(signatory: "罗英华", expiresOn: day("2022-06-26")), groups: [civility.id], lead: true))
    _ = try registry.register(
      NewUnit(name: "=SUM(A1)", joinedOn: day("2016-02-29"), leftOn: day("2018-12-31"), leftReason: "改制"))
    let path = test.folder.file("export.xlsx")
    #expect(try registry.exportXLSX(to: path) == 2)
    let table = try ImportTable(source: XLSXRowSource(path: path), matcher: ImportColumns.matcher)
    let header = try #require(table.header)
    #expect(header.cells == ImportColumns.all.map(\.chinese))
    var rows: [[ImportCell]] = []
    while let next = try table.next() {
      guard case .row(_, let cells) = next else {
        Issue.record("unreadable row \(next)")
        continue
      }
      rows.append(cells)
    }
    var expected: [[String?]] = []
    _ = try registry.read { try registry.forEachExportRow { expected.append($0) } }
    #expect(rows.count == expected.count)
    let dateColumns = Set([2, 3, 8])
    for (cells, values) in zip(rows, expected) {
      for (index, value) in values.enumerated() {
        let cell = index < cells.count ? cells[index].value : .empty
        if dateColumns.contains(index), let value {
          #expect(cell == .date(day(value)), "column \(index)")
        } else {
          // Text cells stay text (the phone keeps its leading zero; the formula is not neutralised
          // in XLSX, where a string cell never runs).
          #expect(cell == (value.map(CellValue.text) ?? .empty), "column \(index)")
        }
      }
    }
  }
}
