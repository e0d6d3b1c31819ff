/// The shared-string table (`xl/sharedStrings.xml`): the text of every string cell Excel and
/// LibreOffice write, referred to by number. Kept as one block of UTF-8 with the end of each
/// string (a million strings cost their bytes and four more each, not a million objects).
/// A string longer than a cell may hold is refused here, once, rather than at every cell that
/// points at it; a long string is made into a `String` once and shared by every such cell.
final class XLSXSharedStrings {
  private var bytes: [UInt8] = []
  private var ends: [UInt32] = []
  /// Strings longer than this are made once and kept.
  private static let cachedLength = 256
  private var cache: [Int: String] = [:]

  var count: Int { ends.count }

  init() {}

  /// Reads the table: each `<si>` is the text of its `<t>`s (rich-text runs joined), without
  /// phonetic guides (`<rPh>`).
  init(_ tokenizer: inout XMLTokenizer, limits: InputLimits) throws {
    var inString = false
    var inText = false
    var inPhonetic = false
    var start = 0
    let byteLimit = 3 * limits.cellCharacters
    while true {
      switch try tokenizer.next() {
      case .start:
        if tokenizer.isNamed("si") {
          guard !inString else { throw tokenizer.damaged() }
          inString = true
          start = bytes.count
        } else if tokenizer.isNamed("rPh") {
          inPhonetic = true
        } else if tokenizer.isNamed("t") && inString && !inPhonetic {
          inText = true
        }
      case .text:
        if inText {
          try tokenizer.appendText(to: &bytes)
          // Three UTF-8 bytes at most per UTF-16 unit: past this, certainly too long.
          if bytes.count - start > byteLimit {
            throw InputProblem.cellTextTooLong(part: tokenizer.part, cell: nil, limit: limits.cellCharacters)
          }
        }
      case .end:
        if tokenizer.isNamed("t") {
          inText = false
        } else if tokenizer.isNamed("rPh") {
          inPhonetic = false
        } else if tokenizer.isNamed("si") {
          inString = false
          try finish(from: start, tokenizer: tokenizer, limits: limits)
        }
      case .endOfDocument:
        return
      }
    }
  }

  private func finish(from start: Int, tokenizer: borrowing XMLTokenizer, limits: InputLimits) throws {
    let text = bytes[start...]
    guard let string = UTF8Scan.string(text) else { throw tokenizer.damaged() }
    let unescaped = XLSXText.unescape(string)
    if unescaped.utf8.count != text.count {
      bytes.removeSubrange(start...)
      bytes.append(contentsOf: unescaped.utf8)
    }
    if unescaped.utf8.count > limits.cellCharacters && unescaped.utf16.count > limits.cellCharacters {
      throw InputProblem.cellTextTooLong(part: tokenizer.part, cell: nil, limit: limits.cellCharacters)
    }
    guard ends.count < limits.sharedStrings else {
      throw InputProblem.tooManySharedStrings(limit: limits.sharedStrings)
    }
    ends.append(UInt32(bytes.count))
  }

  /// String number `index`, nil when there is none.
  func string(_ index: Int) -> String? {
    guard index >= 0 && index < ends.count else { return nil }
    let start = index == 0 ? 0 : Int(ends[index - 1])
    let end = Int(ends[index])
    if end - start > XLSXSharedStrings.cachedLength {
      if let cached = cache[index] { return cached }
      let made = bytes.withUnsafeBytes { String(decoding: $0[start..<end], as: UTF8.self) }
      cache[index] = made
      return made
    }
    return bytes.withUnsafeBytes { String(decoding: $0[start..<end], as: UTF8.self) }
  }
}

/// Text as SpreadsheetML stores it.
enum XLSXText {
  /// Excel writes characters XML cannot hold (control characters) as `_xHHHH_`, and an
  /// underscore that would read as such as `_x005F_`.
  static func unescape(_ text: String) -> String {
    guard text.utf8.contains(0x5F), text.contains("_x") else { return text }
    let bytes = Array(text.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x5F, index + 6 < bytes.count, bytes[index + 1] == 0x78, bytes[index + 6] == 0x5F,
        let value = UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        result.append(contentsOf: scalar.utf8)
        index += 7
        continue
      }
      result.append(bytes[index])
      index += 1
    }
    return String(decoding: result, as: UTF8.self)
  }
}
