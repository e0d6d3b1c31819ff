import SQLite

/// Personal data the history keeps of a unit's contact, which can be taken out of it.
public enum PersonalField: String, CaseIterable, Sendable {
  case phone, contact

  /// The key the field has in snapshots and facts.
  var jsonKey: String {
    switch self {
    case .phone: "phone"
    case .contact: "contact"
    }
  }

  /// The field's name in an edit's list of changes.
  var changeField: String {
    switch self {
    case .phone: "contactPhone"
    case .contact: "contactName"
    }
  }

  /// The unit's column.
  var column: String {
    switch self {
    case .phone: "contact_phone"
    case .contact: "contact_name"
    }
  }
}

/// What a purge found (or, with `dryRun`, would change): the history entries holding the
/// fields, and how many distinct values they held.
public struct HistoryPurge: Equatable, Sendable {
  public var unit: UnitReference
  public var fields: [PersonalField]
  public var entries: Int
  public var values: Int
}

extension Registry {
  /// Takes a unit's contact phone or name out of its history: the values in the before and
  /// after snapshots and in the facts become null, and every copy of them in the recorded
  /// command lines and old summaries becomes ***. The unit's current details are left as
  /// they are (clear them first with an edit). Recorded as a change itself, without the values;
  /// it cannot be undone, and undo passes over it.
  public func purgeHistory(of id: UnitID, fields: [PersonalField], dryRun: Bool) throws -> HistoryPurge {
    let work = { [self] () throws -> HistoryPurge in
      let unit = try unitReference(id)
      var values = Set<String>()
      var entryIDs = Set<Int>()
      for field in fields {
        let key = field.jsonKey
        for document in ["before", "after", "facts"] {
          let found = try db.prepare(
            sql: """
              SELECT h.id, j.value FROM history AS h, json_tree(h.\(identifier: document)) AS j
              WHERE h.unit_id = \(id.rawValue) AND json_valid(h.\(identifier: document)) AND j.type = 'text'
                AND (j.fullkey = \("$." + key) OR j.fullkey LIKE \("$." + key + ".%"))
              """)
          while try found.step() {
            entryIDs.insert(try found.required(0))
            if let value: String = try found.column(1), !value.isEmpty { values.insert(value) }
          }
        }
        for change in try changesNaming(field, of: id) {
          entryIDs.insert(change.entry)
          values.formUnion(change.values)
        }
        if let current = try db.scalar(
          String.self, sql: "SELECT \(identifier: field.column) FROM unit WHERE id = \(id.rawValue)")
        {
          values.insert(current)
        }
      }
      // Values copied into command lines and old summaries: only those long enough to be
      // personal data rather than a digit that happens to occur.
      let copied = values.filter { $0.count >= 3 }.sorted { $0.count > $1.count }
      for value in copied {
        let holders = try db.prepare(
          sql: """
            SELECT id FROM history WHERE unit_id = \(id.rawValue)
              AND (instr(command, \(value)) > 0 OR instr(summary, \(value)) > 0)
            """)
        while try holders.step() { entryIDs.insert(try holders.required(0)) }
      }
      let result = HistoryPurge(unit: unit, fields: fields, entries: entryIDs.count, values: values.count)
      if dryRun { return result }
      for field in fields {
        let path = "$." + field.jsonKey
        for document in ["before", "after"] {
          try db.run(
            sql: """
              UPDATE history SET \(identifier: document) = json_replace(\(identifier: document), \(path), NULL)
              WHERE unit_id = \(id.rawValue) AND json_valid(\(identifier: document))
                AND json_type(\(identifier: document), \(path)) = 'text'
              """)
        }
        try db.run(
          sql: """
            UPDATE history SET facts = CASE json_type(facts, \(path))
                WHEN 'object' THEN json_replace(facts, \(path + ".old"), NULL, \(path + ".new"), NULL)
                ELSE json_replace(facts, \(path), NULL) END
            WHERE unit_id = \(id.rawValue) AND json_valid(facts) AND json_type(facts, \(path)) IN ('object', 'text')
            """)
      }
      for field in fields {
        for change in try changesNaming(field, of: id) {
          try db.run(
            sql: """
              UPDATE history SET facts = json_replace(facts, \(change.path + ".old"), NULL, \(change.path + ".new"), NULL)
              WHERE id = \(change.entry)
              """)
        }
      }
      for value in copied {
        try db.run(
          sql: """
            UPDATE history SET command = replace(command, \(value), '***'), summary = replace(summary, \(value), '***')
            WHERE unit_id = \(id.rawValue) AND (instr(command, \(value)) > 0 OR instr(summary, \(value)) > 0)
            """)
      }
      try record(
        .historyPurge, unit: id,
        facts: [
          "fields": .array(fields.map { .string($0.rawValue) }), "entries": .int(entryIDs.count),
        ], before: nil, after: nil)
      return result
    }
    if dryRun { return try read(work) }
    // The old values must not survive in the file's free space or in the write-ahead log:
    // freed bytes are zeroed as they are freed, and the log is emptied afterwards.
    try db.run(sql: "PRAGMA secure_delete = ON")
    defer { try? db.run(sql: "PRAGMA secure_delete = OFF") }
    let purged = try write(work)
    _ = try? db.scalar(Int.self, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    return purged
  }

  /// An edit's recorded change of the field: the history entry, the change's JSON path in the
  /// facts, and the values it held.
  private struct RecordedChange {
    var entry: Int
    var path: String
    var values: [String]
  }

  private func changesNaming(_ field: PersonalField, of id: UnitID) throws -> [RecordedChange] {
    let found = try db.prepare(
      sql: """
        SELECT h.id, j.path, json_extract(h.facts, j.path || '.old'), json_extract(h.facts, j.path || '.new')
        FROM history AS h, json_tree(h.facts) AS j
        WHERE h.unit_id = \(id.rawValue) AND json_valid(h.facts) AND j.key = 'field' AND j.atom = \(field.changeField)
        """)
    var changes: [RecordedChange] = []
    while try found.step() {
      let old: String? = try found.column(2)
      let new: String? = try found.column(3)
      changes.append(
        RecordedChange(
          entry: try found.required(0), path: try found.required(1), values: [old, new].compactMap { $0 }))
    }
    return changes
  }
}
