internal import CStorage
import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a registry that looked right could not be used. Facts only: the surface words them.
public enum StorageProblem: Error, Equatable, Sendable {
  /// The database SQLite opened is not a gongjian registry, though the file at the path was
  /// one when it was inspected a moment before: it was replaced in between. Nothing was written.
  case notARegistry(path: String, applicationID: Int32)
  /// gongjian's application id, but tables that gongjian did not make (no migration record,
  /// or tables in a file at schema version 0).
  case foreignSchema(path: String)
  /// The schema is older than anything this gongjian reads, and the command only reads: it
  /// is upgraded by the next command that writes.
  case needsUpgrade(path: String, version: Int, latest: Int)
  /// Another process kept the registry locked past the busy timeout.
  case busy(path: String)

  // Where the registry is.
  /// `--db` was given an empty path.
  case emptyDatabasePath
  /// No path was given and there is no home folder to find the default in.
  case noHomeFolder

  // What is at the path, before anything is written.
  /// Nothing at the path; `folderExists` tells whether its folder is there.
  case noRegistry(path: String, folderExists: Bool)
  case danglingSymlink(path: String, target: String)
  case registryIsFolder(path: String)
  /// A device, a FIFO, a socket.
  case notAFile(path: String)
  case emptyFile(path: String)
  /// Not an SQLite database at all.
  case notSQLite(path: String)
  /// An SQLite database of another application.
  case otherApplication(path: String, applicationID: Int32)
  case cannotReadFile(path: String, errno: Int32)
  /// `init` was asked for a path in a folder that does not exist.
  case folderMissing(path: String, folder: String)
  case cannotCreateFolder(path: String, errno: Int32)

  // The schema.
  case newerSchema(path: String, version: Int, latest: Int)
  /// An applied migration differs from this gongjian's copy of it.
  case editedMigration(path: String, migration: Int)
  /// A write command met a registry it must upgrade, and may not write to it.
  case readOnlyNeedsUpgrade(path: String, version: Int, latest: Int)
  /// The migrator found the registry at a version it cannot continue from.
  case cannotMigrate(path: String, version: Int, migration: Int)
  case migrationBreaksReferences(path: String, migration: Int, name: String)

  // Writing.
  /// The command writes and the file is write-protected for this user.
  case readOnlyForYou(path: String)
  /// SQLite could not write: the file or its folder is read-only.
  case readOnly(path: String, detail: String)
  /// The registry is writable but SQLite's companion files (`-wal`, `-shm`) beside it are not.
  case companionsNotWritable(path: String, files: [String])
  case diskFull(path: String, detail: String)
  case ioError(path: String, detail: String)
  /// SQLite cannot read the file: damaged or not a database.
  case damaged(path: String, detail: String)
  case cannotOpen(path: String, detail: String)
  /// The schema's own checks refused a change the registry's rules let through (a bug).
  case constraint(detail: String)
  case unexpected(path: String, detail: String)
  /// A backup's copy failed its integrity check; nothing was kept.
  case copyDamaged(verdict: String)
  /// The demo's bundled script has a line it cannot read (a build of gongjian gone wrong).
  case demoScriptDamaged(line: String)
}

/// Keeps a shared lock on the registry file while a connection reads it as immutable (see
/// `RegistryConnection.forReading`), and tells whether the file changed meanwhile; or holds
/// the private folder of a copy that was read instead of the file. Released (the folder
/// removed) when the registry goes away.
final class SnapshotLock {
  private let descriptor: Int32
  private var seen = stat()
  /// A folder only this process uses, with a copy of the registry and its `-wal`.
  private let privateFolder: String?

  /// `descriptor` is the file, open for reading, with the shared lock taken.
  init(descriptor: Int32) {
    self.descriptor = descriptor
    self.privateFolder = nil
    fstat(descriptor, &seen)
  }

  /// The copy in `privateFolder` is what is read: it changes for nobody.
  init(privateFolder: String) {
    self.descriptor = -1
    self.privateFolder = privateFolder
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
    if let privateFolder { RegistryConnection.removePrivateFolder(privateFolder) }
  }

  /// Throws `StorageProblem.busy` if the file's bytes changed since the lock was taken: pages
  /// were copied into it while the snapshot was being read, so what was read may be a mix.
  func verifyUnchanged(path: String) throws {
    guard descriptor >= 0 else { return }
    var now = stat()
    guard fstat(descriptor, &now) == 0 else { return }
    if now.st_size != seen.st_size || now.st_mtim.tv_sec != seen.st_mtim.tv_sec
      || now.st_mtim.tv_nsec != seen.st_mtim.tv_nsec
    {
      throw StorageProblem.busy(path: path)
    }
  }
}

@available(*, unavailable)
extension SnapshotLock: Sendable {}

/// Opening the SQLite connection of a registry: read-only for commands that only read,
/// read-write with the storage rules for the others, and in both cases proving that the
/// database opened is the registry that was inspected, before anything is written.
enum RegistryConnection {
  /// The oldest schema a read-only command reads as it is; version 0 has no tables yet.
  static let oldestReadableVersion = 1

  /// SQLite's locking bytes in a database file (its `os_unix.c`): the range a reader holds
  /// shared and a writer must hold exclusively to checkpoint the WAL into the file.
  private static let sharedLockStart: Int64 = 0x4000_0000 + 2
  private static let sharedLockLength: Int64 = 510

  /// A connection that can never write, and makes no file beside the registry (it may be
  /// someone else's registry, in someone else's folder).
  ///
  /// - A `-wal` is there (someone has the registry open, or left it so), or a rollback
  ///   `-journal` (an interrupted write to be rolled back first): a plain read-only
  ///   connection, taking part in SQLite's locking like any reader and using the files that
  ///   exist, so it sees exactly the committed transactions while others write.
  /// - Otherwise every committed transaction is in the file itself, and SQLite's `immutable`
  ///   mode reads it without the `-wal` and `-shm` a plain reader would create (and, being
  ///   read-only, leave behind with our owner and mode, where the registry's owner may then be
  ///   unable to write through them). That is safe while nobody writes pages into the file
  ///   during the read. A writer that starts meanwhile writes to a new `-wal`, not the file;
  ///   it copies those pages into the file (a checkpoint) when its last connection closes,
  ///   which needs an exclusive lock that the shared lock held here refuses. The one case
  ///   left, a writer committing more than SQLite's automatic checkpoint size (1,000 pages,
  ///   about 4 MB) while a long read is still going, changes the file's modification time:
  ///   `Registry.read` then refuses what it read as busy (try again) rather than show a mix.
  /// - A `-wal` without its `-shm` (the file and its `-wal` copied from elsewhere, or left so
  ///   by a crash): nobody has the registry open (every connection to it keeps the `-shm`),
  ///   yet a plain reader would make a `-shm` and leave it, and the immutable mode would miss
  ///   the transactions in the `-wal`. Both are copied into a private folder and read there.
  static func forReading(_ path: String) throws -> (Connection, SnapshotLock?) {
    if let copied = try privateCopyIfUnindexed(path) { return copied }
    if hasCompanions(path) {
      return (try configured(Connection(path: path, mode: .readOnly)), nil)
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      // Let SQLite say what is wrong with the file.
      return (try configured(Connection(path: path, mode: .readOnly)), nil)
    }
    do {
      try waitForSharedLock(descriptor, path: path)
    } catch {
      close(descriptor)
      throw error
    }
    let lock = SnapshotLock(descriptor: descriptor)
    // Looked at again under the lock: a writer that had the file open has its -wal now.
    if hasCompanions(path) {
      return (try configured(Connection(path: path, mode: .readOnly)), nil)
    }
    return (try configured(Connection(path: path, mode: .immutable)), lock)
  }

  /// A plain read-only connection that sees every process's commits, or nil when the file
  /// has no companion (it would be read as immutable, and a commit could not be seen).
  static func forWatching(_ path: String) -> Connection? {
    guard hasCompanions(path) else { return nil }
    return try? configured(Connection(path: path, mode: .readOnly))
  }

  /// A read-write connection with the storage rules: busy timeout and foreign keys. WAL and
  /// migrations come after `verifyIdentity`.
  static func forWriting(_ path: String) throws -> Connection {
    let db = try configured(Connection(path: path, mode: .readWrite))
    try db.execute("PRAGMA foreign_keys = ON")
    return db
  }

  /// Proves that the database `db` opened is a gongjian registry, reading only: the file may
  /// have been swapped since `RegistryFile.inspect` looked at its header, and SQLite opens
  /// whatever is at the path then. Returns the schema version. Call it inside a read
  /// transaction: another process may be migrating the file, and the version and the tables
  /// must come from one snapshot.
  @discardableResult
  static func verifyIdentity(_ db: Connection, path: String) throws -> Int {
    let id = Int32(truncatingIfNeeded: try db.scalar(Int.self, "PRAGMA application_id") ?? 0)
    guard id == RegistryFile.applicationID else {
      throw StorageProblem.notARegistry(path: path, applicationID: id)
    }
    let version = try db.scalar(Int.self, "PRAGMA user_version") ?? 0
    let objects =
      try db.scalar(Int.self, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'") ?? 0
    let migrationTable =
      try db.scalar(Int.self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migration'")
      ?? 0
    guard version == 0 ? objects == 0 : migrationTable == 1 else {
      throw StorageProblem.foreignSchema(path: path)
    }
    return version
  }

  // MARK: - Private

  private static func configured(_ db: Connection) -> Connection {
    db.busyTimeoutMilliseconds = Registry.busyTimeoutMilliseconds
    return db
  }

  /// Whether the file alone may not hold every committed transaction. SQLite keeps the
  /// companions beside the real file, not beside a symbolic link to it.
  private static func hasCompanions(_ path: String) -> Bool {
    var real = path
    if let resolved = realpath(path, nil) {
      real = String(cString: resolved)
      free(resolved)
    }
    return access(real + "-wal", F_OK) == 0 || access(real + "-journal", F_OK) == 0
  }

  /// The real path of a file (SQLite keeps the companions beside it, not beside a link).
  private static func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  private static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// The registry and its `-wal` read from a private copy, when the file has a `-wal` but no
  /// `-shm` nor `-journal`; nil otherwise, or when no private copy can be made (then it is
  /// read in place like any file with a `-wal`).
  private static func privateCopyIfUnindexed(_ path: String) throws -> (Connection, SnapshotLock?)? {
    let real = realPath(path)
    guard exists(real + "-wal"), !exists(real + "-shm"), !exists(real + "-journal") else { return nil }
    let descriptor = open(real, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    try waitForSharedLock(descriptor, path: path)
    let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array("\(base)/.gongjian-read-XXXXXX".utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }
    let folder = String(cString: made)
    let copy = folder + "/registry.sqlite"
    let before = (fileState(real), fileState(real + "-wal"))
    guard copyFile(real, to: copy), copyFile(real + "-wal", to: copy + "-wal"),
      !exists(real + "-shm"), before == (fileState(real), fileState(real + "-wal"))
    else {
      // Someone opened it meanwhile, or the copy failed: read it in place.
      removePrivateFolder(folder)
      return nil
    }
    do {
      return (try configured(Connection(path: copy, mode: .readOnly)), SnapshotLock(privateFolder: folder))
    } catch {
      removePrivateFolder(folder)
      throw error
    }
  }

  /// A file's size and modification time; nil when it cannot be looked at.
  private static func fileState(_ path: String) -> [Int]? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
  }

  /// Copies a file byte for byte into a new file readable by this user only.
  private static func copyFile(_ source: String, to target: String) -> Bool {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { return false }
    defer { close(input) }
    let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard output >= 0 else { return false }
    defer { close(output) }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
    defer { chunk.deallocate() }
    while true {
      let count = read(input, chunk.baseAddress!, chunk.count)
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return false }
      if count == 0 { return true }
      var written = 0
      while written < count {
        let result = write(output, chunk.baseAddress! + written, count - written)
        if result < 0 && errno == EINTR { continue }
        if result <= 0 { return false }
        written += result
      }
    }
  }

  /// Removes a private folder and the files in it (the copy and what SQLite made beside it).
  static func removePrivateFolder(_ folder: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(folder + "/registry.sqlite" + suffix) }
    rmdir(folder)
  }

  /// A writer checkpointing right now holds the range exclusively for a moment: wait as
  /// SQLite would, up to the busy timeout.
  private static func waitForSharedLock(_ descriptor: Int32, path: String) throws {
    var waited = 0
    while gongjian_lock_shared(descriptor, sharedLockStart, sharedLockLength) != 0 {
      let code = errno
      // A file system without such locks (ENOLCK, EINVAL on some network shares): read on
      // without; only a writer's checkpoint at that very moment could then disturb the read.
      guard code == EAGAIN || code == EACCES || code == EINTR else { return }
      guard waited < Registry.busyTimeoutMilliseconds else { throw StorageProblem.busy(path: path) }
      usleep(10_000)
      waited += 10
    }
  }
}
