import SQLite

/// One import's state: the rows seen, the groups met, the problems found.
struct ImportRun {
  let registry: Registry
  let table: ImportTable
  let source: any RowSource
  /// What is checked of each row before the registry is asked.
  var preparation: RowPreparation
  var fields: [Field?] { preparation.fields }
  var namesCells: Bool { preparation.namesCells }
  let options: ImportOptions
  let path: String
  var summary: ImportSummary
  /// Row problems, by line: the first few hundred kept, all counted.
  var problems: [RowProblem] = []
  var problemCount = 0
  /// Working groups by key, found or created during this import.
  var groups: [String: Registry.ResolvedGroup] = [:]
  /// The same by the number the rows' preparation gave each key.
  var groupsBySlot: [Registry.ResolvedGroup?] = []
  /// The registry's groups, for the message about a group it does not have.
  var knownGroupNames: [String]?
  /// Whether the registry had no working group when the import began.
  var hadNoGroups: Bool?
  /// The highest unit id before the import: a duplicate above it is a row of this file.
  var lastIDBefore = 0
  /// Keys that appear twice in the file, with the later lines, to name the first line afterwards.
  var fileDuplicates: [String: [(line: Int, name: String)]] = [:]
  /// The line of each unit this import added, by id from `firstAddedID` on (ids are given out
  /// one after another): the similar-name check after the rows names lines from it.
  var addedLines: [Int32] = []
  var firstAddedID: Int?
  /// The file column of the name, for a workbook's cell reference (`B12`) in a message.
  let nameColumn: Int?

  init(
    registry: Registry, table: ImportTable, fields: [Field?], headers: [String], options: ImportOptions, path: String
  ) {
    self.registry = registry
    self.table = table
    source = table.source
    preparation = RowPreparation(fields: fields, headers: headers, source: table.source, today: registry.today)
    self.options = options
    self.path = path
    summary = ImportSummary(path: path)
    nameColumn = fields.firstIndex(of: .name).flatMap { index in table.header?.columns[index] }
  }

  static let problemsKept = 500

  mutating func problem(_ line: Int, _ field: Field?, _ issue: RowIssue, cell: String? = nil) {
    record(preparation.problem(line, field, issue, cell: cell))
  }

  private mutating func record(_ problem: RowProblem) {
    problemCount += 1
    if problems.count < ImportRun.problemsKept { problems.append(problem) }
  }

  /// Reads, checks and inserts every row. With `concurrently`, the file is read and each row
  /// checked on a second thread while this one inserts (what needs the registry); the
  /// outcome is the same.
  mutating func readAll(concurrently: Bool, progress: ((ImportProgress) -> Void)?) throws {
    lastIDBefore = try registry.db.scalar(Int.self, "SELECT max(id) FROM unit") ?? 0
    let totalBytes = source.totalBytes
    if concurrently {
      let pipe = RowPipe()
      let reader = RowReader(table: table, preparation: preparation, pipe: pipe)
      reader.start()
      defer { pipe.stopAndWait() }
      while let batch = try pipe.take() {
        for row in batch.rows {
          try insert(row)
          if summary.rows & 4095 == 0, let progress {
            progress(ImportProgress(rows: summary.rows, bytesRead: batch.bytesRead, totalBytes: totalBytes))
          }
        }
        pipe.giveBack(batch)
      }
      pipe.stopAndWait()
      preparation = reader.finishedPreparation
    } else {
      while let next = try table.next() {
        try insert(preparation.prepare(next))
        if summary.rows & 4095 == 0, let progress {
          progress(ImportProgress(rows: summary.rows, bytesRead: source.bytesRead, totalBytes: totalBytes))
        }
      }
    }
    if !fileDuplicates.isEmpty { try nameFirstLinesOfDuplicates() }
  }

  /// Kinds in the file that are none of the standard ones, as stored.
  var otherKinds: Set<String> { preparation.otherKinds }

  /// Records a refused row's problems, or inserts its unit.
  mutating func insert(_ row: PreparedRow) throws {
    summary.rows += 1
    switch row {
    case .refused(let list):
      for problem in list { record(problem) }
    case .unit(let unit):
      try insert(unit)
    }
  }

  /// The half of a row that needs the registry: the unit, its period, agreement and groups
  /// inserted; a duplicate refused, or updated with `--update`.
  mutating func insert(_ prepared: PreparedUnit) throws {
    let line = prepared.line
    let input = prepared.input
    let clean = prepared.clean
    func report(_ field: Field, _ issue: RowIssue) {
      problem(line, field, issue, cell: field == .groups ? prepared.groupsCell : prepared.nameCell)
    }
    // Later problems in the file leave nothing written, but rows are still inserted so that
    // duplicates and the schema's own checks are found for the whole file in one pass.
    do {
      // Groups are found or created only once the unit is known to be new: a row that
      // turns out to update an existing unit creates none.
      let registration = try registry.insertUnit(input, clean: clean, texts: prepared.texts, recordHistory: false) {
        var resolved: [Registry.ResolvedGroup] = []
        for named in prepared.groups {
          var group: Registry.ResolvedGroup
          if named.slot < groupsBySlot.count, let known = groupsBySlot[named.slot] {
            group = known
          } else {
            // A name the registry does not know is more often a typo than a new group.
            if !options.createGroups, try !registryHasNoGroups(), try knownGroup(key: named.key) == nil {
              throw UnknownGroupInRow(name: named.name)
            }
            group = try self.group(named: named.name, key: named.key)
            if named.slot >= groupsBySlot.count {
              groupsBySlot.append(contentsOf: repeatElement(nil, count: named.slot + 1 - groupsBySlot.count))
            }
            groupsBySlot[named.slot] = group
          }
          group.role = named.role
          if !resolved.contains(where: { $0.reference.id == group.reference.id }) { resolved.append(group) }
        }
        return resolved
      }
      summary.added += 1
      if summary.addedNames.count < 10 { summary.addedNames.append(clean.name) }
      noteAdded(registration.unit.id.rawValue, line: line)
    } catch let duplicate as DuplicateUnit {
      if duplicate.existing.unit.id.rawValue > lastIDBefore {
        fileDuplicates[clean.key, default: []].append((line, clean.name))
      } else if options.update {
        try update(duplicate: duplicate, input: input, line: line)
      } else {
        report(
          .name,
          .alreadyRegistered(name: clean.name, existing: duplicate.existing.unit, joinedOn: duplicate.existing.joinedOn)
        )
      }
    } catch let unknown as UnknownGroupInRow {
      report(.groups, .unknownGroup(name: unknown.name, known: try knownGroups()))
    } catch let refusal as Refusal {
      problem(line, nil, .refused(refusal))
    }
  }

  mutating func noteAdded(_ id: Int, line: Int) {
    if firstAddedID == nil { firstAddedID = id }
    if let first = firstAddedID, id == first + addedLines.count {
      addedLines.append(Int32(clamping: line))
    }
  }

  /// The line that added unit `id`, when this import added it.
  func lineOfAdded(_ id: Int) -> Int? {
    guard let first = firstAddedID, id >= first, id - first < addedLines.count else { return nil }
    return Int(addedLines[id - first])
  }

  /// Refuses every unit this import added whose name is like an earlier unit's but not the
  /// same (other brackets, without 集团…), naming the earliest such unit — of the registry, or
  /// of this file with its line. Run once after the rows, inside SQLite: when the import is
  /// most of the registry (`scanningAll`), one pass over the similar-key index finds the keys
  /// held twice; otherwise one look-up per added unit.
  mutating func checkSimilarNames(scanningAll: Bool) throws {
    guard !options.allowSimilarNames, summary.added > 0 else { return }
    var found: [(id: Int, name: String, first: Int)] = []
    if scanningAll {
      let shared = try registry.db.prepare(
        sql: """
          SELECT similar_key FROM unit GROUP BY similar_key HAVING count(*) > 1 AND max(id) > \(lastIDBefore)
          """)
      var keys: [String] = []
      while try shared.step() { keys.append(try shared.required(0)) }
      for key in keys {
        let units = try registry.db.prepare(sql: "SELECT id, name FROM unit WHERE similar_key = \(key) ORDER BY id")
        guard try units.step() else { continue }
        let first: Int = try units.required(0)
        while try units.step() {
          let id: Int = try units.required(0)
          if id > lastIDBefore { found.append((id, try units.required(1), first)) }
        }
      }
      found.sort { $0.id < $1.id }
    } else {
      let pairs = try registry.db.prepare(
        sql: """
          SELECT id, name, first FROM (
            SELECT n.id, n.name, (
              SELECT min(o.id) FROM unit AS o WHERE o.similar_key = n.similar_key AND o.id < n.id
            ) AS first
            FROM unit AS n WHERE n.id > \(lastIDBefore)
          ) WHERE first IS NOT NULL ORDER BY id
          """)
      while try pairs.step() {
        found.append((try pairs.required(0), try pairs.required(1), try pairs.required(2)))
      }
    }
    for pair in found {
      guard let line = lineOfAdded(pair.id), let existing = try registry.existingUnit(id: pair.first) else { continue }
      let firstLine = pair.first > lastIDBefore ? lineOfAdded(pair.first) : nil
      let cell = namesCells ? nameColumn.map { CellReference(row: line, column: $0).description } : nil
      problem(
        line, .name,
        .similarToRegistered(
          name: pair.name, existing: existing.unit, joinedOn: existing.joinedOn,
          line: pair.first > lastIDBefore ? (firstLine ?? 0) : nil),
        cell: cell)
    }
  }

  /// `--update`: a unit already in the registry takes the file's non-empty details, through the
  /// same operation as `edit`; a leaving date for a unit still in the alliance records its
  /// withdrawal, through the same operation as `withdraw`. Other date changes are refused:
  /// they are corrections of their own.
  mutating func update(duplicate: DuplicateUnit, input: NewUnit, line: Int) throws {
    let existing = duplicate.existing
    if existing.joinedOn != input.joinedOn {
      problem(line, .joinedOn, .updateChangesJoining(existing.unit, registry: existing.joinedOn, file: input.joinedOn))
      return
    }
    if let existingLeft = existing.leftOn, input.leftOn != existingLeft {
      problem(line, .leftOn, .updateChangesLeaving(existing.unit, registry: existingLeft, file: input.leftOn))
      return
    }
    do {
      // A savepoint, so a row refused half-way leaves nothing of itself behind.
      try registry.db.execute("SAVEPOINT import_update")
      let edit = try registry.applyEdit(existing.unit.id, UnitChanges(details: input.details))
      var changed = !edit.changes.isEmpty
      if let left = input.leftOn, existing.leftOn == nil {
        _ = try registry.applyWithdrawal(existing.unit.id, on: left, reason: input.leftReason)
        changed = true
      }
      try registry.db.execute("RELEASE import_update")
      if changed {
        summary.updated += 1
        if summary.updatedNames.count < 10 { summary.updatedNames.append(existing.unit.name) }
      } else {
        summary.unchanged += 1
      }
    } catch let refusal as Refusal {
      try registry.db.execute("ROLLBACK TO import_update")
      try registry.db.execute("RELEASE import_update")
      if case .invalidValues(let list) = refusal {
        for item in list { problem(line, item.field, .value(item.problem)) }
      } else {
        problem(line, nil, .refused(refusal))
      }
    }
  }

  /// A group the registry has (or this import made), by its exact key.
  mutating func knownGroup(key: String) throws -> GroupReference? {
    if let known = groups[key] { return known.reference }
    let statement = try registry.db.prepare(sql: "SELECT id, name FROM working_group WHERE name_key = \(key)")
    guard try statement.step() else { return nil }
    return GroupReference(id: GroupID(try statement.required(0)), name: try statement.required(1))
  }

  /// Whether the registry had no working group before this import: then every group the file
  /// names is new by nature (a first import, or an export read back into a new registry), and
  /// creating them is what is asked. Against groups that exist, an unknown name is a typo.
  mutating func registryHasNoGroups() throws -> Bool {
    if let hadNoGroups { return hadNoGroups }
    let count = try registry.db.scalar(Int.self, "SELECT count(*) FROM working_group") ?? 0
    hadNoGroups = count == 0
    return count == 0
  }

  /// The registry's groups by name, read once.
  mutating func knownGroups() throws -> [String] {
    if let knownGroupNames { return knownGroupNames }
    var names: [String] = []
    let statement = try registry.db.prepare("SELECT name FROM working_group ORDER BY id")
    while try statement.step() { names.append(try statement.required(0)) }
    knownGroupNames = names
    return names
  }

  /// A group named in the file: found by its exact key, or created (and reported).
  mutating func group(named name: String, key: String) throws -> Registry.ResolvedGroup {
    if let known = groups[key] { return known }
    let reference: GroupReference
    if let found = try knownGroup(key: key) {
      reference = found
    } else {
      reference = try registry.insertGroup(NewGroup(name: name), recordHistory: false)
      summary.createdGroups.append(reference.name)
      knownGroupNames = nil
    }
    let resolved = try registry.resolvedGroup(reference)
    groups[key] = resolved
    return resolved
  }

  /// The groups a workbook's 专项组 sheet defines: added when the registry lacks them, with
  /// their description and dates, so that an export imported again keeps them.
  mutating func defineGroups(_ rows: [GroupSheet.Row]) throws {
    for row in rows {
      if try knownGroup(key: NameKey.make(row.name)) != nil { continue }
      do {
        let reference = try registry.insertGroup(
          NewGroup(name: row.name, description: row.description, establishedOn: row.establishedOn),
          recordHistory: false)
        if let dissolved = row.dissolvedOn {
          try registry.db.run(
            sql: "UPDATE working_group SET dissolved_on = \(dissolved.iso) WHERE id = \(reference.id.rawValue)")
        }
        summary.createdGroups.append(reference.name)
        knownGroupNames = nil
      } catch let refusal as Refusal {
        problem(row.line, nil, .refused(refusal))
      }
    }
  }

  /// `A、B（牵头）; C` → names and roles. 牵头 (or "lead") after a name makes the unit its lead.
  static func splitGroups(_ cell: String?) -> ([String], [GroupRole]) {
    guard let cell, !cell.isEmpty else { return ([], []) }
    if TextInput.isAlreadyClean(cell, maxLength: TextInput.maxNoteLength),
      !cell.unicodeScalars.contains(where: Vocabulary.groupCellSpecials.contains)
    {
      return ([cell], [.member])
    }
    var names: [String] = []
    var roles: [GroupRole] = []
    var piece = String.UnicodeScalarView()
    func finish() {
      var name = String(piece)
      piece = String.UnicodeScalarView()
      var role = GroupRole.member
      for suffix in Vocabulary.leadMarks where name.hasSuffix(suffix) {
        name.removeLast(suffix.count)
        role = .lead
        break
      }
      name = trimmed(name)
      if name.isEmpty { return }
      names.append(name)
      roles.append(role)
    }
    for scalar in cell.unicodeScalars {
      if Vocabulary.groupSeparators.contains(scalar) {
        finish()
      } else {
        piece.append(scalar)
      }
    }
    finish()
    return (names, roles)
  }

  /// Without surrounding whitespace (the cleaning proper happens in `TextInput.name`).
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

  /// Reads the file again to find where each duplicated unit first appears. Only runs when
  /// the file has duplicates, so a good import reads the file once.
  mutating func nameFirstLinesOfDuplicates() throws {
    guard let nameIndex = fields.firstIndex(of: .name) else { return }
    let again = try table.reopened()
    var firstLines: [String: Int] = [:]
    while firstLines.count < fileDuplicates.count, let next = try again.next() {
      guard case .row(let line, let cells) = next, nameIndex < cells.count, let name = cells[nameIndex].text else {
        continue
      }
      let key = NameKey.make(name)
      if fileDuplicates[key] != nil && firstLines[key] == nil { firstLines[key] = line }
    }
    for (key, lines) in fileDuplicates {
      for (line, name) in lines {
        problem(line, .name, .duplicateInFile(name: name, firstLine: firstLines[key]))
      }
    }
  }

  /// The import's failure: every problem, by line, up to the cap.
  func failure() -> ImportProblems {
    let sorted = problems.sorted { $0.line < $1.line }
    return ImportProblems(
      path: path, rows: summary.rows, problems: Array(sorted.prefix(Registry.importErrorsShown)), count: problemCount)
  }
}

/// A new unit's row names a working group the registry does not have (and groups are not to be created).
private struct UnknownGroupInRow: Error {
  let name: String
}
