import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where output goes and whether it may be coloured.
enum Terminal {
  /// Colour only on a terminal, and never with NO_COLOR set (https://no-color.org).
  static func colorAllowed(fileDescriptor: Int32 = STDOUT_FILENO) -> Bool {
    if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
    if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
    return isatty(fileDescriptor) == 1
  }

  static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }

  /// An error for the user: "gongjian: " and the message, on stderr.
  static func printError(_ message: String) {
    writeError("gongjian: \(message)\n")
  }

  /// A note for the user on stderr (where stdout may be a file or a pipe).
  static func printNote(_ message: String) {
    writeError(message + "\n")
  }

  static func writeError(_ text: String) {
    var copy = text
    copy.withUTF8 { BufferedWriter.writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
  }

}
