/// The id of a joint meeting (联席会议).
public struct MeetingID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public init(_ rawValue: Int) { self.rawValue = rawValue }
  public var description: String { String(rawValue) }
  public static func < (lhs: MeetingID, rhs: MeetingID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The id of a meeting's decision (决议).
public struct DecisionID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public init(_ rawValue: Int) { self.rawValue = rawValue }
  public var description: String { String(rawValue) }
  public static func < (lhs: DecisionID, rhs: DecisionID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The id of a follow-up task (督办事项).
public struct FollowupID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public init(_ rawValue: Int) { self.rawValue = rawValue }
  public var description: String { String(rawValue) }
  public static func < (lhs: FollowupID, rhs: FollowupID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A meeting named in an answer or a refusal: its id, title and day.
public struct MeetingReference: Hashable, Sendable {
  public var id: MeetingID
  public var title: String
  public var heldOn: Day

  public init(id: MeetingID, title: String, heldOn: Day) {
    self.id = id
    self.title = title
    self.heldOn = heldOn
  }
}

/// A decision named in an answer or a refusal.
public struct DecisionReference: Hashable, Sendable {
  public var id: DecisionID
  public var text: String
  public var meeting: MeetingReference

  public init(id: DecisionID, text: String, meeting: MeetingReference) {
    self.id = id
    self.text = text
    self.meeting = meeting
  }
}

/// A follow-up task named in an answer or a refusal.
public struct FollowupReference: Hashable, Sendable {
  public var id: FollowupID
  public var text: String

  public init(id: FollowupID, text: String) {
    self.id = id
    self.text = text
  }
}

/// Who came to a meeting. The stored values never change with the language.
public enum AttendanceStatus: String, Sendable, CaseIterable {
  /// 出席
  case present
  /// 请假: absent with leave.
  case excused
  /// 缺席: absent without leave (what an assessment deducts points for).
  case absent

  /// A status as typed: the stored word, or its Chinese (出席, 请假, 缺席).
  public init?(typed text: String) {
    let trimmed = String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    if let status = AttendanceStatus(rawValue: trimmed.lowercased()) {
      self = status
    } else if let word = Vocabulary.attendanceWords[trimmed], let status = AttendanceStatus(rawValue: word) {
      self = status
    } else {
      return nil
    }
  }
}

/// What a decision is about. The stored values never change with the language.
public enum DecisionKind: String, Sendable, CaseIterable {
  /// 吸纳新成员单位
  case members
  /// 专项组
  case groups
  /// 年度三张清单 (resources, needs, projects)
  case lists
  /// 重点项目
  case projects
  /// 其他
  case other

  /// A kind as typed: the stored word, or its Chinese label or a common short form.
  public init?(typed text: String) {
    let trimmed = String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    if let kind = DecisionKind(rawValue: trimmed.lowercased()) {
      self = kind
    } else if let word = Vocabulary.decisionKindWords[trimmed], let kind = DecisionKind(rawValue: word) {
      self = kind
    } else {
      return nil
    }
  }
}

/// Where a follow-up task stands. The stored values never change with the language.
public enum FollowupStatus: String, Sendable, CaseIterable {
  /// 未办结
  case open
  /// 已办结
  case done

  /// A status as typed: the stored word, or its Chinese (未办结, 已办结…).
  public init?(typed text: String) {
    let trimmed = String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    if let status = FollowupStatus(rawValue: trimmed.lowercased()) {
      self = status
    } else if let word = Vocabulary.followupStatusWords[trimmed], let status = FollowupStatus(rawValue: word) {
      self = status
    } else {
      return nil
    }
  }
}

/// A new meeting (`meeting add`).
public struct NewMeeting: Equatable, Sendable {
  public var title: String
  public var heldOn: Day
  public var place: String?
  public var chair: String?
  public var recorder: String?

  public init(title: String, heldOn: Day, place: String? = nil, chair: String? = nil, recorder: String? = nil) {
    self.title = title
    self.heldOn = heldOn
    self.place = place
    self.chair = chair
    self.recorder = recorder
  }
}

/// A meeting with how much it holds (`meeting list`).
public struct MeetingSummary: Equatable, Sendable {
  public var reference: MeetingReference
  public var place: String?
  public var chair: String?
  public var recorder: String?
  public var present: Int
  public var excused: Int
  public var absent: Int
  public var topics: Int
  public var decisions: Int
  /// Follow-up tasks given by its decisions.
  public var followups: Int

  public var id: MeetingID { reference.id }
  public var title: String { reference.title }
  public var heldOn: Day { reference.heldOn }
}

/// One unit's attendance at a meeting.
public struct Attendance: Equatable, Sendable {
  public var unit: UnitReference
  public var status: AttendanceStatus
}

/// A topic raised for a meeting.
public struct Topic: Equatable, Sendable {
  public var id: Int
  public var text: String
  /// The unit that raised it; nil when the centre did.
  public var by: UnitReference?
  public var raisedOn: Day
  /// Days after the custom's due day (15 days before the meeting); nil when on time.
  public var daysLate: Int?
}

/// A meeting's decision.
public struct Decision: Equatable, Sendable {
  public var id: DecisionID
  public var text: String
  public var kind: DecisionKind
}

/// A follow-up task with its status on a day (`followup list`, a meeting's carried tasks).
public struct Followup: Equatable, Sendable {
  public var id: FollowupID
  public var text: String
  public var decision: DecisionReference
  public var unit: UnitReference
  public var dueOn: Day
  /// The status on the day asked about.
  public var status: FollowupStatus
  /// The day of the latest report on or before that day; nil without any.
  public var statusOn: Day?
  /// The note of that report.
  public var note: String?
  /// Open and past its due day on the day asked about.
  public var overdue: Bool

  public var reference: FollowupReference { FollowupReference(id: id, text: text) }
}

/// One report on a follow-up task.
public struct FollowupReport: Equatable, Sendable {
  public var id: Int
  public var status: FollowupStatus
  public var on: Day
  public var note: String?
}

/// Everything about one meeting (`meeting show`).
public struct MeetingDetail: Equatable, Sendable {
  public var summary: MeetingSummary
  public var attendance: [Attendance]
  public var topics: [Topic]
  public var decisions: [Decision]
  /// The tasks its decisions gave, with their status today.
  public var followups: [Followup]
  /// Tasks of earlier meetings reported at this one (open at the previous meeting, or given
  /// by it), with their status on this meeting's day: a task is carried to every meeting
  /// until it is done.
  public var carried: [Followup]
  /// The day topics were due by custom: 15 days before the meeting.
  public var topicsDue: Day

  public var reference: MeetingReference { summary.reference }
}

/// What `meeting attend` recorded for one unit.
public struct AttendanceChange: Equatable, Sendable {
  public var unit: UnitReference
  /// The status recorded before, if any.
  public var previous: AttendanceStatus?
  public var status: AttendanceStatus

  public var isUnchanged: Bool { previous == status }
}

/// What `meeting attend` did.
public struct AttendanceResult: Equatable, Sendable {
  public var meeting: MeetingReference
  public var changes: [AttendanceChange]
}

/// What `meeting topic` recorded.
public struct TopicResult: Equatable, Sendable {
  public var meeting: MeetingReference
  public var topic: Topic
  /// The day topics were due by custom.
  public var dueBy: Day
}

/// What `followup update` recorded.
public struct FollowupUpdateResult: Equatable, Sendable {
  public var followup: FollowupReference
  public var unit: UnitReference
  public var previous: FollowupStatus
  public var report: FollowupReport
}

/// One unit's part in the year's meetings (`meeting attendance`).
public struct UnitParticipation: Equatable, Sendable {
  public var unit: UnitReference
  public var kind: String
  /// The year's meetings held while the unit was in the alliance.
  public var meetings: Int
  public var present: Int
  public var excused: Int
  public var absent: Int
  /// Meetings it could have attended with nothing recorded for it.
  public var unrecorded: Int
  /// Topics it raised for the year's meetings.
  public var topics: Int
  /// The year's follow-up tasks it is responsible for.
  public var followups: Int
  /// Its status at each of the year's meetings, in the order of `ParticipationReport.meetings`;
  /// nil where nothing is recorded or it was not in the alliance that day.
  public var statuses: [AttendanceStatus?]

  /// Nothing at all in the year's meetings, by the measures in `UnitActivity.meetingMeasures`,
  /// though it was in the alliance at one of them at least: a unit that joined after the
  /// year's last meeting had nothing to attend, and is not idle.
  public var idle: Bool { meetings > 0 && present == 0 && topics == 0 && followups == 0 }
}

/// The units' part in one year's meetings.
public struct ParticipationReport: Equatable, Sendable {
  public var year: Int
  /// The day the figures are counted on: the year's last day, or today in the current year.
  public var asOf: Day
  /// The year's meetings held by then, oldest first.
  public var meetings: [MeetingReference]
  /// Every unit in the alliance at some time in the year (up to `asOf`), by id.
  public var rows: [UnitParticipation]
}

/// The follow-up tasks of one year: those its meetings gave, and those of earlier meetings
/// still open when the year began; with their status on `asOf`.
public struct YearFollowups: Equatable, Sendable {
  public var year: Int
  public var asOf: Day
  public var followups: [Followup]
}
