import GongjianRegistry

/// The column tables of the meeting listings and of the meeting pack's tables.
public enum MeetingColumns {
  public static let meetings: [Column<MeetingSummary>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id.rawValue) }),
    Column("held_on", "会议日期", "date", value: { .day($0.heldOn) }),
    Column("title", "会议名称", "title", value: { .text($0.title) }),
    Column("place", "地点", "place", value: { .optionalText($0.place) }),
    Column("chair", "主持", "chair", hiddenInTable: true, value: { .optionalText($0.chair) }),
    Column("recorder", "记录", "minutes", hiddenInTable: true, value: { .optionalText($0.recorder) }),
    Column("present", "出席", "present", alignment: .right, value: { .int($0.present) }),
    Column("excused", "请假", "excused", alignment: .right, value: { .int($0.excused) }),
    Column("absent", "缺席", "absent", alignment: .right, value: { .int($0.absent) }),
    Column("topics", "议题", "topics", alignment: .right, value: { .int($0.topics) }),
    Column("decisions", "决议", "decisions", alignment: .right, value: { .int($0.decisions) }),
    Column("followups", "督办事项", "tasks", alignment: .right, value: { .int($0.followups) }),
  ]

  public static let attendance: [Column<Attendance>] = [
    Column("unit_id", "单位编号", "unit id", alignment: .right, value: { .int($0.unit.id.rawValue) }),
    Column("unit", "单位", "unit", value: { .text($0.unit.name) }),
    Column(
      "status", "出席情况", "attendance", value: { .text($0.status.rawValue) },
      display: { row, texts in texts.attendanceStatus(row.status) }),
  ]

  public static let topics: [Column<Topic>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id) }),
    Column("raised_on", "提出日期", "raised", value: { .day($0.raisedOn) }),
    Column("text", "议题", "topic", value: { .text($0.text) }),
    Column("by_id", "提出单位编号", "by id", hiddenInTable: true, value: { .optionalInt($0.by?.id.rawValue) }),
    Column(
      "by", "提出单位", "raised by", value: { .optionalText($0.by?.name) },
      display: { row, texts in row.by?.name ?? texts.raisedByCentre }),
    Column(
      "days_late", "迟交", "late", value: { .optionalInt($0.daysLate) },
      display: { row, texts in row.daysLate.map(texts.daysLate) ?? "" }),
  ]

  public static let decisions: [Column<Decision>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id.rawValue) }),
    Column(
      "kind", "类别", "kind", value: { .text($0.kind.rawValue) }, display: { row, texts in texts.decisionKind(row.kind) }),
    Column("text", "决议", "decision", value: { .text($0.text) }),
  ]

  /// `followup list`: the keys `id, decision, text, unit, due_on, status` first.
  public static let followups: [Column<Followup>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id.rawValue) }),
    Column(
      "decision", "决议编号", "decision", alignment: .right, hiddenInTable: true, value: { .int($0.decision.id.rawValue) }),
    Column("text", "督办事项", "task", value: { .text($0.text) }),
    Column("unit", "责任单位", "unit", value: { .text($0.unit.name) }),
    Column("due_on", "办结期限", "due", value: { .day($0.dueOn) }),
    Column(
      "status", "状态", "status", value: { .text($0.status.rawValue) },
      display: { row, texts in texts.followupStatus(row.status) + (row.overdue ? texts.overdue : "") }),
    Column("status_on", "反馈日期", "reported", value: { .day($0.statusOn) }),
    Column("note", "办理情况", "note", value: { .optionalText($0.note) }),
    Column("unit_id", "单位编号", "unit id", hiddenInTable: true, value: { .int($0.unit.id.rawValue) }),
    Column("meeting_id", "会议编号", "meeting id", hiddenInTable: true, value: { .int($0.decision.meeting.id.rawValue) }),
    Column("held_on", "会议日期", "meeting", value: { .day($0.decision.meeting.heldOn) }),
    Column("overdue", "逾期", "overdue", hiddenInTable: true, value: { .bool($0.overdue) }),
  ]

  /// `meeting attendance`: one row per unit in the alliance in the year.
  public static let participation: [Column<UnitParticipation>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.unit.id.rawValue) }),
    Column("name", "单位名称", "name", value: { .text($0.unit.name) }),
    Column("kind", "单位类别", "kind", hiddenInTable: true, value: { .text($0.kind) }),
    Column("meetings", "应到次数", "meetings", alignment: .right, value: { .int($0.meetings) }),
    Column("present", "出席", "present", alignment: .right, value: { .int($0.present) }),
    Column("excused", "请假", "excused", alignment: .right, value: { .int($0.excused) }),
    Column("absent", "缺席", "absent", alignment: .right, value: { .int($0.absent) }),
    Column("unrecorded", "未记录", "unrecorded", alignment: .right, value: { .int($0.unrecorded) }),
    Column("topics", "议题", "topics", alignment: .right, value: { .int($0.topics) }),
    Column("followups", "督办事项", "tasks", alignment: .right, value: { .int($0.followups) }),
    Column(
      "idle", "未参与", "idle", value: { .bool($0.idle) }, display: { row, texts in row.idle ? texts.yes : "" }),
  ]

  /// The pack's units that joined.
  public static let joined: [Column<JoinedUnit>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.unit.id.rawValue) }),
    Column(
      "name", "单位名称", "name", value: { .text($0.unit.name) },
      display: { row, texts in row.rejoined ? row.unit.name + texts.rejoinedMark : row.unit.name }),
    Column("kind", "单位类别", "kind", value: { .text($0.kind) }),
    Column("joined_on", "加入日期", "joined", value: { .day($0.joinedOn) }),
    Column(
      "signatory", "签约人", "signatory", value: { .optionalText($0.signatory) },
      display: { row, texts in texts.signatory(row.signatory, title: row.signatoryTitle) ?? "" }),
    Column("expires_on", "协议到期", "expires", value: { .day($0.expiresOn) }),
    Column("groups", "专项组", "groups", value: { .list($0.groups) }),
    Column("rejoined", "重新加入", "rejoined", hiddenInTable: true, value: { .bool($0.rejoined) }),
  ]

  /// The pack's units that left.
  public static let left: [Column<LeftUnit>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.unit.id.rawValue) }),
    Column("name", "单位名称", "name", value: { .text($0.unit.name) }),
    Column("kind", "单位类别", "kind", value: { .text($0.kind) }),
    Column("joined_on", "加入日期", "joined", value: { .day($0.joinedOn) }),
    Column("left_on", "退出日期", "left", value: { .day($0.leftOn) }),
    Column("left_reason", "退出原因", "reason", value: { .optionalText($0.reason) }),
  ]

  /// The pack's follow-up tasks: the report's day and note in one cell, so that the task's
  /// own text has room on an A4 page.
  public static let packFollowups: [Column<Followup>] = [
    followups[0], followups[2], followups[3], followups[4], followups[5],
    Column(
      "note", "办理情况", "report", value: { .optionalText($0.note) },
      display: { row, _ in [row.statusOn?.iso, row.note].compactMap { $0 }.joined(separator: " ") }),
    Column("held_on", "会议日期", "meeting", value: { .day($0.decision.meeting.heldOn) }),
  ]

  /// The pack's agreements to renew: the default title left out, the unit's id kept.
  public static let packExpiring: [Column<ExpiringAgreement>] = ListingColumns.expiringAgreements.filter {
    $0.key != "title" && $0.key != "id"
  }.map { column in
    column.key == "unit_id"
      ? Column("unit_id", "编号", "id", alignment: .right, value: { .int($0.agreement.unit.id.rawValue) }) : column
  }

  /// The pack's idle units.
  public static let idle: [Column<UnitParticipation>] = [
    participation[0], participation[1],
    Column("kind", "单位类别", "kind", value: { .text($0.kind) }),
    participation[3], participation[5], participation[6], participation[7],
  ]

  /// The pack's meetings, one row per topic or decision, in one workbook sheet.
  public static let meetingItems: [Column<MeetingItem>] = [
    Column("held_on", "会议日期", "date", value: { .day($0.meeting.heldOn) }),
    Column("meeting", "会议", "meeting", value: { .text($0.meeting.title) }),
    Column(
      "item", "类型", "item", value: { .text($0.isDecision ? "decision" : "topic") },
      display: { row, texts in texts.meetingSheetLabelInPack(row.isDecision ? .decisions : .topics) }),
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id) }),
    Column("text", "内容", "text", value: { .text($0.text) }),
    Column("detail", "说明", "detail", value: { .text($0.detail) }),
  ]
}

/// A topic or a decision of a meeting, as one row of the pack's workbook.
public struct MeetingItem: Sendable {
  public var meeting: MeetingReference
  public var isDecision: Bool
  public var id: Int
  public var text: String
  /// Who raised a topic and when (late or not), or a decision's kind: already worded.
  public var detail: String
}
