import Foundation
import Testing

// The bad-input catalogue (issue 7): hostile inputs to every command, through the built binary.
// Each must end with the exit status SPEC §6 documents and a short message — never a trap
// (a signal) — and a refused command must leave the registry exactly as it was.
// Invalid UTF-8 cannot be a process argument (arguments are Strings), so it arrives the way it
// does in real life: inside a CSV file for `import`.

/// One hostile input: the command line, the documented exit status, and the data the message
/// carries (stderr for a refusal, stdout for a success): the option, the limit, the code point.
struct HostileInput: CustomTestStringConvertible {
  var label: String
  var arguments: [String]
  var status: Int32
  var says: [String]
  /// The line of a file the message must name: the first number of one of its lines, once the
  /// paths of the command line are taken out.
  var line: Int?

  init(_ label: String, _ arguments: [String], _ status: Int32, _ says: String..., line: Int? = nil) {
    self.label = label
    self.arguments = arguments
    self.status = status
    self.says = says
    self.line = line
  }

  var testDescription: String { label }
}

extension Workspace {
  /// Runs the binary like `run`, on a fixed today, and tells whether a signal ended it.
  func runWatched(_ arguments: [String]) throws -> (result: CommandResult, signalled: Bool) {
    let result = try run(arguments, environment: ["GONGJIAN_TODAY": "2026-06-30"])
    return (result, result.signalled)
  }

  /// Writes `bytes` to a file in the workspace and returns its path.
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
    return file(name)
  }

  func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }
}

@Suite struct BadInputCatalogueTests {
  /// The exit statuses SPEC §6 documents; anything else (a signal, a stray code) is a bug.
  static let documentedStatuses: Set<Int32> = [0, 1, 64, 65, 66, 74, 75]
  static let injection = "x'); DROP TABLE unit; --"
  static let long100k = String(repeating: "A", count: 100_000)
  /// 40,000 ideographs: 120 KB of UTF-8, just under Linux's 128 KB limit for one argument.
  static let longCJK = String(repeating: "长", count: 40_000)

  /// A registry with two units (1 复旦大学外文学院, 2 建设银行虹口支行) and the working group
  /// 文明共创, made with two commands: init and import.
  static func seeded() throws -> Workspace {
    let space = Workspace()
    try space.initRegistry(["--subdistrict", "欧阳路街道", "--district", "虹口区"])
    let seed = try space.write(
      "seed.csv",
      "单位名称,单位类别,加入日期,专项组\n复旦大学外文学院,高校,2019-06-20,文明共创\n建设银行虹口支行,金融机构,2019-06-20,\n")
    let result = try space.runWatched(["import", "--db", space.registry, seed]).result
    #expect(result.status == 0, "\(result)")
    return space
  }

  /// Runs every case in order on `space`: the documented status, a message, no signal, and for
  /// a refusal an unchanged registry. Returns how many cases succeeded (and may have changed it).
  @discardableResult
  static func check(_ cases: [HostileInput], in space: Workspace) throws -> Int {
    var successes = 0
    for input in cases {
      let before = try space.dump()
      let (result, signalled) = try space.runWatched(input.arguments)
      let name = input.label
      #expect(!signalled, "\(name): ended by a signal (a trap?): \(result)")
      #expect(documentedStatuses.contains(result.status), "\(name): undocumented status: \(result)")
      #expect(result.status == input.status, "\(name): expected exit \(input.status): \(result)")
      #expect(!result.stderr.contains("Fatal error"), "\(name): \(result)")
      if input.status == 0 {
        successes += 1
        for fragment in input.says {
          #expect(result.stdout.contains(fragment), "\(name): stdout should say \(fragment): \(result)")
        }
      } else {
        for fragment in input.says {
          #expect(result.stderr.contains(fragment), "\(name): stderr should say \(fragment): \(result)")
        }
        if let line = input.line {
          let named = result.stderr.split(separator: "\n").contains {
            numbers(in: $0, ignoring: input.arguments).first == line
          }
          #expect(named, "\(name): stderr should name line \(line): \(result)")
        }
        // Short: a few lines, and never the whole 100 KB input echoed back.
        #expect(result.stderr.split(separator: "\n").count <= 40, "\(name): \(result.stderr.prefix(2000))")
        #expect(result.stderr.utf8.count < 4096, "\(name): a \(result.stderr.utf8.count)-byte message")
        #expect(try space.dump() == before, "\(name): refused, but the registry changed")
      }
    }
    // Whatever was thrown at it, the registry is whole and still has its tables.
    let (health, _) = try space.runWatched(["check", "--db", space.registry])
    #expect(health.status == 0, "after the catalogue: \(health)")
    #expect(try space.dump().contains("## unit\n"))
    return successes
  }

  @Test func sqlInjectionIsStoredAsPlainText() throws {
    let space = try Self.seeded()
    let db = space.registry
    let sql = Self.injection
    let csv = try space.write("injection.csv", "单位名称,加入日期,备注\n\"y'); DROP TABLE unit; --\",2020-01-01,\"\(sql)\"\n")
    let successes = try Self.check(
      [
        HostileInput(
          "register an injection", ["register", "--db", db, sql, "--joined", "2020-01-01"], 0, "#3", sql),
        HostileInput("show it by name", ["show", "--db", db, sql], 0, sql),
        HostileInput("list --kind injection", ["list", "--db", db, "--kind", sql, "--format", "json"], 0, "[]"),
        HostileInput("group add an injection", ["group", "add", "--db", db, sql], 0, sql),
        HostileInput("group show it", ["group", "show", "--db", db, sql], 0, sql),
        HostileInput("edit --note injection", ["edit", "--db", db, "1", "--note", sql], 0, "#1", sql),
        HostileInput(
          "agreement with an injected signatory",
          ["agreement", "add", "--db", db, sql, "--signed", "2021-01-01", "--signatory", sql], 0, sql, "2021-01-01"),
        HostileInput("history of it", ["history", "--db", db, sql], 0, sql),
        HostileInput("import an injection", ["import", "--db", db, csv], 0, csv),
        HostileInput("register it twice", ["register", "--db", db, sql, "--joined", "2020-01-01"], 1, "#3", sql),
      ], in: space)
    #expect(successes == 9)
    let (list, _) = try space.runWatched(["list", "--db", db, "--all", "--format", "json"])
    let units = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
    #expect(units.count == 4)
    #expect(units.contains { $0["name"] as? String == sql })
    #expect(units.contains { $0["name"] as? String == "y'); DROP TABLE unit; --" && $0["id"] as? Int == 4 })
    let shown = try space.runWatched(["show", "--db", db, "1", "--format", "json"]).result
    let unit = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
    #expect(unit?["note"] as? String == sql)
  }

  @Test func overlongInputsAreRefusedWithShortMessages() throws {
    let space = try Self.seeded()
    let db = space.registry
    let long = Self.long100k
    let csv = try space.write("long.csv", "单位名称,加入日期\n\(long),2020-01-01\n")
    try Self.check(
      [
        // The field and its limit.
        HostileInput(
          "100k-character name", ["register", "--db", db, long, "--joined", "2020-01-01"], 65, "NAME", "200"),
        HostileInput("rename to 100k characters", ["edit", "--db", db, "1", "--name", long], 65, "--name", "200"),
        HostileInput("100k-character group", ["group", "add", "--db", db, long], 65, "NAME", "200"),
        HostileInput(
          "100k-character note", ["register", "--db", db, "新单位", "--joined", "2020-01-01", "--note", long], 65,
          "--note", "2000"),
        HostileInput(
          "40k-ideograph kind", ["register", "--db", db, "新单位", "--joined", "2020-01-01", "--kind", Self.longCJK], 65,
          "--kind", "50"),
        HostileInput("40k-ideograph date", ["register", "--db", db, "新单位", "--joined", Self.longCJK], 65, "--joined"),
        HostileInput("show a 100k-character name", ["show", "--db", db, long], 1, "gongjian list --all"),
        HostileInput(
          "history of a 40k-ideograph name", ["history", "--db", db, Self.longCJK], 1, "gongjian list --all"),
        HostileInput(
          "list a 40k-ideograph group", ["list", "--db", db, "--group", Self.longCJK], 1, "gongjian group list"),
        // Longer than a spreadsheet cell may be: refused by the reader, before any rule on names.
        HostileInput("import a 100k-character name", ["import", "--db", db, csv], 65, csv, "32767"),
        HostileInput(
          "init with a 300-character district", ["init", "--db", db, "--district", String(repeating: "区", count: 300)],
          65, "--district", "200"),
      ], in: space)
  }

  @Test func controlAndInvisibleCharacters() throws {
    let space = try Self.seeded()
    let db = space.registry
    let nul = try space.write("nul.csv", Array("单位名称,加入日期\nab".utf8) + [0] + Array("cd,2020-01-01\n".utf8))
    let bell = try space.write("bell.csv", "单位名称,单位类别,加入日期\n新单位,高\u{7}校,2020-01-01\n")
    let zeroWidth = try space.write("zw.csv", "单位名称,加入日期\n\u{200B}\u{200D},2020-01-01\n")
    func register(_ name: String, _ extra: String...) -> [String] {
      ["register", "--db", db, name, "--joined", "2020-01-01"] + extra
    }
    try Self.check(
      [
        // The field and the code point of the control character.
        HostileInput("BEL in a name", register("单位\u{7}名"), 65, "NAME", "U+0007"),
        HostileInput("ESC sequence in a name", register("单位\u{1B}[31m名"), 65, "NAME", "U+001B"),
        HostileInput("DEL in a name", register("单位\u{7F}名"), 65, "NAME", "U+007F"),
        HostileInput("C1 control in a name", register("单位\u{9B}名"), 65, "NAME", "U+009B"),
        HostileInput("ESC in the contact", register("新单位", "--contact", "张\u{1B}伟"), 65, "--contact", "U+001B"),
        HostileInput("BEL in the note", register("新单位", "--note", "第一行\n\u{7}"), 65, "--note", "U+0007"),
        HostileInput("ESC in a group name", ["group", "add", "--db", db, "专项\u{1B}组"], 65, "NAME", "U+001B"),
        HostileInput(
          "ESC in the subdistrict", ["init", "--db", db, "--subdistrict", "欧阳\u{1B}路"], 65, "--subdistrict", "U+001B"),
        HostileInput("only a zero-width space", register("\u{200B}"), 65, "NAME"),
        HostileInput("only joiners", ["group", "add", "--db", db, "\u{200D}\u{2060}"], 65, "NAME"),
        // Invisible characters are not part of a name: these are the units already registered.
        HostileInput("zero-width space inside a known name", register("复旦大学\u{200B}外文学院"), 1, "#1 复旦大学外文学院"),
        HostileInput("BOM before a known name", register("\u{FEFF}复旦大学外文学院"), 1, "#1 复旦大学外文学院"),
        HostileInput("line break inside a known name", register("建设银行\r\n虹口支行"), 1, "#2 建设银行虹口支行"),
        HostileInput("lookup through a zero-width space", ["show", "--db", db, "复旦\u{200B}大学"], 0, "#1 复旦大学外文学院"),
        HostileInput("bidi override is dropped", register("单位\u{202E}名称"), 0, "#3", "单位名称"),
        HostileInput("NUL in an imported name", ["import", "--db", db, nul], 65, nul, "U+0000"),
        HostileInput("BEL in an imported kind", ["import", "--db", db, bell], 65, bell, "单位类别", "U+0007"),
        HostileInput("invisible imported name", ["import", "--db", db, zeroWidth], 65, zeroWidth, "单位名称"),
      ], in: space)
  }

  @Test func invalidUTF8ArrivesThroughFiles() throws {
    let space = try Self.seeded()
    let db = space.registry
    let header = Array("单位名称,加入日期\n".utf8)
    let notUTF8 = try space.write("ff.csv", header + [0xFF, 0xFE] + Array("坏,2020-01-01\n".utf8))
    let overlong = try space.write("overlong.csv", header + [0xC0, 0xAF] + Array(",2020-01-01\n".utf8))
    let surrogate = try space.write("surrogate.csv", header + [0xED, 0xA0, 0x80] + Array("x,2020-01-01\n".utf8))
    let cutShort = try space.write("cut.csv", header + Array("新单位,2020-01-01\n复旦".utf8) + [0xE5, 0xA4])
    let badHeader = try space.write("header.csv", [0xE5, 0x8D] + Array(",加入日期\n新单位,2020-01-01\n".utf8))
    var noise = [UInt8]()
    var seed: UInt32 = 20_191_127
    for _ in 0..<4096 {
      seed = seed &* 1_103_515_245 &+ 12345
      noise.append(UInt8(truncatingIfNeeded: seed >> 16))
    }
    let noiseCSV = try space.write("noise.csv", noise)
    let noiseXLSX = try space.write("noise.xlsx", noise)
    try Self.check(
      [
        // The file, the line, and the encoding its bytes are not.
        HostileInput(
          "0xFF 0xFE as UTF-8", ["import", "--db", db, "--encoding", "utf-8", notUTF8], 65, notUTF8, "UTF-8", line: 2),
        HostileInput("0xFF 0xFE, encoding auto", ["import", "--db", db, notUTF8], 65, notUTF8, "UTF-8", line: 2),
        HostileInput(
          "overlong encoding", ["import", "--db", db, "--encoding", "utf-8", overlong], 65, overlong, "UTF-8", line: 2),
        HostileInput(
          "UTF-16 surrogate", ["import", "--db", db, "--encoding", "utf-8", surrogate], 65, surrogate, "UTF-8", line: 2),
        HostileInput(
          "file cut inside a character", ["import", "--db", db, "--encoding", "utf-8", cutShort], 65, cutShort, "UTF-8",
          line: 3),
        HostileInput("broken header", ["import", "--db", db, "--encoding", "utf-8", badHeader], 65, "UTF-8", line: 1),
        HostileInput("random bytes as CSV", ["import", "--db", db, noiseCSV], 65),
        HostileInput("random bytes as XLSX", ["import", "--db", db, noiseXLSX], 65, noiseXLSX, "XLSX"),
      ], in: space)
  }

  @Test func impossibleAndExtremeDates() throws {
    let space = try Self.seeded()
    let db = space.registry
    let csv = try space.write("dates.csv", "单位名称,加入日期\n甲,2019-02-29\n乙,0000-01-01\n丙,9999-12-31\n丁,\n")
    func register(joined: String, _ extra: String...) -> [String] {
      ["register", "--db", db, "新单位", "--joined", joined] + extra
    }
    let successes = try Self.check(
      [
        // The option, the date as typed, and what is wrong with it: the days of the month, the
        // years the registry knows (1900 to 9999), today.
        HostileInput("joined 2019-02-29", register(joined: "2019-02-29"), 65, "--joined", "2019-02-29", "28"),
        HostileInput("joined 0000-01-01", register(joined: "0000-01-01"), 65, "--joined", "0000-01-01", "1900", "9999"),
        HostileInput("joined 9999-12-31", register(joined: "9999-12-31"), 65, "--joined", "9999-12-31", "2026-06-30"),
        HostileInput("joined 2019-13-01", register(joined: "2019-13-01"), 65, "--joined", "2019-13-01"),
        HostileInput("joined 1899-12-31", register(joined: "1899-12-31"), 65, "--joined", "1899-12-31", "1900"),
        HostileInput("joined empty", register(joined: ""), 65, "--joined"),
        HostileInput(
          "expires 2019-02-29", register(joined: "2019-06-20", "--expires", "2019-02-29"), 65, "--expires",
          "2019-02-29",
          "28"),
        HostileInput(
          "expires before signed", register(joined: "2020-01-01", "--expires", "2019-01-01"), 65, "--expires",
          "2019-01-01", "2020-01-01"),
        HostileInput("withdraw on 2019-02-29", ["withdraw", "--db", db, "1", "--on", "2019-02-29"], 65, "--on", "28"),
        HostileInput(
          "withdraw on 0000-01-01", ["withdraw", "--db", db, "1", "--on", "0000-01-01"], 65, "--on", "1900", "9999"),
        HostileInput(
          "withdraw on 9999-12-31", ["withdraw", "--db", db, "1", "--on", "9999-12-31"], 65, "--on", "9999-12-31",
          "2026-06-30"),
        HostileInput(
          "rejoin on 0000-01-01", ["rejoin", "--db", db, "1", "--on", "0000-01-01"], 65, "--on", "1900", "9999"),
        HostileInput(
          "signed 9999-12-31", ["agreement", "add", "--db", db, "1", "--signed", "9999-12-31"], 65, "--signed",
          "2026-06-30"),
        HostileInput(
          "signed 0000-01-01", ["agreement", "add", "--db", db, "1", "--signed", "0000-01-01"], 65, "--signed", "1900"),
        HostileInput(
          "group established 2019-02-29", ["group", "add", "--db", db, "新组", "--established", "2019-02-29"], 65,
          "--established", "28"),
        HostileInput(
          "group join on 0000-01-01", ["group", "join", "--db", db, "2", "文明共创", "--on", "0000-01-01"], 65, "--on",
          "1900"),
        HostileInput(
          "group leave on 2019-02-29", ["group", "leave", "--db", db, "1", "文明共创", "--on", "2019-02-29"], 65, "--on",
          "28"),
        HostileInput(
          "renamed on 0000-01-01", ["edit", "--db", db, "1", "--name", "新名", "--renamed-on", "0000-01-01"], 65,
          "--renamed-on", "1900"),
        HostileInput(
          "list active on 2019-02-29", ["list", "--db", db, "--active-on", "2019-02-29"], 65, "--active-on", "28"),
        HostileInput("list active in year 0", ["list", "--db", db, "--active-in", "0"], 65, "1900", "9999"),
        HostileInput(
          "list joined in 99999", ["list", "--db", db, "--joined-in", "99999"], 65, "99999", "1900", "9999"),
        HostileInput("report from year 0", ["report", "growth", "--db", db, "--from", "0"], 65, "1900", "9999"),
        HostileInput("report to 9999", ["report", "growth", "--db", db, "--to", "9999"], 64, "9999", "2026-06-30"),
        HostileInput("--today 2019-02-29", ["list", "--db", db, "--today", "2019-02-29"], 65, "--today", "2019-02-29"),
        HostileInput("--today 0000-01-01", ["history", "--db", db, "--today", "0000-01-01"], 65, "--today", "1900"),
        HostileInput(
          "check --today 2019-02-29", ["check", "--db", db, "--today", "2019-02-29"], 65, "--today", "2019-02-29"),
        HostileInput(
          "init --today 2019-02-29", ["init", "--db", db, "--today", "2019-02-29"], 65, "--today", "2019-02-29"),
        // Every bad row of the file, with its value.
        HostileInput(
          "imported impossible dates", ["import", "--db", db, csv], 65, csv, "加入日期", "2019-02-29", "0000-01-01",
          "9999-12-31", line: 5),
        // What may lie in the future does: an agreement's expiry, a query about a later day.
        HostileInput(
          "agreement expiring 9999-12-31",
          ["agreement", "add", "--db", db, "2", "--signed", "2020-01-01", "--expires", "9999-12-31"], 0, "9999-12-31"),
        HostileInput("list active on 9999-12-31", ["list", "--db", db, "--active-on", "9999-12-31"], 0, "复旦大学外文学院"),
      ], in: space)
    #expect(successes == 2)
  }

  @Test func negativeAndHugeIds() throws {
    let space = try Self.seeded()
    let db = space.registry
    let huge = "99999999999999999999"
    try Self.check(
      [
        // The id as typed, and where to find the ids there are.
        HostileInput("show -1", ["show", "--db", db, "--", "-1"], 1, "-1", "gongjian list --all"),
        HostileInput("show 0", ["show", "--db", db, "0"], 1, "0", "gongjian list --all"),
        HostileInput("show 2^64-ish", ["show", "--db", db, huge], 1, huge, "gongjian list --all"),
        HostileInput(
          "show Int64.max", ["show", "--db", db, "9223372036854775807"], 1, "9223372036854775807", "gongjian list --all"
        ),
        HostileInput(
          "show Int64.min", ["show", "--db", db, "--", "-9223372036854775808"], 1, "-9223372036854775808",
          "gongjian list --all"),
        HostileInput("show 1e3", ["show", "--db", db, "1e3"], 1, "1e3", "gongjian list --all"),
        HostileInput("edit -1", ["edit", "--db", db, "--note", "x", "--", "-1"], 1, "-1", "gongjian list --all"),
        HostileInput(
          "withdraw -1", ["withdraw", "--db", db, "--on", "2020-01-01", "--", "-1"], 1, "-1", "gongjian list --all"),
        HostileInput(
          "rejoin huge", ["rejoin", "--db", db, "--on", "2020-01-01", huge], 1, huge, "gongjian list --all"),
        HostileInput("history -1", ["history", "--db", db, "--", "-1"], 1, "-1", "gongjian list --all"),
        HostileInput("group show huge", ["group", "show", "--db", db, huge], 1, huge, "gongjian group list"),
        HostileInput(
          "group join -1", ["group", "join", "--db", db, "--", "-1", "文明共创"], 1, "-1", "gongjian list --all"),
        HostileInput(
          "group leave huge", ["group", "leave", "--db", db, "--on", "2020-01-01", huge, "文明共创"], 1, huge,
          "gongjian list --all"),
        HostileInput(
          "agreement for -1", ["agreement", "add", "--db", db, "--signed", "2020-01-01", "--", "-1"], 1, "-1",
          "gongjian list --all"),
        // The number of days as given, and the range.
        HostileInput(
          "expiring within -1", ["agreement", "list", "--db", db, "--expiring-within=-1"], 64, "-1", "36500"),
        HostileInput(
          "expiring within Int64.max", ["agreement", "list", "--db", db, "--expiring-within", "9223372036854775807"],
          64, "9223372036854775807", "36500"),
        HostileInput(
          "expiring within huge", ["agreement", "list", "--db", db, "--expiring-within", huge], 64, huge,
          "--expiring-within"),
        HostileInput("report from huge", ["report", "growth", "--db", db, "--from", huge], 64, huge, "--from"),
        HostileInput("report from -1", ["report", "growth", "--db", db, "--from=-1"], 65, "-1", "1900", "9999"),
      ], in: space)
  }

  @Test func emptyStrings() throws {
    let space = try Self.seeded()
    let db = space.registry
    let empty = try space.write("empty.csv", "")
    let bomOnly = try space.write("bom.csv", [0xEF, 0xBB, 0xBF])
    try Self.check(
      [
        // Empty values of the registry: the field; empty references: a usage error (64), not a
        // search for a unit called '' (1).
        HostileInput("register an empty name", ["register", "--db", db, "", "--joined", "2020-01-01"], 65, "NAME"),
        HostileInput(
          "register a blank name", ["register", "--db", db, "  \t ", "--joined", "2020-01-01"], 65, "NAME"),
        HostileInput("rename to nothing", ["edit", "--db", db, "1", "--name", ""], 65, "--name"),
        HostileInput("show ''", ["show", "--db", db, ""], 64),
        HostileInput("edit ''", ["edit", "--db", db, "", "--note", "x"], 64),
        HostileInput("withdraw ''", ["withdraw", "--db", db, "", "--on", "2020-01-01"], 64),
        HostileInput("rejoin ''", ["rejoin", "--db", db, "", "--on", "2020-01-01"], 64),
        HostileInput("history ''", ["history", "--db", db, ""], 64),
        HostileInput("group add ''", ["group", "add", "--db", db, ""], 65, "NAME"),
        HostileInput("group show ''", ["group", "show", "--db", db, ""], 64),
        HostileInput("group join to ''", ["group", "join", "--db", db, "1", ""], 64),
        HostileInput("group leave ''", ["group", "leave", "--db", db, "", "文明共创", "--on", "2020-01-01"], 64),
        HostileInput("agreement for ''", ["agreement", "add", "--db", db, "", "--signed", "2020-01-01"], 64),
        HostileInput("list --group ''", ["list", "--db", db, "--group", ""], 64),
        HostileInput(
          "register --group ''", ["register", "--db", db, "新单位", "--joined", "2020-01-01", "--group", ""], 64),
        HostileInput("import ''", ["import", "--db", db, ""], 64),
        HostileInput("import an empty file", ["import", "--db", db, empty], 65, empty),
        HostileInput("import only a BOM", ["import", "--db", db, bomOnly], 65, bomOnly),
        HostileInput("export -o ''", ["export", "--db", db, "--format", "csv", "-o", ""], 64, "-o"),
        HostileInput("report -o ''", ["report", "growth", "--db", db, "--format", "csv", "-o", ""], 64, "-o"),
        HostileInput("backup to ''", ["backup", "--db", db, ""], 64),
        HostileInput("--db ''", ["list", "--db", ""], 64, "--db"),
        HostileInput("init --db ''", ["init", "--db", ""], 64, "--db"),
        HostileInput("demo --db ''", ["demo", "--db", ""], 64, "--db"),
        HostileInput("group list --format ''", ["group", "list", "--db", db, "--format", ""], 64, "--format", "table"),
        HostileInput("demo over the registry", ["demo", "--db", db], 1, db),
      ], in: space)
  }
}
