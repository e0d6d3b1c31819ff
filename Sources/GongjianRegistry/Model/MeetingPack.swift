/// The materials for a year's joint meeting (联席会议), as facts: a sequence of typed
/// sections, each carrying what it shows and what a surface needs to say how to reproduce it.
/// A surface renders the sections in order (a printable page, a workbook); a new kind of
/// section is a new case here, assembled in `Registry.meetingPack(year:)`.
public struct MeetingPack: Equatable, Sendable {
  public var year: Int
  /// The day every figure is counted on: the year's last day, or today in the current year.
  public var asOf: Day
  public var subdistrict: String
  public var district: String
  public var sections: [MeetingPackSection]
}

/// One section of the meeting pack.
public enum MeetingPackSection: Equatable, Sendable {
  /// The alliance's growth over the last four years up to the pack's year.
  case growth(GrowthReport)
  /// The units that joined in the year (new or rejoining), with the agreement they signed.
  case joined([JoinedUnit])
  /// The units that left in the year, with their reasons.
  case left([LeftUnit])
  /// The working groups with their leads and member counts on the pack's day.
  case groups([WorkingGroup])
  /// Agreements of units in the alliance that expire within the coming year (or have expired
  /// without a renewal).
  case expiringAgreements(ExpiringAgreements)
  /// The year's resources, needs, projects and service records with their figures; nil when
  /// the registry keeps no lists (made before they existed).
  case lists(YearLists?)
  /// The year's meetings: their topics and decisions.
  case meetings([MeetingDetail])
  /// Each unit's attendance at the year's meetings.
  case attendance(ParticipationReport)
  /// The year's follow-up tasks and their status.
  case followups(YearFollowups)
  /// The units that did nothing in the year, by the measures the section names.
  case idleUnits(IdleUnits)
}

/// A unit that joined (or rejoined) the alliance, with the agreement it signed that day.
public struct JoinedUnit: Equatable, Sendable {
  public var unit: UnitReference
  public var kind: String
  public var joinedOn: Day
  /// It had been in the alliance before: this is a new period.
  public var rejoined: Bool
  public var agreementTitle: String?
  public var signatory: String?
  public var signatoryTitle: String?
  public var expiresOn: Day?
  /// Working groups it joined in this period (by the pack's day).
  public var groups: [String]
}

/// A unit that left the alliance.
public struct LeftUnit: Equatable, Sendable {
  public var unit: UnitReference
  public var kind: String
  public var joinedOn: Day
  public var leftOn: Day
  public var reason: String?
}

/// Agreements to renew: those expiring within `days` days after the pack's day.
public struct ExpiringAgreements: Equatable, Sendable {
  public var days: Int
  public var until: Day
  public var agreements: [ExpiringAgreement]
}

/// What counts as taking part in the alliance's work in a year. A unit with none of these
/// is idle. The three lists' activities (resources offered, needs claimed, projects led or
/// joined, service records) are counted apart, by `UnitYear.idle` (`report units --idle`).
public enum UnitActivity: String, Sendable, CaseIterable {
  /// Present at one of the year's meetings (excused or absent does not count).
  case attendedMeeting
  /// Raised a topic for one of the year's meetings.
  case raisedTopic
  /// Responsible for one of the year's follow-up tasks.
  case responsibleForFollowup

  /// The measures the meetings give.
  public static let meetingMeasures: [UnitActivity] = [.attendedMeeting, .raisedTopic, .responsibleForFollowup]
}

extension UnitParticipation {
  /// How much of one activity the unit shows.
  public func count(of activity: UnitActivity) -> Int {
    switch activity {
    case .attendedMeeting: present
    case .raisedTopic: topics
    case .responsibleForFollowup: followups
    }
  }
}

/// What the three lists (资源清单, 需求清单, 项目清单) did in a year: the resources the units
/// in the alliance offered at some time in it, and the figures of `ProjectReport` for the
/// year (needs raised and what became of them by its end, projects proposed and theirs,
/// the service records of its days), in total and by category.
public struct YearLists: Equatable, Sendable {
  public var year: Int
  public var asOf: Day
  public var resources: Int
  public var figures: ProjectFigures
  public var categories: [CategoryFigures]
}

/// The units in the alliance at one of the year's meetings at least that show none of the
/// `measures`.
public struct IdleUnits: Equatable, Sendable {
  public var year: Int
  public var measures: [UnitActivity]
  /// How many of the year's meetings were counted.
  public var meetings: Int
  public var units: [UnitParticipation]
}
