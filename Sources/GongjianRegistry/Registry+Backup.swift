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
  /// A consistent copy while others may be writing (SPEC §9): `VACUUM INTO` a temporary name
  /// beside the destination, integrity-check the copy, flush it to disk, then move it into
  /// place. An existing destination is replaced only with `force`.
  public func backup(to destination: String, force: Bool) throws -> BackupResult {
    guard !destination.isEmpty else {
      throw RegistryError.usage("the backup's file name is empty; e.g. gongjian backup ~/backup/registry-copy.sqlite")
    }
    switch RegistryFile.entry(at: destination) {
    case .missing(let parentExists):
      guard parentExists else {
        throw RegistryError.cannotOpen(
          "cannot write \(destination): the folder \(RegistryFile.parent(of: destination)) does not exist.")
      }
    case .directory:
      throw RegistryError.usage(
        "\(destination) is a folder; give the backup's file name, e.g. \(destination)/registry-backup.sqlite")
    case .file, .other, .danglingSymlink:
      guard force else {
        throw RegistryError.refused(
          "\(destination) already exists; nothing was written.\nChoose another name, or add --force to replace it.")
      }
      if RegistryFile.sameFile(destination, path) {
        throw RegistryError.refused("\(destination) is the registry itself; choose another name for the backup.")
      }
    }
    let folder = RegistryFile.parent(of: destination)
    let name = destination.split(separator: "/").last.map(String.init) ?? "backup.sqlite"
    let temporary = "\(folder)/.\(name).backup-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    // The copy holds the same personal data: it gets the registry's own permissions.
    let mode = RegistryFile.fileMode(path) ?? 0o600
    try RegistryFile.createEmpty(temporary, mode: mode, for: destination)
    var keep = false
    defer {
      if !keep { unlink(temporary) }
      // SQLite's companion files of the temporary copy (VACUUM INTO leaves a -journal behind
      // when it fails, e.g. on a full disk) must not outlive the backup either.
      for suffix in ["-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
    }
    do {
      try db.run("VACUUM INTO ?", temporary)
      let copy = try Connection(path: temporary, mode: .readWrite)
      // VACUUM INTO writes a rollback-journal file; restored, the copy should behave like the
      // registry. Only the header's journal bytes change; the WAL goes when `copy` closes.
      try copy.execute("PRAGMA journal_mode = WAL")
      let verdict = try copy.scalar(String.self, "PRAGMA integrity_check(1)")
      guard verdict == "ok" else {
        throw RegistryError.io("the copy failed its integrity check (\(verdict ?? "?")); nothing was kept. Try again.")
      }
      let units = try copy.scalar(Int.self, "SELECT count(*) FROM unit") ?? 0
      try RegistryFile.syncFile(temporary)
      if force {
        guard rename(temporary, destination) == 0 else {
          throw RegistryError.io("cannot move the copy to \(destination): \(String(cString: strerror(errno)))")
        }
      } else {
        guard link(temporary, destination) == 0 else {
          if errno == EEXIST {
            throw RegistryError.refused(
              "\(destination) appeared while the backup ran; nothing was written. Choose another name.")
          }
          throw RegistryError.io("cannot create \(destination): \(String(cString: strerror(errno)))")
        }
        unlink(temporary)
      }
      keep = true
      RegistryFile.syncDirectory(folder)
      var info = stat()
      let bytes = stat(destination, &info) == 0 ? Int(info.st_size) : 0
      return BackupResult(path: destination, bytes: bytes, units: units)
    } catch {
      throw RegistryError.from(error, path: destination)
    }
  }
}
