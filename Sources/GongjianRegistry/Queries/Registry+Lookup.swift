import SQLite

extension EntityKind {
  var table: String {
    switch self {
    case .unit: "unit"
    case .group: "working_group"
    case .resource, .need, .project, .activity: rawValue
    }
  }

  /// The column a person names it by, and that column's key.
  var nameColumn: String {
    switch self {
    case .unit, .group: "name"
    case .resource, .need, .project: "title"
    case .activity: "note"
    }
  }

  var keyColumn: String {
    switch self {
    case .unit, .group: "name_key"
    case .resource, .need, .project, .activity: "title_key"
    }
  }

  /// An item of the lists, whose tables an older registry does not have.
  var isListItem: Bool {
    switch self {
    case .unit, .group: false
    case .resource, .need, .project, .activity: true
    }
  }
}

extension Registry {
  /// Finds the unit a person named (SPEC §5): an id (`12` or `#12`), else a name whose key
  /// matches exactly (current names first, then former names), else a unique substring of
  /// the key. Ambiguous and missing names are refused with candidates or suggestions.
  public func resolveUnit(_ text: String) throws -> UnitReference {
    let found = try read { try lookup(text, in: .unit) }
    return UnitReference(id: UnitID(found.id), name: found.name)
  }

  /// Finds the working group a person named, the same way as units.
  public func resolveGroup(_ text: String) throws -> GroupReference {
    let found = try read { try lookup(text, in: .group) }
    return GroupReference(id: GroupID(found.id), name: found.name)
  }

  /// Finds the resource a person named: an id (`12` or `#12`), else a title whose key matches
  /// exactly, else a unique part of a title. Ambiguous and missing titles are refused with
  /// candidates or suggestions, as units are.
  public func resolveResource(_ text: String) throws -> ItemReference {
    let found = try read { try lookup(text, in: .resource) }
    return ItemReference(.resource, id: found.id, title: found.name)
  }

  /// Finds the need a person named, as resources are found.
  public func resolveNeed(_ text: String) throws -> ItemReference {
    let found = try read { try lookup(text, in: .need) }
    return ItemReference(.need, id: found.id, title: found.name)
  }

  /// Finds the project a person named, as resources are found.
  public func resolveProject(_ text: String) throws -> ItemReference {
    let found = try read { try lookup(text, in: .project) }
    return ItemReference(.project, id: found.id, title: found.name)
  }

  /// The unit with this id, by its current name.
  func unitReference(_ id: UnitID) throws -> UnitReference {
    let statement = try db.prepare("SELECT name FROM unit WHERE id = ?")
    try statement.bind(id.rawValue, at: 1)
    guard try statement.step() else { throw Refusal.noSuchID(.unit, id: id.rawValue) }
    return UnitReference(id: id, name: try statement.required(0))
  }

  /// The group with this id, by its current name.
  func groupReference(_ id: GroupID) throws -> GroupReference {
    let statement = try db.prepare("SELECT name FROM working_group WHERE id = ?")
    try statement.bind(id.rawValue, at: 1)
    guard try statement.step() else { throw Refusal.noSuchID(.group, id: id.rawValue) }
    return GroupReference(id: id, name: try statement.required(0))
  }

  func lookup(_ query: String, in kind: EntityKind) throws -> Candidate {
    let trimmed = query.unicodeScalars.filter { !$0.properties.isWhitespace }
    let text = String(String.UnicodeScalarView(trimmed))
    guard !text.isEmpty else { throw Refusal.emptyReference(kind) }
    if kind.isListItem, try !hasListTables() {
      // An older registry, read as it is: no lists yet.
      if let id = Registry.parseID(text) { throw Refusal.noSuchID(kind, id: id) }
      throw Refusal.noSuchName(kind, text: query, suggestions: [])
    }
    if let id = Registry.parseID(text) {
      let statement = try db.prepare("SELECT id, \(kind.nameColumn) FROM \(kind.table) WHERE id = ?")
      try statement.bind(id, at: 1)
      if try statement.step() {
        return Candidate(id: try statement.required(0), name: try statement.required(1))
      }
      throw Refusal.noSuchID(kind, id: id)
    }
    let key = NameKey.make(query)
    guard !key.isEmpty, key.unicodeScalars.count <= TextInput.maxNameLength else {
      throw Refusal.noSuchName(kind, text: query, suggestions: [])
    }
    // 1. The exact key of a current name.
    var exact = try candidates(
      "SELECT id, \(kind.nameColumn) FROM \(kind.table) WHERE \(kind.keyColumn) = ? ORDER BY id LIMIT 21", key)
    // 2. The exact key of a former name (units only).
    if exact.isEmpty && kind == .unit {
      exact = try candidates(
        "SELECT DISTINCT u.id, u.name FROM unit_former_name AS f JOIN unit AS u ON u.id = f.unit_id WHERE f.name_key = ?",
        key)
    }
    if exact.count == 1 { return exact[0] }
    // 3. A unique substring of a key (current or former).
    let sql =
      kind == .unit
      ? """
      SELECT id, name FROM unit WHERE instr(name_key, ?1) > 0
      UNION
      SELECT u.id, u.name FROM unit_former_name AS f JOIN unit AS u ON u.id = f.unit_id WHERE instr(f.name_key, ?1) > 0
      ORDER BY 1 LIMIT 21
      """
      : "SELECT id, \(kind.nameColumn) FROM \(kind.table) WHERE instr(\(kind.keyColumn), ?1) > 0 ORDER BY id LIMIT 21"
    let matches = exact.count > 1 ? exact : try candidates(sql, key)
    if matches.count == 1 { return matches[0] }
    if matches.count > 1 {
      throw Refusal.ambiguousName(
        kind, text: query, candidates: Array(matches.prefix(20)), more: matches.count > 20)
    }
    throw Refusal.noSuchName(kind, text: query, suggestions: try nearestNames(to: key, in: kind))
  }

  /// An id argument: digits, optionally after `#`. Full-width digits count.
  static func parseID(_ text: String) -> Int? {
    var digits = Substring(text)
    if digits.hasPrefix("#") || digits.hasPrefix("＃") { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    var value = 0
    for scalar in digits.unicodeScalars {
      let digit: UInt32
      switch scalar.value {
      case 0x30...0x39: digit = scalar.value - 0x30
      case 0xFF10...0xFF19: digit = scalar.value - 0xFF10
      default: return nil
      }
      value = value * 10 + Int(digit)
    }
    return value
  }

  private func candidates(_ sql: String, _ key: String) throws -> [Candidate] {
    let statement = try db.prepare(sql)
    try statement.bind(key, at: 1)
    var found: [Candidate] = []
    while try statement.step() {
      found.append(Candidate(id: try statement.required(0), name: try statement.required(1)))
    }
    return found
  }

  /// Up to five names most like `key`: by shared character pairs (Dice's coefficient), or,
  /// for short abbreviations such as 建行, by how many of the typed characters a name holds.
  private func nearestNames(to key: String, in kind: EntityKind) throws -> [Candidate] {
    let wanted = Registry.bigrams(key)
    let wantedCharacters = Set(key)
    guard !wantedCharacters.isEmpty else { return [] }
    let statement = try db.prepare("SELECT id, \(kind.nameColumn), \(kind.keyColumn) FROM \(kind.table)")
    var scored: [(score: Double, candidate: Candidate)] = []
    while try statement.step() {
      let candidateKey: String = try statement.required(2)
      let candidate = Registry.bigrams(candidateKey)
      let shared = wanted.intersection(candidate).count
      let pairScore = wanted.isEmpty ? 0 : 2 * Double(shared) / Double(wanted.count + candidate.count)
      let covered = wantedCharacters.intersection(candidateKey).count
      let characterScore = covered >= 2 ? 0.8 * Double(covered) / Double(wantedCharacters.count) : 0
      let score = max(pairScore, characterScore)
      guard score >= 0.3 else { continue }
      scored.append((score, Candidate(id: try statement.required(0), name: try statement.required(1))))
      if scored.count > 200 {
        scored.sort { $0.score > $1.score }
        scored.removeLast(scored.count - 5)
      }
    }
    return scored.sorted { $0.score > $1.score || ($0.score == $1.score && $0.candidate.id < $1.candidate.id) }
      .prefix(5).map(\.candidate)
  }

  static func bigrams(_ text: String) -> Set<String> {
    let characters = Array(text)
    guard characters.count > 1 else { return characters.isEmpty ? [] : [String(characters)] }
    var pairs = Set<String>()
    for index in 0..<(characters.count - 1) {
      pairs.insert(String(characters[index]) + String(characters[index + 1]))
    }
    return pairs
  }
}
