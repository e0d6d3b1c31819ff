import Foundation
import SQLite
import Testing

@testable import GongjianRegistry

/// A unit or group as refusals and answers name it.
private func unit(_ id: Int, _ name: String) -> UnitReference { UnitReference(id: UnitID(id), name: name) }
private func group(_ id: Int, _ name: String) -> GroupReference { GroupReference(id: GroupID(id), name: name) }

/// A history entry's before or after, read back as a JSON object.
private func jsonObject(_ text: String?) -> [String: Any]? {
  text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]
}

// MARK: - Registering

@Suite struct RegisterRulesTests {
  @Test func registerThenListAndShow() throws {
    let test = try TestRegistry()
    let registry = test.registry
    let civility = try registry.addGroup("文明共创", established: "2016-01-01")
    let registration = try registry.register(
      NewUnit(
        name: "  复旦大学外文学院 ", joinedOn: day("2019-06-20"),
        details: UnitDetails(kind: "高校", contactName: "王老师", contactPhone: "021-65642222", note: "2019 年联席会议签约"),
        agreement: AgreementTerms(signatory: "罗英华", signatoryTitle: "党委书记", expiresOn: day("2022-06-19")),
        groups: [try registry.resolveGroup("文明").id]))
    #expect(registration.unit.name == "复旦大学外文学院")
    #expect(registration.kind == "高校")
    #expect(registration.joinedOn == day("2019-06-20"))
    #expect(registration.groups.map(\.group) == [civility])
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
    #expect(detail.details.contactName == "王老师")
    #expect(detail.details.contactPhone == "021-65642222")
    #expect(detail.details.note == "2019 年联席会议签约")
    #expect(detail.periods.map(\.joinedOn) == [day("2019-06-20")])
    #expect(detail.openPeriod?.leftOn == nil)
    #expect(detail.agreements.count == 1)
    let agreement = try #require(detail.agreements.first)
    #expect(agreement.unit == registration.unit)
    #expect(agreement.title == AgreementTerms.defaultTitle)
    #expect(agreement.signedOn == day("2019-06-20"), "the first agreement is signed on the joining day")
    #expect(agreement.expiresOn == day("2022-06-19"))
    #expect(agreement.signatory == "罗英华")
    #expect(agreement.signatoryTitle == "党委书记")
    #expect(detail.groups.map(\.group) == [civility])
    #expect(detail.groups.first?.unit == registration.unit)
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
    let refusal = expectRefusal { try registry.add(variant, joined: "2019-06-20") }
    guard case .alreadyRegistered(let name, let found, let joinedOn, let leftOn) = refusal else {
      Issue.record("refused for another reason: \(String(describing: refusal))")
      return
    }
    #expect(name == (try TextInput.name(variant).get()), "the name as it would have been stored")
    #expect(found == existing.unit)
    #expect(joinedOn == day("2016-03-01"))
    #expect(leftOn == nil)
    #expect(try registry.snapshot() == before, "nothing was written, not even history")
  }

  @Test func aDuplicateOfAUnitThatLeftSaysWhenItLeft() throws {
    // The date it left is what lets a surface point to rejoin instead.
    let test = try TestRegistry()
    let unit = try test.registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try test.registry.withdraw("虹口区房管局", on: day("2018-01-01"), reason: "机构改革")
    let refusal = expectRefusal { try test.registry.add("虹口区 房管局", joined: "2020-01-01") }
    #expect(
      refusal
        == .alreadyRegistered(
          name: "虹口区 房管局", existing: unit.unit, joinedOn: day("2016-03-01"), leftOn: day("2018-01-01")))
  }

  @Test func everyBadFieldIsReportedAtOnce() throws {
    let test = try TestRegistry()
    let problems = expectValueProblems {
      _ = try test.registry.register(
        NewUnit(
          name: "复旦\u{7}大学", joinedOn: day("2026-12-01"),
          agreement: AgreementTerms(signatory: "罗\u{0}英华", expiresOn: day("2026-11-30"))))
    }
    let expected = [
      FieldProblem(.name, .controlCharacter(0x7)),
      FieldProblem(.joinedOn, .afterToday(.joining, day("2026-12-01"), today: testToday)),
      FieldProblem(.expiresOn, .expiresBeforeSigned(expires: day("2026-11-30"), signed: day("2026-12-01"))),
      FieldProblem(.signatory, .controlCharacter(0x0)),
    ]
    #expect(sameProblems(problems, expected), "\(problems)")
    #expect(try test.registry.count("unit") == 0)
  }

  @Test func aJoiningDateOfTodayIsAcceptedAndTomorrowIsNot() throws {
    let test = try TestRegistry()
    try test.registry.add("今天签约的单位", joined: "2026-11-27", expires: "2031-11-26")
    let problems = expectValueProblems { try test.registry.add("明天签约的单位", joined: "2026-11-28") }
    #expect(problems == [FieldProblem(.joinedOn, .afterToday(.joining, day("2026-11-28"), today: testToday))])
  }

  @Test func registeringIntoAnUnknownGroupWritesNothing() throws {
    let test = try TestRegistry()
    let civility = try test.registry.addGroup("文明共创")
    let before = try test.registry.snapshot()
    // A name that no group has is refused when it is looked up…
    let refusal = expectRefusal {
      try test.registry.add("复旦大学外文学院", joined: "2019-06-20", groups: ["文明共创", "不存在的组"])
    }
    #expect(refusal == .noSuchName(.group, text: "不存在的组", suggestions: []))
    // …and an id that no group has, by the registration itself, which then writes nothing.
    let unknown = expectRefusal {
      _ = try test.registry.register(
        NewUnit(name: "复旦大学外文学院", joinedOn: day("2019-06-20"), groups: [civility.id, GroupID(99)]))
    }
    #expect(unknown == .noSuchID(.group, id: 99))
    #expect(try test.registry.snapshot() == before)
  }

  @Test func aNameWhoseKeyGrowsPastTheLimitIsRefusedAsInvalid() throws {
    // NFKC expands some characters: ㍿ is 株式会社. The stored key may not exceed 200 characters.
    let test = try TestRegistry()
    let name = String(repeating: "㍿", count: 60)
    #expect(NameKey.make(name).count == 240)
    let before = try test.registry.snapshot()
    let problems = expectValueProblems { try test.registry.add(name, joined: "2019-06-20") }
    #expect(problems == [FieldProblem(.name, .tooLongOnceNormalised(limit: 200, length: 240))])
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
    #expect(withdrawal.closedGroups == [])
    var detail = try registry.unitDetail(unit.unit.id)
    #expect(detail.openPeriod == nil)
    #expect(detail.periods.map(\.leftOn) == [day("2018-05-01")])
    #expect(detail.periods.first?.leftReason == "单位合并")

    let rejoined = try registry.rejoin(
      "上海长远文化（集团）有限公司", on: day("2019-06-20"),
      agreement: AgreementTerms(signatory: "张三", expiresOn: day("2024-06-19")))
    #expect(rejoined.unit == unit.unit)
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
    _ = try test.registry.withdraw("虹口区房管局", on: day("2018-05-01"))
    _ = try test.registry.rejoin("虹口区房管局", on: day("2018-05-01"))
    let detail = try test.registry.unitDetail(UnitID(1))
    #expect(detail.periods.count == 2)
    #expect(try test.registry.listUnits(UnitFilter(activeOn: day("2018-05-01"))).map(\.id) == [UnitID(1)])
  }

  @Test func rejoiningBeforeTheLastLeavingDateIsRefused() throws {
    let test = try TestRegistry()
    try test.registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try test.registry.withdraw("虹口区房管局", on: day("2018-05-01"))
    let before = try test.registry.snapshot()
    let problems = expectValueProblems { _ = try test.registry.rejoin("虹口区房管局", on: day("2017-01-01")) }
    #expect(
      problems == [
        FieldProblem(.joinedOn, .rejoiningBeforeLastLeaving(day: day("2017-01-01"), lastLeft: day("2018-05-01")))
      ])
    #expect(try test.registry.snapshot() == before)
  }

  @Test func rejoiningAUnitStillInTheAllianceIsRefused() throws {
    let test = try TestRegistry()
    let registration = try test.registry.add("复旦大学外文学院", joined: "2019-06-20")
    let refusal = expectRefusal { _ = try test.registry.rejoin("复旦", on: day("2020-01-01")) }
    #expect(refusal == .alreadyInAlliance(registration.unit, since: day("2019-06-20")))
    #expect(try test.registry.count("membership") == 1)
  }

  @Test func withdrawingAUnitNotInTheAllianceIsRefused() throws {
    let test = try TestRegistry()
    let registration = try test.registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try test.registry.withdraw("虹口区房管局", on: day("2018-05-01"))
    let before = try test.registry.snapshot()
    let refusal = expectRefusal { _ = try test.registry.withdraw("虹口区房管局", on: day("2019-01-01")) }
    #expect(refusal == .notInAlliance(registration.unit, leftOn: day("2018-05-01")))
    #expect(try test.registry.snapshot() == before)
  }

  @Test func withdrawingBeforeJoiningIsRefused() throws {
    let test = try TestRegistry()
    try test.registry.add("复旦大学外文学院", joined: "2019-06-20")
    let before = try test.registry.snapshot()
    let problems = expectValueProblems { _ = try test.registry.withdraw("复旦", on: day("2019-06-19")) }
    #expect(
      problems == [FieldProblem(.leftOn, .leavingBeforeJoining(left: day("2019-06-19"), joined: day("2019-06-20")))])
    #expect(try test.registry.snapshot() == before)
    // Leaving on the joining day itself is a (short) period, not an error.
    _ = try test.registry.withdraw("复旦", on: day("2019-06-20"))
  }

  @Test func futureDatesAreRefused() throws {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.addGroup("文明共创")
    let fudan = try registry.add("复旦大学外文学院", joined: "2019-06-20").unit
    try registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try registry.withdraw("虹口区房管局", on: day("2018-05-01"))
    let before = try registry.snapshot()
    let tomorrow = day("2026-11-28")
    func afterToday(_ field: Field, _ role: DateRole, _ date: Day = day("2026-11-28")) -> [FieldProblem] {
      [FieldProblem(field, .afterToday(role, date, today: testToday))]
    }

    #expect(expectValueProblems { try registry.add("新单位", joined: "2026-11-28") } == afterToday(.joinedOn, .joining))
    #expect(
      expectValueProblems { _ = try registry.withdraw("复旦", on: tomorrow) } == afterToday(.leftOn, .leaving))
    #expect(
      expectValueProblems { _ = try registry.rejoin("房管局", on: tomorrow) } == afterToday(.joinedOn, .rejoining))
    #expect(
      expectValueProblems { _ = try registry.addAgreement(unit: "复旦", signedOn: tomorrow) }
        == afterToday(.signedOn, .signing))
    #expect(
      expectValueProblems { _ = try registry.joinGroup(unit: "复旦", group: "文明", on: tomorrow, role: .member) }
        == afterToday(.joinedOn, .groupJoining))
    #expect(
      expectValueProblems { try registry.addGroup("新组", established: "2027-01-01") }
        == afterToday(.establishedOn, .founding, day("2027-01-01")))
    #expect(
      expectValueProblems {
        _ = try registry.editUnit(fudan.id, UnitChanges(name: "复旦大学外国语言文学学院", renamedOn: tomorrow))
      } == afterToday(.renamedOn, .renaming))
    #expect(try registry.snapshot() == before)

    // An agreement may expire in the future.
    let renewal = try registry.addAgreement(
      unit: "复旦", signedOn: day("2026-11-27"), terms: AgreementTerms(expiresOn: day("2031-11-26")))
    #expect(renewal.expiresOn == day("2031-11-26"))
  }

  @Test func theSchemaRefusesOverlappingPeriodsInsertedDirectly() throws {
    let test = try TestRegistry()
    try test.registry.add("虹口区房管局", joined: "2016-03-01")
    _ = try test.registry.withdraw("虹口区房管局", on: day("2018-05-01"))
    let db = try Connection(path: test.path)
    /// The error of the insert, if any. The only triggers on `membership` are the overlap
    /// rule's, so a trigger's refusal is that rule's.
    func insert(_ joined: String, _ left: String?) -> SQLiteError? {
      do {
        try db.run("INSERT INTO membership (unit_id, joined_on, left_on) VALUES (1, ?, ?)", joined, left)
        return nil
      } catch let error as SQLiteError {
        return error
      } catch {
        Issue.record("not an SQLite error: \(error)")
        return nil
      }
    }
    // Overlapping the closed period 2016-03-01 – 2018-05-01 in every way.
    for (joined, left) in [
      ("2016-01-01", "2016-03-02"), ("2017-01-01", "2017-02-01"), ("2018-04-30", "2019-01-01"),
      ("2015-01-01", "2019-01-01"), ("2016-03-01", "2018-05-01"), ("2018-01-01", nil),
    ] as [(String, String?)] {
      let error = insert(joined, left)
      #expect(error?.isTriggerRaise == true, "\(joined)–\(left ?? "open"): \(error.map { "\($0)" } ?? "accepted")")
    }
    #expect(try test.registry.count("membership") == 1)
    // Touching periods do not overlap: before it, and an open one from its leaving day.
    #expect(insert("2010-01-01", "2016-03-01") == nil)
    #expect(insert("2018-05-01", nil) == nil)
    // A second open period is refused, whenever it begins.
    for joined in ["2020-01-01", "2026-01-01"] {
      let error = insert(joined, nil)
      #expect(error?.isTriggerRaise == true, "\(joined): \(error.map { "\($0)" } ?? "accepted")")
    }
    // Moving a period onto another is refused too.
    let moved = #expect(throws: SQLiteError.self) {
      try db.run("UPDATE membership SET joined_on = '2017-01-01' WHERE joined_on = '2018-05-01'")
    }
    #expect(moved?.isTriggerRaise == true)
    #expect(try test.registry.count("membership") == 3)
  }

  @Test func atMostOneOpenPeriodAfterAnySequence() throws {
    let test = try TestRegistry()
    let registry = test.registry
    let unit = try registry.add("虹口区房管局", joined: "2016-03-01").unit
    for (left, back) in [("2017-01-01", "2017-06-01"), ("2018-01-01", "2018-01-01"), ("2020-01-01", "2021-01-01")] {
      _ = try registry.withdraw("房管局", on: day(left))
      let again = expectRefusal { _ = try registry.withdraw("房管局", on: day(left)) }
      #expect(again == .notInAlliance(unit, leftOn: day(left)))
      _ = try registry.rejoin("房管局", on: day(back))
      let twice = expectRefusal { _ = try registry.rejoin("房管局", on: day(back)) }
      #expect(twice == .alreadyInAlliance(unit, since: day(back)))
    }
    let detail = try registry.unitDetail(unit.id)
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
  /// 虹口烟草糖酒有限公司 (unit 1), in the fixture's groups 1 and 2.
  static let tobacco = unit(1, "虹口烟草糖酒有限公司")
  static let civility = group(1, "文明共创")
  static let culture = group(2, "文化共享")
  static let safety = group(3, "平安共建")

  /// Three groups founded in 2015 and one unit that joined in 2016.
  func fixture() throws -> TestRegistry {
    let test = try TestRegistry()
    var groups: [GroupReference] = []
    for name in ["文明共创", "文化共享", "平安共建"] {
      groups.append(try test.registry.addGroup(name, established: "2015-01-01"))
    }
    #expect(groups == [Self.civility, Self.culture, Self.safety])
    let registration = try test.registry.add("虹口烟草糖酒有限公司", joined: "2016-03-01", groups: ["文明共创", "文化共享"])
    #expect(registration.unit == Self.tobacco)
    return test
  }

  @Test func withdrawingClosesEveryOpenGroupMembershipOnThatDay() throws {
    let test = try fixture()
    let registry = test.registry
    _ = try registry.joinGroup(unit: "烟草", group: "平安", on: day("2020-01-01"), role: .lead)
    _ = try registry.leaveGroup(unit: "烟草", group: "文化", on: day("2021-01-01"))
    let withdrawal = try registry.withdraw("烟草", on: day("2022-03-01"), reason: "单位合并")
    #expect(Set(withdrawal.closedGroups) == [Self.safety, Self.civility])
    let groups = try registry.unitDetail(Self.tobacco.id).groups
    #expect(groups.count == 3)
    #expect(groups.allSatisfy { $0.leftOn != nil })
    let leftOn = Dictionary(uniqueKeysWithValues: groups.map { ($0.group, $0.leftOn) })
    #expect(leftOn[Self.civility] == day("2022-03-01"))
    #expect(leftOn[Self.safety] == day("2022-03-01"))
    #expect(leftOn[Self.culture] == day("2021-01-01"), "an already closed membership keeps its date")
    #expect(try registry.groups().allSatisfy { $0.memberCount == 0 && $0.leads.isEmpty })
  }

  @Test func withdrawingBeforeAGroupMembershipBeganIsRefused() throws {
    let test = try fixture()
    _ = try test.registry.joinGroup(unit: "烟草", group: "平安", on: day("2020-01-01"), role: .member)
    let before = try test.registry.snapshot()
    let refusal = expectRefusal { _ = try test.registry.withdraw("烟草", on: day("2019-01-01")) }
    #expect(
      refusal
        == .withdrawalBeforeGroupJoin(
          Self.tobacco, group: Self.safety, groupJoinedOn: day("2020-01-01"), withdrawal: day("2019-01-01")))
    #expect(try test.registry.snapshot() == before)
  }

  @Test func joiningAGroupRequiresTheUnitToBeActive() throws {
    let test = try fixture()
    let registry = test.registry
    let housing = try registry.add("虹口区房管局", joined: "2017-01-01").unit
    _ = try registry.withdraw("虹口区房管局", on: day("2019-01-01"))
    let before = try registry.snapshot()
    // After it left.
    var refusal = expectRefusal {
      _ = try registry.joinGroup(unit: "房管局", group: "平安", on: day("2020-01-01"), role: .member)
    }
    #expect(refusal == .groupJoinOutsideAlliance(housing, day: day("2020-01-01")))
    // Before it joined.
    refusal = expectRefusal {
      _ = try registry.joinGroup(unit: "烟草", group: "平安", on: day("2016-01-01"), role: .member)
    }
    #expect(refusal == .groupJoinOutsideAlliance(Self.tobacco, day: day("2016-01-01")))
    // Within a past period.
    refusal = expectRefusal {
      _ = try registry.joinGroup(unit: "房管局", group: "平安", on: day("2018-01-01"), role: .member)
    }
    #expect(refusal == .periodEnded(housing, leftOn: day("2019-01-01")))
    #expect(try registry.snapshot() == before)
    // Before the group was founded.
    let newGroup = try registry.addGroup("新组", established: "2025-01-01")
    refusal = expectRefusal {
      _ = try registry.joinGroup(unit: "烟草", group: "新组", on: day("2024-01-01"), role: .member)
    }
    #expect(refusal == .groupNotYetFounded(newGroup, foundedOn: day("2025-01-01"), day: day("2024-01-01")))
    // An unknown group or unit: by name, and by id.
    refusal = expectRefusal { _ = try registry.joinGroup(unit: "烟草", group: "不存在", on: nil, role: .member) }
    #expect(refusal == .noSuchName(.group, text: "不存在", suggestions: []))
    refusal = expectRefusal { _ = try registry.joinGroup(unit: "不存在", group: "平安", on: nil, role: .member) }
    #expect(refusal == .noSuchName(.unit, text: "不存在", suggestions: []))
    refusal = expectRefusal {
      _ = try registry.joinGroup(unit: Self.tobacco.id, group: GroupID(99), on: nil, role: .member)
    }
    #expect(refusal == .noSuchID(.group, id: 99))
    refusal = expectRefusal {
      _ = try registry.joinGroup(unit: UnitID(99), group: Self.safety.id, on: nil, role: .member)
    }
    #expect(refusal == .noSuchID(.unit, id: 99))
    #expect(try registry.count("group_membership") == 2)
  }

  @Test func joiningWithoutADateJoinsToday() throws {
    let test = try fixture()
    let result = try test.registry.joinGroup(unit: "烟草", group: "平安", on: nil, role: .member)
    #expect(result.unit == Self.tobacco)
    #expect(result.group == Self.safety)
    #expect(result.role == .member)
    #expect(result.outcome == .joined(since: testToday))
  }

  @Test func leadChangesTheRoleFromThatDay() throws {
    let test = try fixture()
    let registry = test.registry
    let result = try registry.joinGroup(unit: "烟草", group: "文明共创", on: day("2020-01-01"), role: .lead)
    #expect(result.outcome == .roleChanged(from: .member, since: day("2020-01-01")))
    let memberships = try registry.unitDetail(Self.tobacco.id).groups.filter { $0.group == Self.civility }
    #expect(memberships.map(\.role) == [.member, .lead])
    #expect(memberships.map(\.joinedOn) == [day("2016-03-01"), day("2020-01-01")])
    #expect(memberships.map(\.leftOn) == [day("2020-01-01"), nil])
    #expect(try registry.groups().first { $0.id == Self.civility.id }?.leads == ["虹口烟草糖酒有限公司"])
    #expect(try registry.groups(on: day("2019-01-01")).first { $0.id == Self.civility.id }?.leads == [])

    let before = try registry.snapshot()
    var refusal = expectRefusal {
      _ = try registry.joinGroup(unit: "烟草", group: "文明共创", on: day("2021-01-01"), role: .lead)
    }
    #expect(refusal == .alreadyInGroup(Self.tobacco, Self.civility, role: .lead, since: day("2020-01-01")))
    // Back to member, but not before the lead role began.
    refusal = expectRefusal {
      _ = try registry.joinGroup(unit: "烟草", group: "文明共创", on: day("2019-01-01"), role: .member)
    }
    #expect(refusal == .roleChangeBeforeMembership(Self.tobacco, Self.civility, since: day("2020-01-01")))
    #expect(try registry.snapshot() == before)
    let back = try registry.joinGroup(unit: "烟草", group: "文明共创", on: day("2022-01-01"), role: .member)
    #expect(back.outcome == .roleChanged(from: .lead, since: day("2022-01-01")))
  }

  @Test func leavingAGroup() throws {
    let test = try fixture()
    let registry = test.registry
    let result = try registry.leaveGroup(unit: "烟草", group: "文化共享", on: day("2020-06-30"))
    #expect(result.unit == Self.tobacco)
    #expect(result.group == Self.culture)
    #expect(result.since == day("2016-03-01"))
    #expect(result.until == day("2020-06-30"))
    #expect(try registry.listUnits(UnitFilter()).first?.groups == ["文明共创"])
    #expect(try registry.listUnits(UnitFilter(activeOn: day("2020-06-29"))).first?.groups == ["文明共创", "文化共享"])

    let before = try registry.snapshot()
    var refusal = expectRefusal { _ = try registry.leaveGroup(unit: "烟草", group: "文化共享", on: day("2021-01-01")) }
    #expect(refusal == .notInGroup(Self.tobacco, Self.culture))
    refusal = expectRefusal { _ = try registry.leaveGroup(unit: "烟草", group: "平安共建", on: day("2021-01-01")) }
    #expect(refusal == .notInGroup(Self.tobacco, Self.safety))
    let problems = expectValueProblems {
      _ = try registry.leaveGroup(unit: "烟草", group: "文明", on: day("2016-01-01"))
    }
    #expect(
      problems == [
        FieldProblem(
          .leftOn,
          .leavingGroupBeforeJoining(day: day("2016-01-01"), group: Self.civility, joined: day("2016-03-01")))
      ])
    #expect(
      expectValueProblems { _ = try registry.leaveGroup(unit: "烟草", group: "文明", on: day("2027-01-01")) }
        == [FieldProblem(.leftOn, .afterToday(.groupLeaving, day("2027-01-01"), today: testToday))])
    #expect(try registry.snapshot() == before)

    // Joining again later opens a second membership; not one overlapping the first.
    refusal = expectRefusal {
      _ = try registry.joinGroup(unit: "烟草", group: "文化共享", on: day("2020-01-01"), role: .member)
    }
    #expect(refusal == .groupMembershipOverlaps(Self.tobacco, Self.culture, until: day("2020-06-30")))
    _ = try registry.joinGroup(unit: "烟草", group: "文化共享", on: day("2020-06-30"), role: .member)
    #expect(try registry.unitDetail(Self.tobacco.id).groups.filter { $0.group == Self.culture }.count == 2)
  }

  @Test func aDuplicateGroupIsRefused() throws {
    let test = try fixture()
    let before = try test.registry.snapshot()
    let refusal = expectRefusal { try test.registry.addGroup("文明 共创") }
    #expect(refusal == .groupExists(Self.civility))
    #expect(try test.registry.snapshot() == before)
  }

  @Test func groupDetailListsCurrentMembershipsFirst() throws {
    let test = try fixture()
    let fudan = try test.registry.add("复旦大学外文学院", joined: "2019-06-20", groups: ["文明共创"], lead: true).unit
    _ = try test.registry.leaveGroup(unit: "烟草", group: "文明共创", on: day("2020-01-01"))
    // By default the roster of today: the former member is not on it.
    let today = try test.registry.groupDetail("文明")
    #expect(today.memberships.map(\.unit) == [fudan])
    let detail = try test.registry.groupDetail("文明", includePast: true)
    #expect(detail.group.reference == Self.civility)
    #expect(detail.group.memberCount == 1)
    #expect(detail.group.leads == ["复旦大学外文学院"])
    #expect(detail.memberships.map(\.unit) == [fudan, Self.tobacco])
    #expect(detail.memberships.allSatisfy { $0.group == Self.civility })
    #expect(detail.memberships.map(\.role) == [.lead, .member])
    #expect(detail.memberships.map(\.leftOn) == [nil, day("2020-01-01")])
  }
}

// MARK: - Agreements

@Suite struct AgreementRulesTests {
  @Test func aRenewalIsANewAgreement() throws {
    let test = try TestRegistry()
    let bank = try test.registry.add("建设银行虹口支行", joined: "2019-06-20", expires: "2022-06-19").unit
    let renewal = try test.registry.addAgreement(
      unit: "建设银行", signedOn: day("2022-06-01"),
      terms: AgreementTerms(signatory: "李四", signatoryTitle: "行长", expiresOn: day("2025-05-31")))
    #expect(renewal.unit == bank)
    #expect(renewal.title == "区域化党建共建协议")
    #expect(renewal.signatoryTitle == "行长")
    let all = try test.registry.agreementList(unit: "建设银行")
    #expect(all.map(\.signedOn) == [day("2019-06-20"), day("2022-06-01")])
    #expect(all.map(\.expiresOn) == [day("2022-06-19"), day("2025-05-31")])
    #expect(try test.registry.agreementList().count == 2)
  }

  @Test func anAgreementOutsideTheAlliancePeriodIsRefused() throws {
    let test = try TestRegistry()
    let bank = try test.registry.add("建设银行虹口支行", joined: "2019-06-20").unit
    _ = try test.registry.withdraw("建设银行", on: day("2021-01-01"))
    let before = try test.registry.snapshot()
    for signed in ["2019-06-19", "2021-01-01", "2022-01-01"] {
      let refusal = expectRefusal { _ = try test.registry.addAgreement(unit: "建设银行", signedOn: day(signed)) }
      #expect(refusal == .signingOutsideAlliance(bank, signedOn: day(signed)))
    }
    let problems = expectValueProblems {
      _ = try test.registry.addAgreement(
        unit: "建设银行", signedOn: day("2020-01-01"), terms: AgreementTerms(expiresOn: day("2019-12-31")))
    }
    #expect(
      problems == [
        FieldProblem(.expiresOn, .expiresBeforeSigned(expires: day("2019-12-31"), signed: day("2020-01-01")))
      ])
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
    _ = try registry.withdraw("丁", on: day("2022-01-01"))
    try registry.add("戊 无期限", joined: "2018-01-01")
    try registry.add("己 明年到期", joined: "2022-06-01", expires: "2027-06-01")
    try registry.add("庚 今天到期", joined: "2021-11-27", expires: "2026-11-27")

    // An agreement without an expiry date is listed last whatever the horizon: nobody knows
    // when to renew it, and the centre should find out.
    let within30 = try registry.expiringAgreements(within: 30)
    #expect(within30.map(\.agreement.unit.name) == ["丙 已过期", "庚 今天到期", "甲 即将到期", "戊 无期限"])
    #expect(within30.map(\.daysLeft) == [-695, 0, 18, nil])
    #expect(
      try registry.expiringAgreements(within: 0).map(\.agreement.unit.name) == ["丙 已过期", "庚 今天到期", "戊 无期限"])
    #expect(try registry.expiringAgreements(within: 17).count == 3)
    #expect(try registry.expiringAgreements(within: 18).count == 4)
    #expect(
      try registry.expiringAgreements(within: 365).map(\.agreement.unit.name) == [
        "丙 已过期", "庚 今天到期", "甲 即将到期", "己 明年到期", "戊 无期限",
      ])
    #expect(try registry.expiringAgreements(within: 36_500).count == 6, "乙's latest agreement counts, 丁 left")
    #expect(
      expectRefusal { _ = try registry.expiringAgreements(within: -1) }
        == .dayCountOutOfRange(-1, limit: Registry.longestExpiryHorizon))
    #expect(
      expectRefusal { _ = try registry.expiringAgreements(within: 36_501) }
        == .dayCountOutOfRange(36_501, limit: Registry.longestExpiryHorizon))
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
    #expect(try test.registry.resolveUnit(query).id == UnitID(id))
  }

  @Test func findsByAFormerNameAfterARename() throws {
    let test = try fixture()
    let housing = UnitID(6)
    let changed = try test.registry.editUnit(housing, UnitChanges(name: "虹口区房屋管理局", renamedOn: day("2020-01-01")))
    #expect(
      changed
        == UnitEdit(
          unit: unit(6, "虹口区房屋管理局"), changes: [FieldChange(field: .name, old: "虹口区房管局", new: "虹口区房屋管理局")]))
    #expect(try test.registry.resolveUnit("虹口区房管局") == unit(6, "虹口区房屋管理局"))
    #expect(try test.registry.resolveUnit("虹口区 房管局").id == housing)
    #expect(try test.registry.resolveUnit("房屋管理").id == housing)
    #expect(try test.registry.resolveUnit("房管").id == housing, "a part of the former name")
    let detail = try test.registry.unitDetail(housing)
    #expect(detail.formerNames == [FormerName(name: "虹口区房管局", renamedOn: day("2020-01-01"))])
    // Renaming back drops the name from the former names.
    _ = try test.registry.editUnit(housing, UnitChanges(name: "虹口区房管局"))
    #expect(try test.registry.unitDetail(housing).formerNames.map(\.name) == ["虹口区房屋管理局"])
    #expect(try test.registry.resolveUnit("虹口区房管局").id == housing)
  }

  @Test func anAmbiguousNameListsTheCandidates() throws {
    let test = try fixture()
    let refusal = expectRefusal { _ = try test.registry.resolveUnit("银行虹口") }
    #expect(
      refusal
        == .ambiguousName(
          .unit, text: "银行虹口",
          candidates: [Candidate(id: 4, name: "建设银行虹口支行"), Candidate(id: 5, name: "浦发银行虹口支行")], more: false))
  }

  @Test func anUnknownNameSuggestsTheNearestNames() throws {
    let test = try fixture()
    /// The suggestions of a refusal for a name nothing matches.
    func suggestions(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Candidate] {
      let refusal = expectRefusal(sourceLocation: sourceLocation) { _ = try test.registry.resolveUnit(text) }
      guard case .noSuchName(.unit, text, let suggestions) = refusal else {
        Issue.record("not refused as an unknown name: \(String(describing: refusal))", sourceLocation: sourceLocation)
        return []
      }
      return suggestions
    }
    let bank = Candidate(id: 4, name: "建设银行虹口支行")
    let near = suggestions("建设银行黄浦支行")
    #expect(near.first == bank, "the nearest name first: \(near)")
    #expect(!near.contains { $0.id == 6 }, "房管局 is nothing like it: \(near)")
    // An abbreviation shares characters, not pairs of them.
    #expect(suggestions("建行").contains(bank))
    #expect(suggestions("完全无关的名字") == [])
  }

  @Test func unknownIdsAndEmptyQueries() throws {
    let test = try fixture()
    #expect(expectRefusal { _ = try test.registry.resolveUnit("99") } == .noSuchID(.unit, id: 99))
    #expect(expectRefusal { _ = try test.registry.resolveUnit("#0") } == .noSuchID(.unit, id: 0))
    #expect(expectRefusal { _ = try test.registry.resolveUnit("") } == .emptyReference(.unit))
    #expect(expectRefusal { _ = try test.registry.resolveUnit(" \u{3000}") } == .emptyReference(.unit))
    let long = String(repeating: "长", count: 300)
    #expect(
      expectRefusal { _ = try test.registry.resolveUnit(long) } == .noSuchName(.unit, text: long, suggestions: []))
    #expect(expectRefusal { _ = try test.registry.resolveGroup("") } == .emptyReference(.group))
    #expect(expectRefusal { _ = try test.registry.resolveGroup("9") } == .noSuchID(.group, id: 9))
  }

  @Test func groupsAreLookedUpTheSameWay() throws {
    let test = try fixture()
    #expect(try test.registry.resolveGroup("1") == group(1, "文明共创"))
    #expect(try test.registry.resolveGroup("文明") == group(1, "文明共创"))
    #expect(try test.registry.resolveGroup("文化 共享") == group(2, "文化共享"))
    let ambiguous = expectRefusal { _ = try test.registry.resolveGroup("文") }
    #expect(
      ambiguous
        == .ambiguousName(
          .group, text: "文", candidates: [Candidate(id: 1, name: "文明共创"), Candidate(id: 2, name: "文化共享")],
          more: false))
    let missing = expectRefusal { _ = try test.registry.resolveGroup("文明共建") }
    guard case .noSuchName(.group, "文明共建", let suggestions) = missing else {
      Issue.record("not refused as an unknown name: \(String(describing: missing))")
      return
    }
    #expect(suggestions.contains(Candidate(id: 1, name: "文明共创")))
  }
}

// MARK: - Listing

@Suite struct ListFilterTests {
  /// The fixture's groups, by the ids they get (checked in `fixture`).
  static let civility = GroupID(1)  // 文明共创
  static let culture = GroupID(2)  // 文化共享

  /// 烟草 2016–; 房管局 2016–2018; 长远 2017–2019-12-31 and 2021–; 复旦 and 建行 2019–.
  func fixture() throws -> TestRegistry {
    let test = try TestRegistry()
    let registry = test.registry
    #expect(try registry.addGroup("文明共创", established: "2015-01-01").id == Self.civility)
    #expect(try registry.addGroup("文化共享", established: "2015-01-01").id == Self.culture)
    try registry.add("虹口烟草糖酒有限公司", joined: "2016-01-10", kind: "国有企业", groups: ["文明共创"], lead: true)
    try registry.add("虹口区房管局", joined: "2016-05-01", kind: "党政机关", groups: ["文明共创"])
    _ = try registry.withdraw("房管局", on: day("2018-06-30"), reason: "机构改革")
    try registry.add("复旦大学外文学院", joined: "2019-06-20", kind: "高校", groups: ["文化共享"])
    try registry.add("建设银行虹口支行", joined: "2019-06-20", kind: "金融机构")
    try registry.add("上海长远文化(集团)有限公司", joined: "2017-03-01", kind: "国有企业", groups: ["文化共享"])
    _ = try registry.withdraw("长远文化", on: day("2019-12-31"))
    _ = try registry.rejoin("长远文化", on: day("2021-02-01"))
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
    (UnitFilter(group: civility), ["烟草"]),
    (UnitFilter(group: culture), ["复旦"]),  // 长远 left the group when it withdrew
    (UnitFilter(group: civility, all: true), ["烟草", "房管"]),
    (UnitFilter(activeInYear: 2017, group: civility), ["烟草", "房管"]),
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

  @Test func yearsOutsideTheCalendarAndUnknownGroupsAreRefused() throws {
    let test = try fixture()
    #expect(
      expectRefusal { _ = try test.registry.listUnits(UnitFilter(activeInYear: 1800)) } == .yearOutOfRange(1800))
    #expect(
      expectRefusal { _ = try test.registry.listUnits(UnitFilter(joinedInYear: 10_000)) } == .yearOutOfRange(10_000))
    #expect(
      expectRefusal { _ = try test.registry.listUnits(UnitFilter(leftInYear: 1899)) } == .yearOutOfRange(1899))
    #expect(
      expectRefusal {
        _ = try test.registry.listUnits(UnitFilter(group: try test.registry.resolveGroup("不存在").id))
      } == .noSuchName(.group, text: "不存在", suggestions: []))
  }
}

// MARK: - History

@Suite struct HistoryRulesTests {
  @Test func everyChangeWritesOneEntry() throws {
    let test = try TestRegistry()
    let registry = test.registry
    let start = try registry.history().count  // init's own entry
    #expect(try registry.history().first?.change == .initialize)
    var expected: [ChangeAction] = []
    func changed(_ action: ChangeAction, _ body: () throws -> Void) throws {
      try body()
      expected.append(action)
      let entries = try registry.history()
      #expect(entries.count == start + expected.count, "\(action)")
      #expect(entries.last?.change == action)
      #expect(entries.last?.action == action.rawValue)
      #expect(entries.last?.changedBy == "tester")
      #expect(entries.last?.command == "gongjian test")
      #expect(entries.last?.recordedSummary == "", "new entries hold facts, not sentences")
    }
    let fudan = UnitID(1)
    let civility = GroupID(1)
    try changed(.groupAdd) { try registry.addGroup("文明共创", established: "2015-01-01") }
    try changed(.register) { try registry.add("复旦大学外文学院", joined: "2019-06-20", groups: ["文明"]) }
    try changed(.edit) { _ = try registry.editUnit(fudan, UnitChanges(details: UnitDetails(contactPhone: "123"))) }
    try changed(.groupJoin) {
      _ = try registry.joinGroup(unit: fudan, group: civility, on: day("2020-01-01"), role: .lead)
    }
    try changed(.groupLeave) { _ = try registry.leaveGroup(unit: fudan, group: civility, on: day("2021-01-01")) }
    try changed(.agreementAdd) {
      _ = try registry.addAgreement(unit: fudan, signedOn: day("2022-06-01"), terms: AgreementTerms())
    }
    try changed(.withdraw) { _ = try registry.withdraw(fudan, on: day("2023-01-01"), reason: "合并") }
    try changed(.rejoin) {
      _ = try registry.rejoin(fudan, on: day("2024-01-01"), agreement: AgreementTerms(), groups: [], lead: false)
    }
    try changed(.edit) { _ = try registry.editUnit(fudan, UnitChanges(name: "复旦大学外国语言文学学院")) }

    let entries = try registry.history()
    let unitEntries = try registry.history(unit: fudan)
    #expect(unitEntries.map(\.change) == Array(expected.dropFirst()))
    #expect(unitEntries.allSatisfy { $0.unit == unit(1, "复旦大学外国语言文学学院") }, "the unit by its current name")
    let groupEntry = try #require(entries.first { $0.change == .groupAdd })
    #expect(groupEntry.unit == nil)
    #expect(groupEntry.facts == .object(["name": .string("文明共创"), "established_on": .string("2015-01-01")]))
    #expect(jsonObject(groupEntry.after)?["name"] as? String == "文明共创")

    // Facts say what each change did.
    let register = try #require(unitEntries.first)
    #expect(
      register.facts
        == .object([
          "name": .string("复旦大学外文学院"), "joined_on": .string("2019-06-20"), "groups": .array([.string("文明共创")]),
          "lead": .bool(false),
        ]))
    let withdraw = try #require(unitEntries.first { $0.change == .withdraw })
    #expect(
      withdraw.facts
        == .object(["on": .string("2023-01-01"), "reason": .string("合并"), "groups": .array([])]))

    // Before and after are JSON describing the unit.
    let after = try #require(jsonObject(withdraw.after))
    let periods = after["periods"] as? [[String: Any]]
    #expect(periods?.first?["left_on"] as? String == "2023-01-01")
    let withdrawBefore = try #require(jsonObject(withdraw.before))
    #expect(withdrawBefore["left_on"] is NSNull, "in the alliance before the withdrawal")
    #expect(register.before == nil)
    #expect(jsonObject(register.after)?["name"] as? String == "复旦大学外文学院")
    let rename = try #require(unitEntries.last)
    #expect(
      rename.facts
        == .object([
          "changes": .array([
            .object([
              "field": .string("name"), "old": .string("复旦大学外文学院"), "new": .string("复旦大学外国语言文学学院"),
            ])
          ])
        ]))
    #expect(jsonObject(rename.before)?["name"] as? String == "复旦大学外文学院")
    #expect(jsonObject(rename.after)?["name"] as? String == "复旦大学外国语言文学学院")
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
      { _ = try registry.withdraw("复旦", on: day("2019-01-01")) },
      { _ = try registry.rejoin("复旦", on: day("2020-01-01")) },
      { _ = try registry.joinGroup(unit: "复旦", group: "文明", on: day("2019-01-01"), role: .member) },
      { _ = try registry.leaveGroup(unit: "复旦", group: "文明", on: day("2020-01-01")) },
      { _ = try registry.addAgreement(unit: "复旦", signedOn: day("2018-01-01")) },
      { _ = try registry.editUnit(UnitID(1), UnitChanges(name: "")) },
      { try registry.addGroup("文明共创") },
    ]
    for (index, attempt) in attempts.enumerated() {
      #expect(thrownError(attempt) is Refusal, "attempt \(index) was not refused")
    }
    #expect(try registry.snapshot() == before)
  }

  @Test func aCommandRefusedHalfWayIsRolledBackWhole() throws {
    // rejoin writes the period and the agreement before it looks at the groups: a bad group
    // must take the period and the agreement back with it.
    let test = try TestRegistry()
    let registry = test.registry
    let newGroup = try registry.addGroup("新组", established: "2024-01-01")
    let housing = try registry.add("虹口区房管局", joined: "2016-03-01").unit
    _ = try registry.withdraw("房管局", on: day("2018-01-01"))
    let before = try registry.snapshot()
    for (groups, reason) in [
      ([GroupID(99)], Refusal.noSuchID(.group, id: 99)),
      ([newGroup.id], .groupNotYetFounded(newGroup, foundedOn: day("2024-01-01"), day: day("2020-01-01"))),
    ] {
      let refusal = expectRefusal {
        _ = try registry.rejoin(
          housing.id, on: day("2020-01-01"), agreement: AgreementTerms(), groups: groups, lead: false)
      }
      #expect(refusal == reason)
      #expect(try registry.snapshot() == before, "\(groups)")
    }
    // The same rejoin with a group that exists then succeeds.
    _ = try registry.rejoin("房管局", on: day("2024-02-01"), groups: ["新组"], lead: true)
    #expect(try registry.unitDetail(housing.id).groups.map(\.role) == [.lead])
  }

  @Test func anEditThatChangesNothingWritesNothing() throws {
    let test = try TestRegistry()
    let fudan = try test.registry.add("复旦大学外文学院", joined: "2019-06-20", kind: "高校").unit
    let before = try test.registry.snapshot()
    let changed = try test.registry.editUnit(
      fudan.id, UnitChanges(name: " 复旦大学外文学院 ", details: UnitDetails(kind: "高校")))
    #expect(changed == UnitEdit(unit: fudan, changes: []))
    #expect(try test.registry.snapshot() == before)
  }

  @Test func editClearsAFieldWithEmptyTextAndRefusesATakenName() throws {
    let test = try TestRegistry()
    let fudan = try test.registry.add("复旦大学外文学院", joined: "2019-06-20").unit
    let bank = try test.registry.add("建设银行虹口支行", joined: "2019-06-20").unit
    _ = try test.registry.editUnit(fudan.id, UnitChanges(details: UnitDetails(kind: "高校", contactPhone: "123")))
    let changed = try test.registry.editUnit(fudan.id, UnitChanges(details: UnitDetails(contactPhone: "")))
    #expect(changed.changes == [FieldChange(field: .contactPhone, old: "123", new: nil)])
    let detail = try test.registry.unitDetail(fudan.id)
    #expect(detail.details.contactPhone == nil)
    #expect(detail.kind == "高校")
    let before = try test.registry.snapshot()
    let refusal = expectRefusal { _ = try test.registry.editUnit(fudan.id, UnitChanges(name: "建设银行 虹口支行")) }
    #expect(refusal == .nameTaken(name: "建设银行 虹口支行", other: bank, joinedOn: day("2019-06-20")))
    #expect(try test.registry.snapshot() == before)
  }
}
