import GongjianRegistry

/// One meeting on a page of text (`meeting show`): its details, who came, the topics, the
/// decisions with their tasks, and the tasks of earlier meetings it hears about.
public enum MeetingSheet {
  public static func render(_ detail: MeetingDetail, language: Language) -> String {
    let texts = language.texts
    let summary = detail.summary
    var text = texts.meetingSheetTitle(summary) + "\n"
    let fields: [(MeetingSheetLabel, String?)] = [
      (.day, summary.heldOn.iso), (.place, summary.place), (.chair, summary.chair), (.recorder, summary.recorder),
    ]
    let labelWidth = fields.map { DisplayWidth.of(texts.meetingSheetLabel($0.0)) }.max() ?? 0
    for (label, value) in fields {
      if let value {
        text += "  \(DisplayWidth.pad(texts.meetingSheetLabel(label), to: labelWidth)) \(TerminalText.cell(value))\n"
      }
    }
    let counts = texts.attendanceSummary(present: summary.present, excused: summary.excused, absent: summary.absent)
    text += "\n" + texts.meetingSheetHeading(.attendance, aside: counts) + "\n"
    text += section(MeetingColumns.attendance, detail.attendance, language)
    text += "\n" + texts.meetingSheetHeading(.topics, aside: texts.topicsDue(detail.topicsDue)) + "\n"
    text += section(MeetingColumns.topics, detail.topics, language)
    text += "\n" + texts.meetingSheetLabel(.decisions) + "\n"
    text += section(MeetingColumns.decisions, detail.decisions, language)
    text += "\n" + texts.meetingSheetLabel(.followups) + "\n"
    text += section(MeetingColumns.followups, detail.followups, language)
    text += "\n" + texts.meetingSheetLabel(.carried) + "\n"
    text += section(MeetingColumns.followups, detail.carried, language)
    return TerminalText.sanitize(text)
  }

  static func section<Row>(_ columns: [Column<Row>], _ rows: [Row], _ language: Language) -> String {
    rows.isEmpty
      ? "  \(language.texts.meetingSheetLabel(.none))\n" : UnitSheet.indent(UnitSheet.table(columns, rows, language))
  }

  /// The JSON of `meeting show`: the meeting's own keys, then `attendance`, `topics` and
  /// `decisions`, then its tasks and the tasks carried to it.
  public static func json(_ detail: MeetingDetail) -> JSONValue {
    let summary = detail.summary
    return .object([
      "id": .int(summary.id.rawValue), "title": .string(summary.title), "held_on": .string(summary.heldOn.iso),
      "place": .optional(summary.place), "chair": .optional(summary.chair), "recorder": .optional(summary.recorder),
      "attendance": .array(detail.attendance.map { jsonObject(MeetingColumns.attendance, $0) }),
      "topics": .array(detail.topics.map { jsonObject(MeetingColumns.topics, $0) }),
      "decisions": .array(detail.decisions.map { jsonObject(MeetingColumns.decisions, $0) }),
      "topics_due": .string(detail.topicsDue.iso),
      "followups": .array(detail.followups.map { jsonObject(MeetingColumns.followups, $0) }),
      "carried_followups": .array(detail.carried.map { jsonObject(MeetingColumns.followups, $0) }),
    ])
  }
}
