import Foundation
import SQLite
import Testing

@testable import GongjianRegistry

/// A registry for the lists' rules, on 2019-12-31: 虹口区司法局 (#1, since 2015-06-30, in
/// 志愿服务专项组), 复旦大学外文学院 (#2, since 2019-06-27), 上海四达电器 (#3, 2015-06-30 to
/// 2016-08-31).
struct ListsFixture {
  static let today = Day(year: 2019, month: 12, day: 31)!
  let test: TestRegistry
  var registry: Registry { test.registry }
  let justice: UnitID
  let fudan: UnitID
  let left: UnitID

  init() throws {
    test = try TestRegistry(today: ListsFixture.today)
    let registry = test.registry
    try registry.addGroup("志愿服务专项组", established: "2015-01-01")
    justice = try registry.add("虹口区司法局", joined: "2015-06-30", groups: ["志愿服务专项组"]).unit.id
    fudan = try registry.add("复旦大学外文学院", joined: "2019-06-27").unit.id
    left = try registry.add("上海四达电器集团有限公司", joined: "2015-06-30").unit.id
    _ = try registry.withdraw(left, on: day("2016-08-31"), reason: nil)
  }

  func resource(_ unit: UnitID, _ title: String, from: String = "2019-07-01", category: String = "志愿服务") throws
    -> Resource
  {
    try registry.addResource(NewResource(unit: unit, title: title, category: category, availableFrom: day(from)))
  }

  func need(_ title: String, on: String = "2019-07-01", deadline: String? = nil, category: String = "志愿服务") throws
    -> Need
  {
    try registry.addNeed(
      NewNeed(title: title, category: category, raisedOn: day(on), deadline: deadline.map(day)))
  }

  func project(_ title: String, on: String = "2019-07-01", lead: UnitID? = nil) throws -> Project {
    try registry.addProject(NewProject(title: title, category: "垃圾分类", lead: lead, proposedOn: day(on)))
  }

  /// The list's refusal a call ends with.
  func refusal(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> ListRefusal? {
    guard let refusal = expectRefusal(sourceLocation: sourceLocation, body) else { return nil }
    guard case .lists(let reason) = refusal else {
      Issue.record("refused for another reason: \(refusal)", sourceLocation: sourceLocation)
      return nil
    }
    return reason
  }
}

@Suite struct CreditCodeTests {
  @Test(arguments: ["91350100M000100Y43", "91310000132149237G", "91110000100010433L", "911100007109288314"])
  func publishedCodesCheck(_ code: String) {
    #expect(CreditCode.clean(code) == .success(code))
  }

  @Test func typedFormsAreFolded() {
    #expect(CreditCode.clean(" 9131 0000-1321 4923 7g ") == .success("91310000132149237G"))
    #expect(CreditCode.clean("９１３１００００１３２１４９２３７Ｇ") == .success("91310000132149237G"))
    #expect(CreditCode.clean("") == .success(nil))
  }

  @Test func aWrongCheckCharacterNamesTheExpectedOne() {
    #expect(CreditCode.clean("91310000132149237X") == .failure(.lists(.creditCodeCheck(expected: "G", found: "X"))))
  }

  @Test func lengthAndAlphabetAreChecked() {
    #expect(CreditCode.clean("9131000013214923") == .failure(.lists(.creditCodeLength(16))))
    #expect(
      CreditCode.clean("9131000013214923IG") == .failure(.lists(.creditCodeCharacter("I", position: 17))))
  }

  /// Every one-character change of a valid code is caught (GB 32100's weights are a permutation mod 31).
  @Test func everySingleSubstitutionIsCaught() {
    let code = Array("91310000132149237G")
    for position in 0..<17 {
      for replacement in CreditCode.alphabet where replacement != code[position] {
        var changed = code
        changed[position] = replacement
        guard case .failure = CreditCode.clean(String(changed)) else {
          Issue.record("\(String(changed)) passed")
          return
        }
      }
    }
  }

  @Test func aCodeBelongsToOneUnit() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    _ = try registry.editUnit(fixture.fudan, UnitChanges(details: UnitDetails(creditCode: "91310000132149237G")))
    #expect(try registry.unitDetail(fixture.fudan).details.creditCode == "91310000132149237G")
    let taken = fixture.refusal {
      _ = try registry.editUnit(fixture.justice, UnitChanges(details: UnitDetails(creditCode: "91310000132149237g")))
    }
    #expect(taken == .creditCodeTaken("91310000132149237G", other: UnitReference(id: fixture.fudan, name: "复旦大学外文学院")))
    let registered = fixture.refusal {
      _ = try registry.register(
        NewUnit(
          name: "浦发银行虹口支行", joinedOn: day("2019-06-27"), details: UnitDetails(creditCode: "91310000132149237G")))
    }
    #expect(registered != nil)
    // Cleared, then free for another unit.
    _ = try registry.editUnit(fixture.fudan, UnitChanges(details: UnitDetails(creditCode: "")))
    _ = try registry.editUnit(fixture.justice, UnitChanges(details: UnitDetails(creditCode: "91310000132149237G")))
  }
}

@Suite struct ResourceRulesTests {
  @Test func onlyAUnitInTheAllianceOffersAResource() throws {
    let fixture = try ListsFixture()
    #expect(
      fixture.refusal { _ = try fixture.resource(fixture.left, "车辆借用") }
        == .unitHasLeft(UnitReference(id: fixture.left, name: "上海四达电器集团有限公司"), leftOn: day("2016-08-31")))
    // In the alliance now, but not yet on the first day offered.
    #expect(
      fixture.refusal { _ = try fixture.resource(fixture.fudan, "外语翻译", from: "2019-01-01") }
        == .unitNotInAlliance(UnitReference(id: fixture.fudan, name: "复旦大学外文学院"), day: day("2019-01-01")))
    let resource = try fixture.resource(fixture.fudan, "外语翻译", from: "2019-07-01")
    #expect(resource.availableFrom == day("2019-07-01"))
  }

  @Test func aWithdrawnUnitsOpenResourcesCloseOnItsLeavingDay() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let open = try fixture.resource(fixture.justice, "法律咨询", from: "2019-01-01")
    let closedBefore = try fixture.resource(fixture.justice, "调解室", from: "2019-01-01")
    _ = try registry.withdrawResource(closedBefore.id, on: day("2019-03-01"))
    let other = try fixture.resource(fixture.fudan, "外语翻译")
    let withdrawal = try registry.withdraw(fixture.justice, on: day("2019-10-31"), reason: "机构调整")
    #expect(withdrawal.closedResources.map(\.id) == [open.id.rawValue])
    var resources: [Resource] = []
    try registry.forEachResource(ResourceFilter(all: true)) { resources.append($0) }
    #expect(resources.first { $0.id == open.id }?.withdrawnOn == day("2019-10-31"))
    #expect(resources.first { $0.id == closedBefore.id }?.withdrawnOn == day("2019-03-01"))
    #expect(resources.first { $0.id == other.id }?.withdrawnOn == nil)
    // Recorded in the withdrawal's own history entry.
    let entry = try #require(try registry.history().last)
    #expect(entry.change == .withdraw)
    #expect(entry.facts?["resources"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [open.id.rawValue])
    // Undone with it.
    _ = try registry.undo()
    var after: [Resource] = []
    try registry.forEachResource(ResourceFilter(all: true)) { after.append($0) }
    #expect(after.first { $0.id == open.id }?.withdrawnOn == nil)
    #expect(after.first { $0.id == closedBefore.id }?.withdrawnOn == day("2019-03-01"))
  }

  @Test func withdrawingIsDatedAndHappensOnce() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let resource = try fixture.resource(fixture.fudan, "外语翻译")
    #expect(
      fixture.refusal { _ = try registry.withdrawResource(resource.id, on: day("2019-06-30")) }
        == .withdrawalBeforeAvailable(resource.reference, day: day("2019-06-30"), from: day("2019-07-01")))
    let future = expectValueProblems { _ = try registry.withdrawResource(resource.id, on: day("2020-01-01")) }
    #expect(future.map(\.field) == [.withdrawnOn])
    _ = try registry.withdrawResource(resource.id, on: day("2019-12-01"))
    #expect(
      fixture.refusal { _ = try registry.withdrawResource(resource.id, on: day("2019-12-02")) }
        == .resourceWithdrawn(resource.reference, on: day("2019-12-01")))
    #expect(
      fixture.refusal { _ = try registry.editResource(resource.id, ResourceChanges(title: "新名称")) }
        == .resourceWithdrawn(resource.reference, on: day("2019-12-01")))
  }

  @Test func anEditChangesOnlyWhatIsGivenAndIsUndone() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let resource = try fixture.resource(fixture.fudan, "外语翻译")
    let edit = try registry.editResource(
      resource.id, ResourceChanges(capacity: "每月2次", availableUntil: day("2020-06-30")))
    #expect(edit.changes.map(\.field) == [.capacity, .availableUntil])
    let problems = expectValueProblems {
      _ = try registry.editResource(resource.id, ResourceChanges(availableUntil: day("2019-01-01")))
    }
    #expect(
      problems == [
        FieldProblem(.availableUntil, .lists(.untilBeforeFrom(until: day("2019-01-01"), from: day("2019-07-01"))))
      ])
    _ = try registry.undo()
    #expect(try registry.resourceDetail(resource.id).resource == resource)
  }
}

@Suite struct ClaimRulesTests {
  @Test func onlyAUnitInTheAllianceThatDayClaims() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let need = try fixture.need("垃圾分类督导", on: "2019-06-01")
    let fudan = UnitReference(id: fixture.fudan, name: "复旦大学外文学院")
    #expect(
      fixture.refusal { _ = try registry.claimNeed(need.id, unit: fixture.fudan, on: day("2019-06-26")) }
        == .unitNotInAlliance(fudan, day: day("2019-06-26")))
    #expect(
      fixture.refusal { _ = try registry.claimNeed(need.id, unit: fixture.left, on: day("2019-07-01")) }
        == .unitNotInAlliance(
          UnitReference(id: fixture.left, name: "上海四达电器集团有限公司"), day: day("2019-07-01")))
    let claim = try registry.claimNeed(need.id, unit: fixture.fudan, on: day("2019-06-27"))
    #expect(claim.unit == fudan)
    let project = try fixture.project("桶边督导", on: "2019-06-01")
    #expect(
      fixture.refusal { _ = try registry.claimProject(project.id, unit: fixture.fudan, on: day("2019-06-26")) }
        == .unitNotInAlliance(fudan, day: day("2019-06-26")))
    let lead = fixture.refusal {
      _ = try registry.addProject(NewProject(title: "翻译", lead: fixture.fudan, proposedOn: day("2019-06-01")))
    }
    #expect(lead == .unitNotInAlliance(fudan, day: day("2019-06-01")))
  }

  @Test func claimsAreHistoryNeverOverwritten() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let need = try fixture.need("垃圾分类督导")
    _ = try registry.claimNeed(need.id, unit: fixture.justice, on: day("2019-07-02"))
    _ = try registry.claimNeed(need.id, unit: fixture.fudan, on: day("2019-07-03"))
    #expect(
      fixture.refusal { _ = try registry.claimNeed(need.id, unit: fixture.fudan, on: day("2019-07-05")) }
        == .alreadyClaimed(
          need.reference, by: UnitReference(id: fixture.fudan, name: "复旦大学外文学院"), on: day("2019-07-03")))
    let detail = try registry.needDetail(need.id)
    #expect(detail.claims.map(\.claimedOn) == [day("2019-07-02"), day("2019-07-03")])
    #expect(detail.need.claimedBy.map(\.id) == [fixture.justice, fixture.fudan])
    // The first claim made it claimed, on its day; the second changed no status.
    #expect(detail.statuses.map(\.status) == [.open, .claimed])
    #expect(detail.statuses.map(\.on) == [day("2019-07-01"), day("2019-07-02")])
  }

  @Test func aNeedClaimsAResourceOfferedThatDay() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let resource = try fixture.resource(fixture.fudan, "外语翻译", from: "2019-08-01")
    let need = try fixture.need("外籍居民翻译", on: "2019-07-01")
    #expect(
      fixture.refusal { _ = try registry.claimResource(need.id, resource: resource.id, on: day("2019-07-15")) }
        == .resourceNotAvailable(resource.reference, day: day("2019-07-15"), from: day("2019-08-01"), until: nil))
    let claim = try registry.claimResource(need.id, resource: resource.id, on: day("2019-08-02"))
    #expect(claim.unit.id == fixture.fudan)
    #expect(claim.resource == resource.reference)
    _ = try registry.withdrawResource(resource.id, on: day("2019-09-01"))
    let other = try fixture.need("涉外活动翻译", on: "2019-09-01")
    #expect(
      fixture.refusal { _ = try registry.claimResource(other.id, resource: resource.id, on: day("2019-09-02")) }
        == .resourceWithdrawn(resource.reference, on: day("2019-09-01")))
  }

  @Test func needStatusesOnlyGoForwardEachDated() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let need = try fixture.need("垃圾分类督导", on: "2019-07-01")
    #expect(
      fixture.refusal { _ = try registry.claimNeed(need.id, unit: fixture.justice, on: day("2019-06-30")) }
        == .changeBeforePrevious(need.reference, day: day("2019-06-30"), previous: day("2019-07-01")))
    _ = try registry.claimNeed(need.id, unit: fixture.justice, on: day("2019-07-10"))
    #expect(
      fixture.refusal { _ = try registry.closeNeed(need.id, on: day("2019-07-09"), met: true) }
        == .changeBeforePrevious(need.reference, day: day("2019-07-09"), previous: day("2019-07-10")))
    let future = expectValueProblems { _ = try registry.closeNeed(need.id, on: day("2020-01-02"), met: true) }
    #expect(future.map(\.field) == [.statusOn])
    let met = try registry.closeNeed(need.id, on: day("2019-11-30"), met: true)
    #expect(met.status == .met && met.statusOn == day("2019-11-30"))
    #expect(
      fixture.refusal { _ = try registry.closeNeed(need.id, on: day("2019-12-01"), met: false) }
        == .needFinished(need.reference, status: .met, on: day("2019-11-30")))
    #expect(
      fixture.refusal { _ = try registry.claimNeed(need.id, unit: fixture.fudan, on: day("2019-12-01")) }
        == .needFinished(need.reference, status: .met, on: day("2019-11-30")))
    let claimedAfterToday = expectValueProblems {
      _ = try registry.claimNeed(try fixture.need("另一项").id, unit: fixture.fudan, on: day("2020-01-01"))
    }
    #expect(claimedAfterToday.map(\.field) == [.claimedOn])
  }

  @Test func aNeedsDatesAreChecked() throws {
    let fixture = try ListsFixture()
    let problems = expectValueProblems {
      _ = try fixture.registry.addNeed(
        NewNeed(title: "", raisedOn: day("2020-01-05"), people: -1, deadline: day("2020-01-01")))
    }
    #expect(Set(problems.map(\.field)) == [.title, .raisedOn, .people, .deadline])
  }

  @Test func overdueNeedsAreOpenPastTheirDeadline() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let overdue = try fixture.need("独居老人探访", on: "2019-09-10", deadline: "2019-10-15")
    let claimed = try fixture.need("楼道宣传画", on: "2019-09-10", deadline: "2019-10-15")
    _ = try registry.claimNeed(claimed.id, unit: fixture.fudan, on: day("2019-10-01"))
    _ = try fixture.need("健康义诊", on: "2019-12-01", deadline: "2020-01-31")
    var found: [NeedID] = []
    try registry.forEachNeed(NeedFilter(overdue: true)) { found.append($0.id) }
    #expect(found == [overdue.id])
  }
}

@Suite struct ProjectRulesTests {
  @Test func projectStatusesOnlyGoForward() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let project = try fixture.project("桶边督导", on: "2019-07-01")
    #expect(project.status == .proposed)
    #expect(
      fixture.refusal { _ = try registry.advanceProject(project.id, .finish, on: day("2019-07-05")) }
        == .projectNotStarted(project.reference))
    let claim = try registry.claimProject(project.id, unit: fixture.fudan, on: day("2019-07-02"))
    #expect(claim.project == project.reference)
    // The first claimant of a project without a lead leads it; the next takes part.
    _ = try registry.claimProject(project.id, unit: fixture.justice, on: day("2019-07-03"))
    var current = try registry.projectDetail(project.id).project
    #expect(current.lead?.id == fixture.fudan && current.units.map(\.id) == [fixture.justice])
    #expect(current.status == .claimed && current.statusOn == day("2019-07-02"))
    #expect(
      fixture.refusal { _ = try registry.advanceProject(project.id, .start, on: day("2019-07-01")) }
        == .changeBeforePrevious(project.reference, day: day("2019-07-01"), previous: day("2019-07-02")))
    current = try registry.advanceProject(project.id, .start, on: day("2019-07-05"))
    #expect(current.status == .running && current.startedOn == day("2019-07-05"))
    #expect(
      fixture.refusal { _ = try registry.advanceProject(project.id, .start, on: day("2019-07-06")) }
        == .projectStatusNotForward(project.reference, from: .running, to: .running))
    current = try registry.advanceProject(project.id, .finish, on: day("2019-12-20"))
    #expect(current.status == .done && current.endedOn == day("2019-12-20"))
    #expect(
      fixture.refusal { _ = try registry.advanceProject(project.id, .drop, on: day("2019-12-21")) }
        == .projectFinished(project.reference, status: .done, on: day("2019-12-20")))
    #expect(
      fixture.refusal { _ = try registry.claimProject(project.id, unit: fixture.justice, on: day("2019-12-21")) }
        == .projectFinished(project.reference, status: .done, on: day("2019-12-20")))
    let statuses = try registry.projectDetail(project.id).statuses
    #expect(statuses.map(\.status) == [.proposed, .claimed, .running, .done])
    #expect(statuses.map(\.on) == [day("2019-07-01"), day("2019-07-02"), day("2019-07-05"), day("2019-12-20")])
  }

  @Test func aLeadGivenAtTheStartClaimsTheProjectThatDay() throws {
    let fixture = try ListsFixture()
    let project = try fixture.project("普法讲座", on: "2019-03-01", lead: fixture.justice)
    #expect(project.status == .claimed)
    let detail = try fixture.registry.projectDetail(project.id)
    #expect(detail.claims.map(\.unit.id) == [fixture.justice])
    #expect(detail.claims.map(\.claimedOn) == [day("2019-03-01")])
    #expect(
      fixture.refusal {
        _ = try fixture.registry.claimProject(project.id, unit: fixture.justice, on: day("2019-03-02"))
      }
        == .alreadyClaimed(
          project.reference, by: UnitReference(id: fixture.justice, name: "虹口区司法局"), on: day("2019-03-01")))
  }

  @Test func serviceRecordsOnlyWhileTheProjectRuns() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let project = try fixture.project("桶边督导", on: "2019-07-01", lead: fixture.fudan)
    #expect(
      fixture.refusal { _ = try registry.addActivity(NewActivity(project: project.id, on: day("2019-07-10"))) }
        == .projectNotStarted(project.reference))
    _ = try registry.advanceProject(project.id, .start, on: day("2019-07-06"))
    #expect(
      fixture.refusal { _ = try registry.addActivity(NewActivity(project: project.id, on: day("2019-07-05"))) }
        == .activityOutsideProject(project.reference, day: day("2019-07-05"), started: day("2019-07-06"), ended: nil))
    let future = expectValueProblems {
      _ = try registry.addActivity(NewActivity(project: project.id, on: day("2020-01-01")))
    }
    #expect(future.map(\.field) == [.happenedOn])
    // Without units, the lead took part.
    let activity = try registry.addActivity(
      NewActivity(project: project.id, on: day("2019-08-03"), volunteers: 12, hours: 24.04, served: 300))
    #expect(activity.units.map(\.id) == [fixture.fudan])
    #expect(activity.hours == 24)
    // A unit not in the alliance that day does not take part.
    #expect(
      fixture.refusal {
        _ = try registry.addActivity(NewActivity(project: project.id, on: day("2019-08-10"), units: [fixture.left]))
      } == .unitNotInAlliance(UnitReference(id: fixture.left, name: "上海四达电器集团有限公司"), day: day("2019-08-10")))
    // Finished before its last record: refused; after it, the records stop at the end.
    #expect(
      fixture.refusal { _ = try registry.advanceProject(project.id, .finish, on: day("2019-08-01")) }
        == .changeBeforePrevious(project.reference, day: day("2019-08-01"), previous: day("2019-08-03")))
    _ = try registry.advanceProject(project.id, .finish, on: day("2019-09-30"))
    #expect(
      fixture.refusal { _ = try registry.addActivity(NewActivity(project: project.id, on: day("2019-10-01"))) }
        == .activityOutsideProject(
          project.reference, day: day("2019-10-01"), started: day("2019-07-06"), ended: day("2019-09-30")))
    let numbers = expectValueProblems {
      _ = try registry.addActivity(
        NewActivity(project: project.id, on: day("2019-09-01"), volunteers: -1, hours: .infinity, served: 200_000_000))
    }
    #expect(Set(numbers.map(\.field)) == [.volunteers, .hours, .served])
  }

  @Test func levelsAreTheThreeOfHomePartyBuilding() throws {
    let fixture = try ListsFixture()
    let project = try fixture.registry.addProject(NewProject(title: "口袋花园", level: "楼组", proposedOn: day("2019-05-01")))
    #expect(project.level == "楼组自建")
    let problems = expectValueProblems {
      _ = try fixture.registry.addProject(NewProject(title: "口袋花园", level: "社区级"))
    }
    #expect(problems == [FieldProblem(.level, .lists(.unknownLevel("社区级", known: ProjectLevel.all)))])
  }
}

@Suite struct ListHistoryTests {
  /// Every change of the lists is in the history as facts, and `undo` takes it back, latest first.
  @Test func everyChangeIsRecordedAndUndone() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let empty = try registry.snapshot() + (try listRows(registry))
    let resource = try fixture.resource(fixture.justice, "法律咨询", from: "2019-01-01")
    _ = try registry.editResource(resource.id, ResourceChanges(capacity: "每周三下午"))
    let need = try fixture.need("普法讲座", on: "2019-02-01")
    _ = try registry.claimResource(need.id, resource: resource.id, on: day("2019-02-05"))
    let project = try registry.addProject(
      NewProject(
        title: "普法讲座季", needs: [need.id], resources: [resource.id], lead: fixture.justice,
        proposedOn: day("2019-02-06")))
    _ = try registry.claimProject(project.id, unit: fixture.fudan, on: day("2019-07-01"))
    _ = try registry.advanceProject(project.id, .start, on: day("2019-07-02"))
    _ = try registry.addActivity(NewActivity(project: project.id, on: day("2019-07-03"), volunteers: 3))
    _ = try registry.advanceProject(project.id, .finish, on: day("2019-07-04"))
    _ = try registry.closeNeed(need.id, on: day("2019-07-05"), met: true)
    _ = try registry.withdrawResource(resource.id, on: day("2019-07-06"))
    let actions = try registry.history().compactMap(\.change).suffix(11)
    #expect(
      Array(actions) == [
        .resourceAdd, .resourceEdit, .needAdd, .needClaim, .projectAdd, .projectClaim, .projectStart, .activityAdd,
        .projectFinish, .needClose, .resourceWithdraw,
      ])
    for entry in try registry.history().suffix(11) {
      #expect(entry.facts?["title"] != nil, "\(entry.action) has no title")
    }
    for _ in 0..<11 { _ = try registry.undo() }
    let now = try registry.snapshot() + (try listRows(registry))
    // The history grew by the undos; everything else is as it was.
    #expect(now.split(separator: "## history")[0] == empty.split(separator: "## history")[0])
    #expect(try listRows(registry) == "")
  }

  @Test func aChangeNoLongerAsLeftIsNotUndone() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let need = try fixture.need("普法讲座", on: "2019-02-01")
    _ = try registry.claimNeed(need.id, unit: fixture.justice, on: day("2019-02-05"))
    // Changed under the history's feet (as another program might): undo refuses, changing nothing.
    try registry.db.execute("UPDATE need SET people = 7")
    let before = try listRows(registry)
    let refusal = fixture.refusal { _ = try registry.undo() }
    #expect(
      refusal
        == .cannotUndoItem(
          action: "need claim", at: try #require(try registry.history().last).at, item: need.reference))
    #expect(try listRows(registry) == before)
  }

  @Test func aUnitWithListEntriesIsNotRemovedAsAMistake() throws {
    let fixture = try ListsFixture()
    _ = try fixture.resource(fixture.fudan, "外语翻译")
    #expect(
      fixture.refusal { _ = try fixture.registry.removeUnit(fixture.fudan) }
        == .unitHasListEntries(UnitReference(id: fixture.fudan, name: "复旦大学外文学院"), count: 1))
  }

  @Test func itemsAreFoundByIdOrAPartOfTheirTitle() throws {
    let fixture = try ListsFixture()
    let registry = fixture.registry
    let first = try fixture.need("垃圾分类桶边督导志愿者")
    let second = try fixture.need("垃圾分类宣传物资")
    #expect(try registry.resolveNeed("宣传").id == second.id.rawValue)
    #expect(try registry.resolveNeed("#\(first.id)").id == first.id.rawValue)
    guard
      case .ambiguousName(.need, _, let candidates, false)? = expectRefusal({ _ = try registry.resolveNeed("垃圾分类") })
    else { return }
    #expect(candidates.map(\.id) == [first.id.rawValue, second.id.rawValue])
    #expect(
      expectRefusal { _ = try registry.resolveProject("不存在") } == .noSuchName(.project, text: "不存在", suggestions: []))
    #expect(expectRefusal { _ = try registry.resolveResource("99") } == .noSuchID(.resource, id: 99))
  }

  func listRows(_ registry: Registry) throws -> String {
    var text = ""
    for table in [
      "resource", "need", "need_status_change", "project", "project_status_change", "project_need", "project_resource",
      "project_unit", "claim", "activity", "activity_unit",
    ] {
      let statement = try registry.db.prepare("SELECT * FROM \(table) ORDER BY 1, 2")
      while try statement.step() {
        var cells: [String] = [table]
        for column in 0..<statement.columnCount {
          cells.append((try? statement.column(column, as: String.self)).flatMap { $0 } ?? "-")
        }
        text += cells.joined(separator: "|") + "\n"
      }
    }
    return text
  }
}
