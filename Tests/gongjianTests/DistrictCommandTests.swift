import Foundation
import SQLite
import Testing
import ZIPFoundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// End to end through the built binary: `district report` and `district units` over several
// registry files, which they read without changing a byte.

private let today = ["GONGJIAN_TODAY": "2026-11-27"]

/// A unit of a test registry: name, joining day, leaving day.
private typealias TestUnit = (name: String, joined: String, left: String?)

extension Workspace {
  /// A registry made by the binary at `name` (in the workspace unless a path), named after a
  /// subdistrict or not, holding `units` (imported in one go).
  @discardableResult
  fileprivate func subdistrict(_ name: String, subdistrict: String?, units: [TestUnit]) throws -> String {
    let path = name.hasPrefix("/") ? name : file(name)
    var arguments = ["init", "--db", path, "--district", "虹口区"]
    if let subdistrict { arguments += ["--subdistrict", subdistrict] }
    let created = try run(arguments, environment: today)
    try #require(created.status == 0, "\(created)")
    guard !units.isEmpty else { return path }
    var csv = "单位名称,加入日期,退出日期\n"
    for unit in units { csv += "\(unit.name),\(unit.joined),\(unit.left ?? "")\n" }
    let data = path + ".csv"
    try Data(csv.utf8).write(to: URL(fileURLWithPath: data))
    let imported = try run(["import", data, "--db", path], environment: today)
    try #require(imported.status == 0, "\(imported)")
    try FileManager.default.removeItem(atPath: data)
    return path
  }

  /// `gongjian ARGS` with today fixed.
  fileprivate func district(_ arguments: [String], language: String = "en") throws -> CommandResult {
    try run(["district"] + arguments, environment: today.merging(["GONGJIAN_LANG": language]) { $1 })
  }

  /// The JSON a command printed, which must have succeeded.
  fileprivate func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String:
    Any]
  {
    let result = try run(arguments, environment: today)
    try #require(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
    let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(value as? [String: Any], sourceLocation: sourceLocation)
  }

  /// Every file below the workspace (the test runner's own left out) with its SHA-256.
  fileprivate func fingerprints() throws -> [String: String] {
    var result: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(atPath: path)
    while let relative = enumerator?.nextObject() as? String {
      if relative.hasPrefix(".std") || relative.hasPrefix("out") { continue }
      var isFolder: ObjCBool = false
      FileManager.default.fileExists(atPath: file(relative), isDirectory: &isFolder)
      result[relative] = isFolder.boolValue ? "folder" : try sha256(relative)
    }
    return result
  }
}

/// A growth report's rows as text, for comparing reports made by different commands.
private func rows(_ growth: Any?) -> [String] {
  guard let growth = growth as? [String: Any], let rows = growth["rows"] as? [[String: Any]] else { return [] }
  return rows.map { row in
    ["period", "joined", "left", "net", "total", "change_pct"].map { "\(row[$0] ?? "nil")" }.joined(separator: "|")
  }
}

private func summary(_ growth: Any?) -> String {
  guard let growth = growth as? [String: Any], let summary = growth["summary"] as? [String: Any] else { return "" }
  return summary.keys.sorted().map { "\($0)=\(summary[$0] ?? "nil")" }.joined(separator: " ")
}

/// One number of every row of a growth report.
private func column(_ growth: Any?, _ key: String) -> [Int] {
  guard let growth = growth as? [String: Any], let rows = growth["rows"] as? [[String: Any]] else { return [] }
  return rows.map { ($0[key] as? Int) ?? -1 }
}

private func subdistricts(_ report: [String: Any]) -> [[String: Any]] {
  report["subdistricts"] as? [[String: Any]] ?? []
}

/// Three subdistricts with withdrawals and a unit that rejoined, over 2015–2021.
private func threeSubdistricts(_ space: Workspace) throws -> [String] {
  [
    try space.subdistrict(
      "ouyang.sqlite", subdistrict: "欧阳路街道",
      units: [
        ("虹口烟草糖酒有限公司", "2015-06-30", nil), ("虹口区房管局", "2016-03-01", "2018-05-31"),
        ("复旦大学外文学院", "2019-06-27", nil), ("建设银行虹口支行", "2019-06-27", nil),
        ("上海长远文化(集团)有限公司", "2016-12-31", "2019-12-31"), ("虹口区司法局", "2017-07-01", nil),
      ]),
    try space.subdistrict(
      "jiaxing.sqlite", subdistrict: "嘉兴路街道",
      units: [
        ("嘉兴路社区卫生服务中心", "2016-01-01", nil), ("上海嘉兴物业有限公司", "2018-02-28", "2018-11-30"),
        ("建设银行虹口支行", "2017-04-01", "2021-03-31"),
      ]),
    try space.subdistrict(
      "quyang.sqlite", subdistrict: nil,
      units: [("曲阳路第一小学", "2020-09-01", nil), ("上海曲阳医院", "2014-05-01", "2016-06-30")]),
  ]
}

@Suite struct DistrictReportTests {
  @Test(arguments: ["year", "quarter", "month"])
  func theTotalsAreTheSumOfTheSubdistrictsOwnReports(_ period: String) throws {
    let space = Workspace()
    let files = try threeSubdistricts(space)
    for range in [["--from", "2016", "--to", "2019"], ["--to", "2021"], []] {
      let report = try space.json(["district", "report"] + files + range + ["--period", period, "--format", "json"])
      // The first and last periods: 2016, 2016-Q1 or 2016-01.
      let from = String(try #require(report["from"] as? String).prefix(4))
      let to = String(try #require(report["to"] as? String).prefix(4))
      if range.isEmpty {
        // The earliest year any registry starts at, to this year.
        #expect(from == "2014" && to == "2026", "\(report)")
      }
      let parts = subdistricts(report)
      try #require(parts.count == 3)
      for (file, part) in zip(files, parts) {
        #expect(part["file"] as? String == file)
        let own = try space.json(
          ["report", "growth", "--db", file, "--from", from, "--to", to, "--period", period, "--format", "json"])
        #expect(rows(part["growth"]) == rows(own), "\(file) \(range)")
        #expect(summary(part["growth"]) == summary(own), "\(file) \(range)")
      }
      let total = (report["total"] as? [String: Any])?["growth"]
      for key in ["joined", "left", "total"] {
        let sums = parts.map { column($0["growth"], key) }.reduce(into: [Int]()) { sum, next in
          sum = sum.isEmpty ? next : zip(sum, next).map(+)
        }
        #expect(column(total, key) == sums, "\(key) \(range)")
      }
      // The summary line of each subdistrict adds up too: start + joined − left = end.
      for part in parts + [report["total"] as? [String: Any] ?? [:]] {
        let start = part["opening_total"] as? Int ?? -1
        let joined = part["joined"] as? Int ?? -1
        let left = part["left"] as? Int ?? -1
        #expect(start + joined - left == part["closing_total"] as? Int)
      }
    }
  }

  @Test func theCSVHasOneLinePerSubdistrictAndTheDistrictsTwo() throws {
    let space = Workspace()
    let files = try threeSubdistricts(space)
    let result = try space.district(["report"] + files + ["--from", "2019", "--to", "2019", "--format", "csv"])
    #expect(result.status == 0, "\(result)")
    let lines = result.stdout.split(separator: "\r\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    try #require(lines.count == 6, "\(result)")
    #expect(
      lines[0].prefix(11) == [
        "scope", "subdistrict", "file", "from", "to", "opening_total", "joined", "left", "net", "closing_total",
        "change_pct",
      ])
    // 欧阳路街道 in 2019: 3 at the start (房管局 left in 2018), 2 joined, 长远 left on the last day.
    #expect(lines[1].prefix(10) == ["subdistrict", "欧阳路街道", files[0], "2019", "2019", "3", "2", "1", "1", "4"])
    // The registry without a subdistrict's name is named by its file.
    #expect(lines[3][1] == "quyang")
    #expect(lines[4][0] == "district" && lines[5][0] == "district_distinct")
    // 建设银行虹口支行 is in two alliances at the end of 2019: the district counts it once.
    #expect(lines[4][9] == "6" && lines[5][9] == "5", "\(result)")
  }

  @Test func aUnitTypedTwoWaysInTwoRegistriesIsCountedOnce() throws {
    let space = Workspace()
    let first = try space.subdistrict(
      "a.sqlite", subdistrict: "欧阳路街道",
      units: [("上海长远文化（集团）有限公司", "2017-01-01", nil), ("虹口区司法局", "2016-01-01", nil)])
    let second = try space.subdistrict(
      "b.sqlite", subdistrict: "嘉兴路街道",
      units: [("上海长远文化 (集团) 有限公司", "2018-06-01", "2019-06-30"), ("嘉兴路邮政支局", "2018-01-01", nil)])
    let report = try space.json(
      ["district", "report", first, second, "--from", "2016", "--to", "2019", "--format", "json"])
    let total = (report["total"] as? [String: Any])?["growth"]
    let distinct = (report["distinct"] as? [String: Any])?["growth"]
    #expect(column(total, "total") == [1, 2, 4, 3])
    #expect(column(distinct, "total") == [1, 2, 3, 3])
    // Once in the district's alliance, it stays while it is in either subdistrict's: the
    // second alliance's periods add no joining and no leaving.
    #expect(column(distinct, "joined") == [1, 1, 1, 0])
    #expect(column(distinct, "left") == [0, 0, 0, 0])
    let shared = try #require(report["shared_units"] as? [[String: Any]])
    try #require(shared.count == 1, "\(report)")
    #expect(shared[0]["matched_by"] as? String == "name_key")
    let places = try #require(shared[0]["places"] as? [[String: Any]])
    #expect(places.map { $0["subdistrict"] as? String } == ["欧阳路街道", "嘉兴路街道"])
    #expect(places.map { $0["name"] as? String } == ["上海长远文化（集团）有限公司", "上海长远文化 (集团) 有限公司"])
    #expect(places.map { $0["active"] as? Bool } == [true, false])
    // The table names it with its subdistricts.
    let table = try space.district(["report", first, second, "--from", "2016", "--to", "2019"])
    #expect(hasLine(table.stdout, with: "上海长远文化（集团）有限公司", "欧阳路街道", "嘉兴路街道"), "\(table)")
  }

  @Test func unitsWithTheSameCreditCodeAreOneWhateverTheirNames() throws {
    let space = Workspace()
    let bank = "91310109MA1G5XYZ3K"
    let first = try space.subdistrict(
      "a.sqlite", subdistrict: "欧阳路街道",
      units: [("中国建设银行股份有限公司上海虹口支行", "2017-01-01", nil), ("甲乙科技有限公司", "2017-01-01", nil)])
    let second = try space.subdistrict(
      "b.sqlite", subdistrict: "嘉兴路街道",
      units: [("建设银行虹口支行", "2018-01-01", nil), ("甲乙科技有限公司", "2018-01-01", nil)])
    // A registry without the column: its unit of the same name as one with a code takes that code.
    let third = try space.subdistrict(
      "c.sqlite", subdistrict: "曲阳路街道", units: [("建设银行虹口支行", "2019-01-01", nil)])
    // The column, as a later migration adds it, filled in by hand.
    for (path, codes) in [
      (first, ["中国建设银行股份有限公司上海虹口支行": bank, "甲乙科技有限公司": "91310109MA1G5AAA1A"]),
      (second, ["建设银行虹口支行": bank.lowercased(), "甲乙科技有限公司": "91310109MA1G5BBB2B"]),
    ] {
      let db = try Connection(path: path)
      for (name, code) in codes {
        try db.run("UPDATE unit SET credit_code = ? WHERE name = ?", code, name)
      }
      try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
    let report = try space.json(
      ["district", "report", first, second, third, "--from", "2019", "--to", "2019", "--format", "json"])
    let total = try #require(report["total"] as? [String: Any])
    let distinct = try #require(report["distinct"] as? [String: Any])
    // Five units in the three registries; the bank is one unit in three of them; the two
    // 甲乙科技有限公司 carry different codes, so they are two.
    #expect(total["closing_total"] as? Int == 5)
    #expect(distinct["closing_total"] as? Int == 3)
    let shared = try #require(report["shared_units"] as? [[String: Any]])
    try #require(shared.count == 1, "\(report)")
    #expect(shared[0]["credit_code"] as? String == bank)
    #expect(shared[0]["matched_by"] as? String == "credit_code")
    #expect((shared[0]["places"] as? [[String: Any]])?.count == 3)
    // The listing shows the codes where the registry has them, and where else each unit is.
    let units = try space.district(["units", first, second, third, "--format", "json"])
    #expect(units.status == 0, "\(units)")
    let listed = try #require(try JSONSerialization.jsonObject(with: Data(units.stdout.utf8)) as? [[String: Any]])
    #expect(listed.count == 5)
    let banks = listed.filter { ($0["name"] as? String)?.contains("建设银行") == true }
    #expect(banks.map { $0["credit_code"] as? String } == [bank, bank, nil])
    #expect(banks.map { ($0["shared_with"] as? [String])?.count } == [2, 2, 2])
  }

  @Test func aFolderStandsForTheRegistriesDirectlyInItByName() throws {
    let space = Workspace()
    let folder = space.file("街道")
    try FileManager.default.createDirectory(atPath: folder + "/子文件夹", withIntermediateDirectories: true)
    try space.subdistrict(folder + "/b.sqlite", subdistrict: "嘉兴路街道", units: [("甲单位", "2019-01-01", nil)])
    try space.subdistrict(folder + "/a.sqlite", subdistrict: "欧阳路街道", units: [("乙单位", "2019-01-01", nil)])
    try space.subdistrict(folder + "/子文件夹/c.sqlite", subdistrict: "曲阳路街道", units: [])
    try Data("说明".utf8).write(to: URL(fileURLWithPath: folder + "/说明.txt"))
    let report = try space.json(["district", "report", folder, "--format", "json"])
    #expect(subdistricts(report).map { $0["subdistrict"] as? String } == ["欧阳路街道", "嘉兴路街道"])
    // A folder without registries, a path that is not there, a file named twice.
    let empty = space.file("空")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let nothing = try space.district(["report", empty])
    #expect(nothing.status == 66 && nothing.stderr.contains(empty), "\(nothing)")
    let missing = try space.district(["report", folder, space.file("typo.sqlite")])
    #expect(missing.status == 66 && missing.stderr.contains("typo.sqlite"), "\(missing)")
    let twice = try space.district(["report", folder, folder + "/a.sqlite"])
    #expect(twice.status == 64 && twice.stderr.contains("a.sqlite"), "\(twice)")
  }

  @Test func theFilesAreLeftAsTheyWereReadOnlyOnesAndInReadOnlyFoldersToo() throws {
    let space = Workspace()
    let files = try threeSubdistricts(space)
    // A write-protected file, a file in a write-protected folder, a copy, and the older
    // releases' registries.
    chmod(files[0], 0o444)
    let locked = space.file("locked")
    try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
    try FileManager.default.moveItem(atPath: files[1], toPath: locked + "/jiaxing.sqlite")
    try FileManager.default.copyItem(atPath: files[2], toPath: space.file("copy.sqlite"))
    for name in ["registry-0001.sqlite", "registry-0002.sqlite"] {
      try FileManager.default.copyItem(atPath: DistrictFixtures.path(name), toPath: space.file(name))
    }
    chmod(locked, 0o555)
    defer { chmod(locked, 0o755) }
    let inputs = [files[0], locked + "/jiaxing.sqlite", space.file("copy.sqlite")]
    let before = try space.fingerprints()
    let out = space.file("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    for arguments in [
      ["report"] + inputs, ["report", space.path, locked, "--format", "json"],
      ["report"] + inputs + ["-o", out + "/report.xlsx"], ["report"] + inputs + ["-o", out + "/report.html"],
      ["report"] + inputs + ["--period", "month", "--format", "csv"], ["units", space.path, locked, "--all"],
      ["units"] + inputs + ["-o", out + "/units.xlsx"],
    ] {
      let result = try space.district(arguments)
      #expect(result.status == 0, "\(arguments): \(result)")
    }
    // Not a byte changed, no file added or removed (no -wal, no -shm) anywhere but out/.
    #expect(try space.fingerprints() == before)
    for name in ["registry-0001.sqlite", "registry-0002.sqlite"] {
      let db = try Connection(path: space.file(name), mode: .readOnly)
      #expect(try db.scalar(Int.self, "PRAGMA user_version") == Int(name.dropFirst(9).prefix(4)))
    }
  }

  @Test func aFileCopiedWithItsWALIsReadWholeAndNothingIsLeftBesideIt() throws {
    let space = Workspace()
    let original = try space.subdistrict(
      "ouyang.sqlite", subdistrict: "欧阳路街道", units: [("虹口区司法局", "2017-07-01", nil)])
    let folder = space.file("copied")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    do {
      // Held open, so the registration stays in the -wal (no checkpoint at its close): the
      // file and its -wal copied as a subdistrict might send them, without the -shm.
      let holder = try Connection(path: original, mode: .readOnly)
      _ = try holder.scalar(Int.self, "SELECT count(*) FROM unit")
      let registered = try space.run(
        ["register", "复旦大学外文学院", "--joined", "2019-06-27", "--db", original], environment: today)
      try #require(registered.status == 0, "\(registered)")
      let wal = try FileManager.default.attributesOfItem(atPath: original + "-wal")[.size] as? Int
      try #require((wal ?? 0) > 0)
      try FileManager.default.copyItem(atPath: original, toPath: folder + "/ouyang.sqlite")
      try FileManager.default.copyItem(atPath: original + "-wal", toPath: folder + "/ouyang.sqlite-wal")
    }
    let before = try space.fingerprints().filter { $0.key.hasPrefix("copied") }
    let report = try space.json(["district", "report", folder, "--from", "2019", "--to", "2019", "--format", "json"])
    #expect(subdistricts(report).map { $0["closing_total"] as? Int } == [2], "\(report)")
    let units = try space.district(["units", folder, "--format", "csv"])
    #expect(units.status == 0 && units.stdout.contains("复旦大学外文学院"), "\(units)")
    #expect(try space.fingerprints().filter { $0.key.hasPrefix("copied") } == before)
    #expect(!FileManager.default.fileExists(atPath: folder + "/ouyang.sqlite-shm"))
  }

  @Test func registriesOfEarlierReleasesAreReadAsTheyAre() throws {
    let space = Workspace()
    let files = try ["registry-0001.sqlite", "registry-0002.sqlite"].map { name in
      try FileManager.default.copyItem(atPath: DistrictFixtures.path(name), toPath: space.file(name))
      return space.file(name)
    }
    let report = try space.json(
      ["district", "report"] + files + ["--from", "2016", "--to", "2020", "--format", "json"])
    let parts = subdistricts(report)
    #expect(parts.map { $0["subdistrict"] as? String } == ["曲阳路街道", "凉城新村街道"])
    #expect(parts.map { $0["schema_version"] as? Int } == [1, 2])
    #expect(parts.map { $0["closing_total"] as? Int } == [2, 2])
    #expect(report["district"] as? String == "虹口区")
    // 建设银行虹口支行 is in both.
    #expect((report["distinct"] as? [String: Any])?["closing_total"] as? Int == 3)
    #expect((report["shared_units"] as? [[String: Any]])?.count == 1)
    for (file, part) in zip(files, parts) {
      let own = try space.json(["report", "growth", "--db", file, "--from", "2016", "--to", "2020", "--format", "json"])
      #expect(rows(part["growth"]) == rows(own))
    }
  }

  @Test func badFilesAreNamedAndStopTheReportUnlessSkipped() throws {
    let space = Workspace()
    let files = try threeSubdistricts(space)
    // Another application's database, a registry from a newer gongjian, a damaged one, and
    // a spreadsheet saved with the wrong name.
    let foreign = space.file("other.sqlite")
    do {
      let db = try Connection(path: foreign, mode: .create)
      try db.execute("PRAGMA application_id = 1234; CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine')")
    }
    let newer = space.file("newer.sqlite")
    try FileManager.default.copyItem(atPath: files[1], toPath: newer)
    do {
      let db = try Connection(path: newer)
      try db.execute("PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE)")
    }
    let damaged = space.file("damaged.sqlite")
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: files[0])))
    for index in 100..<bytes.count { bytes[index] = UInt8(truncatingIfNeeded: index &* 31 &+ 7) }
    try Data(bytes).write(to: URL(fileURLWithPath: damaged))
    let text = space.file("名单.sqlite")
    try Data("单位名称,加入日期\n复旦大学外文学院,2019-06-27\n".utf8).write(to: URL(fileURLWithPath: text))
    let before = try space.fingerprints()

    for bad in [foreign, newer, damaged, text] {
      let stopped = try space.district(["report", files[0], bad, files[2], "--format", "json"])
      #expect(stopped.status == 66, "\(bad): \(stopped)")
      #expect(stopped.stdout.isEmpty && stopped.stderr.contains(bad), "\(bad): \(stopped)")
      #expect(stopped.stderr.contains("--skip-bad"), "\(stopped)")
      let skipped = try space.district(["report", files[0], bad, files[2], "--format", "json", "--skip-bad"])
      #expect(skipped.status == 0, "\(bad): \(skipped)")
      #expect(skipped.stderr.contains(bad), "\(bad): \(skipped)")
      let report = try #require(
        try JSONSerialization.jsonObject(with: Data(skipped.stdout.utf8)) as? [String: Any])
      #expect(subdistricts(report).map { $0["file"] as? String } == [files[0], files[2]])
      #expect((report["skipped"] as? [[String: Any]])?.map { $0["file"] as? String } == [bad])
      // The listing too.
      let units = try space.district(["units", files[0], bad, "--skip-bad"])
      #expect(units.status == 0 && units.stderr.contains(bad), "\(units)")
      #expect(try space.district(["units", files[0], bad]).status == 66)
    }
    // The reasons, as machines read them.
    let report = try space.json(
      ["district", "report", foreign, newer, damaged, text, files[0], "--skip-bad", "--format", "json"])
    #expect(
      (report["skipped"] as? [[String: Any]])?.map { $0["reason"] as? String } == [
        "otherApplication", "newerSchema", "damaged", "notSQLite",
      ])
    // The newer one says which version it has and which this gongjian knows.
    let newerMessage = try space.district(["report", newer])
    #expect(hasLine(newerMessage.stderr, with: newer, "99"), "\(newerMessage)")
    // Nothing readable at all: the status of the first.
    let none = try space.district(["report", foreign, newer, "--skip-bad"])
    #expect(none.status == 66 && none.stderr.contains(foreign) && none.stderr.contains(newer), "\(none)")
    #expect(try space.fingerprints() == before)
  }

  @Test func theWorkbookHasASummarySheetAndOnePerSubdistrictWithTheFormsHeader() throws {
    let space = Workspace()
    let files = try threeSubdistricts(space)
    let book = space.file("汇总.xlsx")
    let result = try space.district(
      ["report"] + files + ["--from", "2016", "--to", "2019", "-o", book], language: "zh")
    #expect(result.status == 0, "\(result)")
    #expect(try space.mode(book) == 0o600)
    let workbook = try workbookText(book, "xl/workbook.xml")
    for name in ["汇总", "全区逐期", "跨街道单位", "欧阳路街道", "嘉兴路街道", "quyang"] {
      #expect(workbook.contains("name=\"\(name)\""), "\(name): \(workbook)")
    }
    let summary = try workbookText(book, "xl/worksheets/sheet1.xml")
    for text in ["填报单位：虹口区", "统计期：2016年至2019年", "报出时间：2026年11月27日", "负责人：", "填表人：", "合计", "去重合计"] {
      #expect(summary.contains(text), "\(text)")
    }
    // The subdistrict's own sheet reports for it; counts are numbers, not text.
    let own = try workbookText(book, "xl/worksheets/sheet4.xml")
    #expect(own.contains("填报单位：欧阳路街道"))
    #expect(own.contains("<v>"), "\(own)")
    // A workbook needs a file; the output may not be one of the registries.
    #expect(try space.district(["report"] + files + ["--format", "xlsx"]).status == 64)
    #expect(try space.district(["report"] + files + ["--format", "csv", "-o", files[1]]).status == 64)
  }

  @Test func theListsFiguresAreThereWhereTheTablesAre() throws {
    let space = Workspace()
    let files = try threeSubdistricts(space)
    // Two registries as made before the lists existed: none of their tables.
    for file in files[1...] {
      let db = try Connection(path: file)
      for table in [
        "activity_unit", "activity", "claim", "project_unit", "project_resource", "project_need",
        "project_status_change", "project", "need_status_change", "need", "resource",
      ] {
        try db.execute("DROP TABLE \(table)")
      }
      try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
    // The demo keeps a year of lists; its figures, counted here straight from its tables.
    let demo = space.file("demo.sqlite")
    #expect(try space.run(["demo", "--db", demo]).status == 0)
    let expected: [String: Int]
    do {
      let db = try Connection(path: demo, mode: .readOnly)
      func count(_ sql: String) throws -> Int { Int(try db.scalar(Int64.self, sql) ?? -1) }
      expected = [
        "resources": try count("SELECT count(*) FROM resource"), "needs": try count("SELECT count(*) FROM need"),
        "needs_claimed": try count("SELECT count(*) FROM need WHERE status IN ('claimed', 'met')"),
        "needs_met": try count("SELECT count(*) FROM need WHERE status = 'met'"),
        "projects": try count("SELECT count(*) FROM project"),
        "projects_done": try count("SELECT count(*) FROM project WHERE status = 'done'"),
        "activities": try count("SELECT count(*) FROM activity"),
        "volunteers": try count("SELECT coalesce(sum(volunteers), 0) FROM activity"),
        "served": try count("SELECT coalesce(sum(served), 0) FROM activity"),
      ]
    }
    #expect(expected["needs"] ?? 0 > 0 && expected["activities"] ?? 0 > 0, "the demo keeps lists: \(expected)")
    let report = try space.json(["district", "report", demo, files[1], files[2], "--from", "2019", "--format", "json"])
    let lists = subdistricts(report).map { $0["lists"] as? [String: Any] }
    #expect(lists[1] == nil && lists[2] == nil)
    let figures = try #require(lists[0])
    for (key, value) in expected {
      #expect(figures[key] as? Int == value, "\(key): \(figures[key] ?? "nil") vs \(value)")
    }
    #expect((report["total"] as? [String: Any])?["lists"] as? [String: Any] != nil)
    let table = try space.district(["report", demo, files[1], files[2], "--from", "2019"])
    #expect(table.stdout.contains("claim rate"), "\(table)")
    // Without any such table, no such column.
    let plain = try space.district(["report", files[1], files[2], "--from", "2019"])
    #expect(plain.status == 0 && !plain.stdout.contains("claim rate"), "\(plain)")
  }

  @Test func theChineseReportReadsAsADistrictWritesIt() throws {
    let space = Workspace()
    let files = try threeSubdistricts(space)
    let result = try space.district(["report"] + files + ["--from", "2018", "--to", "2019"], language: "zh")
    #expect(result.status == 0, "\(result)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "虹口区各街道区域化党建共建单位情况汇总 · 2018年至2019年 · 按年统计")
    #expect(lines.contains("各街道合计，2018年至2019年：5家 → 6家（净增1家，增长20.0%，年均增长20.0%）"), "\(result)")
    #expect(lines.contains("去重后，2018年至2019年：5家 → 5家（净增0家，增长0.0%，年均增长0.0%）"), "\(result)")
    #expect(hasLine(result.stdout, with: "建设银行虹口支行", "欧阳路街道、嘉兴路街道"), "\(result)")
  }
}

/// The registries of earlier releases (Tests/Fixtures/make-district-fixtures.sh).
enum DistrictFixtures {
  static func path(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/district/\(name)").path
  }
}

/// One part of a workbook, as text.
private func workbookText(_ path: String, _ name: String) throws -> String {
  let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
  let entry = try #require(archive[name], "\(path) has no \(name)")
  var data = Data()
  _ = try archive.extract(entry) { data.append($0) }
  return String(decoding: data, as: UTF8.self)
}
