import SQLite

/// One import's state: the rows seen, the groups met, the problems found.
struct ImportRun {
  let registry: Registry
  let table: ImportTable
  let source: any RowSource
  let fields: [Field?]
  /// `fields` as positions in `Field.allCases`, for an array per row instead of a dictionary.
  let ordinals: [Int?]
  /// Only CSV export puts a quote before a cell that would run as a formula; an XLSX text cell
  /// starting with ' was typed that way and keeps it.
  let removesNeutralizingQuotes: Bool
  /// Workbooks name cells (`D12`); CSV files only lines.
  let namesCells: Bool
  let headers: [String]
  let options: ImportOptions
  let path: String
  var summary: ImportSummary
  /// Row problems, by line: the first few hundred kept, all counted.
  var problems: [RowProblem] = []
  var problemCount = 0
  /// Working groups by key, found or created during this import.
  var groups: [String: Registry.ResolvedGroup] = [:]
  /// The registry's groups, for the message about a group it does not have.
  var knownGroupNames: [String]?
  /// Whether the registry had no working group when the import began.
  var hadNoGroups: Bool?
  /// The highest unit id before the import: a duplicate above it is a row of this file.
  var lastIDBefore = 0
  /// Keys that appear twice in the file, with the later lines, to name the first line afterwards.
  var fileDuplicates: [String: [(line: Int, name: String)]] = [:]
  /// Kinds that are none of the standard ones, as stored.
  var otherKinds: Set<String> = []
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
    self.fields = fields
    ordinals = fields.map { $0?.ordinal }
    removesNeutralizingQuotes = source is CSVRowSource
    if case .xlsx = source.format { namesCells = true } else { namesCells = false }
    self.headers = headers
    self.options = options
    self.path = path
    summary = ImportSummary(path: path)
    nameColumn = fields.firstIndex(of: .name).flatMap { index in table.header?.columns[index] }
  }

  static let problemsKept = 500

  mutating func problem(_ line: Int, _ field: Field?, _ issue: RowIssue, cell: String? = nil) {
    record(RowProblem(line: line, column: field.map(columnName), cell: cell, issue: issue))
  }

  /// A row the file's reader could not read: named by its line and, for one cell, the column's header.
  mutating func unreadable(_ line: Int, _ problem: InputProblem) {
    let column = problem.column.map { headers.indices.contains($0) ? headers[$0] : String($0 + 1) }
    record(RowProblem(line: line, column: column, cell: nil, issue: .unreadable(problem)))
  }

  private mutating func record(_ problem: RowProblem) {
    problemCount += 1
    if problems.count < ImportRun.problemsKept { problems.append(problem) }
  }

  func columnName(_ field: Field) -> String {
    if let index = fields.firstIndex(of: field) { return headers[index] }
    return ImportColumns.column(field).chinese
  }

  mutating func readAll(progress: ((ImportProgress) -> Void)?) throws {
    lastIDBefore = try registry.db.scalar(Int.self, "SELECT max(id) FROM unit") ?? 0
    while let next = try table.next() {
      switch next {
      case .unreadable(let line, let problem):
        summary.rows += 1
        unreadable(line, problem)
      case .row(let line, let cells):
        summary.rows += 1
        try importRow(line: line, cells: cells)
      }
      if summary.rows & 4095 == 0, let progress {
        progress(ImportProgress(rows: summary.rows, bytesRead: source.bytesRead, totalBytes: source.totalBytes))
      }
    }
    if !fileDuplicates.isEmpty { try nameFirstLinesOfDuplicates() }
  }

  /// The columns whose cells hold dates.
  static let dateFields: Set<Field> = [.joinedOn, .leftOn, .expiresOn]

  mutating func importRow(line: Int, cells: [ImportCell]) throws {
    if cells.count > fields.count {
      let extra = cells[fields.count...]
      if extra.contains(where: { $0.value != .empty }) {
        problem(line, nil, .valueCount(found: cells.count, expected: fields.count))
        return
      }
    } else if cells.count < fields.count {
      problem(line, nil, .valueCount(found: cells.count, expected: fields.count))
      return
    }
    var values = [CellValue](repeating: .empty, count: Field.allCases.count)
    var references = [String?](repeating: nil, count: Field.allCases.count)
    var rowProblems: [(Field, RowIssue)] = []
    for (index, ordinal) in ordinals.enumerated() {
      guard let ordinal, let field = fields[index] else { continue }
      let cell = cells[index]
      if namesCells { references[ordinal] = cell.reference(row: line).description }
      switch cell.value {
      case .error(let code):
        rowProblems.append((field, .errorValue(code)))
        continue
      case .formulaWithoutValue:
        rowProblems.append((field, .formulaWithoutValue))
        continue
      case .number(let number) where cell.isFormula && !ImportRun.dateFields.contains(field):
        // A text column computed by a formula saves its result as text; a number there is a
        // result the writing program made up (XlsxWriter saves 0).
        rowProblems.append((field, .formulaNumber(number)))
        continue
      case .text(let text) where removesNeutralizingQuotes && text.utf8.first == 0x27:
        // Undo the quote export puts before a cell that would run as a formula.
        values[ordinal] = .text(CSVWriter.removeNeutralizingQuote(text))
      default:
        values[ordinal] = cell.value
      }
    }
    func text(_ field: Field) -> String? { values[field.ordinal].text }
    func day(_ field: Field, required: Bool) -> Day? {
      switch values[field.ordinal] {
      case .empty:
        if required { rowProblems.append((field, .value(.missing))) }
        return nil
      case .date(let day):
        return day
      case .number(let number):
        rowProblems.append((field, .numberInDateColumn(number)))
        return nil
      case .boolean:
        rowProblems.append((field, .booleanInDateColumn))
        return nil
      case .error, .formulaWithoutValue:
        return nil
      case .text(let raw):
        if raw.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
          if required { rowProblems.append((field, .value(.missing))) }
          return nil
        }
        switch DayParser.parse(raw, today: registry.today) {
        case .success(let day): return day
        case .failure(let failure):
          rowProblems.append((field, .value(.notADate(failure))))
          return nil
        }
      }
    }
    let joined = day(.joinedOn, required: true)
    let left = day(.leftOn, required: false)
    let expires = day(.expiresOn, required: false)
    if let phone = text(.contactPhone), ImportRun.isScientificNotation(phone) {
      rowProblems.append((.contactPhone, .scientificNotation(phone)))
    }
    let name = text(.name) ?? ""
    let (groupNames, roles) = ImportRun.splitGroups(text(.groups))
    func report(_ list: [(Field, RowIssue)]) {
      for (field, issue) in list { problem(line, field, issue, cell: references[field.ordinal]) }
    }
    guard let joined, rowProblems.isEmpty else {
      if name.isEmpty && text(.name) == nil && !rowProblems.contains(where: { $0.0 == .name }) {
        rowProblems.insert((.name, .value(.missing)), at: 0)
      }
      report(rowProblems)
      return
    }
    let input = NewUnit(
      name: name, joinedOn: joined, leftOn: left, leftReason: text(.leftReason),
      details: UnitDetails(
        kind: text(.kind), partyOrganisation: text(.partyOrganisation), address: text(.address),
        contactName: text(.contactName), contactPhone: text(.contactPhone), note: text(.note),
        creditCode: text(.creditCode)),
      agreement: AgreementTerms(
        title: text(.agreementTitle), signatory: text(.signatory), signatoryTitle: text(.signatoryTitle),
        expiresOn: expires),
      // Similar names are looked for once all rows are in (`checkSimilarNames`): one query over
      // the added units instead of one per row, and no index to keep up to date meanwhile.
      groups: [], lead: false, allowSimilarName: true)
    let clean: CleanUnit
    switch registry.validate(input) {
    case .success(let value): clean = value
    case .failure(let refusal):
      if case .invalidValues(let list) = refusal {
        report(list.map { ($0.field, .value($0.problem)) })
      } else {
        problem(line, nil, .refused(refusal))
      }
      return
    }
    if let kind = clean.details.kind, !UnitKind.standard.contains(kind) { otherKinds.insert(kind) }
    var cleanGroups: [(name: String, role: GroupRole)] = []
    for (groupName, role) in zip(groupNames, roles) {
      switch TextInput.name(groupName) {
      case .failure(let issue):
        report([(.groups, .value(issue))])
        return
      case .success(let cleanName):
        cleanGroups.append((cleanName, role))
      }
    }
    // Later problems in the file leave nothing written, but rows are still inserted so that
    // duplicates and the schema's own checks are found for the whole file in one pass.
    do {
      // Groups are found or created only once the unit is known to be new: a row that
      // turns out to update an existing unit creates none.
      let registration = try registry.insertUnit(input, clean: clean, recordHistory: false) {
        var resolved: [Registry.ResolvedGroup] = []
        for (name, role) in cleanGroups {
          // A name the registry does not know is more often a typo than a new group.
          if !options.createGroups, try !registryHasNoGroups(), try knownGroup(name) == nil {
            throw UnknownGroupInRow(name: name)
          }
          var group = try group(named: name)
          group.role = role
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
        report([
          (
            .name,
            .alreadyRegistered(
              name: clean.name, existing: duplicate.existing.unit, joinedOn: duplicate.existing.joinedOn)
          )
        ])
      }
    } catch let unknown as UnknownGroupInRow {
      report([(.groups, .unknownGroup(name: unknown.name, known: try knownGroups()))])
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
  /// of this file with its line. Run once after the rows: one look-up per added unit by the
  /// similar key, inside SQLite.
  mutating func checkSimilarNames() throws {
    guard !options.allowSimilarNames, summary.added > 0 else { return }
    let pairs = try registry.db.prepare(
      sql: """
        SELECT id, name, first FROM (
          SELECT n.id, n.name, (
            SELECT min(o.id) FROM unit AS o WHERE o.similar_key = n.similar_key AND o.id < n.id
          ) AS first
          FROM unit AS n WHERE n.id > \(lastIDBefore)
        ) WHERE first IS NOT NULL ORDER BY id
        """)
    var found: [(id: Int, name: String, first: Int)] = []
    while try pairs.step() {
      found.append((try pairs.required(0), try pairs.required(1), try pairs.required(2)))
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

  /// `1.38123E+10`: what a spreadsheet makes of an 11-digit mobile number it took for a number
  /// (the digits after the fifth are gone).
  static func isScientificNotation(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }), e > 0 else {
      return false
    }
    let mantissa = bytes[..<e]
    var exponent = bytes[(e + 1)...]
    if exponent.first == UInt8(ascii: "+") { exponent = exponent.dropFirst() }
    let digit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
    return !exponent.isEmpty && exponent.allSatisfy(digit) && mantissa.allSatisfy { digit($0) || $0 == 0x2E }
      && mantissa.filter({ $0 == 0x2E }).count <= 1 && digit(mantissa[mantissa.startIndex])
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
  mutating func knownGroup(_ name: String) throws -> GroupReference? {
    let key = NameKey.make(name)
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
  mutating func group(named name: String) throws -> Registry.ResolvedGroup {
    let key = NameKey.make(name)
    if let known = groups[key] { return known }
    let reference: GroupReference
    if let found = try knownGroup(name) {
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
      if try knownGroup(row.name) != nil { continue }
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
