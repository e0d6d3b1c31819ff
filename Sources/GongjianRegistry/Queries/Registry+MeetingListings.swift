import SQLite

extension Registry {
  /// Topics are due this many days before their meeting, by custom.
  public static let topicNoticeDays = 15

  /// Whether meetings can be read here (a registry from before them has no such tables).
  func hasMeetings() throws -> Bool { try hasTable("followup_update") }

  // MARK: - Finding what a person named

  /// Finds the meeting a person named: an id (`3` or `#3`), a day (any form a date may be
  /// typed in: 2019-06-27, 2019年6月27日…), or a unique part of its title.
  public func resolveMeeting(_ text: String) throws -> MeetingReference {
    try read { try lookupMeeting(text) }
  }

  /// Finds a decision by its id or a unique part of its text.
  public func resolveDecision(_ text: String) throws -> DecisionReference {
    try read {
      let found = try lookupRecord(text, kind: .decision)
      guard let decision = try decisionReference(DecisionID(found.id)) else {
        throw Refusal.meetings(.noSuchRecord(.decision, text: text))
      }
      return decision
    }
  }

  /// Finds a follow-up task by its id or a unique part of its text.
  public func resolveFollowup(_ text: String) throws -> FollowupReference {
    try read {
      let found = try lookupRecord(text, kind: .followup)
      return FollowupReference(id: FollowupID(found.id), text: found.name)
    }
  }

  func lookupMeeting(_ query: String) throws -> MeetingReference {
    let text = String(String.UnicodeScalarView(query.unicodeScalars.filter { !$0.properties.isWhitespace }))
    guard !text.isEmpty else { throw Refusal.meetings(.emptyReference(.meeting)) }
    guard try hasMeetings() else { throw Refusal.meetings(.noSuchMeeting(text: query, suggestions: [])) }
    if let id = Registry.parseID(text) {
      if let found = try meetingReferences(where: "m.id = \(id)").first { return found }
      if text.hasPrefix("#") || text.hasPrefix("＃") {
        throw Refusal.meetings(.noSuchMeeting(text: query, suggestions: try latestMeetings()))
      }
    }
    if case .success(let day) = DayParser.parse(text, today: today) {
      let found = try meetingReferences(where: "m.held_on = \(day.iso)")
      if found.count == 1 { return found[0] }
      if found.count > 1 { throw Refusal.meetings(.ambiguousMeeting(text: query, candidates: found, more: false)) }
      throw Refusal.meetings(.noSuchMeeting(text: query, suggestions: try meetingsNear(day)))
    }
    let key = NameKey.make(query)
    guard !key.isEmpty, key.unicodeScalars.count <= TextInput.maxNameLength else {
      throw Refusal.meetings(.noSuchMeeting(text: query, suggestions: try latestMeetings()))
    }
    let exact = try meetingReferences(where: "m.title_key = \(key)")
    if exact.count == 1 { return exact[0] }
    let matches =
      exact.count > 1 ? exact : try meetingReferences(where: "instr(m.title_key, \(key)) > 0", limit: 21)
    if matches.count == 1 { return matches[0] }
    if matches.count > 1 {
      throw Refusal.meetings(
        .ambiguousMeeting(text: query, candidates: Array(matches.prefix(20)), more: matches.count > 20))
    }
    throw Refusal.meetings(.noSuchMeeting(text: query, suggestions: try latestMeetings()))
  }

  /// The five meetings nearest a day, nearest first.
  private func meetingsNear(_ day: Day) throws -> [MeetingReference] {
    let all = try meetingReferences(where: "1")
    return Array(
      all.sorted {
        (abs($0.heldOn.daysSinceEpoch - day.daysSinceEpoch), $0.id.rawValue)
          < (abs($1.heldOn.daysSinceEpoch - day.daysSinceEpoch), $1.id.rawValue)
      }.prefix(5))
  }

  /// The five latest meetings, latest first.
  private func latestMeetings() throws -> [MeetingReference] {
    Array(try meetingReferences(where: "1").reversed().prefix(5))
  }

  /// Finds a decision or task by id or a unique part of its text: its id and its text.
  private func lookupRecord(_ query: String, kind: MeetingRecordKind) throws -> Candidate {
    let text = String(String.UnicodeScalarView(query.unicodeScalars.filter { !$0.properties.isWhitespace }))
    guard !text.isEmpty else { throw Refusal.meetings(.emptyReference(kind)) }
    guard try hasMeetings() else { throw Refusal.meetings(.noSuchRecord(kind, text: query)) }
    let table = kind == .decision ? "meeting_decision" : "followup"
    if let id = Registry.parseID(text) {
      let statement = try db.prepare(sql: "SELECT id, text FROM \(identifier: table) WHERE id = \(id)")
      if try statement.step() { return Candidate(id: try statement.required(0), name: try statement.required(1)) }
      throw Refusal.meetings(.noSuchRecord(kind, text: query))
    }
    // Texts have no stored key: compared by the same key as names, made here.
    let key = NameKey.make(query)
    var matches: [Candidate] = []
    let statement = try db.prepare(sql: "SELECT id, text FROM \(identifier: table) ORDER BY id")
    while try statement.step() {
      let candidate: String = try statement.required(1)
      if NameKey.make(candidate).contains(key) {
        matches.append(Candidate(id: try statement.required(0), name: candidate))
        if matches.count > 20 { break }
      }
    }
    if matches.count == 1 { return matches[0] }
    if matches.isEmpty || key.isEmpty { throw Refusal.meetings(.noSuchRecord(kind, text: query)) }
    throw Refusal.meetings(
      .ambiguousRecord(kind, text: query, candidates: Array(matches.prefix(20)), more: matches.count > 20))
  }

  func meetingReferences(where condition: SQL, limit: Int = 100_000) throws -> [MeetingReference] {
    let statement = try db.prepare(
      sql:
        "SELECT m.id, m.title, m.held_on FROM meeting AS m WHERE \(condition) ORDER BY m.held_on, m.id LIMIT \(limit)")
    var result: [MeetingReference] = []
    while try statement.step() {
      result.append(
        MeetingReference(
          id: MeetingID(try statement.required(0)), title: try statement.required(1), heldOn: try day(statement, 2)))
    }
    return result
  }

  func meetingReference(_ id: MeetingID) throws -> MeetingReference {
    guard let found = try meetingReferences(where: "m.id = \(id.rawValue)").first else {
      throw Refusal.meetings(.noSuchMeeting(text: "#\(id.rawValue)", suggestions: []))
    }
    return found
  }

  func decisionReference(_ id: DecisionID) throws -> DecisionReference? {
    let statement = try db.prepare(
      sql: """
        SELECT d.id, d.text, m.id, m.title, m.held_on FROM meeting_decision AS d
        JOIN meeting AS m ON m.id = d.meeting_id WHERE d.id = \(id.rawValue)
        """)
    guard try statement.step() else { return nil }
    return DecisionReference(
      id: DecisionID(try statement.required(0)), text: try statement.required(1),
      meeting: MeetingReference(
        id: MeetingID(try statement.required(2)), title: try statement.required(3), heldOn: try day(statement, 4)))
  }

  // MARK: - Listings

  /// The meetings, oldest first; one year's when `year` is given.
  public func meetings(year: Int? = nil) throws -> [MeetingSummary] {
    try read {
      guard try hasMeetings() else { return [] }
      var condition: SQL = "1"
      if let year { condition = "m.held_on BETWEEN \(try yearStart(year).iso) AND \(try yearEnd(year).iso)" }
      return try meetingSummaries(where: condition)
    }
  }

  func meetingSummaries(where condition: SQL) throws -> [MeetingSummary] {
    let statement = try db.prepare(
      sql: """
        SELECT m.id, m.title, m.held_on, m.place, m.chair, m.recorder,
          (SELECT count(*) FROM meeting_attendance AS a WHERE a.meeting_id = m.id AND a.status = 'present'),
          (SELECT count(*) FROM meeting_attendance AS a WHERE a.meeting_id = m.id AND a.status = 'excused'),
          (SELECT count(*) FROM meeting_attendance AS a WHERE a.meeting_id = m.id AND a.status = 'absent'),
          (SELECT count(*) FROM meeting_topic AS t WHERE t.meeting_id = m.id),
          (SELECT count(*) FROM meeting_decision AS d WHERE d.meeting_id = m.id),
          (SELECT count(*) FROM followup AS f JOIN meeting_decision AS d ON d.id = f.decision_id
           WHERE d.meeting_id = m.id)
        FROM meeting AS m WHERE \(condition) ORDER BY m.held_on, m.id
        """)
    var result: [MeetingSummary] = []
    while try statement.step() {
      result.append(
        MeetingSummary(
          reference: MeetingReference(
            id: MeetingID(try statement.required(0)), title: try statement.required(1), heldOn: try day(statement, 2)),
          place: try statement.column(3), chair: try statement.column(4), recorder: try statement.column(5),
          present: try statement.required(6), excused: try statement.required(7), absent: try statement.required(8),
          topics: try statement.required(9), decisions: try statement.required(10),
          followups: try statement.required(11)))
    }
    return result
  }

  /// Everything about one meeting: who came, the topics, the decisions with the tasks they
  /// gave, and the tasks of earlier meetings it hears about.
  public func meetingDetail(_ id: MeetingID) throws -> MeetingDetail {
    try read { try loadMeetingDetail(id, followupsOn: today) }
  }

  func loadMeetingDetail(_ id: MeetingID, followupsOn statusDay: Day) throws -> MeetingDetail {
    guard let summary = try meetingSummaries(where: "m.id = \(id.rawValue)").first else {
      throw Refusal.meetings(.noSuchMeeting(text: "#\(id.rawValue)", suggestions: []))
    }
    let heldOn = summary.heldOn
    var attendance: [Attendance] = []
    let attended = try db.prepare(
      sql: """
        SELECT a.unit_id, u.name, a.status FROM meeting_attendance AS a JOIN unit AS u ON u.id = a.unit_id
        WHERE a.meeting_id = \(id.rawValue)
        ORDER BY CASE a.status WHEN 'present' THEN 0 WHEN 'excused' THEN 1 ELSE 2 END, a.unit_id
        """)
    while try attended.step() {
      attendance.append(
        Attendance(
          unit: UnitReference(id: UnitID(try attended.required(0)), name: try attended.required(1)),
          status: AttendanceStatus(rawValue: try attended.required(2)) ?? .absent))
    }
    let due = heldOn.adding(days: -Registry.topicNoticeDays) ?? heldOn
    let topics = try meetingTopics(where: "t.meeting_id = \(id.rawValue)", due: { _ in due })
    var decisions: [Decision] = []
    let decided = try db.prepare(
      sql: "SELECT id, text, kind FROM meeting_decision WHERE meeting_id = \(id.rawValue) ORDER BY id")
    while try decided.step() {
      decisions.append(
        Decision(
          id: DecisionID(try decided.required(0)), text: try decided.required(1),
          kind: DecisionKind(rawValue: try decided.required(2)) ?? .other))
    }
    let given = try followups(where: "d.meeting_id = \(id.rawValue)", on: statusDay)
    var carried: [Followup] = []
    if let previous = try db.scalar(
      String.self, sql: "SELECT max(held_on) FROM meeting WHERE held_on < \(heldOn.iso)"
    ).flatMap(Day.init(iso:)) {
      // Reported here: every task of an earlier meeting that was still open at the previous
      // meeting, and every task the previous meeting gave; with its status on this day.
      carried = try followups(
        where: """
          m.held_on < \(heldOn.iso)
          AND (m.held_on = \(previous.iso) OR \(Registry.followupStatus(on: previous, alias: "f")) = 'open')
          """, on: heldOn)
    }
    return MeetingDetail(
      summary: summary, attendance: attendance, topics: topics, decisions: decisions, followups: given,
      carried: carried, topicsDue: due)
  }

  func meetingTopics(where condition: SQL, due: (MeetingID) -> Day) throws -> [Topic] {
    let statement = try db.prepare(
      sql: """
        SELECT t.id, t.text, t.unit_id, u.name, t.raised_on, t.meeting_id FROM meeting_topic AS t
        LEFT JOIN unit AS u ON u.id = t.unit_id WHERE \(condition) ORDER BY t.raised_on, t.id
        """)
    var topics: [Topic] = []
    while try statement.step() {
      let unitID: Int? = try statement.column(2)
      let raised = try day(statement, 4)
      let dueBy = due(MeetingID(try statement.required(5)))
      topics.append(
        Topic(
          id: try statement.required(0), text: try statement.required(1),
          by: try unitID.map { UnitReference(id: UnitID($0), name: try statement.required(3)) }, raisedOn: raised,
          daysLate: raised > dueBy ? raised.daysSinceEpoch - dueBy.daysSinceEpoch : nil))
    }
    return topics
  }

  /// A task's status on `day`: that of its latest report on or before the day, else open.
  static func followupStatus(on day: Day, alias: String) -> SQL {
    """
    coalesce((SELECT r.status FROM followup_update AS r WHERE r.followup_id = \(identifier: alias).id
      AND r.updated_on <= \(day.iso) ORDER BY r.updated_on DESC, r.id DESC LIMIT 1), 'open')
    """
  }

  /// Follow-up tasks with their status on `day`, in the order of their meetings and decisions.
  func followups(where condition: SQL, on day: Day) throws -> [Followup] {
    let statement = try db.prepare(
      sql: """
        SELECT f.id, f.text, d.id, d.text, m.id, m.title, m.held_on, f.unit_id, u.name, f.due_on,
          r.status, r.updated_on, r.note
        FROM followup AS f
        JOIN meeting_decision AS d ON d.id = f.decision_id
        JOIN meeting AS m ON m.id = d.meeting_id
        JOIN unit AS u ON u.id = f.unit_id
        LEFT JOIN followup_update AS r ON r.id = (
          SELECT r2.id FROM followup_update AS r2 WHERE r2.followup_id = f.id AND r2.updated_on <= \(day.iso)
          ORDER BY r2.updated_on DESC, r2.id DESC LIMIT 1)
        WHERE \(condition)
        ORDER BY m.held_on, m.id, d.id, f.id
        """)
    var result: [Followup] = []
    while try statement.step() {
      let status = FollowupStatus(rawValue: try statement.column(10) ?? "open") ?? .open
      let due = try self.day(statement, 9)
      result.append(
        Followup(
          id: FollowupID(try statement.required(0)), text: try statement.required(1),
          decision: DecisionReference(
            id: DecisionID(try statement.required(2)), text: try statement.required(3),
            meeting: MeetingReference(
              id: MeetingID(try statement.required(4)), title: try statement.required(5),
              heldOn: try self.day(statement, 6))),
          unit: UnitReference(id: UnitID(try statement.required(7)), name: try statement.required(8)), dueOn: due,
          status: status, statusOn: try optionalDay(statement, 11), note: try statement.column(12),
          overdue: status == .open && due < day))
    }
    return result
  }

  /// Follow-up tasks with their status today: every task of the meetings held so far, or one
  /// year's (`yearFollowups`); only the open ones when `openOnly`.
  public func followupList(year: Int? = nil, openOnly: Bool = false) throws -> [Followup] {
    try read {
      guard try hasMeetings() else { return [] }
      var condition = try yearFollowupCondition(year: year, asOf: today)
      if openOnly { condition += " AND " + Registry.followupStatus(on: today, alias: "f") + " = 'open'" }
      return try followups(where: condition, on: today)
    }
  }

  /// The tasks that belong to a year as of `asOf`: given by the year's meetings held by then,
  /// and given by earlier meetings and still open when the year began. Without a year: every
  /// task of the meetings held by `asOf`.
  func yearFollowupCondition(year: Int?, asOf: Day) throws -> SQL {
    guard let year else { return "m.held_on <= \(asOf.iso)" }
    let start = try yearStart(year)
    let end = min(try yearEnd(year), asOf)
    var condition: SQL = "(m.held_on BETWEEN \(start.iso) AND \(end.iso)"
    if let eve = start.adding(days: -1) {
      condition += " OR (m.held_on < \(start.iso) AND " + Registry.followupStatus(on: eve, alias: "f") + " = 'open')"
    }
    return condition + ")"
  }

  /// Every report on a task, oldest first.
  public func followupReports(_ id: FollowupID) throws -> [FollowupReport] {
    try read { try loadFollowupReports(id) }
  }

  func loadFollowupReports(_ id: FollowupID) throws -> [FollowupReport] {
    let statement = try db.prepare(
      sql: """
        SELECT id, status, updated_on, note FROM followup_update WHERE followup_id = \(id.rawValue)
        ORDER BY updated_on, id
        """)
    var reports: [FollowupReport] = []
    while try statement.step() {
      reports.append(
        FollowupReport(
          id: try statement.required(0), status: FollowupStatus(rawValue: try statement.required(1)) ?? .open,
          on: try day(statement, 2), note: try statement.column(3)))
    }
    return reports
  }

  // MARK: - The units' part in a year's meetings

  /// Every unit in the alliance at some time in `year` with its part in the year's meetings:
  /// attendance at each, topics raised, tasks it is responsible for. Counted up to the year's
  /// last day, or today in the current year.
  public func participation(year: Int) throws -> ParticipationReport {
    guard year <= today.year else { throw Refusal.rangeInFuture(to: year, today: today) }
    return try read { try loadParticipation(year: year, asOf: min(try yearEnd(year), today)) }
  }

  func loadParticipation(year: Int, asOf: Day) throws -> ParticipationReport {
    let start = try yearStart(year)
    let hasMeetings = try hasMeetings()
    let meetings =
      hasMeetings ? try meetingReferences(where: "m.held_on BETWEEN \(start.iso) AND \(asOf.iso)") : []
    var periods: [Int: [(joined: Day, left: Day?)]] = [:]
    let periodRows = try db.prepare(
      sql: """
        SELECT unit_id, joined_on, left_on FROM membership
        WHERE joined_on <= \(asOf.iso) AND (left_on IS NULL OR left_on > \(start.iso)) ORDER BY unit_id, joined_on
        """)
    while try periodRows.step() {
      periods[try periodRows.required(0), default: []].append(
        (try day(periodRows, 1), try optionalDay(periodRows, 2)))
    }
    var statuses: [Int: [MeetingID: AttendanceStatus]] = [:]
    var topics: [Int: Int] = [:]
    var tasks: [Int: Int] = [:]
    if hasMeetings {
      let attendance = try db.prepare(
        sql: """
          SELECT a.unit_id, a.meeting_id, a.status FROM meeting_attendance AS a JOIN meeting AS m ON m.id = a.meeting_id
          WHERE m.held_on BETWEEN \(start.iso) AND \(asOf.iso)
          """)
      while try attendance.step() {
        statuses[try attendance.required(0), default: [:]][MeetingID(try attendance.required(1))] =
          AttendanceStatus(rawValue: try attendance.required(2))
      }
      let raised = try db.prepare(
        sql: """
          SELECT t.unit_id, count(*) FROM meeting_topic AS t JOIN meeting AS m ON m.id = t.meeting_id
          WHERE t.unit_id IS NOT NULL AND m.held_on BETWEEN \(start.iso) AND \(try yearEnd(year).iso)
            AND t.raised_on <= \(asOf.iso)
          GROUP BY t.unit_id
          """)
      while try raised.step() { topics[try raised.required(0)] = try raised.required(1) }
      let given = try db.prepare(
        sql: """
          SELECT f.unit_id, count(*) FROM followup AS f
          JOIN meeting_decision AS d ON d.id = f.decision_id JOIN meeting AS m ON m.id = d.meeting_id
          WHERE \(try yearFollowupCondition(year: year, asOf: asOf)) GROUP BY f.unit_id
          """)
      while try given.step() { tasks[try given.required(0)] = try given.required(1) }
    }
    var rows: [UnitParticipation] = []
    let units = try db.prepare(
      sql: """
        SELECT u.id, u.name, u.kind FROM unit AS u
        WHERE EXISTS (SELECT 1 FROM membership AS p WHERE p.unit_id = u.id AND p.joined_on <= \(asOf.iso)
          AND (p.left_on IS NULL OR p.left_on > \(start.iso)))
        ORDER BY u.id
        """)
    while try units.step() {
      let id: Int = try units.required(0)
      let unitPeriods = periods[id] ?? []
      let recorded = statuses[id] ?? [:]
      var row = UnitParticipation(
        unit: UnitReference(id: UnitID(id), name: try units.required(1)), kind: try units.required(2), meetings: 0,
        present: 0, excused: 0, absent: 0, unrecorded: 0, topics: topics[id] ?? 0, followups: tasks[id] ?? 0,
        statuses: [])
      for meeting in meetings {
        let inAlliance = unitPeriods.contains {
          ActivePeriods.contains(meeting.heldOn, joinedOn: $0.joined, leftOn: $0.left)
        }
        let status = recorded[meeting.id]
        row.statuses.append(status)
        if inAlliance { row.meetings += 1 }
        switch status {
        case .present: row.present += 1
        case .excused: row.excused += 1
        case .absent: row.absent += 1
        case nil: if inAlliance { row.unrecorded += 1 }
        }
      }
      rows.append(row)
    }
    return ParticipationReport(year: year, asOf: asOf, meetings: meetings, rows: rows)
  }
}
