import Foundation
import Testing

@testable import GongjianRegistry

/// Two years of the lists, small enough to count by hand (today 2019-12-31):
///
/// - needs: A (志愿服务, 2018-05-01, claimed 2018-05-10 by 司法局, met 2019-02-01);
///   B (垃圾分类, 2019-03-01, claimed 2019-03-05 by 司法局); C (志愿服务, 2019-07-01, claimed
///   2019-07-10 by 复旦, met 2019-09-01); D (志愿服务, 2019-08-01, open); E (志愿服务, 2019-09-01,
///   closed unmet 2019-10-01);
/// - projects (all 垃圾分类): P1 proposed and claimed 2018-06-01 (lead 司法局), started
///   2018-06-10, done 2019-03-01, one record 2018-07-01 (4 volunteers, 8 h, 30 served); P2
///   proposed 2019-07-01, claimed 2019-07-05 by 复旦 (its lead), started 2019-07-06, records
///   2019-08-03 (10, 20 h, 100) and 2019-09-01 (5, 7.5 h, 50); P3 proposed 2019-10-01, dropped
///   2019-11-01;
/// - 复旦 offers a resource from 2019-07-01; 浦发银行虹口支行 joined 2019-06-27 and did nothing.
struct TwoYears {
  let fixture: ListsFixture
  let bank: UnitID

  init() throws {
    fixture = try ListsFixture()
    let registry = fixture.registry
    bank = try registry.add("浦发银行虹口支行", joined: "2019-06-27").unit.id
    let (justice, fudan) = (fixture.justice, fixture.fudan)
    let a = try fixture.need("A 独居老人探访", on: "2018-05-01")
    _ = try registry.claimNeed(a.id, unit: justice, on: day("2018-05-10"))
    _ = try registry.closeNeed(a.id, on: day("2019-02-01"), met: true)
    let b = try fixture.need("B 桶边督导", on: "2019-03-01", category: "垃圾分类")
    _ = try registry.claimNeed(b.id, unit: justice, on: day("2019-03-05"))
    let c = try fixture.need("C 外语翻译", on: "2019-07-01")
    _ = try registry.claimNeed(c.id, unit: fudan, on: day("2019-07-10"))
    _ = try registry.closeNeed(c.id, on: day("2019-09-01"), met: true)
    _ = try fixture.need("D 楼道宣传画", on: "2019-08-01")
    let e = try fixture.need("E 健康义诊", on: "2019-09-01")
    _ = try registry.closeNeed(e.id, on: day("2019-10-01"), met: false)

    let p1 = try fixture.project("P1 普法讲座", on: "2018-06-01", lead: justice)
    _ = try registry.advanceProject(p1.id, .start, on: day("2018-06-10"))
    _ = try registry.addActivity(
      NewActivity(project: p1.id, on: day("2018-07-01"), volunteers: 4, hours: 8, served: 30))
    _ = try registry.advanceProject(p1.id, .finish, on: day("2019-03-01"))
    let p2 = try fixture.project("P2 桶边督导", on: "2019-07-01")
    _ = try registry.claimProject(p2.id, unit: fudan, on: day("2019-07-05"))
    _ = try registry.advanceProject(p2.id, .start, on: day("2019-07-06"))
    _ = try registry.addActivity(
      NewActivity(project: p2.id, on: day("2019-08-03"), volunteers: 10, hours: 20, served: 100))
    _ = try registry.addActivity(
      NewActivity(project: p2.id, on: day("2019-09-01"), volunteers: 5, hours: 7.5, served: 50))
    let p3 = try fixture.project("P3 口袋花园", on: "2019-10-01")
    _ = try registry.advanceProject(p3.id, .drop, on: day("2019-11-01"))
    _ = try fixture.resource(fudan, "外语志愿翻译", from: "2019-07-01")
  }
}

func figures(
  needs: (Int, Int, Int), projects: (Int, Int, Int), activities: Int, volunteers: Int, hours: Double, served: Int
) -> ProjectFigures {
  var figures = ProjectFigures()
  (figures.needsRaised, figures.needsClaimed, figures.needsMet) = needs
  (figures.projectsProposed, figures.projectsClaimed, figures.projectsDone) = projects
  (figures.activities, figures.volunteers, figures.hours, figures.served) = (activities, volunteers, hours, served)
  return figures
}

@Suite struct ProjectReportArithmeticTests {
  @Test func yearsCountedByHand() throws {
    let data = try TwoYears()
    let report = try data.fixture.registry.projectReport(ProjectReportRequest(from: 2018, to: 2019))
    #expect(report.rows.map(\.label) == ["2018", "2019"])
    // Needs and projects by the year they were raised or proposed, counted up to the year's end.
    let y2018 = figures(needs: (1, 1, 0), projects: (1, 1, 0), activities: 1, volunteers: 4, hours: 8, served: 30)
    let y2019 = figures(needs: (4, 2, 1), projects: (2, 1, 0), activities: 2, volunteers: 15, hours: 27.5, served: 150)
    #expect(report.rows.map(\.figures) == [y2018, y2019])
    #expect(report.rows[0].figures.claimRatePercent == 100)
    #expect(report.rows[1].figures.claimRatePercent == 50)
    #expect(report.rows[1].figures.completionRatePercent == 0)
    #expect(report.total == y2018 + y2019)
    // By category over the whole range: need A met in 2019 counts here.
    #expect(report.categories.map(\.category) == ["志愿服务", "垃圾分类"])
    #expect(
      report.categories.map(\.figures) == [
        figures(needs: (4, 2, 2), projects: (0, 0, 0), activities: 0, volunteers: 0, hours: 0, served: 0),
        figures(needs: (1, 1, 0), projects: (3, 2, 1), activities: 3, volunteers: 19, hours: 35.5, served: 180),
      ])
  }

  @Test func quartersAndACategory() throws {
    let data = try TwoYears()
    let report = try data.fixture.registry.projectReport(
      ProjectReportRequest(from: 2019, to: 2019, period: .quarter, category: "垃圾分类"))
    #expect(report.rows.map(\.label) == ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"])
    #expect(report.rows.map(\.figures.needsRaised) == [1, 0, 0, 0])
    #expect(report.rows.map(\.figures.needsClaimed) == [1, 0, 0, 0])
    #expect(report.rows.map(\.figures.projectsProposed) == [0, 0, 1, 1])
    #expect(report.rows.map(\.figures.projectsClaimed) == [0, 0, 1, 0])
    #expect(report.rows.map(\.figures.activities) == [0, 0, 2, 0])
    #expect(report.rows.map(\.figures.hours) == [0, 0, 27.5, 0])
  }

  @Test func aRegistryWithoutListsReportsZeros() throws {
    let fixture = try ListsFixture()
    let report = try fixture.registry.projectReport(ProjectReportRequest(from: 2019, to: 2019))
    #expect(report.rows.map(\.figures) == [ProjectFigures()])
    #expect(report.rows[0].figures.claimRatePercent == nil)
    #expect(report.categories.isEmpty)
    #expect(expectRefusal { _ = try fixture.registry.projectReport(ProjectReportRequest(from: 2019, to: 2018)) } != nil)
    #expect(expectRefusal { _ = try fixture.registry.projectReport(ProjectReportRequest(from: 2019, to: 2020)) } != nil)
  }
}

@Suite struct UnitReportArithmeticTests {
  @Test func whatEachUnitDidIn2019() throws {
    let data = try TwoYears()
    let report = try data.fixture.registry.unitReport(year: 2019)
    // The unit that left in 2016 is not in the alliance in 2019.
    #expect(report.rows.map(\.unit.id) == [data.fixture.justice, data.fixture.fudan, data.bank])
    let rows = report.rows.map {
      [$0.resources, $0.needsClaimed, $0.projectsLed, $0.projectsJoined, $0.activities]
    }
    #expect(rows == [[0, 1, 1, 0, 0], [1, 1, 1, 0, 2], [0, 0, 0, 0, 0]])
    #expect(report.rows.map(\.hours) == [0, 27.5, 0])
    #expect(report.rows.map(\.idle) == [false, false, true])
    #expect(report.idleCount == 1)
  }

  @Test func whatEachUnitDidIn2018() throws {
    let data = try TwoYears()
    let report = try data.fixture.registry.unitReport(year: 2018)
    #expect(report.rows.map(\.unit.id) == [data.fixture.justice])
    let justice = try #require(report.rows.first)
    let counts: [Int] = [justice.needsClaimed, justice.projectsLed, justice.activities]
    #expect(counts == [1, 1, 1])
    #expect(justice.hours == 8)
    #expect(expectRefusal { _ = try data.fixture.registry.unitReport(year: 2020) } != nil)
  }
}

/// Random years of the lists, made through the registry's operations, against counts made
/// here from what was done: the report's arithmetic, and its invariants (claimed ≤ raised,
/// 认领率 = claimed / raised, done ≤ claimed ≤ proposed).
@Suite struct ProjectReportPropertyTests {
  struct Expected {
    var raised: Day
    var claimed: Day?
    var met: Day?
  }

  static func later(_ day: Day, within days: Int, using random: inout SplitMix64) -> Day {
    let number = min(day.daysSinceEpoch + Int.random(in: 0...days, using: &random), ListsFixture.today.daysSinceEpoch)
    return Day(daysSinceEpoch: number)!
  }

  @Test(arguments: [1 as UInt64, 20_190_627, 0xC0FFEE])
  func reportMatchesCountsMadeByHand(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let fixture = try ListsFixture()
    let registry = fixture.registry
    try registry.db.execute("PRAGMA synchronous = OFF")
    let first = Day(year: 2016, month: 1, day: 1)!
    func someDay() -> Day {
      Day(
        daysSinceEpoch: Int.random(
          in: first.daysSinceEpoch...ListsFixture.today.daysSinceEpoch, using: &random))!
    }
    var needs: [Expected] = []
    for index in 0..<50 {
      let raised = someDay()
      let need = try registry.addNeed(NewNeed(title: "需求\(index)", category: "志愿服务", raisedOn: raised))
      var expected = Expected(raised: raised)
      if random.chance(60) {
        let on = Self.later(raised, within: 60, using: &random)
        _ = try registry.claimNeed(need.id, unit: fixture.justice, on: on)
        expected.claimed = on
        if random.chance(50) {
          let met = Self.later(on, within: 90, using: &random)
          _ = try registry.closeNeed(need.id, on: met, met: true)
          expected.met = met
        }
      } else if random.chance(20) {
        _ = try registry.closeNeed(need.id, on: Self.later(raised, within: 60, using: &random), met: false)
      }
      needs.append(expected)
    }
    var projects: [Expected] = []
    var records: [(day: Day, volunteers: Int, hours: Int, served: Int)] = []
    for index in 0..<30 {
      let proposed = someDay()
      let project = try registry.addProject(NewProject(title: "项目\(index)", proposedOn: proposed))
      var expected = Expected(raised: proposed)
      if random.chance(70) {
        let claimed = Self.later(proposed, within: 30, using: &random)
        _ = try registry.claimProject(project.id, unit: fixture.justice, on: claimed)
        expected.claimed = claimed
        if random.chance(70) {
          let started = Self.later(claimed, within: 30, using: &random)
          _ = try registry.advanceProject(project.id, .start, on: started)
          var last = started
          for _ in 0..<Int.random(in: 0...3, using: &random) {
            let on = Self.later(last, within: 60, using: &random)
            let record = (
              on, Int.random(in: 0...20, using: &random), Int.random(in: 0...40, using: &random),
              Int.random(in: 0...300, using: &random)
            )
            _ = try registry.addActivity(
              NewActivity(
                project: project.id, on: on, volunteers: record.1, hours: Double(record.2), served: record.3))
            records.append(record)
            last = on
          }
          if random.chance(60) {
            let done = Self.later(last, within: 200, using: &random)
            _ = try registry.advanceProject(project.id, .finish, on: done)
            expected.met = done
          } else if random.chance(20) {
            _ = try registry.advanceProject(project.id, .drop, on: Self.later(last, within: 100, using: &random))
          }
        }
      } else if random.chance(30) {
        _ = try registry.advanceProject(project.id, .drop, on: Self.later(proposed, within: 100, using: &random))
      }
      projects.append(expected)
    }

    let report = try registry.projectReport(ProjectReportRequest(from: 2016, to: 2019))
    #expect(report.rows.map(\.label) == ["2016", "2017", "2018", "2019"])
    for row in report.rows {
      let year = row.start.year
      let end = Day(year: year, month: 12, day: 31)!
      func counts(_ items: [Expected]) -> (Int, Int, Int) {
        let cohort = items.filter { $0.raised.year == year }
        return (
          cohort.count, cohort.filter { ($0.claimed ?? .distantFuture) <= end }.count,
          cohort.filter { ($0.met ?? .distantFuture) <= end }.count
        )
      }
      let ofYear = records.filter { $0.day.year == year }
      let expected = figures(
        needs: counts(needs), projects: counts(projects), activities: ofYear.count,
        volunteers: ofYear.reduce(0) { $0 + $1.volunteers }, hours: Double(ofYear.reduce(0) { $0 + $1.hours }),
        served: ofYear.reduce(0) { $0 + $1.served })
      #expect(row.figures == expected, "seed \(seed), \(row.label)")
      let f = row.figures
      #expect(f.needsClaimed <= f.needsRaised && f.needsMet <= f.needsClaimed)
      #expect(f.projectsDone <= f.projectsClaimed && f.projectsClaimed <= f.projectsProposed)
      if f.needsRaised > 0 {
        #expect(f.claimRatePercent == Double(f.needsClaimed) / Double(f.needsRaised) * 100)
      } else {
        #expect(f.claimRatePercent == nil)
      }
    }
    #expect(report.total.needsRaised == needs.count)
    #expect(report.total.projectsProposed == projects.count)
    #expect(report.total.activities == records.count)
    // The categories cover the whole range: every need is counted once, with what it reached by today.
    let byCategory = report.categories.reduce(ProjectFigures()) { $0 + $1.figures }
    #expect(byCategory.needsRaised == needs.count)
    #expect(byCategory.needsMet == needs.filter { $0.met != nil }.count)
    #expect(byCategory.projectsDone == projects.filter { $0.met != nil }.count)
  }
}

extension Day {
  fileprivate static let distantFuture = Day(year: 9999, month: 12, day: 31)!
}
