import Foundation
import Testing

@testable import GongjianRegistry

// Names that are probably one unit typed two ways (other brackets, with or without 集团,
// 有限公司 or 股份) are refused unless asked for; names of other units are not. The table
// is the rule: each pair says which it is.

/// What registering `second` next to `first` must do.
enum Likeness: Sendable {
  /// The same name key: a duplicate, refused even when asked for.
  case same
  /// Probably the same unit: refused unless asked for.
  case similar
  /// Another unit.
  case different
}

struct NamePair: CustomTestStringConvertible, Sendable {
  var first: String
  var second: String
  var likeness: Likeness

  init(_ first: String, _ second: String, _ likeness: Likeness) {
    self.first = first
    self.second = second
    self.likeness = likeness
  }

  var testDescription: String { "\(first) / \(second)" }
}

let namePairs: [NamePair] = [
  // Brackets of every style, or none.
  NamePair("上海长远文化(集团)有限公司", "上海长远文化（集团）有限公司", .same),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化 ( 集团 ) 有限公司", .same),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化〔集团〕有限公司", .similar),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化【集团】有限公司", .similar),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化[集团]有限公司", .similar),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化［集团］有限公司", .similar),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化「集团」有限公司", .similar),
  NamePair("上海长远文化〔集团〕有限公司", "上海长远文化【集团】有限公司", .similar),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化集团有限公司", .similar),
  // 有限公司, 集团, 股份 dropped or added.
  NamePair("上海长远文化(集团)有限公司", "上海长远文化（集团）", .similar),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化有限公司", .similar),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化", .similar),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化股份有限公司", .similar),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化（集团）股份有限公司", .similar),
  NamePair("虹口烟草糖酒有限公司", "虹口烟草糖酒（集团）有限公司", .similar),
  NamePair("中国建设银行股份有限公司上海虹口支行", "中国建设银行上海虹口支行", .similar),
  NamePair("ＡＢＣ集团有限公司", "abc", .similar),
  // Other units: another core name, a branch of the company, another branch of the bank.
  NamePair("上海长远文化有限公司", "上海长远文艺有限公司", .different),
  NamePair("上海长远文化(集团)有限公司", "上海长远文化（集团）有限公司虹口分公司", .different),
  NamePair("上海长远文化有限公司虹口分公司", "上海长远文化有限公司杨浦分公司", .different),
  NamePair("建设银行虹口支行", "建设银行杨浦支行", .different),
  NamePair("建设银行虹口支行", "建设银行虹口分行", .different),
  NamePair("中国建设银行股份有限公司上海虹口支行", "中国建设银行股份有限公司上海分行", .different),
  NamePair("复旦大学外文学院", "复旦大学", .different),
  NamePair("虹口区司法局", "虹口区房管局", .different),
  // Only the words the rule names: 公司 alone is part of the name.
  NamePair("上海长远文化有限公司", "上海长远文化公司", .different),
]

@Suite struct SimilarNameTests {
  @Test(arguments: namePairs) func theKeysSayWhichItIs(_ pair: NamePair) {
    let first = NameKey.make(pair.first)
    let second = NameKey.make(pair.second)
    switch pair.likeness {
    case .same: #expect(first == second)
    case .similar: #expect(first != second && NameKey.similar(first) == NameKey.similar(second))
    case .different: #expect(NameKey.similar(first) != NameKey.similar(second))
    }
  }

  @Test(arguments: namePairs) func registering(_ pair: NamePair) throws {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.add(pair.first, joined: "2016-03-01")
    let existing = UnitReference(id: UnitID(1), name: pair.first)
    let before = try registry.snapshot()
    let register = { (force: Bool) in
      try registry.register(NewUnit(name: pair.second, joinedOn: day("2019-06-20"), allowSimilarName: force))
    }
    switch pair.likeness {
    case .same:
      for force in [false, true] {
        #expect(
          throws: Refusal.alreadyRegistered(
            name: pair.second, existing: existing, joinedOn: day("2016-03-01"), leftOn: nil)
        ) {
          try register(force)
        }
      }
      #expect(try registry.snapshot() == before)
    case .similar:
      #expect(throws: Refusal.similarToRegistered(name: pair.second, existing: existing, joinedOn: day("2016-03-01"))) {
        try register(false)
      }
      #expect(try registry.snapshot() == before)
      let forced = try register(true)
      #expect(forced.unit == UnitReference(id: UnitID(2), name: pair.second))
    case .different:
      #expect(try register(false).unit == UnitReference(id: UnitID(2), name: pair.second))
    }
  }

  @Test func theFirstRegisteredOfSeveralSimilarUnitsIsNamed() throws {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.add("上海长远文化(集团)有限公司", joined: "2016-03-01")
    try registry.register(NewUnit(name: "上海长远文化有限公司", joinedOn: day("2017-01-01"), allowSimilarName: true))
    _ = try registry.withdraw("上海长远文化(集团)有限公司", on: day("2018-01-01"))
    #expect(
      throws: Refusal.similarToRegistered(
        name: "上海长远文化〔集团〕", existing: UnitReference(id: UnitID(1), name: "上海长远文化(集团)有限公司"),
        joinedOn: day("2016-03-01"))
    ) { try registry.add("上海长远文化〔集团〕", joined: "2019-01-01") }
  }

  @Test func aRenameKeepsTheSimilarKeyUpToDate() throws {
    let test = try TestRegistry()
    let registry = test.registry
    try registry.add("上海长远文化有限公司", joined: "2016-03-01")
    _ = try registry.editUnit(UnitID(1), UnitChanges(name: "虹口烟草糖酒有限公司"))
    // The old name is free for another unit; the new one's likes are refused.
    try registry.add("上海长远文化（集团）有限公司", joined: "2019-01-01")
    #expect(throws: Refusal.self) { try registry.add("虹口烟草糖酒（集团）", joined: "2019-01-01") }
  }

  func importing(_ rows: [String], force: Bool = false, into test: TestRegistry) throws -> ImportSummary {
    let file = test.folder.file("units-\(UUID().uuidString).csv")
    try Data((["单位名称,加入日期"] + rows).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
    return try test.registry.importFile(file, options: ImportOptions(allowSimilarNames: force))
  }

  /// The one problem of an import that failed.
  func importProblem(_ body: () throws -> Void) -> RowProblem? {
    guard case .importFailed(let problems)? = expectRefusal(body) else { return nil }
    #expect(problems.count == 1)
    return problems.problems.first
  }

  @Test(arguments: namePairs.filter { $0.likeness != .same }) func importingOneFile(_ pair: NamePair) throws {
    let test = try TestRegistry()
    let before = try test.registry.snapshot()
    let rows = ["\(pair.first),2016-03-01", "\(pair.second),2019-06-20"]
    switch pair.likeness {
    case .similar:
      let problem = importProblem { _ = try importing(rows, into: test) }
      #expect(problem?.line == 3)
      #expect(
        problem?.issue
          == .similarToRegistered(
            name: pair.second, existing: UnitReference(id: UnitID(1), name: pair.first), joinedOn: day("2016-03-01"),
            line: 2))
      #expect(try test.registry.snapshot() == before)
      #expect(try importing(rows, force: true, into: test).added == 2)
    default:
      #expect(try importing(rows, into: test).added == 2)
    }
  }

  @Test(arguments: namePairs.filter { $0.likeness == .similar }) func importingAgainstTheRegistry(_ pair: NamePair)
    throws
  {
    let test = try TestRegistry()
    try test.registry.add(pair.first, joined: "2016-03-01")
    let before = try test.registry.snapshot()
    let rows = ["新单位,2019-06-20", "\(pair.second),2019-06-20"]
    let problem = importProblem { _ = try importing(rows, into: test) }
    #expect(problem?.line == 3)
    #expect(
      problem?.issue
        == .similarToRegistered(
          name: pair.second, existing: UnitReference(id: UnitID(1), name: pair.first), joinedOn: day("2016-03-01"),
          line: nil))
    #expect(try test.registry.snapshot() == before)
    #expect(try importing(rows, force: true, into: test).added == 2)
  }
}
