#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a file name the user gave for output (`-o`, an export) leads, decided once.
public enum OutputTarget {
  /// A regular file to create or replace through an `AtomicFile`: the path as given, or the
  /// regular file a symbolic link leads to (the link stays a link).
  case file(path: String)
  /// A device or FIFO named directly (`/dev/null`, a pipe made with mkfifo), open for writing:
  /// written to as it is, since a file renamed over it would replace the device itself.
  case stream(descriptor: Int32)

  /// Looks at `path` without following a symbolic link first: a link is followed only to a
  /// regular file, so a link planted where the output goes cannot turn a report into a write
  /// to a device or a FIFO. `streams` false refuses devices and FIFOs (a workbook is written
  /// with seeks and needs a file). `registry` is never overwritten, nor SQLite's files beside it.
  public static func resolve(_ path: String, protecting registry: String?, streams: Bool) throws -> OutputTarget {
    try resolve(path, protecting: registry.map { [$0] } ?? [], streams: streams)
  }

  /// The same, never overwriting any of `registries`.
  public static func resolve(_ path: String, protecting registries: [String], streams: Bool) throws -> OutputTarget {
    guard !path.isEmpty else { throw OutputProblem.emptyPath }
    for registry in registries {
      for suffix in ["", "-wal", "-shm", "-journal"] where RegistryFile.sameFile(path, registry + suffix) {
        throw OutputProblem.isTheRegistry(path: path)
      }
    }
    var info = stat()
    guard lstat(path, &info) == 0 else {
      let code = errno
      if code == ENOENT { return .file(path: path) }
      throw OutputProblem.creating(path, errno: code)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      return .file(path: path)
    case S_IFDIR:
      throw OutputProblem.isADirectory(path: path)
    case S_IFLNK:
      var target = stat()
      guard stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG, let resolved = realPath(path) else {
        throw OutputProblem.symlinkRefused(path: path)
      }
      return .file(path: resolved)
    case S_IFCHR, S_IFBLK, S_IFIFO:
      guard streams else { throw OutputProblem.notARegularFile(path: path) }
      // O_NOFOLLOW: a link swapped in since the lstat is refused, not followed. No O_TRUNC:
      // a device has nothing to truncate, and a regular file swapped in must not be emptied.
      let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC)
      guard descriptor >= 0 else {
        let code = errno
        throw code == ELOOP ? OutputProblem.symlinkRefused(path: path) : .creating(path, errno: code)
      }
      var opened = stat()
      guard fstat(descriptor, &opened) == 0, opened.st_dev == info.st_dev, opened.st_ino == info.st_ino else {
        close(descriptor)
        throw OutputProblem.cannotCreate(path: path, errno: EAGAIN)
      }
      return .stream(descriptor: descriptor)
    default:
      // A socket.
      throw OutputProblem.notARegularFile(path: path)
    }
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

extension Registry {
  /// The permissions of the files made from this registry (outputs, exports, backups): the
  /// owner's only, or the group's too when the registry itself is shared with its group.
  /// Never anyone else's: they hold contacts' names and phone numbers.
  public var outputFileMode: mode_t { AtomicFile.mode(sharingLike: path) }
}

extension AtomicFile {
  /// 0660 beside a registry its group may read, else 0600.
  public static func mode(sharingLike registryPath: String) -> mode_t {
    let registryMode = RegistryFile.fileMode(registryPath) ?? 0o600
    return registryMode & 0o040 != 0 ? 0o660 : 0o600
  }
}
