/// Text written so a shell reads it back as one word: the command line recorded in the
/// history, and paths in hints that a person may copy into a terminal.
public enum ShellWords {
  public static func quote(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy {
      ($0.value >= 0x80 && !$0.properties.isWhitespace)
        || "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./~=+:,@%".unicodeScalars.contains($0)
    }
    return safe && !text.isEmpty ? text : "'" + text.replacingEvery("'", with: "'\\''") + "'"
  }
}

extension String {
  /// Every occurrence of `target` replaced, without Foundation.
  public func replacingEvery(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.range(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
