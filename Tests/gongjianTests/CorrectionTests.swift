import Foundation
import SQLite
import Testing

// End to end through the built binary: corrections (`edit --joined/--left [--period N]`,
// `remove`, `undo`, `registry show|set`) change the growth report as they should, are in the
// history with who made them, and every refusal leaves the registry byte for byte as it was.

extension Workspace {
  /// Everything the registry holds but its history: what a change and its undo must leave as
  /// they found it.
  func content() throws -> String {
    try dump().components(separatedBy: "## ")
      .filter { !$0.hasPrefix("history\n") && !$0.hasPrefix("sqlite_sequence\n") }
      .joined(separator: "## ")
  }

  /// The growth report from 2016 to 2021 as [period, joined, left, net, total] rows.
  func growth(sourceLocation: SourceLocation = #_sourceLocation) throws -> [[Int]] {
    let report = try #require(
      try json("report", "growth", "--from", "2016", "--to", "2021", "--format", "json", sourceLocation: sourceLocation)
        as? [String: Any], sourceLocation: sourceLocation)
    let rows = try #require(report["rows"] as? [[String: Any]], sourceLocation: sourceLocation)
    return rows.map { row in
      [Int(row["period"] as? String ?? "") ?? -1]
        + ["joined", "left", "net", "total"].map { row[$0] as? Int ?? -1 }
    }
  }

  /// The latest history entry, as `history --format json` gives it.
  func lastChange(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let entries = try #require(
      try json("history", "--format", "json", sourceLocation: sourceLocation) as? [[String: Any]],
      sourceLocation: sourceLocation)
    return try #require(entries.last, sourceLocation: sourceLocation)
  }

  /// `show UNIT --format json`.
  func unitJSON(_ unit: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(
      try json("show", unit, "--format", "json", sourceLocation: sourceLocation) as? [String: Any],
      sourceLocation: sourceLocation)
  }
}

/// A JSON value as canonical text, to compare parsed JSON whatever its key order.
private func canonical(_ value: Any?) -> String {
  guard let value, JSONSerialization.isValidJSONObject([value]),
    let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])
  else { return "\(String(describing: value))" }
  return String(decoding: data, as: UTF8.self)
}

/// Growth rows: [period, joined, left, net, total] for 2016…2021.
typealias GrowthRows = [[Int]]

@Suite struct CorrectionCommandTests {
  /// populated() as a report: 上海长远文化 and 房管局 joined in 2016, 房管局 left in 2018, three
  /// units joined in 2019.
  static let populatedGrowth: GrowthRows = [
    [2016, 2, 0, 2, 2], [2017, 0, 0, 0, 2], [2018, 0, 1, -1, 1], [2019, 3, 0, 3, 4], [2020, 0, 0, 0, 4],
    [2021, 0, 0, 0, 4],
  ]

  /// Expects the latest history entry to be a correction with these facts, by this person.
  func expectCorrection(
    in space: Workspace, unit: String, id: Int, by user: String, facts: [String: Any],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let entry = try space.lastChange(sourceLocation: sourceLocation)
    #expect(entry["action"] as? String == "correct period", sourceLocation: sourceLocation)
    #expect(entry["user"] as? String == user, sourceLocation: sourceLocation)
    #expect(entry["unit"] as? String == unit, sourceLocation: sourceLocation)
    #expect(entry["unit_id"] as? Int == id, sourceLocation: sourceLocation)
    #expect(canonical(entry["facts"]) == canonical(facts), "\(entry)", sourceLocation: sourceLocation)
  }

  @Test func aJoiningDateCorrectionMovesTheReport() throws {
    let space = try Workspace.populated()
    #expect(try space.growth() == Self.populatedGrowth)
    let said = try space.ok("edit", "建设银行虹口支行", "--joined", "2018-11-02", "--by", "王芳")
    #expect(hasLine(said, with: "#3", "2019-06-20", "2018-11-02"), "\(said)")
    #expect(
      try space.growth() == [
        [2016, 2, 0, 2, 2], [2017, 0, 0, 0, 2], [2018, 1, 1, 0, 2], [2019, 2, 0, 2, 4], [2020, 0, 0, 0, 4],
        [2021, 0, 0, 0, 4],
      ])
    try expectCorrection(
      in: space, unit: "建设银行虹口支行", id: 3, by: "王芳",
      facts: ["period": 1, "joined_on": ["old": "2019-06-20", "new": "2018-11-02"]])
    // The agreement signed on the joining day moves with it.
    let bank = try space.unitJSON("3")
    #expect(bank["joined_on"] as? String == "2018-11-02")
    #expect((bank["agreements"] as? [[String: Any]])?.map { $0["signed_on"] as? String } == ["2018-11-02"])
    // A correction is not a withdrawal and a rejoining: still one period.
    #expect((bank["periods"] as? [Any])?.count == 1)
  }

  @Test func aLeavingDateCorrectionMovesTheReport() throws {
    let space = try Workspace.populated()
    let user = ["GONGJIAN_USER": "李明"]
    let result = try space.gj(["edit", "房管局", "--left", "2019-01-15"], environment: user)
    #expect(result.status == 0, "\(result)")
    #expect(
      try space.growth() == [
        [2016, 2, 0, 2, 2], [2017, 0, 0, 0, 2], [2018, 0, 0, 0, 2], [2019, 3, 1, 2, 4], [2020, 0, 0, 0, 4],
        [2021, 0, 0, 0, 4],
      ])
    try expectCorrection(
      in: space, unit: "虹口区房管局", id: 5, by: "李明",
      facts: ["period": 1, "left_on": ["old": "2018-06-30", "new": "2019-01-15"]])
    // The working group it left on the old day it now leaves on the new one; the reason stays.
    let housing = try space.unitJSON("5")
    let groups = try #require(housing["group_memberships"] as? [[String: Any]])
    #expect(groups.map { $0["left_on"] as? String } == ["2019-01-15"])
    #expect((housing["periods"] as? [[String: Any]])?.first?["left_reason"] as? String == "机构改革")
    // In the report of a working group too.
    let report = try #require(
      try space.json("report", "growth", "--group", "文明共创", "--from", "2018", "--to", "2019", "--format", "json")
        as? [String: Any])
    let rows = try #require(report["rows"] as? [[String: Any]])
    #expect(rows.map { [$0["left"] as? Int, $0["total"] as? Int] } == [[0, 2], [1, 1]])
  }

  @Test func aGivenPeriodIsCorrected() throws {
    let space = try Workspace.populated()
    try space.ok("rejoin", "房管局", "--on", "2020-03-01")
    try space.ok("withdraw", "房管局", "--on", "2021-06-30")
    let twoPeriods: GrowthRows = [
      [2016, 2, 0, 2, 2], [2017, 0, 0, 0, 2], [2018, 0, 1, -1, 1], [2019, 3, 0, 3, 4], [2020, 1, 0, 1, 5],
      [2021, 0, 1, -1, 4],
    ]
    #expect(try space.growth() == twoPeriods)
    // --by is who made the change, whatever $GONGJIAN_USER says.
    let user = ["GONGJIAN_USER": "李明"]
    let first = try space.gj(["edit", "房管局", "--period", "1", "--left", "2018-12-31", "--by", "王芳"], environment: user)
    #expect(first.status == 0, "\(first)")
    #expect(
      try space.growth() == [
        [2016, 2, 0, 2, 2], [2017, 0, 0, 0, 2], [2018, 0, 1, -1, 1], [2019, 3, 0, 3, 4], [2020, 1, 0, 1, 5],
        [2021, 0, 1, -1, 4],
      ], "2018-06-30 and 2018-12-31 are the same year")
    try expectCorrection(
      in: space, unit: "虹口区房管局", id: 5, by: "王芳",
      facts: ["period": 1, "left_on": ["old": "2018-06-30", "new": "2018-12-31"]])

    try space.ok("edit", "房管局", "--period", "1", "--left", "2019-02-01", "--by", "王芳")
    #expect(
      try space.growth() == [
        [2016, 2, 0, 2, 2], [2017, 0, 0, 0, 2], [2018, 0, 0, 0, 2], [2019, 3, 1, 2, 4], [2020, 1, 0, 1, 5],
        [2021, 0, 1, -1, 4],
      ])
    try space.ok("edit", "房管局", "--period", "2", "--joined", "2019-12-01", "--by", "王芳")
    #expect(
      try space.growth() == [
        [2016, 2, 0, 2, 2], [2017, 0, 0, 0, 2], [2018, 0, 0, 0, 2], [2019, 4, 1, 3, 5], [2020, 0, 0, 0, 5],
        [2021, 0, 1, -1, 4],
      ])
    try expectCorrection(
      in: space, unit: "虹口区房管局", id: 5, by: "王芳",
      facts: ["period": 2, "joined_on": ["old": "2020-03-01", "new": "2019-12-01"]])
    // Without --period, the latest period; a correction to the same dates changes nothing.
    let before = try space.dump()
    let same = try space.ok("edit", "房管局", "--joined", "2019-12-01")
    #expect(hasLine(same, with: "#5", "2"), "\(same)")
    #expect(try space.dump() == before, "nothing to record")
  }

  @Test func removingAUnitRegisteredByMistake() throws {
    let space = try Workspace.populated()
    try space.ok("register", "测试单位", "--joined", "2019-03-01", "--group", "文明共创", "--by", "王芳")
    let withMistake: GrowthRows = [
      [2016, 2, 0, 2, 2], [2017, 0, 0, 0, 2], [2018, 0, 1, -1, 1], [2019, 4, 0, 4, 5], [2020, 0, 0, 0, 5],
      [2021, 0, 0, 0, 5],
    ]
    #expect(try space.growth() == withMistake)

    // Without --yes: what would go, exit 1, nothing changed.
    let rows = try space.dump()
    let bytes = space.bytes(space.registry)
    let preview = try space.gj(["remove", "测试单位"])
    #expect(preview.status == 1, "\(preview)")
    #expect(hasLine(preview.stdout, with: "#6", "测试单位"), "\(preview)")
    #expect(preview.stdout.contains("--yes"), "\(preview)")
    #expect(try space.dump() == rows)
    #expect(space.bytes(space.registry) == bytes)

    let removed = try space.ok("remove", "测试单位", "--yes", "--by", "王芳")
    #expect(hasLine(removed, with: "#6", "测试单位"), "\(removed)")
    #expect(try space.growth() == Self.populatedGrowth)
    let entry = try space.lastChange()
    #expect(entry["action"] as? String == "remove")
    #expect(entry["user"] as? String == "王芳")
    #expect(entry["unit"] as? String == "测试单位")
    #expect(entry["unit_id"] as? Int == 6)
    #expect(canonical(entry["facts"]) == canonical(["name": "测试单位"]))
    let recorded = try #require(entry["before"] as? [String: Any], "the history keeps the whole unit")
    #expect(recorded["name"] as? String == "测试单位")
    #expect((recorded["group_memberships"] as? [[String: Any]])?.first?["group"] as? String == "文明共创")
    #expect(entry["after"] is NSNull)
    // Gone from every listing; its registration stays in the history.
    let units = try #require(try space.json("list", "--all", "--format", "json") as? [[String: Any]])
    #expect(units.compactMap { $0["id"] as? Int }.sorted() == [1, 2, 3, 4, 5])
    let history = try #require(try space.json("history", "--format", "json") as? [[String: Any]])
    #expect(history.filter { $0["unit_id"] as? Int == 6 }.map { $0["action"] as? String } == ["register", "remove"])
    // A new unit does not take its id, so the history of 6 stays the removed unit's.
    let next = try space.ok("register", "新单位", "--joined", "2020-01-01")
    #expect(hasLine(next, with: "#7", "新单位"), "\(next)")
    let own = try #require(try space.json("history", "新单位", "--format", "json") as? [[String: Any]])
    #expect(own.map { $0["action"] as? String } == ["register"])
  }

  @Test func refusedCorrectionsLeaveTheRegistryAsItWas() throws {
    let space = try Workspace.populated()
    try space.ok("rejoin", "房管局", "--on", "2020-03-01")
    try space.ok("group", "join", "浦发银行虹口支行", "文明共创", "--on", "2020-05-01")
    try space.ok("register", "丙单位", "--joined", "2016-05-01", "--group", "文化共享")
    try space.ok("group", "leave", "丙单位", "文化共享", "--on", "2017-01-01")
    try space.ok("agreement", "add", "复旦大学外文学院", "--signed", "2020-01-01")
    try expectRefusals(
      [
        // Data that breaks a date rule: 65.
        Refusal(["edit", "房管局", "--period", "1", "--left", "2016-04-30"], 65, "--left", "2016-04-30", "2016-05-01"),
        Refusal(
          ["edit", "房管局", "--period", "1", "--joined", "2018-07-01"], 65, "--joined", "2018-07-01", "2018-06-30"),
        Refusal(["edit", "建设银行", "--joined", "2026-11-28"], 65, "--joined", "2026-11-28", "2026-11-27"),
        Refusal(["edit", "房管局", "--period", "1", "--left", "2027-01-01"], 65, "--left", "2027-01-01", "2026-11-27"),
        Refusal(["edit", "房管局", "--joined", "2019-02-30"], 65, "--joined", "2019-02-30"),
        Refusal(["edit", "复旦", "--joined", "2019年6月"], 65, "--joined", "2019年6月"),
        // What the registry holds forbids it: 1.
        Refusal(["edit", "房管局", "--period", "1", "--left", "2020-03-02"], 1, "#5", "2", "2020-03-01"),
        Refusal(["edit", "房管局", "--period", "2", "--joined", "2018-06-29"], 1, "#5", "1", "2016-05-01", "2018-06-30"),
        Refusal(["edit", "房管局", "--period", "3", "--joined", "2020-01-01"], 1, "#5", "3", "2"),
        Refusal(["edit", "房管局", "--period", "0", "--joined", "2020-01-01"], 1, "#5", "0"),
        Refusal(["edit", "房管局", "--period=-9223372036854775808", "--joined", "2020-01-01"], 1, "-9223372036854775808"),
        Refusal(["edit", "房管局", "--period=9223372036854775807", "--joined", "2020-01-01"], 1, "9223372036854775807"),
        Refusal(["edit", "长远", "--left", "2020-01-01"], 1, "#1", "2016-03-01", "withdraw"),
        Refusal(["edit", "浦发", "--joined", "2020-06-01"], 1, "#4", "文明共创", "2020-05-01"),
        Refusal(["edit", "丙单位", "--joined", "2018-01-01"], 1, "#6", "文化共享", "2016-05-01", "2017-01-01"),
        Refusal(["edit", "复旦", "--joined", "2020-06-01"], 1, "#2", "2020-01-01"),
        Refusal(["edit", "不存在的单位", "--joined", "2019-01-01"], 1, "不存在的单位"),
        // Put wrongly: 64.
        Refusal(["edit", "房管局", "--period", "1"], 64, "--period", "--joined", "--left"),
        Refusal(["edit", "房管局", "--left", "2019-01-01", "--kind", "高校"], 64, "--left"),
        Refusal(["edit", "房管局", "--joined", "2019-01-01", "--name", "新名"], 64, "--joined"),
        .usage(["edit", "房管局", "--period", "一", "--joined", "2019-01-01"], naming: "--period"),
        .usage(["remove"], naming: "<unit>"),
        Refusal(["remove", "不存在的单位"], 1, "不存在的单位"),
        Refusal(["registry", "set"], 64, "--subdistrict", "--district"),
        Refusal(["registry", "set", "--district", "虹\u{7}口"], 65, "--district", "U+0007"),
      ], in: space)
    #expect(try space.unitJSON("5")["joined_on"] as? String == "2020-03-01")
  }

  @Test func theRegistrysOwnDetails() throws {
    let space = try Workspace.populated()
    let shown = try space.ok("registry", "show")
    #expect(hasLine(shown, with: "欧阳路街道"), "\(shown)")
    #expect(hasLine(shown, with: "虹口区"), "\(shown)")
    #expect(shown.contains(space.registry), "\(shown)")
    try space.ok("registry", "set", "--subdistrict", "曲阳路街道", "--by", "王芳")
    let changed = try space.ok("registry", "show")
    #expect(hasLine(changed, with: "曲阳路街道") && hasLine(changed, with: "虹口区"), "\(changed)")
    let entry = try space.lastChange()
    #expect(entry["action"] as? String == "registry set")
    #expect(entry["user"] as? String == "王芳")
    #expect(
      canonical(entry["facts"])
        == canonical([
          "subdistrict": ["old": "欧阳路街道", "new": "曲阳路街道"], "district": ["old": "虹口区", "new": "虹口区"],
        ]))
    // Setting what is already set records nothing.
    let rows = try space.dump()
    try space.ok("registry", "set", "--district", "虹口区")
    #expect(try space.dump() == rows)
  }
}

@Suite struct UndoCommandTests {
  /// Runs `change`, then `undo` (which only shows it, exit 1, nothing changed) and
  /// `undo --yes --by 王芳`, and expects the registry's content to be as before the change and
  /// the undo to be in the history.
  func expectUndone(
    _ change: [String], action: String, in space: Workspace, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let label = change.joined(separator: " ")
    let before = try space.content()
    let made = try space.gj(change)
    try #require(made.status == 0, "\(label): \(made)", sourceLocation: sourceLocation)
    #expect(try space.content() != before, "\(label) changed nothing", sourceLocation: sourceLocation)

    let rows = try space.dump()
    let bytes = space.bytes(space.registry)
    let preview = try space.gj(["undo"])
    #expect(preview.status == 1, "\(label): \(preview)", sourceLocation: sourceLocation)
    #expect(preview.stdout.contains(change[0]), "\(label): \(preview)", sourceLocation: sourceLocation)
    #expect(preview.stdout.contains("--yes"), "\(label): \(preview)", sourceLocation: sourceLocation)
    #expect(try space.dump() == rows, "\(label): the preview changed the registry", sourceLocation: sourceLocation)
    #expect(space.bytes(space.registry) == bytes, "\(label)", sourceLocation: sourceLocation)

    let undone = try space.gj(["undo", "--yes", "--by", "王芳"])
    #expect(undone.status == 0, "\(label): \(undone)", sourceLocation: sourceLocation)
    #expect(try space.content() == before, "\(label) was not undone exactly", sourceLocation: sourceLocation)
    // One undo entry per entry of the change taken back (an import's updates have their own).
    let entries = try #require(
      try space.json("history", "--format", "json", sourceLocation: sourceLocation) as? [[String: Any]],
      sourceLocation: sourceLocation)
    let undos = entries.reversed().prefix { $0["action"] as? String == "undo" }
    #expect(undos.allSatisfy { $0["user"] as? String == "王芳" }, "\(label)", sourceLocation: sourceLocation)
    let undoneActions = undos.compactMap { ($0["facts"] as? [String: Any])?["undone_action"] as? String }
    #expect(undoneActions.contains(action), "\(label): \(undoneActions)", sourceLocation: sourceLocation)
  }

  @Test func everyKindOfChangeIsUndone() throws {
    let space = try Workspace.populated()
    try expectUndone(
      ["register", "新单位", "--joined", "2020-01-01", "--group", "文明共创", "--kind", "高校"], action: "register", in: space)
    try expectUndone(["edit", "复旦", "--kind", "事业单位", "--phone", "021-1234"], action: "edit", in: space)
    try expectUndone(
      ["edit", "复旦", "--name", "复旦大学外国语言文学学院", "--renamed-on", "2020-09-01"], action: "edit", in: space)
    try expectUndone(["withdraw", "复旦", "--on", "2024-06-30", "--reason", "调整"], action: "withdraw", in: space)
    try expectUndone(["rejoin", "房管局", "--on", "2020-03-01", "--group", "文化共享"], action: "rejoin", in: space)
    try expectUndone(["group", "add", "新专项组", "--established", "2020-01-01"], action: "group add", in: space)
    try expectUndone(["group", "join", "建设银行", "文明共创", "--on", "2020-01-01"], action: "group join", in: space)
    try expectUndone(
      ["group", "join", "复旦", "文化共享", "--lead", "--on", "2021-01-01"], action: "group join", in: space)
    try expectUndone(["group", "leave", "复旦", "文化共享", "--on", "2022-01-01"], action: "group leave", in: space)
    try expectUndone(
      ["agreement", "add", "长远", "--signed", "2026-01-01", "--expires", "2028-12-31", "--signatory", "罗英华"],
      action: "agreement add", in: space)
    try expectUndone(["edit", "房管局", "--left", "2018-12-31"], action: "correct period", in: space)
    try expectUndone(["edit", "房管局", "--joined", "2016-04-01"], action: "correct period", in: space)
    try expectUndone(
      ["registry", "set", "--subdistrict", "曲阳路街道", "--district", "杨浦区"], action: "registry set", in: space)
  }

  @Test func aRemovedUnitComesBack() throws {
    let space = try Workspace.populated()
    // 浦发 (#4, between others) gets a former name, a working group and a renewal first.
    try space.ok("edit", "浦发", "--name", "上海浦东发展银行虹口支行", "--renamed-on", "2020-01-01")
    try space.ok("group", "join", "4", "文明共创", "--on", "2020-05-01")
    try space.ok("agreement", "add", "4", "--signed", "2022-06-20", "--signatory", "李行长")
    try space.ok("withdraw", "4", "--on", "2023-01-01")
    try space.ok("rejoin", "4", "--on", "2024-01-01", "--group", "文化共享")
    let shown = try space.unitJSON("4")
    let listed = try space.ok("list", "--all", "--format", "json")
    let history = try space.ok("history", "4", "--format", "json")
    try expectUndone(["remove", "4", "--yes"], action: "remove", in: space)
    #expect(canonical(try space.unitJSON("4")) == canonical(shown))
    #expect(try space.ok("list", "--all", "--format", "json") == listed)
    #expect(try space.unitJSON("浦发银行虹口支行")["id"] as? Int == 4, "the former name finds it")
    let historyNow = try #require(try space.json("history", "4", "--format", "json") as? [[String: Any]])
    let historyBefore = try #require(try JSONSerialization.jsonObject(with: Data(history.utf8)) as? [[String: Any]])
    #expect(historyNow.prefix(historyBefore.count).map(canonical) == historyBefore.map(canonical))
    #expect(historyNow.suffix(2).map { $0["action"] as? String } == ["remove", "undo"])
  }

  @Test func aWholeImportIsUndone() throws {
    let space = try Workspace.populated()
    let file = space.file("名单.csv")
    try Data(
      """
      单位名称,加入日期,退出日期,单位类别,联系电话,专项组
      建设银行虹口支行,2019-06-20,,金融机构,021-6666,
      复旦大学外文学院,2019-06-20,2023-06-30,高校,,
      虹口区司法局,2019-06-27,,党政机关,,文明共创（牵头）
      虹口烟草糖酒有限公司,2018-03-01,,国有企业,,志愿服务

      """.utf8
    ).write(to: URL(fileURLWithPath: file))
    let before = try space.ok("list", "--all", "--format", "json")
    try expectUndone(["import", file, "--update", "--create-groups"], action: "import", in: space)
    #expect(try space.ok("list", "--all", "--format", "json") == before)
    let groups = try space.ok("group", "list", "--format", "json")
    #expect(!groups.contains("志愿服务"), "the group the import created is gone")
    // The undo says how many units it removed, and took back the updates too.
    let entries = try #require(try space.json("history", "--format", "json") as? [[String: Any]])
    let undone = entries.suffix(3).map { $0["facts"] as? [String: Any] }
    #expect(undone.map { $0?["undone_action"] as? String } == ["import", "withdraw", "edit"])
    #expect(undone.first??["removed_units"] as? Int == 2)
  }

  /// The three mistakes of a year at the desk, each taken back by `undo`: the growth report
  /// shows the mistake, then is as before it; the undo is in the history, by its operator,
  /// naming the unit and the change it took back.
  @Test(arguments: DeskMistake.all) func undoingAMistakeRestoresTheReport(_ mistake: DeskMistake) throws {
    let space = try Workspace.populated()
    #expect(try space.growth() == CorrectionCommandTests.populatedGrowth)
    let made = try space.gj(mistake.arguments)
    try #require(made.status == 0, "\(made)")
    #expect(try space.growth() == mistake.growth)
    #expect(try space.lastChange()["action"] as? String == mistake.action)

    try space.ok("undo", "--yes", "--by", "王芳")
    #expect(try space.growth() == CorrectionCommandTests.populatedGrowth)
    let entry = try space.lastChange()
    #expect(entry["action"] as? String == "undo")
    #expect(entry["user"] as? String == "王芳")
    #expect(entry["unit"] as? String == mistake.unit)
    #expect(entry["unit_id"] as? Int == mistake.id)
    let facts = try #require(entry["facts"] as? [String: Any], "\(entry)")
    #expect(facts["undone_action"] as? String == mistake.action)
    #expect(facts["undone_batch"] is Int)
    // The unit as it was before the mistake is what the undo left.
    let restored = try #require(entry["after"] as? [String: Any], "\(entry)")
    #expect(restored["name"] as? String == mistake.unit)
    #expect(canonical(restored["periods"]) != canonical((entry["before"] as? [String: Any])?["periods"]))
  }

  @Test func eachUndoGoesOneStepFurtherBack() throws {
    let space = Workspace()
    try space.initRegistry()
    let initial = try space.content()
    try space.ok("register", "甲单位", "--joined", "2019-01-01")
    let afterFirst = try space.content()
    try space.ok("register", "乙单位", "--joined", "2019-02-01")
    try space.ok("undo", "--yes")
    #expect(try space.content() == afterFirst)
    // The next undo takes back 甲's registration, not the undo just made.
    let preview = try space.gj(["undo"])
    #expect(preview.status == 1)
    #expect(preview.stdout.contains("甲单位") && !preview.stdout.contains("乙单位"), "\(preview)")
    try space.ok("undo", "--yes")
    #expect(try space.content() == initial)
    let actions = try #require(try space.json("history", "--format", "json") as? [[String: Any]])
      .map { $0["action"] as? String }
    #expect(actions == ["init", "register", "register", "undo", "undo"])
    // Back at the start: nothing to undo, and nothing changes.
    try expectRefusals(
      [Refusal(["undo"], 1), Refusal(["undo", "--yes"], 1)], in: space)
  }

  @Test func undoRefusals() throws {
    // A new registry: its creation is not undone.
    let fresh = Workspace()
    try fresh.initRegistry(["--subdistrict", "欧阳路街道"])
    try expectRefusals([Refusal(["undo"], 1), Refusal(["undo", "--yes"], 1)], in: fresh)

    // A unit changed since by something the history does not show.
    let space = try Workspace.populated()
    try space.ok("edit", "建设银行", "--phone", "021-6666")
    do {
      let db = try Connection(path: space.registry)
      try db.execute("UPDATE unit SET note = 'changed by hand' WHERE id = 3")
    }
    try expectRefusals(
      [
        Refusal(["undo"], 1, "#3", "建设银行虹口支行"),
        Refusal(["undo", "--yes"], 1, "#3", "建设银行虹口支行"),
        .usage(["undo", "--yes", "--bogus"], naming: "--bogus"),
      ], in: space)
  }
}

/// A mistake made on `populated()`, and the growth report (2016…2021) it leads to.
struct DeskMistake: CustomTestStringConvertible, Sendable {
  var arguments: [String]
  /// The history action the mistake is recorded as.
  var action: String
  var unit: String
  var id: Int
  var growth: GrowthRows

  var testDescription: String { arguments.joined(separator: " ") }

  static let all: [DeskMistake] = [
    DeskMistake(
      arguments: ["withdraw", "建设银行", "--on", "2020-05-01"], action: "withdraw", unit: "建设银行虹口支行", id: 3,
      growth: [
        [2016, 2, 0, 2, 2], [2017, 0, 0, 0, 2], [2018, 0, 1, -1, 1], [2019, 3, 0, 3, 4], [2020, 0, 1, -1, 3],
        [2021, 0, 0, 0, 3],
      ]),
    DeskMistake(
      arguments: ["edit", "建设银行", "--joined", "2018-11-02"], action: "correct period", unit: "建设银行虹口支行", id: 3,
      growth: [
        [2016, 2, 0, 2, 2], [2017, 0, 0, 0, 2], [2018, 1, 1, 0, 2], [2019, 2, 0, 2, 4], [2020, 0, 0, 0, 4],
        [2021, 0, 0, 0, 4],
      ]),
    DeskMistake(
      arguments: ["remove", "复旦", "--yes"], action: "remove", unit: "复旦大学外文学院", id: 2,
      growth: [
        [2016, 2, 0, 2, 2], [2017, 0, 0, 0, 2], [2018, 0, 1, -1, 1], [2019, 2, 0, 2, 3], [2020, 0, 0, 0, 3],
        [2021, 0, 0, 0, 3],
      ]),
  ]
}
