import Foundation
import Testing

// End to end through the built binary: the everyday commands of SPEC §6, their output, their
// JSON and CSV, and every refusal's exit status and message with the registry left unchanged.

extension Workspace {
  /// "Today" for every command here, so output does not depend on the calendar.
  static let fixedToday = ["GONGJIAN_TODAY": "2026-11-27"]

  /// Runs a command on the workspace's registry with today fixed at 2026-11-27.
  @discardableResult
  func gj(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    try run(arguments + ["--db", registry], environment: Workspace.fixedToday.merging(environment) { $1 })
  }

  /// Runs a command that must succeed, and returns its stdout.
  @discardableResult
  func ok(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try gj(arguments)
    try #require(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.isEmpty, "\(arguments): \(result)", sourceLocation: sourceLocation)
    return result.stdout
  }

  /// Runs a command that must succeed, and parses its stdout as JSON.
  func json(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
    let result = try gj(arguments)
    try #require(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
  }

  /// A registry with the alliance's story: two groups, four units in, one withdrawn.
  /// 1 上海长远文化(集团)有限公司 2016-03-01 (lead of 文明共创), 2 复旦大学外文学院 2019-06-20
  /// (文化共享), 3 建设银行虹口支行 and 4 浦发银行虹口支行 2019-06-20, 5 虹口区房管局
  /// 2016-05-01 – 2018-06-30 (was in 文明共创).
  static func populated() throws -> Workspace {
    let space = Workspace()
    try space.initRegistry(["--subdistrict", "欧阳路街道", "--district", "虹口区"])
    try space.ok("group", "add", "文明共创", "--established", "2016-01-01", "--description", "文明城区共创")
    try space.ok("group", "add", "文化共享", "--established", "2016-01-01")
    try space.ok(
      "register", "上海长远文化(集团)有限公司", "--joined", "2016-03-01", "--kind", "国有企业", "--group", "文明共创", "--lead",
      "--signatory", "罗英华", "--signatory-title", "党委书记", "--expires", "2026-12-15")
    try space.ok("register", "复旦大学外文学院", "--joined", "2019-06-20", "--kind", "高校", "--group", "文化共享")
    try space.ok("register", "建设银行虹口支行", "--joined", "2019-06-20", "--kind", "金融机构")
    try space.ok("register", "浦发银行虹口支行", "--joined", "2019-06-20", "--kind", "金融机构")
    try space.ok("register", "虹口区房管局", "--joined", "2016-05-01", "--kind", "党政机关", "--group", "文明共创")
    try space.ok("withdraw", "房管局", "--on", "2018-06-30", "--reason", "机构改革")
    return space
  }
}

/// A command that must be refused: its exit status and the data stderr must carry (the
/// option, the unit's id and name, the dates), whatever the wording around them.
struct Refusal: CustomTestStringConvertible {
  var arguments: [String]
  var status: Int32
  var says: [String]
  /// What the first line must name: for the argument parser's refusals, whose usage line
  /// after it names every option of the command anyway.
  var headline: [String] = []

  init(_ arguments: [String], _ status: Int32, _ says: String...) {
    self.arguments = arguments
    self.status = status
    self.says = says
  }

  /// A usage error of the argument parser (exit 64) whose first line names `fragments`.
  static func usage(_ arguments: [String], naming fragments: String...) -> Refusal {
    var refusal = Refusal(arguments, 64)
    refusal.headline = fragments
    return refusal
  }

  var testDescription: String { arguments.joined(separator: " ") }
}

/// Runs each refusal against `space`: the right status, a short message on stderr carrying
/// its data, nothing on stdout, and the registry unchanged, row for row and byte for byte.
func expectRefusals(_ refusals: [Refusal], in space: Workspace, environment: [String: String] = [:]) throws {
  for refusal in refusals {
    let rows = try space.dump()
    let bytes = space.bytes(space.registry)
    let result = try space.gj(refusal.arguments, environment: environment)
    let label = refusal.testDescription
    #expect(result.status == refusal.status, "\(label): \(result)")
    for fragment in refusal.says {
      #expect(result.stderr.contains(fragment), "\(label): stderr lacks \(fragment):\n\(result.stderr)")
    }
    let lines = result.stderr.split(separator: "\n")
    for fragment in refusal.headline {
      #expect(
        lines.first?.contains(fragment) == true, "\(label): the first line lacks \(fragment):\n\(result.stderr)")
    }
    #expect(result.stdout.isEmpty, "\(label): \(result)")
    #expect(!lines.isEmpty && lines.count <= 8, "\(label): \(result.stderr)")
    #expect(result.stderr.hasPrefix("gongjian"), "\(label): \(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"), "\(label): \(result.stderr)")
    #expect(try space.dump() == rows, "\(label) changed the registry")
    #expect(space.bytes(space.registry) == bytes, "\(label) changed the registry file")
  }
}

/// Whether one line of `text` holds every fragment, in the order given: how the tests find a
/// value in a message or a sheet without depending on the words around it.
func hasLine(_ text: String, with fragments: String...) -> Bool {
  hasLine(text, with: fragments)
}

func hasLine(_ text: String, with fragments: [String]) -> Bool {
  text.split(separator: "\n", omittingEmptySubsequences: false).contains { line in
    var rest = line[...]
    for fragment in fragments {
      guard let found = rest.range(of: fragment) else { return false }
      rest = rest[found.upperBound...]
    }
    return true
  }
}

/// The whole numbers written in `text`, in order (a date gives three), once every string of
/// `ignoring` (a path, an encoding's name) is taken out.
func numbers(in text: some StringProtocol, ignoring: [String] = []) -> [Int] {
  var text = String(text)
  for removed in ignoring where !removed.isEmpty { text = text.replacingOccurrences(of: removed, with: " ") }
  var result: [Int] = []
  var digits = ""
  for character in text + " " {
    if character.isASCII, character.isNumber {
      digits.append(character)
    } else if !digits.isEmpty {
      result.append(Int(digits) ?? -1)
      digits = ""
    }
  }
  return result
}

func isISODate(_ value: Any?) -> Bool {
  guard let text = value as? String else { return false }
  let bytes = Array(text.utf8)
  return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
    && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }
}

/// Terminal columns, counted independently of the program's own DisplayWidth: the characters
/// these tests use are ASCII (1), CJK ideographs, CJK punctuation and full-width forms (2).
func terminalColumns(_ text: Substring) -> Int {
  text.unicodeScalars.reduce(0) { total, scalar in
    let value = scalar.value
    let wide =
      (0x4E00...0x9FFF).contains(value) || (0x3000...0x303F).contains(value) || (0xFF01...0xFF60).contains(value)
    return total + (wide ? 2 : 1)
  }
}

// MARK: - register

@Suite struct RegisterCommandTests {
  @Test func registerPrintsTheNewIdAndASummary() throws {
    let space = Workspace()
    try space.initRegistry()
    let added = try space.ok("group", "add", "文明共创", "--established", "2016-01-01")
    #expect(hasLine(added, with: "#1", "文明共创", "2016-01-01"), "\(added)")
    let output = try space.ok(
      "register", "复旦大学外文学院", "--joined", "2019年6月20日", "--kind", "高校", "--signatory", "罗英华",
      "--signatory-title", "党委书记", "--agreement", "共建协议（2019）", "--expires", "2024/6/19", "--group", "文明",
      "--lead", "--contact", "王老师", "--phone", "021-65642222", "--address", "邯郸路220号", "--note", "联席会议签约",
      "--party-org", "外文学院党委")
    // The new id, the name, the kind, the joining date and the group, on one line.
    #expect(output.split(separator: "\n").count == 1, "\(output)")
    #expect(hasLine(output, with: "#1", "复旦大学外文学院", "高校", "2019-06-20", "文明共创"), "\(output)")

    let unit = try #require(try space.json("show", "1", "--format", "json") as? [String: Any])
    #expect(unit["id"] as? Int == 1)
    #expect(unit["name"] as? String == "复旦大学外文学院")
    #expect(unit["kind"] as? String == "高校")
    #expect(unit["joined_on"] as? String == "2019-06-20")
    #expect(unit["left_on"] is NSNull)
    #expect(unit["groups"] as? [String] == ["文明共创"])
    #expect(unit["contact"] as? String == "王老师")
    #expect(unit["phone"] as? String == "021-65642222")
    #expect(unit["address"] as? String == "邯郸路220号")
    #expect(unit["note"] as? String == "联席会议签约")
    #expect(unit["party_org"] as? String == "外文学院党委")
    let agreements = try #require(unit["agreements"] as? [[String: Any]])
    #expect(agreements.count == 1)
    #expect(agreements.first?["title"] as? String == "共建协议（2019）")
    #expect(agreements.first?["signed_on"] as? String == "2019-06-20")
    #expect(agreements.first?["expires_on"] as? String == "2024-06-19")
    #expect(agreements.first?["signatory"] as? String == "罗英华")
    #expect(agreements.first?["signatory_title"] as? String == "党委书记")
    let memberships = try #require(unit["group_memberships"] as? [[String: Any]])
    #expect(memberships.first?["role"] as? String == "lead")

    // One history entry, naming the command as typed.
    let history = try #require(try space.json("history", "--format", "json") as? [[String: Any]])
    #expect(history.map { $0["action"] as? String } == ["init", "group add", "register"])
    #expect((history.last?["command"] as? String)?.hasPrefix("gongjian register 复旦大学外文学院 --joined 2019年6月20日") == true)
  }

  @Test func everyDateFormWorksOnTheCommandLine() throws {
    let space = Workspace()
    try space.initRegistry()
    let forms = ["2019-08-15", "2019/8/15", "2019.8.15", "2019年8月15日", "20190815", "２０１９－０８－１５", "２０１９年８月１５日"]
    for (index, form) in forms.enumerated() {
      try space.ok("register", "单位\(index)", "--joined", form)
    }
    try space.ok("register", "今天签约", "--joined", "today")
    // --today wins over $GONGJIAN_TODAY.
    let earlier = try space.gj(["register", "那天签约", "--joined", "today", "--today", "2020-01-02"])
    #expect(earlier.status == 0, "\(earlier)")
    let units = try #require(try space.json("list", "--all", "--format", "json") as? [[String: Any]])
    let joined = Dictionary(
      uniqueKeysWithValues: units.map { ($0["name"] as? String ?? "", $0["joined_on"] as? String) })
    for index in forms.indices {
      #expect(joined["单位\(index)"] == "2019-08-15", "\(forms[index])")
    }
    #expect(joined["今天签约"] == "2026-11-27")
    #expect(joined["那天签约"] == "2020-01-02")
  }

  @Test func registerRefusals() throws {
    let space = try Workspace.populated()
    try expectRefusals(
      [
        // Already registered: the unit's id, registered name and joining date, and the command to use.
        Refusal(
          ["register", "上海长远文化（集团）有限公司", "--joined", "2019-06-20"], 1, "上海长远文化（集团）有限公司",
          "#1 上海长远文化(集团)有限公司", "2016-03-01", "gongjian edit 1"),
        Refusal(
          ["register", "上海长远文化 (集团) 有限公司", "--joined", "2019-06-20"], 1, "#1 上海长远文化(集团)有限公司",
          "gongjian edit 1"),
        Refusal(
          ["register", "虹口区 房管局", "--joined", "2020-01-01"], 1, "#5 虹口区房管局", "2016-05-01", "2018-06-30",
          "gongjian rejoin 5"),
        // Written with other brackets, or without 集团: probably the same unit, unless --force.
        Refusal(
          ["register", "上海长远文化〔集团〕有限公司", "--joined", "2019-06-20"], 1, "上海长远文化〔集团〕有限公司",
          "#1 上海长远文化(集团)有限公司", "2016-03-01", "--force", "gongjian edit 1"),
        Refusal(
          ["register", "上海长远文化有限公司", "--joined", "2019-06-20"], 1, "#1 上海长远文化(集团)有限公司", "--force"),
        Refusal(["register", "新单位", "--joined", "2019-02-29"], 65, "--joined", "2019-02-29", "28"),
        Refusal(["register", "新单位", "--joined", "2019-13-01"], 65, "--joined", "2019-13-01"),
        Refusal(["register", "新单位", "--joined", "2019-08"], 65, "--joined", "2019-08"),
        Refusal(["register", "新单位", "--joined", "2026-11-28"], 65, "--joined", "2026-11-28", "2026-11-27"),
        Refusal(
          ["register", "新单位", "--joined", "2019-06-20", "--expires", "2019-06-01"], 65, "--expires", "2019-06-01",
          "2019-06-20"),
        Refusal(["register", "新单位", "--joined", "2019-06-20", "--expires", "someday"], 65, "--expires", "someday"),
        Refusal(
          ["register", "新单位", "--joined", "2019-06-20", "--group", "不存在的组"], 1, "不存在的组", "gongjian group list"),
        Refusal(["register", "新单位", "--joined", "2019-06-20", "--group", "文"], 1, "1  文明共创", "2  文化共享"),
        Refusal(["register", "", "--joined", "2019-06-20"], 65, "NAME"),
        Refusal(["register", "新\u{7}单位", "--joined", "2019-06-20"], 65, "NAME", "U+0007"),
        Refusal(["register", String(repeating: "长", count: 201), "--joined", "2019-06-20"], 65, "NAME", "200"),
        Refusal(["register", "新单位", "--joined", "2019-06-20", "--phone", "1\u{7}2"], 65, "--phone", "U+0007"),
        .usage(["register", "新单位"], naming: "--joined"),
        .usage(["register", "--joined", "2019-06-20"], naming: "<name>"),
        .usage(["register", "新单位", "--joined", "2019-06-20", "--bogus"], naming: "--bogus"),
        .usage(["register", "新单位", "--joined", "2019-06-20", "--joind", "2019-06-20"], naming: "--joind", "--joined"),
      ], in: space)
    // With --force, the similar name is registered as another unit.
    let forced = try space.ok("register", "上海长远文化〔集团〕有限公司", "--joined", "2019-06-20", "--force")
    #expect(hasLine(forced, with: "#6", "上海长远文化〔集团〕有限公司"), "\(forced)")
    let units = try #require(try space.json("list", "--format", "json") as? [[String: Any]])
    #expect(units.map { $0["id"] as? Int } == [1, 2, 3, 4, 6])
  }
}

// MARK: - list

@Suite struct ListCommandTests {
  @Test func listPrintsJSONObjectsWithTheSpecFields() throws {
    let space = try Workspace.populated()
    let units = try #require(try space.json("list", "--format", "json") as? [[String: Any]])
    #expect(units.map { $0["id"] as? Int } == [1, 2, 3, 4])
    for unit in units {
      #expect(unit["id"] is Int)
      #expect(unit["name"] is String)
      #expect(unit["kind"] is String)
      #expect(isISODate(unit["joined_on"]), "\(unit)")
      #expect(unit["left_on"] is NSNull, "null while active: \(unit)")
      #expect(unit["groups"] is [String], "\(unit)")
    }
    #expect(units[0]["name"] as? String == "上海长远文化(集团)有限公司")
    #expect(units[0]["kind"] as? String == "国有企业")
    #expect(units[0]["groups"] as? [String] == ["文明共创"])
    #expect(units[1]["groups"] as? [String] == ["文化共享"])
    #expect(units[2]["groups"] as? [String] == [])

    let all = try #require(try space.json("list", "--all", "--format", "json") as? [[String: Any]])
    let left = try #require(all.first { $0["id"] as? Int == 5 })
    #expect(left["left_on"] as? String == "2018-06-30")
    #expect(left["groups"] as? [String] == [])

    let empty = Workspace()
    try empty.initRegistry()
    #expect(try empty.json("list", "--format", "json") as? [Any] != nil)
    #expect((try empty.json("list", "--format", "json") as? [Any])?.isEmpty == true)
    // The table ends with the count of units.
    let table = try empty.ok("list").split(separator: "\n")
    #expect(numbers(in: table.last ?? "") == [0], "\(table)")
  }

  static let filters: [(arguments: [String], ids: [Int])] = [
    ([], [1, 2, 3, 4]),
    (["--active-in", "2016"], [1, 5]),
    (["--active-in", "2018"], [1]),
    (["--active-in", "2019"], [1, 2, 3, 4]),
    (["--active-on", "2018-06-29"], [1, 5]),
    (["--active-on", "2018年6月30日"], [1]),
    (["--active-on", "2016-02-29"], []),
    (["--joined-in", "2019"], [2, 3, 4]),
    (["--joined-in", "2016"], [1, 5]),
    (["--left-in", "2018"], [5]),
    (["--left-in", "2019"], []),
    (["--group", "文明"], [1]),
    (["--group", "文明共创", "--all"], [1, 5]),
    (["--group", "文明共创", "--active-in", "2017"], [1, 5]),
    (["--kind", "金融机构"], [3, 4]),
    (["--kind", "党政机关"], []),
    (["--kind", "党政机关", "--all"], [5]),
    (["--all"], [1, 5, 2, 3, 4]),
  ]

  @Test func filtersSelectTheRightUnits() throws {
    let space = try Workspace.populated()
    for (arguments, ids) in Self.filters {
      let result = try space.gj(["list", "--format", "json"] + arguments)
      #expect(result.status == 0, "\(arguments): \(result)")
      let units = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
      #expect(units?.map { $0["id"] as? Int } == ids, "\(arguments)")
    }
  }

  @Test func theTableLinesUpChineseNames() throws {
    let space = try Workspace.populated()
    let output = try space.ok("list", "--all")
    #expect(!output.contains("\u{1B}["), "no colour when stdout is not a terminal")
    let lines = output.split(separator: "\n")
    #expect(lines.count == 8, "header, rule, 5 units, count")
    #expect(numbers(in: lines.last ?? "") == [5], "the count of units: \(output)")
    // The rule under the header marks the columns: id, name, kind, joined, left, groups.
    let rule = lines[1]
    #expect(rule.allSatisfy { $0 == "─" || $0 == " " }, "\(output)")
    var starts: [Int] = []
    var column = 0
    var previous: Character = " "
    for character in rule {
      if character == "─" && previous == " " { starts.append(column) }
      column += terminalColumns(String(character)[...])
      previous = character
    }
    #expect(starts.count == 6, "\(rule)")
    // The kind and joined columns begin at the same terminal column on every line.
    for (index, values) in [(2, ["国有企业", "党政机关", "高校", "金融机构"]), (3, ["2016-", "2019-"])] where starts.count == 6 {
      for line in lines[2..<7] {
        let found = values.compactMap { line.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
        let range = try #require(found, "\(line)")
        #expect(terminalColumns(line[..<range.lowerBound]) == starts[index], "column \(index): \(line)")
      }
    }
    #expect(!lines.contains { $0.hasSuffix(" ") }, "no trailing spaces")
  }

  @Test func csvParsesBackToTheUnits() throws {
    let space = try Workspace.populated()
    try space.ok("register", #"某某"公司",有限"#, "--joined", "2020-01-01")
    try space.ok("register", "=1+1单位", "--joined", "2020-01-02", "--kind", "社会组织")
    let output = try space.ok("list", "--format", "csv")
    #expect(output.hasSuffix("\r\n"))
    #expect(!output.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF line ends")
    let rows = try #require(parseCSV(output))
    #expect(rows.first == ["id", "name", "kind", "joined_on", "left_on", "groups"])
    #expect(rows.count == 7)
    #expect(rows[1] == ["1", "上海长远文化(集团)有限公司", "国有企业", "2016-03-01", "", "文明共创"])
    #expect(rows[5] == ["6", #"某某"公司",有限"#, "其他", "2020-01-01", "", ""])
    // A cell a spreadsheet would run as a formula is defused.
    #expect(rows[6] == ["7", "'=1+1单位", "社会组织", "2020-01-02", "", ""])
  }

  @Test func outputFilesTakeTheirFormatFromTheExtension() throws {
    let space = try Workspace.populated()
    #expect(try space.ok("list", "-o", space.file("out.csv")).isEmpty)
    let csv = try #require(space.bytes("out.csv").map { String(decoding: $0, as: UTF8.self) })
    #expect(parseCSV(csv)?.count == 5)
    // A CSV file starts with the byte-order mark Excel needs to read Chinese; stdout does not.
    #expect(csv.hasPrefix("\u{FEFF}id,name,kind,joined_on,left_on,groups\r\n"))
    #expect(try space.ok("list", "--format", "csv").hasPrefix("id,name,"))
    #expect(try space.ok("list", "--format", "csv", "--bom").hasPrefix("\u{FEFF}id,name,"))
    #expect(try space.ok("list", "-o", space.file("plain.csv"), "--no-bom").isEmpty)
    #expect(space.bytes("plain.csv").map { String(decoding: $0, as: UTF8.self) }?.hasPrefix("id,name,") == true)

    #expect(try space.ok("list", "--all", "--output", "out.json").isEmpty, "a relative path is in the working folder")
    let data = try #require(space.bytes("out.json"))
    let units = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    #expect(units?.count == 5)

    try space.ok("list", "-o", "out.txt")
    let table = try #require(space.bytes("out.txt").map { String(decoding: $0, as: UTF8.self) })
    #expect(table == (try space.ok("list")), "a .txt file gets the table")
    #expect(!table.contains("\u{1B}["))

    // --format wins over the extension.
    try space.ok("list", "--format", "json", "-o", "forced.csv")
    #expect(space.bytes("forced.csv").map { $0.first == UInt8(ascii: "[") } == true)
    // Nothing half-written is left behind.
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: space.path).filter { $0.contains(".part") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  @Test func listRefusals() throws {
    let space = try Workspace.populated()
    try expectRefusals(
      [
        Refusal(["list", "--active-on", "2019-02-30"], 65, "--active-on", "2019-02-30", "28"),
        // The year, its range, and the option that gave it.
        Refusal(["list", "--active-in", "1800"], 65, "--active-in", "1800", "1900", "9999"),
        Refusal(["list", "--joined-in", "20190"], 65, "--joined-in", "20190", "1900", "9999"),
        .usage(["list", "--active-in", "abc"], naming: "abc", "--active-in"),
        Refusal(["list", "--active-on", "2019-01-01", "--active-in", "2019"], 64, "--active-on", "--active-in"),
        Refusal(["list", "--all", "--active-in", "2019"], 64, "--all", "--active-in"),
        Refusal(["list", "--group", "不存在的组"], 1, "不存在的组", "gongjian group list"),
        .usage(["list", "--format", "xml"], naming: "xml", "--format", "table", "csv", "json"),
        Refusal(["list", "-o", "out.pdf"], 64, ".pdf", ".csv", ".xlsx", ".html", ".json", ".txt", "--format"),
        Refusal(["list", "--format", "xlsx"], 64, "-o"),
        Refusal(["list", "--format", "json", "--bom"], 64, "--bom"),
        Refusal(["list", "--format", "csv", "-o", "registry.sqlite"], 64, "registry.sqlite"),
        Refusal(["list", "-o", "no-such-folder/out.csv"], 66, "no-such-folder/out.csv"),
        Refusal(["list", "--today", "2019-02-30"], 65, "--today", "2019-02-30", "28"),
      ], in: space)
    try expectRefusals(
      [Refusal(["list"], 65, "$GONGJIAN_TODAY", "tomorrow")], in: space,
      environment: ["GONGJIAN_TODAY": "tomorrow"])
    #expect(!space.exists("out.pdf"))
  }
}

// MARK: - show and edit

@Suite struct ShowEditCommandTests {
  @Test func showFindsAUnitHoweverItIsNamed() throws {
    let space = try Workspace.populated()
    let output = try space.ok("show", "1")
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(hasLine(lines[0], with: "#1", "上海长远文化(集团)有限公司", "国有企业"), "\(output)")
    // The labelled lines under the name: the status, with the joining date; the values begin
    // in one column, whatever the labels' widths.
    let labelled = lines.dropFirst().prefix { !$0.isEmpty }
    #expect(hasLine(labelled.joined(separator: "\n"), with: "2016-03-01"), "\(output)")
    #expect(valueColumns(output).count == 1, "\(output)")
    // The agreement and the working group, with their values.
    #expect(hasLine(output, with: "2016-03-01", "2026-12-15", "区域化党建共建协议", "罗英华", "党委书记"), "\(output)")
    #expect(hasLine(output, with: "文明共创", "2016-03-01"), "\(output)")
    for query in ["#1", "上海长远文化（集团）有限公司", "上海长远文化 (集团) 有限公司", "长远", "长远文化"] {
      #expect(try space.ok("show", query) == output, "\(query)")
    }
    let left = try space.ok("show", "房管局")
    let status = left.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
    #expect(hasLine(status, with: "2018-06-30", "机构改革"), "the status says when and why it left: \(left)")
    #expect(hasLine(left, with: "2016-05-01", "2018-06-30", "机构改革"), "the period: \(left)")
  }

  /// The terminal columns where the values of a sheet's labelled lines (`  status:    in the
  /// alliance…`, under the name) begin: after each label and the spaces that pad it.
  func valueColumns(_ sheet: String) -> Set<Int> {
    let labelled = sheet.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix { !$0.isEmpty }
    return Set(
      labelled.map { line in
        // A label ends with a colon (":" or "："), and may hold spaces ("party org:").
        let colon = line.firstIndex { $0 == ":" || $0 == "：" } ?? line.startIndex
        let value = line[colon...].dropFirst().drop { $0 == " " }
        return terminalColumns(line[..<value.startIndex])
      })
  }

  @Test func showJSONHasTheWholeUnit() throws {
    let space = try Workspace.populated()
    let unit = try #require(try space.json("show", "5", "--format", "json") as? [String: Any])
    for key in [
      "id", "name", "kind", "joined_on", "left_on", "groups", "party_org", "contact", "phone", "address", "note",
      "former_names", "periods", "agreements", "group_memberships",
    ] {
      #expect(unit[key] != nil, "missing \(key)")
    }
    #expect(unit["left_on"] as? String == "2018-06-30")
    #expect(unit["groups"] as? [String] == [], "no current groups after withdrawing")
    #expect(unit["contact"] is NSNull)
    let periods = try #require(unit["periods"] as? [[String: Any]])
    #expect(periods.count == 1)
    #expect(periods.first?["left_reason"] as? String == "机构改革")
    let memberships = try #require(unit["group_memberships"] as? [[String: Any]])
    #expect(memberships.first?["group"] as? String == "文明共创")
    #expect(memberships.first?["left_on"] as? String == "2018-06-30")
  }

  @Test func editRenamesAndKeepsTheFormerNameFindable() throws {
    let space = try Workspace.populated()
    let output = try space.ok("edit", "复旦", "--name", "复旦大学外国语言文学学院", "--renamed-on", "2020-01-01")
    // The unit, then one line for the one field changed: its old and new values.
    let changed = output.split(separator: "\n").map(String.init)
    #expect(changed.count == 2, "\(output)")
    #expect(hasLine(changed.first ?? "", with: "#2", "复旦大学外国语言文学学院"), "\(output)")
    #expect(hasLine(changed.last ?? "", with: "复旦大学外文学院", "复旦大学外国语言文学学院"), "\(output)")
    let unit = try #require(try space.json("show", "复旦大学外文学院", "--format", "json") as? [String: Any])
    #expect(unit["id"] as? Int == 2)
    #expect(unit["name"] as? String == "复旦大学外国语言文学学院")
    let former = unit["former_names"] as? [[String: Any]]
    #expect(former?.first?["name"] as? String == "复旦大学外文学院")
    #expect(former?.first?["renamed_on"] as? String == "2020-01-01")
    let shown = try space.ok("show", "2")
    #expect(hasLine(shown, with: "复旦大学外文学院", "2020-01-01"), "the former name and until when: \(shown)")
    #expect(valueColumns(shown).count == 1, "labels of two widths, padded to one: \(shown)")

    // Only the phone changed: the kind was already 高校.
    let phone = try space.ok("edit", "2", "--phone", "021-1234", "--kind", "高校").split(separator: "\n")
    #expect(phone.count == 2 && phone[0].contains("#2") && phone[1].contains("021-1234"), "\(phone)")
    #expect(!phone.dropFirst().contains { $0.contains("高校") }, "\(phone)")
    let cleared = try space.ok("edit", "2", "--phone", "").split(separator: "\n")
    #expect(cleared.count == 2 && cleared[1].contains("021-1234"), "\(cleared)")
    // Nothing to change: one line naming the unit, and no history entry (below).
    let unchanged = try space.ok("edit", "2", "--kind", "高校").split(separator: "\n")
    #expect(unchanged.count == 1 && hasLine(String(unchanged[0]), with: "#2", "复旦大学外国语言文学学院"), "\(unchanged)")
    let history = try #require(try space.json("history", "2", "--format", "json") as? [[String: Any]])
    #expect(history.map { $0["action"] as? String } == ["register", "edit", "edit", "edit"])
  }

  @Test func showAndEditRefusals() throws {
    let space = try Workspace.populated()
    try expectRefusals(
      [
        // Several units match: each is listed with its id.
        Refusal(["show", "银行"], 1, "银行", "3  建设银行虹口支行", "4  浦发银行虹口支行"),
        // None matches: the nearest ones are suggested with their ids.
        Refusal(["show", "建设银行黄浦支行"], 1, "建设银行黄浦支行", "3  建设银行虹口支行"),
        Refusal(["show", "99"], 1, "99", "gongjian list --all"),
        Refusal(["show", "完全无关"], 1, "完全无关", "gongjian list --all"),
        .usage(["show"], naming: "<unit>"),
        .usage(["show", "1", "--format", "csv"], naming: "csv", "--format", "table", "json"),
        Refusal(["edit", "2"], 64, "--name", "--kind", "--note"),
        Refusal(["edit", "2", "--name", "建设银行 虹口支行"], 1, "建设银行 虹口支行", "#3 建设银行虹口支行", "2019-06-20"),
        Refusal(["edit", "2", "--renamed-on", "2020-01-01"], 64, "--renamed-on", "--name"),
        Refusal(
          ["edit", "2", "--name", "新名", "--renamed-on", "2027-01-01"], 65, "--renamed-on", "2027-01-01", "2026-11-27"),
        Refusal(["edit", "2", "--name", "新名", "--renamed-on", "2020-02-30"], 65, "--renamed-on", "2020-02-30", "29"),
        Refusal(["edit", "2", "--name", ""], 65, "--name"),
        Refusal(["edit", "2", "--contact", "王\u{1B}老师"], 65, "--contact", "U+001B"),
        Refusal(["edit", "不存在的单位", "--kind", "高校"], 1, "不存在的单位", "gongjian list --all"),
      ], in: space)
  }
}

// MARK: - withdraw and rejoin

@Suite struct WithdrawRejoinCommandTests {
  @Test func withdrawThenRejoin() throws {
    let space = try Workspace.populated()
    // The unit, its period in the alliance, and the groups it left with it.
    let withdrew = try space.ok("withdraw", "上海长远文化（集团）有限公司", "--on", "2020-01-01", "--reason", "单位合并")
    #expect(
      hasLine(withdrew, with: "#1 上海长远文化(集团)有限公司", "2016-03-01", "2020-01-01", "文明共创"), "\(withdrew)")
    let active = try #require(try space.json("list", "--format", "json") as? [[String: Any]])
    #expect(active.map { $0["id"] as? Int } == [2, 3, 4])
    let all = try #require(try space.json("list", "--all", "--format", "json") as? [[String: Any]])
    #expect(all.first { $0["id"] as? Int == 1 }?["left_on"] as? String == "2020-01-01")
    let groups = try #require(try space.json("group", "list", "--format", "json") as? [[String: Any]])
    #expect(groups.first?["units"] as? Int == 0, "the group membership was closed too")
    #expect(groups.first?["leads"] as? [String] == [])

    let rejoined = try space.ok(
      "rejoin", "长远", "--on", "2021/2/1", "--group", "文化", "--signatory", "张三", "--expires", "2026-01-31")
    #expect(
      hasLine(rejoined, with: "#1 上海长远文化(集团)有限公司", "国有企业", "2021-02-01", "文化共享"), "\(rejoined)")
    let unit = try #require(try space.json("show", "1", "--format", "json") as? [String: Any])
    #expect(unit["joined_on"] as? String == "2021-02-01")
    #expect(unit["left_on"] is NSNull)
    #expect(unit["groups"] as? [String] == ["文化共享"])
    let periods = try #require(unit["periods"] as? [[String: Any]])
    #expect(periods.map { $0["joined_on"] as? String } == ["2016-03-01", "2021-02-01"])
    #expect(periods.first?["left_reason"] as? String == "单位合并")
    let agreements = try #require(unit["agreements"] as? [[String: Any]])
    #expect(agreements.map { $0["signed_on"] as? String } == ["2016-03-01", "2021-02-01"])
    #expect(agreements.last?["signatory"] as? String == "张三")
    let withdrawal = try space.ok("withdraw", "建设银行", "--on", "today")
    #expect(hasLine(withdrawal, with: "#3 建设银行虹口支行", "2019-06-20", "2026-11-27"), "\(withdrawal)")
    #expect(withdrawal.split(separator: "\n").count == 1, "no working groups to leave: \(withdrawal)")
  }

  @Test func withdrawAndRejoinRefusals() throws {
    let space = try Workspace.populated()
    try expectRefusals(
      [
        Refusal(["withdraw", "5", "--on", "2019-01-01"], 1, "#5 虹口区房管局", "2018-06-30"),
        Refusal(["withdraw", "2", "--on", "2019-06-19"], 65, "--on", "2019-06-19", "2019-06-20"),
        Refusal(["withdraw", "2", "--on", "2026-12-01"], 65, "--on", "2026-12-01", "2026-11-27"),
        Refusal(["withdraw", "2", "--on", "2019-8"], 65, "--on", "2019-8"),
        Refusal(["withdraw", "2", "--on", "2020-01-01", "--reason", "合\u{1}并"], 65, "--reason", "U+0001"),
        Refusal(["withdraw", "银行", "--on", "2020-01-01"], 1, "3  建设银行虹口支行", "4  浦发银行虹口支行"),
        .usage(["withdraw", "2"], naming: "--on"),
        Refusal(["rejoin", "2", "--on", "2020-01-01"], 1, "#2 复旦大学外文学院", "2019-06-20", "gongjian agreement add 2"),
        Refusal(["rejoin", "5", "--on", "2018-01-01"], 65, "--on", "2018-01-01", "2018-06-30"),
        Refusal(["rejoin", "5", "--on", "2027-01-01"], 65, "--on", "2027-01-01", "2026-11-27"),
        Refusal(
          ["rejoin", "5", "--on", "2020-01-01", "--expires", "2019-12-31"], 65, "--expires", "2019-12-31", "2020-01-01"),
        // Refused after the period and agreement were written: all of it is rolled back.
        Refusal(["rejoin", "5", "--on", "2020-01-01", "--group", "不存在的组"], 1, "不存在的组", "gongjian group list"),
        .usage(["rejoin", "5"], naming: "--on"),
      ], in: space)
  }
}

// MARK: - working groups

@Suite struct GroupCommandTests {
  @Test func groupAddListShowJoinLeave() throws {
    let space = try Workspace.populated()
    let added = try space.ok("group", "add", "平安共建")
    #expect(hasLine(added, with: "#3", "平安共建") && numbers(in: added) == [3], "no founding date: \(added)")
    // The unit, the group and the day; the roles are checked in the JSON below.
    let joined = try space.ok("group", "join", "建设银行", "平安", "--on", "2020-01-01")
    #expect(hasLine(joined, with: "#3 建设银行虹口支行", "平安共建", "2020-01-01"), "\(joined)")
    let lead = try space.ok("group", "join", "3", "3", "--on", "2021-01-01", "--lead")
    #expect(hasLine(lead, with: "#3 建设银行虹口支行", "平安共建", "2021-01-01"), "\(lead)")
    let today = try space.ok("group", "join", "浦发", "平安共建")
    #expect(hasLine(today, with: "#4 浦发银行虹口支行", "平安共建", "2026-11-27"), "\(today)")

    let groups = try #require(try space.json("group", "list", "--format", "json") as? [[String: Any]])
    #expect(groups.map { $0["name"] as? String } == ["文明共创", "文化共享", "平安共建"])
    for group in groups {
      for key in ["id", "name", "description", "established_on", "dissolved_on", "leads", "units"] {
        #expect(group[key] != nil, "missing \(key)")
      }
    }
    #expect(groups[0]["description"] as? String == "文明城区共创")
    #expect(groups[0]["established_on"] as? String == "2016-01-01")
    #expect(groups[0]["leads"] as? [String] == ["上海长远文化(集团)有限公司"])
    #expect(groups[2]["leads"] as? [String] == ["建设银行虹口支行"])
    #expect(groups[2]["units"] as? Int == 2)
    #expect(groups[2]["established_on"] is NSNull)

    let table = try space.ok("group", "list")
    #expect(table.contains("文明共创"))
    #expect(table.split(separator: "\n").count == 5)

    // Today's roster: the lead and the member; with --all the former role too.
    let current = try #require(try space.json("group", "show", "平安", "--format", "json") as? [String: Any])
    #expect((current["memberships"] as? [[String: Any]])?.count == 2, "\(current)")
    let detail = try #require(
      try space.json("group", "show", "平安", "--all", "--format", "json") as? [String: Any])
    #expect(detail["name"] as? String == "平安共建")
    let memberships = try #require(detail["memberships"] as? [[String: Any]])
    #expect(memberships.count == 3)
    #expect(memberships.first?["role"] as? String == "lead")
    #expect(memberships.first?["unit_id"] as? Int == 3)
    #expect(memberships.first?["joined_on"] as? String == "2021-01-01")
    // The membership as 成员单位 ended when the unit became the lead.
    #expect(
      memberships.contains {
        $0["unit_id"] as? Int == 3 && $0["role"] as? String == "member" && $0["joined_on"] as? String == "2020-01-01"
          && $0["left_on"] as? String == "2021-01-01"
      }, "\(memberships)")
    #expect(memberships.last?["left_on"] as? String == "2021-01-01")
    // The group's id and name, its description, its founding day and how many units it has today.
    let shown = try space.ok("group", "show", "文明共创")
    let head = shown.split(separator: "\n").prefix(4).map(String.init)
    #expect(head.count == 4 && hasLine(head[0], with: "#1", "文明共创"), "\(shown)")
    #expect(head.count == 4 && head[1].contains("文明城区共创") && head[2].contains("2016-01-01"), "\(shown)")
    #expect(head.count == 4 && numbers(in: head[3]) == [1], "\(shown)")
    // A former member is on the roster only with --all.
    #expect(!shown.contains("虹口区房管局"))
    #expect(try space.ok("group", "show", "文明共创", "--all").contains("虹口区房管局"))

    let left = try space.ok("group", "leave", "建设银行", "平安", "--on", "2022-01-01")
    #expect(hasLine(left, with: "#3 建设银行虹口支行", "平安共建", "2022-01-01", "2021-01-01"), "\(left)")
    let after = try #require(try space.json("list", "--group", "平安共建", "--format", "json") as? [[String: Any]])
    #expect(after.map { $0["id"] as? Int } == [4])
    let csv = try #require(parseCSV(try space.ok("group", "show", "平安", "--all", "--format", "csv")))
    #expect(csv.first == ["unit_id", "unit", "group", "role", "kind", "contact", "phone", "joined_on", "left_on"])
    #expect(csv.count == 4)
  }

  @Test func groupRefusals() throws {
    let space = try Workspace.populated()
    try expectRefusals(
      [
        Refusal(["group", "add", "文明 共创"], 1, "文明共创"),
        Refusal(
          ["group", "add", "新组", "--established", "2027-01-01"], 65, "--established", "2027-01-01", "2026-11-27"),
        Refusal(["group", "add", "新组", "--established", "2019-02-29"], 65, "--established", "2019-02-29", "28"),
        Refusal(["group", "add", ""], 65, "NAME"),
        Refusal(["group", "show", "不存在的组"], 1, "不存在的组", "gongjian group list"),
        Refusal(["group", "show", "文"], 1, "1  文明共创", "2  文化共享"),
        Refusal(["group", "join", "5", "文明"], 1, "#5 虹口区房管局", "2026-11-27"),
        Refusal(["group", "join", "1", "文明", "--lead"], 1, "#1 上海长远文化(集团)有限公司", "文明共创", "2016-03-01"),
        Refusal(["group", "join", "2", "文化", "--on", "2019-01-01"], 1, "#2 复旦大学外文学院", "文化共享", "2019-06-20"),
        Refusal(["group", "join", "3", "文明", "--on", "2019-01-01"], 1, "#3 建设银行虹口支行", "2019-01-01"),
        Refusal(["group", "join", "3", "文明", "--on", "2027-01-01"], 65, "--on", "2027-01-01", "2026-11-27"),
        .usage(["group", "join", "3"], naming: "<group>"),
        Refusal(["group", "leave", "3", "文明", "--on", "2020-01-01"], 1, "#3 建设银行虹口支行", "文明共创"),
        Refusal(["group", "leave", "1", "文明", "--on", "2015-01-01"], 65, "--on", "2015-01-01", "文明共创", "2016-03-01"),
        .usage(["group", "leave", "1", "文明"], naming: "--on"),
      ], in: space)
  }
}

// MARK: - agreements

@Suite struct AgreementCommandTests {
  @Test func renewalsAndTheExpiringList() throws {
    let space = try Workspace.populated()
    let recorded = try space.ok(
      "agreement", "add", "建设银行", "--signed", "2022-06-01", "--expires", "2026-12-01", "--signatory", "李四",
      "--signatory-title", "行长")
    #expect(
      hasLine(recorded, with: "#6", "建设银行虹口支行", "区域化党建共建协议", "2022-06-01", "2026-12-01"), "\(recorded)")
    try space.ok("agreement", "add", "浦发", "--signed", "2019-06-21", "--expires", "2025-01-01")
    try space.ok("agreement", "add", "复旦", "--signed", "2024-01-01", "--expires", "2030-01-01", "--title", "续签协议")

    let all = try #require(try space.json("agreement", "list", "--format", "json") as? [[String: Any]])
    #expect(all.count == 8)
    for agreement in all {
      for key in ["id", "unit_id", "unit", "title", "signed_on", "expires_on", "signatory", "signatory_title"] {
        #expect(agreement[key] != nil, "missing \(key)")
      }
      #expect(isISODate(agreement["signed_on"]))
    }
    let ofUnit = try #require(
      try space.json("agreement", "list", "--unit", "复旦", "--format", "json") as? [[String: Any]])
    #expect(ofUnit.map { $0["title"] as? String } == ["区域化党建共建协议", "续签协议"])

    // Today is 2026-11-27: what to renew within 30 days, or already expired, of units in the alliance.
    let expiring = try #require(
      try space.json("agreement", "list", "--expiring-within", "30", "--format", "json") as? [[String: Any]])
    #expect(expiring.map { $0["unit_id"] as? Int } == [4, 3, 1])
    #expect(expiring.map { $0["days_left"] as? Int } == [-695, 4, 18])
    // The table: each unit with the days left (or past), and the count at the end.
    let table = try space.ok("agreement", "list", "--expiring-within", "30")
    #expect(hasLine(table, with: "浦发银行虹口支行", "2025-01-01", "695"), "\(table)")
    #expect(hasLine(table, with: "建设银行虹口支行", "2026-12-01", " 4"), "\(table)")
    #expect(hasLine(table, with: "上海长远文化(集团)有限公司", "2026-12-15", "18"), "\(table)")
    #expect(numbers(in: table.split(separator: "\n").last ?? "") == [3], "\(table)")
    let csv = try #require(parseCSV(try space.ok("agreement", "list", "--expiring-within", "10", "--format", "csv")))
    #expect(csv.first?.last == "days_left")
    #expect(csv.dropFirst().map { $0.last } == ["-695", "4"])
  }

  @Test func agreementRefusals() throws {
    let space = try Workspace.populated()
    try expectRefusals(
      [
        Refusal(
          ["agreement", "add", "5", "--signed", "2020-01-01"], 1, "#5 虹口区房管局", "2020-01-01", "gongjian rejoin 5"),
        Refusal(
          ["agreement", "add", "2", "--signed", "2020-01-01", "--expires", "2019-01-01"], 65, "--expires", "2019-01-01",
          "2020-01-01"),
        Refusal(["agreement", "add", "2", "--signed", "2027-01-01"], 65, "--signed", "2027-01-01", "2026-11-27"),
        Refusal(["agreement", "add", "2", "--signed", "2019-13-01"], 65, "--signed", "2019-13-01"),
        .usage(["agreement", "add", "2"], naming: "--signed"),
        Refusal(["agreement", "add", "不存在的单位", "--signed", "2020-01-01"], 1, "不存在的单位", "gongjian list --all"),
        Refusal(["agreement", "list", "--expiring-within", "40000"], 64, "40000", "36500"),
        Refusal(["agreement", "list", "--expiring-within", "30", "--unit", "2"], 64, "--expiring-within", "--unit"),
        Refusal(["agreement", "list", "--unit", "不存在的单位"], 1, "不存在的单位", "gongjian list --all"),
      ], in: space)
  }
}

// MARK: - history

@Suite struct HistoryCommandTests {
  @Test func historyListsEveryChange() throws {
    let space = try Workspace.populated()
    let entries = try #require(try space.json("history", "--format", "json") as? [[String: Any]])
    #expect(
      entries.map { $0["action"] as? String } == [
        "init", "group add", "group add", "register", "register", "register", "register", "register", "withdraw",
      ])
    let keys = [
      "id", "at", "user", "command", "action", "entity", "unit_id", "unit", "summary", "facts", "before", "after",
    ]
    for entry in entries {
      #expect(Set(entry.keys) == Set(keys), "\(entry.keys.sorted())")
      #expect((entry["user"] as? String)?.isEmpty == false)
      #expect((entry["command"] as? String)?.hasPrefix("gongjian ") == true)
      // What changed is recorded as facts, for every language to word; the English summary is
      // only kept for entries written before there were facts.
      #expect(entry["facts"] is [String: Any], "\(entry)")
      #expect(entry["summary"] as? String == "", "\(entry)")
    }
    let withdraw = try #require(entries.last)
    #expect(withdraw["unit_id"] as? Int == 5)
    #expect(withdraw["unit"] as? String == "虹口区房管局")
    let facts = try #require(withdraw["facts"] as? [String: Any])
    #expect(facts["on"] as? String == "2018-06-30", "\(facts)")
    #expect(facts["reason"] as? String == "机构改革", "\(facts)")
    let before = try #require(withdraw["before"] as? [String: Any], "before is a JSON object")
    let after = try #require(withdraw["after"] as? [String: Any])
    #expect((before["periods"] as? [[String: Any]])?.first?["left_on"] is NSNull)
    #expect((after["periods"] as? [[String: Any]])?.first?["left_on"] as? String == "2018-06-30")

    let ofUnit = try #require(try space.json("history", "房管局", "--format", "json") as? [[String: Any]])
    #expect(ofUnit.map { $0["action"] as? String } == ["register", "withdraw"])

    // The table words each change from its facts: the withdrawal's day and reason.
    let table = try space.ok("history", "5")
    #expect(hasLine(table, with: "虹口区房管局", "2018-06-30", "机构改革"), "\(table)")
    #expect(hasLine(table, with: "虹口区房管局", "2016-05-01"), "the registration: \(table)")
    #expect(numbers(in: table.split(separator: "\n").last ?? "") == [2], "the count of changes: \(table)")
    let csv = try #require(parseCSV(try space.ok("history", "--format", "csv")))
    let header = try #require(csv.first)
    #expect(Set(header) == Set(keys) && header.count == keys.count, "\(header)")
    #expect(csv.count == entries.count + 1)
    // The JSON columns survive CSV quoting.
    for name in ["facts", "before"] {
      let column = try #require(header.firstIndex(of: name))
      #expect(csv.last?[column].hasPrefix("{") == true, "\(name): \(csv.last ?? [])")
    }

    let refused = try space.gj(["history", "不存在的单位"])
    #expect(refused.status == 1, "\(refused)")
    #expect(refused.stderr.contains("不存在的单位") && refused.stderr.contains("gongjian list --all"), "\(refused)")
  }
}

// MARK: - Across commands

@Suite struct EverydayCommonTests {
  static let commands: [[String]] = [
    ["register", "新单位", "--joined", "2019-01-01"], ["list"], ["show", "1"], ["edit", "1", "--kind", "高校"],
    ["withdraw", "1", "--on", "2020-01-01"], ["rejoin", "1", "--on", "2020-01-01"], ["group", "add", "新组"],
    ["group", "list"], ["group", "show", "1"], ["group", "join", "1", "1"],
    ["group", "leave", "1", "1", "--on", "2020-01-01"],
    ["agreement", "add", "1", "--signed", "2020-01-01"], ["agreement", "list"], ["history"],
  ]

  @Test func everyCommandOnAMissingRegistryFailsAndCreatesNothing() throws {
    let space = Workspace()
    let missing = space.file("typo.sqlite")
    for arguments in Self.commands {
      let result = try space.run(arguments + ["--db", missing], environment: Workspace.fixedToday)
      #expect(result.status == 66, "\(arguments): \(result)")
      #expect(result.stderr.contains(missing), "\(arguments): \(result)")
      #expect(result.stderr.contains("gongjian init"), "\(arguments): \(result)")
      #expect(result.stdout.isEmpty)
    }
    #expect(!space.exists(missing))
    #expect(!space.exists("xdg"))
  }

  @Test func theRegistryComesFromGongjianDbWithoutDb() throws {
    let space = try Workspace.populated()
    let result = try space.run(
      ["list", "--format", "json"], environment: Workspace.fixedToday.merging(["GONGJIAN_DB": space.registry]) { $1 })
    #expect(result.status == 0, "\(result)")
    #expect((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any])?.count == 4)
  }

  @Test func noColourWhenNoColorIsSetOrOutputIsNotATerminal() throws {
    let space = try Workspace.populated()
    for environment in [["NO_COLOR": "1"], ["NO_COLOR": "", "TERM": "xterm-256color"]] {
      for arguments in [["list", "--all"], ["group", "list"], ["agreement", "list"], ["history"], ["show", "1"]] {
        let result = try space.gj(arguments, environment: environment)
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("\u{1B}"), "\(arguments) \(environment)")
        #expect(!result.stderr.contains("\u{1B}"), "\(arguments) \(environment)")
      }
    }
  }

  /// Runs `gongjian list` on a pseudo-terminal through script(1).
  func listOnATerminal(_ space: Workspace, noColor: Bool) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    let command = ["'\(Workspace.binary.path)'", "list", "--db", "'\(space.registry)'"].joined(separator: " ")
    process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GONGJIAN_") }
    environment["GONGJIAN_TODAY"] = "2026-11-27"
    environment["TERM"] = "xterm-256color"
    environment["NO_COLOR"] = noColor ? "1" : nil
    process.environment = environment
    let output = space.file("terminal-\(noColor).txt")
    FileManager.default.createFile(atPath: output, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    #expect(process.terminationStatus == 0)
    return String(decoding: space.bytes(output) ?? Data(), as: UTF8.self)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func colourOnlyOnATerminalWithoutNoColor() throws {
    let space = try Workspace.populated()
    let coloured = try listOnATerminal(space, noColor: false)
    #expect(coloured.contains("上海长远文化(集团)有限公司"))
    #expect(coloured.contains("\u{1B}["), "a terminal gets colour: \(coloured)")
    let plain = try listOnATerminal(space, noColor: true)
    #expect(plain.contains("上海长远文化(集团)有限公司"))
    #expect(!plain.contains("\u{1B}"), "NO_COLOR wins on a terminal too")
  }

  @Test func unknownCommandsAndArgumentsAreUsageErrors() throws {
    let space = try Workspace.populated()
    let before = try space.dump()
    for arguments in [["frobnicate"], ["group", "frobnicate"], ["agreement", "renew"]] {
      let result = try space.run(arguments, environment: ["GONGJIAN_DB": space.registry])
      #expect(result.status == 64, "\(arguments): \(result)")
      // The word that is no command, and where to look up the commands there are.
      let headline = result.stderr.split(separator: "\n").first ?? ""
      #expect(headline.contains(arguments.last ?? ""), "\(result)")
      let help = (["gongjian"] + arguments.dropLast() + ["--help"]).joined(separator: " ")
      #expect(result.stderr.contains(help), "\(arguments): no pointer to \(help): \(result)")
      #expect(result.stdout.isEmpty)
    }
    try expectRefusals([.usage(["list", "extra"], naming: "extra")], in: space)
    #expect(try space.dump() == before)
  }
}
