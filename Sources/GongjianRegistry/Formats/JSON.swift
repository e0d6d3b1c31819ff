/// A JSON value, for history records and small documents. Large outputs (export, listings)
/// are streamed with `JSON.appendString` instead of being built as values.
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  /// Keys keep their order, so output is stable and readable.
  case object(KeyValuePairs)
  /// Text that is already JSON (stored history snapshots), written as it is.
  case raw(String)

  public struct KeyValuePairs: Equatable, Sendable, ExpressibleByDictionaryLiteral {
    public var pairs: [(String, JSONValue)]

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
      pairs = elements
    }

    public init(_ pairs: [(String, JSONValue)]) {
      self.pairs = pairs
    }

    public static func == (lhs: KeyValuePairs, rhs: KeyValuePairs) -> Bool {
      lhs.pairs.count == rhs.pairs.count
        && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
  }

  /// A string, or null for nil.
  public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

  /// Compact JSON text.
  public var text: String {
    var output = ""
    JSON.append(self, to: &output, indent: nil, level: 0)
    return output
  }

  /// JSON text indented by two spaces, for people.
  public var prettyText: String {
    var output = ""
    JSON.append(self, to: &output, indent: "  ", level: 0)
    return output
  }
}

public enum JSON {
  public static func append(_ value: JSONValue, to output: inout String, indent: String?, level: Int) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .int(let number): output += String(number)
    case .double(let number): output += formatNumber(number)
    case .string(let text): appendString(text, to: &output)
    case .raw(let json): output += json
    case .array(let items):
      if items.isEmpty {
        output += "[]"
        return
      }
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        newline(&output, indent: indent, level: level + 1)
        append(item, to: &output, indent: indent, level: level + 1)
      }
      newline(&output, indent: indent, level: level)
      output += "]"
    case .object(let members):
      if members.pairs.isEmpty {
        output += "{}"
        return
      }
      output += "{"
      for (index, (key, item)) in members.pairs.enumerated() {
        if index > 0 { output += "," }
        newline(&output, indent: indent, level: level + 1)
        appendString(key, to: &output)
        output += indent == nil ? ":" : ": "
        append(item, to: &output, indent: indent, level: level + 1)
      }
      newline(&output, indent: indent, level: level)
      output += "}"
    }
  }

  private static func newline(_ output: inout String, indent: String?, level: Int) {
    guard let indent else { return }
    output += "\n"
    for _ in 0..<level { output += indent }
  }

  /// A number as JSON: integers without a fraction, others rounded to 1 decimal place
  /// (percentages), non-finite as null.
  public static func formatNumber(_ number: Double) -> String {
    guard number.isFinite else { return "null" }
    let rounded = (number * 10).rounded() / 10
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
  }

  /// Appends `text` as a JSON string literal. Non-ASCII is written as is (UTF-8), so Chinese
  /// stays readable; control characters are escaped.
  public static func appendString(_ text: String, to output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
          output += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }

  public static func quote(_ text: String) -> String {
    var output = ""
    appendString(text, to: &output)
    return output
  }
}
