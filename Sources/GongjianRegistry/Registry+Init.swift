import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whose registry it is: the `registry` row.
public struct RegistrySettings: Equatable, Sendable {
  public var subdistrict: String
  public var district: String
  public var createdAt: String
}

extension Registry {
  public enum InitOutcome: Equatable, Sendable {
    /// With the folders made for it, outermost first (none when its folder was there).
    case created(newFolders: [String])
    /// A registry was already there; nothing was changed.
    case alreadyExists
  }

  /// Creates a registry at `location` (SPEC §6 `init`): readable by its owner only (0600), or
  /// by the owner's group too when `shared` (0660). The file appears whole or not at all.
  public static func initialize(
    at location: RegistryLocation, shared: Bool, subdistrict: String?, district: String?,
    context: ChangeContext
  ) throws -> InitOutcome {
    let path = location.path
    var newFolders: [String] = []
    var problems = Problems()
    let subdistrictName = (problems.take(TextInput.optionalLine(subdistrict), .subdistrict) ?? nil) ?? ""
    let districtName = (problems.take(TextInput.optionalLine(district), .district) ?? nil) ?? ""
    try problems.check()
    switch RegistryFile.entry(at: path) {
    case .missing(let parentExists):
      // Creating a registry is asked for by name, so its folders are made too (private to
      // the owner, or to the owner's group when shared); every other command refuses a
      // missing path, so a typo there never becomes a new registry.
      if !parentExists {
        newFolders = try RegistryFile.createDirectories(RegistryFile.parent(of: path), mode: shared ? 0o770 : 0o700)
      }
    case .file, .directory, .other, .danglingSymlink:
      // Something is there already: if it is a registry, say so and change nothing.
      try RegistryFile.inspect(path).get()
      return .alreadyExists
    }
    let mode: mode_t = shared ? 0o660 : 0o600
    let created = try RegistryFile.create(at: path, mode: mode) { temporary in
      do {
        let db = try Connection(path: temporary, mode: .readWrite)
        db.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        // The application id goes into the main file before WAL is switched on, so the header
        // identifies the registry from its first byte on disk.
        try db.execute("PRAGMA application_id = \(RegistryFile.applicationID)")
        try db.execute("PRAGMA journal_mode = WAL")
        try Migrator().migrate(db, path: path)
        try db.execute("PRAGMA foreign_keys = ON")
        let registry = Registry(
          db: db, path: path, today: Day(year: 2000, month: 1, day: 1)!, context: { context },
          schemaVersion: Migrator().latestVersion)
        try registry.write {
          try db.run(
            "INSERT INTO registry (id, subdistrict, district, created_at) VALUES (1, ?, ?, \(Registry.nowSQL))",
            subdistrictName, districtName)
          let facts: JSONValue.KeyValuePairs = [
            "subdistrict": .string(subdistrictName), "district": .string(districtName),
          ]
          try registry.record(
            .initialize, entity: "registry", entityID: 1, unit: nil, facts: facts, before: nil, after: .object(facts))
        }
        // Fold the WAL into the file so the hard link below carries everything.
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
      } catch {
        throw StorageProblem.from(error, path: path)
      }
    }
    return created ? .created(newFolders: newFolders) : .alreadyExists
  }

  /// The registry's settings row.
  public func settings() throws -> RegistrySettings {
    try read { try settingsInTransaction() }
  }

  /// SQL for the current UTC time as stored in history and timestamps.
  static let nowSQL = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
}
