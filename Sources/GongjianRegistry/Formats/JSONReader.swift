/// Reads JSON text back into a `JSONValue`: the facts of history entries. The text comes from
/// the registry file, which another program may have written, so depth and size are bounded
/// and anything malformed gives nil instead of a trap.
enum JSONReader {
  static let maximumDepth = 32

  static func parse(_ text: String) -> JSONValue? {
    var reader = Cursor(bytes: Array(text.utf8))
    reader.skipSpace()
    guard let value = reader.value(depth: 0) else { return nil }
    reader.skipSpace()
    return reader.isAtEnd ? value : nil
  }

  private struct Cursor {
    let bytes: [UInt8]
    var index = 0

    var isAtEnd: Bool { index >= bytes.count }

    mutating func skipSpace() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func consume(_ literal: String) -> Bool {
      let expected = Array(literal.utf8)
      guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
        return false
      }
      index += expected.count
      return true
    }

    mutating func value(depth: Int) -> JSONValue? {
      guard depth < JSONReader.maximumDepth, index < bytes.count else { return nil }
      switch bytes[index] {
      case UInt8(ascii: "n"): return consume("null") ? .null : nil
      case UInt8(ascii: "t"): return consume("true") ? .bool(true) : nil
      case UInt8(ascii: "f"): return consume("false") ? .bool(false) : nil
      case UInt8(ascii: "\""): return string().map(JSONValue.string)
      case UInt8(ascii: "["):
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if consume("]") { return .array(items) }
        while true {
          skipSpace()
          guard let item = value(depth: depth + 1) else { return nil }
          items.append(item)
          skipSpace()
          if consume("]") { return .array(items) }
          guard consume(",") else { return nil }
        }
      case UInt8(ascii: "{"):
        index += 1
        var pairs: [(String, JSONValue)] = []
        skipSpace()
        if consume("}") { return .object(JSONValue.KeyValuePairs(pairs)) }
        while true {
          skipSpace()
          guard let key = string() else { return nil }
          skipSpace()
          guard consume(":") else { return nil }
          skipSpace()
          guard let item = value(depth: depth + 1) else { return nil }
          pairs.append((key, item))
          skipSpace()
          if consume("}") { return .object(JSONValue.KeyValuePairs(pairs)) }
          guard consume(",") else { return nil }
        }
      default: return number()
      }
    }

    mutating func number() -> JSONValue? {
      let start = index
      while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
      guard index > start, index - start < 40 else { return nil }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      if let integer = Int(text) { return .int(integer) }
      return Double(text).map(JSONValue.double)
    }

    mutating func string() -> String? {
      guard consume("\"") else { return nil }
      var scalars = String.UnicodeScalarView()
      var chunkStart = index
      func flush(_ end: Int) {
        scalars.append(contentsOf: String(decoding: bytes[chunkStart..<end], as: UTF8.self).unicodeScalars)
      }
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          flush(index)
          index += 1
          return String(scalars)
        }
        if byte == UInt8(ascii: "\\") {
          flush(index)
          index += 1
          guard index < bytes.count else { return nil }
          let escape = bytes[index]
          index += 1
          switch escape {
          case UInt8(ascii: "n"): scalars.append("\n")
          case UInt8(ascii: "r"): scalars.append("\r")
          case UInt8(ascii: "t"): scalars.append("\t")
          case UInt8(ascii: "b"): scalars.append("\u{8}")
          case UInt8(ascii: "f"): scalars.append("\u{C}")
          case UInt8(ascii: "u"):
            guard let unit = hex4() else { return nil }
            if (0xD800...0xDBFF).contains(unit), consume("\\u"), let low = hex4(), (0xDC00...0xDFFF).contains(low) {
              scalars.append(Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}")
            } else {
              scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
            }
          default: scalars.append(Unicode.Scalar(escape))
          }
          chunkStart = index
          continue
        }
        index += 1
      }
      return nil
    }

    mutating func hex4() -> UInt32? {
      guard index + 4 <= bytes.count else { return nil }
      let text = String(decoding: bytes[index..<index + 4], as: UTF8.self)
      guard let value = UInt32(text, radix: 16) else { return nil }
      index += 4
      return value
    }
  }
}

extension JSONValue {
  /// The member `key` of an object, or nil.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.pairs.first { $0.0 == key }?.1
  }

  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  public var intValue: Int? {
    if case .int(let number) = self { return number }
    return nil
  }

  public var boolValue: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }
}
