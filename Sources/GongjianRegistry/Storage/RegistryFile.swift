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
  static func inspect(_ path: String) -> Result<Void, StorageProblem> {
    switch entry(at: path) {
    case .missing(let parentExists): return .failure(.noRegistry(path: path, folderExists: parentExists))
    case .danglingSymlink(let target): return .failure(.danglingSymlink(path: path, target: target))
    case .directory: return .failure(.registryIsFolder(path: path))
    case .other: return .failure(.notAFile(path: path))
    case .file(let size):
      if size == 0 { return .failure(.emptyFile(path: path)) }
    }
    let header: [UInt8]
    switch readHeader(path) {
    case .failure(let problem): return .failure(problem)
    case .success(let bytes): header = bytes
    }
    guard header.count >= 100, Array(header[0..<16]) == sqliteMagic else { return .failure(.notSQLite(path: path)) }
    let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    guard Int32(bitPattern: id) == applicationID else {
      return .failure(.otherApplication(path: path, applicationID: Int32(bitPattern: id)))
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

  private static func readHeader(_ path: String) -> Result<[UInt8], StorageProblem> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(.cannotReadFile(path: path, errno: errno)) }
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

  /// `mkdir -p` with `mode` for each new folder; returns the folders made, outermost first.
  @discardableResult
  static func createDirectories(_ path: String, mode: mode_t = 0o700) throws -> [String] {
    if path.isEmpty || directoryExists(path) { return [] }
    var made = try createDirectories(parent(of: path), mode: mode)
    if mkdir(path, mode) != 0 {
      guard errno == EEXIST else { throw StorageProblem.cannotCreateFolder(path: path, errno: errno) }
      return made
    }
    // The umask may have taken bits away (a shared folder's group bits): set them as asked.
    _ = chmod(path, mode)
    made.append(path)
    return made
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
