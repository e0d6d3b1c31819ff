/// User text inside a message: cut to a readable length, with control and format characters
/// written as escapes, so a stored name can never break a message's lines or drive the
/// terminal.
enum QuotedText {
  static let longest = 60

  static func quote(_ text: String, open: String, close: String) -> String {
    var result = open
    for scalar in text.unicodeScalars.prefix(longest) {
      if TerminalText.isUnsafe(scalar) {
        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    if text.unicodeScalars.count > longest { result += "…" }
    return result + close
  }
}
