import GongjianPresentation
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where text for people goes, and whether it may be coloured. Everything printed here passes
/// the one terminal sanitiser: a unit's stored name cannot drive the terminal.
enum Terminal {
  /// Colour only on a terminal, and never with NO_COLOR set (https://no-color.org).
  static func colorAllowed(fileDescriptor: Int32 = STDOUT_FILENO) -> Bool {
    if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
    if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
    return isatty(fileDescriptor) == 1
  }

  static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }

  /// The width tables must fit: the terminal's, else `$COLUMNS` when set (what a script or a
  /// test asks for); nil when output goes to a pipe or file without it: nothing is cut.
  static func width() -> Int? {
    var size = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    if let value = getenv("COLUMNS"), let columns = Int(String(cString: value)), columns >= 20 { return columns }
    return nil
  }

  /// An error for the user: "gongjian：" and the message, on stderr.
  static func printError(_ message: String) {
    writeError(Interface.texts.errorPrefix + TerminalText.sanitize(message) + "\n")
  }

  /// A note for the user on stderr (where stdout may be a file or a pipe).
  static func printNote(_ message: String) {
    writeError(TerminalText.sanitize(message) + "\n")
  }

  /// A line of output for the user on stdout.
  static func say(_ message: String) {
    print(TerminalText.sanitize(message))
  }

  static func writeError(_ text: String) {
    var copy = text
    _ = copy.withUTF8 { BufferedWriter.writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
  }
}
