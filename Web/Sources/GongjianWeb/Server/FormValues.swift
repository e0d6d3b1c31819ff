/// The fields of a submitted form or of a query string (`application/x-www-form-urlencoded`),
/// in order; a name may come several times (`group`, one per chosen working group).
public struct FormValues: Sendable, Equatable {
  public private(set) var pairs: [(name: String, value: String)] = []

  public init() {}

  public init(_ pairs: [(String, String)]) {
    self.pairs = pairs.map { (name: $0.0, value: $0.1) }
  }

  public static func == (lhs: FormValues, rhs: FormValues) -> Bool {
    lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
  }

  /// The first value of a field; nil when absent.
  public subscript(_ name: String) -> String? {
    pairs.first { $0.name == name }?.value
  }

  /// The value, or nil when absent or blank: an empty form field means "not given".
  public func given(_ name: String) -> String? {
    guard let value = self[name], value.contains(where: { !$0.isWhitespace }) else { return nil }
    return value
  }

  /// Every value of a field, blanks left out.
  public func all(_ name: String) -> [String] {
    pairs.filter { $0.name == name && $0.value.contains(where: { !$0.isWhitespace }) }.map(\.value)
  }

  /// A check box: present and not "off".
  public func isChecked(_ name: String) -> Bool {
    guard let value = self[name] else { return false }
    return value != "off" && value != "0"
  }

  /// Parses `a=1&b=%E4%B8%AD&c=x+y`. Nil when it cannot be read: a bad percent escape or bytes
  /// that are not UTF-8 (the request is refused, not guessed at).
  public static func parse(_ bytes: some Collection<UInt8>) -> FormValues? {
    var values = FormValues()
    for piece in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
      let equals = piece.firstIndex(of: UInt8(ascii: "="))
      let rawName = equals.map { piece[piece.startIndex..<$0] } ?? piece[...]
      let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? piece[piece.endIndex...]
      guard let name = decode(rawName), let value = decode(rawValue) else { return nil }
      values.pairs.append((name: name, value: value))
    }
    return values
  }

  public static func parse(query: String) -> FormValues? {
    parse(Array(query.utf8))
  }

  /// `+` is a space; `%XX` a byte; the bytes must be UTF-8.
  static func decode(_ bytes: some Collection<UInt8>) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index != bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "+") {
        out.append(UInt8(ascii: " "))
      } else if byte == UInt8(ascii: "%") {
        let first = bytes.index(after: index)
        guard first != bytes.endIndex else { return nil }
        let second = bytes.index(after: first)
        guard second != bytes.endIndex, let high = hexValue(bytes[first]), let low = hexValue(bytes[second]) else {
          return nil
        }
        out.append(high << 4 | low)
        index = second
      } else {
        out.append(byte)
      }
      index = bytes.index(after: index)
    }
    return String(validating: out, as: UTF8.self)
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  /// The pairs as a query string (for links that keep a listing's filters).
  public var query: String {
    pairs.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
  }

  func encode(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
        UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let digits = Array("0123456789ABCDEF")
        result += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
      }
    }
    return result
  }
}
