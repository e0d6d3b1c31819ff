import GongjianRegistry

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
