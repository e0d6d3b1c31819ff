/// SQL text and the values it binds, as one value: interpolating a value adds a `?` and the
/// value, never the value's text, so a fragment cannot be injected into; fragments compose
/// with `+` and interpolation, and keep their arguments in the order of their `?`s.
///
///     let query: SQL = "SELECT id FROM unit WHERE kind = \(kind) AND " + activeOn(day)
public struct SQL: ExpressibleByStringInterpolation, CustomStringConvertible {
  public private(set) var text: String
  public private(set) var arguments: [(any SQLiteBindable)?]

  public init(stringLiteral value: String) {
    text = value
    arguments = []
  }

  public init(stringInterpolation: Interpolation) {
    text = stringInterpolation.text
    arguments = stringInterpolation.arguments
  }

  /// SQL text written by the program, never by a user: table and column names, keywords.
  public init(verbatim text: String) {
    self.text = text
    arguments = []
  }

  public var description: String { text }

  public var isEmpty: Bool { text.isEmpty }

  public static func + (lhs: SQL, rhs: SQL) -> SQL {
    var result = lhs
    result += rhs
    return result
  }

  public static func += (lhs: inout SQL, rhs: SQL) {
    lhs.text += rhs.text
    lhs.arguments += rhs.arguments
  }

  /// The fragments joined by `separator` (e.g. " AND ").
  public static func joined(_ fragments: [SQL], separator: String) -> SQL {
    var result = SQL(verbatim: "")
    for (index, fragment) in fragments.enumerated() {
      if index > 0 { result.text += separator }
      result += fragment
    }
    return result
  }

  public struct Interpolation: StringInterpolationProtocol {
    var text = ""
    var arguments: [(any SQLiteBindable)?] = []

    public init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + interpolationCount)
    }

    public mutating func appendLiteral(_ literal: String) { text += literal }

    /// A value: bound, never spliced.
    public mutating func appendInterpolation(_ value: (any SQLiteBindable)?) {
      text += "?"
      arguments.append(value)
    }

    /// Another fragment, with its arguments.
    public mutating func appendInterpolation(_ fragment: SQL) {
      text += fragment.text
      arguments += fragment.arguments
    }

    /// A name the program chose (a table, a column), spliced as it is.
    public mutating func appendInterpolation(identifier: String) {
      text += identifier
    }
  }
}

@available(*, unavailable)
extension SQL: Sendable {}

extension Connection {
  /// Prepares a fragment and binds its arguments. (The label keeps a string literal with
  /// interpolations from being taken as a plain `String`, which would splice the values.)
  public func prepare(sql query: SQL) throws -> Statement {
    let statement = try prepare(query.text)
    try statement.bind(query.arguments)
    return statement
  }

  /// Runs a fragment that returns no rows.
  public func run(sql query: SQL) throws {
    try run(query.text, arguments: query.arguments)
  }

  /// The first column of the first row of a fragment, or nil.
  public func scalar<T: SQLiteColumnReadable>(_ type: T.Type, sql query: SQL) throws -> T? {
    let statement = try prepare(sql: query)
    guard try statement.step() else { return nil }
    return try statement.column(0, as: type)
  }
}
