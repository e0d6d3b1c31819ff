import Foundation
import GongjianRegistry
import Testing

@testable import GongjianPresentation

/// Listings and `report units` written as their rows come must give the bytes the writers
/// gave when they held every row: the same CSV, JSON, table and workbook, in both languages,
/// whether a table's rows stay in memory or go through its temporary file.
@Suite struct StreamingOutputTests {
  /// A row with a value of every kind a column can hold.
  struct Row: Sendable {
    var id: Int
    var name: String
    var note: String?
    var count: Int?
    var share: Double?
    var on: Day?
    var names: [String]
    var flag: Bool
    var document: JSONValue
  }

  static let columns: [Column<Row>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id) }),
    Column("name", "单位名称", "name", value: { .text($0.name) }),
    Column("note", "备注", "note", droppableWhenNarrow: true, value: { .optionalText($0.note) }),
    Column("count", "数量", "count", alignment: .right, value: { .optionalInt($0.count) }),
    Column("share", "占比", "share", alignment: .right, value: { .number($0.share) }),
    Column("joined_on", "加入日期", "joined", value: { .day($0.on) }),
    Column("groups", "专项组", "groups", value: { .list($0.names) }),
    Column("active", "在册", "active", value: { .bool($0.flag) }, display: { row, _ in row.flag ? "是" : "" }),
    Column("facts", "内容", "facts", hiddenInTable: true, value: { .json($0.document) }),
  ]

  /// Deterministic rows of awkward text: Chinese, emoji, quotes, commas, formula triggers,
  /// line breaks, escapes, bidi controls, and numbers at their extremes.
  static func rows(_ count: Int, seed: UInt64) -> [Row] {
    var random = SplitMix(seed)
    let pieces = [
      "a", "Z", "1", " ", ",", "\"", "'", "=", "+", "-", "@", "\t", "\r", "\n", "上", "海", "（", "…", "\u{2028}",
      "\u{1B}", "\\", "é", "👍", "\u{202E}", "复旦大学外文学院", "x",
    ]
    func text() -> String {
      (0..<random.below(12)).map { _ in pieces[random.below(pieces.count)] }.joined()
    }
    let numbers = [0, 1, -1, 9, 10, 42, -57, 1_000_000, Int.max, Int.min]
    let shares: [Double?] = [nil, 0, 27.5, -3.25, 66.66, 1e16, .infinity, 100]
    return (0..<count).map { index in
      Row(
        id: index < numbers.count ? numbers[index] : random.below(100_000),
        name: text(), note: random.below(3) == 0 ? nil : text(),
        count: random.below(3) == 0 ? nil : numbers[random.below(numbers.count)],
        share: shares[random.below(shares.count)],
        on: random.below(4) == 0 ? nil : Day(year: 2000 + random.below(26), month: 1 + random.below(12), day: 1),
        names: (0..<random.below(3)).map { _ in text() }, flag: random.below(2) == 0,
        document: random.below(2) == 0 ? .null : .object(["name": .string(text()), "n": .int(random.below(9))]))
    }
  }

  // MARK: - What the writers wrote before they streamed

  static func previousCSV(_ rows: [Row]) -> String {
    var text = CSVWriter.line(columns.map(\.key), neutralizeFormulas: false)
    for row in rows {
      for (index, column) in columns.enumerated() {
        if index > 0 { text += "," }
        let value = column.value(row)
        CSVWriter.appendField(value.text, to: &text, neutralizeFormulas: value.isText)
      }
      text += "\r\n"
    }
    return text
  }

  static func previousJSON(_ rows: [Row]) -> String {
    JSONValue.array(rows.map { jsonObject(columns, $0) }).prettyText + "\n"
  }

  static func previousTable(_ rows: [Row], language: Language, color: Bool, maxWidth: Int?) -> String {
    let shown = columns.filter { !$0.tableHidden }
    var table = TextTable(
      shown.map {
        TextTable.Column(
          title: $0.heading(language), alignment: $0.alignment == .right ? .right : .left,
          droppable: $0.droppableWhenNarrow, shrinkable: !$0.isDateOrTime)
      })
    for row in rows { table.add(shown.map { $0.terminalText(row, language.texts) }) }
    return table.render(color: color, maxWidth: maxWidth)
  }

  static func written(
    _ rows: [Row], _ format: ListingFormat, language: Language = .zh, color: Bool = false, maxWidth: Int? = nil,
    budget: Int? = nil
  ) throws -> String {
    let output = StringOutput()
    let writer = ListingWriter(
      columns: columns, format: format, output: output, language: language,
      presentation: ListingPresentation(title: "", maxWidth: maxWidth, color: color), tableMemoryBudget: budget)
    rows.forEach(writer.add)
    try writer.finish()
    return output.text
  }

  // MARK: - Listings

  @Test(arguments: [0, 1, 2, 37, 500])
  func csvAndJSONAreTheBytesTheyWere(count: Int) throws {
    let rows = Self.rows(count, seed: UInt64(count) + 7)
    #expect(try Self.written(rows, .csv) == Self.previousCSV(rows))
    #expect(try Self.written(rows, .json) == Self.previousJSON(rows))
  }

  @Test func numbersAreWrittenAsTheyWere() {
    for number in [0, 7, 10, 99, 100, -1, -10, 123_456_789, Int.max, Int.min, Int.min + 1] {
      var bytes: [UInt8] = []
      ListingBytes.appendDecimal(number, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == String(number))
    }
  }

  /// Every budget from "all in memory" to "every row in the file", with and without a
  /// terminal's width (cut cells, dropped columns, a second block), in both languages.
  @Test(arguments: [0, 1, 2, 40, 300])
  func tablesAreTheBytesTheyWereWhereverTheRowsWait(count: Int) throws {
    let rows = Self.rows(count, seed: UInt64(count) + 11)
    for language in [Language.zh, .en] {
      for maxWidth in [nil, 120, 60, 30, 12] as [Int?] {
        for color in [false, true] {
          let previous = Self.previousTable(rows, language: language, color: color, maxWidth: maxWidth)
          for budget in [0, 200, 5_000, nil] as [Int?] {
            let now = try Self.written(
              rows, .table, language: language, color: color, maxWidth: maxWidth, budget: budget)
            #expect(now == previous, "\(language) width \(maxWidth ?? 0) budget \(budget ?? -1)")
          }
        }
      }
    }
  }

  @Test func aSpoolGivesItsRowsBackAsOftenAsAsked() throws {
    let spool = RowSpool(budget: 64)
    let rows = (0..<1000).map { ["\($0)", $0 % 3 == 0 ? "" : "上海\($0)", "x"] }
    rows.forEach(spool.append)
    for _ in 0..<3 {
      var back: [[String]] = []
      try spool.forEach { back.append($0) }
      #expect(back == rows)
    }
  }

  // MARK: - report units

  static func unitReport(units: Int, seed: UInt64) -> UnitReport {
    var random = SplitMix(seed)
    let names = ["虹口区司法局", "复旦大学外文学院", "浦发银行虹口支行", "Shanghai \"Sida\", Ltd", "=SUM(A1)", "上海\u{1B}[2J电器"]
    let rows = (0..<units).map { index in
      let busy = random.below(3) > 0
      return UnitYear(
        unit: UnitReference(id: UnitID(index + 1), name: names[random.below(names.count)] + String(index)),
        kind: ["机关单位", "非公企业", "社会组织"][random.below(3)], resources: busy ? random.below(3) : 0,
        needsClaimed: busy ? random.below(2) : 0, projectsLed: busy ? random.below(2) : 0,
        projectsJoined: busy ? random.below(4) : 0, activities: busy ? random.below(9) : 0,
        hours: busy ? Double(random.below(200)) / 4 : 0)
    }
    let heading = UnitReportHeading(
      year: 2019, end: Day(year: 2019, month: 12, day: 31)!, subdistrict: "欧阳路街道",
      today: Day(year: 2020, month: 1, day: 5)!)
    return UnitReport(heading, rows: rows)
  }

  static func streamed(
    _ report: UnitReport, _ format: UnitReportStream.Format, language: Language, idleOnly: Bool, budget: Int
  ) throws -> String {
    let output = StringOutput()
    let stream = UnitReportStream(format, output: output, language: language, idleOnly: idleOnly, memoryBudget: budget)
    stream.begin(report.heading)
    for row in report.rows { try stream.add(row) }
    try stream.finish()
    return output.text
  }

  @Test(arguments: [0, 1, 3, 250])
  func unitReportStreamedIsTheReportItWas(units: Int) throws {
    let report = Self.unitReport(units: units, seed: UInt64(units) + 3)
    for idleOnly in [false, true] {
      let rows = idleOnly ? report.rows.filter(\.idle) : report.rows
      for language in [Language.zh, .en] {
        for budget in [0, 300, RowSpool.defaultBudget] {
          let table = try Self.streamed(
            report, .table(color: false), language: language, idleOnly: idleOnly, budget: budget)
          #expect(table == UnitReportRender.table(report, rows: rows, language: language, color: false))
        }
        let csv = try Self.streamed(report, .csv, language: language, idleOnly: idleOnly, budget: 0)
        #expect(csv == UnitReportRender.csv(rows))
        let json = try Self.streamed(report, .json, language: language, idleOnly: idleOnly, budget: 0)
        #expect(json == UnitReportRender.json(rows).prettyText + "\n")
      }
    }
  }

  @Test(arguments: [0, 2, 40])
  func unitReportWorkbookIsTheFileItWas(units: Int) throws {
    let folder = NSTemporaryDirectory() + "gongjian-stream-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let registry = folder + "/registry.sqlite"
    FileManager.default.createFile(atPath: registry, contents: Data())
    let report = Self.unitReport(units: units, seed: 5)
    for language in [Language.zh, .en] {
      for idleOnly in [false, true] {
        let rows = idleOnly ? report.rows.filter(\.idle) : report.rows
        let before = folder + "/before.xlsx"
        let after = folder + "/after.xlsx"
        try Workbook.write(
          UnitReportRender.workbook(report, rows: rows, language: language),
          title: UnitReportRender.title(report, texts: language.texts), to: before, protecting: registry)
        let stream = UnitReportStream(
          .workbook(try WorkbookStream(path: after, protecting: registry)), output: nil, language: language,
          idleOnly: idleOnly)
        stream.begin(report.heading)
        for row in report.rows { try stream.add(row) }
        try stream.finish()
        let expected = try #require(FileManager.default.contents(atPath: before))
        #expect(FileManager.default.contents(atPath: after) == expected, "\(language) idle only: \(idleOnly)")
        try FileManager.default.removeItem(atPath: before)
        try FileManager.default.removeItem(atPath: after)
      }
    }
  }
}

/// A small seeded generator, so a failing case comes back the same.
struct SplitMix {
  private var state: UInt64

  init(_ seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
