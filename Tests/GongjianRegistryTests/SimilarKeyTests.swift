import Foundation
import SQLite
import Testing

@testable import GongjianRegistry

/// The similar-name key is computed in two places: by gongjian for every unit it stores, and
/// by the migration that added the column, in SQL, for the units registered before. The two
/// must agree, or a unit registered before the migration would not meet its look-alikes.
@Suite struct SimilarKeyTests {
  /// The migration's expression, with the stored key as its one parameter.
  static func migrationExpression() throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let migration = try String(
      contentsOf: root.appendingPathComponent("Migrations/0002_history_facts_and_similar_names.sql"), encoding: .utf8)
    let start = try #require(migration.range(of: "UPDATE unit SET similar_key =")).upperBound
    let end = try #require(migration[start...].range(of: ";")).lowerBound
    return migration[start..<end].replacingOccurrences(of: "name_key", with: "?1")
  }

  @Test func theKeyAgreesWithTheMigrationsSQLOnRandomNames() throws {
    let folder = ScratchFolder()
    let db = try Connection(path: folder.file("similar.sqlite"), mode: .create)
    let statement = try db.prepare("SELECT " + (try Self.migrationExpression()))
    // Brackets and words whole and in halves, so that taking out one piece makes another.
    let pieces = [
      "(", ")", "〔", "〕", "【", "】", "[", "]", "「", "」", "有限公司", "集团", "股份", "有限", "公司", "集", "团", "股",
      "份", "上海", "长远文化", "a", "B", "é", "\u{301}", "中",
    ]
    var random = SplitMix64(seed: 20_191_209)
    var mismatches: [String] = []
    for _ in 0..<3_000 {
      let name = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }
        .joined()
      statement.reset()
      try statement.bind(name, at: 1)
      _ = try statement.step()
      let sql: String? = try statement.column(0)
      if NameKey.similar(name) != sql { mismatches.append(name) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  @Test func everyOccurrenceIsReplacedAndOthersLeftAlone() {
    #expect("集(团)有限公司集团".replacingEvery("集团", with: "") == "集(团)有限公司")
    #expect("aaa".replacingEvery("aa", with: "b") == "ba")
    #expect("上海长远文化".replacingEvery("集团", with: "x") == "上海长远文化")
    #expect("".replacingEvery("a", with: "b") == "")
    #expect("abc".replacingEvery("", with: "x") == "abc")
    #expect("a'b'".replacingEvery("'", with: "'\\''") == "a'\\''b'\\''")
    #expect(NameKey.similar("上海长远文化(集团)有限公司") == "上海长远文化")
    #expect(NameKey.similar("集(团)") == "")
  }
}
