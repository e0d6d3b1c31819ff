import Foundation
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

// The meeting pack end to end: every figure in it is what the command it names gives; the
// page is self-contained and escapes every text; the workbook holds a sheet per section.

/// The pack as a page, read back: its sections, each with its summary, tables and commands.
private struct PackPage {
  struct Table {
    var headings: [String]
    var rows: [[String]]

    func column(_ heading: String) -> [String] {
      guard let index = headings.firstIndex(of: heading) else { return [] }
      return rows.map { $0[index] }
    }
  }

  struct Section {
    var id: String
    var summary: [String]
    var tables: [Table]
    /// The commands named under the section, word by word.
    var commands: [[String]]
  }

  var sections: [Section] = []

  init(_ html: String) {
    for match in html.matches(of: #/<section class="[^"]*" id="([a-z]+)">(.*?)</section>/#.dotMatchesNewlines()) {
      let body = String(match.output.2)
      let tables = body.matches(of: #/<table>(.*?)</table>/#.dotMatchesNewlines()).map { table in
        let text = String(table.output.1)
        return Table(
          headings: text.matches(of: #/<th(?:\s[^>]*)?>(.*?)</th>/#).map { PackPage.unescape(String($0.output.1)) },
          rows: text.matches(of: #/<tr>(.*?)</tr>/#).compactMap { row in
            let cells = String(row.output.1).matches(of: #/<td(?:\s[^>]*)?>(.*?)</td>/#).map {
              PackPage.unescape(String($0.output.1))
            }
            return cells.isEmpty ? nil : cells
          })
      }
      sections.append(
        Section(
          id: String(match.output.1),
          summary: body.matches(of: #/<p class="summary">(.*?)</p>/#).map { PackPage.unescape(String($0.output.1)) },
          tables: tables,
          commands: body.matches(of: #/<code>(.*?)</code>/#).map {
            PackPage.unescape(String($0.output.1)).split(separator: " ").map(String.init)
          }))
    }
  }

  subscript(id: String) -> Section? { sections.first { $0.id == id } }

  static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}

extension Workspace {
  /// Runs a command the pack names (without `gongjian`), as JSON.
  fileprivate func named(_ words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
    try #require(words.first == "gongjian", "\(words)", sourceLocation: sourceLocation)
    let result = try gj(Array(words.dropFirst()) + ["--format", "json"])
    try #require(result.status == 0, "\(words): \(result)", sourceLocation: sourceLocation)
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
  }
}

private func objects(_ value: Any) -> [[String: Any]] { value as? [[String: Any]] ?? [] }

private func text(_ value: Any?) -> String {
  switch value {
  case let number as Int: String(number)
  case let text as String: text
  case let flag as Bool: flag ? "true" : "false"
  case let list as [String]: list.joined(separator: "、")
  default: ""
  }
}

@Suite struct MeetingPackTests {
  /// The demo registry, today fixed.
  static func demo() throws -> Workspace {
    let space = Workspace()
    let result = try space.run(["demo", "--db", space.registry], environment: Workspace.fixedToday)
    try #require(result.status == 0, "\(result)")
    return space
  }

  @Test func thePacksNumbersAreTheNumbersOfTheCommandsItNames() throws {
    let space = try Self.demo()
    let result = try space.gj(["report", "meeting-pack", "--year", "2019"])
    try #require(result.status == 0, "\(result)")
    let page = PackPage(result.stdout)
    #expect(
      page.sections.map(\.id) == [
        "growth", "joined", "left", "groups", "expiring", "lists", "meetings", "attendance", "followups", "idle",
      ])
    for section in page.sections { #expect(!section.commands.isEmpty, "\(section.id) names no command") }

    // Growth: every period's figures, and the summary's totals.
    let growthSection = try #require(page["growth"])
    let growth = try #require(try space.named(growthSection.commands[0]) as? [String: Any])
    let growthRows = objects(growth["rows"] as Any)
    let table = try #require(growthSection.tables.first)
    #expect(table.column("year") == growthRows.map { text($0["period"]) })
    for key in ["joined", "left", "total"] {
      #expect(table.column(key) == growthRows.map { text($0[key]) }, "\(key)")
    }
    let summary = try #require(growth["summary"] as? [String: Any])
    #expect(
      growthSection.summary.first?.contains("\(text(summary["from_total"])) → \(text(summary["to_total"])) units")
        == true)
    #expect(text(summary["to_total"]) == "43")

    // Units that joined and left: the same units, the same days.
    for (id, day) in [("joined", "joined_on"), ("left", "left_on")] {
      let section = try #require(page[id])
      let units = objects(try space.named(section.commands[0]))
      let table = try #require(section.tables.first)
      // The same units on the same days (the pack orders them by that day).
      let pairs = zip(table.column("id"), table.column(id)).map { "\($0):\($1)" }
      #expect(pairs.sorted() == units.map { "\(text($0["id"])):\(text($0[day]))" }.sorted(), "\(id)")
      #expect(pairs.count == units.count && pairs.count == table.rows.count, "\(id)")
      #expect(section.summary.first?.hasPrefix("\(units.count) unit") == true, "\(section.summary)")
    }
    #expect(try #require(page["joined"]).tables.first?.column("signatory").contains("罗英华 (党委书记)") == true)

    // Working groups: their leads and member counts on the pack's day.
    let groupsSection = try #require(page["groups"])
    let groups = objects(try space.named(groupsSection.commands[0]))
    let groupTable = try #require(groupsSection.tables.first)
    #expect(groupTable.column("group") == groups.map { text($0["name"]) })
    #expect(groupTable.column("lead") == groups.map { text($0["leads"]) })
    #expect(groupTable.column("units") == groups.map { text($0["units"]) })

    // Agreements to renew.
    let expiringSection = try #require(page["expiring"])
    let expiring = objects(try space.named(expiringSection.commands[0]))
    let expiringTable = try #require(expiringSection.tables.first)
    #expect(!expiring.isEmpty)
    #expect(expiringTable.column("id") == expiring.map { text($0["unit_id"]) })
    #expect(expiringTable.column("expires") == expiring.map { text($0["expires_on"]) })

    // The lists: the year's figures by category and in total as `report projects` gives them,
    // and the resources the units offered as `report units` gives them.
    let listsSection = try #require(page["lists"])
    #expect(listsSection.commands.count == 2)
    let projects = try #require(try space.named(listsSection.commands[0]) as? [String: Any])
    let categories = objects(projects["categories"] as Any)
    let listsTable = try #require(listsSection.tables.first)
    #expect(!categories.isEmpty && listsTable.rows.count == categories.count)
    #expect(listsTable.column("category") == categories.map { text($0["category"]) })
    // The table's columns, in the order the report's JSON names them.
    let countedColumns = [
      (1, "needs_raised"), (2, "needs_claimed"), (3, "needs_met"), (5, "projects_proposed"), (6, "projects_claimed"),
      (7, "projects_done"), (9, "activities"), (10, "volunteers"), (12, "served"),
    ]
    for (column, key) in countedColumns {
      #expect(listsTable.rows.map { $0[column] } == categories.map { text($0[key]) }, "\(key)")
    }
    let lists = try #require(projects["summary"] as? [String: Any])
    #expect(text(lists["needs_raised"]) == "12" && text(lists["needs_claimed"]) == "10")
    let listsSummary = listsSection.summary.joined(separator: "\n")
    for part in [
      "needs \(text(lists["needs_raised"])), claimed \(text(lists["needs_claimed"])), claim rate 83.3%, "
        + "met \(text(lists["needs_met"]))",
      "projects \(text(lists["projects_proposed"])), claimed \(text(lists["projects_claimed"])), "
        + "done \(text(lists["projects_done"]))",
      "\(text(lists["activities"])) service records, \(text(lists["volunteers"])) volunteers",
      "\(text(lists["served"])) people served",
    ] {
      #expect(listsSummary.contains(part), "\(part) in \(listsSummary)")
    }
    let resources = objects(try space.named(listsSection.commands[1])).reduce(0) {
      $0 + (($1["resources"] as? Int) ?? 0)
    }
    #expect(resources > 0)
    #expect(listsSection.summary.first?.hasPrefix("\(resources) resources offered") == true, "\(listsSection.summary)")

    // The year's meetings: their topics, decisions and the tasks they heard.
    let meetingsSection = try #require(page["meetings"])
    let meetings = objects(try space.named(meetingsSection.commands[0]))
    #expect(meetings.count == meetingsSection.commands.count - 1)
    let shown = try #require(try space.named(meetingsSection.commands[1]) as? [String: Any])
    #expect(meetingsSection.tables.count == 3)
    #expect(meetingsSection.tables[0].column("id") == objects(shown["topics"] as Any).map { text($0["id"]) })
    #expect(meetingsSection.tables[0].column("late").filter { !$0.isEmpty } == ["8 days late"])
    #expect(meetingsSection.tables[1].column("id") == objects(shown["decisions"] as Any).map { text($0["id"]) })
    #expect(
      meetingsSection.tables[2].column("status")
        == objects(shown["carried_followups"] as Any).map { text($0["status"]) })
    #expect(
      meetingsSection.summary.first?.contains("\(objects(shown["topics"] as Any).count) topics raised") == true)

    // Attendance per unit, and the idle units from the same listing.
    let attendanceSection = try #require(page["attendance"])
    let participation = objects(try space.named(attendanceSection.commands[0]))
    let attendance = try #require(attendanceSection.tables.first)
    #expect(attendance.column("id") == participation.map { text($0["id"]) })
    for (heading, key) in [
      ("meetings", "meetings"), ("present", "present"), ("excused", "excused"), ("absent", "absent"),
      ("unrecorded", "unrecorded"), ("topics", "topics"), ("tasks", "followups"),
    ] {
      #expect(attendance.column(heading) == participation.map { text($0[key]) }, "\(heading)")
    }
    #expect(attendance.column("meeting 06-27").filter { $0 == "present" }.count == 39)
    let idleSection = try #require(page["idle"])
    let idle = objects(try space.named(idleSection.commands[0])).filter { $0["idle"] as? Bool == true }
    #expect(idleSection.tables.first?.column("id") == idle.map { text($0["id"]) })
    #expect(idle.count == 5)
    // A unit that joined after the year's meetings had none to attend: it is not idle.
    #expect(participation.contains { text($0["meetings"]) == "0" })
    #expect(idle.allSatisfy { text($0["meetings"]) != "0" })
    #expect(idleSection.summary.first?.contains("\(idle.count) units") == true)

    // Follow-up tasks and their status on the pack's day.
    let followupSection = try #require(page["followups"])
    let followups = objects(try space.named(followupSection.commands[0]))
    let followupTable = try #require(followupSection.tables.first)
    #expect(followupTable.column("id") == followups.map { text($0["id"]) })
    #expect(
      followupTable.column("status").map { $0.replacingOccurrences(of: " (overdue)", with: "") }
        == followups.map { text($0["status"]) })
    let open = followups.filter { $0["status"] as? String == "open" }.count
    #expect(
      followupSection.summary.first?.hasPrefix(
        "\(followups.count) follow-up tasks: \(followups.count - open) done, \(open) open") == true)
    #expect(followups.count == 6 && open == 2)
  }

  @Test func thePackIsSelfContainedAndEscapesEveryText() throws {
    let space = try Workspace.withMeeting()
    let name = "<b>x</b>&\""
    try space.ok(
      "register", name, "--joined", "2019-01-02", "--signatory", "<i>罗</i>", "--signatory-title", "\"书记'",
      "--group", "文明共创", "--expires", "2020-05-01")
    try space.ok("group", "add", "<style>组")
    try space.ok(
      "meeting", "add", "<img src=x onerror=alert(1)>会议", "--on", "2019-07-01", "--place", "<script>alert(1)</script>")
    try space.ok("meeting", "attend", "2019-07-01", "<b>x", "--as", "absent")
    try space.ok(
      "meeting", "topic", "2019-07-01", "<a href=\"http://example.com\">议题</a>", "--by", "<b>x", "--on", "2019-06-01")
    try space.ok("meeting", "decide", "2019-07-01", "</td></tr></table></section>决议")
    try space.ok("followup", "add", "1", "&lt;事项&gt; https://example.org", "--unit", "<b>x", "--due", "2019-09-01")
    try space.ok(
      "followup", "update", "1", "--status", "open", "--on", "2019-08-01", "--note", "<link rel=stylesheet href=//x>")
    try space.ok("withdraw", "长远文化", "--on", "2019-12-01", "--reason", "url(javascript:alert(1))<iframe>")
    for language in ["en", "zh"] {
      let result = try space.gj(["report", "meeting-pack", "--year", "2019", "--lang", language])
      try #require(result.status == 0, "\(result)")
      let html = result.stdout
      // Every tag is the renderer's own: none loads anything, runs anything or came from a text.
      let tags = html.matches(of: #/<[^>]*>/#).map { String($0.output).lowercased() }
      let names = Set(tags.compactMap { $0.firstMatch(of: #/^<\/?([a-z0-9]+)/#).map { String($0.output.1) } })
      let forbiddenNames: Set = [
        "script", "img", "a", "link", "iframe", "object", "embed", "b", "i", "base", "image", "use",
      ]
      #expect(names.isDisjoint(with: forbiddenNames), "\(language): \(names.intersection(forbiddenNames))")
      for tag in tags {
        #expect(tag.firstMatch(of: #/\s(src|href|xlink:href|on[a-z]+)\s*=/#) == nil, "\(language): \(tag)")
        #expect(!tag.contains("http") && !tag.contains("url("), "\(language): \(tag)")
      }
      let style = try #require(html.firstMatch(of: #/<style>(.*?)</style>/#.dotMatchesNewlines())).output.1
      for forbidden in ["url(", "@import", "http", "//"] {
        #expect(!style.contains(forbidden), "\(language): the style holds \(forbidden)")
      }
      #expect(!html.contains("<b>") && !html.contains("<i>") && !html.contains("<style>组"), "\(language)")
      #expect(html.contains("&lt;b&gt;x&lt;/b&gt;&amp;&quot;"), "\(language)")
      #expect(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;/section&gt;决议"), "\(language)")
      #expect(html.contains("&amp;lt;事项&amp;gt;"), "\(language)")
      // The structure is the renderer's own: ten sections, every table and cell closed.
      for tag in ["section", "table", "tr", "td", "code"] {
        #expect(
          html.components(separatedBy: "<\(tag)").count == html.components(separatedBy: "</\(tag)>").count,
          "\(language): <\(tag)> unbalanced")
      }
      #expect(html.components(separatedBy: "<section").count - 1 == 10)
      #expect(html.components(separatedBy: "<style>").count - 1 == 1)
    }
    let chinese = try space.gj(["report", "meeting-pack", "--year", "2019", "--lang", "zh"]).stdout
    #expect(chinese.contains("<title>2019年欧阳路街道区域化党建工作联席会议材料</title>"))
    #expect(chinese.contains("罗英华（党委书记）"))
    #expect(chinese.contains("数据来源："))
  }

  @Test func aRegistryWithoutTheListsSaysSoInTheirSection() throws {
    let space = Workspace()
    try FileManager.default.copyItem(
      atPath: DistrictFixtures.path("registry-0002.sqlite"), toPath: space.file("older.sqlite"))
    let before = try Data(contentsOf: URL(fileURLWithPath: space.file("older.sqlite")))
    let result = try space.run(["report", "meeting-pack", "--year", "2019", "--db", space.file("older.sqlite")])
    try #require(result.status == 0, "\(result)")
    let page = PackPage(result.stdout)
    #expect(page.sections.count == 10)
    let lists = try #require(page["lists"])
    #expect(lists.tables.isEmpty)
    #expect(lists.summary == ["This registry keeps no lists of resources, needs or projects."])
    #expect(!lists.commands.isEmpty)
    // Read as it is: not migrated, not a byte changed, nothing left beside it.
    #expect(try Data(contentsOf: URL(fileURLWithPath: space.file("older.sqlite"))) == before)
    #expect(!FileManager.default.fileExists(atPath: space.file("older.sqlite-wal")))
  }

  @Test func theWorkbookHasASheetPerSection() throws {
    let space = try Self.demo()
    let result = try space.gj(["report", "meeting-pack", "--year", "2019", "-o", "pack.xlsx"])
    try #require(result.status == 0, "\(result)")
    #expect(result.stdout.isEmpty && result.stderr.contains("pack.xlsx"))
    let archive = try Archive(url: URL(fileURLWithPath: space.file("pack.xlsx")), accessMode: .read)
    func part(_ name: String) throws -> String {
      let entry = try #require(archive[name], "no \(name)")
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }
      return String(decoding: data, as: UTF8.self)
    }
    let workbook = try part("xl/workbook.xml")
    let names = workbook.matches(of: #/<sheet name="([^"]*)"/#).map { String($0.output.1) }
    #expect(
      names == [
        "About", "Growth", "Joined", "Left", "Working groups", "Agreements expiring", "Lists and projects",
        "Topics and decisions",
        "Attendance", "Follow-up tasks", "Idle units",
      ])
    // Every sheet is well-formed XML; figures are numbers, days are dates.
    for index in 1...names.count {
      let sheet = try part("xl/worksheets/sheet\(index).xml")
      #expect(XMLParser(data: Data(sheet.utf8)).parse(), "sheet \(index)")
    }
    let attendance = try part("xl/worksheets/sheet9.xml")
    #expect(attendance.contains("<c r=\"E2\"><v>1</v></c>"), "the first unit's meetings are a number")
    #expect(attendance.contains("Reproduce with: gongjian meeting attendance --year 2019"))
    let index = try part("xl/worksheets/sheet1.xml")
    #expect(index.contains("gongjian followup list --year 2019 --today 2019-12-31"))
    let growth = try part("xl/worksheets/sheet2.xml")
    #expect(growth.contains("<v>43</v>"))
  }
}
