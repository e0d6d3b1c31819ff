import Foundation
import Testing

// The three lists (资源清单, 需求清单, 项目清单), claims, service records, `match` and the two
// reports, end to end through the built binary, on 2019-12-31.

private let lastDayOf2019 = ["GONGJIAN_TODAY": "2019-12-31"]

@discardableResult
private func command(_ space: Workspace, _ arguments: [String]) throws -> CommandResult {
  try space.run(arguments + ["--db", space.registry], environment: lastDayOf2019)
}

@discardableResult
private func succeed(_ space: Workspace, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation)
  throws -> String
{
  let result = try command(space, arguments)
  try #require(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
  return result.stdout
}

/// Runs a command that must be refused with `status`, leaving the registry as it was.
private func refused(
  _ space: Workspace, _ status: Int32, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let before = try space.dump()
  let result = try command(space, arguments)
  #expect(result.status == status, "\(arguments): \(result)", sourceLocation: sourceLocation)
  #expect(!result.stderr.isEmpty, "\(arguments): no message", sourceLocation: sourceLocation)
  #expect(try space.dump() == before, "\(arguments): refused, but the registry changed", sourceLocation: sourceLocation)
}

private func json(_ space: Workspace, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation)
  throws -> Any
{
  let result = try command(space, arguments + ["--format", "json"])
  try #require(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
  return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
}

private func objects(_ value: Any) -> [[String: Any]] { value as? [[String: Any]] ?? [] }

/// The ids of the objects of a JSON array.
private func ids(_ value: Any) -> [Int] { objects(value).compactMap { $0["id"] as? Int } }

/// 虹口区司法局 (#1, since 2015, 志愿服务专项组), 复旦大学外文学院 (#2, since 2019-06-27, with a
/// credit code), 浦发银行虹口支行 (#3, since 2019-06-27), 上海四达电器 (#4, 2015 to 2016-08-31).
private func alliance() throws -> Workspace {
  let space = Workspace()
  let result = try space.run(
    ["init", "--db", space.registry, "--subdistrict", "欧阳路街道", "--district", "虹口区"], environment: lastDayOf2019)
  try #require(result.status == 0, "\(result)")
  try succeed(space, "group", "add", "志愿服务专项组", "--established", "2015-01-01")
  try succeed(space, "register", "虹口区司法局", "--joined", "2015-06-30", "--group", "志愿服务专项组")
  try succeed(space, "register", "复旦大学外文学院", "--joined", "2019-06-27", "--credit-code", "91310000132149237G")
  try succeed(space, "register", "浦发银行虹口支行", "--joined", "2019-06-27")
  try succeed(space, "register", "上海四达电器", "--joined", "2015-06-30")
  try succeed(space, "withdraw", "上海四达电器", "--on", "2016-08-31")
  return space
}

/// The alliance with a year of the lists: two resources, three needs, one project that ran
/// and finished with two service records.
private func aYear() throws -> Workspace {
  let space = try alliance()
  try succeed(
    space, "resource", "add", "复旦大学外文学院", "外语志愿翻译", "--category", "志愿服务", "--capacity", "每月2次", "--from",
    "2019-07-01")
  try succeed(space, "resource", "add", "虹口区司法局", "社区法律咨询", "--category", "专业服务", "--from", "2019-01-10")
  try succeed(
    space, "need", "add", "外籍居民翻译", "--category", "志愿服务", "--raised-by", "欧阳路第一居民区", "--on", "2019-07-01",
    "--people", "2", "--deadline", "2019-07-31")
  try succeed(space, "need", "add", "独居老人探访", "--category", "志愿服务", "--on", "2019-09-10", "--deadline", "2019-10-15")
  try succeed(space, "need", "add", "普法讲座", "--category", "专业服务", "--raised-by", "浦发银行虹口支行", "--on", "2019-07-01")
  try succeed(space, "need", "claim", "外籍居民翻译", "--resource", "外语志愿翻译", "--on", "2019-07-02")
  try succeed(space, "need", "claim", "普法讲座", "虹口区司法局", "--on", "2019-07-05")
  try succeed(
    space, "project", "add", "涉外翻译服务", "--category", "志愿服务", "--level", "街区联建", "--need", "外籍居民翻译",
    "--resource", "外语志愿翻译", "--lead", "复旦大学外文学院", "--unit", "虹口区司法局", "--start", "2019-07-05", "--end",
    "2019-12-31", "--on", "2019-07-03")
  try succeed(space, "project", "start", "涉外翻译服务", "--on", "2019-07-05")
  try succeed(
    space, "activity", "add", "涉外翻译服务", "--on", "2019-08-03", "--volunteers", "4", "--hours", "16", "--served", "30")
  try succeed(
    space, "activity", "add", "涉外翻译服务", "--on", "2019-09-07", "--unit", "虹口区司法局", "--volunteers", "2", "--hours",
    "4", "--served", "10")
  try succeed(space, "project", "finish", "涉外翻译服务", "--on", "2019-12-20")
  try succeed(space, "need", "close", "外籍居民翻译", "--on", "2019-12-20", "--met")
  return space
}

@Suite struct ThreeListsCommandTests {
  @Test func theListsKeepWhatWasTyped() throws {
    let space = try aYear()
    let resources = objects(try json(space, "resource", "list"))
    #expect(resources.map { $0["title"] as? String } == ["外语志愿翻译", "社区法律咨询"])
    for key in ["id", "unit", "title", "category", "available_from", "available_until", "withdrawn_on"] {
      #expect(resources.allSatisfy { $0[key] != nil }, "resource has no \(key)")
    }
    #expect(resources.first?["unit"] as? String == "复旦大学外文学院")
    #expect(resources.first?["available_from"] as? String == "2019-07-01")

    let needs = objects(try json(space, "need", "list"))
    for key in ["id", "title", "category", "raised_by", "raised_on", "deadline", "status", "claimed_by"] {
      #expect(needs.allSatisfy { $0[key] != nil }, "need has no \(key)")
    }
    // By the day raised.
    #expect(needs.map { $0["title"] as? String } == ["外籍居民翻译", "普法讲座", "独居老人探访"])
    #expect(needs.map { $0["status"] as? String } == ["met", "claimed", "open"])
    #expect(needs.first?["raised_by"] as? String == "欧阳路第一居民区")
    #expect(needs.first?["claimed_by"] as? [String] == ["复旦大学外文学院"])
    #expect(needs[1]["raised_by"] as? String == "浦发银行虹口支行")
    #expect(ids(try json(space, "need", "list", "--status", "claimed")) == [3])
    // Open past its claim deadline: the one the centre opens to every unit.
    #expect(ids(try json(space, "need", "list", "--overdue")) == [2])

    let projects = objects(try json(space, "project", "list"))
    let project = try #require(projects.first)
    for key in [
      "id", "title", "category", "level", "status", "lead", "units", "needs", "resources", "start_on", "end_on",
    ] {
      #expect(project[key] != nil, "project has no \(key)")
    }
    #expect(project["status"] as? String == "done")
    #expect(project["lead"] as? String == "复旦大学外文学院")
    #expect(project["units"] as? [String] == ["虹口区司法局"])
    #expect(project["needs"] as? [String] == ["外籍居民翻译"])
    #expect(project["level"] as? String == "街区联建")
    #expect(ids(try json(space, "project", "list", "--status", "running")) == [])
    #expect(ids(try json(space, "project", "list", "--unit", "虹口区司法局", "--year", "2019")) == [1])

    let activities = objects(try json(space, "activity", "list", "--project", "涉外翻译服务"))
    #expect(activities.map { $0["date"] as? String } == ["2019-08-03", "2019-09-07"])
    #expect(activities.map { $0["units"] as? [String] } == [["复旦大学外文学院"], ["虹口区司法局"]])
    #expect(activities.map { $0["hours"] as? Double } == [16, 4])

    let shown = try succeed(space, "need", "show", "外籍居民翻译")
    #expect(shown.contains("复旦大学外文学院") && shown.contains("2019-07-02") && shown.contains("2019-12-20"))
    let unit = try json(space, "show", "复旦大学外文学院") as? [String: Any]
    #expect(unit?["credit_code"] as? String == "91310000132149237G")
  }

  @Test func theRulesOfTheListsRefuseAndChangeNothing() throws {
    let space = try aYear()
    // A rule of the lists refuses the change (exit 1); a bad value is invalid data (exit 65).
    // Only a unit in the alliance that day offers or claims.
    try refused(space, 1, "resource", "add", "上海四达电器", "车辆借用")
    try refused(space, 1, "need", "claim", "独居老人探访", "复旦大学外文学院", "--on", "2019-06-26")
    try refused(space, 1, "project", "claim", "涉外翻译服务", "浦发银行虹口支行", "--on", "2019-12-21")
    // Statuses only move forward, each dated, never before the last.
    try refused(space, 1, "project", "start", "涉外翻译服务", "--on", "2019-12-21")
    try refused(space, 1, "need", "close", "外籍居民翻译", "--on", "2019-12-21")
    try refused(space, 1, "need", "claim", "独居老人探访", "虹口区司法局", "--on", "2019-09-09")
    // Service records only between the project's start and end.
    try refused(space, 1, "activity", "add", "涉外翻译服务", "--on", "2019-07-04")
    try refused(space, 1, "activity", "add", "涉外翻译服务", "--on", "2019-12-21")
    // Dates not after today, numbers not negative, levels and codes checked.
    try refused(space, 65, "need", "add", "新需求", "--on", "2020-01-01")
    try refused(space, 65, "project", "add", "新项目", "--level", "社区级")
    try refused(space, 65, "register", "新单位", "--joined", "2019-07-01", "--credit-code", "91310000132149237X")
    try refused(space, 1, "edit", "浦发银行虹口支行", "--credit-code", "91310000132149237G")
    try refused(space, 64, "need", "claim", "独居老人探访")
    try refused(space, 1, "project", "show", "不存在的项目")
  }

  @Test func aWithdrawalClosesTheUnitsOpenResources() throws {
    let space = try aYear()
    try succeed(space, "withdraw", "虹口区司法局", "--on", "2019-11-30")
    let resources = objects(try json(space, "resource", "list", "--all"))
    #expect(resources.map { $0["withdrawn_on"] as? String } == [nil, "2019-11-30"])
    #expect(ids(try json(space, "resource", "list")) == [1])
    try succeed(space, "undo", "--yes")
    #expect(ids(try json(space, "resource", "list")) == [1, 2])
  }

  @Test func everyListChangeIsInTheHistoryAndUndone() throws {
    let space = try alliance()
    let empty = try space.dump()
    try succeed(space, "resource", "add", "复旦大学外文学院", "外语志愿翻译", "--from", "2019-07-01")
    try succeed(space, "need", "add", "外籍居民翻译", "--on", "2019-07-01")
    try succeed(space, "need", "claim", "1", "--resource", "1", "--on", "2019-07-02")
    try succeed(space, "project", "add", "涉外翻译服务", "--need", "1", "--resource", "1", "--on", "2019-07-03")
    try succeed(space, "project", "claim", "1", "复旦大学外文学院", "--on", "2019-07-04")
    try succeed(space, "project", "start", "1", "--on", "2019-07-05")
    try succeed(space, "activity", "add", "1", "--on", "2019-07-06", "--volunteers", "3")
    try succeed(space, "project", "drop", "1", "--on", "2019-07-07")
    try succeed(space, "resource", "withdraw", "1", "--on", "2019-07-08")
    let history = objects(try json(space, "history"))
    #expect(history.count >= 9)
    for _ in 0..<9 { try succeed(space, "undo", "--yes") }
    // Every list table is as empty as before; only the history grew by the undos.
    func withoutHistory(_ dump: String) -> String {
      dump.components(separatedBy: "## ").filter { !$0.hasPrefix("history\n") }.joined(separator: "## ")
    }
    #expect(withoutHistory(try space.dump()) == withoutHistory(empty))
  }

  @Test func reportProjectsCountsTheYear() throws {
    let space = try aYear()
    let report = try json(space, "report", "projects", "--from", "2019", "--to", "2019") as? [String: Any]
    let row = try #require((report?["rows"] as? [[String: Any]])?.first)
    #expect(row["period"] as? String == "2019")
    let counts = [
      "needs_raised": 3, "needs_claimed": 2, "needs_met": 1, "projects_proposed": 1, "projects_claimed": 1,
      "projects_done": 1, "activities": 2, "volunteers": 6, "served": 40,
    ]
    for (key, value) in counts { #expect(row[key] as? Int == value, "\(key): \(row[key] ?? "none")") }
    #expect(row["hours"] as? Double == 20)
    #expect(row["claim_rate_pct"] as? Double == 66.7)
    #expect(row["completion_rate_pct"] as? Double == 100)
    // The same figures in every format.
    let csv = try succeed(space, "report", "projects", "--from", "2019", "--to", "2019", "--format", "csv")
    #expect(csv.hasPrefix("period,needs_raised,needs_claimed,needs_met,claim_rate_pct"))
    #expect(csv.contains("2019,3,2,1,66.7,1,1,1,100"))
    #expect(try succeed(space, "report", "projects", "--format", "svg").contains("<svg"))
    #expect(try succeed(space, "report", "projects", "--format", "html").contains("<html"))
    #expect(!(try succeed(space, "report", "projects", "--format", "chart")).isEmpty)
    try succeed(space, "report", "projects", "-o", "projects.xlsx")
    #expect(space.bytes("projects.xlsx")?.prefix(2) == Data("PK".utf8))
  }

  @Test func reportUnitsNamesWhoDidNothing() throws {
    let space = try aYear()
    let rows = objects(try json(space, "report", "units", "--year", "2019"))
    // The unit that left in 2016 is not in the alliance in 2019.
    #expect(ids(rows) == [1, 2, 3])
    for key in [
      "id", "name", "resources", "needs_claimed", "projects_led", "projects_joined", "activities", "hours", "idle",
    ] {
      #expect(rows.allSatisfy { $0[key] != nil }, "no \(key)")
    }
    func numbers(_ row: [String: Any]) -> [Int] {
      ["resources", "needs_claimed", "projects_led", "projects_joined", "activities"].map { row[$0] as? Int ?? -1 }
    }
    #expect(rows.map(numbers) == [[1, 1, 0, 1, 1], [1, 1, 1, 0, 1], [0, 0, 0, 0, 0]])
    #expect(rows.map { $0["hours"] as? Double } == [4, 16, 0])
    #expect(rows.map { $0["idle"] as? Bool } == [false, false, true])
    #expect(ids(try json(space, "report", "units", "--year", "2019", "--idle")) == [3])
    #expect(ids(try json(space, "report", "units", "--year", "2016")) == [1, 4])
    try succeed(space, "report", "units", "--year", "2019", "-o", "units.xlsx")
    #expect(space.bytes("units.xlsx")?.prefix(2) == Data("PK".utf8))
    #expect(try succeed(space, "report", "units", "--format", "svg").contains("<svg"))
  }

  @Test func matchRanksResourcesAndSaysWhy() throws {
    let space = try aYear()
    let found = objects(try json(space, "match", "独居老人探访"))
    let best = try #require(found.first)
    #expect(best["resource"] as? String == "外语志愿翻译")
    #expect(best["rank"] as? Int == 1)
    let why = (best["why"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
    #expect(why.contains("category"))
    #expect(why.contains("in_alliance"))
    // A withdrawn resource is never suggested.
    try succeed(space, "resource", "withdraw", "外语志愿翻译", "--on", "2019-12-30")
    #expect(!objects(try json(space, "match", "独居老人探访")).contains { $0["resource"] as? String == "外语志愿翻译" })
  }
}

@Suite struct ListFileTests {
  /// The demo registry, with its lists loaded from the centre's files.
  static func demo() throws -> Workspace {
    let space = Workspace()
    let result = try space.run(["demo", "--db", space.registry], environment: ["GONGJIAN_TODAY": "2026-11-27"])
    try #require(result.status == 0, "\(result)")
    return space
  }

  static let lists = [
    ("resources", "resource"), ("needs", "need"), ("projects", "project"), ("activities", "activity"),
  ]

  @Test(arguments: ["csv", "xlsx"])
  func exportImportExportGivesTheSameLists(format: String) throws {
    let source = try Self.demo()
    let environment = ["GONGJIAN_TODAY": "2026-11-27"]
    func run(_ space: Workspace, _ arguments: [String]) throws {
      let result = try space.run(arguments + ["--db", space.registry], environment: environment)
      try #require(result.status == 0, "\(arguments): \(result)")
    }
    try run(source, ["export", "-o", source.file("units.csv")])
    let target = Workspace()
    try run(target, ["init", "--subdistrict", "欧阳路街道", "--district", "虹口区"])
    try run(target, ["import", source.file("units.csv")])
    for (list, command) in Self.lists {
      let file = source.file("\(list).\(format)")
      try run(source, ["export", "--list", list, "-o", file])
      try run(target, [command, "import", file])
    }
    for (list, _) in Self.lists {
      try run(source, ["export", "--list", list, "-o", source.file("first-\(list).csv")])
      try run(target, ["export", "--list", list, "-o", target.file("second-\(list).csv")])
      let first = try #require(source.bytes("first-\(list).csv"))
      #expect(first.count > 200)
      #expect(first == target.bytes("second-\(list).csv"), "\(list) differs after the \(format) round trip")
    }
    let header = String(decoding: try #require(source.bytes("first-needs.csv")), as: UTF8.self)
    #expect(header.hasPrefix("编号,需求名称"))
  }

  @Test func theJSONExportCarriesTheLists() throws {
    let space = try Self.demo()
    let result = try space.run(
      ["export", "--db", space.registry, "--format", "json"], environment: ["GONGJIAN_TODAY": "2026-11-27"])
    #expect(result.status == 0, "\(result)")
    let all = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    for key in ["units", "resources", "needs", "projects", "activities"] {
      #expect((all?[key] as? [Any])?.isEmpty == false, "no \(key)")
    }
  }

  @Test func aBadListFileIsRefusedWholeWithItsLines() throws {
    let space = try alliance()
    let file = try space.write(
      "needs.csv",
      "需求名称,需求类别,提出日期,认领截止日期\n外籍居民翻译,志愿服务,2019-07-01,2019-07-31\n健康义诊,志愿服务,2019-02-30,\n"
        + "楼道宣传画,文明创建,2019-08-01,2019-07-01\n")
    let before = try space.dump()
    let result = try command(space, ["need", "import", file])
    #expect(result.status == 65, "\(result)")
    #expect(result.stderr.contains("3") && result.stderr.contains("4"), "\(result)")
    #expect(try space.dump() == before)
    let dry = try command(space, ["need", "import", "--dry-run", try space.write("one.csv", "需求名称\n外籍居民翻译\n")])
    #expect(dry.status == 0, "\(dry)")
    #expect(try space.dump() == before)
  }
}

/// A registry made by the previous release (gongjian 0.2.0, schema 2: two groups, four units,
/// a withdrawal, a rename): read as it is, upgraded by the first change with nothing lost.
@Suite struct ListMigrationTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/registry-v0.2.0.sqlite")

  @Test func aPreviousReleasesRegistryUpgrades() throws {
    let space = Workspace()
    try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: space.registry)
    let original = try #require(space.bytes(space.registry))
    let units = try command(space, ["list", "--all", "--format", "json"])
    #expect(units.status == 0, "\(units)")
    // Read commands read it as it is: the lists are empty, the file untouched.
    #expect(ids(try json(space, "need", "list")) == [])
    #expect(ids(try json(space, "resource", "list", "--all")) == [])
    #expect(ids(try json(space, "report", "units", "--year", "2019")) == [1, 2, 3, 4])
    #expect(space.bytes(space.registry) == original)
    // The first change upgrades it.
    try succeed(space, "resource", "add", "虹口区司法局", "社区法律咨询", "--from", "2019-01-10")
    let check = try command(space, ["check"])
    #expect(check.status == 0, "\(check)")
    #expect(try command(space, ["list", "--all", "--format", "json"]).stdout == units.stdout)
    #expect(ids(try json(space, "resource", "list")) == [1])
    try succeed(space, "edit", "复旦大学外文学院", "--credit-code", "91310000132149237G")
    let dump = try space.dump()
    #expect(dump.contains("## claim\n") && dump.contains("## activity_unit\n"))
  }
}

@Suite struct ListBadInputTests {
  /// Hostile input to every new command: the documented status, a short message, no trap, and
  /// a refused command leaves the registry as it was.
  @Test func everyListCommandTakesHostileInput() throws {
    let space = try BadInputCatalogueTests.seeded()
    let db = space.registry
    let long = BadInputCatalogueTests.long100k
    let sql = BadInputCatalogueTests.injection
    let huge = "99999999999999999999"
    let badCSV = try space.write("bad.csv", "资源名称,提供单位\n\u{7},复旦大学外文学院\n")
    func cmd(_ words: String...) -> [String] { words + ["--db", db] }
    try BadInputCatalogueTests.check(
      [
        HostileInput("resource of a stranger", cmd("resource", "add", "不存在单位", "标题"), 1, "不存在单位"),
        HostileInput("empty resource title", cmd("resource", "add", "1", ""), 65, "TITLE"),
        HostileInput("100k resource title", cmd("resource", "add", "1", long), 65, "TITLE", "200"),
        HostileInput("ESC in a resource title", cmd("resource", "add", "1", "外\u{1B}语"), 65, "TITLE", "U+001B"),
        HostileInput(
          "resource from 2019-02-29", cmd("resource", "add", "1", "x", "--from", "2019-02-29"), 65, "--from"),
        HostileInput(
          "resource until before from",
          cmd("resource", "add", "1", "x", "--from", "2020-01-01", "--until", "2019-01-01"),
          65, "--until"),
        HostileInput("resource show ''", cmd("resource", "show", ""), 64),
        HostileInput("resource show huge", cmd("resource", "show", huge), 1, huge),
        HostileInput("resource show -1", ["resource", "show", "--db", db, "--", "-1"], 1, "-1"),
        HostileInput(
          "resource list on 0000-01-01", cmd("resource", "list", "--available-on", "0000-01-01"), 65, "1900"),
        HostileInput("resource withdraw nothing", cmd("resource", "withdraw", "1", "--on", "2020-01-01"), 1),
        HostileInput("resource import ''", cmd("resource", "import", ""), 64),
        HostileInput("resource import a missing file", cmd("resource", "import", "nothing.csv"), 66, "nothing.csv"),
        HostileInput("resource import a BEL", cmd("resource", "import", badCSV), 65, "U+0007", line: 2),
        HostileInput("need with an empty title", cmd("need", "add", ""), 65, "TITLE"),
        HostileInput("need deadline 2019-02-29", cmd("need", "add", "x", "--deadline", "2019-02-29"), 65, "--deadline"),
        HostileInput("need on 9999-12-31", cmd("need", "add", "x", "--on", "9999-12-31"), 65, "--on", "2026-06-30"),
        HostileInput("need people huge", cmd("need", "add", "x", "--people", huge), 64, "--people"),
        HostileInput("need list --status bogus", cmd("need", "list", "--status", "bogus"), 64, "--status"),
        HostileInput("need show huge", cmd("need", "show", huge), 1, huge),
        HostileInput("need claim without a unit", cmd("need", "claim", "1"), 64),
        HostileInput("need close ''", cmd("need", "close", "", "--on", "2020-01-01"), 64),
        HostileInput("project level bogus", cmd("project", "add", "x", "--level", sql), 65, "--level"),
        HostileInput("project lead unknown", cmd("project", "add", "x", "--lead", sql), 1, sql),
        HostileInput("project of a missing need", cmd("project", "add", "x", "--need", huge), 1, huge),
        HostileInput("project start huge", cmd("project", "start", huge, "--on", "2020-01-01"), 1, huge),
        HostileInput("project list year 0", cmd("project", "list", "--year", "0"), 65, "1900"),
        HostileInput("project claim ''", cmd("project", "claim", "", "1"), 64),
        HostileInput("activity on 2019-02-29", cmd("activity", "add", "1", "--on", "2019-02-29"), 65, "--on"),
        HostileInput(
          "activity volunteers abc", cmd("activity", "add", "1", "--on", "2020-01-01", "--volunteers", "abc"), 64),
        HostileInput("activity list year 99999", cmd("activity", "list", "--year", "99999"), 65, "99999"),
        HostileInput("match ''", cmd("match", ""), 64),
        HostileInput("match huge", cmd("match", huge), 1, huge),
        HostileInput(
          "report projects reversed", cmd("report", "projects", "--from", "2019", "--to", "2018"), 64, "2019"),
        HostileInput("report projects xlsx to stdout", cmd("report", "projects", "--format", "xlsx"), 64, "-o"),
        HostileInput("report units in 9999", cmd("report", "units", "--year", "9999"), 64, "9999"),
        HostileInput("export --list bogus", cmd("export", "--list", "bogus"), 64, "--list"),
        HostileInput("credit code wrong check", cmd("edit", "1", "--credit-code", "91310000132149237X"), 65, "G"),
        HostileInput("credit code too short", cmd("edit", "1", "--credit-code", "123"), 65, "18"),
        // What is allowed is stored as typed: an injection is a title like any other.
        HostileInput("need titled an injection", cmd("need", "add", sql), 0, sql),
        HostileInput("project titled an injection", cmd("project", "add", sql, "--lead", "1"), 0, sql),
        HostileInput("match an injection", cmd("match", sql, "--format", "json"), 0, "["),
        HostileInput("need list", cmd("need", "list", "--format", "json"), 0, sql),
      ], in: space)
  }
}
