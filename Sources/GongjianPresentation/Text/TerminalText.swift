/// The one sanitiser every text for a person passes before it reaches a terminal. A registry
/// may hold text written by another program (the `sqlite3` shell, a file received from
/// elsewhere): an escape sequence in a unit's name must not clear the screen, write to the
/// clipboard (OSC 52) or disguise a link, and a bidi override must not reorder what is shown.
/// Machine formats (JSON, CSV) never pass here: they keep the text exact.
public enum TerminalText {
  /// C0 and C1 controls, DEL, and the bidi embedding, override and isolate controls.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// `text` with every unsafe character shown as a visible escape (`\u{1B}`); line breaks kept
  /// (and tabs, for aligned output) when `keepingLines`.
  public static func sanitize(_ text: String, keepingLines: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if keepingLines && (scalar == "\n" || scalar == "\t") {
        result.append(scalar)
      } else if isUnsafe(scalar) {
        result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// A table cell: one line, line breaks shown as ⏎.
  public static func cell(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    return sanitize(text.replacingLineBreaks(with: "⏎"), keepingLines: false)
  }
}

extension String {
  fileprivate func replacingLineBreaks(with mark: String) -> String {
    var result = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in unicodeScalars {
      if scalar == "\n" && previousWasCR {
        previousWasCR = false
        continue
      }
      previousWasCR = scalar == "\r"
      if scalar == "\n" || scalar == "\r" {
        result.append(contentsOf: mark.unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }
}
