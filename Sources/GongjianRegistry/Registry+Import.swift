import SQLite

/// How to import (SPEC §6 `import`).
public struct ImportOptions: Sendable {
  public var dryRun: Bool
  /// Update units already in the registry (matched by normalised name) instead of refusing them.
  public var update: Bool
  public var encoding: TextEncodingChoice
  /// The sheet of an XLSX workbook to read; nil for the first visible one.
  public var sheet: String?

  public init(dryRun: Bool = false, update: Bool = false, encoding: TextEncodingChoice = .auto, sheet: String? = nil) {
    self.dryRun = dryRun
    self.update = update
    self.encoding = encoding
    self.sheet = sheet
  }
}

/// Rows read so far, for a progress line.
public struct ImportProgress: Sendable {
  public var rows: Int
  public var bytesRead: Int
  public var totalBytes: Int
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
  /// What the file was and what of its layout was set aside (title rows, 序号, 合计 rows).
  public var layout: ImportLayout?
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
    do {
      return try importTable(path, options: options, progress: progress)
    } catch let problem as InputProblem {
      throw RegistryError(problem, path: path)
    }
  }

  private func importTable(
    _ path: String, options: ImportOptions, progress: ((ImportProgress) -> Void)?
  ) throws -> ImportSummary {
    let table = try Registry.importTable(path, options: options)
    let source = table.source
    guard let header = table.header else {
      throw RegistryError.invalid(
        "\(path) is empty. The first line must be the header, e.g. 单位名称,单位类别,加入日期 (or name,kind,joined_on).")
    }
    let fields: [UnitField?]
    switch ImportColumns.map(headers: header.cells, line: header.line, columns: header.columns) {
    case .success(let mapped): fields = mapped
    case .failure(let failure): throw RegistryError(failure, layout: table.layout)
    }
    var run = ImportRun(
      registry: self, table: table, fields: fields, headers: header.cells, options: options, path: path)
    do {
      try write {
        try db.execute("PRAGMA cache_size = -\(Registry.importCacheKiB)")
        defer { try? db.execute("PRAGMA cache_size = -2000") }
        let deferred = try deferDateIndexes(expectedBytes: source.totalBytes)
        try run.readAll(progress: progress)
        if run.problemCount > 0 { throw RegistryError.invalid(run.failure().message) }
        if run.summary.rows == 0 {
          throw RegistryError.invalid("\(path) has a header but no rows: nothing to import.")
        }
        if options.dryRun { throw DryRunFinished() }
        if !deferred.isEmpty {
          // Building an index sorts in memory up to the page cache's size, then in temporary
          // files; SQLite's default cache keeps that sort from raising the peak memory, at no cost
          // in time (measured: BENCHMARKS.md).
          try db.execute("PRAGMA cache_size = -2000")
          for sql in deferred { try db.execute(sql) }
        }
        try recordHistory(
          action: "import", entity: "import", entityID: nil, unitID: nil,
          summary: "imported \(path): \(run.summary.added) added, \(run.summary.updated) updated"
            + (run.summary.createdGroups.isEmpty
              ? "" : ", working groups created: " + run.summary.createdGroups.joined(separator: "、")),
          before: nil,
          after: .object([
            "file": .string(path), "rows": .int(run.summary.rows), "added": .int(run.summary.added),
            "updated": .int(run.summary.updated),
            "groups_created": .array(run.summary.createdGroups.map(JSONValue.string)),
          ]))
      }
    } catch is DryRunFinished {
      run.summary.dryRun = true
    }
    run.summary.encoding = source.format.interimName
    run.summary.layout = table.layout
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

  static func importTable(_ path: String, options: ImportOptions) throws -> ImportTable {
    guard !path.isEmpty else {
      throw RegistryError.usage("the file name is empty; give the CSV or XLSX file to import")
    }
    switch RegistryFile.entry(at: path) {
    case .missing: throw RegistryError.cannotOpen("\(path) does not exist; check the file name")
    case .directory: throw RegistryError.cannotOpen("\(path) is a folder; give the CSV or XLSX file")
    default: break
    }
    let lowered = path.lowercased()
    if lowered.hasSuffix(".xls") {
      throw RegistryError.invalid("\(path) is an old Excel file (.xls); open it in Excel and save it as .xlsx or .csv")
    }
    return try ImportTable(
      path: path, encoding: options.encoding, sheet: options.sheet, matcher: ImportColumns.matcher)
  }
}

/// Thrown to roll back a dry run after everything was checked.
private struct DryRunFinished: Error {}

/// One import's state: the rows seen, the groups met, the problems found.
struct ImportRun {
  let registry: Registry
  let table: ImportTable
  let source: any RowSource
  let fields: [UnitField?]
  /// `fields` as positions in `UnitField.allCases`, for an array per row instead of a dictionary.
  let ordinals: [Int?]
  /// Only CSV export puts a quote before a cell that would run as a formula; an XLSX text cell
  /// starting with ' was typed that way and keeps it.
  let removesNeutralizingQuotes: Bool
  let headers: [String]
  let options: ImportOptions
  let path: String
  var summary: ImportSummary
  /// Row problems, by line: the first few hundred kept, all counted.
  var problems: [(line: Int, message: String)] = []
  var problemCount = 0
  /// Working groups by key, found or created during this import.
  var groups: [String: Registry.ResolvedGroup] = [:]
  /// The highest unit id before the import: a duplicate above it is a row of this file.
  var lastIDBefore = 0
  /// Keys that appear twice in the file, with the later lines, to name the first line afterwards.
  var fileDuplicates: [String: [(line: Int, name: String)]] = [:]

  init(
    registry: Registry, table: ImportTable, fields: [UnitField?], headers: [String], options: ImportOptions,
    path: String
  ) {
    self.registry = registry
    self.table = table
    source = table.source
    self.fields = fields
    ordinals = fields.map { $0?.ordinal }
    removesNeutralizingQuotes = source is CSVRowSource
    self.headers = headers
    self.options = options
    self.path = path
    summary = ImportSummary(path: path)
  }

  static let problemsKept = 500

  mutating func problem(_ line: Int, _ message: String) {
    problemCount += 1
    if problems.count < ImportRun.problemsKept { problems.append((line, message)) }
  }

  func columnName(_ field: UnitField) -> String {
    if let index = fields.firstIndex(of: field) { return headers[index] }
    return ImportColumns.column(field).chinese
  }

  mutating func readAll(progress: ((ImportProgress) -> Void)?) throws {
    lastIDBefore = try registry.db.scalar(Int.self, "SELECT max(id) FROM unit") ?? 0
    while let next = try table.next() {
      switch next {
      case .unreadable(let line, let problem):
        summary.rows += 1
        self.problem(line, RegistryError.interimRowText(problem))
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
      if extra.contains(where: { $0.value != .empty }) {
        problem(line, "\(cells.count) values, but the header has \(fields.count) columns; check for a stray comma")
        return
      }
    } else if cells.count < fields.count {
      problem(line, "\(cells.count) values, but the header has \(fields.count) columns")
      return
    }
    var values = [CellValue](repeating: .empty, count: UnitField.allCases.count)
    for (index, ordinal) in ordinals.enumerated() {
      guard let ordinal else { continue }
      let cell = cells[index].value
      // An error value or a formula never computed has no value to take (interim wording).
      switch cell {
      case .formulaWithoutValue, .error:
        let what: String
        if case .error(let code) = cell {
          what = "the error value \(code)"
        } else {
          what = "a formula without a saved value"
        }
        problem(line, "column \(headers[index]) (\(cells[index].reference(row: line))): \(what)")
        return
      default: break
      }
      if removesNeutralizingQuotes, case .text(let text) = cell, text.utf8.first == 0x27 {
        // Undo the quote export puts before a cell that would run as a formula.
        values[ordinal] = .text(CSVWriter.removeNeutralizingQuote(text))
      } else {
        values[ordinal] = cell
      }
    }
    var rowProblems: [(UnitField, String)] = []
    func text(_ field: UnitField) -> String? { values[field.ordinal].text }
    func day(_ field: UnitField, required: Bool) -> Day? {
      switch values[field.ordinal] {
      case .empty:
        if required { rowProblems.append((field, "empty; every unit needs its joining date")) }
        return nil
      case .date(let day):
        return day
      case .number(let serial):
        guard let day = DayParser.fromExcelSerial(serial) else {
          rowProblems.append((field, "\(CellValue.number(serial).text ?? "?") is not a date Excel knows"))
          return nil
        }
        return day
      case .boolean, .error, .formulaWithoutValue:
        rowProblems.append((field, "not a date"))
        return nil
      case .text(let raw):
        if raw.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
          if required { rowProblems.append((field, "empty; every unit needs its joining date")) }
          return nil
        }
        switch DayParser.parse(raw, today: registry.today) {
        case .success(let day): return day
        case .failure(let failure):
          rowProblems.append((field, failure.description))
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
      if name.isEmpty && text(.name) == nil {
        rowProblems.insert((.name, "empty; every row needs the unit's name"), at: 0)
      }
      for (field, message) in rowProblems { problem(line, "column \(columnName(field)): \(message)") }
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
      groups: groupNames, lead: false)
    let clean: CleanUnit
    switch registry.validate(input) {
    case .success(let value): clean = value
    case .failure(let errors):
      for error in errors.errors { problem(line, "column \(columnName(error.field)): \(error.message)") }
      return
    }
    var cleanGroups: [(name: String, role: GroupRole)] = []
    for (groupName, role) in zip(groupNames, roles) {
      switch TextInput.name(groupName, field: "working group") {
      case .failure(let error):
        problem(line, "column \(columnName(.groups)): \(error.message)")
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
          if !resolved.contains(where: { $0.id == group.id }) { resolved.append(group) }
        }
        return resolved
      }
      summary.added += 1
      if summary.addedNames.count < 10 { summary.addedNames.append(clean.name) }
    } catch let duplicate as DuplicateUnit {
      if duplicate.existingID > lastIDBefore {
        fileDuplicates[clean.key, default: []].append((line, clean.name))
      } else if options.update {
        try update(duplicate: duplicate, input: input, clean: clean, line: line)
      } else {
        problem(
          line,
          "column \(columnName(.name)): \(DayParser.quoted(clean.name)) is already in the registry as unit "
            + "\(duplicate.existingID) \(duplicate.existingName) (joined \(duplicate.joinedOn)); "
            + "use --update to update it from the file")
      }
    } catch let error as RegistryError {
      problem(line, error.message)
    } catch let error as SQLiteError where error.isConstraint {
      problem(line, "the registry refused this row: \(error.message)")
    }
  }

  /// `--update`: a unit already in the registry takes the file's non-empty details; a
  /// leaving date for a unit still in the alliance records its withdrawal. Other date
  /// changes are refused: they need `withdraw` or `rejoin`.
  mutating func update(duplicate: DuplicateUnit, input: NewUnit, clean: CleanUnit, line: Int) throws {
    if duplicate.joinedOn != input.joinedOn {
      problem(
        line,
        "column \(columnName(.joinedOn)): the registry has \(duplicate.joinedOn) for \(duplicate.existingName), the file \(input.joinedOn); "
          + "joining dates change with gongjian withdraw/rejoin, not --update")
      return
    }
    if let existingLeft = duplicate.leftOn, input.leftOn != existingLeft {
      problem(
        line,
        "column \(columnName(.leftOn)): the registry has \(duplicate.existingName) leaving on \(existingLeft), the file "
          + "\(input.leftOn?.iso ?? "nothing"); correct it with gongjian rejoin or by hand")
      return
    }
    let id = duplicate.existingID
    let before = try registry.unitSnapshot(id)
    var changed = false
    let details: [(String, String?)] = [
      ("kind", input.details.kind.map { _ in clean.details.kind }), ("party_org", clean.details.partyOrganisation),
      ("address", clean.details.address), ("contact_name", clean.details.contactName),
      ("contact_phone", clean.details.contactPhone), ("note", clean.details.note),
    ]
    for (column, value) in details {
      guard let value else { continue }
      let statement = try registry.db.prepare("UPDATE unit SET \(column) = ? WHERE id = ? AND \(column) IS NOT ?")
      try statement.bind([value, id, value])
      try statement.run()
      if registry.db.changes > 0 { changed = true }
    }
    if let left = input.leftOn, duplicate.leftOn == nil {
      try registry.db.run(
        "UPDATE membership SET left_on = ?, left_reason = ? WHERE unit_id = ? AND left_on IS NULL", left.iso,
        clean.leftReason, id)
      try registry.db.run("UPDATE group_membership SET left_on = ? WHERE unit_id = ? AND left_on IS NULL", left.iso, id)
      changed = true
    }
    if changed {
      summary.updated += 1
      if summary.updatedNames.count < 10 { summary.updatedNames.append(duplicate.existingName) }
      try registry.recordHistory(
        action: "import update", entity: "unit", entityID: id, unitID: id,
        summary: "updated \(duplicate.existingName) from \(path)", before: before, after: try registry.unitSnapshot(id))
    } else {
      summary.unchanged += 1
    }
  }

  /// A group named in the file: found by its exact key, or created (and reported).
  mutating func group(named name: String) throws -> Registry.ResolvedGroup {
    let key = NameKey.make(name)
    if let known = groups[key] { return known }
    let statement = try registry.db.prepare("SELECT id, name FROM working_group WHERE name_key = ?")
    try statement.bind(key, at: 1)
    let reference: UnitReference
    if try statement.step() {
      reference = UnitReference(id: try statement.required(0), name: try statement.required(1))
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
      !cell.unicodeScalars.contains(where: { "、;；,，()（）".unicodeScalars.contains($0) })
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
      for suffix in leadMarks where name.hasSuffix(suffix) {
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
      switch scalar {
      case "、", ";", "；", ",", "，": finish()
      default: piece.append(scalar)
      }
    }
    finish()
    return (names, roles)
  }

  static let leadMarks = ["（牵头）", "(牵头)", "（牵头单位）", "(牵头单位)", "(lead)", "（lead）"]

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
        let first = firstLines[key].map { "line \($0)" } ?? "an earlier line"
        problem(
          line,
          "column \(columnName(.name)): \(DayParser.quoted(name)) is the same unit as on \(first) of this file; keep one row per unit"
        )
      }
    }
  }

  /// The import's failure: every problem, by line, up to the cap.
  func failure() -> ImportFailure {
    let sorted = problems.sorted { $0.line < $1.line }
    var lines = sorted.prefix(Registry.importErrorsShown).map {
      "line \($0.line)" + ($0.message.hasPrefix("column ") ? ", " : ": ") + $0.message
    }
    let hidden = problemCount - lines.count
    if hidden > 0 { lines.append("… and \(hidden) more error\(hidden == 1 ? "" : "s")") }
    let header =
      "\(path): \(problemCount) error\(problemCount == 1 ? "" : "s") in \(summary.rows) row\(summary.rows == 1 ? "" : "s"); nothing was imported."
    return ImportFailure(
      message: header + "\n" + lines.joined(separator: "\n") + "\nFix the file and import it again.",
      errorCount: problemCount)
  }
}
