import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Read connections kept open between the requests of a long-running server. A new
/// connection makes SQLite parse the whole schema at its first statement, which costs more
/// than a page's queries; a kept one has it parsed already.
///
/// Only plain read-only connections are kept (the registry has its `-wal`, so SQLite shows
/// every read transaction the latest commits of every process), never one that reads the file
/// as immutable or reads a private copy. A kept connection serves only while the path still
/// names the same file (device and inode), and one registry at a time.
public final class ReaderPool: @unchecked Sendable {
  /// Connections kept at most: about one per thread that reads at the same time.
  public let limit: Int
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  // Guarded by `mutex`.
  private var idle: [(file: FileIdentity, db: Connection)] = []
  /// The connection asked whether anything was committed, and how many were opened before it.
  private var watcher: (file: FileIdentity, db: Connection)?
  private var watchers = 0

  public init(limit: Int = 16) {
    self.limit = limit
    mutex = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// How many connections wait to be used again.
  public var idleCount: Int { locked { idle.count } }

  /// A kept connection to this file, if there is one. Connections to another file (the
  /// registry was replaced, by a restore) are closed.
  func take(_ file: FileIdentity) -> Connection? {
    let stale: [Connection]
    let found: Connection?
    (found, stale) = locked {
      let stale = idle.filter { $0.file != file }.map(\.db)
      idle.removeAll { $0.file != file }
      return (idle.popLast()?.db, stale)
    }
    _ = stale  // closed here, outside the lock
    return found
  }

  /// Keeps a connection a registry has finished with.
  func give(_ db: Connection, _ file: FileIdentity) {
    locked {
      if idle.count < limit { idle.append((file, db)) }
    }
  }

  /// A stamp that changes whenever any process commits to the registry at `path`, or the
  /// path names another file: what a cache of pages keys its entries with. Nil when commits
  /// cannot be seen (the file has no -wal, or cannot be read): then nothing may be cached.
  ///
  /// SQLite's `data_version` is told per connection, so one connection is kept for asking;
  /// a new one (after the file was replaced, or an error) counts afresh, so its number is
  /// never compared with the old one's.
  public func changeStamp(path: String) -> String? {
    guard let file = FileIdentity(path: path) else { return nil }
    return locked { () -> String? in
      if watcher?.file != file {
        watcher = nil
        guard let db = RegistryConnection.forWatching(path) else { return nil }
        watcher = (file, db)
        watchers += 1
      }
      guard let db = watcher?.db, let version = try? db.scalar(Int.self, "PRAGMA data_version") else {
        watcher = nil
        return nil
      }
      return "\(watchers).\(version)"
    }
  }

  private func locked<T>(_ body: () -> T) -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return body()
  }
}

/// Which file a path names now: its device and inode.
struct FileIdentity: Equatable {
  var device: UInt64
  var inode: UInt64

  init?(path: String) {
    var information = stat()
    guard stat(path, &information) == 0 else { return nil }
    device = UInt64(information.st_dev)
    inode = UInt64(information.st_ino)
  }
}

extension Registry {
  /// Opens the registry for reading, as `open(at:access: .read, …)` does, on a connection
  /// `readers` kept from an earlier registry when it can: the same checks (the file is a
  /// registry, its schema is not newer nor edited) run on it again. The connection goes back
  /// to `readers` when the registry is released.
  public static func open(
    at location: RegistryLocation, today: Day, context: @autoclosure @escaping () -> ChangeContext,
    readers: ReaderPool
  ) throws -> Registry {
    let path = location.path
    let migrator = Migrator()
    if let file = FileIdentity(path: path), let db = readers.take(file) {
      let checked = try? db.transaction(.deferred) {
        (try RegistryConnection.verifyIdentity(db, path: path), try migrator.status(of: db))
      }
      if let (version, status) = checked, (try? migrator.refuseUnsafe(status, path: path)) != nil,
        version >= RegistryConnection.oldestReadableVersion
      {
        let registry = Registry(db: db, path: path, today: today, context: context, schemaVersion: version)
        registry.afterUse = { readers.give($0, file) }
        return registry
      }
      // Anything unexpected: a new connection below finds it again and says what it is.
    }
    let before = FileIdentity(path: path)
    let registry = try open(at: location, access: .read, today: today, context: context(), migrator: migrator)
    if registry.snapshotLock == nil, let before, FileIdentity(path: path) == before {
      registry.afterUse = { readers.give($0, before) }
    }
    return registry
  }
}
