import Foundation
import SQLite
import Testing

@testable import GongjianRegistry

/// `day(_:)` under a name the `Registry` extension below does not shadow.
private func isoDay(_ iso: String) -> Day { day(iso) }

/// Shortcuts for building a registry's contents in a test.
extension Registry {
  @discardableResult
  func add(
    _ name: String, joined: String, kind: String? = nil, groups: [String] = [], lead: Bool = false,
    expires: String? = nil, signatory: String? = nil
  ) throws -> Registration {
    try register(
      NewUnit(
        name: name, joinedOn: isoDay(joined), details: UnitDetails(kind: kind),
        agreement: AgreementTerms(signatory: signatory, expiresOn: expires.map(isoDay)), groups: groups, lead: lead))
  }

  @discardableResult
  func addGroup(_ name: String, established: String? = nil) throws -> UnitReference {
    try addGroup(NewGroup(name: name, establishedOn: established.map(isoDay)))
  }

  /// How many rows `table` holds.
  func count(_ table: String) throws -> Int {
    try db.scalar(Int.self, "SELECT count(*) FROM \(table)") ?? -1
  }

  /// Every row of the data tables, as text: for "nothing changed" checks.
  func snapshot() throws -> String {
    var text = ""
    for table in [
      "unit", "unit_former_name", "membership", "agreement", "working_group", "group_membership", "history",
    ] {
      text += "## \(table)\n"
      let statement = try db.prepare("SELECT * FROM \(table) ORDER BY rowid")
      while try statement.step() {
        var cells: [String] = []
        for column in 0..<statement.columnCount {
          switch statement.columnType(column) {
          case .null: cells.append("NULL")
          case .integer: cells.append(String(try statement.required(column, as: Int64.self)))
          case .real: cells.append(String(try statement.required(column, as: Double.self)))
          case .text: cells.append(try statement.required(column, as: String.self))
          case .blob: cells.append("blob")
          }
        }
        text += cells.joined(separator: "|") + "\n"
      }
    }
    return text
  }
}

/// The error a registry call threw, whatever its type.
func thrownError(_ body: () throws -> Void) -> (any Error)? {
  do {
    try body()
    return nil
  } catch {
    return error
  }
}

/// Expects `body` to be refused with a `RegistryError` of `kind`; returns its message.
@discardableResult
func expectRefusal(
  _ kind: RegistryError.Kind = .refused, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> String {
  guard let error = thrownError(body) else {
    Issue.record("not refused", sourceLocation: sourceLocation)
    return ""
  }
  guard let registryError = error as? RegistryError else {
    Issue.record("refused with \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    return ""
  }
  #expect(registryError.kind == kind, "\(registryError.message)", sourceLocation: sourceLocation)
  return registryError.message
}

/// Expects `body` to be refused with field errors; returns them.
@discardableResult
func expectFieldErrors(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> [FieldError] {
  guard let error = thrownError(body) else {
    Issue.record("not refused", sourceLocation: sourceLocation)
    return []
  }
  guard let errors = error as? FieldErrors else {
    Issue.record("refused with \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    return []
  }
  return errors.errors
}

// MARK: - Registering

@Suite struct RegisterRulesTests {
  @Test func registerThenListAndShow() throws {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.addGroup("文明共创", established: "2016-01-01")
    let registration = try registry.register(
      NewUnit(
        name: "  复旦大学外文学院 ", joinedOn: day("2019-06-20"),
        details: UnitDetails(kind: "高校", contactName: "王老师", contactPhone: "021-65642222", note: "2019 年联席会议签约"),
        agreement: AgreementTerms(signatory: "罗英华", signatoryTitle: "党委书记", expiresOn: day("2022-06-19")),
        groups: ["文明"]))
    #expect(registration.unit.name == "复旦大学外文学院")
    #expect(registration.kind == "高校")
    #expect(registration.joinedOn == day("2019-06-20"))
    #expect(registration.groups.map(\.name) == ["文明共创"])
    #expect(registration.role == .member)

    let listed = try registry.listUnits(UnitFilter())
    #expect(
      listed == [
        UnitListing(
          id: registration.unit.id, name: "复旦大学外文学院", kind: "高校", joinedOn: day("2019-06-20"), leftOn: nil,
          groups: ["文明共创"])
      ])

    let detail = try registry.unitDetail(registration.unit.id)
    #expect(detail.name == "复旦大学外文学院")
    #expect(detail.contactName == "王老师")
    #expect(detail.contactPhone == "021-65642222")
    #expect(detail.note == "2019 年联席会议签约")
    #expect(detail.periods.map(\.joinedOn) == [day("2019-06-20")])
    #expect(detail.openPeriod?.leftOn == nil)
    #expect(detail.agreements.count == 1)
    let agreement = try #require(detail.agreements.first)
    #expect(agreement.title == AgreementTerms.defaultTitle)
    #expect(agreement.signedOn == day("2019-06-20"), "the first agreement is signed on the joining day")
    #expect(agreement.expiresOn == day("2022-06-19"))
    #expect(agreement.signatory == "罗英华")
    #expect(agreement.signatoryTitle == "党委书记")
    #expect(detail.groups.map(\.groupName) == ["文明共创"])
    #expect(detail.groups.first?.joinedOn == day("2019-06-20"))
    #expect(detail.groups.first?.role == .member)
  }

  @Test func kindDefaultsToOther() throws {
    let test = try TestRegistry()
    let registration = try test.registry.add("某社会组织", joined: "2019-01-01")
    #expect(registration.kind == "其他")
  }

  @Test func aGroupFoundedAfterTheJoiningDayIsJoinedOnItsFoundingDay() throws {
    let test = try TestRegistry()
    try test.registry.addGroup("平安共建", established: "2018-03-01")
    let registration = try test.registry.add("虹口区司法局", joined: "2016-05-01", groups: ["平安共建"], lead: true)
    #expect(registration.groups.map(\.since) == [day("2018-03-01")])
    #expect(registration.role == .lead)
    #expect(try test.registry.groups().first?.leads == ["虹口区司法局"])
  }

  @Test(arguments: nameVariants)
  func aDuplicateIsRefusedNamingTheExistingUnit(_ variant: String) throws {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.add("复旦大学外文学院", joined: "2019-06-20")
    let existing = try registry.add("上海长远文化(集团)有限公司", joined: "2016-03-01")
    let before = try registry.snapshot()
    let message = expectRefusal { try registry.add(variant, joined: "2019-06-20") }
    #expect(message.contains("上海长远文化(集团)有限公司"), "\(message)")
    #expect(message.contains("unit \(existing.unit.id)"), "\(message)")
    #expect(message.contains("2016-03-01"), "\(message)")
    #expect(try registry.snapshot() == before, "nothing was written, not even history")
  }

  @Test func aDuplicateOfAUnitThatLeftPointsToRejoin() throws {
    let test = try TestRegistry()
    let unit = try test.registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try test.registry.withdraw("虹口区房管局", on: day("2018-01-01"), reason: "机构改革")
    let message = expectRefusal { try test.registry.add("虹口区 房管局", joined: "2020-01-01") }
    #expect(message.contains("left 2018-01-01"))
    #expect(message.contains("gongjian rejoin \(unit.unit.id)"))
  }

  @Test func everyBadFieldIsReportedAtOnce() throws {
    let test = try TestRegistry()
    let errors = expectFieldErrors {
      _ = try test.registry.register(
        NewUnit(
          name: "复旦\u{7}大学", joinedOn: day("2026-12-01"),
          agreement: AgreementTerms(signatory: "罗\u{0}英华", expiresOn: day("2026-11-30"))))
    }
    #expect(Set(errors.map(\.field)) == [.name, .joinedOn, .expiresOn, .signatory])
    #expect(try test.registry.count("unit") == 0)
  }

  @Test func aJoiningDateOfTodayIsAcceptedAndTomorrowIsNot() throws {
    let test = try TestRegistry()
    try test.registry.add("今天签约的单位", joined: "2026-11-27", expires: "2031-11-26")
    let errors = expectFieldErrors { try test.registry.add("明天签约的单位", joined: "2026-11-28") }
    #expect(errors.map(\.field) == [.joinedOn])
    #expect(errors.first?.message.contains("after today (2026-11-27)") == true)
  }

  @Test func registeringIntoAnUnknownGroupWritesNothing() throws {
    let test = try TestRegistry()
    try test.registry.addGroup("文明共创")
    let before = try test.registry.snapshot()
    let message = expectRefusal { try test.registry.add("复旦大学外文学院", joined: "2019-06-20", groups: ["文明共创", "不存在的组"]) }
    #expect(message.contains("no working group is called '不存在的组'"))
    #expect(try test.registry.snapshot() == before)
  }

  @Test func aNameWhoseKeyGrowsPastTheLimitIsRefusedAsInvalidData() throws {
    // NFKC expands some characters: ㍿ is 株式会社. The stored key may not exceed 200 characters.
    let test = try TestRegistry()
    let name = String(repeating: "㍿", count: 60)
    #expect(NameKey.make(name).count == 240)
    let before = try test.registry.snapshot()
    guard let error = thrownError({ try test.registry.add(name, joined: "2019-06-20") }) else {
      Issue.record("registered a name whose key has 240 characters")
      return
    }
    let errors = (error as? FieldErrors)?.errors ?? []
    #expect(errors.map(\.field) == [.name], "\(error)")
    #expect(errors.first?.message.contains("longer than 200 characters once normalised") == true, "\(error)")
    #expect(try test.registry.snapshot() == before)
  }
}

// MARK: - Alliance periods

@Suite struct PeriodRulesTests {
  @Test func withdrawThenRejoin() throws {
    let test = try TestRegistry()
    let registry = test.registry
    let unit = try registry.add("上海长远文化(集团)有限公司", joined: "2016-03-01", kind: "国有企业")
    let withdrawal = try registry.withdraw("长远文化", on: day("2018-05-01"), reason: " 单位合并 ")
    #expect(withdrawal.unit == unit.unit)
    #expect(withdrawal.joinedOn == day("2016-03-01"))
    #expect(withdrawal.leftOn == day("2018-05-01"))
    var detail = try registry.unitDetail(unit.unit.id)
    #expect(detail.openPeriod == nil)
    #expect(detail.periods.map(\.leftOn) == [day("2018-05-01")])
    #expect(detail.periods.first?.leftReason == "单位合并")

    let rejoined = try registry.rejoin(
      "上海长远文化（集团）有限公司", on: day("2019-06-20"),
      agreement: AgreementTerms(signatory: "张三", expiresOn: day("2024-06-19")), groups: [], lead: false)
    #expect(rejoined.joinedOn == day("2019-06-20"))
    #expect(rejoined.kind == "国有企业")
    detail = try registry.unitDetail(unit.unit.id)
    #expect(detail.periods.map(\.joinedOn) == [day("2016-03-01"), day("2019-06-20")])
    #expect(detail.periods.map(\.leftOn) == [day("2018-05-01"), nil])
    #expect(detail.openPeriod?.joinedOn == day("2019-06-20"))
    #expect(detail.agreements.map(\.signedOn) == [day("2016-03-01"), day("2019-06-20")])
    #expect(detail.agreements.last?.signatory == "张三")
    #expect(detail.agreements.last?.expiresOn == day("2024-06-19"))
  }

  @Test func rejoiningOnTheLeavingDayIsAllowed() throws {
    // Periods are half-open: leaving on D and rejoining on D do not overlap.
    let test = try TestRegistry()
    try test.registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try test.registry.withdraw("虹口区房管局", on: day("2018-05-01"), reason: nil)
    _ = try test.registry.rejoin("虹口区房管局", on: day("2018-05-01"), agreement: AgreementTerms(), groups: [], lead: false)
    let detail = try test.registry.unitDetail(1)
    #expect(detail.periods.count == 2)
    #expect(try test.registry.listUnits(UnitFilter(activeOn: day("2018-05-01"))).map(\.id) == [1])
  }

  @Test func rejoiningBeforeTheLastLeavingDateIsRefused() throws {
    let test = try TestRegistry()
    try test.registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try test.registry.withdraw("虹口区房管局", on: day("2018-05-01"), reason: nil)
    let before = try test.registry.snapshot()
    let errors = expectFieldErrors {
      _ = try test.registry.rejoin(
        "虹口区房管局", on: day("2017-01-01"), agreement: AgreementTerms(), groups: [], lead: false)
    }
    #expect(errors.map(\.field) == [.joinedOn])
    #expect(errors.first?.message.contains("before the unit last left (2018-05-01)") == true)
    #expect(try test.registry.snapshot() == before)
  }

  @Test func rejoiningAUnitStillInTheAllianceIsRefused() throws {
    let test = try TestRegistry()
    try test.registry.add("复旦大学外文学院", joined: "2019-06-20")
    let message = expectRefusal {
      _ = try test.registry.rejoin("复旦", on: day("2020-01-01"), agreement: AgreementTerms(), groups: [], lead: false)
    }
    #expect(message.contains("already in the alliance (since 2019-06-20)"))
    #expect(message.contains("agreement add"))
    #expect(try test.registry.count("membership") == 1)
  }

  @Test func withdrawingAUnitNotInTheAllianceIsRefused() throws {
    let test = try TestRegistry()
    try test.registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try test.registry.withdraw("虹口区房管局", on: day("2018-05-01"), reason: nil)
    let before = try test.registry.snapshot()
    let message = expectRefusal { _ = try test.registry.withdraw("虹口区房管局", on: day("2019-01-01"), reason: nil) }
    #expect(message.contains("not in the alliance: it left on 2018-05-01"))
    #expect(try test.registry.snapshot() == before)
  }

  @Test func withdrawingBeforeJoiningIsRefused() throws {
    let test = try TestRegistry()
    try test.registry.add("复旦大学外文学院", joined: "2019-06-20")
    let before = try test.registry.snapshot()
    let errors = expectFieldErrors { _ = try test.registry.withdraw("复旦", on: day("2019-06-19"), reason: nil) }
    #expect(errors.map(\.field) == [.leftOn])
    #expect(errors.first?.message == "the leaving date 2019-06-19 is before the joining date 2019-06-20")
    #expect(try test.registry.snapshot() == before)
    // Leaving on the joining day itself is a (short) period, not an error.
    _ = try test.registry.withdraw("复旦", on: day("2019-06-20"), reason: nil)
  }

  @Test func futureDatesAreRefused() throws {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.addGroup("文明共创")
    try registry.add("复旦大学外文学院", joined: "2019-06-20")
    try registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try registry.withdraw("虹口区房管局", on: day("2018-05-01"), reason: nil)
    let before = try registry.snapshot()
    let tomorrow = day("2026-11-28")

    #expect(expectFieldErrors { try registry.add("新单位", joined: "2026-11-28") }.map(\.field) == [.joinedOn])
    #expect(expectFieldErrors { _ = try registry.withdraw("复旦", on: tomorrow, reason: nil) }.map(\.field) == [.leftOn])
    #expect(
      expectFieldErrors {
        _ = try registry.rejoin("房管局", on: tomorrow, agreement: AgreementTerms(), groups: [], lead: false)
      }.map(\.field) == [.joinedOn])
    #expect(
      expectFieldErrors { _ = try registry.addAgreement(unit: "复旦", signedOn: tomorrow, terms: AgreementTerms()) }
        .map(\.field) == [.joinedOn])
    #expect(
      expectFieldErrors { _ = try registry.joinGroup(unit: "复旦", group: "文明", on: tomorrow, role: .member) }
        .map(\.field) == [.joinedOn])
    #expect(!expectFieldErrors { try registry.addGroup("新组", established: "2027-01-01") }.isEmpty)
    #expect(
      !expectFieldErrors {
        _ = try registry.editUnit(1, UnitChanges(name: "复旦大学外国语言文学学院", renamedOn: tomorrow))
      }.isEmpty)
    #expect(try registry.snapshot() == before)

    // An agreement may expire in the future.
    let renewal = try registry.addAgreement(
      unit: "复旦", signedOn: day("2026-11-27"), terms: AgreementTerms(expiresOn: day("2031-11-26")))
    #expect(renewal.expiresOn == day("2031-11-26"))
  }

  @Test func theSchemaRefusesOverlappingPeriodsInsertedDirectly() throws {
    let test = try TestRegistry()
    try test.registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try test.registry.withdraw("虹口区房管局", on: day("2018-05-01"), reason: nil)
    let db = try Connection(path: test.path)
    func insert(_ joined: String, _ left: String?) -> String? {
      do {
        try db.run("INSERT INTO membership (unit_id, joined_on, left_on) VALUES (1, ?, ?)", joined, left)
        return nil
      } catch {
        return "\(error)"
      }
    }
    // Overlapping the closed period 2016-03-01 – 2018-05-01 in every way.
    for (joined, left) in [
      ("2016-01-01", "2016-03-02"), ("2017-01-01", "2017-02-01"), ("2018-04-30", "2019-01-01"),
      ("2015-01-01", "2019-01-01"), ("2016-03-01", "2018-05-01"), ("2018-01-01", nil),
    ] as [(String, String?)] {
      let error = insert(joined, left)
      #expect(error?.contains("may not overlap") == true, "\(joined)–\(left ?? "open"): \(error ?? "accepted")")
    }
    #expect(try test.registry.count("membership") == 1)
    // Touching periods do not overlap: before it, and an open one from its leaving day.
    #expect(insert("2010-01-01", "2016-03-01") == nil)
    #expect(insert("2018-05-01", nil) == nil)
    // A second open period is refused, whenever it begins.
    for joined in ["2020-01-01", "2026-01-01"] {
      let error = insert(joined, nil)
      #expect(error?.contains("may not overlap") == true, "\(joined): \(error ?? "accepted")")
    }
    // Moving a period onto another is refused too.
    #expect(throws: SQLiteError.self) {
      try db.run("UPDATE membership SET joined_on = '2017-01-01' WHERE joined_on = '2018-05-01'")
    }
    #expect(try test.registry.count("membership") == 3)
  }

  @Test func atMostOneOpenPeriodAfterAnySequence() throws {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.add("虹口区房管局", joined: "2016-03-01")
    for (left, back) in [("2017-01-01", "2017-06-01"), ("2018-01-01", "2018-01-01"), ("2020-01-01", "2021-01-01")] {
      _ = try registry.withdraw("房管局", on: day(left), reason: nil)
      expectRefusal { _ = try registry.withdraw("房管局", on: day(left), reason: nil) }
      _ = try registry.rejoin("房管局", on: day(back), agreement: AgreementTerms(), groups: [], lead: false)
      expectRefusal {
        _ = try registry.rejoin("房管局", on: day(back), agreement: AgreementTerms(), groups: [], lead: false)
      }
    }
    let detail = try registry.unitDetail(1)
    #expect(detail.periods.count == 4)
    #expect(detail.periods.filter { $0.leftOn == nil }.count == 1)
    // Periods follow each other without overlapping.
    for (earlier, later) in zip(detail.periods, detail.periods.dropFirst()) {
      let left = try #require(earlier.leftOn)
      #expect(left <= later.joinedOn)
    }
  }
}

// MARK: - Working groups

@Suite struct GroupRulesTests {
  /// Three groups founded in 2015 and one unit that joined in 2016.
  func fixture() throws -> TestRegistry {
    let test = try TestRegistry()
    for name in ["文明共创", "文化共享", "平安共建"] {
      try test.registry.addGroup(name, established: "2015-01-01")
    }
    try test.registry.add("虹口烟草糖酒有限公司", joined: "2016-03-01", groups: ["文明共创", "文化共享"])
    return test
  }

  @Test func withdrawingClosesEveryOpenGroupMembershipOnThatDay() throws {
    let test = try fixture()
    let registry = test.registry
    _ = try registry.joinGroup(unit: "烟草", group: "平安", on: day("2020-01-01"), role: .lead)
    _ = try registry.leaveGroup(unit: "烟草", group: "文化", on: day("2021-01-01"))
    let withdrawal = try registry.withdraw("烟草", on: day("2022-03-01"), reason: "单位合并")
    #expect(withdrawal.closedGroups.sorted() == ["平安共建", "文明共创"])
    let groups = try registry.unitDetail(1).groups
    #expect(groups.count == 3)
    #expect(groups.allSatisfy { $0.leftOn != nil })
    let leftOn = Dictionary(uniqueKeysWithValues: groups.map { ($0.groupName, $0.leftOn) })
    #expect(leftOn["文明共创"] == day("2022-03-01"))
    #expect(leftOn["平安共建"] == day("2022-03-01"))
    #expect(leftOn["文化共享"] == day("2021-01-01"), "an already closed membership keeps its date")
    #expect(try registry.groups().allSatisfy { $0.memberCount == 0 && $0.leads.isEmpty })
  }

  @Test func withdrawingBeforeAGroupMembershipBeganIsRefused() throws {
    let test = try fixture()
    _ = try test.registry.joinGroup(unit: "烟草", group: "平安", on: day("2020-01-01"), role: .member)
    let before = try test.registry.snapshot()
    let message = expectRefusal { _ = try test.registry.withdraw("烟草", on: day("2019-01-01"), reason: nil) }
    #expect(message.contains("平安共建 on 2020-01-01"))
    #expect(try test.registry.snapshot() == before)
  }

  @Test func joiningAGroupRequiresTheUnitToBeActive() throws {
    let test = try fixture()
    let registry = test.registry
    try registry.add("虹口区房管局", joined: "2017-01-01")
    _ = try registry.withdraw("虹口区房管局", on: day("2019-01-01"), reason: nil)
    let before = try registry.snapshot()
    // After it left.
    var message = expectRefusal {
      _ = try registry.joinGroup(unit: "房管局", group: "平安", on: day("2020-01-01"), role: .member)
    }
    #expect(message.contains("not in the alliance on 2020-01-01"))
    // Before it joined.
    message = expectRefusal {
      _ = try registry.joinGroup(unit: "烟草", group: "平安", on: day("2016-01-01"), role: .member)
    }
    #expect(message.contains("not in the alliance on 2016-01-01"))
    // Within a past period.
    message = expectRefusal {
      _ = try registry.joinGroup(unit: "房管局", group: "平安", on: day("2018-01-01"), role: .member)
    }
    #expect(message.contains("left the alliance on 2019-01-01"))
    #expect(try registry.snapshot() == before)
    // Before the group was founded.
    try registry.addGroup("新组", established: "2025-01-01")
    message = expectRefusal {
      _ = try registry.joinGroup(unit: "烟草", group: "新组", on: day("2024-01-01"), role: .member)
    }
    #expect(message.contains("founded on 2025-01-01"))
    // An unknown group or unit.
    expectRefusal { _ = try registry.joinGroup(unit: "烟草", group: "不存在", on: nil, role: .member) }
    expectRefusal { _ = try registry.joinGroup(unit: "不存在", group: "平安", on: nil, role: .member) }
    #expect(try registry.count("group_membership") == 2)
  }

  @Test func joiningWithoutADateJoinsToday() throws {
    let test = try fixture()
    let result = try test.registry.joinGroup(unit: "烟草", group: "平安", on: nil, role: .member)
    #expect(result.outcome == .joined(since: testToday))
  }

  @Test func leadChangesTheRoleFromThatDay() throws {
    let test = try fixture()
    let registry = test.registry
    let result = try registry.joinGroup(unit: "烟草", group: "文明共创", on: day("2020-01-01"), role: .lead)
    #expect(result.outcome == .roleChanged(from: .member, since: day("2020-01-01")))
    let memberships = try registry.unitDetail(1).groups.filter { $0.groupName == "文明共创" }
    #expect(memberships.map(\.role) == [.member, .lead])
    #expect(memberships.map(\.joinedOn) == [day("2016-03-01"), day("2020-01-01")])
    #expect(memberships.map(\.leftOn) == [day("2020-01-01"), nil])
    #expect(try registry.groups().first { $0.name == "文明共创" }?.leads == ["虹口烟草糖酒有限公司"])
    #expect(try registry.groups(on: day("2019-01-01")).first { $0.name == "文明共创" }?.leads == [])

    let before = try registry.snapshot()
    var message = expectRefusal {
      _ = try registry.joinGroup(unit: "烟草", group: "文明共创", on: day("2021-01-01"), role: .lead)
    }
    #expect(message.contains("already the lead of 文明共创"))
    // Back to member, but not before the lead role began.
    message = expectRefusal {
      _ = try registry.joinGroup(unit: "烟草", group: "文明共创", on: day("2019-01-01"), role: .member)
    }
    #expect(message.contains("since 2020-01-01"))
    #expect(try registry.snapshot() == before)
    let back = try registry.joinGroup(unit: "烟草", group: "文明共创", on: day("2022-01-01"), role: .member)
    #expect(back.outcome == .roleChanged(from: .lead, since: day("2022-01-01")))
  }

  @Test func leavingAGroup() throws {
    let test = try fixture()
    let registry = test.registry
    let result = try registry.leaveGroup(unit: "烟草", group: "文化共享", on: day("2020-06-30"))
    #expect(result.since == day("2016-03-01"))
    #expect(result.group.name == "文化共享")
    #expect(try registry.listUnits(UnitFilter()).first?.groups == ["文明共创"])
    #expect(try registry.listUnits(UnitFilter(activeOn: day("2020-06-29"))).first?.groups == ["文明共创", "文化共享"])

    let before = try registry.snapshot()
    var message = expectRefusal { _ = try registry.leaveGroup(unit: "烟草", group: "文化共享", on: day("2021-01-01")) }
    #expect(message.contains("not in the working group 文化共享"))
    message = expectRefusal { _ = try registry.leaveGroup(unit: "烟草", group: "平安共建", on: day("2021-01-01")) }
    #expect(message.contains("not in the working group 平安共建"))
    let errors = expectFieldErrors { _ = try registry.leaveGroup(unit: "烟草", group: "文明", on: day("2016-01-01")) }
    #expect(errors.map(\.field) == [.leftOn])
    #expect(
      expectFieldErrors { _ = try registry.leaveGroup(unit: "烟草", group: "文明", on: day("2027-01-01")) }.count == 1)
    #expect(try registry.snapshot() == before)

    // Joining again later opens a second membership; not one overlapping the first.
    expectRefusal { _ = try registry.joinGroup(unit: "烟草", group: "文化共享", on: day("2020-01-01"), role: .member) }
    _ = try registry.joinGroup(unit: "烟草", group: "文化共享", on: day("2020-06-30"), role: .member)
    #expect(try registry.unitDetail(1).groups.filter { $0.groupName == "文化共享" }.count == 2)
  }

  @Test func aDuplicateGroupIsRefused() throws {
    let test = try fixture()
    let before = try test.registry.snapshot()
    let message = expectRefusal { try test.registry.addGroup("文明 共创") }
    #expect(message.contains("文明共创 already exists (id 1)"))
    #expect(try test.registry.snapshot() == before)
  }

  @Test func groupDetailListsCurrentMembershipsFirst() throws {
    let test = try fixture()
    try test.registry.add("复旦大学外文学院", joined: "2019-06-20", groups: ["文明共创"], lead: true)
    _ = try test.registry.leaveGroup(unit: "烟草", group: "文明共创", on: day("2020-01-01"))
    let (group, memberships) = try test.registry.groupDetail("文明")
    #expect(group.name == "文明共创")
    #expect(group.memberCount == 1)
    #expect(group.leads == ["复旦大学外文学院"])
    #expect(memberships.map(\.unitName) == ["复旦大学外文学院", "虹口烟草糖酒有限公司"])
    #expect(memberships.map(\.leftOn) == [nil, day("2020-01-01")])
  }
}

// MARK: - Agreements

@Suite struct AgreementRulesTests {
  @Test func aRenewalIsANewAgreement() throws {
    let test = try TestRegistry()
    try test.registry.add("建设银行虹口支行", joined: "2019-06-20", expires: "2022-06-19")
    let renewal = try test.registry.addAgreement(
      unit: "建设银行", signedOn: day("2022-06-01"),
      terms: AgreementTerms(signatory: "李四", signatoryTitle: "行长", expiresOn: day("2025-05-31")))
    #expect(renewal.unitName == "建设银行虹口支行")
    #expect(renewal.title == "区域化党建共建协议")
    #expect(renewal.signatoryTitle == "行长")
    let all = try test.registry.agreementList(unit: "建设银行")
    #expect(all.map(\.signedOn) == [day("2019-06-20"), day("2022-06-01")])
    #expect(all.map(\.expiresOn) == [day("2022-06-19"), day("2025-05-31")])
    #expect(try test.registry.agreementList().count == 2)
  }

  @Test func anAgreementOutsideTheAlliancePeriodIsRefused() throws {
    let test = try TestRegistry()
    try test.registry.add("建设银行虹口支行", joined: "2019-06-20")
    _ = try test.registry.withdraw("建设银行", on: day("2021-01-01"), reason: nil)
    let before = try test.registry.snapshot()
    for signed in ["2019-06-19", "2021-01-01", "2022-01-01"] {
      let message = expectRefusal {
        _ = try test.registry.addAgreement(unit: "建设银行", signedOn: day(signed), terms: AgreementTerms())
      }
      #expect(message.contains("not in the alliance on \(signed)"))
      #expect(message.contains("gongjian rejoin 1"))
    }
    let errors = expectFieldErrors {
      _ = try test.registry.addAgreement(
        unit: "建设银行", signedOn: day("2020-01-01"), terms: AgreementTerms(expiresOn: day("2019-12-31")))
    }
    #expect(errors.map(\.field) == [.expiresOn])
    #expect(try test.registry.snapshot() == before)
  }

  @Test func theExpiringListHoldsTheLatestAgreementOfActiveUnits() throws {
    let test = try TestRegistry()  // today is 2026-11-27
    let registry = test.registry
    try registry.add("甲 即将到期", joined: "2021-12-15", expires: "2026-12-15")
    try registry.add("乙 已续签", joined: "2019-01-01", expires: "2024-01-01")
    _ = try registry.addAgreement(
      unit: "乙", signedOn: day("2023-12-20"), terms: AgreementTerms(expiresOn: day("2028-12-31")))
    try registry.add("丙 已过期", joined: "2020-01-01", expires: "2025-01-01")
    try registry.add("丁 已退出", joined: "2018-01-01", expires: "2023-01-01")
    _ = try registry.withdraw("丁", on: day("2022-01-01"), reason: nil)
    try registry.add("戊 无期限", joined: "2018-01-01")
    try registry.add("己 明年到期", joined: "2022-06-01", expires: "2027-06-01")
    try registry.add("庚 今天到期", joined: "2021-11-27", expires: "2026-11-27")

    let within30 = try registry.expiringAgreements(within: 30)
    #expect(within30.map(\.agreement.unitName) == ["丙 已过期", "庚 今天到期", "甲 即将到期"])
    #expect(within30.map(\.daysLeft) == [-695, 0, 18])
    #expect(try registry.expiringAgreements(within: 0).map(\.agreement.unitName) == ["丙 已过期", "庚 今天到期"])
    #expect(try registry.expiringAgreements(within: 17).count == 2)
    #expect(try registry.expiringAgreements(within: 18).count == 3)
    #expect(
      try registry.expiringAgreements(within: 365).map(\.agreement.unitName) == [
        "丙 已过期", "庚 今天到期", "甲 即将到期", "己 明年到期",
      ])
    #expect(try registry.expiringAgreements(within: 36_500).count == 5, "乙's latest agreement counts, 丁 left")
    expectRefusal(.usage) { _ = try registry.expiringAgreements(within: -1) }
  }
}

// MARK: - Lookup

@Suite struct LookupTests {
  func fixture() throws -> TestRegistry {
    let test = try TestRegistry()
    for (name, joined) in [
      ("上海长远文化(集团)有限公司", "2016-03-01"), ("上海长远文化(集团)有限公司虹口分公司", "2017-03-01"),
      ("复旦大学外文学院", "2019-06-20"), ("建设银行虹口支行", "2019-06-20"), ("浦发银行虹口支行", "2019-06-20"),
      ("虹口区房管局", "2016-03-01"), ("IBM中国有限公司", "2018-01-01"),
    ] {
      try test.registry.add(name, joined: joined)
    }
    try test.registry.addGroup("文明共创")
    try test.registry.addGroup("文化共享")
    return test
  }

  static let found: [(query: String, id: Int)] = [
    ("1", 1),
    ("3", 3),
    ("#4", 4),
    ("＃５", 5),  // full-width
    (" 7 ", 7),
    ("上海长远文化(集团)有限公司", 1),  // exact key, though also part of unit 2's name
    ("上海长远文化（集团）有限公司", 1),
    ("上海长远文化 （集团） 有限公司", 1),
    ("上海长远文化(集团)有限公司虹口分公司", 2),
    ("分公司", 2),
    ("复旦", 3),
    ("外文学院", 3),
    ("建设银行", 4),
    ("浦发", 5),
    ("房管局", 6),
    ("ibm", 7),
    ("ＩＢＭ中国", 7),
  ]

  @Test(arguments: found)
  func findsTheUnit(_ query: String, id: Int) throws {
    let test = try fixture()
    #expect(try test.registry.findUnit(query).id == id)
  }

  @Test func findsByAFormerNameAfterARename() throws {
    let test = try fixture()
    let changed = try test.registry.editUnit(
      6, UnitChanges(name: "虹口区房屋管理局", renamedOn: day("2020-01-01")))
    #expect(changed.map(\.field) == ["name"])
    #expect(try test.registry.findUnit("虹口区房管局") == UnitReference(id: 6, name: "虹口区房屋管理局"))
    #expect(try test.registry.findUnit("虹口区 房管局").id == 6)
    #expect(try test.registry.findUnit("房屋管理").id == 6)
    #expect(try test.registry.findUnit("房管").id == 6, "a part of the former name")
    let detail = try test.registry.unitDetail(6)
    #expect(detail.formerNames == [FormerName(name: "虹口区房管局", renamedOn: day("2020-01-01"))])
    // Renaming back drops the name from the former names.
    _ = try test.registry.editUnit(6, UnitChanges(name: "虹口区房管局"))
    #expect(try test.registry.unitDetail(6).formerNames.map(\.name) == ["虹口区房屋管理局"])
    #expect(try test.registry.findUnit("虹口区房管局").id == 6)
  }

  @Test func anAmbiguousNameListsTheCandidates() throws {
    let test = try fixture()
    let message = expectRefusal { _ = try test.registry.findUnit("银行虹口") }
    #expect(message.contains("matches 2 units"))
    #expect(message.contains("4  建设银行虹口支行"))
    #expect(message.contains("5  浦发银行虹口支行"))
    #expect(message.contains("Give the id"))
    #expect(!message.contains("复旦"))
  }

  @Test func anUnknownNameSuggestsTheNearestNames() throws {
    let test = try fixture()
    var message = expectRefusal { _ = try test.registry.findUnit("建设银行黄浦支行") }
    #expect(message.contains("no unit is called '建设银行黄浦支行'"))
    #expect(message.contains("Did you mean"))
    #expect(message.contains("4  建设银行虹口支行"))
    #expect(!message.contains("房管局"))
    // An abbreviation shares characters, not pairs of them.
    message = expectRefusal { _ = try test.registry.findUnit("建行") }
    #expect(message.contains("建设银行虹口支行"))
    message = expectRefusal { _ = try test.registry.findUnit("完全无关的名字") }
    #expect(message.contains("no unit is called"))
    #expect(message.contains("gongjian list --all"))
  }

  @Test func unknownIdsAndEmptyQueries() throws {
    let test = try fixture()
    #expect(expectRefusal { _ = try test.registry.findUnit("99") }.contains("no unit has the id 99"))
    #expect(expectRefusal { _ = try test.registry.findUnit("#0") }.contains("no unit has the id 0"))
    expectRefusal(.usage) { _ = try test.registry.findUnit("") }
    expectRefusal(.usage) { _ = try test.registry.findUnit(" \u{3000}") }
    expectRefusal { _ = try test.registry.findUnit(String(repeating: "长", count: 300)) }
  }

  @Test func groupsAreLookedUpTheSameWay() throws {
    let test = try fixture()
    #expect(try test.registry.findGroup("1").name == "文明共创")
    #expect(try test.registry.findGroup("文明").name == "文明共创")
    #expect(try test.registry.findGroup("文化 共享").name == "文化共享")
    let ambiguous = expectRefusal { _ = try test.registry.findGroup("文") }
    #expect(ambiguous.contains("matches 2 working groups"))
    let missing = expectRefusal { _ = try test.registry.findGroup("文明共建") }
    #expect(missing.contains("no working group is called"))
    #expect(missing.contains("文明共创"))
  }
}

// MARK: - Listing

@Suite struct ListFilterTests {
  /// 烟草 2016–; 房管局 2016–2018; 长远 2017–2019-12-31 and 2021–; 复旦 and 建行 2019–.
  func fixture() throws -> TestRegistry {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.addGroup("文明共创", established: "2015-01-01")
    try registry.addGroup("文化共享", established: "2015-01-01")
    try registry.add("虹口烟草糖酒有限公司", joined: "2016-01-10", kind: "国有企业", groups: ["文明共创"], lead: true)
    try registry.add("虹口区房管局", joined: "2016-05-01", kind: "党政机关", groups: ["文明共创"])
    _ = try registry.withdraw("房管局", on: day("2018-06-30"), reason: "机构改革")
    try registry.add("复旦大学外文学院", joined: "2019-06-20", kind: "高校", groups: ["文化共享"])
    try registry.add("建设银行虹口支行", joined: "2019-06-20", kind: "金融机构")
    try registry.add("上海长远文化(集团)有限公司", joined: "2017-03-01", kind: "国有企业", groups: ["文化共享"])
    _ = try registry.withdraw("长远文化", on: day("2019-12-31"), reason: nil)
    _ = try registry.rejoin("长远文化", on: day("2021-02-01"), agreement: AgreementTerms(), groups: [], lead: false)
    return test
  }

  static let cases: [(filter: UnitFilter, names: [String])] = [
    (UnitFilter(), ["烟草", "复旦", "建设", "长远"]),
    (UnitFilter(activeOn: Day(year: 2016, month: 12, day: 31)), ["烟草", "房管"]),
    (UnitFilter(activeOn: Day(year: 2016, month: 1, day: 9)), []),
    (UnitFilter(activeOn: Day(year: 2016, month: 1, day: 10)), ["烟草"]),
    (UnitFilter(activeOn: Day(year: 2018, month: 6, day: 29)), ["烟草", "房管", "长远"]),
    (UnitFilter(activeOn: Day(year: 2018, month: 6, day: 30)), ["烟草", "长远"]),  // the leaving day is not active
    (UnitFilter(activeOn: Day(year: 2019, month: 12, day: 30)), ["烟草", "长远", "复旦", "建设"]),
    (UnitFilter(activeInYear: 2016), ["烟草", "房管"]),
    (UnitFilter(activeInYear: 2018), ["烟草", "长远"]),
    (UnitFilter(activeInYear: 2019), ["烟草", "复旦", "建设"]),  // 长远 left on 2019-12-31
    (UnitFilter(activeInYear: 2020), ["烟草", "复旦", "建设"]),
    (UnitFilter(activeInYear: 2021), ["烟草", "复旦", "建设", "长远"]),
    (UnitFilter(activeInYear: 2015), []),
    (UnitFilter(joinedInYear: 2019), ["复旦", "建设"]),
    (UnitFilter(joinedInYear: 2017), ["长远"]),
    (UnitFilter(joinedInYear: 2021), ["长远"]),
    (UnitFilter(joinedInYear: 2020), []),
    (UnitFilter(leftInYear: 2018), ["房管"]),
    (UnitFilter(leftInYear: 2019), ["长远"]),
    (UnitFilter(group: "文明共创"), ["烟草"]),
    (UnitFilter(group: "文化"), ["复旦"]),  // 长远 left the group when it withdrew
    (UnitFilter(group: "文明共创", all: true), ["烟草", "房管"]),
    (UnitFilter(activeInYear: 2017, group: "文明共创"), ["烟草", "房管"]),
    (UnitFilter(kind: "国有企业"), ["烟草", "长远"]),
    (UnitFilter(kind: " 高校 "), ["复旦"]),
    (UnitFilter(kind: "其他"), []),
    (UnitFilter(activeInYear: 2018, kind: "国有企业"), ["烟草", "长远"]),
    (UnitFilter(all: true), ["烟草", "房管", "复旦", "建设", "长远"]),
    (UnitFilter(kind: "党政机关", all: true), ["房管"]),
  ]

  @Test(arguments: cases)
  func listSelects(_ filter: UnitFilter, _ expected: [String]) throws {
    let test = try fixture()
    let names = try test.registry.listUnits(filter).map(\.name)
    #expect(names.count == expected.count, "\(names)")
    for (name, part) in zip(names, expected) {
      #expect(name.contains(part), "\(names)")
    }
  }

  @Test func eachRowCarriesThePeriodAndGroupsOfTheReferenceDay() throws {
    let test = try fixture()
    let all = try test.registry.listUnits(UnitFilter(all: true))
    let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
    #expect(byName["虹口区房管局"]?.leftOn == day("2018-06-30"))
    #expect(byName["虹口区房管局"]?.groups == [])
    let longTerm = try #require(byName["上海长远文化(集团)有限公司"])
    #expect(longTerm.joinedOn == day("2021-02-01"), "the latest period")
    #expect(longTerm.leftOn == nil)
    #expect(byName["虹口烟草糖酒有限公司"]?.groups == ["文明共创"])
    #expect(byName["复旦大学外文学院"]?.kind == "高校")

    let in2017 = try test.registry.listUnits(UnitFilter(joinedInYear: 2017))
    #expect(in2017.first?.joinedOn == day("2017-03-01"))
    #expect(in2017.first?.leftOn == day("2019-12-31"), "the period that began in 2017")

    let in2018 = try test.registry.listUnits(UnitFilter(activeInYear: 2018))
    #expect(in2018.map(\.groups) == [["文明共创"], ["文化共享"]])
  }

  @Test func yearsOutsideTheCalendarAreRefused() throws {
    let test = try fixture()
    expectRefusal(.invalidData) { _ = try test.registry.listUnits(UnitFilter(activeInYear: 1800)) }
    expectRefusal(.invalidData) { _ = try test.registry.listUnits(UnitFilter(joinedInYear: 10_000)) }
    expectRefusal { _ = try test.registry.listUnits(UnitFilter(group: "不存在")) }
  }
}

// MARK: - History

@Suite struct HistoryRulesTests {
  @Test func everyChangeWritesOneEntry() throws {
    let test = try TestRegistry()
    let registry = test.registry
    let start = try registry.history().count  // init's own entry
    var expected: [String] = []
    func changed(_ action: String, _ body: () throws -> Void) throws {
      try body()
      expected.append(action)
      let entries = try registry.history()
      #expect(entries.count == start + expected.count, "\(action)")
      #expect(entries.last?.action == action)
      #expect(entries.last?.osUser == "tester")
      #expect(entries.last?.command == "gongjian test")
    }
    try changed("group add") { try registry.addGroup("文明共创", established: "2015-01-01") }
    try changed("register") { try registry.add("复旦大学外文学院", joined: "2019-06-20", groups: ["文明"]) }
    try changed("edit") { _ = try registry.editUnit(1, UnitChanges(details: UnitDetails(contactPhone: "123"))) }
    try changed("group join") { _ = try registry.joinGroup(unit: "1", group: "1", on: day("2020-01-01"), role: .lead) }
    try changed("group leave") { _ = try registry.leaveGroup(unit: "1", group: "1", on: day("2021-01-01")) }
    try changed("agreement add") {
      _ = try registry.addAgreement(unit: "1", signedOn: day("2022-06-01"), terms: AgreementTerms())
    }
    try changed("withdraw") { _ = try registry.withdraw("1", on: day("2023-01-01"), reason: "合并") }
    try changed("rejoin") {
      _ = try registry.rejoin("1", on: day("2024-01-01"), agreement: AgreementTerms(), groups: [], lead: false)
    }
    try changed("edit") { _ = try registry.editUnit(1, UnitChanges(name: "复旦大学外国语言文学学院")) }

    let entries = try registry.history()
    let unitEntries = try registry.history(unitID: 1)
    #expect(unitEntries.map(\.action) == Array(expected.dropFirst()))
    #expect(unitEntries.allSatisfy { $0.unitName == "复旦大学外国语言文学学院" })
    let groupEntry = try #require(entries.first { $0.action == "group add" })
    #expect(groupEntry.unitID == nil)
    #expect(groupEntry.after?.contains("文明共创") == true)

    // Before and after are JSON describing the unit.
    let withdraw = try #require(unitEntries.first { $0.action == "withdraw" })
    let after = try #require(withdraw.after.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) })
    let periods = (after as? [String: Any])?["periods"] as? [[String: Any]]
    #expect(periods?.first?["left_on"] as? String == "2023-01-01")
    #expect(withdraw.before?.contains("\"left_on\":null") == true)
    let register = try #require(unitEntries.first)
    #expect(register.before == nil)
    #expect(register.after?.contains("复旦大学外文学院") == true)
    let rename = try #require(unitEntries.last)
    #expect(rename.before == #"{"name":"复旦大学外文学院"}"#)
    #expect(rename.after == #"{"name":"复旦大学外国语言文学学院"}"#)
  }

  @Test func aRefusedCommandWritesNoHistory() throws {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.addGroup("文明共创", established: "2015-01-01")
    try registry.add("复旦大学外文学院", joined: "2019-06-20")
    let before = try registry.snapshot()
    let attempts: [() throws -> Void] = [
      { try registry.add("复旦大学外文学院", joined: "2019-06-20") },
      { try registry.add("新单位", joined: "2027-01-01") },
      { _ = try registry.withdraw("复旦", on: day("2019-01-01"), reason: nil) },
      { _ = try registry.rejoin("复旦", on: day("2020-01-01"), agreement: AgreementTerms(), groups: [], lead: false) },
      { _ = try registry.joinGroup(unit: "复旦", group: "文明", on: day("2019-01-01"), role: .member) },
      { _ = try registry.leaveGroup(unit: "复旦", group: "文明", on: day("2020-01-01")) },
      { _ = try registry.addAgreement(unit: "复旦", signedOn: day("2018-01-01"), terms: AgreementTerms()) },
      { _ = try registry.editUnit(1, UnitChanges(name: "")) },
      { try registry.addGroup("文明共创") },
    ]
    for (index, attempt) in attempts.enumerated() {
      #expect(thrownError(attempt) != nil, "attempt \(index) was not refused")
    }
    #expect(try registry.snapshot() == before)
  }

  @Test func aCommandRefusedHalfWayIsRolledBackWhole() throws {
    // rejoin writes the period and the agreement before it looks at the groups: a bad group
    // must take the period and the agreement back with it.
    let test = try TestRegistry()
    let registry = test.registry
    try registry.addGroup("新组", established: "2024-01-01")
    try registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try registry.withdraw("房管局", on: day("2018-01-01"), reason: nil)
    let before = try registry.snapshot()
    for groups in [["不存在的组"], ["新组"]] {
      expectRefusal {
        _ = try registry.rejoin("房管局", on: day("2020-01-01"), agreement: AgreementTerms(), groups: groups, lead: false)
      }
      #expect(try registry.snapshot() == before, "\(groups)")
    }
    // The same rejoin with a group that exists then succeeds.
    _ = try registry.rejoin("房管局", on: day("2024-02-01"), agreement: AgreementTerms(), groups: ["新组"], lead: true)
    #expect(try registry.unitDetail(1).groups.map(\.role) == [.lead])
  }

  @Test func anEditThatChangesNothingWritesNothing() throws {
    let test = try TestRegistry()
    try test.registry.add("复旦大学外文学院", joined: "2019-06-20", kind: "高校")
    let before = try test.registry.snapshot()
    let changed = try test.registry.editUnit(
      1, UnitChanges(name: " 复旦大学外文学院 ", details: UnitDetails(kind: "高校")))
    #expect(changed.isEmpty)
    #expect(try test.registry.snapshot() == before)
  }

  @Test func editClearsAFieldWithEmptyTextAndRefusesATakenName() throws {
    let test = try TestRegistry()
    try test.registry.add("复旦大学外文学院", joined: "2019-06-20")
    try test.registry.add("建设银行虹口支行", joined: "2019-06-20")
    _ = try test.registry.editUnit(1, UnitChanges(details: UnitDetails(kind: "高校", contactPhone: "123")))
    let changed = try test.registry.editUnit(1, UnitChanges(details: UnitDetails(contactPhone: "")))
    #expect(changed.map(\.field) == ["phone"])
    #expect(changed.first?.new == nil)
    let detail = try test.registry.unitDetail(1)
    #expect(detail.contactPhone == nil)
    #expect(detail.kind == "高校")
    let before = try test.registry.snapshot()
    let message = expectRefusal { _ = try test.registry.editUnit(1, UnitChanges(name: "建设银行 虹口支行")) }
    #expect(message.contains("unit 2 建设银行虹口支行"))
    #expect(try test.registry.snapshot() == before)
  }
}
