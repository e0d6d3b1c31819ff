import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The words and exit status of the storage layer's typed problems: chosen here, at the
/// surface, from the facts the problem carries.
protocol UserFacingProblem: Error {
  var exitStatus: Int32 { get }
  var message: String { get }
}

extension OutputProblem: UserFacingProblem {
  var exitStatus: Int32 {
    switch self {
    case .emptyPath, .isTheRegistry, .isADirectory, .notARegularFile: return 64
    case .alreadyExists: return 1
    case .folderMissing, .symlinkRefused: return 66
    case .cannotCreate, .cannotWrite, .diskFull, .tooLarge: return 74
    }
  }

  var message: String {
    switch self {
    case .emptyPath:
      return "-o needs a file name, e.g. -o growth.csv"
    case .isTheRegistry(let path):
      return "\(path) is the registry itself (or one of SQLite's files beside it); choose another file name"
    case .isADirectory(let path):
      return "\(path) is a folder; give a file name inside it, e.g. \(path)/output.csv"
    case .folderMissing(let path):
      return "cannot write \(path): the folder \(Self.folder(of: path)) does not exist. "
        + "Create it first, or check the path."
    case .symlinkRefused(let path):
      return "\(path) is a symbolic link that does not lead to a regular file; nothing was written. "
        + "Name the file (or the device) itself."
    case .notARegularFile(let path):
      return "\(path) is not a regular file (a device, a FIFO or a socket); nothing was written. Give a file name."
    case .alreadyExists(let path):
      return "\(path) already exists; nothing was written. Choose another name."
    case .cannotCreate(let path, let code):
      return "cannot create \(path): \(Self.reason(code)). Check that you may write in \(Self.folder(of: path))."
    case .cannotWrite(let path, let code):
      return "cannot write \(path): \(Self.reason(code)). Nothing was kept."
    case .diskFull(let path):
      return "the disk is full: \(path) was not written. Free some space and try again."
    case .tooLarge(let path):
      return "\(path) would be larger than an XLSX workbook may be (4 GB); nothing was kept. Export CSV instead."
    }
  }

  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

extension StorageProblem: UserFacingProblem {
  var exitStatus: Int32 {
    switch self {
    case .notARegistry, .foreignSchema, .needsUpgrade: return 66
    case .busy: return 75
    }
  }

  var message: String {
    switch self {
    case .notARegistry(let path, let id):
      return "\(path) is not a gongjian registry (application_id 0x\(String(UInt32(bitPattern: id), radix: 16))): "
        + "the file was replaced while it was being opened. Nothing was written to it.\nCheck --db or $GONGJIAN_DB."
    case .foreignSchema(let path):
      return "\(path) carries gongjian's mark but holds tables gongjian did not make; nothing was written to it.\n"
        + "Run gongjian check on it, or restore the registry from a backup."
    case .needsUpgrade(let path, let version, let latest):
      return "the registry \(path) is at schema version \(version) and needs upgrading to \(latest), "
        + "which a command that only reads never does; nothing was changed.\n"
        + "Any command that changes the registry upgrades it first (as someone who may write the file)."
    case .busy(let path):
      return "the registry \(path) stayed busy: another gongjian command kept it locked past the timeout.\n"
        + "Nothing was changed; run the command again in a moment."
    }
  }
}
