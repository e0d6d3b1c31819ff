import Foundation
import SQLite
import Testing
import ZIPFoundation

// End to end through the built binary: joint meetings, their attendance, topics, decisions and
// follow-up tasks, and the meeting pack. Values and statuses, not wording.

extension Workspace {
  /// A registry for meetings: 1 上海长远文化(集团)有限公司 (since 2016-03-01, lead of 文明共创),
  /// 2 复旦大学外文学院 (joined 2019-06-27, the meeting's day), 3 虹口区房管局 (2016-05-01 –
  /// 2019-01-31), 4 邮储银行虹口区支行 (joined 2019-09-20); the meeting 2019年联席会议 on
  /// 2019-06-27 (#1).
  static func withMeeting() throws -> Workspace {
    let space = Workspace()
    try space.initRegistry(["--subdistrict", "欧阳路街道", "--district", "虹口区"])
    try space.ok("group", "add", "文明共创", "--established", "2016-01-01")
    try space.ok(
      "register", "上海长远文化(集团)有限公司", "--joined", "2016-03-01", "--kind", "国有企业", "--group", "文明共创", "--lead")
    try space.ok(
      "register", "复旦大学外文学院", "--joined", "2019-06-27", "--kind", "高校", "--signatory", "罗英华", "--signatory-title",
      "党委书记")
    try space.ok("register", "虹口区房管局", "--joined", "2016-05-01", "--kind", "党政机关")
    try space.ok("withdraw", "房管局", "--on", "2019-01-31", "--reason", "机构改革")
    try space.ok("register", "邮储银行虹口区支行", "--joined", "2019-09-20", "--kind", "金融机构")
    try space.ok("meeting", "add", "2019年联席会议", "--on", "2019-06-27", "--place", "党群服务中心")
    return space
  }

  /// `meeting show M --format json` as an object.
  func meeting(_ name: String, today: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [String: Any]
  {
    let result = try gj(
      ["meeting", "show", name, "--format", "json"], environment: today.map { ["GONGJIAN_TODAY": $0] } ?? [:])
    try #require(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], sourceLocation: sourceLocation
    )
  }

  /// A listing's JSON rows.
  func rows(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
    let result = try gj(arguments + ["--format", "json"])
    try #require(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
      sourceLocation: sourceLocation)
  }
}

/// The ids and statuses of a list of follow-up objects, as "id:status".
private func states(_ value: Any?) -> [String] {
  ((value as? [[String: Any]]) ?? []).map { "\($0["id"] as? Int ?? -1):\($0["status"] as? String ?? "?")" }
}

// MARK: - The rules

@Suite struct MeetingRuleTests {
  @Test func attendanceOnlyForUnitsInTheAllianceOnTheMeetingDay() throws {
    let space = try Workspace.withMeeting()
    // In the alliance that day: a unit of long standing, and one that joined on the very day.
    try space.ok("meeting", "attend", "2019-06-27", "长远文化", "复旦", "--as", "present")
    try expectRefusals(
      [
        // Left before the meeting: its id, name, the day it left and the meeting's day.
        Refusal(
          ["meeting", "attend", "2019-06-27", "房管局", "--as", "present"], 1, "#3 虹口区房管局", "2019-01-31",
          "2019-06-27"),
        // Joined after it.
        Refusal(["meeting", "attend", "2019-06-27", "邮储", "--as", "absent"], 1, "#4 邮储银行虹口区支行", "2019-06-27"),
        // Several units: all or nothing.
        Refusal(["meeting", "attend", "1", "长远文化", "邮储", "--as", "excused"], 1, "#4 邮储银行虹口区支行"),
        // The rule holds afterwards too: no withdrawal or correction that leaves a record of a
        // meeting on a day the unit was not in the alliance, no removal of a unit with records.
        Refusal(["withdraw", "长远文化", "--on", "2019-05-01"], 1, "#1", "2019-06-27"),
        Refusal(["edit", "复旦", "--joined", "2019-07-01"], 1, "#2", "2019-06-27"),
        Refusal(["remove", "复旦", "--yes"], 1, "#2 复旦大学外文学院"),
      ], in: space)
    let meeting = try space.meeting("2019-06-27")
    let attendance = try #require(meeting["attendance"] as? [[String: Any]])
    #expect(
      attendance.map { "\($0["unit_id"] as? Int ?? 0):\($0["status"] as? String ?? "")" } == ["1:present", "2:present"])
    #expect(attendance.map { $0["unit"] as? String } == ["上海长远文化(集团)有限公司", "复旦大学外文学院"])
    // A status recorded again changes; Chinese words are read too.
    try space.ok("meeting", "attend", "2019年联席会议", "复旦", "--as", "请假")
    let changed = try #require(try space.meeting("1")["attendance"] as? [[String: Any]])
    #expect(changed.map { $0["status"] as? String } == ["present", "excused"])
    // Leaving after the meeting is fine, and `check` finds every record in order.
    try space.ok("withdraw", "长远文化", "--on", "2019-06-28")
    let check = try space.gj(["check"])
    #expect(check.status == 0, "\(check)")
  }

  @Test func attendanceAndDecisionsWaitForTheMeetingButTopicsDoNot() throws {
    let space = try Workspace.withMeeting()
    try space.ok("meeting", "add", "2027年联席会议", "--on", "2027-03-01")
    try expectRefusals(
      [
        Refusal(["meeting", "attend", "2027", "长远文化", "--as", "present"], 1, "2027-03-01", "2026-11-27"),
        Refusal(["meeting", "decide", "2027", "决议"], 1, "2027-03-01", "2026-11-27"),
      ], in: space)
    // Topics are collected before a meeting: on time (15 days before) without a warning…
    let onTime = try space.gj(["meeting", "topic", "2027", "议题一", "--by", "长远文化"])
    #expect(onTime.status == 0 && onTime.stderr.isEmpty, "\(onTime)")
    // …later with one that names the due day, and recorded all the same.
    let lateTopic = try space.gj(
      ["meeting", "topic", "2019-06-27", "迟到的议题", "--by", "复旦", "--on", "2019-06-20"])
    #expect(lateTopic.status == 0, "\(lateTopic)")
    #expect(lateTopic.stderr.contains("2019-06-12") && lateTopic.stderr.contains("2019-06-20"), "\(lateTopic)")
    let topics = try #require(try space.meeting("2019-06-27")["topics"] as? [[String: Any]])
    #expect(topics.map { $0["days_late"] as? Int } == [8])
    #expect(topics.map { $0["by"] as? String } == ["复旦大学外文学院"])
    #expect(try space.meeting("2019-06-27")["topics_due"] as? String == "2019-06-12")
  }

  @Test func followUpsAreCarriedToEveryMeetingUntilDone() throws {
    let space = try Workspace.withMeeting()
    for (title, day) in [
      ("一", "2019-03-01"), ("三", "2019-09-30"), ("四", "2019-12-20"), ("五", "2020-03-01"), ("六", "2020-06-01"),
    ] {
      try space.ok("meeting", "add", "第\(title)次会议", "--on", day)
    }
    try space.ok("meeting", "decide", "2019-03-01", "决议甲", "--kind", "projects")
    try space.ok("followup", "add", "1", "事项一", "--unit", "长远文化", "--due", "2019-08-31")
    try space.ok("followup", "add", "决议甲", "事项二", "--unit", "长远文化", "--due", "2019-12-31")
    try space.ok("meeting", "decide", "2019-06-27", "决议乙")
    try space.ok("followup", "add", "2", "事项三", "--unit", "复旦", "--due", "2019-09-01")
    try space.ok("followup", "update", "1", "--status", "done", "--on", "2019-07-15")
    try space.ok("followup", "update", "事项三", "--status", "done", "--on", "2019-09-30")
    try space.ok("followup", "update", "2", "--status", "open", "--on", "2019-10-01", "--note", "进行中")
    try space.ok("followup", "update", "2", "--status", "done", "--on", "2019-12-25")
    // The first meeting hears nothing; the next hears both tasks, open; the third hears the
    // first done (it was open at the previous meeting), the second still open, and the task the
    // previous meeting gave, done on the day; the fourth only the one still open at the third.
    let carried = try ["2019-03-01", "2019-06-27", "2019-09-30", "2019-12-20", "2020-03-01", "2020-06-01"].map {
      states(try space.meeting($0)["carried_followups"])
    }
    #expect(
      carried == [[], ["1:open", "2:open"], ["1:done", "2:open", "3:done"], ["2:open"], ["2:done"], []])
    // The year's tasks, with their status on a day: 2019's three, on the last day of 2019…
    let year = try space.rows(["followup", "list", "--year", "2019", "--today", "2019-12-31"])
    #expect(year.map { "\($0["id"] as? Int ?? 0):\($0["status"] as? String ?? "")" } == ["1:done", "2:done", "3:done"])
    // …and on 2019-11-01, when the second was open (and not yet due), the third done.
    let before = try space.rows(["followup", "list", "--open", "--today", "2019-11-01"])
    #expect(before.map { $0["id"] as? Int } == [2])
    #expect(before.first?["decision"] as? Int == 1 && before.first?["due_on"] as? String == "2019-12-31")
    #expect(before.first?["overdue"] as? Bool == false && before.first?["note"] as? String == "进行中")
    // None of them carried into 2020: all were done by its first day.
    #expect(try space.rows(["followup", "list", "--year", "2020"]).isEmpty)
  }

  @Test func everyChangeIsInTheHistoryAndUndoTakesItBack() throws {
    let space = try Workspace.withMeeting()
    let before = try space.dump()
    try space.ok("meeting", "attend", "2019-06-27", "长远文化", "--as", "present")
    let afterAttendance = try space.dump()
    try space.ok("meeting", "attend", "2019-06-27", "长远文化", "--as", "absent")
    try space.ok("meeting", "topic", "2019-06-27", "议题", "--on", "2019-06-01")
    try space.ok("meeting", "decide", "2019-06-27", "决议", "--kind", "members")
    try space.ok("followup", "add", "1", "事项", "--unit", "复旦", "--due", "2019-12-31")
    try space.ok("followup", "update", "1", "--status", "done", "--on", "2019-10-01")
    let history = try space.rows(["history"])
    let actions = history.compactMap { $0["action"] as? String }
    #expect(
      Array(actions.suffix(7)) == [
        "meeting add", "meeting attend", "meeting attend", "meeting topic", "meeting decide", "followup add",
        "followup update",
      ])
    // The attendance entries are the unit's history too.
    let unit = try space.rows(["history", "长远文化"]).compactMap { $0["action"] as? String }
    #expect(unit.filter { $0 == "meeting attend" }.count == 2)
    // Undone latest first, one command at a time, back to where it began.
    for _ in 0..<5 { try space.ok("undo", "--yes") }
    #expect(try stripHistory(space.dump()) == stripHistory(afterAttendance))
    try space.ok("undo", "--yes")
    #expect(try stripHistory(space.dump()) == stripHistory(before))
    // The meeting itself is undone last.
    try space.ok("undo", "--yes")
    #expect(try space.rows(["meeting", "list"]).isEmpty)
  }

  @Test func aRegistryFromBeforeMeetingsIsReadAsItIs() throws {
    let space = try Workspace.withMeeting()
    // Take the registry back to the schema before meetings: their tables gone, the version one
    // lower. (Only when meetings are the latest migration can a write then bring them back.)
    let db = try Connection(path: space.registry, mode: .readWrite)
    let version = try #require(
      try db.scalar(Int.self, "SELECT version FROM schema_migration WHERE name LIKE '%meetings%'"))
    let latest = try #require(try db.scalar(Int.self, "PRAGMA user_version"))
    for table in ["followup_update", "followup", "meeting_decision", "meeting_topic", "meeting_attendance", "meeting"] {
      try db.execute("DROP TABLE \(table)")
    }
    try db.execute("DELETE FROM history WHERE action LIKE 'meeting%'")
    try db.execute("DELETE FROM schema_migration WHERE version >= \(version)")
    try db.execute("PRAGMA user_version = \(version - 1)")
    try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    let bytes = space.bytes(space.registry)
    #expect(try space.rows(["meeting", "list"]).isEmpty)
    #expect(try space.rows(["followup", "list", "--year", "2019"]).isEmpty)
    let idle = try space.rows(["meeting", "attendance", "--year", "2019"])
    // No meeting held, none to attend: no unit is idle for it.
    #expect(idle.count == 4 && idle.allSatisfy { $0["idle"] as? Bool == false && $0["meetings"] as? Int == 0 })
    let pack = try space.gj(["report", "meeting-pack", "--year", "2019"])
    #expect(pack.status == 0 && pack.stdout.contains("<section"), "\(pack)")
    #expect(space.bytes(space.registry) == bytes, "a read command changed an older registry")
    if version == latest {
      try space.ok("meeting", "add", "会议", "--on", "2019-06-27")
      #expect(try space.rows(["meeting", "list"]).count == 1)
    }
  }
}

/// A dump without the history table, whose undo entries are the one thing an undo adds.
private func stripHistory(_ dump: String) -> String {
  var kept: [Substring] = []
  var skipping = false
  for line in dump.split(separator: "\n", omittingEmptySubsequences: false) {
    if line.hasPrefix("## ") { skipping = line == "## history" }
    if !skipping { kept.append(line) }
  }
  return kept.joined(separator: "\n")
}

// MARK: - Refusals

@Suite struct MeetingRefusalTests {
  @Test func everyMeetingCommandRefusesBadInput() throws {
    let space = try Workspace.withMeeting()
    try space.ok("meeting", "attend", "2019-06-27", "长远文化", "--as", "present")
    try space.ok("meeting", "decide", "2019-06-27", "决议甲")
    try space.ok("followup", "add", "1", "事项甲", "--unit", "长远文化", "--due", "2019-12-31")
    try space.ok("followup", "update", "1", "--status", "done", "--on", "2019-08-01")
    try space.ok("meeting", "add", "2019年联席会议（补充）", "--on", "2019-06-27")
    try expectRefusals(
      [
        // meeting add
        Refusal(["meeting", "add", "2019年联席会议", "--on", "2019-06-27"], 1, "#1", "2019-06-27"),
        Refusal(["meeting", "add", "会议", "--on", "2019-02-30"], 65, "--on", "2019-02-30"),
        Refusal(["meeting", "add", "", "--on", "2019-06-27"], 65, "TITLE"),
        Refusal(["meeting", "add", "会\u{7}议", "--on", "2019-06-27"], 65, "TITLE", "U+0007"),
        Refusal(
          ["meeting", "add", "会议", "--on", "2019-06-27", "--place", String(repeating: "地", count: 201)], 65, "--place",
          "200"),
        .usage(["meeting", "add", "会议"], naming: "--on"),
        // meeting list
        Refusal(["meeting", "list", "--year", "1800"], 65, "--year", "1800"),
        .usage(["meeting", "list", "--format", "xml"], naming: "xml"),
        // meeting show: by id, day or title, refused when none or several match
        Refusal(["meeting", "show", "#9"], 1, "#9"),
        Refusal(["meeting", "show", "2019-06-28"], 1, "2019-06-28", "2019-06-27"),
        Refusal(["meeting", "show", "2019-06-27"], 1, "2019-06-27", "2019年联席会议（补充）"),
        Refusal(["meeting", "show", "联席会议"], 1, "联席会议", "2019年联席会议（补充）"),
        Refusal(["meeting", "show", "座谈会"], 1, "座谈会"),
        Refusal(["meeting", "show", " "], 64),
        .usage(["meeting", "show", "1", "--format", "csv"], naming: "csv"),
        // meeting attend
        .usage(["meeting", "attend", "1", "长远文化", "--as", "late"], naming: "late", "--as"),
        .usage(["meeting", "attend", "1", "--as", "present"], naming: "<unit>"),
        Refusal(["meeting", "attend", "1", "无此单位", "--as", "present"], 1, "无此单位"),
        Refusal(["meeting", "attend", "9", "长远文化", "--as", "present"], 1, "9"),
        // meeting topic
        Refusal(["meeting", "topic", "1", ""], 65, "TEXT"),
        Refusal(["meeting", "topic", "1", "议题", "--on", "2019-06-28"], 65, "--on", "2019-06-28", "2019-06-27"),
        Refusal(["meeting", "topic", "1", "议题"], 65, "--on", "2026-11-27", "2019-06-27"),
        Refusal(["meeting", "topic", "1", "议题", "--on", "2019-13-01"], 65, "--on", "2019-13-01"),
        Refusal(["meeting", "topic", "1", "议题", "--on", "2019-06-01", "--by", "房管局"], 1, "#3", "2019-01-31"),
        // meeting decide
        Refusal(["meeting", "decide", "1", " "], 65, "TEXT"),
        .usage(["meeting", "decide", "1", "决议", "--kind", "budget"], naming: "budget", "--kind"),
        // meeting attendance
        Refusal(["meeting", "attendance", "--year", "2031"], 64, "2031"),
        Refusal(["meeting", "attendance", "--year", "0"], 65, "--year"),
        // followup add
        Refusal(["followup", "add", "9", "事项", "--unit", "长远文化", "--due", "2019-12-31"], 1, "9"),
        Refusal(
          ["followup", "add", "1", "事项", "--unit", "长远文化", "--due", "2019-06-01"], 65, "--due", "2019-06-01",
          "2019-06-27"),
        Refusal(["followup", "add", "1", "事项", "--unit", "邮储", "--due", "2019-12-31"], 1, "#4", "2019-06-27"),
        Refusal(["followup", "add", "1", "", "--unit", "长远文化", "--due", "2019-12-31"], 65, "TEXT"),
        Refusal(["followup", "add", "1", "事项", "--unit", "长远文化", "--due", "2019/2/29"], 65, "--due", "2019/2/29"),
        .usage(["followup", "add", "1", "事项", "--due", "2019-12-31"], naming: "--unit"),
        // followup list
        Refusal(["followup", "list", "--year", "99999"], 65, "--year"),
        // followup update
        Refusal(["followup", "update", "1", "--status", "done"], 1, "#1", "2019-08-01"),
        Refusal(["followup", "update", "9", "--status", "done"], 1, "9"),
        Refusal(
          ["followup", "update", "1", "--status", "open", "--on", "2019-07-01"], 65, "--on", "2019-07-01", "2019-08-01"),
        Refusal(["followup", "update", "1", "--status", "open", "--on", "2019-06-01"], 65, "--on", "2019-06-27"),
        Refusal(["followup", "update", "1", "--status", "open", "--on", "2027-01-01"], 65, "--on", "2027-01-01"),
        .usage(["followup", "update", "1", "--status", "finished"], naming: "finished", "--status"),
        // report meeting-pack
        Refusal(["report", "meeting-pack", "--year", "2031"], 64, "2031"),
        Refusal(["report", "meeting-pack", "--year", "1066"], 65, "--year", "1066"),
        Refusal(["report", "meeting-pack", "--year", "2019", "--format", "xlsx"], 64, "-o"),
        Refusal(["report", "meeting-pack", "--year", "2019", "-o", "pack.pdf"], 64, ".pdf"),
        Refusal(["report", "meeting-pack", "--year", "2019", "-o", "registry.sqlite"], 64, ".sqlite"),
        Refusal(
          ["report", "meeting-pack", "--year", "2019", "--format", "html", "-o", "registry.sqlite"], 64,
          "registry.sqlite"),
        Refusal(
          ["report", "meeting-pack", "--year", "2019", "--format", "xlsx", "-o", "registry.sqlite"], 64,
          "registry.sqlite"),
        Refusal(["report", "meeting-pack", "--year", "2019", "-o", "no-such-folder/pack.xlsx"], 66, "no-such-folder"),
        .usage(["report", "meeting-pack"], naming: "--year"),
      ], in: space)
    // An open task with nothing new is refused; with a note it is progress.
    try space.ok("followup", "update", "1", "--status", "open", "--on", "2019-09-01")
    try expectRefusals([Refusal(["followup", "update", "1", "--status", "open"], 1, "#1", "--note")], in: space)
    try space.ok("followup", "update", "事项甲", "--status", "open", "--note", "进展")
    #expect(!space.exists("pack.xlsx") && !space.exists("pack.pdf"))
  }
}
