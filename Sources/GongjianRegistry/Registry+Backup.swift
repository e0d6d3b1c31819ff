import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `backup` wrote.
public struct BackupResult: Sendable {
  public var path: String
  public var bytes: Int
  public var units: Int
}

extension Registry {
  /// A consistent copy while others may be writing (SPEC §9): `VACUUM INTO` a temporary beside
  /// the destination (an `AtomicFile` in a private folder, so SQLite's by-name open meets no
  /// planted link), integrity-check the copy, flush it to disk, then give it the name. An
  /// existing destination is kept unless `force`, and even then only a regular file is
  /// replaced: renaming over a link, a device or a FIFO would replace the thing itself.
  public func backup(to destination: String, force: Bool) throws -> BackupResult {
    guard !destination.isEmpty else { throw OutputProblem.emptyPath }
    var existing = stat()
    if lstat(destination, &existing) == 0 {
      switch existing.st_mode & S_IFMT {
      case S_IFDIR:
        throw OutputProblem.isADirectory(path: destination)
      case S_IFREG:
        guard force else { throw OutputProblem.alreadyExists(path: destination) }
        if RegistryFile.sameFile(destination, path) { throw OutputProblem.isTheRegistry(path: destination) }
      default:
        guard force else { throw OutputProblem.alreadyExists(path: destination) }
        throw OutputProblem.notARegularFile(path: destination)
      }
    }
    // The copy holds the same personal data: the registry's own permissions, never more.
    let mode = ((RegistryFile.fileMode(path) ?? 0o600) | 0o600) & 0o660
    let copy = try AtomicFile(destination: destination, mode: mode, privateFolder: true)
    let units: Int
    do {
      try db.run("VACUUM INTO ?", copy.temporaryPath)
      // A snapshot read as immutable is whole only if nothing was copied into the file meanwhile.
      try snapshotLock?.verifyUnchanged(path: path)
      units = try Registry.verifyCopy(at: copy.temporaryPath)
    } catch {
      throw StorageProblem.from(error, path: destination)
    }
    guard try copy.commit(replacing: force) else {
      // Something took the name while the backup ran.
      throw OutputProblem.alreadyExists(path: destination)
    }
    var info = stat()
    let bytes = stat(destination, &info) == 0 ? Int(info.st_size) : 0
    return BackupResult(path: destination, bytes: bytes, units: units)
  }

  /// Checks the copy and turns it into a WAL registry like the original (VACUUM INTO writes a
  /// rollback-journal file; only the header's journal bytes change). Returns its unit count.
  /// The connection is closed on return, before the copy is moved into place.
  private static func verifyCopy(at path: String) throws -> Int {
    let copy = try Connection(path: path, mode: .readWrite)
    try copy.execute("PRAGMA journal_mode = WAL")
    let verdict = try copy.scalar(String.self, "PRAGMA integrity_check(1)")
    guard verdict == "ok" else {
      throw StorageProblem.copyDamaged(verdict: verdict ?? "?")
    }
    return try copy.scalar(Int.self, "SELECT count(*) FROM unit") ?? 0
  }
}
