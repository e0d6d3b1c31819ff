import SQLite

extension TextInput {
  /// A required one-line text of up to a note's length (a topic, a decision, a task): line
  /// breaks and runs of spaces become one space, control characters are refused.
  static func requiredText(_ raw: String) -> Result<String, ValueProblem> {
    switch singleLine(raw, maxLength: maxNoteLength) {
    case .failure(let problem): return .failure(problem)
    case .success(let cleaned):
      guard !cleaned.isEmpty else { return .failure(raw.isEmpty ? .missing : .invisibleOnly(text: raw)) }
      return .success(cleaned)
    }
  }
}

extension Registry {
  // MARK: - Meetings

  /// Adds a joint meeting. Its day may lie ahead: topics are collected before a meeting.
  public func addMeeting(_ input: NewMeeting) throws -> MeetingReference {
    try write {
      var problems = Problems()
      let title = problems.take(TextInput.name(input.title), .meetingTitle)
      let place = problems.take(TextInput.optionalLine(input.place), .place) ?? nil
      let chair = problems.take(TextInput.optionalLine(input.chair), .chair) ?? nil
      let recorder = problems.take(TextInput.optionalLine(input.recorder), .recorder) ?? nil
      guard let title, problems.isEmpty else { throw Refusal.invalidValues(problems.list) }
      let key = NameKey.make(title)
      if let existing = try meetingReferences(where: "m.held_on = \(input.heldOn.iso) AND m.title_key = \(key)").first {
        throw Refusal.meetings(.meetingExists(existing))
      }
      try db.run(
        sql: """
          INSERT INTO meeting (title, title_key, held_on, place, chair, recorder, created_at)
          VALUES (\(title), \(key), \(input.heldOn.iso), \(place), \(chair), \(recorder), \(verbatimNow))
          """)
      let meeting = MeetingReference(id: MeetingID(Int(db.lastInsertRowID)), title: title, heldOn: input.heldOn)
      try record(
        .meetingAdd, entity: "meeting", entityID: meeting.id.rawValue, unit: nil, facts: Registry.facts(meeting),
        before: nil, after: try meetingRow(.meeting, meeting.id.rawValue))
      return meeting
    }
  }

  /// Records who came to a meeting: each unit present, excused or absent. Only units in the
  /// alliance on the meeting's day, and only once the meeting has been held. A unit already
  /// recorded gets the new status; the same status again changes nothing.
  public func recordAttendance(meeting id: MeetingID, units: [UnitID], status: AttendanceStatus) throws
    -> AttendanceResult
  {
    try write {
      let meeting = try meetingReference(id)
      guard meeting.heldOn <= today else { throw Refusal.meetings(.notYetHeld(meeting, today: today)) }
      var changes: [AttendanceChange] = []
      var seen = Set<UnitID>()
      for unitID in units where seen.insert(unitID).inserted {
        let unit = try unitInAlliance(unitID, at: meeting)
        let existing = try db.prepare(
          sql: """
            SELECT id, status FROM meeting_attendance WHERE meeting_id = \(id.rawValue) AND unit_id = \(unitID.rawValue)
            """)
        var previous: (row: Int, status: AttendanceStatus)?
        if try existing.step() {
          previous = (try existing.required(0), AttendanceStatus(rawValue: try existing.required(1)) ?? .absent)
        }
        let change = AttendanceChange(unit: unit, previous: previous?.status, status: status)
        changes.append(change)
        if change.isUnchanged { continue }
        let before = try previous.map { try meetingRow(.attendance, $0.row) } ?? nil
        let row: Int
        if let previous {
          try db.run(sql: "UPDATE meeting_attendance SET status = \(status.rawValue) WHERE id = \(previous.row)")
          row = previous.row
        } else {
          try db.run(
            sql: """
              INSERT INTO meeting_attendance (meeting_id, unit_id, status)
              VALUES (\(id.rawValue), \(unitID.rawValue), \(status.rawValue))
              """)
          row = Int(db.lastInsertRowID)
        }
        var facts = Registry.facts(meeting)
        facts.pairs += [
          ("status", .string(status.rawValue)), ("previous_status", .optional(previous?.status.rawValue)),
        ]
        try record(
          .meetingAttend, entity: "meeting_attendance", entityID: row, unit: unitID, facts: facts, before: before,
          after: try meetingRow(.attendance, row))
      }
      return AttendanceResult(meeting: meeting, changes: changes)
    }
  }

  /// Records a topic raised for a meeting, by a unit or (without one) by the centre, on
  /// `raisedOn` (default today). Topics are due 15 days before the meeting by custom: a later
  /// one is recorded, and the result says how late. A topic cannot be raised after its meeting.
  public func addTopic(meeting id: MeetingID, text: String, by unitID: UnitID?, raisedOn: Day?) throws -> TopicResult {
    try write {
      let meeting = try meetingReference(id)
      var problems = Problems()
      let clean = problems.take(TextInput.requiredText(text), .topicText)
      let raised = raisedOn ?? today
      Validation.notInFuture(raised, today: today, role: .raising, field: .raisedOn, problems: &problems)
      if raised > meeting.heldOn { problems.add(.raisedOn, .afterMeeting(raised, meetingDay: meeting.heldOn)) }
      guard let clean, problems.isEmpty else { throw Refusal.invalidValues(problems.list) }
      let unit = try unitID.map { try unitInAlliance($0, at: meeting) }
      try db.run(
        sql: """
          INSERT INTO meeting_topic (meeting_id, text, unit_id, raised_on)
          VALUES (\(id.rawValue), \(clean), \(unitID?.rawValue), \(raised.iso))
          """)
      let row = Int(db.lastInsertRowID)
      let due = meeting.heldOn.adding(days: -Registry.topicNoticeDays) ?? meeting.heldOn
      let late = raised > due ? raised.daysSinceEpoch - due.daysSinceEpoch : nil
      var facts = Registry.facts(meeting)
      facts.pairs += [
        ("text", .string(clean)), ("raised_on", .string(raised.iso)), ("days_late", late.map(JSONValue.int) ?? .null),
      ]
      try record(
        .meetingTopic, entity: "meeting_topic", entityID: row, unit: unitID, facts: facts, before: nil,
        after: try meetingRow(.topic, row))
      return TopicResult(
        meeting: meeting, topic: Topic(id: row, text: clean, by: unit, raisedOn: raised, daysLate: late), dueBy: due)
    }
  }

  /// Records a decision of a meeting that has been held.
  public func decide(meeting id: MeetingID, text: String, kind: DecisionKind) throws -> DecisionReference {
    try write {
      let meeting = try meetingReference(id)
      var problems = Problems()
      let clean = problems.take(TextInput.requiredText(text), .decisionText)
      guard let clean, problems.isEmpty else { throw Refusal.invalidValues(problems.list) }
      guard meeting.heldOn <= today else { throw Refusal.meetings(.notYetHeld(meeting, today: today)) }
      try db.run(
        sql: "INSERT INTO meeting_decision (meeting_id, text, kind) VALUES (\(id.rawValue), \(clean), \(kind.rawValue))"
      )
      let row = Int(db.lastInsertRowID)
      var facts = Registry.facts(meeting)
      facts.pairs += [("text", .string(clean)), ("kind", .string(kind.rawValue))]
      try record(
        .meetingDecide, entity: "meeting_decision", entityID: row, unit: nil, facts: facts, before: nil,
        after: try meetingRow(.decision, row))
      return DecisionReference(id: DecisionID(row), text: clean, meeting: meeting)
    }
  }

  // MARK: - Follow-up tasks

  /// Gives a decision's task to a unit in the alliance on the meeting's day, due on `dueOn`
  /// (not before the meeting).
  public func addFollowup(decision id: DecisionID, text: String, unit unitID: UnitID, dueOn: Day) throws -> Followup {
    try write {
      guard let decision = try decisionReference(id) else {
        throw Refusal.meetings(.noSuchRecord(.decision, text: "#\(id.rawValue)"))
      }
      var problems = Problems()
      let clean = problems.take(TextInput.requiredText(text), .followupText)
      if dueOn < decision.meeting.heldOn {
        problems.add(.dueOn, .beforeMeeting(dueOn, meetingDay: decision.meeting.heldOn))
      }
      guard let clean, problems.isEmpty else { throw Refusal.invalidValues(problems.list) }
      _ = try unitInAlliance(unitID, at: decision.meeting)
      try db.run(
        sql: """
          INSERT INTO followup (decision_id, text, unit_id, due_on)
          VALUES (\(id.rawValue), \(clean), \(unitID.rawValue), \(dueOn.iso))
          """)
      let row = Int(db.lastInsertRowID)
      var facts = Registry.facts(decision.meeting)
      facts.pairs += [("decision_id", .int(id.rawValue)), ("text", .string(clean)), ("due_on", .string(dueOn.iso))]
      try record(
        .followupAdd, entity: "followup", entityID: row, unit: unitID, facts: facts, before: nil,
        after: try meetingRow(.followup, row))
      guard let added = try followups(where: "f.id = \(row)", on: today).first else {
        throw Refusal.meetings(.noSuchRecord(.followup, text: "#\(row)"))
      }
      return added
    }
  }

  /// Reports on a task: done, or (still or again) open, on `on` (default today), with a note.
  /// Reports are dated in order, never before the meeting; a task done already is not done
  /// again, and an open task's report without a note says nothing new.
  public func updateFollowup(_ id: FollowupID, status: FollowupStatus, on: Day?, note: String?) throws
    -> FollowupUpdateResult
  {
    try write {
      guard let followup = try followups(where: "f.id = \(id.rawValue)", on: Day.distantFuture).first else {
        throw Refusal.meetings(.noSuchRecord(.followup, text: "#\(id.rawValue)"))
      }
      let reports = try loadFollowupReports(id)
      let day = on ?? today
      var problems = Problems()
      let cleanNote =
        problems.take(TextInput.optionalLine(note, maxLength: TextInput.maxNoteLength), .reportNote) ?? nil
      Validation.notInFuture(day, today: today, role: .reporting, field: .reportedOn, problems: &problems)
      let meetingDay = followup.decision.meeting.heldOn
      if day < meetingDay { problems.add(.reportedOn, .beforeMeeting(day, meetingDay: meetingDay)) }
      if let latest = reports.last, day < latest.on {
        problems.add(.reportedOn, .beforeLatestReport(day, latest: latest.on))
      }
      try problems.check()
      let current = reports.last?.status ?? .open
      if status == .done && current == .done {
        let since = reports.reversed().prefix { $0.status == .done }.last?.on ?? day
        throw Refusal.meetings(.alreadyDone(followup.reference, since: since))
      }
      if status == .open && current == .open && cleanNote == nil {
        throw Refusal.meetings(.alreadyOpen(followup.reference))
      }
      try db.run(
        sql: """
          INSERT INTO followup_update (followup_id, status, updated_on, note)
          VALUES (\(id.rawValue), \(status.rawValue), \(day.iso), \(cleanNote))
          """)
      let row = Int(db.lastInsertRowID)
      var facts = Registry.facts(followup.decision.meeting)
      facts.pairs += [
        ("followup_id", .int(id.rawValue)), ("text", .string(followup.text)), ("status", .string(status.rawValue)),
        ("previous_status", .string(current.rawValue)), ("on", .string(day.iso)), ("note", .optional(cleanNote)),
      ]
      try record(
        .followupUpdate, entity: "followup_update", entityID: row, unit: followup.unit.id, facts: facts, before: nil,
        after: try meetingRow(.followupReport, row))
      return FollowupUpdateResult(
        followup: followup.reference, unit: followup.unit, previous: current,
        report: FollowupReport(id: row, status: status, on: day, note: cleanNote))
    }
  }

  // MARK: - Rules shared with the unit operations

  /// The unit, if it was in the alliance on the meeting's day; refused otherwise.
  func unitInAlliance(_ id: UnitID, at meeting: MeetingReference) throws -> UnitReference {
    let detail = try loadDetail(id)
    guard detail.periods.contains(where: { $0.isActive(on: meeting.heldOn) }) else {
      let left = detail.periods.compactMap(\.leftOn).filter { $0 <= meeting.heldOn }.max()
      throw Refusal.meetings(.notInAllianceOnMeetingDay(detail.reference, meeting: meeting, leftOn: left))
    }
    return detail.reference
  }

  /// The meetings a unit has records at: attended (whatever the status), raised a topic for,
  /// or is responsible for a task of.
  func meetingsWithRecords(of unit: UnitID) throws -> [MeetingReference] {
    guard try hasMeetings() else { return [] }
    return try meetingReferences(
      where: """
        m.id IN (SELECT meeting_id FROM meeting_attendance WHERE unit_id = \(unit.rawValue))
        OR m.id IN (SELECT meeting_id FROM meeting_topic WHERE unit_id = \(unit.rawValue))
        OR m.id IN (SELECT d.meeting_id FROM followup AS f JOIN meeting_decision AS d ON d.id = f.decision_id
                    WHERE f.unit_id = \(unit.rawValue))
        """)
  }

  /// Refuses to delete a unit with meeting records: it was not registered by mistake.
  func refuseRemovingUnitWithMeetingRecords(_ unit: UnitReference) throws {
    let meetings = try meetingsWithRecords(of: unit.id)
    guard meetings.isEmpty else {
      throw Refusal.meetings(.unitHasMeetingRecords(unit, records: meetings.count))
    }
  }

  /// Refuses alliance periods that would leave a meeting record of the unit on a day it was
  /// not in the alliance (a withdrawal dated before a meeting it attended, a correction).
  func refuseStrandingMeetingRecords(_ unit: UnitReference, periods: [(joined: Day, left: Day?)]) throws {
    for meeting in try meetingsWithRecords(of: unit.id)
    where !periods.contains(where: { ActivePeriods.contains(meeting.heldOn, joinedOn: $0.joined, leftOn: $0.left) }) {
      throw Refusal.meetings(.strandsMeetingRecords(unit, meeting: meeting))
    }
  }

  // MARK: - History and undo

  static func facts(_ meeting: MeetingReference) -> JSONValue.KeyValuePairs {
    [
      "meeting_id": .int(meeting.id.rawValue), "meeting": .string(meeting.title),
      "held_on": .string(meeting.heldOn.iso),
    ]
  }

  /// The tables of meeting records, with the columns a history snapshot holds and the
  /// records that depend on a row.
  enum MeetingTable: String {
    case meeting
    case attendance = "meeting_attendance"
    case topic = "meeting_topic"
    case decision = "meeting_decision"
    case followup
    case followupReport = "followup_update"

    var columns: [String] {
      switch self {
      case .meeting: ["title", "held_on", "place", "chair", "recorder"]
      case .attendance: ["meeting_id", "unit_id", "status"]
      case .topic: ["meeting_id", "text", "unit_id", "raised_on"]
      case .decision: ["meeting_id", "text", "kind"]
      case .followup: ["decision_id", "text", "unit_id", "due_on"]
      case .followupReport: ["followup_id", "status", "updated_on", "note"]
      }
    }

    /// Rows of other tables that refer to a row of this one, by table and column.
    var dependents: [(table: String, column: String)] {
      switch self {
      case .meeting:
        [("meeting_attendance", "meeting_id"), ("meeting_topic", "meeting_id"), ("meeting_decision", "meeting_id")]
      case .decision: [("followup", "decision_id")]
      case .followup: [("followup_update", "followup_id")]
      case .attendance, .topic, .followupReport: []
      }
    }

    init?(action: ChangeAction) {
      switch action {
      case .meetingAdd: self = .meeting
      case .meetingAttend: self = .attendance
      case .meetingTopic: self = .topic
      case .meetingDecide: self = .decision
      case .followupAdd: self = .followup
      case .followupUpdate: self = .followupReport
      default: return nil
      }
    }
  }

  /// A row of a meeting table as the history keeps it; nil when there is no such row.
  func meetingRow(_ table: MeetingTable, _ id: Int) throws -> JSONValue? {
    let statement = try db.prepare(
      sql:
        "SELECT \(identifier: table.columns.joined(separator: ", ")) FROM \(identifier: table.rawValue) WHERE id = \(id)"
    )
    guard try statement.step() else { return nil }
    var pairs: [(String, JSONValue)] = [("id", .int(id))]
    for (index, column) in table.columns.enumerated() {
      switch statement.columnType(Int32(index)) {
      case .integer: pairs.append((column, .int(try statement.required(Int32(index)))))
      case .null: pairs.append((column, .null))
      default: pairs.append((column, .string(try statement.required(Int32(index)))))
      }
    }
    return .object(JSONValue.KeyValuePairs(pairs))
  }

  /// Takes back a change to meeting records, if the record is still as the change left it and
  /// nothing recorded since depends on it. Inside the undo's write transaction.
  func undoMeetingRecord(_ entry: HistoryEntry, table: MeetingTable, facts: JSONValue.KeyValuePairs) throws {
    let recorded = entry.facts
    let meeting = MeetingReference(
      id: MeetingID(recorded?["meeting_id"]?.intValue ?? 0), title: recorded?["meeting"]?.stringValue ?? "",
      heldOn: recorded?["held_on"]?.stringValue.flatMap(Day.init(iso:)) ?? today)
    guard let id = entry.entityID, let after = entry.after.flatMap(JSONReader.parse) else {
      throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .notReversible)
    }
    let current = try meetingRow(table, id)
    guard current?.text == after.text else {
      throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .meetingChangedSince(meeting))
    }
    for dependent in table.dependents {
      let count = try db.scalar(
        Int.self,
        sql: "SELECT count(*) FROM \(identifier: dependent.table) WHERE \(identifier: dependent.column) = \(id)")
      if count ?? 0 > 0 {
        throw Refusal.cannotUndo(action: entry.action, at: entry.at, reason: .meetingChangedSince(meeting))
      }
    }
    let before = entry.before.flatMap(JSONReader.parse)
    var undoFacts = facts
    undoFacts.pairs += Registry.facts(meeting).pairs
    try record(
      .undo, entity: entry.entity, entityID: id, unit: entry.unit?.id, unitName: entry.unit?.name, facts: undoFacts,
      before: after, after: before)
    if table == .attendance, let previous = before?["status"]?.stringValue {
      try db.run(sql: "UPDATE meeting_attendance SET status = \(previous) WHERE id = \(id)")
    } else {
      try db.run(sql: "DELETE FROM \(identifier: table.rawValue) WHERE id = \(id)")
    }
  }
}
