/// Why the registry did not record something about a joint meeting: the rule that stopped it
/// and the facts that break it. Worded by each surface, like every `Refusal`.
public enum MeetingRefusal: Error, Equatable, Sendable {
  // MARK: Finding what a person named

  /// The text naming a meeting, decision or task is empty.
  case emptyReference(MeetingRecordKind)
  /// A meeting argument that matches no meeting by id, day or title, with the nearest meetings.
  case noSuchMeeting(text: String, suggestions: [MeetingReference])
  /// A day or part of a title that matches several meetings.
  case ambiguousMeeting(text: String, candidates: [MeetingReference], more: Bool)
  /// A decision or task named by an id or a part of its text that matches nothing.
  case noSuchRecord(MeetingRecordKind, text: String)
  /// A part of a decision's or task's text that matches several.
  case ambiguousRecord(MeetingRecordKind, text: String, candidates: [Candidate], more: Bool)

  // MARK: Rules

  /// A meeting with the same title on the same day is registered already.
  case meetingExists(MeetingReference)
  /// Attendance and decisions are recorded once a meeting has been held.
  case notYetHeld(MeetingReference, today: Day)
  /// Attendance, topics and tasks concern units in the alliance on the meeting's day;
  /// `leftOn` is when the unit last left before it, if it had.
  case notInAllianceOnMeetingDay(UnitReference, meeting: MeetingReference, leftOn: Day?)
  /// The task is done already (since `since`).
  case alreadyDone(FollowupReference, since: Day)
  /// A report that changes nothing: the task is open already and the report has no note.
  case alreadyOpen(FollowupReference)
  /// A unit with meeting records was not registered by mistake: it cannot be removed.
  case unitHasMeetingRecords(UnitReference, records: Int)
  /// Withdrawing (or correcting a period) would leave meeting records of the unit on a day it
  /// was not in the alliance.
  case strandsMeetingRecords(UnitReference, meeting: MeetingReference)
}

/// The meeting records a person names by id or by a part of their text.
public enum MeetingRecordKind: String, Sendable, CaseIterable {
  case meeting, decision, followup
}
