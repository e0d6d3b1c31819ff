import GongjianRegistry
import Testing

@testable import GongjianPresentation

/// Every text exists in both languages with the same data in it. The catalogues are Swift
/// types, so a missing text does not compile; these tests check what the compiler cannot:
/// that each language's sentence carries every fact it was given, and that the two languages
/// really are two.
@Suite struct CatalogueTests {
  static let unit = UnitReference(id: UnitID(4711), name: "甲乙丙单位")
  static let other = UnitReference(id: UnitID(4712), name: "丁戊己单位")
  static let group = GroupReference(id: GroupID(4713), name: "庚辛专项组")
  static let first = Day(year: 2019, month: 6, day: 27)!
  static let second = Day(year: 2020, month: 3, day: 1)!
  static let today = Day(year: 2026, month: 11, day: 27)!
  static let candidates = [Candidate(id: 4714, name: "壬癸单位"), Candidate(id: 4715, name: "子丑单位")]
  static let meeting = MeetingReference(id: MeetingID(4717), title: "寅卯年联席会议", heldOn: first)
  static let earlier = MeetingReference(id: MeetingID(4718), title: "辰巳座谈会", heldOn: second)
  static let task = FollowupReference(id: FollowupID(4719), text: "午未督办事项")

  /// One refusal of every kind. The switch below has no `default`, so adding a kind of refusal
  /// does not compile until it has a sample here.
  static let refusals: [Refusal] =
    [
      .emptyReference(.unit), .noSuchID(.group, id: 4716), .noSuchName(.unit, text: "寅卯", suggestions: candidates),
      .noSuchName(.group, text: "寅卯", suggestions: []),
      .ambiguousName(.unit, text: "辰巳", candidates: candidates, more: true),
      .alreadyRegistered(name: "午未单位", existing: unit, joinedOn: first, leftOn: second),
      .alreadyRegistered(name: "午未单位", existing: unit, joinedOn: first, leftOn: nil),
      .similarToRegistered(name: "午未（集团）单位", existing: unit, joinedOn: first),
      .nameTaken(name: "申酉单位", other: other, joinedOn: first), .notInAlliance(unit, leftOn: second),
      .alreadyInAlliance(unit, since: first), .signingOutsideAlliance(unit, signedOn: second),
      .groupJoinOutsideAlliance(unit, day: second), .periodEnded(unit, leftOn: second),
      .withdrawalBeforeGroupJoin(unit, group: group, groupJoinedOn: second, withdrawal: first), .groupExists(group),
      .groupDissolved(group, on: second), .groupNotYetFounded(group, foundedOn: second, day: first),
      .groupMembershipOverlaps(unit, group, until: second), .alreadyInGroup(unit, group, role: .lead, since: first),
      .roleChangeBeforeMembership(unit, group, since: second), .notInGroup(unit, group),
      .noSuchPeriod(unit, number: 3, count: 2), .leavingAnOpenPeriod(unit, since: first),
      .periodsWouldOverlap(unit, period: 1, joinedOn: first, leftOn: second),
      .correctionStrandsGroupMembership(unit, group: group, joinedOn: first, leftOn: second),
      .correctionStrandsAgreement(unit, title: "区域化党建共建协议", signedOn: second), .nothingToUndo,
      .latestChangeMoved, .accountExists(name: "王芳"), .noSuchAccount(name: "王芬", known: ["王芳", "李明"]),
      .noSuchAccount(name: "王芬", known: []),
      .cannotUndo(action: "edit", at: "2026-11-27T01:02:03Z", reason: .changedSince(unit)),
      .cannotUndo(action: "group add", at: "", reason: .groupInUse(group)),
      .cannotUndo(action: "init", at: "", reason: .notReversible),
      .invalidValues([
        FieldProblem(.joinedOn, .afterToday(.joining, second, today: today)),
        FieldProblem(.leftOn, .leavingBeforeJoining(left: first, joined: second)),
      ]),
      .yearOutOfRange(1776), .rangeReversed(from: 2019, to: 2016), .rangeInFuture(to: 2031, today: today),
      .dayCountOutOfRange(-3, limit: 36_500),
      .importFailed(
        ImportProblems(
          path: "名单.csv", rows: 12,
          problems: [
            RowProblem(line: 7, column: "加入日期", issue: .value(.missing)),
            RowProblem(line: 9, column: "单位名称", issue: .duplicateInFile(name: "午未单位", firstLine: 3)),
          ], count: 25)),
      .unreadableInput(path: "名单.xlsx", .crcMismatch(part: "xl/worksheets/sheet1.xml")),
      .unreadableInput(path: "名单.csv", .unclosedQuote(line: 17)),
      .importHeader(
        path: "名单.xlsx",
        HeaderFailure(line: 3, problems: [.unknownColumn(column: 2, header: "负责人"), .missingColumn(field: .joinedOn)]),
        layout: ImportLayout(format: .xlsx(sheet: "名单", sheets: []))),
      .inputNameEmpty, .inputMissing(path: "名单.csv"), .inputIsFolder(path: "名单"), .inputIsOldExcel(path: "名单.xls"),
      .inputEmpty(path: "名单.csv"), .inputHasNoRows(path: "名单.csv"), .impossibleStoredDate("2019-02-30"),
      .registryDamaged(path: "registry.sqlite", problems: 3),
      .district(.noRegistryInFolder(path: "各街道")), .district(.inputMissing(path: "欧阳路.sqlite")),
      .district(.givenTwice(path: "各街道/欧阳路.sqlite", sameAs: "欧阳路.sqlite")),
      .district(.unreadable(DistrictSkip(file: "名单.sqlite", problem: .storage(.notSQLite(path: "名单.sqlite"))))),
      .district(
        .unreadable(
          DistrictSkip(
            file: "新.sqlite", problem: .storage(.newerSchema(path: "新.sqlite", version: 99, latest: 2))))),
      .district(
        .unreadable(
          DistrictSkip(
            file: "坏.sqlite", problem: .storage(.damaged(path: "坏.sqlite", detail: "database disk image is malformed")))
        )),
      .district(
        .nothingReadable([
          DistrictSkip(
            file: "别的.sqlite", problem: .storage(.otherApplication(path: "别的.sqlite", applicationID: 1234))),
          DistrictSkip(file: "空.sqlite", problem: .storage(.emptyFile(path: "空.sqlite"))),
          DistrictSkip(file: "日期.sqlite", problem: .refusal(.impossibleStoredDate("2019-02-30"))),
          DistrictSkip(
            file: "旧.sqlite", problem: .storage(.needsUpgrade(path: "旧.sqlite", version: 0, latest: 2))),
          DistrictSkip(file: "忙.sqlite", problem: .storage(.busy(path: "忙.sqlite"))),
        ])),
      .cannotUndo(action: "meeting attend", at: "", reason: .meetingChangedSince(meeting)),
      .meetings(.emptyReference(.meeting)), .meetings(.emptyReference(.followup)),
      .meetings(.noSuchMeeting(text: "申酉会", suggestions: [meeting, earlier])),
      .meetings(.noSuchMeeting(text: "申酉会", suggestions: [])),
      .meetings(.ambiguousMeeting(text: "联席", candidates: [meeting, earlier], more: true)),
      .meetings(.noSuchRecord(.decision, text: "戌亥")), .meetings(.noSuchRecord(.followup, text: "戌亥")),
      .meetings(.ambiguousRecord(.followup, text: "事项", candidates: candidates, more: false)),
      .meetings(.meetingExists(meeting)), .meetings(.notYetHeld(meeting, today: today)),
      .meetings(.notInAllianceOnMeetingDay(unit, meeting: meeting, leftOn: second)),
      .meetings(.notInAllianceOnMeetingDay(unit, meeting: meeting, leftOn: nil)),
      .meetings(.alreadyDone(task, since: second)), .meetings(.alreadyOpen(task)),
      .meetings(.unitHasMeetingRecords(unit, records: 5)), .meetings(.strandsMeetingRecords(unit, meeting: meeting)),
      .invalidValues([
        FieldProblem(.joinedOn, .afterMeeting(second, meetingDay: first)),
        FieldProblem(.joinedOn, .beforeMeeting(today, meetingDay: first)),
      ]),
    ] + listRefusals.map(Refusal.lists)

  static let resource = ItemReference(.resource, id: 4721, title: "寅卯资源")
  static let need = ItemReference(.need, id: 4722, title: "辰巳需求")
  static let project = ItemReference(.project, id: 4723, title: "午未项目")

  /// One refusal of the lists of every kind: `listKind(_:)` has no `default`.
  static let listRefusals: [ListRefusal] = [
    .unitNotInAlliance(unit, day: first), .unitHasLeft(unit, leftOn: second), .unitHasLeft(unit, leftOn: nil),
    .resourceWithdrawn(resource, on: second), .resourceNotAvailable(resource, day: first, from: second, until: nil),
    .resourceNotAvailable(resource, day: second, from: first, until: today),
    .withdrawalBeforeAvailable(resource, day: first, from: second), .needFinished(need, status: .met, on: second),
    .projectFinished(project, status: .dropped, on: second), .alreadyClaimed(need, by: unit, on: first),
    .changeBeforePrevious(project, day: first, previous: second),
    .projectStatusNotForward(project, from: .running, to: .running), .projectNotStarted(project),
    .activityOutsideProject(project, day: first, started: second, ended: today),
    .activityOutsideProject(project, day: first, started: second, ended: nil),
    .creditCodeTaken("91310000132149237G", other: other), .unitHasListEntries(unit, count: 4724),
    .cannotUndoItem(action: "need claim", at: "2026-11-27T01:02:03Z", item: need), .idTaken(project),
  ]

  static func listKind(_ refusal: ListRefusal) -> String {
    switch refusal {
    case .unitNotInAlliance: "unitNotInAlliance"
    case .unitHasLeft: "unitHasLeft"
    case .resourceWithdrawn: "resourceWithdrawn"
    case .resourceNotAvailable: "resourceNotAvailable"
    case .withdrawalBeforeAvailable: "withdrawalBeforeAvailable"
    case .needFinished: "needFinished"
    case .projectFinished: "projectFinished"
    case .alreadyClaimed: "alreadyClaimed"
    case .changeBeforePrevious: "changeBeforePrevious"
    case .projectStatusNotForward: "projectStatusNotForward"
    case .projectNotStarted: "projectNotStarted"
    case .activityOutsideProject: "activityOutsideProject"
    case .creditCodeTaken: "creditCodeTaken"
    case .unitHasListEntries: "unitHasListEntries"
    case .cannotUndoItem: "cannotUndoItem"
    case .idTaken: "idTaken"
    }
  }

  static func listFacts(_ refusal: ListRefusal) -> [[String]] {
    func day(_ value: Day) -> [String] { [value.iso, "\(value.year)年\(value.month)月\(value.day)日"] }
    func unit(_ value: UnitReference) -> [[String]] { [[value.name], ["\(value.id)"]] }
    func item(_ value: ItemReference) -> [[String]] { [[value.title], ["\(value.id)"]] }
    switch refusal {
    case .unitNotInAlliance(let reference, let date): return unit(reference) + [day(date)]
    case .unitHasLeft(let reference, let leftOn): return unit(reference) + (leftOn.map { [day($0)] } ?? [])
    case .resourceWithdrawn(let resource, let on): return item(resource) + [day(on)]
    case .resourceNotAvailable(let resource, let date, let from, let until):
      return item(resource) + [day(date), day(from)] + (until.map { [day($0)] } ?? [])
    case .withdrawalBeforeAvailable(let resource, let date, let from): return item(resource) + [day(date), day(from)]
    case .needFinished(let need, _, let on): return item(need) + [day(on)]
    case .projectFinished(let project, _, let on): return item(project) + [day(on)]
    case .alreadyClaimed(let target, let by, let on): return item(target) + unit(by) + [day(on)]
    case .changeBeforePrevious(let target, let date, let previous): return item(target) + [day(date), day(previous)]
    case .projectStatusNotForward(let project, _, _), .projectNotStarted(let project), .idTaken(let project):
      return item(project)
    case .activityOutsideProject(let project, let date, let started, let ended):
      return item(project) + [day(date), day(started)] + (ended.map { [day($0)] } ?? [])
    case .creditCodeTaken(let code, let other): return [[code]] + unit(other)
    case .unitHasListEntries(let reference, let count): return unit(reference) + [["\(count)"]]
    case .cannotUndoItem(_, _, let target): return item(target)
    }
  }

  /// Which kind a refusal is: the compiler makes this list every kind.
  static func kind(_ refusal: Refusal) -> String {
    switch refusal {
    case .emptyReference: "emptyReference"
    case .noSuchID: "noSuchID"
    case .noSuchName: "noSuchName"
    case .ambiguousName: "ambiguousName"
    case .alreadyRegistered: "alreadyRegistered"
    case .similarToRegistered: "similarToRegistered"
    case .nameTaken: "nameTaken"
    case .notInAlliance: "notInAlliance"
    case .alreadyInAlliance: "alreadyInAlliance"
    case .signingOutsideAlliance: "signingOutsideAlliance"
    case .groupJoinOutsideAlliance: "groupJoinOutsideAlliance"
    case .periodEnded: "periodEnded"
    case .withdrawalBeforeGroupJoin: "withdrawalBeforeGroupJoin"
    case .groupExists: "groupExists"
    case .groupDissolved: "groupDissolved"
    case .groupNotYetFounded: "groupNotYetFounded"
    case .groupMembershipOverlaps: "groupMembershipOverlaps"
    case .alreadyInGroup: "alreadyInGroup"
    case .roleChangeBeforeMembership: "roleChangeBeforeMembership"
    case .notInGroup: "notInGroup"
    case .noSuchPeriod: "noSuchPeriod"
    case .leavingAnOpenPeriod: "leavingAnOpenPeriod"
    case .periodsWouldOverlap: "periodsWouldOverlap"
    case .correctionStrandsGroupMembership: "correctionStrandsGroupMembership"
    case .correctionStrandsAgreement: "correctionStrandsAgreement"
    case .nothingToUndo: "nothingToUndo"
    case .latestChangeMoved: "latestChangeMoved"
    case .accountExists: "accountExists"
    case .noSuchAccount: "noSuchAccount"
    case .cannotUndo: "cannotUndo"
    case .invalidValues: "invalidValues"
    case .yearOutOfRange: "yearOutOfRange"
    case .rangeReversed: "rangeReversed"
    case .rangeInFuture: "rangeInFuture"
    case .dayCountOutOfRange: "dayCountOutOfRange"
    case .importFailed: "importFailed"
    case .unreadableInput: "unreadableInput"
    case .importHeader: "importHeader"
    case .inputNameEmpty: "inputNameEmpty"
    case .inputMissing: "inputMissing"
    case .inputIsFolder: "inputIsFolder"
    case .inputIsOldExcel: "inputIsOldExcel"
    case .inputEmpty: "inputEmpty"
    case .inputHasNoRows: "inputHasNoRows"
    case .impossibleStoredDate: "impossibleStoredDate"
    case .registryDamaged: "registryDamaged"
    case .district: "district"
    case .meetings(let refusal):
      switch refusal {
      case .emptyReference: "meetings.emptyReference"
      case .noSuchMeeting: "meetings.noSuchMeeting"
      case .ambiguousMeeting: "meetings.ambiguousMeeting"
      case .noSuchRecord: "meetings.noSuchRecord"
      case .ambiguousRecord: "meetings.ambiguousRecord"
      case .meetingExists: "meetings.meetingExists"
      case .notYetHeld: "meetings.notYetHeld"
      case .notInAllianceOnMeetingDay: "meetings.notInAllianceOnMeetingDay"
      case .alreadyDone: "meetings.alreadyDone"
      case .alreadyOpen: "meetings.alreadyOpen"
      case .unitHasMeetingRecords: "meetings.unitHasMeetingRecords"
      case .strandsMeetingRecords: "meetings.strandsMeetingRecords"
      }
    case .lists: "lists"
    }
  }

  /// The facts a refusal carries, as they must show in any language: names, ids, numbers,
  /// years; days as either form (2019-06-27 or 2019年6月27日).
  static func facts(of refusal: Refusal) -> [[String]] {
    func day(_ value: Day) -> [String] { [value.iso, "\(value.year)年\(value.month)月\(value.day)日"] }
    func unit(_ value: UnitReference) -> [[String]] { [[value.name], ["\(value.id)"]] }
    switch refusal {
    case .emptyReference, .inputNameEmpty: return []
    case .registryDamaged(let path, let problems): return [[path], ["\(problems)"]]
    case .noSuchID(_, let id): return [["\(id)"]]
    case .noSuchName(_, let text, let suggestions):
      return [[text]] + suggestions.flatMap { [[$0.name], ["\($0.id)"]] }
    case .ambiguousName(_, let text, let candidates, _):
      return [[text]] + candidates.flatMap { [[$0.name], ["\($0.id)"]] }
    case .alreadyRegistered(let name, let existing, let joinedOn, let leftOn):
      return [[name], day(joinedOn)] + unit(existing) + (leftOn.map { [day($0)] } ?? [])
    case .nameTaken(let name, let other, let joinedOn), .similarToRegistered(let name, let other, let joinedOn):
      return [[name], day(joinedOn)] + unit(other)
    case .notInAlliance(let reference, let leftOn): return unit(reference) + (leftOn.map { [day($0)] } ?? [])
    case .alreadyInAlliance(let reference, let since): return unit(reference) + [day(since)]
    case .signingOutsideAlliance(let reference, let date), .groupJoinOutsideAlliance(let reference, let date),
      .periodEnded(let reference, let date):
      return unit(reference) + [day(date)]
    case .withdrawalBeforeGroupJoin(let reference, let group, let joined, let withdrawal):
      return unit(reference) + [[group.name], day(joined), day(withdrawal)]
    case .groupExists(let group): return [[group.name], ["\(group.id)"]]
    case .groupDissolved(let group, let on): return [[group.name], day(on)]
    case .groupNotYetFounded(let group, let founded, let date): return [[group.name], day(founded), day(date)]
    case .groupMembershipOverlaps(let reference, let group, let until):
      return unit(reference) + [[group.name], day(until)]
    case .alreadyInGroup(let reference, let group, _, let since),
      .roleChangeBeforeMembership(let reference, let group, let since):
      return unit(reference) + [[group.name], day(since)]
    case .notInGroup(let reference, let group): return unit(reference) + [[group.name]]
    case .noSuchPeriod(let reference, let number, let count): return unit(reference) + [["\(number)"], ["\(count)"]]
    case .leavingAnOpenPeriod(let reference, let since): return unit(reference) + [day(since)]
    case .periodsWouldOverlap(let reference, let period, let joined, let left):
      return unit(reference) + [["\(period)"], day(joined)] + (left.map { [day($0)] } ?? [])
    case .correctionStrandsGroupMembership(let reference, let group, let joined, let left):
      return unit(reference) + [[group.name], day(joined)] + (left.map { [day($0)] } ?? [])
    case .correctionStrandsAgreement(let reference, let title, let signed):
      return unit(reference) + [[title], day(signed)]
    case .nothingToUndo: return []
    case .latestChangeMoved: return []
    case .accountExists(let name): return [[name]]
    case .noSuchAccount(let name, let known): return [[name]] + known.map { [$0] }
    case .cannotUndo(_, _, let reason):
      switch reason {
      case .changedSince(let reference): return unit(reference)
      case .groupInUse(let group): return [[group.name]]
      case .notReversible: return []
      case .meetingChangedSince(let meeting): return [[meeting.title], ["\(meeting.id)"]]
      }
    case .invalidValues: return [day(first), day(second), day(today)]
    case .yearOutOfRange(let year): return [["\(year)"]]
    case .rangeReversed(let from, let to): return [["\(from)"], ["\(to)"]]
    case .rangeInFuture(let to, let today): return [["\(to)"], day(today)]
    case .dayCountOutOfRange(let count, let limit): return [["\(count)"], ["\(limit)"]]
    case .importFailed(let failure):
      return [[failure.path], ["\(failure.rows)"], ["\(failure.count)"], ["7"], ["9"], ["3"], ["加入日期"], ["午未单位"]]
    case .unreadableInput(let path, let problem):
      return [[path]] + (problem.part.map { [[$0]] } ?? []) + (problem.line.map { [["\($0)"]] } ?? [])
    case .importHeader(let path, let failure, _):
      return [[path], ["\(failure.line)"], ["负责人"], ["加入日期"]]
    case .inputMissing(let path), .inputIsFolder(let path), .inputIsOldExcel(let path), .inputEmpty(let path),
      .inputHasNoRows(let path):
      return [[path]]
    case .impossibleStoredDate(let text): return [[text]]
    case .meetings(let refusal): return facts(of: refusal)
    case .lists(let reason): return listFacts(reason)
    case .district(let district):
      switch district {
      case .noRegistryInFolder(let path), .inputMissing(let path): return [[path]]
      case .givenTwice(let path, let other): return [[path], [other]]
      case .unreadable(let skip): return districtFacts(skip)
      case .nothingReadable(let skipped): return skipped.flatMap(districtFacts)
      }
    }
  }

  /// A file left out of a district report: its name, and the numbers its problem carries.
  static func districtFacts(_ skip: DistrictSkip) -> [[String]] {
    switch skip.problem {
    case .storage(.newerSchema(_, let version, let latest)): return [[skip.file], ["\(version)"], ["\(latest)"]]
    case .storage(.otherApplication(_, let id)):
      return [[skip.file], ["0x" + String(UInt32(bitPattern: id), radix: 16)]]
    case .refusal(.impossibleStoredDate(let text)): return [[skip.file], [text]]
    default: return [[skip.file]]
    }
  }

  /// The facts a refusal about meetings carries.
  static func facts(of refusal: MeetingRefusal) -> [[String]] {
    func day(_ value: Day) -> [String] { [value.iso, "\(value.year)年\(value.month)月\(value.day)日"] }
    func unit(_ value: UnitReference) -> [[String]] { [[value.name], ["\(value.id)"]] }
    func meeting(_ value: MeetingReference) -> [[String]] { [[value.title], ["\(value.id)"], day(value.heldOn)] }
    func task(_ value: FollowupReference) -> [[String]] { [[value.text], ["\(value.id)"]] }
    switch refusal {
    case .emptyReference: return []
    case .noSuchMeeting(let text, let suggestions): return [[text]] + suggestions.flatMap(meeting)
    case .ambiguousMeeting(let text, let candidates, _): return [[text]] + candidates.flatMap(meeting)
    case .noSuchRecord(_, let text): return [[text]]
    case .ambiguousRecord(_, let text, let candidates, _):
      return [[text]] + candidates.flatMap { [[$0.name], ["\($0.id)"]] }
    case .meetingExists(let existing): return meeting(existing)
    case .notYetHeld(let held, let today): return meeting(held) + [day(today)]
    case .notInAllianceOnMeetingDay(let reference, let held, let leftOn):
      return unit(reference) + meeting(held) + (leftOn.map { [day($0)] } ?? [])
    case .alreadyDone(let reference, let since): return task(reference) + [day(since)]
    case .alreadyOpen(let reference): return task(reference)
    case .unitHasMeetingRecords(let reference, let records): return unit(reference) + [["\(records)"]]
    case .strandsMeetingRecords(let reference, let held): return unit(reference) + meeting(held)
    }
  }

  @Test func everyKindOfRefusalHasASample() {
    let kinds = Set(Self.refusals.map(Self.kind))
    // The count of cases in `kind(_:)`: raising it means adding a sample above.
    #expect(kinds.count == 44 + 12 + 3 + 1)
    #expect(Set(Self.listRefusals.map(Self.listKind)).count == 16)
  }

  /// Every value problem of the lists and every usage mistake, in both languages, with its data.
  @Test func everyListValueProblemAndMistakeIsWorded() {
    let problems: [(ListValueProblem, [String])] = [
      (.notANumber("三十"), ["三十"]), (.notWhole(2.5), ["2.5"]),
      (.numberOutOfRange(-1, max: 1_000_000), ["-1", "1000000"]),
      (.creditCodeLength(16), ["16"]), (.creditCodeCharacter("I", position: 17), ["I", "17"]),
      (.creditCodeCheck(expected: "G", found: "X"), ["G", "X"]),
      (.unknownLevel("社区级", known: ProjectLevel.all), ["社区级", "街区联建"]),
      (.unknownStatus("进行中", known: ["待认领"]), ["进行中", "待认领"]),
      (.untilBeforeFrom(until: Self.first, from: Self.second), [Self.first.iso, Self.second.iso]),
      (.deadlineBeforeRaised(deadline: Self.first, raised: Self.second), [Self.first.iso, Self.second.iso]),
      (.endBeforeStart(end: Self.first, start: Self.second), [Self.first.iso, Self.second.iso]),
      (.statusDisagrees(stated: "met", found: "open"), []), (.unreadableClaim("甲单位 2019"), ["甲单位 2019"]),
      (.notAnID("x7"), ["x7"]),
    ]
    for (problem, facts) in problems {
      let chinese = ChineseCatalogue().valueProblem(.lists(problem))
      let english = EnglishCatalogue().valueProblem(.lists(problem))
      #expect(chinese != english)
      for fact in facts {
        let chineseFact = fact.hasPrefix("20") ? [fact, Self.chineseDay(fact)] : [fact]
        #expect(chineseFact.contains { chinese.contains($0) }, "\(problem): \(chinese)")
        #expect(english.contains(fact), "\(problem): \(english)")
      }
    }
    let mistakes: [ListUsageMistake] = [
      .nothingToEdit, .claimNeedsUnitOrResource, .overdueWithStatus, .limitOutOfRange(0),
    ]
    for mistake in mistakes {
      #expect(ChineseCatalogue().listUsage(mistake) != EnglishCatalogue().listUsage(mistake))
    }
  }

  static func chineseDay(_ iso: String) -> String {
    guard let value = Day(iso: iso) else { return iso }
    return "\(value.year)年\(value.month)月\(value.day)日"
  }

  @Test(arguments: ListsHelpKey.allCases)
  func everyListHelpTextExistsInBothLanguages(_ key: ListsHelpKey) {
    let chinese = ChineseCatalogue().help(key)
    let english = EnglishCatalogue().help(key)
    #expect(!chinese.isEmpty && !english.isEmpty)
    #expect(chinese != english, "\(key) is the same in both languages")
  }

  /// Every change of the lists reads as a sentence in both languages, with its title.
  @Test func everyListChangeIsWorded() {
    let lists: [ChangeAction] = [
      .resourceAdd, .resourceEdit, .resourceWithdraw, .needAdd, .needClaim, .needClose, .projectAdd, .projectClaim,
      .projectStart, .projectFinish, .projectDrop, .activityAdd, .listImport,
    ]
    let facts: JSONValue = .object([
      "id": .int(4725), "title": .string("申酉项目"), "on": .string("2019-06-27"), "unit": .string("甲乙丙单位"),
      "category": .string("志愿服务"), "status": .string("met"), "list": .string("need"), "file": .string("需求清单.csv"),
      "added": .int(12), "changes": .array([]), "raised_on": .string("2019-06-27"),
      "proposed_on": .string("2019-06-27"),
      "available_from": .string("2019-06-27"),
    ])
    for action in lists {
      for language in Language.allCases {
        let text = language.texts.listChange(action, facts: facts)
        #expect(!text.isEmpty)
        #expect(text.contains("申酉项目") || action == .listImport, "\(language) \(action): \(text)")
        #expect(language.texts.actionName(action.rawValue) != action.rawValue || language == .en)
      }
    }
  }

  @Test(arguments: Refusal.allSamples)
  func everyRefusalNamesItsFactsInBothLanguages(_ refusal: Refusal) {
    for language in Language.allCases {
      let text = language.texts.refusal(refusal, fields: { _ in nil })
      #expect(!text.isEmpty)
      for fact in Self.facts(of: refusal) {
        #expect(fact.contains { text.contains($0) }, "\(language) does not say \(fact) in: \(text)")
      }
    }
  }

  @Test(arguments: Refusal.allSamples)
  func chineseAndEnglishDiffer(_ refusal: Refusal) {
    let chinese = ChineseCatalogue().refusal(refusal, fields: { _ in nil })
    let english = EnglishCatalogue().refusal(refusal, fields: { _ in nil })
    #expect(chinese != english)
    #expect(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
  }

  @Test func fieldsAreNamedAsTheSurfaceNamesThem() {
    let refusal = Refusal.invalid(.joinedOn, .afterToday(.joining, Self.second, today: Self.first))
    for language in Language.allCases {
      let text = language.texts.refusal(refusal, fields: { $0 == .joinedOn ? "--joined" : nil })
      #expect(text.hasPrefix("--joined"))
    }
  }

  @Test(arguments: HelpKey.allCases)
  func everyHelpTextExistsInBothLanguages(_ key: HelpKey) {
    let chinese = ChineseCatalogue().help(key)
    let english = EnglishCatalogue().help(key)
    #expect(!chinese.isEmpty && !english.isEmpty)
    // A value name that is the literal values themselves reads the same in both.
    if key != .valueBreakdown && key != .valueField {
      #expect(chinese != english, "\(key) is the same in both languages")
    }
  }

  @Test func everyDateProblemCarriesTheInputInBothLanguages() {
    let problems: [DateProblem] = [
      .empty, .tooLong, .unexpectedCharacter("x"), .digitCount(7), .chineseFormMalformed, .unrecognised, .yearDigits,
      .monthInvalid, .dayInvalid, .yearOutOfRange(1776), .noSuchMonth(13),
      .dayOutOfMonth(year: 2019, month: 2, days: 28),
      .incomplete(year: 2019, month: 6), .incomplete(year: 2019, month: nil),
    ]
    for problem in problems {
      let failure = DayParser.Failure(input: "二〇一九", problem: problem)
      for language in Language.allCases {
        #expect(language.texts.dateProblem(failure).contains("二〇一九"), "\(language) \(problem)")
      }
    }
  }

  @Test func theGrowthSummaryReadsAsTheCentreWritesIt() {
    let summary = GrowthSummary(
      from: "2016", to: "2019", fromTotal: 29, toTotal: 43, changePercent: 48.27, cagrPercent: 14.04)
    #expect(
      ChineseCatalogue().growthSummary(summary, length: .year)
        == "2016年至2019年：29家 → 43家（净增14家，增长48.3%，年均增长14.0%）")
    #expect(
      EnglishCatalogue().growthSummary(summary, length: .year) == "2016 → 2019: 29 → 43 units (+14, +48.3%, CAGR 14.0%)"
    )
  }
}

extension Refusal {
  static var allSamples: [Refusal] { CatalogueTests.refusals }
}
