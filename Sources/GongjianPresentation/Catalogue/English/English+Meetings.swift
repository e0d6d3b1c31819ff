import GongjianRegistry

extension EnglishCatalogue: MeetingWording {
  public func attendanceStatus(_ status: AttendanceStatus) -> String {
    switch status {
    case .present: "present"
    case .excused: "excused"
    case .absent: "absent"
    }
  }

  public func decisionKind(_ kind: DecisionKind) -> String {
    switch kind {
    case .members: "new members"
    case .groups: "working groups"
    case .lists: "the year's lists"
    case .projects: "key projects"
    case .other: "other"
    }
  }

  public func followupStatus(_ status: FollowupStatus) -> String {
    switch status {
    case .open: "open"
    case .done: "done"
    }
  }

  public func meeting(_ meeting: MeetingReference) -> String {
    "#\(meeting.id) \(meeting.title) (\(day(meeting.heldOn)))"
  }

  public func signatory(_ name: String?, title: String?) -> String? {
    guard let name else { return nil }
    return title.map { "\(name) (\($0))" } ?? name
  }

  public func daysLate(_ days: Int) -> String { days == 1 ? "1 day late" : "\(days) days late" }

  public var overdue: String { " (overdue)" }

  public var rejoinedMark: String { " (rejoined)" }

  public var raisedByCentre: String { "the service centre" }

  public var yes: String { "yes" }

  func recordWord(_ kind: MeetingRecordKind) -> String {
    switch kind {
    case .meeting: "meeting"
    case .decision: "decision"
    case .followup: "follow-up task"
    }
  }

  func meetingLine(_ meeting: MeetingReference) -> String {
    "  \(meeting.id)  \(meeting.heldOn.iso)  \(meeting.title)"
  }

  func task(_ followup: FollowupReference) -> String { "follow-up task #\(followup.id) \(quoted(followup.text))" }

  public func meetingRefusal(_ refusal: MeetingRefusal) -> String {
    switch refusal {
    case .emptyReference(let kind):
      return kind == .meeting
        ? "no meeting given: give its id, its date or a part of its title."
        : "no \(recordWord(kind)) given: give its id or a part of its text."
    case .noSuchMeeting(let text, let suggestions):
      let head = "no meeting matches \(quoted(text)) (by id, date or a part of its title)."
      if suggestions.isEmpty { return head + " See all meetings with: gongjian meeting list" }
      return head + " Meetings near it:\n" + suggestions.map(meetingLine).joined(separator: "\n")
    case .ambiguousMeeting(let text, let candidates, let more):
      return "\(more ? "more than " : "")\(candidates.count) meetings match \(quoted(text)):\n"
        + candidates.map(meetingLine).joined(separator: "\n") + (more ? "\n  …" : "") + "\nGive the meeting's id."
    case .noSuchRecord(let kind, let text):
      let next =
        kind == .followup
        ? " See the tasks' ids with: gongjian followup list"
        : " See a meeting's decisions with: gongjian meeting show MEETING"
      return "no \(recordWord(kind)) has the id or text \(quoted(text))." + next
    case .ambiguousRecord(let kind, let text, let candidates, let more):
      return "\(more ? "more than " : "")\(candidates.count) \(recordWord(kind))s contain \(quoted(text)):\n"
        + candidates.map(candidateLine).joined(separator: "\n") + (more ? "\n  …" : "") + "\nGive the id."
    case .meetingExists(let existing):
      return
        "a meeting of that title is held on \(day(existing.heldOn)) already: \(meeting(existing)); not added again."
    case .notYetHeld(let meeting, let today):
      return "\(self.meeting(meeting)) has not been held yet (today is \(day(today))): attendance and decisions "
        + "are recorded once a meeting has taken place."
    case .notInAllianceOnMeetingDay(let reference, let meeting, let leftOn):
      return "\(unit(reference)) was not in the alliance on \(day(meeting.heldOn))"
        + (leftOn.map { " (it left on \(day($0)))" } ?? "")
        + ", the day of \(self.meeting(meeting)); a meeting's records name units in the alliance that day."
    case .alreadyDone(let followup, let since):
      return "\(task(followup)) is done already (since \(day(since))). To reopen it, use --status open."
    case .alreadyOpen(let followup):
      return "\(task(followup)) is open already and this report says nothing new; add --note to record progress."
    case .unitHasMeetingRecords(let reference, let records):
      return "\(unit(reference)) has records at \(records) joint meeting(s) (attendance, topics or follow-up tasks): "
        + "it was not registered by mistake and cannot be removed.\n"
        + "If it has left the alliance, withdraw it: gongjian withdraw \(reference.id) --on DATE"
    case .strandsMeetingRecords(let reference, let meeting):
      return "\(unit(reference)) has records at \(self.meeting(meeting)) (attendance, a topic or a follow-up task); "
        + "with this date it would not be in the alliance on \(day(meeting.heldOn)). Nothing was changed; check the date."
    }
  }

  public func meetingAdded(_ meeting: MeetingReference) -> String {
    let due = meeting.heldOn.adding(days: -Registry.topicNoticeDays).map { "; topics are due by \(day($0))" } ?? ""
    return "Added the meeting \(self.meeting(meeting))\(due)."
  }

  public func attendanceRecorded(_ result: AttendanceResult) -> String {
    var lines: [String] = []
    let changed = result.changes.filter { !$0.isUnchanged }
    for status in AttendanceStatus.allCases {
      let units = changed.filter { $0.status == status && $0.previous == nil }.map(\.unit.name)
      if !units.isEmpty { lines.append("\(attendanceStatus(status)): \(list(units))") }
    }
    for change in changed where change.previous != nil {
      lines.append(
        "\(change.unit.name): \(attendanceStatus(change.previous ?? change.status)) → \(attendanceStatus(change.status))"
      )
    }
    let unchanged = result.changes.filter(\.isUnchanged)
    if !unchanged.isEmpty {
      lines.append("unchanged: " + list(unchanged.map { "\($0.unit.name) (\(attendanceStatus($0.status)))" }))
    }
    let head =
      changed.isEmpty
      ? "The attendance at \(meeting(result.meeting)) is unchanged."
      : "Recorded the attendance at \(meeting(result.meeting)) (\(unitCount(changed.count))):"
    return ([head] + lines.map { "  " + $0 }).joined(separator: "\n")
  }

  public func topicRecorded(_ result: TopicResult) -> String {
    let by = result.topic.by.map(unit) ?? raisedByCentre
    return "Recorded topic #\(result.topic.id) \(quoted(result.topic.text)), raised by \(by) on "
      + "\(day(result.topic.raisedOn)) for \(meeting(result.meeting))."
  }

  public func topicLate(_ result: TopicResult) -> String {
    let late = result.topic.daysLate ?? 0
    return "Note: by custom, topics are raised \(Registry.topicNoticeDays) days before the meeting, by "
      + "\(day(result.dueBy)); this one was raised on \(day(result.topic.raisedOn)), \(daysLate(late)). "
      + "It is recorded all the same, and the meeting pack marks it as late."
  }

  public func decisionRecorded(_ decision: DecisionReference, kind: DecisionKind) -> String {
    "Recorded decision #\(decision.id) (\(decisionKind(kind))) \(quoted(decision.text)) of \(meeting(decision.meeting)).\n"
      + "Give it follow-up tasks with: gongjian followup add \(decision.id) TASK --unit UNIT --due DATE"
  }

  public func followupRecorded(_ followup: Followup) -> String {
    "Added follow-up task #\(followup.id) \(quoted(followup.text)) for \(unit(followup.unit)), due "
      + "\(day(followup.dueOn)) (decision #\(followup.decision.id) of \(meeting(followup.decision.meeting)))."
  }

  public func followupReported(_ result: FollowupUpdateResult) -> String {
    let state: String
    switch (result.previous, result.report.status) {
    case (.open, .done): state = "done on \(day(result.report.on))"
    case (.done, .open): state = "reopened on \(day(result.report.on))"
    case (_, .open): state = "still open on \(day(result.report.on))"
    case (.done, .done): state = "done"
    }
    return "\(task(result.followup)) (\(unit(result.unit))): \(state)" + (result.report.note.map { ": \($0)" } ?? "")
      + "."
  }

  public func meetingCount(_ count: Int) -> String { count == 1 ? "1 meeting" : "\(count) meetings" }

  public func followupCount(_ followups: [Followup]) -> String {
    let open = followups.filter { $0.status == .open }.count
    let overdue = followups.filter(\.overdue).count
    return "\(followups.count) follow-up task\(followups.count == 1 ? "" : "s"): \(followups.count - open) done, "
      + "\(open) open" + (overdue > 0 ? " (\(overdue) overdue)" : "")
  }

  public func participationFooter(_ report: ParticipationReport) -> String {
    let idle = report.rows.filter(\.idle).count
    return "\(report.year) (as of \(day(report.asOf))): \(meetingCount(report.meetings.count)); "
      + "\(unitCount(report.rows.count)) in the alliance, \(idle) idle (not present, no topic, no follow-up task)"
  }

  public func meetingSheetTitle(_ summary: MeetingSummary) -> String {
    "#\(summary.id) \(summary.title)"
  }

  public func meetingSheetLabel(_ label: MeetingSheetLabel) -> String {
    switch label {
    case .day: "Date:"
    case .place: "Place:"
    case .chair: "Chair:"
    case .recorder: "Minutes:"
    case .attendance: "Attendance"
    case .topics: "Topics"
    case .decisions: "Decisions"
    case .followups: "Follow-up tasks of its decisions"
    case .carried: "Follow-up tasks reported since the previous meeting (carried until done)"
    case .none: "(none)"
    }
  }

  public func meetingSheetHeading(_ label: MeetingSheetLabel, aside: String) -> String {
    "\(meetingSheetLabel(label)) (\(aside))"
  }

  public func meetingSheetLabelInPack(_ label: MeetingSheetLabel) -> String {
    switch label {
    case .carried: "Follow-up tasks reported (since the previous meeting)"
    default: meetingSheetLabel(label)
    }
  }

  public func attendanceSummary(present: Int, excused: Int, absent: Int) -> String {
    "\(present) present, \(excused) excused, \(absent) absent"
  }

  public func topicsDue(_ day: Day) -> String { "topics due by \(self.day(day)), by custom" }

  public func packTitle(subdistrict: String, year: Int) -> String {
    subdistrict.isEmpty
      ? "The \(year) joint meeting of the regional party-building alliance: materials"
      : "The \(year) joint meeting of the regional party-building alliance of \(subdistrict): materials"
  }

  public func packSubtitle(district: String, subdistrict: String, asOf: Day) -> String {
    let place = [subdistrict, district].filter { !$0.isEmpty }.joined(separator: ", ")
    return (place.isEmpty ? "" : place + " · ") + "figures as of \(day(asOf))"
  }

  public func packSectionNumber(_ index: Int) -> String { "\(index + 1). " }

  public func packSectionTitle(_ part: MeetingPackPart) -> String {
    switch part {
    case .growth: "Growth of the alliance"
    case .joined: "Units that joined"
    case .left: "Units that left"
    case .groups: "Working groups and their leads"
    case .expiring: "Agreements due for renewal"
    case .lists: "Lists and projects"
    case .meetings: "Topics and decisions of the joint meetings"
    case .attendance: "Attendance at the joint meetings"
    case .followups: "Follow-up tasks and their status"
    case .idle: "Idle units"
    }
  }

  public func packSheetName(_ part: MeetingPackPart) -> String {
    switch part {
    case .growth: "Growth"
    case .joined: "Joined"
    case .left: "Left"
    case .groups: "Working groups"
    case .expiring: "Agreements expiring"
    case .lists: "Lists and projects"
    case .meetings: "Topics and decisions"
    case .attendance: "Attendance"
    case .followups: "Follow-up tasks"
    case .idle: "Idle units"
    }
  }

  public func packSummary(_ section: MeetingPackSection, pack: MeetingPack) -> [String] {
    let year = pack.year
    switch section {
    case .growth(let report):
      return report.summary.map { [growthSummary($0, length: report.request.period)] } ?? [growthNoPeriods]
    case .joined(let units):
      let rejoined = units.filter(\.rejoined).count
      return [
        "\(unitCount(units.count)) joined in \(year)" + (rejoined > 0 ? " (\(rejoined) of them rejoined)" : "") + "."
      ]
    case .left(let units):
      return ["\(unitCount(units.count)) left in \(year)."]
    case .groups(let groups):
      let leads = Set(groups.flatMap(\.leads)).count
      return [
        "\(groups.count) working group\(groups.count == 1 ? "" : "s"), \(unitCount(leads)) leading; "
          + "units counted on \(day(pack.asOf))."
      ]
    case .expiringAgreements(let expiring):
      if expiring.agreements.isEmpty { return ["No agreement expires by \(day(expiring.until))."] }
      let dated = expiring.agreements.filter { $0.daysLeft != nil }
      let expired = dated.filter { ($0.daysLeft ?? 0) < 0 }.count
      let undated = expiring.agreements.count - dated.count
      var lines: [String] = []
      if !dated.isEmpty {
        lines.append(
          "\(dated.count) agreement\(dated.count == 1 ? "" : "s") expire by "
            + "\(day(expiring.until))" + (expired > 0 ? " (\(expired) expired without a renewal)" : "")
            + ": renew them in time.")
      }
      if undated > 0 {
        lines.append(
          "\(undated) more agreement\(undated == 1 ? " has" : "s have") no expiry date: check and record it.")
      }
      return lines
    case .lists(let lists):
      guard let lists else { return ["This registry keeps no lists of resources, needs or projects."] }
      return [
        "\(lists.resources) resource\(lists.resources == 1 ? "" : "s") offered by the units in \(year).",
        "In \(year): " + projectReportSummary(lists.figures) + ".",
        "Needs and projects counted by the year they were raised or proposed, their claims and completions up to "
          + "\(day(lists.asOf)); service records by their day.",
      ]
    case .meetings(let meetings):
      let topics = meetings.reduce(0) { $0 + $1.topics.count }
      let decisions = meetings.reduce(0) { $0 + $1.decisions.count }
      return ["\(meetingCount(meetings.count)) in \(year): \(topics) topics raised, \(decisions) decisions taken."]
    case .attendance(let report):
      let present = report.rows.reduce(0) { $0 + $1.present }
      let excused = report.rows.reduce(0) { $0 + $1.excused }
      let absent = report.rows.reduce(0) { $0 + $1.absent }
      return [
        "\(meetingCount(report.meetings.count)) in \(year), \(unitCount(report.rows.count)) in the alliance that year; "
          + "\(present) times present, \(excused) excused, \(absent) absent in all."
      ]
    case .followups(let tasks):
      return [
        followupCount(tasks.followups) + " (status on \(day(tasks.asOf))).",
        "The tasks of \(year)'s decisions, and the tasks of earlier decisions still open when \(year) began.",
      ]
    case .idleUnits(let idle):
      let measures = idle.measures.map(activityWord)
      return [
        "Idle units: in the alliance in \(year), and in the whole year " + list(measures)
          + " (counted over the \(meetingCount(idle.meetings)) of \(year)). \(unitCount(idle.units.count))."
      ]
    }
  }

  func activityWord(_ activity: UnitActivity) -> String {
    switch activity {
    case .attendedMeeting: "never present at a joint meeting"
    case .raisedTopic: "raised no topic"
    case .responsibleForFollowup: "responsible for no follow-up task"
    }
  }

  public func meetingColumnHeading(_ day: Day) -> String { "meeting \(day.iso.dropFirst(5))" }

  public var packSource: String { "Reproduce with: " }

  public var packNothing: String { "(none)" }

  public var packContents: String { "Contents" }

  public var packIndexSheetName: String { "About" }

  public var packIndexHeadings: [String] { ["section", "summary", "reproduce with"] }

  public func meetingHelp(_ key: MeetingHelpKey) -> String {
    switch key {
    case .valueMeeting: "meeting"
    case .valueDecision: "decision"
    case .valueFollowup: "task"
    case .valueAttendance: "attendance"
    case .valueDecisionKind: "kind"
    case .valueStatus: "status"
    case .valueMeetingTitle: "title"
    case .meetingAbstract: "Joint meetings: the meetings, attendance, topics and decisions."
    case .meetingAddAbstract: "Add a joint meeting (one still to come, too)."
    case .meetingAddDiscussion:
      """
      Example: gongjian meeting add "2019 joint meeting" --on 2019-06-27 --place "Community centre"

      The date may lie ahead: by custom, topics are collected 15 days before a meeting. Attendance \
      and decisions are recorded once it has been held.
      """
    case .meetingAddTitle: "The meeting's title."
    case .meetingAddOn: "The day of the meeting."
    case .meetingAddPlace: "Where it is held."
    case .meetingAddChair: "Who chairs it."
    case .meetingAddRecorder: "Who takes the minutes."
    case .meetingListAbstract: "List the joint meetings with their attendance, topics, decisions and tasks."
    case .meetingListYear: "Only this year's meetings."
    case .meetingShowAbstract: "Show one meeting: attendance, topics, decisions and follow-up tasks."
    case .meetingShowDiscussion:
      "A meeting is named by its id, its date (2019-06-27) or a part of its title.\nThe tasks reported since the previous meeting are those of earlier decisions still open at the previous meeting, and those the previous meeting gave, with their status on this meeting's day: a task is listed at every meeting until it is done."
    case .meetingShowMeeting: "The meeting: an id, a date or a part of its title."
    case .meetingShowFormat: "Output format: table or json."
    case .meetingAttendAbstract: "Record who came to a meeting: present, excused or absent."
    case .meetingAttendDiscussion:
      """
      Example: gongjian meeting attend 2019-06-27 复旦大学外文学院 建设银行虹口支行 --as present

      Several units at once; only units in the alliance on the meeting's day, and only once the \
      meeting has been held. A unit recorded before gets the new status.
      """
    case .meetingAttendUnits: "One or more units: ids or names (a part of a name will do)."
    case .meetingAttendAs: "present, excused or absent (出席, 请假, 缺席 too)."
    case .meetingTopicAbstract: "Record a topic raised for a meeting (by a unit, or by the service centre)."
    case .meetingTopicDiscussion:
      "By custom, topics are raised 15 days before the meeting; a later one is recorded with a warning. A topic cannot be raised after its meeting: for a past meeting, give the day it was raised with --on."
    case .meetingTopicText: "The topic."
    case .meetingTopicBy: "The unit that raised it (default: the service centre); in the alliance on the meeting's day."
    case .meetingTopicOn: "The day it was raised (default: today)."
    case .meetingDecideAbstract: "Record a decision of a meeting, and print its id."
    case .meetingDecideDiscussion:
      "Kinds: members (new members), groups (working groups), lists (the year's lists), projects (key projects), other; the Chinese words too.\nThen give it follow-up tasks with: gongjian followup add DECISION …"
    case .meetingDecideText: "The decision."
    case .meetingDecideKind: "Its kind (default: other)."
    case .meetingAttendanceAbstract: "List each unit's part in a year's joint meetings, and the idle units."
    case .meetingAttendanceDiscussion:
      "Every unit in the alliance in the year: the meetings it could attend, times present, excused, absent and unrecorded, topics raised, follow-up tasks.\nIdle: never present, no topic, no follow-up task in the whole year; a unit with no meeting to attend (one that joined after the year's last meeting) is not idle."
    case .meetingAttendanceYear: "The year (default: this year)."
    case .followupAbstract: "Follow-up tasks: what decisions ask of units, reported at every meeting until done."
    case .followupAddAbstract: "Give a decision a follow-up task."
    case .followupAddDiscussion:
      "Example: gongjian followup add 3 \"Publish the resource list\" --unit 虹口烟草糖酒有限公司 --due 2019-09-30\nThe unit must be in the alliance on the meeting's day; the due date cannot be before the meeting."
    case .followupAddDecision: "The decision: its id or a part of its text (meeting show lists the ids)."
    case .followupAddText: "The task."
    case .followupAddUnit: "The unit responsible."
    case .followupAddDue: "When it is due."
    case .followupListAbstract: "List the follow-up tasks and their status."
    case .followupListDiscussion:
      "The status is today's (--today shows it on another day).\n--year YEAR: the tasks of that year's decisions, and those of earlier decisions still open when the year began."
    case .followupListOpen: "Only the open tasks."
    case .followupListYear: "Only that year's tasks (those carried into it included)."
    case .followupUpdateAbstract: "Report on a follow-up task: done, or still open."
    case .followupUpdateDiscussion:
      "Example: gongjian followup update 5 --status done --on 2019-09-26 --note \"Published\"\nEvery report is kept; its date cannot be before the meeting or the previous report. A task done can be reopened with --status open."
    case .followupUpdateFollowup: "The task: its id or a part of its text."
    case .followupUpdateStatus: "open or done."
    case .followupUpdateOn: "The day of the report (default: today)."
    case .followupUpdateNote: "What was done."
    case .packAbstract:
      "The materials for a year's joint meeting: one printable document (HTML, A4) or an XLSX workbook."
    case .packDiscussion:
      """
      Growth (with its chart), the units that joined (with their signatories) and left, the working \
      groups and their leads, agreements expiring within a year, the year's topics and decisions, \
      attendance per unit, follow-up tasks and their status, idle units. Every section names the \
      commands that reproduce its figures.

      Figures as of the year's last day (today in the current year; --today sets another).
      Example: gongjian report meeting-pack --year 2019 -o pack-2019.html
      """
    case .packYear: "The year of the meeting."
    case .packFormat: "html or xlsx (default: html, or from the -o file's extension)."
    case .packOutput: "Write to this file (.html or .xlsx; a workbook needs a file)."
    }
  }
}
