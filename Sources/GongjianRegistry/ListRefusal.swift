/// Why the registry did not do what was asked of its lists and projects: the rule and the
/// facts that break it. Carried by `Refusal.lists`.
public enum ListRefusal: Error, Equatable, Sendable {
  /// The unit was not in the alliance on that day: only a unit in the alliance offers, claims or
  /// takes part.
  case unitNotInAlliance(UnitReference, day: Day)
  /// The unit has left the alliance (on `leftOn`): it offers nothing new.
  case unitHasLeft(UnitReference, leftOn: Day?)
  /// The resource was withdrawn on that day.
  case resourceWithdrawn(ItemReference, on: Day)
  /// The resource is not offered on that day.
  case resourceNotAvailable(ItemReference, day: Day, from: Day, until: Day?)
  /// A resource withdrawn before the day it was first offered.
  case withdrawalBeforeAvailable(ItemReference, day: Day, from: Day)
  /// The need is met or closed (since `on`): nothing more to claim or close.
  case needFinished(ItemReference, status: NeedStatus, on: Day)
  /// The project is done or dropped (since `on`).
  case projectFinished(ItemReference, status: ProjectStatus, on: Day)
  /// The need or project was already claimed by this unit, on that day.
  case alreadyClaimed(ItemReference, by: UnitReference, on: Day)
  /// A status change or claim dated before the item's latest change (or before it was raised):
  /// changes only go forward in time.
  case changeBeforePrevious(ItemReference, day: Day, previous: Day)
  /// A project's status may only move forward (proposed → claimed → running → done | dropped).
  case projectStatusNotForward(ItemReference, from: ProjectStatus, to: ProjectStatus)
  /// The project has not started running: it cannot be finished, nor have service records.
  case projectNotStarted(ItemReference)
  /// A service record dated outside the days the project ran.
  case activityOutsideProject(ItemReference, day: Day, started: Day, ended: Day?)
  /// The credit code is another unit's.
  case creditCodeTaken(String, other: UnitReference)
  /// A unit that has resources, needs, claims, projects or service records cannot be removed as
  /// registered by mistake; `count` is how many such records it has.
  case unitHasListEntries(UnitReference, count: Int)
  /// The item was changed since the change to undo (by something the history does not show
  /// as undone).
  case cannotUndoItem(action: String, at: String, item: ItemReference)
  /// An imported row gives an id the registry already has for another item.
  case idTaken(ItemReference)
}

/// What is wrong with one value of the lists, or with a credit code.
public enum ListValueProblem: Error, Equatable, Sendable {
  /// Not a number (an imported cell).
  case notANumber(String)
  /// A whole number was expected (people, volunteers).
  case notWhole(Double)
  /// Below zero or above what makes sense (a typo).
  case numberOutOfRange(Double, max: Double)
  /// A credit code is 18 characters.
  case creditCodeLength(Int)
  /// A character outside the credit code's alphabet, at its position (1…18).
  case creditCodeCharacter(String, position: Int)
  /// The last character does not check: the one the first 17 call for.
  case creditCodeCheck(expected: String, found: String)
  /// A project level that is none of the three.
  case unknownLevel(String, known: [String])
  /// A status word import does not know.
  case unknownStatus(String, known: [String])
  case untilBeforeFrom(until: Day, from: Day)
  case deadlineBeforeRaised(deadline: Day, raised: Day)
  case endBeforeStart(end: Day, start: Day)
  /// The status a row states is not where its claims and dates lead (`found`).
  case statusDisagrees(stated: String, found: String)
  /// A cell of claims that cannot be read: each claim is `单位名称（2019-07-01）`.
  case unreadableClaim(String)
  /// A cell of ids with something else in it.
  case notAnID(String)
}
