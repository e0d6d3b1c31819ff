import SQLite

/// How to import (SPEC §6 `import`).
public struct ImportOptions: Sendable {
  public var dryRun: Bool
  /// Update units already in the registry (matched by normalised name) instead of refusing them.
  public var update: Bool
  public var encoding: TextEncodingChoice
  /// Add units whose names are like registered ones' instead of refusing them.
  public var allowSimilarNames: Bool

  public init(
    dryRun: Bool = false, update: Bool = false, encoding: TextEncodingChoice = .auto, allowSimilarNames: Bool = false
  ) {
    self.dryRun = dryRun
    self.update = update
    self.encoding = encoding
    self.allowSimilarNames = allowSimilarNames
  }
}

/// Rows read so far, for a progress line.
public struct ImportProgress: Sendable {
  public var rows: Int
  public var bytesRead: Int
  public var totalBytes: Int
}

/// An import that found problems: every bad row is named (up to a cap), and nothing was written.
public struct ImportProblems: Error, Equatable, Sendable {
  public var path: String
  /// Data rows read.
  public var rows: Int
  /// The problems, by line, at most `Registry.importErrorsShown`.
  public var problems: [RowProblem]
  /// All problems found, shown or not.
  public var count: Int

  public init(path: String, rows: Int, problems: [RowProblem], count: Int) {
    self.path = path
    self.rows = rows
    self.problems = problems
    self.count = count
  }
}

/// One problem of an imported file, where it is: the line (CSV) or row (XLSX), and the column
/// as the file names it.
public struct RowProblem: Equatable, Sendable {
  public var line: Int
  public var column: String?
  public var issue: RowIssue

  public init(line: Int, column: String? = nil, issue: RowIssue) {
    self.line = line
    self.column = column
    self.issue = issue
  }
}

/// What is wrong with a row (or, on the header's line, with the header).
public enum RowIssue: Equatable, Sendable {
  case value(ValueProblem)
  /// More values than the header has columns (a stray separator), or fewer.
  case valueCount(found: Int, expected: Int)
  /// The same unit as on another line of the file.
  case duplicateInFile(name: String, firstLine: Int?)
  /// A unit already in the registry, without `--update`.
  case alreadyRegistered(name: String, existing: UnitReference, joinedOn: Day)
  /// A name like a registered unit's, or like another row's (its line when it is in this file).
  case similarToRegistered(name: String, existing: UnitReference, joinedOn: Day, line: Int?)
  /// An update may not move a joining date: that is a correction of its own.
  case updateChangesJoining(UnitReference, registry: Day, file: Day)
  /// An update may not change a leaving date already recorded.
  case updateChangesLeaving(UnitReference, registry: Day, file: Day?)
  /// A registry rule refused the row (a dissolved group, a withdrawal before a group joining…).
  case refused(Refusal)
  /// A reader's problem, as the reader words it.
  case unreadable(String)
}

/// What an import did (or, with --dry-run, would do).
public struct ImportSummary: Equatable, Sendable {
  public var path: String
  public var rows = 0
  public var added = 0
  public var updated = 0
  public var unchanged = 0
  public var createdGroups: [String] = []
  public var dryRun = false
  public var encoding = ""
  /// Names of the first units added and updated, for the dry run's report.
  public var addedNames: [String] = []
  public var updatedNames: [String] = []
}

extension Registry {
  /// The most row errors an import lists before it only counts.
  public static let importErrorsShown = 20

  /// Imports a CSV or XLSX file (SPEC §8): all or nothing, in one transaction. Every row goes
  /// through the same validation as `register`; every bad row is reported with its line and
  /// column, and one bad row means nothing is written. The file is read as a stream.
  public func importFile(
    _ path: String, options: ImportOptions, progress: ((ImportProgress) -> Void)? = nil
  ) throws -> ImportSummary {
    let source = try Registry.rowSource(path, encoding: options.encoding)
    guard let header = try source.header() else { throw Refusal.inputEmpty(path: path) }
    let fields: [Field?]
    switch ImportColumns.map(headers: header.cells, line: header.line) {
    case .success(let mapped): fields = mapped
    case .failure(let failure):
      throw Refusal.importFailed(
        ImportProblems(
          path: path, rows: 0, problems: [RowProblem(line: header.line, issue: .unreadable(failure.message))],
          count: failure.errorCount))
    }
    var run = ImportRun(
      registry: self, source: source, fields: fields, headers: header.cells, options: options, path: path)
    do {
      try write {
        try db.execute("PRAGMA cache_size = -\(Registry.importCacheKiB)")
        defer { try? db.execute("PRAGMA cache_size = -2000") }
        let deferred = try deferDateIndexes(expectedBytes: source.totalBytes)
        try run.readAll(progress: progress)
        if run.problemCount > 0 { throw Refusal.importFailed(run.failure()) }
        if run.summary.rows == 0 { throw Refusal.inputHasNoRows(path: path) }
        if options.dryRun { throw DryRunFinished() }
        if !deferred.isEmpty {
          // Building an index sorts in memory up to the page cache's size, then in temporary
          // files; SQLite's default cache keeps that sort from raising the peak memory, at no cost
          // in time (measured: BENCHMARKS.md).
          try db.execute("PRAGMA cache_size = -2000")
          for sql in deferred { try db.execute(sql) }
        }
        // The units an import adds have consecutive ids: the range is what `undo` removes.
        let lastID = try db.scalar(Int.self, "SELECT max(id) FROM unit") ?? 0
        let facts: JSONValue.KeyValuePairs = [
          "file": .string(path), "rows": .int(run.summary.rows), "added": .int(run.summary.added),
          "updated": .int(run.summary.updated),
          "groups_created": .array(run.summary.createdGroups.map(JSONValue.string)),
          "first_unit_id": .int(run.lastIDBefore + 1), "last_unit_id": .int(run.summary.added > 0 ? lastID : 0),
        ]
        try record(.importFile, entity: "import", unit: nil, facts: facts, before: nil, after: .object(facts))
      }
    } catch is DryRunFinished {
      run.summary.dryRun = true
    }
    run.summary.encoding = source.encodingName
    return run.summary
  }

  /// SQLite's page cache during an import, in KiB. Large enough that index pages are not
  /// written out again and again, small enough that memory stays flat (the issue asks peak
  /// memory at 1M rows to stay within 1.5× of 10k rows); see BENCHMARKS.md.
  static let importCacheKiB = 4_096

  /// The indexes an import fills in random order (dates): each new row touches some page of
  /// them, which with a million rows means rewriting the same pages over and over.
  static let dateIndexes = [
    "membership_by_joined", "membership_by_left", "group_membership_by_group_joined", "group_membership_by_group_left",
  ]

  /// For an import bigger than the registry, drops the date indexes and returns the SQL that
  /// builds them again: building an index afterwards sorts once, far cheaper than keeping it
  /// up to date row by row. All inside the import's transaction, so a failed or dry-run import
  /// rolls back to the indexes as they were, and other readers never see them missing.
  func deferDateIndexes(expectedBytes: Int) throws -> [String] {
    // About 150 bytes a row in a typical CSV; below a few thousand rows it is not worth it.
    let expectedRows = expectedBytes / 150
    guard expectedRows >= 20_000 else { return [] }
    let existingRows = try db.scalar(Int.self, "SELECT count(*) FROM membership") ?? 0
    guard expectedRows > existingRows else { return [] }
    var statements: [String] = []
    let lookup = try db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?")
    for name in Registry.dateIndexes {
      try lookup.bind(name, at: 1)
      let found = try lookup.step() ? try lookup.column(0, as: String.self) : nil
      // Reset before dropping: SQLite refuses DROP INDEX ("database table is locked") while a
      // statement is still reading the schema.
      lookup.reset()
      guard let sql = found else { continue }
      statements.append(sql)
      try db.execute("DROP INDEX \(name)")
    }
    return statements
  }

  static func rowSource(_ path: String, encoding: TextEncodingChoice) throws -> any RowSource {
    guard !path.isEmpty else { throw Refusal.inputNameEmpty }
    switch RegistryFile.entry(at: path) {
    case .missing: throw Refusal.inputMissing(path: path)
    case .directory: throw Refusal.inputIsFolder(path: path)
    default: break
    }
    let lowered = path.lowercased()
    if lowered.hasSuffix(".xlsx") {
      return try XLSXRowSource(path: path)
    }
    if lowered.hasSuffix(".xls") {
      throw Refusal.inputIsOldExcel(path: path)
    }
    return try CSVRowSource(path: path, encoding: encoding)
  }
}

/// Thrown to roll back a dry run after everything was checked.
private struct DryRunFinished: Error {}

/// One import's state: the rows seen, the groups met, the problems found.
struct ImportRun {
  let registry: Registry
  let source: any RowSource
  let fields: [Field?]
  /// `fields` as positions in `Field.allCases`, for an array per row instead of a dictionary.
  let ordinals: [Int?]
  /// Only CSV export puts a quote before a cell that would run as a formula; an XLSX text cell
  /// starting with ' was typed that way and keeps it.
  let removesNeutralizingQuotes: Bool
  let headers: [String]
  let options: ImportOptions
  let path: String
  var summary: ImportSummary
  /// Row problems, by line: the first few hundred kept, all counted.
  var problems: [RowProblem] = []
  var problemCount = 0
  /// Working groups by key, found or created during this import.
  var groups: [String: Registry.ResolvedGroup] = [:]
  /// The highest unit id before the import: a duplicate above it is a row of this file.
  var lastIDBefore = 0
  /// Keys that appear twice in the file, with the later lines, to name the first line afterwards.
  var fileDuplicates: [String: [(line: Int, name: String)]] = [:]

  init(
    registry: Registry, source: any RowSource, fields: [Field?], headers: [String], options: ImportOptions,
    path: String
  ) {
    self.registry = registry
    self.source = source
    self.fields = fields
    ordinals = fields.map { $0?.ordinal }
    removesNeutralizingQuotes = source is CSVRowSource
    self.headers = headers
    self.options = options
    self.path = path
    summary = ImportSummary(path: path)
  }

  static let problemsKept = 500

  mutating func problem(_ line: Int, _ field: Field? = nil, _ issue: RowIssue) {
    problemCount += 1
    if problems.count < ImportRun.problemsKept {
      problems.append(RowProblem(line: line, column: field.map(columnName), issue: issue))
    }
  }

  func columnName(_ field: Field) -> String {
    if let index = fields.firstIndex(of: field) { return headers[index] }
    return ImportColumns.column(field).chinese
  }

  mutating func readAll(progress: ((ImportProgress) -> Void)?) throws {
    lastIDBefore = try registry.db.scalar(Int.self, "SELECT max(id) FROM unit") ?? 0
    while let next = try source.next() {
      switch next {
      case .unreadable(let line, let message):
        summary.rows += 1
        problem(line, nil, .unreadable(message))
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

  mutating func importRow(line: Int, cells: [ImportCell]) throws {
    if cells.count > fields.count {
      let extra = cells[fields.count...]
      if extra.contains(where: { $0 != .empty }) {
        problem(line, nil, .valueCount(found: cells.count, expected: fields.count))
        return
      }
    } else if cells.count < fields.count {
      problem(line, nil, .valueCount(found: cells.count, expected: fields.count))
      return
    }
    var values = [ImportCell](repeating: .empty, count: Field.allCases.count)
    for (index, ordinal) in ordinals.enumerated() {
      guard let ordinal else { continue }
      let cell = cells[index]
      if removesNeutralizingQuotes, case .text(let text) = cell, text.utf8.first == 0x27 {
        // Undo the quote export puts before a cell that would run as a formula.
        values[ordinal] = .text(CSVWriter.removeNeutralizingQuote(text))
      } else {
        values[ordinal] = cell
      }
    }
    var rowProblems: [(Field, ValueProblem)] = []
    func text(_ field: Field) -> String? { values[field.ordinal].text }
    func day(_ field: Field, required: Bool) -> Day? {
      switch values[field.ordinal] {
      case .empty:
        if required { rowProblems.append((field, .missing)) }
        return nil
      case .number(let serial):
        guard let day = DayParser.fromExcelSerial(serial) else {
          rowProblems.append((field, .notAnExcelDate(serial)))
          return nil
        }
        return day
      case .text(let raw):
        if raw.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
          if required { rowProblems.append((field, .missing)) }
          return nil
        }
        switch DayParser.parse(raw, today: registry.today) {
        case .success(let day): return day
        case .failure(let failure):
          rowProblems.append((field, .notADate(failure)))
          return nil
        }
      }
    }
    let joined = day(.joinedOn, required: true)
    let left = day(.leftOn, required: false)
    let expires = day(.expiresOn, required: false)
    let name = text(.name) ?? ""
    let (groupNames, roles) = ImportRun.splitGroups(text(.groups))
    guard let joined, rowProblems.isEmpty else {
      if name.isEmpty && text(.name) == nil { rowProblems.insert((.name, .missing), at: 0) }
      for (field, issue) in rowProblems { problem(line, field, .value(issue)) }
      return
    }
    let input = NewUnit(
      name: name, joinedOn: joined, leftOn: left, leftReason: text(.leftReason),
      details: UnitDetails(
        kind: text(.kind), partyOrganisation: text(.partyOrganisation), address: text(.address),
        contactName: text(.contactName), contactPhone: text(.contactPhone), note: text(.note)),
      agreement: AgreementTerms(
        title: text(.agreementTitle), signatory: text(.signatory), signatoryTitle: text(.signatoryTitle),
        expiresOn: expires),
      groups: [], lead: false, allowSimilarName: options.allowSimilarNames)
    let clean: CleanUnit
    switch registry.validate(input) {
    case .success(let value): clean = value
    case .failure(let refusal):
      if case .invalidValues(let list) = refusal {
        for item in list { problem(line, item.field, .value(item.problem)) }
      } else {
        problem(line, nil, .refused(refusal))
      }
      return
    }
    var cleanGroups: [(name: String, role: GroupRole)] = []
    for (groupName, role) in zip(groupNames, roles) {
      switch TextInput.name(groupName) {
      case .failure(let issue):
        problem(line, .groups, .value(issue))
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
      _ = try registry.insertUnit(input, clean: clean, recordHistory: false) {
        var resolved: [Registry.ResolvedGroup] = []
        for (name, role) in cleanGroups {
          var group = try group(named: name)
          group.role = role
          if !resolved.contains(where: { $0.reference.id == group.reference.id }) { resolved.append(group) }
        }
        return resolved
      }
      summary.added += 1
      if summary.addedNames.count < 10 { summary.addedNames.append(clean.name) }
    } catch let duplicate as DuplicateUnit {
      if duplicate.existing.unit.id.rawValue > lastIDBefore {
        fileDuplicates[clean.key, default: []].append((line, clean.name))
      } else if options.update {
        try update(duplicate: duplicate, input: input, clean: clean, line: line)
      } else {
        problem(
          line, .name,
          .alreadyRegistered(
            name: clean.name, existing: duplicate.existing.unit, joinedOn: duplicate.existing.joinedOn))
      }
    } catch let similar as SimilarUnit {
      let inFile = similar.existing.unit.id.rawValue > lastIDBefore
      let firstLine = inFile ? try lineOfUnit(named: similar.existing.unit.name) : nil
      problem(
        line, .name,
        .similarToRegistered(
          name: clean.name, existing: similar.existing.unit, joinedOn: similar.existing.joinedOn,
          line: inFile ? (firstLine ?? 0) : nil))
    } catch let refusal as Refusal {
      problem(line, nil, .refused(refusal))
    }
  }

  /// The line of this file where a unit it added was named: read again, only when needed.
  func lineOfUnit(named name: String) throws -> Int? {
    guard let nameIndex = fields.firstIndex(of: .name) else { return nil }
    let key = NameKey.make(name)
    let again = try Registry.rowSource(path, encoding: options.encoding)
    _ = try again.header()
    while let next = try again.next() {
      if case .row(let line, let cells) = next, nameIndex < cells.count, let text = cells[nameIndex].text,
        NameKey.make(text) == key
      {
        return line
      }
    }
    return nil
  }

  /// `--update`: a unit already in the registry takes the file's non-empty details, through the
  /// same operation as `edit`; a leaving date for a unit still in the alliance records its
  /// withdrawal, through the same operation as `withdraw`. Other date changes are refused:
  /// they are corrections of their own.
  mutating func update(duplicate: DuplicateUnit, input: NewUnit, clean: CleanUnit, line: Int) throws {
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

  /// A group named in the file: found by its exact key, or created (and reported).
  mutating func group(named name: String) throws -> Registry.ResolvedGroup {
    let key = NameKey.make(name)
    if let known = groups[key] { return known }
    let statement = try registry.db.prepare(sql: "SELECT id, name FROM working_group WHERE name_key = \(key)")
    let reference: GroupReference
    if try statement.step() {
      reference = GroupReference(id: GroupID(try statement.required(0)), name: try statement.required(1))
    } else {
      reference = try registry.insertGroup(NewGroup(name: name), recordHistory: false)
      summary.createdGroups.append(reference.name)
    }
    let resolved = try registry.resolvedGroup(reference)
    groups[key] = resolved
    return resolved
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
    let again = try Registry.rowSource(path, encoding: options.encoding)
    _ = try again.header()
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
