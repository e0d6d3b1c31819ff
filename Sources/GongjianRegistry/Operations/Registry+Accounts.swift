import SQLite

extension Registry {
  /// Adds an account of the browser view. `passwordHash` is the slow salted hash of the
  /// password (the surface hashes it; the registry never sees a password).
  public func addAccount(name: String, role: AccountRole, passwordHash: String) throws -> Account {
    try write {
      let clean: String
      switch TextInput.name(name) {
      case .success(let value): clean = value
      case .failure(let problem): throw Refusal.invalid(.accountName, problem)
      }
      let key = NameKey.make(clean)
      if let existing = try db.scalar(String.self, sql: "SELECT name FROM web_user WHERE name_key = \(key)") {
        throw Refusal.accountExists(name: existing)
      }
      try db.run(
        sql: """
          INSERT INTO web_user (name, name_key, role, password_hash, created_at, created_by)
          VALUES (\(clean), \(key), \(role.rawValue), \(passwordHash), \(verbatimNow), \(context.changedBy))
          """)
      guard let account = try accountRows(where: "name_key = \(key)").first else {
        throw Refusal.noSuchAccount(name: clean, known: [])
      }
      return account.account
    }
  }

  /// Every account, by name. A registry from before accounts existed has none (a read never
  /// upgrades it).
  public func accounts() throws -> [Account] {
    try read {
      guard try hasTable("web_user") else { return [] }
      return try accountRows(where: "1").map(\.account)
    }
  }

  /// Whether anyone may sign in: the browser view listens beyond this computer only then.
  public func hasAccounts() throws -> Bool {
    try read {
      guard try hasTable("web_user") else { return false }
      return try db.scalar(Int.self, "SELECT count(*) FROM web_user") ?? 0 > 0
    }
  }

  /// The account a person signs in as, with its password's hash; nil when there is none.
  public func credentials(name: String) throws -> AccountCredentials? {
    let key = NameKey.make(name)
    guard !key.isEmpty else { return nil }
    return try read {
      guard try hasTable("web_user") else { return nil }
      return try accountRows(where: "name_key = \(key)").first
    }
  }

  /// Removes an account; its name, typed as people type names, is matched by its key.
  public func removeAccount(name: String) throws -> Account {
    try write {
      let key = NameKey.make(name)
      guard let found = try accountRows(where: "name_key = \(key)").first else {
        throw Refusal.noSuchAccount(name: name, known: try accountRows(where: "1").map(\.account.name))
      }
      try db.run(sql: "DELETE FROM web_user WHERE name_key = \(key)")
      return found.account
    }
  }

  private func accountRows(where condition: SQL) throws -> [AccountCredentials] {
    let statement = try db.prepare(
      sql: """
        SELECT name, role, created_at, created_by, password_hash FROM web_user
        WHERE \(condition) ORDER BY name_key
        """)
    var rows: [AccountCredentials] = []
    while try statement.step() {
      let role: String = try statement.required(1)
      rows.append(
        AccountCredentials(
          account: Account(
            name: try statement.required(0), role: AccountRole(rawValue: role) ?? .viewer,
            createdAt: try statement.required(2), createdBy: try statement.required(3)),
          passwordHash: try statement.required(4)))
    }
    return rows
  }

}
