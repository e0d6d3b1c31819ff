import SQLite

/// Which units a listing shows (SPEC §6 `list`).
public struct UnitFilter: Equatable, Sendable {
  /// Units active on this day (the default is today).
  public var activeOn: Day?
  /// Units active at the end of this year: the growth report's total.
  public var activeInYear: Int?
  public var joinedInYear: Int?
  public var leftInYear: Int?
  /// Working group, as a GROUP argument.
  public var group: String?
  public var kind: String?
  /// Include units that have left.
  public var all: Bool

  public init(
    activeOn: Day? = nil, activeInYear: Int? = nil, joinedInYear: Int? = nil, leftInYear: Int? = nil,
    group: String? = nil, kind: String? = nil, all: Bool = false
  ) {
    self.activeOn = activeOn
    self.activeInYear = activeInYear
    self.joinedInYear = joinedInYear
    self.leftInYear = leftInYear
    self.group = group
    self.kind = kind
    self.all = all
  }
}

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

extension Registry {
  // MARK: - list

  /// The units a filter selects, one row per unit with the period the filter is about,
  /// ordered by joining date. Every condition is SQL; nothing is filtered in Swift.
  public func listUnits(_ filter: UnitFilter) throws -> [UnitListing] {
    try read {
      var conditions: [String] = []
      var arguments: [(any SQLiteBindable)?] = []
      let reference: Day?
      if let day = filter.activeOn {
        reference = day
      } else if let year = filter.activeInYear {
        reference = try yearEnd(year)
      } else if filter.all || filter.joinedInYear != nil || filter.leftInYear != nil {
        reference = nil
      } else {
        reference = today
      }
      if let reference {
        conditions.append("m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)")
        arguments += [reference.iso, reference.iso]
      }
      if let year = filter.joinedInYear {
        conditions.append("m.joined_on BETWEEN ? AND ?")
        arguments += ["\(try yearStart(year))", "\(try yearEnd(year))"]
      }
      if let year = filter.leftInYear {
        conditions.append("m.left_on BETWEEN ? AND ?")
        arguments += ["\(try yearStart(year))", "\(try yearEnd(year))"]
      }
      if let kind = filter.kind {
        conditions.append("u.kind = ?")
        arguments.append(try TextInput.optionalLine(kind, field: "kind", maxLength: 50).get() ?? "")
      }
      if let group = filter.group {
        let found = try lookup(group, in: .group)
        if let reference {
          conditions.append(
            """
            EXISTS (SELECT 1 FROM group_membership AS gm WHERE gm.unit_id = u.id AND gm.group_id = ?
                    AND gm.joined_on <= ? AND (gm.left_on IS NULL OR gm.left_on > ?))
            """)
          arguments += [found.id, reference.iso, reference.iso]
        } else {
          conditions.append("EXISTS (SELECT 1 FROM group_membership AS gm WHERE gm.unit_id = u.id AND gm.group_id = ?)")
          arguments.append(found.id)
        }
      }
      let groupDay = reference ?? today
      let sql = """
        SELECT id, name, kind, joined_on, left_on,
          (SELECT group_concat(name, char(31)) FROM (
             SELECT g.name FROM group_membership AS gm JOIN working_group AS g ON g.id = gm.group_id
             WHERE gm.unit_id = picked.id AND gm.joined_on <= ? AND (gm.left_on IS NULL OR gm.left_on > ?)
             ORDER BY gm.role, g.id))
        FROM (
          SELECT u.id, u.name, u.kind, m.joined_on, m.left_on,
                 row_number() OVER (PARTITION BY u.id ORDER BY m.joined_on DESC) AS latest
          FROM unit AS u JOIN membership AS m ON m.unit_id = u.id
          \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
        ) AS picked
        WHERE latest = 1
        ORDER BY joined_on, id
        """
      let statement = try db.prepare(sql)
      try statement.bind([groupDay.iso, groupDay.iso] + arguments)
      var rows: [UnitListing] = []
      while try statement.step() {
        let groups = try statement.column(5, as: String.self)?.split(separator: "\u{1F}").map(String.init) ?? []
        rows.append(
          UnitListing(
            id: try statement.required(0), name: try statement.required(1), kind: try statement.required(2),
            joinedOn: try day(statement, 3), leftOn: try optionalDay(statement, 4), groups: groups))
      }
      return rows
    }
  }

  func yearStart(_ year: Int) throws -> Day {
    guard let day = Day(year: year, month: 1, day: 1) else {
      throw RegistryError.invalid("\(year) is not a year the registry knows (\(Day.earliestYear)–\(Day.latestYear))")
    }
    return day
  }

  func yearEnd(_ year: Int) throws -> Day {
    guard let day = Day(year: year, month: 12, day: 31) else {
      throw RegistryError.invalid("\(year) is not a year the registry knows (\(Day.earliestYear)–\(Day.latestYear))")
    }
    return day
  }

  // MARK: - show

  /// Everything about one unit.
  public func unitDetail(_ id: Int) throws -> UnitDetail {
    try read { try loadDetail(id) }
  }

  func loadDetail(_ id: Int) throws -> UnitDetail {
    let unit = try db.prepare(
      """
      SELECT id, name, kind, party_org, address, contact_name, contact_phone, note, created_at
      FROM unit WHERE id = ?
      """)
    try unit.bind(id, at: 1)
    guard try unit.step() else { throw RegistryError.refused("no unit has the id \(id)") }
    var detail = UnitDetail(
      id: try unit.required(0), name: try unit.required(1), kind: try unit.required(2),
      partyOrganisation: try unit.column(3), address: try unit.column(4), contactName: try unit.column(5),
      contactPhone: try unit.column(6), note: try unit.column(7), createdAt: try unit.required(8),
      periods: [], agreements: [], groups: [], formerNames: [])

    let periods = try db.prepare(
      "SELECT id, joined_on, left_on, left_reason FROM membership WHERE unit_id = ? ORDER BY joined_on")
    try periods.bind(id, at: 1)
    while try periods.step() {
      detail.periods.append(
        MembershipPeriod(
          id: try periods.required(0), joinedOn: try day(periods, 1), leftOn: try optionalDay(periods, 2),
          leftReason: try periods.column(3)))
    }
    detail.agreements = try agreements(where: "a.unit_id = ?", [id])
    detail.groups = try groupMemberships(where: "gm.unit_id = ?", [id])
    let names = try db.prepare(
      "SELECT name, renamed_on FROM unit_former_name WHERE unit_id = ? ORDER BY renamed_on, id")
    try names.bind(id, at: 1)
    while try names.step() {
      detail.formerNames.append(FormerName(name: try names.required(0), renamedOn: try day(names, 1)))
    }
    return detail
  }

  /// The unit as JSON, for the history's before/after.
  func unitSnapshot(_ id: Int) throws -> JSONValue {
    let detail = try loadDetail(id)
    return .object([
      "id": .int(detail.id), "name": .string(detail.name), "kind": .string(detail.kind),
      "party_org": .optional(detail.partyOrganisation), "address": .optional(detail.address),
      "contact": .optional(detail.contactName), "phone": .optional(detail.contactPhone), "note": .optional(detail.note),
      "periods": .array(
        detail.periods.map {
          .object([
            "joined_on": .string($0.joinedOn.iso), "left_on": .optional($0.leftOn?.iso),
            "left_reason": .optional($0.leftReason),
          ])
        }),
      "agreements": .array(
        detail.agreements.map {
          .object([
            "title": .string($0.title), "signed_on": .string($0.signedOn.iso),
            "expires_on": .optional($0.expiresOn?.iso),
            "signatory": .optional($0.signatory), "signatory_title": .optional($0.signatoryTitle),
          ])
        }),
      "groups": .array(
        detail.groups.map {
          .object([
            "group": .string($0.groupName), "role": .string($0.role.rawValue), "joined_on": .string($0.joinedOn.iso),
            "left_on": .optional($0.leftOn?.iso),
          ])
        }),
    ])
  }

  // MARK: - edit

  /// Changes a unit's details (SPEC §6 `edit`). A rename keeps the old name as a former name,
  /// so it still finds the unit. Returns the fields that changed, old and new.
  public func editUnit(_ id: Int, _ changes: UnitChanges) throws -> [(field: String, old: String?, new: String?)] {
    try write {
      let before = try loadDetail(id)
      var errors: [FieldError] = []
      var changed: [(field: String, old: String?, new: String?)] = []
      var assignments: [String] = []
      var arguments: [(any SQLiteBindable)?] = []

      func set(_ column: String, _ label: String, _ old: String?, _ new: String??) {
        guard let new, new != old else { return }
        assignments.append("\(column) = ?")
        arguments.append(new)
        changed.append((label, old, new))
      }

      var newName: String?
      if let raw = changes.name {
        newName = Validation.collect(TextInput.name(raw), .name, into: &errors)
      }
      let raw = changes.details
      let kind = raw.kind.map {
        Validation.collect(TextInput.optionalLine($0, field: "kind", maxLength: 50), .kind, into: &errors) ?? nil
      }
      let party = raw.partyOrganisation.map {
        Validation.collect(TextInput.optionalLine($0, field: "party organisation"), .partyOrganisation, into: &errors)
          ?? nil
      }
      let address = raw.address.map {
        Validation.collect(TextInput.optionalLine($0, field: "address"), .address, into: &errors) ?? nil
      }
      let contact = raw.contactName.map {
        Validation.collect(TextInput.optionalLine($0, field: "contact"), .contactName, into: &errors) ?? nil
      }
      let phone = raw.contactPhone.map {
        Validation.collect(TextInput.optionalLine($0, field: "phone"), .contactPhone, into: &errors) ?? nil
      }
      let note = raw.note.map { Validation.collect(TextInput.optionalNote($0), .note, into: &errors) ?? nil }
      let renamedOn = changes.renamedOn ?? today
      if changes.renamedOn != nil {
        Validation.notInFuture(renamedOn, today: today, what: "renaming date", field: .name, errors: &errors)
      }
      if !errors.isEmpty { throw FieldErrors(errors) }

      if let newName, newName != before.name {
        let newKey = NameKey.make(newName)
        let oldKey = NameKey.make(before.name)
        if newKey != oldKey, let other = try existingUnit(key: newKey) {
          throw RegistryError.refused(
            "another unit is already called \(DayParser.quoted(newName)): unit \(other.id) \(other.name), joined \(other.joinedOn)"
          )
        }
        if newKey != oldKey {
          // The old name stays findable; renaming back to a former name drops it from the list.
          try db.run("DELETE FROM unit_former_name WHERE unit_id = ? AND name_key = ?", id, newKey)
          try db.run(
            """
            INSERT INTO unit_former_name (unit_id, name, name_key, renamed_on) VALUES (?, ?, ?, ?)
            ON CONFLICT (unit_id, name_key) DO UPDATE SET name = excluded.name, renamed_on = excluded.renamed_on
            """, id, before.name, oldKey, renamedOn.iso)
        }
        assignments += ["name = ?", "name_key = ?"]
        arguments += [newName, newKey]
        changed.append(("name", before.name, newName))
      }
      if let kind {
        set("kind", "kind", before.kind, .some(kind ?? UnitKind.fallback))
      }
      set("party_org", "party_org", before.partyOrganisation, party)
      set("address", "address", before.address, address)
      set("contact_name", "contact", before.contactName, contact)
      set("contact_phone", "phone", before.contactPhone, phone)
      set("note", "note", before.note, note)
      guard !assignments.isEmpty else { return [] }
      try db.run("UPDATE unit SET \(assignments.joined(separator: ", ")) WHERE id = ?", arguments: arguments + [id])
      try recordHistory(
        action: "edit", entity: "unit", entityID: id, unitID: id,
        summary: "edited \(before.name): " + changed.map(\.field).joined(separator: ", "),
        before: .object(JSONValue.KeyValuePairs(changed.map { ($0.field, JSONValue.optional($0.old)) })),
        after: .object(JSONValue.KeyValuePairs(changed.map { ($0.field, JSONValue.optional($0.new)) })))
      return changed
    }
  }
}
