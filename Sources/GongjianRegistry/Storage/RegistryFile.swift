#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The registry file on disk: telling a registry from anything else without writing a byte,
/// and creating a new one atomically with the right permissions.
enum RegistryFile {
  /// `PRAGMA application_id` of every gongjian registry: "GJRG" in ASCII.
  static let applicationID: Int32 = 0x474A_5247
  private static let sqliteMagic = Array("SQLite format 3\0".utf8)

  /// What is at a path, as far as `lstat` and `stat` tell.
  enum Entry: Equatable {
    case missing(parentExists: Bool)
    case danglingSymlink(target: String)
    case directory
    case other
    case file(size: Int)
  }

  static func entry(at path: String) -> Entry {
    var info = stat()
    if lstat(path, &info) != 0 {
      return .missing(parentExists: directoryExists(parent(of: path)))
    }
    if (info.st_mode & S_IFMT) == S_IFLNK {
      // Follow it: a link to a registry is fine, SQLite keeps its -wal beside the real file.
      if stat(path, &info) != 0 { return .danglingSymlink(target: linkTarget(path) ?? "?") }
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .file(size: Int(info.st_size))
    default: return .other
    }
  }

  /// Checks that `path` holds a gongjian registry, reading its 100-byte header only.
  static func inspect(_ path: String) -> Result<Void, RegistryError> {
    switch entry(at: path) {
    case .missing(let parentExists):
      if parentExists {
        return .failure(
          .cannotOpen(
            "no registry at \(path).\nCheck the path for a typo, or create a registry there with: gongjian init --db \(shellQuoted(path))"
          ))
      }
      return .failure(
        .cannotOpen(
          "no registry at \(path): the folder \(parent(of: path)) does not exist.\n"
            + "Check the path for a typo, or create the folder and run: gongjian init --db \(shellQuoted(path))"))
    case .danglingSymlink(let target):
      return .failure(
        .cannotOpen(
          "\(path) is a symbolic link to \(target), which does not exist.\nPoint the link at the registry, or use --db with the real path."
        ))
    case .directory:
      return .failure(
        .cannotOpen(
          "\(path) is a folder, not a registry file.\nGive the path of the file, e.g. --db \(path)/registry.sqlite"))
    case .other:
      return .failure(.cannotOpen("\(path) is not a regular file, so it cannot be a registry."))
    case .file(let size):
      if size == 0 {
        return .failure(
          .cannotOpen(
            "\(path) is an empty file, not a gongjian registry; nothing was written to it.\n"
              + "If it should become one, delete it and run: gongjian init --db \(shellQuoted(path))"))
      }
    }
    let header: [UInt8]
    switch readHeader(path) {
    case .failure(let error): return .failure(error)
    case .success(let bytes): header = bytes
    }
    guard header.count >= 100, Array(header[0..<16]) == sqliteMagic else {
      return .failure(
        .cannotOpen(
          "\(path) is not a gongjian registry (it is not an SQLite database); nothing was written to it.\n"
            + "Check --db or $GONGJIAN_DB; to start a new registry elsewhere use gongjian init --db NEW_PATH"))
    }
    let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    guard Int32(bitPattern: id) == applicationID else {
      return .failure(
        .cannotOpen(
          "\(path) is an SQLite database of another application (application_id 0x\(String(id, radix: 16))), "
            + "not a gongjian registry; nothing was written to it.\nCheck --db or $GONGJIAN_DB."))
    }
    return .success(())
  }

  /// Whether the file's header marks it as a WAL database (format bytes 18 and 19 are 2):
  /// what `PRAGMA journal_mode` says, for a connection that reads the file as immutable and
  /// so always answers "delete".
  static func headerSaysWAL(_ path: String) -> Bool {
    guard case .success(let header) = readHeader(path), header.count >= 20 else { return false }
    return header[18] == 2 && header[19] == 2
  }

  private static func readHeader(_ path: String) -> Result<[UInt8], RegistryError> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      return .failure(.cannotOpen("cannot read \(path): \(reason).\nCheck the file's permissions (ls -l)."))
    }
    defer { close(descriptor) }
    var header = [UInt8](repeating: 0, count: 100)
    var filled = 0
    while filled < header.count {
      let count = header.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      filled += count
    }
    return .success(Array(header[0..<filled]))
  }

  // MARK: - Creation

  /// Creates a registry at `path` atomically: `build` makes the database at a temporary path
  /// (an `AtomicFile` in a private folder beside `path`, at `mode` from the start), which is
  /// then linked into place, failing if something appeared at `path` meanwhile. Nobody ever
  /// sees a half-made registry, and two `init`s racing for one path cannot both win. Returns
  /// false when `path` was taken first.
  static func create(at path: String, mode: mode_t, build: (String) throws -> Void) throws -> Bool {
    let file = try AtomicFile(destination: path, mode: mode, privateFolder: true)
    try build(file.temporaryPath)
    return try file.commit(replacing: false)
  }

  // MARK: - Small file-system helpers

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }

  static func directoryExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// `mkdir -p`, each new folder private to its owner.
  static func createDirectories(_ path: String) throws {
    if path.isEmpty || directoryExists(path) { return }
    try createDirectories(parent(of: path))
    if mkdir(path, 0o700) != 0 && errno != EEXIST {
      let reason = String(cString: strerror(errno))
      throw RegistryError.io("cannot create the folder \(path): \(reason)")
    }
  }

  static func linkTarget(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static func sameFile(_ first: String, _ second: String) -> Bool {
    var a = stat()
    var b = stat()
    return stat(first, &a) == 0 && stat(second, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }

  static func isWritable(_ path: String) -> Bool {
    access(path, W_OK) == 0
  }

  /// SQLite's `-shm` and `-wal` files beside `path` that exist but cannot be written.
  static func writeProtectedCompanions(of path: String) -> [String] {
    ["-shm", "-wal"].map { path + $0 }.filter { access($0, F_OK) == 0 && access($0, W_OK) != 0 }
  }

  static func fileMode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
  }

  static func shellQuoted(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy {
      ($0.value >= 0x80 && !$0.properties.isWhitespace)
        || "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./~=+:,@%".unicodeScalars.contains($0)
    }
    return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
