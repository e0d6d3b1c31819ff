import Foundation
import Testing

@testable import GongjianRegistry

/// Registers a unit joined on `joined` (ISO), optionally withdrawn on `left`.
@discardableResult
private func enrol(
  _ registry: Registry, _ name: String, joined: String, left: String? = nil, kind: String? = nil,
  groups: [GroupID] = []
) throws -> UnitID {
  let registration = try registry.register(
    NewUnit(name: name, joinedOn: day(joined), details: UnitDetails(kind: kind), groups: groups))
  if let left {
    _ = try registry.withdraw(registration.unit.id, on: day(left), reason: nil)
  }
  return registration.unit.id
}

/// The reason a growth report was refused.
private func refusal(
  _ registry: Registry, _ request: GrowthRequest, sourceLocation: SourceLocation = #_sourceLocation
) -> Refusal? {
  expectRefusal(sourceLocation: sourceLocation) { _ = try registry.growth(request) }
}

/// Each row's change in percent, rounded to 1e-6 so float noise does not matter.
private func changes(_ report: GrowthReport) -> [Double?] {
  report.rows.map { $0.changePercent.map { ($0 * 1e6).rounded() / 1e6 } }
}

/// One row's numbers, for compact expectations: label, joined, left, total.
private func numbers(_ report: GrowthReport) -> [String] {
  report.rows.map { "\($0.label) +\($0.joined) -\($0.left) =\($0.total)" }
}

@Suite("Growth report: edge cases, summary and breakdowns")
struct GrowthReportTests {
  // MARK: - Edge cases

  @Test("an empty registry reports this year with zeros and a summary without percentages")
  func emptyRegistry() throws {
    let test = try TestRegistry()
    let report = try test.registry.growth(GrowthRequest())
    #expect(numbers(report) == ["2026 +0 -0 =0"])
    #expect(report.rows[0].changePercent == nil)
    #expect(report.rows[0].end == testToday)
    let summary = try #require(report.summary)
    #expect(summary.fromTotal == 0 && summary.toTotal == 0 && summary.change == 0)
    #expect(summary.changePercent == nil)
    #expect(summary.cagrPercent == nil)
    #expect(summary.from == "2026" && summary.to == "2026")

    // By month: January to this month, the last one counted on today.
    let months = try test.registry.growth(GrowthRequest(period: .month))
    #expect(months.rows.map(\.label) == (1...11).map { String(format: "2026-%02d", $0) })
    #expect(months.rows.allSatisfy { $0.total == 0 && $0.joined == 0 && $0.left == 0 })
    #expect(months.rows.last?.end == testToday)

    // An explicit range over an empty registry: every year shown, none skipped.
    let range = try test.registry.growth(GrowthRequest(from: 2016, to: 2019))
    #expect(numbers(range) == ["2016 +0 -0 =0", "2017 +0 -0 =0", "2018 +0 -0 =0", "2019 +0 -0 =0"])
    #expect(
      range.summary
        == GrowthSummary(from: "2016", to: "2019", fromTotal: 0, toTotal: 0, changePercent: nil, cagrPercent: nil))
  }

  @Test("a range with no units in it shows every period with zeros")
  func rangeWithNoUnits() throws {
    let test = try TestRegistry()
    try enrol(test.registry, "甲单位", joined: "2020-03-01")
    try enrol(test.registry, "乙单位", joined: "2021-07-01")
    let before = try test.registry.growth(GrowthRequest(from: 2015, to: 2018))
    #expect(numbers(before) == ["2015 +0 -0 =0", "2016 +0 -0 =0", "2017 +0 -0 =0", "2018 +0 -0 =0"])
    #expect(before.rows.allSatisfy { $0.changePercent == nil })
    #expect(before.summary?.changePercent == nil && before.summary?.cagrPercent == nil)

    // After everyone has left: zeros again, with the drop to zero shown once.
    let test2 = try TestRegistry()
    try enrol(test2.registry, "丙单位", joined: "2016-02-01", left: "2017-05-31")
    let after = try test2.registry.growth(GrowthRequest(from: 2016, to: 2019))
    #expect(numbers(after) == ["2016 +1 -0 =1", "2017 +0 -1 =0", "2018 +0 -0 =0", "2019 +0 -0 =0"])
    #expect(changes(after) == [nil, -100, nil, nil])

    // A kind nobody has: zeros over the default range (which starts at this year).
    let nobody = try test.registry.growth(GrowthRequest(kind: "社会组织"))
    #expect(numbers(nobody) == ["2026 +0 -0 =0"])
  }

  @Test("--from after --to, --to in the future and a year before 1900 are refused, with the years")
  func badRanges() throws {
    let test = try TestRegistry()
    let registry = test.registry
    try enrol(registry, "甲单位", joined: "2016-03-01")
    #expect(refusal(registry, GrowthRequest(from: 2019, to: 2016)) == .rangeReversed(from: 2019, to: 2016))
    // --from alone, after this year, is after the default --to.
    #expect(refusal(registry, GrowthRequest(from: 2027)) == .rangeReversed(from: 2027, to: 2026))
    #expect(refusal(registry, GrowthRequest(from: 2016, to: 2027)) == .rangeInFuture(to: 2027, today: testToday))
    #expect(refusal(registry, GrowthRequest(from: 1850, to: 2016)) == .yearOutOfRange(1850))
    #expect(
      refusal(registry, GrowthRequest(from: 2019, to: 2016, period: .month)) == .rangeReversed(from: 2019, to: 2016))
  }

  @Test("a range that starts before the first joining: zeros, then growth, no percentage from zero")
  func rangeBeforeFirstJoining() throws {
    let test = try TestRegistry()
    try enrol(test.registry, "甲单位", joined: "2018-03-01")
    try enrol(test.registry, "乙单位", joined: "2018-12-31")
    for name in ["丙单位", "丁单位", "戊单位"] { try enrol(test.registry, name, joined: "2019-06-27") }
    let report = try test.registry.growth(GrowthRequest(from: 2016, to: 2019))
    #expect(numbers(report) == ["2016 +0 -0 =0", "2017 +0 -0 =0", "2018 +2 -0 =2", "2019 +3 -0 =5"])
    #expect(changes(report) == [nil, nil, nil, 150])
    let summary = try #require(report.summary)
    #expect(
      summary == GrowthSummary(from: "2016", to: "2019", fromTotal: 0, toTotal: 5, changePercent: nil, cagrPercent: nil)
    )
    #expect(summary.change == 5)

    // Without --from the report starts in the year of the first joining.
    let defaultRange = try test.registry.growth(GrowthRequest(to: 2019))
    #expect(defaultRange.rows.map(\.label) == ["2018", "2019"])
    // Only --to, earlier than the first joining: that one year.
    let early = try test.registry.growth(GrowthRequest(to: 2015))
    #expect(numbers(early) == ["2015 +0 -0 =0"])
  }

  @Test("the current period is counted on today, and periods after today are not listed")
  func currentPartialYear() throws {
    let today = day("2026-06-15")
    let test = try TestRegistry(today: today)
    try enrol(test.registry, "甲单位", joined: "2025-05-01")
    try enrol(test.registry, "乙单位", joined: "2025-01-01", left: "2026-06-15")  // leaves today
    try enrol(test.registry, "丙单位", joined: "2026-03-01")
    try enrol(test.registry, "丁单位", joined: "2026-06-10")
    try enrol(test.registry, "戊单位", joined: "2026-06-15")  // joins today
    let years = try test.registry.growth(GrowthRequest(from: 2025))
    #expect(numbers(years) == ["2025 +2 -0 =2", "2026 +3 -1 =4"])
    #expect(years.rows.last?.end == today)
    #expect(years.rows.first?.end == day("2025-12-31"))
    #expect(try test.registry.listUnits(UnitFilter(activeOn: today)).count == 4)

    let quarters = try test.registry.growth(GrowthRequest(from: 2026, period: .quarter))
    #expect(numbers(quarters) == ["2026-Q1 +1 -0 =3", "2026-Q2 +2 -1 =4"])
    #expect(quarters.rows.last?.end == today)

    let months = try test.registry.growth(GrowthRequest(from: 2026, period: .month))
    #expect(months.rows.map(\.label) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"])
    #expect(months.rows.last.map { "\($0.joined) \($0.left) \($0.total)" } == "2 1 4")
    #expect(months.rows.last?.end == today)

    // --to next year is refused: the report only counts what has happened.
    #expect(refusal(test.registry, GrowthRequest(from: 2025, to: 2027)) == .rangeInFuture(to: 2027, today: today))

    // On 1 January only the first month exists.
    let newYear = try TestRegistry(today: day("2026-01-01"))
    try enrol(newYear.registry, "甲单位", joined: "2026-01-01")
    let january = try newYear.registry.growth(GrowthRequest(period: .month))
    #expect(numbers(january) == ["2026-01 +1 -0 =1"])
    #expect(january.rows[0].start == day("2026-01-01") && january.rows[0].end == day("2026-01-01"))
  }

  @Test("joining and leaving on the first and last day of a period count in that period")
  func periodBoundaries() throws {
    let test = try TestRegistry()
    try enrol(test.registry, "甲单位", joined: "2015-03-01", left: "2016-01-01")  // leaves on the range's first day
    try enrol(test.registry, "乙单位", joined: "2016-01-01")  // joins on the range's first day
    try enrol(test.registry, "丙单位", joined: "2016-12-31")  // joins on the last day
    try enrol(test.registry, "丁单位", joined: "2015-06-01", left: "2016-12-31")  // leaves on the last day
    try enrol(test.registry, "戊单位", joined: "2017-01-01")
    try enrol(test.registry, "己单位", joined: "2016-06-30", left: "2016-06-30")  // a period of no days
    let years = try test.registry.growth(GrowthRequest(from: 2016, to: 2017))
    #expect(numbers(years) == ["2016 +3 -3 =2", "2017 +1 -0 =3"])
    #expect(changes(years) == [0, 50])
    let quarters = try test.registry.growth(GrowthRequest(from: 2016, to: 2016, period: .quarter))
    #expect(numbers(quarters) == ["2016-Q1 +1 -1 =2", "2016-Q2 +1 -1 =2", "2016-Q3 +0 -0 =2", "2016-Q4 +1 -1 =2"])
    let months = try test.registry.growth(GrowthRequest(from: 2016, to: 2016, period: .month))
    #expect(months.rows.first.map { "\($0.joined) \($0.left) \($0.total)" } == "1 1 2")
    #expect(months.rows.last.map { "\($0.joined) \($0.left) \($0.total)" } == "1 1 2")
    // The totals are what `list --active-on` counts on the same days.
    for row in years.rows + quarters.rows {
      #expect(try test.registry.listUnits(UnitFilter(activeOn: row.end)).count == row.total, "\(row.label)")
    }
  }

  // MARK: - Summary

  @Test("29 → 43 over 2016–2019: +14, +48.3%, CAGR 14.0%")
  func summaryNumbersAndCAGR() throws {
    let test = try TestRegistry()
    // 30 join in 2015–2016, one of them leaves in 2016: 29 at the end of 2016.
    for index in 0..<30 {
      try enrol(test.registry, "老单位\(index)", joined: index < 20 ? "2015-06-30" : "2016-0\(index % 9 + 1)-15")
    }
    _ = try test.registry.withdraw("老单位3", on: day("2016-08-31"), reason: nil)
    // 2017–2019: 16 join and 2 leave: 43 at the end of 2019.
    for index in 0..<16 {
      try enrol(test.registry, "新单位\(index)", joined: "\(2017 + index % 3)-0\(index % 9 + 1)-20")
    }
    _ = try test.registry.withdraw("老单位5", on: day("2018-05-31"), reason: nil)
    _ = try test.registry.withdraw("新单位0", on: day("2019-11-29"), reason: nil)
    let report = try test.registry.growth(GrowthRequest(from: 2016, to: 2019))
    #expect(report.rows.map(\.total) == [29, 35, 39, 43])
    let summary = try #require(report.summary)
    #expect(summary.from == "2016" && summary.to == "2019")
    #expect(summary.fromTotal == 29 && summary.toTotal == 43 && summary.change == 14)
    #expect(abs((summary.changePercent ?? 0) - 1400.0 / 29.0) < 1e-9)
    #expect(abs((summary.cagrPercent ?? 0) - (pow(43.0 / 29.0, 1.0 / 3.0) - 1) * 100) < 1e-9)

    // By quarter (or month) there is no compound annual rate: it is a yearly report's figure.
    let quarters = try test.registry.growth(GrowthRequest(from: 2016, to: 2019, period: .quarter))
    let quarterly = try #require(quarters.summary)
    #expect(quarters.rows.count == 16)
    #expect(quarterly.cagrPercent == nil)
    #expect(quarterly.toTotal == 43 && quarterly.changePercent != nil)

    // One period only: no CAGR.
    let single = try test.registry.growth(GrowthRequest(from: 2019, to: 2019))
    #expect(
      single.summary
        == GrowthSummary(from: "2019", to: "2019", fromTotal: 43, toTotal: 43, changePercent: 0, cagrPercent: nil))
  }

  @Test("a shrinking alliance: negative change and CAGR")
  func shrinkingSummary() throws {
    let test = try TestRegistry()
    for index in 0..<10 { try enrol(test.registry, "单位\(index)", joined: "2019-03-01") }
    _ = try test.registry.withdraw("单位1", on: day("2020-03-01"), reason: nil)
    _ = try test.registry.withdraw("单位2", on: day("2020-12-31"), reason: nil)
    let report = try test.registry.growth(GrowthRequest(from: 2019, to: 2020))
    #expect(numbers(report) == ["2019 +10 -0 =10", "2020 +0 -2 =8"])
    #expect(changes(report) == [nil, -20])
    let summary = try #require(report.summary)
    #expect(summary.change == -2)
    #expect(abs((summary.changePercent ?? 0) - -20) < 1e-9)
    #expect(abs((summary.cagrPercent ?? 0) - -20) < 1e-9, "over one year the CAGR is the change")
  }

  /// The registry gives percentages as facts, unrounded; rounding them to one decimal for
  /// people is the presentation's work (`PercentFormat`).
  @Test(
    "percentages are exact, with their sign, and no minus zero",
    arguments: [(29, 43), (10, 8), (10, 10), (3, 6), (6, 3), (3, 0), (7, 9)])
  func percentagesAreExact(from first: Int, to second: Int) throws {
    let test = try TestRegistry()
    for index in 0..<first {
      try enrol(test.registry, "单位\(index)", joined: "2019-03-01", left: index < first - second ? "2020-03-01" : nil)
    }
    for index in first..<max(first, second) { try enrol(test.registry, "单位\(index)", joined: "2020-03-01") }
    let report = try test.registry.growth(GrowthRequest(from: 2019, to: 2020))
    #expect(report.rows.map(\.total) == [first, second])
    let expected = Double(second - first) / Double(first) * 100
    let summary = try #require(report.summary)
    let change = try #require(summary.changePercent)
    #expect(abs(change - expected) < 1e-12)
    #expect(change.sign == (second < first ? .minus : .plus), "no minus zero")
    #expect(report.rows[1].changePercent == summary.changePercent)
    #expect(abs((summary.cagrPercent ?? .nan) - expected) < 1e-9, "over one year the CAGR is the change")
  }

  @Test("change_pct is nil whenever the previous total is 0, also in the middle of a range")
  func changeAfterZero() throws {
    let test = try TestRegistry()
    try enrol(test.registry, "甲单位", joined: "2017-04-01", left: "2018-06-30")
    try enrol(test.registry, "乙单位", joined: "2019-09-01")
    let report = try test.registry.growth(GrowthRequest(from: 2016, to: 2020))
    #expect(numbers(report) == ["2016 +0 -0 =0", "2017 +1 -0 =1", "2018 +0 -1 =0", "2019 +1 -0 =1", "2020 +0 -0 =1"])
    #expect(changes(report) == [nil, nil, -100, nil, 0])
    // The first period's change is against the total just before it.
    let later = try test.registry.growth(GrowthRequest(from: 2020, to: 2021))
    #expect(changes(later) == [0, 0])
    let fromZero = try test.registry.growth(GrowthRequest(from: 2019, to: 2020))
    #expect(fromZero.rows[0].changePercent == nil)
  }

  // MARK: - Filters and breakdowns

  @Test("by kind: one column per kind, most units first, adding up to the total")
  func byKind() throws {
    let test = try TestRegistry()
    try enrol(test.registry, "复旦大学外文学院", joined: "2016-03-01", kind: "高校")
    try enrol(test.registry, "同济大学某学院", joined: "2017-03-01", kind: "高校")
    try enrol(test.registry, "上海某大学", joined: "2018-03-01", left: "2019-03-01", kind: "高校")
    try enrol(test.registry, "建设银行虹口支行", joined: "2019-06-27", kind: "金融机构")
    try enrol(test.registry, "浦发银行虹口支行", joined: "2016-06-27", left: "2017-12-31", kind: "金融机构")
    try enrol(test.registry, "某社区商店", joined: "2018-01-01")
    let report = try test.registry.growth(GrowthRequest(from: 2016, to: 2019, by: .kind))
    #expect(report.columns == ["高校", "金融机构", "其他"])
    #expect(report.rows.map(\.totals) == [[1, 1, 0], [2, 0, 0], [3, 0, 1], [2, 1, 1]])
    for row in report.rows { #expect(row.totals.reduce(0, +) == row.total, "\(row.label)") }
    // Each column is the report for that kind.
    for (index, kind) in report.columns.enumerated() {
      let single = try test.registry.growth(GrowthRequest(from: 2016, to: 2019, kind: kind))
      #expect(single.rows.map(\.total) == report.rows.map { $0.totals[index] }, "\(kind)")
    }
    // --kind is trimmed like every kind the registry stores.
    let spaced = try test.registry.growth(GrowthRequest(from: 2016, to: 2019, kind: " 高校 "))
    #expect(spaced.rows.map(\.total) == [1, 2, 3, 2])
  }

  @Test("--group counts that group's memberships; by group gives one column per group")
  func byGroup() throws {
    let test = try TestRegistry()
    let organisingGroup = try test.registry.addGroup(
      NewGroup(name: "组织共建专项组", establishedOn: day("2015-06-30")))
    let volunteerGroup = try test.registry.addGroup(NewGroup(name: "志愿服务专项组", establishedOn: day("2017-01-01")))
    _ = try test.registry.addGroup(NewGroup(name: "空专项组"))
    let first = try enrol(
      test.registry, "甲单位", joined: "2016-03-01", groups: [organisingGroup.id, volunteerGroup.id])
    try enrol(test.registry, "乙单位", joined: "2016-05-01", groups: [organisingGroup.id])
    let third = try enrol(test.registry, "丙单位", joined: "2016-05-01")
    _ = try test.registry.joinGroup(unit: third, group: volunteerGroup.id, on: day("2018-04-01"), role: .member)
    _ = try test.registry.leaveGroup(unit: first, group: organisingGroup.id, on: day("2018-12-31"))
    _ = try test.registry.withdraw(third, on: day("2019-05-31"), reason: nil)

    // 甲 joins 志愿服务 on the day the group is founded (2017-01-01), 丙 in 2018, leaving in 2019.
    let volunteers = try test.registry.growth(GrowthRequest(from: 2016, to: 2019, group: volunteerGroup.id))
    #expect(volunteers.group == volunteerGroup)
    #expect(numbers(volunteers) == ["2016 +0 -0 =0", "2017 +1 -0 =1", "2018 +1 -0 =2", "2019 +0 -1 =1"])
    // 甲 leaves 组织共建 on 2018-12-31: it counts as leaving in 2018.
    let organising = try test.registry.growth(
      GrowthRequest(from: 2016, to: 2019, group: try test.registry.resolveGroup("组织共建").id))
    #expect(organising.group == organisingGroup)
    #expect(numbers(organising) == ["2016 +2 -0 =2", "2017 +0 -0 =2", "2018 +0 -1 =1", "2019 +0 -0 =1"])
    // The default range of a group report starts with the group's first membership.
    let defaultRange = try test.registry.growth(GrowthRequest(group: volunteerGroup.id))
    #expect(defaultRange.rows.first?.label == "2017")

    let byGroup = try test.registry.growth(GrowthRequest(from: 2016, to: 2019, by: .group))
    #expect(byGroup.columns == ["组织共建专项组", "志愿服务专项组", "空专项组"])
    #expect(byGroup.rows.map(\.totals) == [[2, 0, 0], [2, 1, 0], [1, 2, 0], [1, 1, 0]])
    // The alliance totals stay the unit counts, not the sum of the groups.
    #expect(byGroup.rows.map(\.total) == [3, 3, 3, 2])
    #expect(byGroup.group == nil)

    // A group nobody knows is refused, not reported as zeros: by id, and by name.
    #expect(refusal(test.registry, GrowthRequest(group: GroupID(99))) == .noSuchID(.group, id: 99))
    let unknownName = expectRefusal { _ = try test.registry.resolveGroup("不存在的专项组") }
    guard case .noSuchName(.group, "不存在的专项组", _) = unknownName else {
      Issue.record("an unknown group name: \(String(describing: unknownName))")
      return
    }
  }
}
