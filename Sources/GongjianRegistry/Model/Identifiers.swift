/// The id of a unit. Operations take ids; the text a person typed is resolved to one first.
public struct UnitID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public init(_ rawValue: Int) { self.rawValue = rawValue }
  public var description: String { String(rawValue) }
  public static func < (lhs: UnitID, rhs: UnitID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The id of a working group.
public struct GroupID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }
  public init(_ rawValue: Int) { self.rawValue = rawValue }
  public var description: String { String(rawValue) }
  public static func < (lhs: GroupID, rhs: GroupID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A unit named in an answer or a refusal: its id and its current name.
public struct UnitReference: Hashable, Sendable {
  public var id: UnitID
  public var name: String

  public init(id: UnitID, name: String) {
    self.id = id
    self.name = name
  }
}

/// A working group named in an answer or a refusal.
public struct GroupReference: Hashable, Sendable {
  public var id: GroupID
  public var name: String

  public init(id: GroupID, name: String) {
    self.id = id
    self.name = name
  }
}

/// The kinds of things a person names by id or by (part of) a name.
public enum EntityKind: String, Sendable, CaseIterable {
  case unit, group
  /// The lists' items: named by id or by a part of their title.
  case resource, need, project, activity
}

/// A thing found while looking up a name: offered as a candidate or a suggestion.
public struct Candidate: Hashable, Sendable {
  public var id: Int
  public var name: String

  public init(id: Int, name: String) {
    self.id = id
    self.name = name
  }
}
