import Foundation
import SQLite
import Testing

@testable import GongjianRegistry

/// A large import reads and checks its rows on a second thread while the first inserts them.
/// The same file must give the same registry, or the same refusal, read either way.
@Suite("a large import checks rows on a second thread, with the same outcome")
struct ConcurrentImportTests {
  /// A CSV over 3 MB (long notes), so that the import counts as large; `spoil` puts rows
  /// that every kind of check refuses among the good ones.
  static func file(in folder: ScratchFolder, rows: Int, spoil: Bool, tail: String = "") throws -> String {
    var text = "单位名称,单位类别,加入日期,退出日期,退出原因,专项组,联系电话,备注\n"
    let note = String(repeating: "共建单位联席会议纪要", count: 50)
    for i in 0..<rows {
      let month = i % 9 + 1
      var name = "共建测试单位第\(i)号有限公司"
      var joined = "2019-0\(month)-1\(month)"
      var left = i % 10 == 0 ? "2024-0\(month)-20,单位合并" : ","
      var groups = ["社区治理专项组（牵头）", "志愿服务专项组、文明创建专项组", "", "党建引领专项组;社区治理专项组"][i % 4]
      var phone = "021-6\(String(1_000_000 + i).suffix(7))"
      if spoil {
        switch i % 97 {
        case 3: joined = "2019-02-30"
        case 5: name = "共建测试单位第\(i - 1)号有限公司"  // a duplicate of an earlier row
        case 7: name = "共建测试单位第\(i - 6)号（集团）有限公司"  // like an earlier row
        case 11: name = ""
        case 13: left = "2018-01-01,早于加入"
        case 17: phone = "1.38123E+10"
        case 19: groups = "（牵头）"
        case 23: joined = "2999-01-01"
        default: break
        }
      }
      text += "\(name),社会组织,\(joined),\(left),\(groups),\(phone),\(note)\n"
    }
    if spoil { text += "只有两列,2019-01-01\n" }
    text += tail
    let path = folder.file("units-\(UUID().uuidString).csv")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Imports `path` into a new registry, one way or the other: the registry's rows, or the refusal.
  static func outcome(_ path: String, concurrently: Bool) throws -> (rows: [String], refusal: Refusal?) {
    let test = try TestRegistry()
    var options = ImportOptions(createGroups: true)
    options.preparesConcurrently = concurrently
    var refusal: Refusal?
    do {
      _ = try test.registry.importFile(path, options: options)
    } catch let error as Refusal {
      refusal = error
    }
    let db = try Connection(path: test.path, mode: .readOnly)
    var rows: [String] = []
    for sql in [
      "SELECT id, name, name_key, similar_key, kind, contact_phone, note FROM unit ORDER BY id",
      "SELECT unit_id, joined_on, left_on, left_reason FROM membership ORDER BY id",
      "SELECT unit_id, title, signed_on FROM agreement ORDER BY id",
      "SELECT id, name, name_key FROM working_group ORDER BY id",
      "SELECT unit_id, group_id, role, joined_on, left_on FROM group_membership ORDER BY unit_id, group_id",
    ] {
      let statement = try db.prepare(sql)
      while try statement.step() {
        rows.append(
          (0..<statement.columnCount).map { (try? statement.column($0, as: String.self)) ?? "NULL" }
            .joined(separator: "|"))
      }
    }
    return (rows, refusal)
  }

  @Test("a good file gives the same registry row for row")
  func goodFile() throws {
    let folder = ScratchFolder()
    let path = try ConcurrentImportTests.file(in: folder, rows: 2_400, spoil: false)
    let concurrent = try ConcurrentImportTests.outcome(path, concurrently: true)
    let sequential = try ConcurrentImportTests.outcome(path, concurrently: false)
    #expect(concurrent.refusal == nil && sequential.refusal == nil, "\(String(describing: concurrent.refusal))")
    #expect(concurrent.rows.count > 2_400 * 3)
    #expect(concurrent.rows == sequential.rows)
  }

  @Test("a file with every kind of bad row gives the same problems, line by line")
  func badRows() throws {
    let folder = ScratchFolder()
    let path = try ConcurrentImportTests.file(in: folder, rows: 2_400, spoil: true)
    let concurrent = try ConcurrentImportTests.outcome(path, concurrently: true)
    let sequential = try ConcurrentImportTests.outcome(path, concurrently: false)
    guard case .importFailed(let problems) = concurrent.refusal else {
      Issue.record("refused: \(String(describing: concurrent.refusal))")
      return
    }
    #expect(problems.count >= 7 * 24, "every spoilt row is counted: \(problems.count)")
    #expect(concurrent.refusal == sequential.refusal)
    #expect(concurrent.rows.isEmpty && sequential.rows.isEmpty, "nothing written")
  }

  @Test("a file that cannot be read to its end is refused the same way")
  func unreadableEnd() throws {
    let folder = ScratchFolder()
    let path = try ConcurrentImportTests.file(
      in: folder, rows: 2_400, spoil: false, tail: "\"没有收尾的引号,2019-01-01\n")
    let concurrent = try ConcurrentImportTests.outcome(path, concurrently: true)
    let sequential = try ConcurrentImportTests.outcome(path, concurrently: false)
    guard case .unreadableInput(_, let problem) = concurrent.refusal else {
      Issue.record("refused: \(String(describing: concurrent.refusal))")
      return
    }
    #expect(problem == .unclosedQuote(line: 2_402))
    #expect(concurrent.refusal == sequential.refusal)
    #expect(concurrent.rows.isEmpty)
  }
}
