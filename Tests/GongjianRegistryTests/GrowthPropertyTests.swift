import Foundation
import Testing

@testable import GongjianRegistry

/// A registry with a random history, made only through the registry's public operations
/// (register, withdraw, rejoin, joinGroup, leaveGroup), as users would make it.
struct RandomHistory {
  static let kinds = ["高校", "金融机构", "社会组织"]
  static let groups = ["组织共建专项组", "社区治理专项组", "文明创建专项组"]
  static let earliest = Day(year: 2013, month: 1, day: 1)!

  let test: TestRegistry
  let seed: UInt64
  /// The ids of `RandomHistory.groups`, in the same order.
  let groupIDs: [GroupID]
  var registry: Registry { test.registry }
  var today: Day { test.registry.today }
  /// What the history holds, to show that the histories are not trivial.
  var events: [String: Int] = [:]

  init(seed: UInt64, units: Int = 40) throws {
    self.seed = seed
    var random = SplitMix64(seed: seed)
    // Today anywhere from early 2024 to the end of 2026, sometimes on a period boundary.
    var today = RandomHistory.day(
      between: Day(year: 2024, month: 1, day: 1)!, and: Day(year: 2026, month: 12, day: 31)!, using: &random)
    if random.chance(30) { today = today.endOf([.month, .quarter, .year][Int.random(in: 0..<3, using: &random)]) }
    test = try TestRegistry(today: today)
    // Each change is its own transaction: without the sync per commit the histories build in a blink.
    try test.registry.db.execute("PRAGMA synchronous = OFF")
    let founded = [nil, Day(year: 2016, month: 7, day: 1), Day(year: 2019, month: 1, day: 1)]
    var groupIDs: [GroupID] = []
    for (name, established) in zip(RandomHistory.groups, founded) {
      groupIDs.append(try test.registry.addGroup(NewGroup(name: name, establishedOn: established)).id)
    }
    self.groupIDs = groupIDs
    for index in 0..<units {
      try addUnit(index, using: &random)
    }
  }

  /// A day between two days, inclusive, often on the first or last day of a month, quarter or year.
  static func day(between low: Day, and high: Day, using random: inout SplitMix64) -> Day {
    let number = Int.random(in: low.daysSinceEpoch...high.daysSinceEpoch, using: &random)
    var day = Day(daysSinceEpoch: number)!
    if random.chance(30) {
      switch Int.random(in: 0..<4, using: &random) {
      case 0: day = Day(year: day.year, month: day.month, day: 1)!
      case 1: day = day.endOf(.month)
      case 2: day = day.endOf(.quarter)
      default: day = day.endOf(.year)
      }
    }
    return min(max(day, low), high)
  }

  /// The day of a unit's next event: the same day sometimes, else days to years later; nil
  /// once that would be after today.
  func later(than day: Day, using random: inout SplitMix64) -> Day? {
    let gap: Int
    switch Int.random(in: 0..<10, using: &random) {
    case 0: gap = 0
    case 1...3: gap = Int.random(in: 1...90, using: &random)
    default: gap = Int.random(in: 90...1000, using: &random)
    }
    guard var next = day.adding(days: gap) else { return nil }
    if gap > 0, random.chance(25) { next = random.chance(50) ? next.endOf(.month) : next.endOf(.quarter) }
    if next > today && random.chance(20) { next = today }
    return next > today ? nil : next
  }

  mutating func count(_ event: String) { events[event, default: 0] += 1 }

  /// The latest day anything of this unit happened: later events must not come before it.
  func latestDay(_ detail: UnitDetail) -> Day {
    var days = detail.periods.flatMap { [$0.joinedOn] + ($0.leftOn.map { [$0] } ?? []) }
    days += detail.groups.flatMap { [$0.joinedOn] + ($0.leftOn.map { [$0] } ?? []) }
    return days.max() ?? RandomHistory.earliest
  }

  mutating func addUnit(_ index: Int, using random: inout SplitMix64) throws {
    let joined = RandomHistory.day(between: RandomHistory.earliest, and: today, using: &random)
    var left: Day?
    if random.chance(10) {
      left = later(than: joined, using: &random)
      if left != nil { count("registered as already left") }
    }
    let groups = groupIDs.filter { _ in random.chance(30) }
    let registration = try registry.register(
      NewUnit(
        name: "随机单位\(index)（种子\(seed)）", joinedOn: joined, leftOn: left,
        details: UnitDetails(kind: RandomHistory.kinds.randomElement(using: &random)), groups: groups,
        lead: random.chance(20)))
    count("register")
    if joined == today { count("event on today") }
    let id = registration.unit.id
    for _ in 0..<8 {
      let detail = try registry.unitDetail(registration.unit.id)
      let cursor = latestDay(detail)
      guard let next = later(than: cursor, using: &random) else { break }
      if next == cursor { count("same-day event") }
      if next == today { count("event on today") }
      guard detail.openPeriod != nil else {
        let groups = groupIDs.enumerated().filter { index, _ in
          founded(index) <= next && random.chance(30)
        }.map(\.element)
        _ = try registry.rejoin(id, on: next, agreement: AgreementTerms(), groups: groups, lead: random.chance(20))
        count("rejoin")
        continue
      }
      let open = detail.groups.filter { $0.leftOn == nil }
      let roll = Int.random(in: 0..<10, using: &random)
      if roll < 2 {
        _ = try registry.withdraw(id, on: next, reason: random.chance(50) ? "随机退出" : nil)
        count("withdraw")
      } else if roll < 5, let membership = open.randomElement(using: &random) {
        _ = try registry.leaveGroup(unit: id, group: membership.group.id, on: next)
        count("group leave")
      } else if roll < 6, let membership = open.randomElement(using: &random) {
        _ = try registry.joinGroup(
          unit: id, group: membership.group.id, on: next, role: membership.role == .lead ? .member : .lead)
        count("group role change")
      } else {
        let candidates = groupIDs.enumerated().filter { index, group in
          founded(index) <= next && !open.contains { $0.group.id == group }
        }
        guard let group = candidates.randomElement(using: &random) else { continue }
        _ = try registry.joinGroup(unit: id, group: group.element, on: next, role: random.chance(20) ? .lead : .member)
        count("group join")
      }
    }
  }

  func founded(_ index: Int) -> Day {
    [RandomHistory.earliest, Day(year: 2016, month: 7, day: 1)!, Day(year: 2019, month: 1, day: 1)!][index]
  }
}

/// What a report counts, computed the slow and obvious way: from every unit's stored periods
/// (or group memberships), one by one, with no SQL.
struct BruteForce {
  /// Day numbers: a period or membership is active on d when starts[i] <= d < ends[i].
  let starts: [Int]
  let ends: [Int]

  init(_ details: [UnitDetail], group: GroupID?, kind: String?) {
    var starts: [Int] = []
    var ends: [Int] = []
    for detail in details where kind == nil || detail.kind == kind {
      if let group {
        for membership in detail.groups where membership.group.id == group {
          starts.append(membership.joinedOn.daysSinceEpoch)
          ends.append(membership.leftOn?.daysSinceEpoch ?? Int.max)
        }
      } else {
        for period in detail.periods {
          starts.append(period.joinedOn.daysSinceEpoch)
          ends.append(period.leftOn?.daysSinceEpoch ?? Int.max)
        }
      }
    }
    self.starts = starts
    self.ends = ends
  }

  func active(on day: Int) -> Int {
    var count = 0
    for index in starts.indices where starts[index] <= day && ends[index] > day { count += 1 }
    return count
  }

  func joined(_ range: ClosedRange<Int>) -> Int {
    var count = 0
    for start in starts where range.contains(start) { count += 1 }
    return count
  }

  func left(_ range: ClosedRange<Int>) -> Int {
    var count = 0
    for end in ends where range.contains(end) { count += 1 }
    return count
  }

  var firstYear: Int? {
    starts.min().flatMap { Day(daysSinceEpoch: $0)?.year }
  }
}

@Suite("Growth report: the invariant on random histories")
struct GrowthPropertyTests {
  static let seeds: [UInt64] = Array(1...30)

  @Test("total(P) = total(P-1) + joined(P) - left(P), and every number matches a count by hand", arguments: seeds)
  func invariantOnRandomHistory(seed: UInt64) throws {
    let history = try RandomHistory(seed: seed)
    let registry = history.registry
    let today = history.today
    let details = try registry.listUnits(UnitFilter(all: true)).map { try registry.unitDetail($0.id) }
    #expect(details.count == 40)
    var random = SplitMix64(seed: seed ^ 0xFEED)
    let scopes: [(group: GroupID?, kind: String?)] =
      [(nil, nil)] + history.groupIDs.map { ($0, nil) } + RandomHistory.kinds.map { (nil, $0) }
      + [(history.groupIDs[0], RandomHistory.kinds[0])]
    for period in PeriodLength.allCases {
      // Months are many: one group and one kind are enough for them.
      let periodScopes = period == .month ? [scopes[0], scopes[2], scopes[4], scopes[7]] : scopes
      for scope in periodScopes {
        let brute = BruteForce(details, group: scope.group, kind: scope.kind)
        // The default range, and a random one (which starts with units already active).
        let from = Int.random(in: 2012...today.year, using: &random)
        let to = Int.random(in: from...today.year, using: &random)
        for (requestFrom, requestTo) in [(nil, nil), (from, to)] as [(Int?, Int?)] {
          let request = GrowthRequest(
            from: requestFrom, to: requestTo, period: period, group: scope.group, kind: scope.kind)
          let report = try registry.growth(request)
          let expectedFrom = requestFrom ?? brute.firstYear ?? today.year
          check(report, against: brute, from: expectedFrom, to: requestTo ?? today.year, seed: seed)
          if period == .year && requestFrom == nil {
            try checkListing(report, scope: scope, registry: registry, seed: seed)
          }
        }
      }
      try checkBreakdowns(period: period, details: details, history: history)
    }
  }

  /// A larger history (300 units): the breakdowns by kind and by group, and one kind's report,
  /// counted in one pass over the periods, against the counts made unit by unit.
  @Test("by kind, by group and one kind on 300 units match the counts by hand")
  func breakdownsOnALargerHistory() throws {
    let history = try RandomHistory(seed: 20_191, units: 300)
    let registry = history.registry
    let details = try registry.listUnits(UnitFilter(all: true)).map { try registry.unitDetail($0.id) }
    #expect(details.count == 300)
    for period in [PeriodLength.year, .month] {
      try checkBreakdowns(period: period, details: details, history: history)
      for kind in RandomHistory.kinds {
        let report = try registry.growth(GrowthRequest(period: period, kind: kind))
        let brute = BruteForce(details, group: nil, kind: kind)
        check(report, against: brute, from: brute.firstYear ?? history.today.year, to: history.today.year, seed: 20_191)
      }
      let kindByGroup = try registry.growth(GrowthRequest(period: period, kind: RandomHistory.kinds[1], by: .group))
      let counts = history.groupIDs.map { group in
        BruteForce(details, group: group, kind: RandomHistory.kinds[1])
      }
      for row in kindByGroup.rows {
        #expect(row.totals == counts.map { $0.active(on: row.end.daysSinceEpoch) }, "kind by group \(row.label)")
      }
    }
  }

  /// The histories exercise what the invariant is about: withdrawals, rejoins, group changes,
  /// same-day events and events on today.
  @Test("the random histories hold every kind of event")
  func historiesAreNotTrivial() throws {
    var events: [String: Int] = [:]
    for seed in GrowthPropertyTests.seeds.prefix(6) {
      let history = try RandomHistory(seed: seed)
      events.merge(history.events, uniquingKeysWith: +)
    }
    for event in [
      "register", "withdraw", "rejoin", "group join", "group leave", "group role change", "same-day event",
      "event on today", "registered as already left",
    ] {
      #expect(events[event, default: 0] > 0, "no \(event) in the random histories: \(events)")
    }
  }

  /// Every row against the brute-force count, the invariant between rows, and the periods.
  func check(_ report: GrowthReport, against brute: BruteForce, from: Int, to: Int, seed: UInt64) {
    let request = report.request
    let group = request.group.map { "group \($0)" } ?? "-"
    let context = "seed \(seed), \(request.period) \(group) \(request.kind ?? "-") \(from)–\(to)"
    let today = report.today
    // The periods: contiguous, from 1 January of `from` to the end of `to` or today.
    let perYear = request.period == .year ? 1 : request.period == .quarter ? 4 : 12
    let lastYearPeriods = to < today.year ? perYear : periodIndex(today, request.period) + 1
    #expect(report.rows.count == (to - from) * perYear + lastYearPeriods, "\(context)")
    guard let first = report.rows.first, let last = report.rows.last else {
      Issue.record("no rows: \(context)")
      return
    }
    #expect(first.start == Day(year: from, month: 1, day: 1), "\(context)")
    #expect(last.end == min(Day(year: to, month: 12, day: 31)!, today), "\(context)")
    var previousTotal = brute.active(on: first.start.daysSinceEpoch - 1)
    var previousEnd: Day?
    for row in report.rows {
      let rowContext = "\(context), \(row.label)"
      #expect(row.label == label(row.start, request.period), "\(rowContext)")
      #expect(row.end == min(row.start.endOf(request.period), today), "\(rowContext)")
      if let previousEnd { #expect(previousEnd.adding(days: 1) == row.start, "\(rowContext)") }
      let range = row.start.daysSinceEpoch...row.end.daysSinceEpoch
      #expect(row.joined == brute.joined(range), "joined: \(rowContext)")
      #expect(row.left == brute.left(range), "left: \(rowContext)")
      #expect(row.total == brute.active(on: row.end.daysSinceEpoch), "total: \(rowContext)")
      #expect(row.net == row.joined - row.left, "\(rowContext)")
      #expect(row.total == previousTotal + row.joined - row.left, "invariant: \(rowContext)")
      if previousTotal == 0 {
        #expect(row.changePercent == nil, "\(rowContext)")
      } else {
        let expected = Double(row.total - previousTotal) / Double(previousTotal) * 100
        #expect(abs((row.changePercent ?? .nan) - expected) < 1e-9, "change: \(rowContext)")
      }
      previousTotal = row.total
      previousEnd = row.end
    }
    #expect(report.summary?.fromTotal == first.total, "\(context)")
    #expect(report.summary?.toTotal == last.total, "\(context)")
    #expect(report.group?.id == request.group, "\(context)")
  }

  /// The yearly totals are what `list --active-on` lists on each period's counting day.
  func checkListing(
    _ report: GrowthReport, scope: (group: GroupID?, kind: String?), registry: Registry, seed: UInt64
  ) throws {
    for row in report.rows {
      let listed = try registry.listUnits(UnitFilter(activeOn: row.end, group: scope.group, kind: scope.kind))
      let group = scope.group.map { "group \($0)" } ?? "-"
      #expect(row.total == listed.count, "seed \(seed), \(group) \(scope.kind ?? "-") \(row.label) vs list")
    }
  }

  /// `by: .kind` and `by: .group`: each column is the report filtered to that kind or group,
  /// and the kind columns add up to the total.
  func checkBreakdowns(period: PeriodLength, details: [UnitDetail], history: RandomHistory) throws {
    let registry = history.registry
    let seed = history.seed
    let byKind = try registry.growth(GrowthRequest(period: period, by: .kind))
    #expect(Set(byKind.columns) == Set(details.map(\.kind)), "seed \(seed)")
    let byGroup = try registry.growth(GrowthRequest(period: period, by: .group))
    #expect(byGroup.columns == RandomHistory.groups, "seed \(seed)")
    let kindCounts = byKind.columns.map { BruteForce(details, group: nil, kind: $0) }
    // The columns are the groups in id order, checked above by name.
    let groupCounts = history.groupIDs.map { BruteForce(details, group: $0, kind: nil) }
    for row in byKind.rows {
      let day = row.end.daysSinceEpoch
      #expect(row.totals == kindCounts.map { $0.active(on: day) }, "seed \(seed) by kind \(row.label)")
      #expect(row.totals.reduce(0, +) == row.total, "seed \(seed) by kind \(row.label)")
    }
    for row in byGroup.rows {
      let day = row.end.daysSinceEpoch
      #expect(row.totals == groupCounts.map { $0.active(on: day) }, "seed \(seed) by group \(row.label)")
    }
    // With a group and a breakdown by kind, the kind columns add up to the group's total.
    let groupByKind = try registry.growth(GrowthRequest(period: period, group: history.groupIDs[1], by: .kind))
    for row in groupByKind.rows {
      #expect(row.totals.reduce(0, +) == row.total, "seed \(seed) group by kind \(row.label)")
    }
  }

  func periodIndex(_ day: Day, _ period: PeriodLength) -> Int {
    switch period {
    case .year: return 0
    case .quarter: return (day.month - 1) / 3
    case .month: return day.month - 1
    }
  }

  func label(_ start: Day, _ period: PeriodLength) -> String {
    switch period {
    case .year: return String(start.year)
    case .quarter: return "\(start.year)-Q\((start.month - 1) / 3 + 1)"
    case .month: return "\(start.year)-" + (start.month < 10 ? "0" : "") + String(start.month)
    }
  }
}
