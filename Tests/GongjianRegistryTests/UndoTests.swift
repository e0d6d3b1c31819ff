import Foundation
import SQLite
import Testing

@testable import GongjianRegistry

// `undo` at the registry level: every kind of change taken back leaves the registry's content
// exactly as it was before the change (row ids and creation times included), refusals change
// nothing, and the history keeps the undo as a change of its own.

extension Registry {
  /// Every row of every table but the history (and SQLite's own bookkeeping): what a change
  /// and its undo must leave as they found it.
  func content() throws -> String {
    var names: [String] = []
    let tables = try db.prepare(
      """
      SELECT name FROM sqlite_schema
      WHERE type = 'table' AND name NOT IN ('history', 'sqlite_sequence') ORDER BY name
      """)
    while try tables.step() { names.append(try tables.required(0)) }
    var text = ""
    for name in names {
      text += "## \(name)\n"
      let rows = try db.prepare("SELECT * FROM \"\(name)\" ORDER BY rowid")
      while try rows.step() {
        var cells: [String] = []
        for column in 0..<rows.columnCount {
          switch rows.columnType(column) {
          case .null: cells.append("NULL")
          case .integer: cells.append(String(try rows.required(column, as: Int64.self)))
          case .real: cells.append(String(try rows.required(column, as: Double.self)))
          case .text: cells.append(try rows.required(column, as: String.self))
          case .blob: cells.append("blob")
          }
        }
        text += cells.joined(separator: "|") + "\n"
      }
    }
    return text
  }
}

/// A registry with history to undo: two groups; 1 上海长远文化(集团)有限公司 (lead of 文明共创,
/// renamed once), 2 复旦大学外文学院 (文化共享), 3 建设银行虹口支行, 4 虹口区房管局 (left
/// 2018-06-30, then rejoined 2020-03-01), 5 浦发银行虹口支行 with a renewal.
private func storied() throws -> TestRegistry {
  let test = try TestRegistry()
  let registry = test.registry
  try registry.addGroup("文明共创", established: "2016-01-01")
  try registry.addGroup("文化共享", established: "2016-01-01")
  try registry.add("上海长远文化有限公司", joined: "2016-03-01", kind: "国有企业", groups: ["文明共创"], lead: true)
  _ = try registry.editUnit(
    UnitID(1), UnitChanges(name: "上海长远文化(集团)有限公司", renamedOn: day("2018-01-01")))
  try registry.add("复旦大学外文学院", joined: "2019-06-20", kind: "高校", groups: ["文化共享"])
  try registry.add("建设银行虹口支行", joined: "2019-06-20", kind: "金融机构")
  try registry.add("虹口区房管局", joined: "2016-05-01", kind: "党政机关", groups: ["文明共创"])
  _ = try registry.withdraw("房管局", on: day("2018-06-30"), reason: "机构改革")
  _ = try registry.rejoin("房管局", on: day("2020-03-01"), groups: ["文化共享"])
  try registry.add("浦发银行虹口支行", joined: "2019-06-20", kind: "金融机构", expires: "2021-06-19")
  _ = try registry.addAgreement(unit: "浦发", signedOn: day("2021-06-01"))
  return test
}

@Suite struct UndoTests {
  /// Makes `change`, checks that it changed something, undoes it, and checks that the content
  /// is back as it was and that the undo is in the history with what it took back.
  func expectUndone(
    _ name: String, in registry: Registry, sourceLocation: SourceLocation = #_sourceLocation,
    _ change: () throws -> Void
  ) throws {
    let before = try registry.content()
    let entriesBefore = try registry.history().count
    try change()
    #expect(try registry.content() != before, "\(name) changed nothing", sourceLocation: sourceLocation)
    let changes = try registry.history().dropFirst(entriesBefore)
    let plan = try registry.undoPlan()
    #expect(plan.entries.map(\.id) == changes.reversed().map(\.id), "\(name)", sourceLocation: sourceLocation)
    #expect(try registry.undo() == plan, "\(name)", sourceLocation: sourceLocation)
    #expect(try registry.content() == before, "\(name) was not undone exactly", sourceLocation: sourceLocation)
    let undone = try registry.history().dropFirst(entriesBefore + changes.count)
    #expect(
      undone.count == changes.count, "\(name): one undo entry per entry taken back", sourceLocation: sourceLocation)
    for entry in undone {
      #expect(entry.change == .undo, "\(name)", sourceLocation: sourceLocation)
      #expect(entry.facts?["undone_batch"]?.intValue == changes.first?.batch, "\(name)", sourceLocation: sourceLocation)
    }
    #expect(
      undone.map { $0.facts?["undone_action"]?.stringValue } == changes.reversed().map(\.action),
      "\(name): taken back latest first", sourceLocation: sourceLocation)
    #expect(Set(undone.map(\.batch)).count == 1, "\(name): the undo is one batch", sourceLocation: sourceLocation)
  }

  @Test func everyKindOfChangeIsUndoneExactly() throws {
    let test = try storied()
    let registry = test.registry
    let fudan = try registry.resolveUnit("复旦").id
    let bank = try registry.resolveUnit("建设银行").id
    let housing = try registry.resolveUnit("房管局").id
    let civility = try registry.resolveGroup("文明共创").id
    let culture = try registry.resolveGroup("文化共享").id

    try expectUndone("register", in: registry) {
      try registry.add("新单位", joined: "2020-01-01", kind: "高校", groups: ["文明共创"], lead: true)
    }
    try expectUndone("edit details", in: registry) {
      _ = try registry.editUnit(
        fudan, UnitChanges(details: UnitDetails(kind: "事业单位", contactName: "陈老师", contactPhone: "021-1234")))
    }
    try expectUndone("rename", in: registry) {
      _ = try registry.editUnit(fudan, UnitChanges(name: "复旦大学外国语言文学学院", renamedOn: day("2020-09-01")))
    }
    try expectUndone("rename back to a former name", in: registry) {
      _ = try registry.editUnit(UnitID(1), UnitChanges(name: "上海长远文化有限公司", renamedOn: day("2022-01-01")))
    }
    try expectUndone("withdraw", in: registry) {
      _ = try registry.withdraw(fudan, on: day("2024-06-30"), reason: "调整")
    }
    _ = try registry.withdraw(housing, on: day("2024-06-30"), reason: nil)
    try expectUndone("rejoin", in: registry) {
      _ = try registry.rejoin(
        housing, on: day("2025-01-01"), agreement: AgreementTerms(signatory: "王强"), groups: [civility], lead: true)
    }
    _ = try registry.undo()
    try expectUndone("group add", in: registry) {
      try registry.addGroup("新专项组", established: "2020-01-01")
    }
    try expectUndone("group join", in: registry) {
      _ = try registry.joinGroup(unit: bank, group: civility, on: day("2020-01-01"), role: .member)
    }
    try expectUndone("group join as lead (a change of role)", in: registry) {
      _ = try registry.joinGroup(unit: fudan, group: culture, on: day("2021-01-01"), role: .lead)
    }
    try expectUndone("group leave", in: registry) {
      _ = try registry.leaveGroup(unit: fudan, group: culture, on: day("2022-01-01"))
    }
    try expectUndone("agreement add", in: registry) {
      _ = try registry.addAgreement(
        unit: UnitID(1), signedOn: day("2026-01-01"),
        terms: AgreementTerms(signatory: "罗英华", signatoryTitle: "党委书记", expiresOn: day("2028-12-31")))
    }
    try expectUndone("period correction", in: registry) {
      _ = try registry.correctPeriod(housing, period: 1, joinedOn: day("2016-04-01"), leftOn: day("2018-12-31"))
    }
    try expectUndone("registry set", in: registry) {
      _ = try registry.updateSettings(subdistrict: "曲阳路街道", district: nil)
    }
  }

  @Test func aRemovedUnitComesBackWithEverything() throws {
    let test = try storied()
    let registry = test.registry
    // The unit in the middle of the ids, with two periods, two agreements, groups and a former name.
    let housing = try registry.resolveUnit("房管局").id
    _ = try registry.editUnit(housing, UnitChanges(name: "虹口区房屋管理局", renamedOn: day("2021-01-01")))
    let detail = try registry.unitDetail(housing)
    #expect(detail.periods.count == 2 && detail.agreements.count == 2 && detail.groups.count == 2)
    #expect(detail.formerNames.map(\.name) == ["虹口区房管局"])
    let history = try registry.history(unit: housing)

    try expectUndone("remove", in: registry) { _ = try registry.removeUnit(housing) }
    #expect(try registry.unitDetail(housing) == detail)
    #expect(try registry.resolveUnit("虹口区房管局").id == housing, "the former name finds it again")
    #expect(try registry.history(unit: housing).prefix(history.count) == history[...])
  }

  @Test func aRemovalIsRecordedWithTheWholeUnit() throws {
    let test = try storied()
    let registry = test.registry
    let housing = try registry.resolveUnit("房管局").id
    let detail = try registry.unitDetail(housing)
    let before = try registry.content()
    _ = try registry.removeUnit(housing)
    #expect(throws: Refusal.noSuchID(.unit, id: housing.rawValue)) { try registry.unitDetail(housing) }
    let entry = try #require(try registry.history().last)
    #expect(entry.change == .remove)
    #expect(entry.unit == UnitReference(id: housing, name: "虹口区房管局"), "named as it was")
    #expect(entry.facts == .object(["name": .string("虹口区房管局")]))
    #expect(entry.after == nil)
    let recorded = try #require(entry.before.flatMap(JSONReader.parse))
    #expect(recorded["name"]?.stringValue == "虹口区房管局")
    #expect(recorded["periods"]?.arrayValue?.count == 2)
    #expect(recorded["agreements"]?.arrayValue?.count == detail.agreements.count)
    #expect(recorded["group_memberships"]?.arrayValue?.count == detail.groups.count)
    #expect(recorded["created_at"]?.stringValue == detail.createdAt)
    // The unit's earlier entries stay in the history, under its name.
    #expect(
      try registry.history().filter { $0.unit?.id == housing }.map(\.change) == [
        .register, .withdraw, .rejoin, .remove,
      ])
    // Nothing of it is left in the data.
    for table in ["membership", "agreement", "group_membership", "unit_former_name"] {
      let rows = try registry.db.scalar(Int.self, sql: "SELECT count(*) FROM \(identifier: table) WHERE unit_id = 4")
      #expect(rows == 0, "\(table)")
    }
    _ = try registry.undo()
    #expect(try registry.content() == before)
  }

  @Test func aNewUnitNeverTakesTheIdOfARemovedOne() throws {
    let test = try storied()
    let registry = test.registry
    _ = try registry.removeUnit(UnitID(5))
    let next = try registry.add("新单位甲", joined: "2020-01-01")
    #expect(next.unit.id == UnitID(6), "5 is the removed unit's, in the history")
    // Nor of one whose registration was undone.
    _ = try registry.undo()
    let again = try registry.add("新单位乙", joined: "2020-01-01")
    #expect(again.unit.id == UnitID(7))
    #expect(try registry.history(unit: UnitID(7)).map(\.change) == [.register], "only its own history")
    // Undoing the removal still brings unit 5 back under its own id.
    _ = try registry.undo()
    _ = try registry.undo()
    #expect(try registry.unitDetail(UnitID(5)).name == "浦发银行虹口支行")
  }

  @Test func aWholeImportIsUndone() throws {
    let test = try storied()
    let registry = test.registry
    let file = test.folder.file("名单.csv")
    try Data(
      """
      单位名称,加入日期,退出日期,单位类别,联系电话,专项组
      建设银行虹口支行,2019-06-20,,金融机构,021-6666,
      复旦大学外文学院,2019-06-20,2023-06-30,高校,,
      虹口区司法局,2019-06-27,,党政机关,,文明共创（牵头）
      虹口烟草糖酒有限公司,2018-03-01,,国有企业,,志愿服务
      """.utf8
    ).write(to: URL(fileURLWithPath: file))
    try expectUndone("import", in: registry) {
      let summary = try registry.importFile(file, options: ImportOptions(update: true, createGroups: true))
      #expect(summary.added == 2 && summary.updated == 2)
      #expect(summary.createdGroups == ["志愿服务"])
    }
    #expect(throws: Refusal.self) { try registry.resolveGroup("志愿服务") }
    let units = try registry.listUnits(UnitFilter(all: true)).map(\.name)
    #expect(!units.contains("虹口区司法局") && !units.contains("虹口烟草糖酒有限公司"))
  }

  @Test func anUndoIsNotUndoneAndASecondUndoGoesFurtherBack() throws {
    let test = try TestRegistry()
    let registry = test.registry
    let initial = try registry.content()
    try registry.add("甲单位", joined: "2019-01-01")
    let afterFirst = try registry.content()
    try registry.add("乙单位", joined: "2019-02-01")
    _ = try registry.editUnit(UnitID(2), UnitChanges(details: UnitDetails(note: "备注")))

    _ = try registry.undo()
    #expect(try registry.unitDetail(UnitID(2)).details.note == nil)
    _ = try registry.undo()
    #expect(try registry.content() == afterFirst, "the second undo takes back 乙's registration, not the first undo")
    #expect(try registry.undoPlan().entries.map(\.unit?.name) == ["甲单位"])
    _ = try registry.undo()
    #expect(try registry.content() == initial)
    #expect(try registry.history().suffix(3).allSatisfy { $0.change == .undo })

    // Back at the registry's creation: nothing to undo, and nothing changes.
    let history = try registry.history()
    #expect(throws: Refusal.nothingToUndo) { try registry.undoPlan() }
    #expect(throws: Refusal.nothingToUndo) { try registry.undo() }
    #expect(try registry.history() == history)

    // A change after undos is the next one taken back.
    try registry.add("丙单位", joined: "2019-03-01")
    #expect(try registry.undoPlan().entries.map(\.unit?.name) == ["丙单位"])
  }

  @Test func aFreshRegistryHasNothingToUndo() throws {
    let test = try TestRegistry()
    let before = try test.registry.snapshot()
    #expect(throws: Refusal.nothingToUndo) { try test.registry.undoPlan() }
    #expect(throws: Refusal.nothingToUndo) { try test.registry.undo() }
    #expect(try test.registry.snapshot() == before)
  }

  @Test func aUnitChangedOutsideTheHistoryIsNotUndone() throws {
    let test = try storied()
    let registry = test.registry
    _ = try registry.editUnit(UnitID(3), UnitChanges(details: UnitDetails(contactPhone: "021-6666")))
    // A change the history does not show (another program wrote to the file).
    try registry.db.run(sql: "UPDATE unit SET note = 'changed by hand' WHERE id = 3")
    let before = try registry.snapshot()
    let expected = Refusal.cannotUndo(
      action: "edit", at: try #require(try registry.history().last?.at),
      reason: .changedSince(UnitReference(id: UnitID(3), name: "建设银行虹口支行")))
    #expect(throws: expected) { try registry.undoPlan() }
    #expect(throws: expected) { try registry.undo() }
    #expect(try registry.snapshot() == before)
  }

  @Test func aGroupInUseIsNotRemovedByUndo() throws {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.add("甲单位", joined: "2019-01-01")
    let group = try registry.addGroup("新专项组", established: "2019-01-01")
    try registry.db.run(
      sql: """
        INSERT INTO group_membership (unit_id, group_id, role, joined_on)
        VALUES (1, \(group.id.rawValue), 'member', '2019-01-01')
        """)
    let before = try registry.snapshot()
    let at = try #require(try registry.history().last?.at)
    #expect(throws: Refusal.cannotUndo(action: "group add", at: at, reason: .groupInUse(group))) {
      try registry.undo()
    }
    #expect(try registry.snapshot() == before)
  }

  @Test func entriesFromBeforeFactsCannotBeUndone() throws {
    let test = try TestRegistry()
    let registry = test.registry
    // An entry as gongjian 0.1 wrote it: an English summary, no facts.
    try registry.db.run(
      sql: """
        INSERT INTO history (at, os_user, command, action, entity, entity_id, unit_id, unit_name, summary, batch)
        VALUES ('2020-01-01T00:00:00Z', 'root', 'gongjian edit 1 --kind x', 'edit', 'unit', 1, 1, '甲单位',
                'kind: a -> x', 99)
        """)
    let before = try registry.snapshot()
    let expected = Refusal.cannotUndo(action: "edit", at: "2020-01-01T00:00:00Z", reason: .notReversible)
    #expect(throws: expected) { try registry.undoPlan() }
    #expect(throws: expected) { try registry.undo() }
    #expect(try registry.snapshot() == before)
  }
}

@Suite struct PeriodCorrectionTests {
  @Test func aCorrectionMovesWhatBeganAndEndedWithThePeriod() throws {
    let test = try storied()
    let registry = test.registry
    let housing = try registry.resolveUnit("房管局").id
    let correction = try registry.correctPeriod(
      housing, period: 1, joinedOn: day("2016-04-01"), leftOn: day("2018-12-31"))
    #expect(correction.period == 1)
    #expect(correction.before.joinedOn == day("2016-05-01") && correction.before.leftOn == day("2018-06-30"))
    #expect(correction.after.joinedOn == day("2016-04-01") && correction.after.leftOn == day("2018-12-31"))
    let detail = try registry.unitDetail(housing)
    #expect(detail.periods.map(\.joinedOn) == [day("2016-04-01"), day("2020-03-01")])
    #expect(detail.periods.first?.leftReason == "机构改革", "the reason stays")
    #expect(detail.agreements.map(\.signedOn) == [day("2016-04-01"), day("2020-03-01")])
    let civility = try #require(detail.groups.first { $0.group.name == "文明共创" })
    #expect(civility.joinedOn == day("2016-04-01") && civility.leftOn == day("2018-12-31"))
    let entry = try #require(try registry.history().last)
    #expect(entry.change == .correctPeriod)
    #expect(
      entry.facts
        == .object([
          "period": .int(1),
          "joined_on": .object(["old": .string("2016-05-01"), "new": .string("2016-04-01")]),
          "left_on": .object(["old": .string("2018-06-30"), "new": .string("2018-12-31")]),
        ]))
  }

  @Test func aGroupFoundedLaterKeepsItsFoundingDay() throws {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.addGroup("新专项组", established: "2019-01-01")
    try registry.add("甲单位", joined: "2019-01-01", groups: ["新专项组"])
    _ = try registry.correctPeriod(UnitID(1), period: nil, joinedOn: day("2018-05-01"), leftOn: nil)
    let detail = try registry.unitDetail(UnitID(1))
    #expect(detail.groups.first?.joinedOn == day("2019-01-01"), "joined on the group's founding day")
    #expect(detail.periods.first?.joinedOn == day("2018-05-01"))
  }

  @Test func refusalsChangeNothing() throws {
    let test = try storied()
    let registry = test.registry
    let housing = try registry.resolveUnit("房管局").id
    let bank = try registry.resolveUnit("建设银行").id
    // 建设银行 joins 文明共创 a year after it joined the alliance; 上海长远文化 renews.
    _ = try registry.joinGroup(
      unit: bank, group: try registry.resolveGroup("文明共创").id, on: day("2020-06-01"), role: .member)
    // 复旦 left 文化共享 on its own, before leaving the alliance.
    let fudan = try registry.resolveUnit("复旦").id
    _ = try registry.leaveGroup(unit: fudan, group: try registry.resolveGroup("文化共享").id, on: day("2020-01-01"))
    _ = try registry.addAgreement(unit: UnitID(1), signedOn: day("2020-01-01"), terms: AgreementTerms())
    let before = try registry.snapshot()
    let housingReference = UnitReference(id: housing, name: "虹口区房管局")
    let bankReference = UnitReference(id: bank, name: "建设银行虹口支行")
    let cases: [(String, () throws -> Void, Refusal)] = [
      (
        "leaving before joining",
        { _ = try registry.correctPeriod(housing, period: 1, joinedOn: nil, leftOn: day("2016-04-30")) },
        .invalid(.leftOn, .leavingBeforeJoining(left: day("2016-04-30"), joined: day("2016-05-01")))
      ),
      (
        "joining after leaving",
        { _ = try registry.correctPeriod(housing, period: 1, joinedOn: day("2018-07-01"), leftOn: nil) },
        .invalid(.joinedOn, .leavingBeforeJoining(left: day("2018-06-30"), joined: day("2018-07-01")))
      ),
      (
        "joining after today",
        { _ = try registry.correctPeriod(bank, period: nil, joinedOn: day("2026-11-28"), leftOn: nil) },
        .invalid(.joinedOn, .afterToday(.joining, day("2026-11-28"), today: testToday))
      ),
      (
        "overlapping the next period",
        { _ = try registry.correctPeriod(housing, period: 1, joinedOn: nil, leftOn: day("2020-03-02")) },
        .periodsWouldOverlap(housingReference, period: 2, joinedOn: day("2020-03-01"), leftOn: nil)
      ),
      (
        "overlapping the previous period",
        { _ = try registry.correctPeriod(housing, period: 2, joinedOn: day("2018-06-29"), leftOn: nil) },
        .periodsWouldOverlap(housingReference, period: 1, joinedOn: day("2016-05-01"), leftOn: day("2018-06-30"))
      ),
      (
        "no period 3", { _ = try registry.correctPeriod(housing, period: 3, joinedOn: day("2020-01-01"), leftOn: nil) },
        .noSuchPeriod(housingReference, number: 3, count: 2)
      ),
      (
        "no period 0", { _ = try registry.correctPeriod(housing, period: 0, joinedOn: day("2020-01-01"), leftOn: nil) },
        .noSuchPeriod(housingReference, number: 0, count: 2)
      ),
      (
        "the smallest integer",
        { _ = try registry.correctPeriod(housing, period: Int.min, joinedOn: day("2020-01-01"), leftOn: nil) },
        .noSuchPeriod(housingReference, number: Int.min, count: 2)
      ),
      (
        "the leaving date of an open period",
        { _ = try registry.correctPeriod(housing, period: nil, joinedOn: nil, leftOn: day("2021-01-01")) },
        .leavingAnOpenPeriod(housingReference, since: day("2020-03-01"))
      ),
      (
        "a group membership that began later",
        { _ = try registry.correctPeriod(bank, period: nil, joinedOn: day("2020-07-01"), leftOn: nil) },
        .correctionStrandsGroupMembership(
          bankReference, group: GroupReference(id: GroupID(1), name: "文明共创"), joinedOn: day("2020-06-01"), leftOn: nil)
      ),
      (
        "a group membership that ended before the new joining date",
        { _ = try registry.correctPeriod(fudan, period: nil, joinedOn: day("2020-02-01"), leftOn: nil) },
        .correctionStrandsGroupMembership(
          UnitReference(id: fudan, name: "复旦大学外文学院"), group: GroupReference(id: GroupID(2), name: "文化共享"),
          joinedOn: day("2019-06-20"), leftOn: day("2020-01-01"))
      ),
      (
        "a renewal signed before the new joining date",
        { _ = try registry.correctPeriod(UnitID(1), period: nil, joinedOn: day("2020-06-01"), leftOn: nil) },
        .correctionStrandsAgreement(
          UnitReference(id: UnitID(1), name: "上海长远文化(集团)有限公司"), title: AgreementTerms.defaultTitle,
          signedOn: day("2020-01-01"))
      ),
      (
        "an agreement that expired before the new joining date",
        { _ = try registry.correctPeriod(UnitID(5), period: nil, joinedOn: day("2021-06-20"), leftOn: nil) },
        .invalid(.joinedOn, .expiresBeforeSigned(expires: day("2021-06-19"), signed: day("2021-06-20")))
      ),
      (
        "a leaving date after today",
        { _ = try registry.correctPeriod(housing, period: 1, joinedOn: nil, leftOn: day("2027-01-01")) },
        .invalidValues([FieldProblem(.leftOn, .afterToday(.leaving, day("2027-01-01"), today: testToday))])
      ),
    ]
    for (name, attempt, expected) in cases {
      // A date after today also overlaps period 2: the date is what is named.
      #expect(expectRefusal(attempt) == expected, "\(name)")
      #expect(try registry.snapshot() == before, "\(name) changed the registry")
    }
  }
}
