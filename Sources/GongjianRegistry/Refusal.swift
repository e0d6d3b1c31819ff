/// Why the registry did not do what was asked: the rule that stopped it and the facts that
/// break it (which unit, which day, which group). The registry never words a refusal; every
/// surface renders it in the reader's language and derives its exit status or HTTP status
/// from it.
public enum Refusal: Error, Equatable, Sendable {
  // MARK: Finding what a person named

  /// The text naming a unit or group is empty.
  case emptyReference(EntityKind)
  /// An id that no unit (or group) has.
  case noSuchID(EntityKind, id: Int)
  /// A name that matches nothing, with the nearest names (possibly none).
  case noSuchName(EntityKind, text: String, suggestions: [Candidate])
  /// A part of a name that matches several; `more` when there were more than listed.
  case ambiguousName(EntityKind, text: String, candidates: [Candidate], more: Bool)

  // MARK: Units and their alliance periods

  /// The name's key is taken by a unit already registered.
  case alreadyRegistered(name: String, existing: UnitReference, joinedOn: Day, leftOn: Day?)
  /// A name like a registered unit's (other brackets, with or without 集团, 有限公司, 股份):
  /// probably the same unit typed another way; registering it anyway takes an explicit choice.
  case similarToRegistered(name: String, existing: UnitReference, joinedOn: Day)
  /// A rename to a name another unit has.
  case nameTaken(name: String, other: UnitReference, joinedOn: Day)
  /// Withdrawing a unit that is not in the alliance; `leftOn` is when it last left.
  case notInAlliance(UnitReference, leftOn: Day?)
  /// Rejoining a unit that is in the alliance.
  case alreadyInAlliance(UnitReference, since: Day)
  /// Signing an agreement on a day the unit was not in the alliance.
  case signingOutsideAlliance(UnitReference, signedOn: Day)
  /// Joining a working group on a day the unit was not in the alliance.
  case groupJoinOutsideAlliance(UnitReference, day: Day)
  /// Joining a working group within a period that has already ended.
  case periodEnded(UnitReference, leftOn: Day)
  /// Withdrawing before the day the unit joined one of its working groups.
  case withdrawalBeforeGroupJoin(UnitReference, group: GroupReference, groupJoinedOn: Day, withdrawal: Day)

  // MARK: Corrections

  /// A period number the unit does not have; `count` is how many it has.
  case noSuchPeriod(UnitReference, number: Int, count: Int)
  /// A leaving date for a period still open: that is a withdrawal, not a correction.
  case leavingAnOpenPeriod(UnitReference, since: Day)
  /// The corrected period would overlap another of the unit's periods.
  case periodsWouldOverlap(UnitReference, period: Int, joinedOn: Day, leftOn: Day?)
  /// A working-group membership would fall outside the corrected period.
  case correctionStrandsGroupMembership(UnitReference, group: GroupReference, joinedOn: Day, leftOn: Day?)
  /// An agreement signed during the period (a renewal) would fall outside the corrected period.
  case correctionStrandsAgreement(UnitReference, title: String, signedOn: Day)
  /// Nothing left to undo.
  case nothingToUndo
  /// The latest change is no longer the one the person saw and chose to take back.
  case latestChangeMoved
  /// The change cannot be taken back: the registry no longer looks as the change left it
  /// (something changed since), or it is of a kind that cannot be (the registry's creation,
  /// entries from before changes were recorded as facts).
  case cannotUndo(action: String, at: String, reason: UndoObstacle)

  // MARK: Working groups

  case groupExists(GroupReference)
  case groupDissolved(GroupReference, on: Day)
  case groupNotYetFounded(GroupReference, foundedOn: Day, day: Day)
  /// A new membership would overlap one that lasted until `until`.
  case groupMembershipOverlaps(UnitReference, GroupReference, until: Day)
  case alreadyInGroup(UnitReference, GroupReference, role: GroupRole, since: Day)
  /// A change of role dated before the membership it changes began.
  case roleChangeBeforeMembership(UnitReference, GroupReference, since: Day)
  case notInGroup(UnitReference, GroupReference)

  // MARK: Joint meetings

  /// Meetings, their attendance, topics, decisions and follow-up tasks.
  case meetings(MeetingRefusal)
  // MARK: Accounts of the browser view

  /// An account of that name (compared as names are: by key) exists.
  case accountExists(name: String)
  /// No account has that name; `known` lists those there are.
  case noSuchAccount(name: String, known: [String])

  // MARK: Values

  /// One or more values break a rule; every one is listed so all can be fixed at once.
  case invalidValues([FieldProblem])

  // MARK: Years and reports

  /// A year outside the years the registry knows.
  case yearOutOfRange(Int)
  /// The first year of a range is after its last.
  case rangeReversed(from: Int, to: Int)
  /// A report that would count years that have not happened.
  case rangeInFuture(to: Int, today: Day)
  /// A number of days outside what makes sense (e.g. agreements expiring within N days).
  case dayCountOutOfRange(Int, limit: Int)

  // MARK: Files

  /// An import file with problems: nothing was imported.
  case importFailed(ImportProblems)
  /// An import file that cannot be read as a whole (damaged, a limit, an encoding).
  case unreadableInput(path: String, InputProblem)
  /// The header of an import file names unknown columns, or lacks required ones; `layout`
  /// tells which sheet was read and which rows were taken as titles.
  case importHeader(path: String, HeaderFailure, layout: ImportLayout)
  /// The name of the file to read is empty.
  case inputNameEmpty
  case inputMissing(path: String)
  case inputIsFolder(path: String)
  /// An old binary Excel workbook (.xls), which is not read.
  case inputIsOldExcel(path: String)
  /// Not even a header.
  case inputEmpty(path: String)
  /// A header and no rows.
  case inputHasNoRows(path: String)

  // MARK: Many registries

  /// A district roll-up over several registry files could not be made (see `DistrictRefusal`).
  case district(DistrictRefusal)

  // MARK: The registry itself

  /// A stored date that is not a date: the file was changed outside gongjian.
  case impossibleStoredDate(String)
  /// `check` found problems in the registry (listed in its report).
  case registryDamaged(path: String, problems: Int)

  // MARK: Lists and projects

  /// A rule of the resources, needs, claims, projects and service records.
  case lists(ListRefusal)

  /// A single value problem as a refusal.
  public static func invalid(_ field: Field, _ problem: ValueProblem) -> Refusal {
    .invalidValues([FieldProblem(field, problem)])
  }
}

/// A value that breaks a rule, with the field it is in: a surface names the field by its
/// option (CLI), its column (import) or its form field (web).
public struct FieldProblem: Equatable, Sendable {
  public var field: Field
  public var problem: ValueProblem

  public init(_ field: Field, _ problem: ValueProblem) {
    self.field = field
    self.problem = problem
  }
}

/// What is wrong with one value.
public enum ValueProblem: Error, Equatable, Sendable {
  /// Required, but empty.
  case missing
  /// Longer than the registry stores.
  case tooLong(limit: Int)
  /// Shorter than a rule asks (a password).
  case tooShort(minimum: Int)
  /// Longer than the limit once normalised (NFKC can lengthen a name).
  case tooLongOnceNormalised(limit: Int, length: Int)
  /// Holds a control character (a line break in a one-line field, an escape…): its code point.
  case controlCharacter(UInt32)
  /// Nothing visible once invisible characters are removed.
  case invisibleOnly(text: String)
  case notADate(DayParser.Failure)
  /// A number in a spreadsheet's date cell that is no day Excel knows.
  case notAnExcelDate(Double)
  /// Joining, leaving, signing and founding dates may not lie after today: they are typos.
  case afterToday(DateRole, Day, today: Day)
  case leavingBeforeJoining(left: Day, joined: Day)
  case expiresBeforeSigned(expires: Day, signed: Day)
  case rejoiningBeforeLastLeaving(day: Day, lastLeft: Day)
  case leavingGroupBeforeJoining(day: Day, group: GroupReference, joined: Day)
  /// A day after the meeting it is about (a topic raised after the meeting was held).
  case afterMeeting(Day, meetingDay: Day)
  /// A day before the meeting it is about (a task due, or reported on, before the decision).
  case beforeMeeting(Day, meetingDay: Day)
  /// A report on a task dated before its latest report.
  case beforeLatestReport(Day, latest: Day)
  /// A year outside the years the registry knows.
  case yearOutOfRange(Int)
  /// A value of the lists (a number, a level, a status, a claim) or a credit code.
  case lists(ListValueProblem)
}

/// Why a change cannot be undone.
public enum UndoObstacle: Equatable, Sendable {
  /// The unit was changed since, by something the history does not show as undone.
  case changedSince(UnitReference)
  /// The group is in use by units now.
  case groupInUse(GroupReference)
  /// The creation of the registry, or an entry from before changes were recorded as facts.
  case notReversible
  /// The meeting's records (attendance, topics, decisions, tasks and their reports) are no
  /// longer as the change left them, or something recorded since depends on what it added.
  case meetingChangedSince(MeetingReference)
}

/// What a date in a rule means, so a refusal can say "the leaving date".
public enum DateRole: String, Sendable, CaseIterable {
  case joining, leaving, signing, founding, rejoining, renaming, groupJoining, groupLeaving
  /// The day of a report on a follow-up task.
  case reporting
  /// The day a need or a meeting's topic was raised; the lists' days: a project proposed, a
  /// claim, a status change, a service record, a resource withdrawn.
  case raising, proposing, claiming, statusChange, serving, resourceWithdrawal
}
