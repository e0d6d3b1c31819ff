import Foundation
import SQLite

/// How to import.
public struct ImportOptions: Sendable {
  public var dryRun: Bool
  /// Update units already in the registry (matched by normalised name) instead of refusing them.
  public var update: Bool
  public var encoding: TextEncodingChoice
  /// The sheet of an XLSX workbook to read; nil for the first visible one.
  public var sheet: String?
  /// Add units whose names are like registered ones' instead of refusing them.
  public var allowSimilarNames: Bool
  /// Create the working groups the file names that the registry does not have, instead of
  /// refusing them (a misspelt group would otherwise become a new group without a word).
  public var createGroups: Bool
  /// Whether a large import checks its rows on a second thread while this one inserts: when
  /// there is a second processor. (Tests import both ways and compare.)
  var preparesConcurrently = ProcessInfo.processInfo.activeProcessorCount > 1

  public init(
    dryRun: Bool = false, update: Bool = false, encoding: TextEncodingChoice = .auto, sheet: String? = nil,
    allowSimilarNames: Bool = false, createGroups: Bool = false
  ) {
    self.dryRun = dryRun
    self.update = update
    self.encoding = encoding
    self.sheet = sheet
    self.allowSimilarNames = allowSimilarNames
    self.createGroups = createGroups
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

/// One problem of an imported file, where it is: the line (CSV) or row (XLSX), the column as
/// the file names it, and in a workbook the cell (`D12`).
public struct RowProblem: Equatable, Sendable {
  public var line: Int
  public var column: String?
  public var cell: String?
  public var issue: RowIssue

  public init(line: Int, column: String? = nil, cell: String? = nil, issue: RowIssue) {
    self.line = line
    self.column = column
    self.cell = cell
    self.issue = issue
  }
}

/// What is wrong with a row.
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
  /// A spreadsheet's error value in a cell (`#N/A`, `#REF!`).
  case errorValue(String)
  /// A formula the spreadsheet never computed (a file written by a program, not opened since).
  case formulaWithoutValue
  /// A formula whose saved result is a number where text belongs (XlsxWriter saves 0).
  case formulaNumber(Double)
  /// A number in a date column that is not formatted as a date: typed as `2019.6`.
  case numberInDateColumn(Double)
  /// A true/false cell where a date belongs.
  case booleanInDateColumn
  /// A phone number a spreadsheet turned into a number and then wrote in scientific notation.
  case scientificNotation(String)
  /// A working group the registry does not have; `known` are the groups it has.
  case unknownGroup(name: String, known: [String])
  /// A row whose bytes the reader could not take (see `InputProblem`).
  case unreadable(InputProblem)
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
  /// Names of the first units added and updated, for the dry run's report.
  public var addedNames: [String] = []
  public var updatedNames: [String] = []
  /// What the file was and what of its layout was set aside (title rows, 序号, 合计 rows).
  public var layout: ImportLayout?
  /// Kinds in the file that are none of the standard ones, kept as written.
  public var otherKinds: [String] = []
}

extension Registry {
  /// The most row errors an import lists before it only counts.
  public static let importErrorsShown = 20

  /// Imports a CSV or XLSX file: all or nothing, in one transaction. Every row goes through the
  /// same validation as `register`; every bad row is reported with its line, column and cell,
  /// and one bad row means nothing is written. The file is read as a stream.
  public func importFile(
    _ path: String, options: ImportOptions, progress: ((ImportProgress) -> Void)? = nil
  ) throws -> ImportSummary {
    do {
      return try importTable(path, options: options, progress: progress)
    } catch let problem as InputProblem {
      throw Refusal.unreadableInput(path: path, problem)
    }
  }

  private func importTable(
    _ path: String, options: ImportOptions, progress: ((ImportProgress) -> Void)?
  ) throws -> ImportSummary {
    let table = try Registry.importTable(path, options: options)
    let source = table.source
    guard let header = table.header else { throw Refusal.inputEmpty(path: path) }
    let fields: [Field?]
    switch ImportColumns.map(headers: header.cells, line: header.line, columns: header.columns) {
    case .success(let mapped): fields = mapped
    case .failure(let failure): throw Refusal.importHeader(path: path, failure, layout: table.layout)
    }
    // Working groups the workbook defines on a sheet of their own (what export writes), read
    // before the units that name them.
    let groupSheet = try GroupSheet.read(path, besides: table.layout)
    var run = ImportRun(
      registry: self, table: table, fields: fields, headers: header.cells, options: options, path: path)
    let large = Registry.isLargeImport(expectedBytes: source.totalBytes)
    do {
      try write {
        try db.execute("PRAGMA cache_size = -\(Registry.importCacheKiB)")
        defer { try? db.execute("PRAGMA cache_size = -2000") }
        let deferred = large ? try deferIndexes(expectedBytes: source.totalBytes, update: options.update) : []
        try run.defineGroups(groupSheet)
        try run.readAll(concurrently: large && options.preparesConcurrently, progress: progress)
        // Each index is built by one sort over its table: far cheaper than keeping it up to
        // date row by row. The sort holds as much in memory as the page cache may, on top of
        // the cache itself; SQLite's default cache for it keeps the peak memory near the
        // cache's 64 MiB, the rest of the sort going through temporary files (measured:
        // BENCHMARKS.md). The similar-name check searches units by their similar key: that
        // index first, the others once the file is known to be good.
        if !deferred.isEmpty { try db.execute("PRAGMA cache_size = -2000") }
        for index in deferred where index.name == Registry.similarKeyIndex { try db.execute(index.sql) }
        try run.checkSimilarNames(scanningAll: !deferred.isEmpty)
        if run.problemCount > 0 { throw Refusal.importFailed(run.failure()) }
        if run.summary.rows == 0 { throw Refusal.inputHasNoRows(path: path) }
        if options.dryRun { throw DryRunFinished() }
        for index in deferred where index.name != Registry.similarKeyIndex { try db.execute(index.sql) }
        // The units an import adds have consecutive ids: the range is what `undo` removes.
        let lastID = try db.scalar(Int.self, "SELECT max(id) FROM unit") ?? 0
        let firstID =
          try db.scalar(Int.self, sql: "SELECT min(id) FROM unit WHERE id > \(run.lastIDBefore)") ?? run.lastIDBefore
          + 1
        let facts: JSONValue.KeyValuePairs = [
          "file": .string(path), "rows": .int(run.summary.rows), "added": .int(run.summary.added),
          "updated": .int(run.summary.updated),
          "groups_created": .array(run.summary.createdGroups.map(JSONValue.string)),
          "first_unit_id": .int(firstID), "last_unit_id": .int(run.summary.added > 0 ? lastID : 0),
        ]
        try record(.importFile, entity: "import", unit: nil, facts: facts, before: nil, after: .object(facts))
      }
    } catch is DryRunFinished {
      run.summary.dryRun = true
    }
    run.summary.layout = table.layout
    run.summary.otherKinds = run.otherKinds.sorted()
    return run.summary
  }

  /// SQLite's page cache during an import, in KiB: the pages of the unique name key, which
  /// rows reach in random order, stay in memory instead of being written out and read back
  /// over and over. The import's peak memory stays under 128 MiB at any size; see BENCHMARKS.md.
  static let importCacheKiB = 65_536

  /// Whether a file is big enough for the import to build its indexes after the rows: about
  /// 150 bytes a row in a typical CSV, and below a few thousand rows it is not worth it.
  ///
  /// The import stays in WAL whatever its size. A rollback journal would write the rows once
  /// instead of twice (measured: 17 % less CPU time for the C baseline at 1M rows), but then
  /// anyone reading the registry meanwhile (a colleague's `list`, the browser view) would wait
  /// for the whole import and be told the registry is busy; in WAL they read it as it was.
  static func isLargeImport(expectedBytes: Int) -> Bool {
    expectedBytes / 150 >= 20_000
  }

  /// The tables an import fills.
  static let importedTables = ["unit", "membership", "agreement", "working_group", "group_membership"]

  /// Indexes an import needs while it inserts: the overlap triggers search periods by unit.
  /// The unique indexes are checks themselves and always stay.
  static let indexesImportSearches = ["membership_by_unit", "group_membership_by_unit"]

  /// Searched by the similar-name check, which runs after the rows.
  static let similarKeyIndex = "unit_by_similar_key"

  /// An update reads each existing unit's agreements (for its history snapshot).
  static let indexesUpdateSearches = ["agreement_by_unit"]

  /// For an import bigger than the registry, drops every index of the imported tables that
  /// nothing searches during the import and returns the SQL that builds each again: building
  /// an index afterwards sorts once, far cheaper than keeping it up to date row by row. All
  /// inside the import's transaction, so a failed or dry-run import rolls back to the indexes
  /// as they were, and other readers never see them missing.
  func deferIndexes(expectedBytes: Int, update: Bool) throws -> [(name: String, sql: String)] {
    // An import smaller than the registry keeps its indexes: building them over the whole
    // table again would cost more than it saves.
    let existingRows = try db.scalar(Int.self, "SELECT count(*) FROM membership") ?? 0
    guard expectedBytes / 150 > existingRows else { return [] }
    let kept = Registry.indexesImportSearches + (update ? Registry.indexesUpdateSearches : [])
    var found: [(name: String, sql: String)] = []
    let lookup = try db.prepare(
      """
      SELECT name, sql FROM sqlite_schema
      WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'
      AND tbl_name IN (\(Registry.importedTables.map { "'\($0)'" }.joined(separator: ", ")))
      ORDER BY name
      """)
    while try lookup.step() {
      let name: String = try lookup.required(0)
      if kept.contains(name) { continue }
      found.append((name, try lookup.required(1)))
    }
    // Reset before dropping: SQLite refuses DROP INDEX ("database table is locked") while a
    // statement is still reading the schema.
    lookup.reset()
    for index in found { try db.execute("DROP INDEX \"\(index.name)\"") }
    return found
  }

  static func importTable(_ path: String, options: ImportOptions) throws -> ImportTable {
    guard !path.isEmpty else { throw Refusal.inputNameEmpty }
    switch RegistryFile.entry(at: path) {
    case .missing: throw Refusal.inputMissing(path: path)
    case .directory: throw Refusal.inputIsFolder(path: path)
    default: break
    }
    if path.lowercased().hasSuffix(".xls") { throw Refusal.inputIsOldExcel(path: path) }
    return try ImportTable(
      path: path, encoding: options.encoding, sheet: options.sheet, matcher: ImportColumns.matcher)
  }
}

/// Thrown to roll back a dry run after everything was checked.
private struct DryRunFinished: Error {}
