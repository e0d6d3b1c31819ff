import GongjianRegistry

/// Joint meetings (联席会议), their records and the meeting pack: every text about them.
public protocol MeetingWording {
  // MARK: Words

  /// 出席, 请假, 缺席 / present, excused, absent.
  func attendanceStatus(_ status: AttendanceStatus) -> String
  /// 新成员单位, 专项组… / new members, working groups…
  func decisionKind(_ kind: DecisionKind) -> String
  /// 未办结, 已办结 / open, done.
  func followupStatus(_ status: FollowupStatus) -> String
  /// A meeting in a sentence, with its id and day.
  func meeting(_ meeting: MeetingReference) -> String
  /// A signatory with the title: 罗英华（党委书记）; nil without a name.
  func signatory(_ name: String?, title: String?) -> String?
  /// A topic raised after the custom's due day: 晚8天.
  func daysLate(_ days: Int) -> String
  /// After the status of an open task past its due day: （逾期） / (overdue).
  var overdue: String { get }
  /// After the name of a unit that joined again, after leaving: （重新加入）.
  var rejoinedMark: String { get }
  /// A topic raised by the centre itself (no unit).
  var raisedByCentre: String { get }
  /// Shown in a yes/no cell: 是 / yes.
  var yes: String { get }

  // MARK: Refusals

  func meetingRefusal(_ refusal: MeetingRefusal) -> String

  // MARK: What the commands say

  func meetingAdded(_ meeting: MeetingReference) -> String
  func attendanceRecorded(_ result: AttendanceResult) -> String
  func topicRecorded(_ result: TopicResult) -> String
  /// The warning for a topic raised later than the custom's 15 days before the meeting.
  func topicLate(_ result: TopicResult) -> String
  func decisionRecorded(_ decision: DecisionReference, kind: DecisionKind) -> String
  func followupRecorded(_ followup: Followup) -> String
  func followupReported(_ result: FollowupUpdateResult) -> String
  /// Under `meeting list`.
  func meetingCount(_ count: Int) -> String
  /// Under `followup list`: how many, how many open, how many overdue.
  func followupCount(_ followups: [Followup]) -> String
  /// Under `meeting attendance`: the year, its meetings, the idle units.
  func participationFooter(_ report: ParticipationReport) -> String

  // MARK: `meeting show`

  /// #1 2019年…联席会议（2019年6月27日）
  func meetingSheetTitle(_ summary: MeetingSummary) -> String
  func meetingSheetLabel(_ label: MeetingSheetLabel) -> String
  /// A part's heading with a remark after it: 出席情况（出席41家……）.
  func meetingSheetHeading(_ label: MeetingSheetLabel, aside: String) -> String
  /// 出席41家，请假3家，缺席2家
  func attendanceSummary(present: Int, excused: Int, absent: Int) -> String
  /// 议题应于2019年6月12日前提出
  func topicsDue(_ day: Day) -> String

  // MARK: The meeting pack

  /// 欧阳路街道2019年区域化党建工作联席会议材料
  func packTitle(subdistrict: String, year: Int) -> String
  /// 虹口区欧阳路街道 · 统计截至2019年12月31日
  func packSubtitle(district: String, subdistrict: String, asOf: Day) -> String
  /// 一、 / 1.
  func packSectionNumber(_ index: Int) -> String
  func packSectionTitle(_ part: MeetingPackPart) -> String
  /// A workbook tab's name for a section (at most 31 characters).
  func packSheetName(_ part: MeetingPackPart) -> String
  /// The sentences that sum a section up (its figures, and for the idle units their definition).
  func packSummary(_ section: MeetingPackSection, pack: MeetingPack) -> [String]
  /// Before the commands that reproduce a section's figures: 数据来源 / Reproduce with.
  var packSource: String { get }
  /// A section with nothing in it.
  var packNothing: String { get }
  /// The heading of a column of one meeting's attendance: 6月27日会议.
  func meetingColumnHeading(_ day: Day) -> String
  /// The contents' heading.
  var packContents: String { get }
  /// The workbook's first sheet: each section and where its figures come from.
  var packIndexSheetName: String { get }
  /// The headings of that sheet: section, summary, command.
  var packIndexHeadings: [String] { get }
  /// Under a meeting in the pack: 议题 / 决议 / 上次会议以来督办事项办理情况.
  func meetingSheetLabelInPack(_ label: MeetingSheetLabel) -> String

  // MARK: Help

  func meetingHelp(_ key: MeetingHelpKey) -> String
}

/// The parts of `meeting show`'s page.
public enum MeetingSheetLabel: Sendable, CaseIterable {
  case day, place, chair, recorder, attendance, topics, decisions, followups, carried, none
}

/// The sections of the meeting pack, by what they hold: titles, tabs, anchors.
public enum MeetingPackPart: String, Sendable, CaseIterable {
  case growth, joined, left, groups, expiring, lists, meetings, attendance, followups, idle
}

extension MeetingPackSection {
  public var part: MeetingPackPart {
    switch self {
    case .growth: .growth
    case .joined: .joined
    case .left: .left
    case .groups: .groups
    case .expiringAgreements: .expiring
    case .lists: .lists
    case .meetings: .meetings
    case .attendance: .attendance
    case .followups: .followups
    case .idleUnits: .idle
    }
  }
}

/// Every help text of the meeting commands. Each language words every key (a `switch`
/// without `default`), so a help text cannot be missing from one.
public enum MeetingHelpKey: String, CaseIterable, Sendable {
  // Value names in usage lines.
  case valueMeeting, valueDecision, valueFollowup, valueAttendance, valueDecisionKind, valueStatus, valueMeetingTitle
  // meeting
  case meetingAbstract
  case meetingAddAbstract, meetingAddDiscussion, meetingAddTitle, meetingAddOn, meetingAddPlace, meetingAddChair,
    meetingAddRecorder
  case meetingListAbstract, meetingListYear
  case meetingShowAbstract, meetingShowDiscussion, meetingShowMeeting, meetingShowFormat
  case meetingAttendAbstract, meetingAttendDiscussion, meetingAttendUnits, meetingAttendAs
  case meetingTopicAbstract, meetingTopicDiscussion, meetingTopicText, meetingTopicBy, meetingTopicOn
  case meetingDecideAbstract, meetingDecideDiscussion, meetingDecideText, meetingDecideKind
  case meetingAttendanceAbstract, meetingAttendanceDiscussion, meetingAttendanceYear
  // followup
  case followupAbstract
  case followupAddAbstract, followupAddDiscussion, followupAddDecision, followupAddText, followupAddUnit,
    followupAddDue
  case followupListAbstract, followupListDiscussion, followupListOpen, followupListYear
  case followupUpdateAbstract, followupUpdateDiscussion, followupUpdateFollowup, followupUpdateStatus,
    followupUpdateOn, followupUpdateNote
  // report meeting-pack
  case packAbstract, packDiscussion, packYear, packFormat, packOutput
}
