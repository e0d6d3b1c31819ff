/// The id of a resource a unit offers (资源清单).
public struct ResourceID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public init(_ rawValue: Int) { self.rawValue = rawValue }
  public var description: String { String(rawValue) }
  public static func < (lhs: ResourceID, rhs: ResourceID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The id of a need (需求清单).
public struct NeedID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public init(_ rawValue: Int) { self.rawValue = rawValue }
  public var description: String { String(rawValue) }
  public static func < (lhs: NeedID, rhs: NeedID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The id of a project (项目清单).
public struct ProjectID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public init(_ rawValue: Int) { self.rawValue = rawValue }
  public var description: String { String(rawValue) }
  public static func < (lhs: ProjectID, rhs: ProjectID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A resource, need, project or activity named in an answer or a refusal: what it is, its id
/// and its title (an activity's is its project's).
public struct ItemReference: Hashable, Sendable {
  public var kind: EntityKind
  public var id: Int
  public var title: String

  public init(_ kind: EntityKind, id: Int, title: String) {
    self.kind = kind
    self.id = id
    self.title = title
  }
}

/// Where a need stands: open (待认领) → claimed (已认领) → met (已解决) | closed (已关闭).
public enum NeedStatus: String, Sendable, CaseIterable, Comparable {
  case open, claimed, met, closed

  /// How far along: a status only moves to a higher rank.
  var rank: Int {
    switch self {
    case .open: 0
    case .claimed: 1
    case .met, .closed: 2
    }
  }

  /// Met and closed end a need.
  public var isFinal: Bool { rank == 2 }

  public static func < (lhs: NeedStatus, rhs: NeedStatus) -> Bool { lhs.rank < rhs.rank }
}

/// Where a project stands: proposed (征集中) → claimed (已认领) → running (实施中) → done
/// (已完成) | dropped (已终止).
public enum ProjectStatus: String, Sendable, CaseIterable, Comparable {
  case proposed, claimed, running, done, dropped

  var rank: Int {
    switch self {
    case .proposed: 0
    case .claimed: 1
    case .running: 2
    case .done, .dropped: 3
    }
  }

  /// Done and dropped end a project.
  public var isFinal: Bool { rank == 3 }

  public static func < (lhs: ProjectStatus, rhs: ProjectStatus) -> Bool { lhs.rank < rhs.rank }
}

/// The standard categories of the lists; any other text is allowed too.
public enum ListCategory {
  public static let resources = ["场地", "志愿服务", "专业服务", "文化教育", "资金物资", "其他"]
  public static let fallback = "其他"
}

/// The three levels of a 家园党建 project, as stored.
public enum ProjectLevel {
  public static let all = ["街区联建", "责任区共建", "楼组自建"]
}

/// Who raised a need.
public enum NeedRaiser: Equatable, Sendable {
  /// The party-building service centre itself.
  case centre
  case unit(UnitReference)
  /// Someone outside the registry, as written: a residents' committee (居民区), a group of residents.
  case other(String)
}

/// One claim (认领): who took on which need or project, on which day; for a need that claimed a
/// unit's resource, the resource.
public struct Claim: Equatable, Sendable {
  public var id: Int
  public var unit: UnitReference
  public var need: ItemReference?
  public var project: ItemReference?
  public var resource: ItemReference?
  public var claimedOn: Day
}

/// A dated change of status.
public struct StatusChange<Status: Equatable & Sendable>: Equatable, Sendable {
  public var status: Status
  public var on: Day
}

/// A resource a unit offers.
public struct Resource: Equatable, Sendable {
  public var id: ResourceID
  public var unit: UnitReference
  public var title: String
  public var category: String
  public var description: String?
  public var capacity: String?
  public var contact: String?
  public var availableFrom: Day
  public var availableUntil: Day?
  public var withdrawnOn: Day?

  public var reference: ItemReference { ItemReference(.resource, id: id.rawValue, title: title) }

  /// Offered on this day: begun, not past its last day, not withdrawn.
  public func isAvailable(on day: Day) -> Bool {
    availableFrom <= day && (availableUntil.map { day <= $0 } ?? true) && (withdrawnOn.map { day < $0 } ?? true)
  }
}

/// A resource with what became of it (`resource show`).
public struct ResourceDetail: Equatable, Sendable {
  public var resource: Resource
  /// Needs that claimed it.
  public var claims: [Claim]
  /// Projects that use it.
  public var projects: [ItemReference]
}

/// A need.
public struct Need: Equatable, Sendable {
  public var id: NeedID
  public var title: String
  public var category: String
  public var description: String?
  public var raisedBy: NeedRaiser
  public var raisedOn: Day
  public var people: Int?
  public var deadline: Day?
  public var status: NeedStatus
  public var statusOn: Day
  /// The units that claimed it, in the order they did (a unit once).
  public var claimedBy: [UnitReference]

  public var reference: ItemReference { ItemReference(.need, id: id.rawValue, title: title) }

  /// Still open after its claim deadline.
  public func isOverdue(today: Day) -> Bool {
    status == .open && (deadline.map { $0 < today } ?? false)
  }
}

/// A need with its history (`need show`).
public struct NeedDetail: Equatable, Sendable {
  public var need: Need
  public var statuses: [StatusChange<NeedStatus>]
  public var claims: [Claim]
  /// Projects that answer it.
  public var projects: [ItemReference]
}

/// A project.
public struct Project: Equatable, Sendable {
  public var id: ProjectID
  public var title: String
  public var category: String
  public var level: String?
  public var description: String?
  public var lead: UnitReference?
  /// Units taking part besides the lead.
  public var units: [UnitReference]
  public var needs: [ItemReference]
  public var resources: [ItemReference]
  /// The planned first and last days.
  public var startOn: Day?
  public var endOn: Day?
  public var proposedOn: Day
  public var status: ProjectStatus
  public var statusOn: Day
  /// The day it began running and the day it was done or dropped, when it has.
  public var startedOn: Day?
  public var endedOn: Day?

  public var reference: ItemReference { ItemReference(.project, id: id.rawValue, title: title) }
}

/// A project with its history (`project show`).
public struct ProjectDetail: Equatable, Sendable {
  public var project: Project
  public var statuses: [StatusChange<ProjectStatus>]
  public var claims: [Claim]
  /// Its service records' totals.
  public var activities: Int
  public var volunteers: Int
  public var hours: Double
  public var served: Int
}

/// A service record (服务记录) of a project.
public struct Activity: Equatable, Sendable {
  public var id: Int
  public var project: ItemReference
  public var on: Day
  public var units: [UnitReference]
  /// Volunteers (人次), their hours, people served (受益人次).
  public var volunteers: Int
  public var hours: Double
  public var served: Int
  public var note: String?
}

// MARK: - What is asked

/// A resource a unit offers (`resource add`, one row of `resource import`).
public struct NewResource: Equatable, Sendable {
  public var unit: UnitID
  public var title: String
  public var category: String?
  public var capacity: String?
  public var contact: String?
  public var description: String?
  /// Default: today.
  public var availableFrom: Day?
  public var availableUntil: Day?

  public init(
    unit: UnitID, title: String, category: String? = nil, capacity: String? = nil, contact: String? = nil,
    description: String? = nil, availableFrom: Day? = nil, availableUntil: Day? = nil
  ) {
    self.unit = unit
    self.title = title
    self.category = category
    self.capacity = capacity
    self.contact = contact
    self.description = description
    self.availableFrom = availableFrom
    self.availableUntil = availableUntil
  }
}

/// Changes to a resource (`resource edit`): nil leaves a value as it is, "" clears a text.
public struct ResourceChanges: Equatable, Sendable {
  public var title: String?
  public var category: String?
  public var capacity: String?
  public var contact: String?
  public var description: String?
  public var availableFrom: Day?
  public var availableUntil: Day?

  public init(
    title: String? = nil, category: String? = nil, capacity: String? = nil, contact: String? = nil,
    description: String? = nil, availableFrom: Day? = nil, availableUntil: Day? = nil
  ) {
    self.title = title
    self.category = category
    self.capacity = capacity
    self.contact = contact
    self.description = description
    self.availableFrom = availableFrom
    self.availableUntil = availableUntil
  }

  public var isEmpty: Bool { self == ResourceChanges() }
}

/// Who raises a need, as asked: a unit by id, or the text of someone outside the registry.
public enum NeedRaiserInput: Equatable, Sendable {
  case centre
  case unit(UnitID)
  case other(String)
}

/// A need (`need add`, one row of `need import`).
public struct NewNeed: Equatable, Sendable {
  public var title: String
  public var category: String?
  public var description: String?
  public var raisedBy: NeedRaiserInput
  /// Default: today.
  public var raisedOn: Day?
  public var people: Int?
  public var deadline: Day?

  public init(
    title: String, category: String? = nil, description: String? = nil, raisedBy: NeedRaiserInput = .centre,
    raisedOn: Day? = nil, people: Int? = nil, deadline: Day? = nil
  ) {
    self.title = title
    self.category = category
    self.description = description
    self.raisedBy = raisedBy
    self.raisedOn = raisedOn
    self.people = people
    self.deadline = deadline
  }
}

/// A project (`project add`, one row of `project import`).
public struct NewProject: Equatable, Sendable {
  public var title: String
  public var category: String?
  public var level: String?
  public var description: String?
  public var needs: [NeedID]
  public var resources: [ResourceID]
  /// The lead unit: it claims the project on the day it is proposed.
  public var lead: UnitID?
  public var units: [UnitID]
  public var startOn: Day?
  public var endOn: Day?
  /// Default: today.
  public var proposedOn: Day?

  public init(
    title: String, category: String? = nil, level: String? = nil, description: String? = nil, needs: [NeedID] = [],
    resources: [ResourceID] = [], lead: UnitID? = nil, units: [UnitID] = [], startOn: Day? = nil, endOn: Day? = nil,
    proposedOn: Day? = nil
  ) {
    self.title = title
    self.category = category
    self.level = level
    self.description = description
    self.needs = needs
    self.resources = resources
    self.lead = lead
    self.units = units
    self.startOn = startOn
    self.endOn = endOn
    self.proposedOn = proposedOn
  }
}

/// A service record (`activity add`, one row of `activity import`).
public struct NewActivity: Equatable, Sendable {
  public var project: ProjectID
  public var on: Day
  /// The units taking part; none means the project's lead.
  public var units: [UnitID]
  public var volunteers: Int?
  public var hours: Double?
  public var served: Int?
  public var note: String?

  public init(
    project: ProjectID, on: Day, units: [UnitID] = [], volunteers: Int? = nil, hours: Double? = nil,
    served: Int? = nil, note: String? = nil
  ) {
    self.project = project
    self.on = on
    self.units = units
    self.volunteers = volunteers
    self.hours = hours
    self.served = served
    self.note = note
  }
}
