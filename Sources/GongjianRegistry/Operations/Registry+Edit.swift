import SQLite

/// Changes to a unit's details (`edit`): nil leaves a field as it is, "" clears it.
public struct UnitChanges: Equatable, Sendable {
  public var name: String?
  /// The day of a rename (default today).
  public var renamedOn: Day?
  public var details: UnitDetails

  public init(name: String? = nil, renamedOn: Day? = nil, details: UnitDetails = UnitDetails()) {
    self.name = name
    self.renamedOn = renamedOn
    self.details = details
  }

  public var isEmpty: Bool { name == nil && details == UnitDetails() }
}

/// One field's change: what it held and what it holds now.
public struct FieldChange: Equatable, Sendable {
  public var field: Field
  public var old: String?
  public var new: String?
}

/// What `edit` changed (nothing when every value was already as given).
public struct UnitEdit: Equatable, Sendable {
  public var unit: UnitReference
  public var changes: [FieldChange]
}

extension Registry {
  /// Changes a unit's details. A rename keeps the old name as a former name, so it still
  /// finds the unit.
  public func editUnit(_ id: UnitID, _ changes: UnitChanges) throws -> UnitEdit {
    try write { try applyEdit(id, changes) }
  }

  /// `editUnit` inside the caller's write transaction (import's `--update` runs it per row).
  func applyEdit(_ id: UnitID, _ changes: UnitChanges) throws -> UnitEdit {
    do {
      let before = try loadDetail(id)
      var problems = Problems()
      let newName = changes.name.flatMap { problems.take(TextInput.name($0), .name) }
      var cleaned: [(column: UnitDetailColumn, value: String?)] = []
      for column in UnitDetailColumn.all {
        guard let raw = changes.details[keyPath: column.value] else { continue }
        if let value = problems.take(Validation.clean(column.field, raw), column.field) {
          cleaned.append((column, value ?? (column.field == .kind ? UnitKind.fallback : nil)))
        }
      }
      let renamedOn = changes.renamedOn ?? today
      if changes.renamedOn != nil {
        Validation.notInFuture(renamedOn, today: today, role: .renaming, field: .renamedOn, problems: &problems)
      }
      try problems.check()

      var assignments: [SQL] = []
      var changed: [FieldChange] = []
      // The history's "before", taken ahead of a rename, which changes the former names.
      var beforeSnapshot: JSONValue?
      if let newName, newName != before.name {
        let newKey = NameKey.make(newName)
        let oldKey = NameKey.make(before.name)
        if newKey != oldKey, let other = try existingUnit(key: newKey) {
          throw Refusal.nameTaken(name: newName, other: other.unit, joinedOn: other.joinedOn)
        }
        if newKey != oldKey {
          beforeSnapshot = try snapshot(before)
          // The old name stays findable; renaming back to a former name drops it from the list.
          try db.run(sql: "DELETE FROM unit_former_name WHERE unit_id = \(id.rawValue) AND name_key = \(newKey)")
          try db.run(
            sql: """
              INSERT INTO unit_former_name (unit_id, name, name_key, renamed_on)
              VALUES (\(id.rawValue), \(before.name), \(oldKey), \(renamedOn.iso))
              ON CONFLICT (unit_id, name_key) DO UPDATE SET name = excluded.name, renamed_on = excluded.renamed_on
              """)
        }
        assignments += ["name = \(newName)", "name_key = \(newKey)", "similar_key = \(NameKey.similar(newKey))"]
        changed.append(FieldChange(field: .name, old: before.name, new: newName))
      }
      if let code = cleaned.first(where: { $0.column.field == .creditCode })?.value,
        code != before.details.creditCode
      {
        try checkCreditCodeFree(code, for: id)
      }
      for (column, value) in cleaned where value != before.details[keyPath: column.value] {
        assignments.append("\(identifier: column.column) = \(value)")
        changed.append(FieldChange(field: column.field, old: before.details[keyPath: column.value], new: value))
      }
      let unit = UnitReference(id: id, name: newName ?? before.name)
      guard !assignments.isEmpty else { return UnitEdit(unit: unit, changes: []) }
      try db.run(sql: "UPDATE unit SET " + SQL.joined(assignments, separator: ", ") + " WHERE id = \(id.rawValue)")
      try record(
        .edit, unit: id, facts: ["changes": .array(changed.map(\.json))],
        before: try beforeSnapshot ?? snapshot(before), after: try unitSnapshot(id))
      return UnitEdit(unit: unit, changes: changed)
    }
  }
}

extension FieldChange {
  var json: JSONValue {
    .object(["field": .string(field.rawValue), "old": .optional(old), "new": .optional(new)])
  }
}
