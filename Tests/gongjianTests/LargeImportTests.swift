import Foundation
import SQLite
import Testing

/// Imports big enough (over 3 MB of CSV) that `import` builds the indexes nothing searches
/// during it after the rows, staying in WAL so that readers meanwhile read the registry as it
/// was. Long notes make the file that big with few rows (a debug build is slow).
@Suite("large imports: indexes after the rows, in WAL")
struct LargeImportTests {
  static let rows = 2_000

  /// A CSV of `rows` units, each with a note of 1,500 bytes so that it passes 3 MB; `bad`
  /// spoils the last row's date.
  static func write(
    _ space: Workspace, rows: Int = LargeImportTests.rows, bad: Bool = false, extra: [String] = []
  ) throws -> String {
    var text = "单位名称,单位类别,加入日期,退出日期,退出原因,专项组,地址,备注\n"
    let note = String(repeating: "共建单位联席会议纪要", count: 50)
    text.reserveCapacity(rows * 1_700)
    for i in 0..<rows {
      let month = i % 9 + 1
      let left = i % 10 == 0 ? "2024-0\(month)-20,单位合并" : ","
      let group = i % 3 == 0 ? "社区治理专项组" : (i % 3 == 1 ? "志愿服务专项组" : "")
      let joined = bad && i == rows - 1 ? "2019-02-30" : "2019-0\(month)-1\(month)"
      text += "大批导入单位第\(i)号有限公司,非公企业,\(joined),\(left),\(group),上海市虹口区欧阳路\(i % 999 + 1)号,\(note)\n"
    }
    for name in extra { text += "\(name),社会组织,2020-05-06,,,,,\(note)\n" }
    let path = space.file("large.csv")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// The registry's indexes, journal mode and unit count.
  static func state(_ space: Workspace) throws -> (indexes: [String], journal: String, units: Int) {
    let db = try Connection(path: space.registry, mode: .readOnly)
    var indexes: [String] = []
    let statement = try db.prepare(
      "SELECT name || ': ' || coalesce(sql, '') FROM sqlite_schema WHERE type = 'index' ORDER BY name")
    while try statement.step() { indexes.append(try statement.required(0)) }
    return (
      indexes, try db.scalar(String.self, "PRAGMA journal_mode") ?? "?",
      try db.scalar(Int.self, "SELECT count(*) FROM unit") ?? -1
    )
  }

  @Test("a large import adds every row, builds every index again and leaves the registry in WAL")
  func largeImport() throws {
    let space = Workspace()
    try space.initRegistry()
    let before = try LargeImportTests.state(space)
    let file = try LargeImportTests.write(space)
    let result = try space.gongjian("import", file, "--create-groups")
    #expect(result.status == 0, "\(result)")
    let after = try LargeImportTests.state(space)
    #expect(after.units == LargeImportTests.rows)
    #expect(after.indexes == before.indexes)
    #expect(after.journal == "wal")
    #expect(!space.exists(space.registry + "-journal"))
    let check = try space.gongjian("check")
    #expect(check.status == 0, "\(check)")
    // Searching by the rebuilt indexes finds what the rows hold.
    let db = try Connection(path: space.registry, mode: .readOnly)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM membership WHERE left_on IS NOT NULL") == 200)
    #expect(try db.scalar(Int.self, "SELECT count(*) FROM unit WHERE kind = '非公企业'") == LargeImportTests.rows)
  }

  @Test("a large import with a bad row writes nothing and leaves every index and WAL as they were")
  func failedLargeImport() throws {
    let space = Workspace()
    try space.initRegistry()
    let before = try LargeImportTests.state(space)
    let dump = try space.dump()
    let file = try LargeImportTests.write(space, bad: true)
    let result = try space.gongjian("import", file, "--create-groups")
    #expect(result.status == 65, "\(result)")
    #expect(result.stderr.contains(String(LargeImportTests.rows + 1)), "the bad line is named: \(result)")
    let after = try LargeImportTests.state(space)
    #expect(after.indexes == before.indexes)
    #expect(after.journal == "wal")
    #expect(try space.dump() == dump)
  }

  @Test("a large import beside another open connection stays in WAL, and that connection reads on")
  func largeImportBesideAReader() throws {
    let space = Workspace()
    try space.initRegistry()
    let before = try LargeImportTests.state(space)
    let file = try LargeImportTests.write(space)
    // Another process's connection, as a browser view keeps one: the registry in WAL, read once.
    let other = try Connection(path: space.registry, mode: .readOnly)
    #expect(try other.scalar(Int.self, "SELECT count(*) FROM unit") == 0)
    let result = try space.gongjian("import", file, "--create-groups")
    #expect(result.status == 0, "\(result)")
    #expect(try other.scalar(Int.self, "SELECT count(*) FROM unit") == LargeImportTests.rows)
    let after = try LargeImportTests.state(space)
    #expect(after.indexes == before.indexes)
    #expect(after.journal == "wal")
  }

  @Test("a large import refuses a name like an earlier row's or a registered unit's, naming the lines")
  func similarNamesInALargeImport() throws {
    let space = Workspace()
    try space.initRegistry()
    #expect(try space.gongjian("register", "欧阳路先登记共建单位", "--joined", "2018-06-20").status == 0)
    let dump = try space.dump()
    // Line 9 holds unit 7 of the file; the two extra rows are lines 2,002 and 2,003.
    let file = try LargeImportTests.write(
      space, extra: ["大批导入单位第7号（集团）有限公司", "欧阳路先登记共建单位（集团）有限公司"])
    let result = try space.gongjian("import", file, "--create-groups")
    #expect(result.status == 65, "\(result)")
    let lines = result.stderr.split(separator: "\n")
    let first = try #require(lines.first { $0.contains("2002") && $0.contains("（集团）") }, "\(result)")
    #expect(first.contains("大批导入单位第7号有限公司") && first.contains("9"), "the earlier row and its line: \(first)")
    let second = try #require(lines.first { $0.contains("2003") && $0.contains("（集团）") }, "\(result)")
    #expect(second.contains("#1") && second.contains("欧阳路先登记共建单位"), "the registered unit: \(second)")
    #expect(try space.dump() == dump)
    // Allowed, the same file goes in whole.
    let allowed = try space.gongjian("import", file, "--create-groups", "--force")
    #expect(allowed.status == 0, "\(allowed)")
    #expect(try LargeImportTests.state(space).units == LargeImportTests.rows + 3)
  }
}
