import SQLite

/// A refusal or failure the user must see: what is wrong and how to fix it, and the exit status
/// SPEC §6 gives it. Every error that leaves the registry layer is one of these.
public struct RegistryError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The exit statuses of SPEC §6 (the BSD sysexits values for 64–75).
  public enum Kind: Int32, Sendable {
    /// Not found, duplicate, conflict with what the registry holds.
    case refused = 1
    /// The command was used wrongly.
    case usage = 64
    /// A value or file is not valid (a bad date, a bad CSV).
    case invalidData = 65
    /// An input file or the registry cannot be opened (missing, not a registry, too new).
    case cannotOpen = 66
    /// Input/output failed: disk full, read-only, a write error.
    case ioFailure = 74
    /// Another process kept the registry busy past the timeout.
    case busy = 75
  }

  public let kind: Kind
  /// One or a few lines: what is wrong, then how to fix it.
  public let message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var exitStatus: Int32 { kind.rawValue }
  public var description: String { message }

  static func refused(_ message: String) -> RegistryError { RegistryError(.refused, message) }
  static func invalid(_ message: String) -> RegistryError { RegistryError(.invalidData, message) }
  static func usage(_ message: String) -> RegistryError { RegistryError(.usage, message) }
  static func cannotOpen(_ message: String) -> RegistryError { RegistryError(.cannotOpen, message) }
  static func io(_ message: String) -> RegistryError { RegistryError(.ioFailure, message) }
}

extension RegistryError {
  /// Translates anything thrown below the registry into a message for the user. SQLite's own
  /// text is kept at the end of the message, for a bug report.
  static func from(_ error: any Error, path: String) -> RegistryError {
    if let error = error as? RegistryError { return error }
    guard let error = error as? SQLiteError else {
      return RegistryError(.ioFailure, "\(error)")
    }
    if error.isDiskFull {
      return .io(
        "the disk is full: the registry \(path) could not be written, and nothing was changed.\n"
          + "Free some space (or move the registry with --db) and run the command again. (\(error.message))")
    }
    if error.isReadOnly, RegistryFile.isWritable(path) {
      let stuck = RegistryFile.writeProtectedCompanions(of: path)
      if !stuck.isEmpty {
        // A reader without write permission leaves SQLite's -shm (and -wal) behind with the
        // registry's read-only mode, and SQLite will not write through them afterwards.
        return .io(
          "the registry \(path) is writable, but SQLite's \(stuck.joined(separator: " and ")) beside it "
            + "\(stuck.count == 1 ? "is" : "are") not: nothing was changed.\n"
            + "Someone probably read the registry while it was write-protected. Make \(stuck.count == 1 ? "it" : "them") "
            + "writable too (ls -l \(RegistryFile.shellQuoted(path))*; chmod u+w), or ask \(stuck.count == 1 ? "its" : "their") owner. "
            + "(\(error.message))")
      }
    }
    if error.isReadOnly {
      return .io(
        "the registry \(path) is read-only: nothing was changed.\n"
          + "Check the permissions of the file and its folder (ls -l), or work on a copy. (\(error.message))")
    }
    if error.isBusy {
      return RegistryError(
        .busy,
        "the registry \(path) stayed busy: another gongjian command kept it locked past the timeout.\n"
          + "Nothing was changed; run the command again in a moment.")
    }
    if error.isCorrupt {
      return .cannotOpen(
        "\(path) is damaged or not an SQLite database (\(error.message)).\n"
          + "Restore it from a backup (gongjian backup makes one), or run gongjian check for details.")
    }
    if error.isCannotOpen {
      return .cannotOpen(
        "cannot open the registry \(path) (\(error.message)).\n"
          + "Check that the file and its folder exist and that you may read and write them.")
    }
    if error.isIOError {
      return .io("an input/output error on \(path): \(error.message). Nothing was changed.")
    }
    if error.isConstraint {
      return .refused("the registry refused the change: \(error.message). Nothing was changed.")
    }
    return .io("unexpected SQLite error on \(path): \(error). Nothing was changed.")
  }
}
