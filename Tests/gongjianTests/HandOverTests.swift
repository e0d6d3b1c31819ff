import Foundation
import GongjianPresentation
import Testing

// Every listing and report as the desk hands it over: a table that fits the terminal, a CSV
// that Excel opens as Chinese (a BOM), a workbook that holds the same values, a printable page.

/// One listing or report, as the desk asks for it.
struct Listing: CustomTestStringConvertible, Sendable {
  var arguments: [String]
  var testDescription: String { arguments.joined(separator: " ") }

  init(_ arguments: String...) { self.arguments = arguments }

  static let all: [Listing] = [
    Listing("list"), Listing("list", "--all"), Listing("list", "--group", "文明共创", "--all"),
    Listing("group", "list"), Listing("group", "show", "文明共创", "--all"),
    Listing("agreement", "list"), Listing("agreement", "list", "--expiring-within", "3650"),
    Listing("history"), Listing("history", "上海长远文化(集团)有限公司"),
    Listing("report", "growth", "--from", "2016", "--to", "2019"),
    Listing("report", "growth", "--from", "2016", "--to", "2019", "--by", "kind"),
    Listing("report", "growth", "--from", "2019", "--to", "2019", "--period", "month"),
  ]
}

extension Workspace {
  /// Runs a command that must succeed, and returns its stdout.
  @discardableResult
  func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try gj(arguments)
    try #require(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
    return result.stdout
  }

  /// The populated registry with long names, contacts and descriptions: the cells that make
  /// tables too wide.
  static func crowded() throws -> Workspace {
    let space = try Workspace.populated()
    try space.ok(
      "register", "中国建设银行股份有限公司上海虹口支行营业部第一党支部（机关第二联合党支部）", "--joined", "2019-06-21",
      "--kind", "金融机构", "--group", "文明共创", "--contact", "欧阳明华", "--phone", "13812345678")
    try space.ok("edit", "复旦大学外文学院", "--contact", "张老师", "--phone", "021-65642222")
    try space.ok(
      "group", "add", "社区治理共建专项组", "--established", "2017-03-01", "--description",
      "围绕老旧小区综合治理、加装电梯、垃圾分类等社区治理难点，组织共建单位认领项目并定期督办")
    return space
  }
}

@Suite("Hand-over: width, BOM, workbooks and printable pages for every listing")
struct HandOverTests {
  @Test("At 80 columns no line of a table is wider than 80, in either language", arguments: Listing.all)
  func tablesFitEightyColumns(_ listing: Listing) throws {
    let space = try Workspace.crowded()
    for language in ["zh", "en"] {
      let result = try space.gj(listing.arguments, environment: ["COLUMNS": "80", "GONGJIAN_LANG": language])
      try #require(result.status == 0, "\(result)")
      let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count > 1, "\(result)")
      for line in lines {
        #expect(DisplayWidth.of(String(line)) <= 80, "\(language) \(DisplayWidth.of(String(line))): \(line)")
      }
    }
  }

  @Test("A CSV written with -o starts with a BOM; --no-bom leaves it out", arguments: Listing.all)
  func csvFilesCarryABOM(_ listing: Listing) throws {
    let space = try Workspace.crowded()
    try space.ok(listing.arguments + ["-o", "out.csv"])
    let withBOM = try #require(space.bytes("out.csv"))
    #expect(Array(withBOM.prefix(3)) == [0xEF, 0xBB, 0xBF])
    try space.ok(listing.arguments + ["-o", "plain.csv", "--no-bom"])
    let plain = try #require(space.bytes("plain.csv"))
    #expect(plain.first != 0xEF)
    #expect(withBOM.dropFirst(3) == plain, "the BOM is the only difference")
    // On stdout a CSV is for a program: no BOM unless asked.
    let piped = try space.gj(listing.arguments + ["--format", "csv"])
    #expect(piped.status == 0 && piped.stdout.utf8.first != 0xEF, "\(piped)")
  }

  @Test("A workbook holds the CSV's rows: the same values, dates as dates", arguments: Listing.all)
  func workbooksHoldTheSameValues(_ listing: Listing) throws {
    let space = try Workspace.crowded()
    try space.ok(listing.arguments + ["-o", "out.csv", "--no-bom"])
    try space.ok(listing.arguments + ["-o", "out.xlsx"])
    let csvBytes = try #require(space.bytes("out.csv"))
    let csv = try #require(parseCSV(String(decoding: csvBytes, as: UTF8.self)))
    let sheet = try SheetCells.read(try workbookPart(space.file("out.xlsx"), "xl/worksheets/sheet1.xml"))
    let header = sheet.row(1)
    let documents: Set<String> = ["facts", "before", "after"]
    let shown = csv[0].filter { !documents.contains($0) }
    #expect(header.count == shown.count, "a heading per column but the recorded documents: \(header)")
    #expect(header.allSatisfy { $0.style == "1" && !$0.value.isEmpty }, "\(header)")
    let rows = csv.dropFirst()
    #expect(sheet.cells.map { $0.reference.drop { $0.isLetter } }.compactMap { Int($0) }.max() == rows.count + 1)
    for (offset, row) in rows.enumerated() {
      let cells = Dictionary(
        uniqueKeysWithValues: sheet.row(offset + 2).map { ($0.reference.prefix { $0.isLetter }, $0) })
      for (column, value) in row.enumerated() where !value.isEmpty && !documents.contains(csv[0][column]) {
        let cell = try #require(cells[Substring(columnLetters(column))], "row \(offset + 2) column \(column): \(value)")
        #expect(sameValue(csv: value, cell: cell), "row \(offset + 2): \(value) vs \(cell)")
        #expect(!cell.value.contains("…") || value.contains("…"), "a workbook never cuts a value: \(cell)")
      }
    }
  }

  @Test("-o FILE.html is a printable A4 page holding every row", arguments: Listing.all)
  func htmlPagesArePrintable(_ listing: Listing) throws {
    let space = try Workspace.crowded()
    try space.ok(listing.arguments + ["-o", "out.csv", "--no-bom"])
    try space.ok(listing.arguments + ["-o", "out.html"])
    let csvBytes = try #require(space.bytes("out.csv"))
    let csv = try #require(parseCSV(String(decoding: csvBytes, as: UTF8.self)))
    let pageBytes = try #require(space.bytes("out.html"))
    let page = String(decoding: pageBytes, as: UTF8.self)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("@page") && page.contains("A4"), "print CSS")
    let bodyRows = page.components(separatedBy: "<tr").count - 1
    #expect(bodyRows >= csv.count, "a row per CSV row plus the heading: \(bodyRows) vs \(csv.count)")
    // Every name is on the page, whole.
    let names = csv[0].indices.filter { ["name", "unit"].contains(csv[0][$0]) }
    for row in csv.dropFirst() {
      for column in names where !row[column].isEmpty {
        #expect(page.contains(">\(row[column])<"), "\(row[column])")
      }
    }
  }
}

/// A1-style letters of a zero-based column.
private func columnLetters(_ index: Int) -> String {
  var number = index + 1
  var letters = ""
  while number > 0 {
    let remainder = (number - 1) % 26
    letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
    number = (number - 1) / 26
  }
  return letters
}

/// A CSV value and a workbook cell hold the same thing: text equal, numbers equal, an ISO date
/// as the serial day Excel counts from 1899-12-30.
/// Text may be worded for the reader (a role, a signatory with the title, a local time), so
/// only numbers and dates are compared by value.
private func sameValue(csv value: String, cell: SheetCells.Cell) -> Bool {
  if cell.type == "inlineStr" || cell.type == "s" || cell.type == "str" { return !cell.value.isEmpty }
  guard let number = Double(cell.value) else { return false }
  if let csvNumber = Double(value) { return abs(csvNumber - number) < 1e-9 }
  let parts = value.split(separator: "-").compactMap { Int($0) }
  guard parts.count == 3 else { return false }
  var components = DateComponents()
  (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
  var calendar = Calendar(identifier: .gregorian)
  calendar.timeZone = TimeZone(identifier: "UTC")!
  guard let date = calendar.date(from: components),
    let epoch = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))
  else { return false }
  return Int(number) == Int(date.timeIntervalSince(epoch) / 86_400)
}
