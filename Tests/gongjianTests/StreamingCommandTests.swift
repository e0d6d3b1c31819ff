import Foundation
import GongjianPresentation
import GongjianRegistry
import Testing

// `report units` is written as its rows come (a million units in flat memory). End to end
// through the built binary: every streamed format gives the bytes the report gave when it was
// built whole in memory (`UnitReportRender` over `Registry.unitReport`), in both languages.

private let lastDayOf2019 = ["GONGJIAN_TODAY": "2019-12-31"]

@Suite struct StreamingCommandTests {
  private func run(_ space: Workspace, _ arguments: [String], language: String = "en") throws -> CommandResult {
    var environment = lastDayOf2019
    environment["GONGJIAN_LANG"] = language
    return try space.run(arguments + ["--db", space.registry], environment: environment)
  }

  @discardableResult
  private func succeed(_ space: Workspace, _ arguments: String..., language: String = "en") throws -> String {
    let result = try run(space, arguments, language: language)
    try #require(result.status == 0, "\(arguments): \(result)")
    return result.stdout
  }

  /// Units with awkward names (quotes, commas, a formula, full-width brackets), some idle in 2019, one
  /// that left before it, and one with a resource, a claim and a service record.
  private func registry() throws -> Workspace {
    let space = Workspace()
    try succeed(space, "init", "--subdistrict", "欧阳路街道", "--district", "虹口区")
    let names = [
      "虹口区司法局", "复旦大学外文学院", "Shanghai \"Sida\", Ltd", "=HYPERLINK(1)", "嘉兴路（欧阳）印刷厂", "浦发银行虹口支行",
    ]
    for name in names { try succeed(space, "register", name, "--joined", "2015-06-30") }
    try succeed(space, "register", "上海四达电器集团有限公司", "--joined", "2015-06-30")
    try succeed(space, "withdraw", "上海四达电器集团有限公司", "--on", "2016-08-31")
    try succeed(space, "resource", "add", "复旦大学外文学院", "外语志愿翻译", "--category", "志愿服务", "--from", "2019-07-01")
    try succeed(space, "need", "add", "普法讲座", "--category", "专业服务", "--on", "2019-07-01")
    try succeed(space, "need", "claim", "普法讲座", "虹口区司法局", "--on", "2019-07-05")
    try succeed(space, "project", "add", "涉外翻译服务", "--category", "志愿服务", "--lead", "复旦大学外文学院", "--on", "2019-07-03")
    try succeed(space, "project", "start", "涉外翻译服务", "--on", "2019-07-05")
    try succeed(
      space, "activity", "add", "涉外翻译服务", "--on", "2019-08-03", "--volunteers", "4", "--hours", "16.5", "--served", "30"
    )
    return space
  }

  /// The report as it was built before it streamed: every row in memory, then rendered.
  private func wholeReport(_ space: Workspace) throws -> UnitReport {
    let registry = try Registry.open(
      at: RegistryLocation(path: space.registry, isDefault: false), access: .read,
      today: try #require(Day(year: 2019, month: 12, day: 31)),
      context: ChangeContext(changedBy: "test", command: "test"))
    return try registry.unitReport(year: 2019)
  }

  @Test func reportUnitsStreamedGivesTheBytesItGaveWhole() throws {
    let space = try registry()
    let report = try wholeReport(space)
    #expect(report.rows.count == 6)
    #expect(report.idleCount == 4)
    for idle in [false, true] {
      let rows = idle ? report.rows.filter(\.idle) : report.rows
      let flag = idle ? ["--idle"] : []
      for (code, language) in [("en", Language.en), ("zh", .zh)] {
        let base = ["report", "units", "--year", "2019"] + flag
        let table = try run(space, base + ["--format", "table"], language: code)
        #expect(table.status == 0)
        #expect(table.stdout == UnitReportRender.table(report, rows: rows, language: language, color: false))
        let csv = try run(space, base + ["--format", "csv"], language: code)
        #expect(csv.stdout == UnitReportRender.csv(rows))
        let json = try run(space, base + ["--format", "json"], language: code)
        #expect(json.stdout == UnitReportRender.json(rows).prettyText + "\n")

        let streamed = space.file("streamed.xlsx")
        let whole = space.file("whole.xlsx")
        #expect(try run(space, base + ["-o", streamed], language: code).status == 0)
        try Workbook.write(
          UnitReportRender.workbook(report, rows: rows, language: language),
          title: UnitReportRender.title(report, texts: language.texts), to: whole, protecting: space.registry)
        #expect(space.bytes("streamed.xlsx") == space.bytes("whole.xlsx"), "\(code) idle \(idle)")
        try FileManager.default.removeItem(atPath: streamed)
        try FileManager.default.removeItem(atPath: whole)
      }
    }
  }

  /// A refused report leaves no file behind, even though a streamed workbook opens its file
  /// before the first row.
  @Test func aRefusedReportLeavesNoFile() throws {
    let space = try registry()
    for name in ["units.xlsx", "units.csv"] {
      let result = try run(space, ["report", "units", "--year", "2030", "-o", space.file(name)])
      #expect(result.status == 64 || result.status == 65, "\(result)")
      #expect(!space.exists(name))
    }
  }
}
