import SQLite

/// A thing a UNIT or GROUP argument can name.
enum LookupTable {
  case unit, group

  var noun: String { self == .unit ? "unit" : "working group" }
  var table: String { self == .unit ? "unit" : "working_group" }
  var listCommand: String { self == .unit ? "gongjian list --all" : "gongjian group list" }
}

extension Registry {
  /// Finds the unit a UNIT argument names (SPEC §5): an id (`12` or `#12`), else a name whose
  /// key matches exactly (current names first, then former names), else a unique substring of
  /// the key. Ambiguous and missing names are refused with candidates or suggestions.
  public func findUnit(_ query: String) throws -> UnitReference {
    try read { try lookup(query, in: .unit) }
  }

  /// Finds the working group a GROUP argument names, the same way as units.
  public func findGroup(_ query: String) throws -> UnitReference {
    try read { try lookup(query, in: .group) }
  }

  func lookup(_ query: String, in table: LookupTable) throws -> UnitReference {
    let trimmed = query.unicodeScalars.filter { !$0.properties.isWhitespace }
    let text = String(String.UnicodeScalarView(trimmed))
    guard !text.isEmpty else {
      throw RegistryError.usage("the \(table.noun) is empty; give its id or (part of) its name")
    }
    if let id = Registry.parseID(text) {
      let statement = try db.prepare("SELECT id, name FROM \(table.table) WHERE id = ?")
      try statement.bind(id, at: 1)
      if try statement.step() {
        return UnitReference(id: try statement.required(0), name: try statement.required(1))
      }
      throw RegistryError.refused("no \(table.noun) has the id \(id); see \(table.listCommand) for the ids")
    }
    let key = NameKey.make(query)
    guard !key.isEmpty, key.unicodeScalars.count <= TextInput.maxNameLength else {
      throw RegistryError.refused("no \(table.noun) is called \(DayParser.quoted(query))")
    }
    // 1. The exact key of a current name.
    var exact = try references(
      "SELECT id, name FROM \(table.table) WHERE name_key = ?", key)
    // 2. The exact key of a former name (units only).
    if exact.isEmpty && table == .unit {
      exact = try references(
        "SELECT DISTINCT u.id, u.name FROM unit_former_name AS f JOIN unit AS u ON u.id = f.unit_id WHERE f.name_key = ?",
        key)
    }
    if exact.count == 1 { return exact[0] }
    // 3. A unique substring of a key (current or former).
    let sql =
      table == .unit
      ? """
      SELECT id, name FROM unit WHERE instr(name_key, ?1) > 0
      UNION
      SELECT u.id, u.name FROM unit_former_name AS f JOIN unit AS u ON u.id = f.unit_id WHERE instr(f.name_key, ?1) > 0
      ORDER BY 1 LIMIT 21
      """
      : "SELECT id, name FROM working_group WHERE instr(name_key, ?1) > 0 ORDER BY id LIMIT 21"
    let matches = exact.count > 1 ? exact : try references(sql, key)
    if matches.count == 1 { return matches[0] }
    if matches.count > 1 {
      let shown = matches.prefix(20).map { "  \($0.id)  \($0.name)" }.joined(separator: "\n")
      let more = matches.count > 20 ? "\n  … and more" : ""
      throw RegistryError.refused(
        "\(DayParser.quoted(query)) matches \(matches.count > 20 ? "more than 20" : String(matches.count)) \(table.noun)s:\n\(shown)\(more)\nGive the id, or more of the name."
      )
    }
    let suggestions = try nearestNames(to: key, in: table)
    var message = "no \(table.noun) is called \(DayParser.quoted(query))"
    if suggestions.isEmpty {
      message += "; see \(table.listCommand)"
    } else {
      message +=
        ". Did you mean:\n" + suggestions.map { "  \($0.id)  \($0.name)" }.joined(separator: "\n")
    }
    throw RegistryError.refused(message)
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

  private func references(_ sql: String, _ key: String) throws -> [UnitReference] {
    let statement = try db.prepare(sql)
    try statement.bind(key, at: 1)
    var found: [UnitReference] = []
    while try statement.step() {
      found.append(UnitReference(id: try statement.required(0), name: try statement.required(1)))
    }
    return found
  }

  /// Up to five names most like `key`: by shared character pairs (Dice's coefficient), or,
  /// for short abbreviations such as 建行, by how many of the typed characters a name holds.
  private func nearestNames(to key: String, in table: LookupTable) throws -> [UnitReference] {
    let wanted = Registry.bigrams(key)
    let wantedCharacters = Set(key)
    guard !wantedCharacters.isEmpty else { return [] }
    let statement = try db.prepare("SELECT id, name, name_key FROM \(table.table)")
    var scored: [(score: Double, reference: UnitReference)] = []
    while try statement.step() {
      let candidateKey: String = try statement.required(2)
      let candidate = Registry.bigrams(candidateKey)
      let shared = wanted.intersection(candidate).count
      let pairScore = wanted.isEmpty ? 0 : 2 * Double(shared) / Double(wanted.count + candidate.count)
      let covered = wantedCharacters.intersection(candidateKey).count
      let characterScore = covered >= 2 ? 0.8 * Double(covered) / Double(wantedCharacters.count) : 0
      let score = max(pairScore, characterScore)
      guard score >= 0.3 else { continue }
      scored.append((score, UnitReference(id: try statement.required(0), name: try statement.required(1))))
      if scored.count > 200 {
        scored.sort { $0.score > $1.score }
        scored.removeLast(scored.count - 5)
      }
    }
    return scored.sorted { $0.score > $1.score || ($0.score == $1.score && $0.reference.id < $1.reference.id) }
      .prefix(5).map(\.reference)
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
