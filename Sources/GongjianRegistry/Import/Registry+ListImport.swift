import SQLite

/// How to import a list.
public struct ListImportOptions: Sendable {
  public var dryRun: Bool
  public var encoding: TextEncodingChoice
  /// The workbook sheet to read; nil for the list's own sheet (资源清单…) when the workbook
  /// has one, else the first visible sheet.
  public var sheet: String?

  public init(dryRun: Bool = false, encoding: TextEncodingChoice = .auto, sheet: String? = nil) {
    self.dryRun = dryRun
    self.encoding = encoding
    self.sheet = sheet
  }
}

/// What a list import did (or, with a dry run, would do).
public struct ListImportSummary: Equatable, Sendable {
  public var list: ListFile
  public var path: String
  public var rows = 0
  public var added = 0
  public var dryRun = false
  public var layout: ImportLayout?
}

extension Registry {
  /// Imports a list (resources, needs, projects or service records) from a CSV or XLSX file:
  /// all or nothing, in one transaction, each row through the same rules as the commands; every
  /// bad row is reported with its line, column and cell. Units are named by their names;
  /// needs and resources by their ids (编号), which an exported list keeps.
  public func importList(_ list: ListFile, from path: String, options: ListImportOptions) throws -> ListImportSummary {
    do {
      return try importListTable(list, path: path, options: options)
    } catch let problem as InputProblem {
      throw Refusal.unreadableInput(path: path, problem)
    }
  }

  private func importListTable(_ list: ListFile, path: String, options: ListImportOptions) throws -> ListImportSummary {
    let table = try Registry.listTable(list, path: path, options: options)
    guard let header = table.header else { throw Refusal.inputEmpty(path: path) }
    let fields: [Field?]
    switch list.map(headers: header.cells, line: header.line, columns: header.columns) {
    case .success(let mapped): fields = mapped
    case .failure(let failure): throw Refusal.importHeader(path: path, failure, layout: table.layout)
    }
    var run = ListImportRun(
      registry: self, list: list, fields: fields, headers: header.cells, table: table, path: path)
    do {
      try write {
        while let next = try table.next() {
          run.summary.rows += 1
          switch next {
          case .unreadable(let line, let problem):
            run.record(RowProblem(line: line, issue: .unreadable(problem)))
          case .row(let line, let cells):
            try run.importRow(line: line, cells: cells)
          }
        }
        if run.problemCount > 0 { throw Refusal.importFailed(run.failure()) }
        if run.summary.rows == 0 { throw Refusal.inputHasNoRows(path: path) }
        if options.dryRun { throw ListDryRunFinished() }
        try record(
          .listImport, entity: "import", unit: nil,
          facts: [
            "file": .string(path), "list": .string(list.entity.rawValue), "rows": .int(run.summary.rows),
            "added": .int(run.summary.added), "ids": .array(run.ids.map(JSONValue.int)),
          ], before: nil, after: nil)
      }
    } catch is ListDryRunFinished {
      run.summary.dryRun = true
    }
    run.summary.layout = table.layout
    return run.summary
  }

  static func listTable(_ list: ListFile, path: String, options: ListImportOptions) throws -> ImportTable {
    guard !path.isEmpty else { throw Refusal.inputNameEmpty }
    switch RegistryFile.entry(at: path) {
    case .missing: throw Refusal.inputMissing(path: path)
    case .directory: throw Refusal.inputIsFolder(path: path)
    default: break
    }
    if path.lowercased().hasSuffix(".xls") { throw Refusal.inputIsOldExcel(path: path) }
    var sheet = options.sheet
    if sheet == nil, path.lowercased().hasSuffix(".xlsx") {
      // The list's own sheet when the workbook has one (a whole-registry export has them all).
      let workbook = try XLSXRowSource(path: path)
      if case .xlsx(_, let sheets) = workbook.format,
        sheets.contains(where: { $0.name == list.sheetName && $0.isWorksheet && $0.visibility == .visible })
      {
        sheet = list.sheetName
      }
    }
    return try ImportTable(path: path, encoding: options.encoding, sheet: sheet, matcher: list.matcher)
  }

  /// A unit named in a list file: by its exact name (current or former), as export writes it.
  func unitNamedExactly(_ text: String) throws -> UnitReference? {
    let key = NameKey.make(text)
    guard !key.isEmpty else { return nil }
    let statement = try db.prepare(
      sql: """
        SELECT id, name FROM unit WHERE name_key = \(key)
        UNION ALL
        SELECT u.id, u.name FROM unit_former_name AS f JOIN unit AS u ON u.id = f.unit_id WHERE f.name_key = \(key)
        LIMIT 1
        """)
    guard try statement.step() else { return nil }
    return UnitReference(id: UnitID(try statement.required(0)), name: try statement.required(1))
  }

  /// Finds a unit a person named with `--raised-by`, as any unit is found (an id, a name, a
  /// unique part of a name); nil when the text names no unit: it is then someone outside the
  /// registry (a 居民区). A part of several names is refused with the candidates.
  public func unitOrOutsider(_ text: String) throws -> UnitReference? {
    do {
      return try resolveUnit(text)
    } catch Refusal.noSuchName(.unit, _, _) {
      return nil
    }
  }
}

/// Thrown to roll back a list import's dry run after everything was checked.
private struct ListDryRunFinished: Error {}

/// One list import's state.
struct ListImportRun {
  let registry: Registry
  let list: ListFile
  let fields: [Field?]
  let headers: [String]
  let namesCells: Bool
  let removesNeutralizingQuotes: Bool
  let path: String
  var summary: ListImportSummary
  var problems: [RowProblem] = []
  var problemCount = 0
  var ids: [Int] = []

  init(registry: Registry, list: ListFile, fields: [Field?], headers: [String], table: ImportTable, path: String) {
    self.registry = registry
    self.list = list
    self.fields = fields
    self.headers = headers
    self.path = path
    if case .xlsx = table.source.format { namesCells = true } else { namesCells = false }
    removesNeutralizingQuotes = table.source is CSVRowSource
    summary = ListImportSummary(list: list, path: path)
  }

  mutating func record(_ problem: RowProblem) {
    problemCount += 1
    if problems.count < ImportRun.problemsKept { problems.append(problem) }
  }

  func failure() -> ImportProblems {
    let sorted = problems.sorted { $0.line < $1.line }
    return ImportProblems(
      path: path, rows: summary.rows, problems: Array(sorted.prefix(Registry.importErrorsShown)), count: problemCount)
  }

  func columnName(_ field: Field) -> String {
    if let index = fields.firstIndex(of: field) { return headers[index] }
    return list.columns.first { $0.field == field }?.chinese ?? field.rawValue
  }

  mutating func importRow(line: Int, cells: [ImportCell]) throws {
    if cells.count != fields.count,
      cells.count < fields.count || cells[fields.count...].contains(where: { $0.value != .empty })
    {
      record(RowProblem(line: line, issue: .valueCount(found: cells.count, expected: fields.count)))
      return
    }
    var row = ListRow(line: line)
    for (index, field) in fields.enumerated() {
      guard let field else { continue }
      let cell = cells[index]
      var value = cell.value
      if case .text(let text) = value, removesNeutralizingQuotes, text.utf8.first == 0x27 {
        value = .text(CSVWriter.removeNeutralizingQuote(text))
      }
      row.values[field] = value
      row.isFormula[field] = cell.isFormula
      if namesCells { row.references[field] = cell.reference(row: line).description }
    }
    do {
      try registry.db.execute("SAVEPOINT list_row")
      let id = try insert(&row)
      if row.problems.isEmpty, let id {
        try registry.db.execute("RELEASE list_row")
        summary.added += 1
        ids.append(id)
        return
      }
      try registry.db.execute("ROLLBACK TO list_row")
      try registry.db.execute("RELEASE list_row")
    } catch let refusal as Refusal {
      try registry.db.execute("ROLLBACK TO list_row")
      try registry.db.execute("RELEASE list_row")
      if case .invalidValues(let list) = refusal {
        for item in list { row.problem(item.field, .value(item.problem)) }
      } else {
        row.problems.append((nil, .refused(refusal)))
      }
    }
    for (field, issue) in row.problems {
      record(
        RowProblem(
          line: line, column: field.map(columnName), cell: field.flatMap { row.references[$0] }, issue: issue))
    }
  }

  /// Inserts the row's item through the operations the commands use; returns its id, or nil
  /// when a value could not be read (the problems are in `row`).
  private func insert(_ row: inout ListRow) throws -> Int? {
    let today = registry.today
    let id = row.int(.id)
    if let id, id <= 0 { row.problem(.id, .value(.lists(.notAnID(String(id))))) }
    switch list {
    case .resources:
      let unitName = row.text(.unit)
      let unit = try unitName.flatMap { try registry.unitNamedExactly($0) }
      if let unitName, unit == nil { row.problem(.unit, .refused(try unknownUnit(unitName))) }
      if unitName == nil { row.problem(.unit, .value(.missing)) }
      let from = row.day(.availableFrom, today: today)
      let until = row.day(.availableUntil, today: today)
      let withdrawn = row.day(.withdrawnOn, today: today)
      guard row.problems.isEmpty, let unit else { return nil }
      try checkFree(.resource, id)
      let input = NewResource(
        unit: unit.id, title: row.text(.title) ?? "", category: row.text(.category), capacity: row.text(.capacity),
        contact: row.text(.contact), description: row.text(.description), availableFrom: from, availableUntil: until)
      let resource = try registry.insertResource(input, id: id, withdrawnOn: withdrawn, recordHistory: false)
      if let withdrawn {
        try registry.checkNotAfterToday(withdrawn, role: .resourceWithdrawal, field: .withdrawnOn)
        if withdrawn < resource.availableFrom {
          throw Refusal.lists(
            .withdrawalBeforeAvailable(resource.reference, day: withdrawn, from: resource.availableFrom))
        }
      }
      return resource.id.rawValue

    case .needs:
      var raiser = NeedRaiserInput.centre
      if let text = row.text(.raisedBy) {
        raiser = try registry.unitNamedExactly(text).map { .unit($0.id) } ?? .other(text)
      }
      let raisedOn = row.day(.raisedOn, today: today)
      let deadline = row.day(.deadline, today: today)
      let people = row.int(.people)
      let status = row.status(NeedStatus.self, words: Vocabulary.needStatusWords)
      let closedOn = row.day(.statusOn, today: today)
      let claims = try row.claims(registry)
      if let status, status.isFinal, closedOn == nil { row.problem(.statusOn, .value(.missing)) }
      guard row.problems.isEmpty else { return nil }
      try checkFree(.need, id)
      let need = try registry.insertNeed(
        NewNeed(
          title: row.text(.title) ?? "", category: row.text(.category), description: row.text(.description),
          raisedBy: raiser, raisedOn: raisedOn, people: people, deadline: deadline),
        id: id, recordHistory: false)
      for claim in claims {
        _ = try registry.applyNeedClaim(
          need.id, unit: claim.resource == nil ? claim.unit.id : nil, resource: claim.resource, on: claim.day,
          recordHistory: false)
      }
      var reached: NeedStatus = claims.isEmpty ? .open : .claimed
      if let status, status.isFinal, let closedOn {
        _ = try registry.applyNeedClose(need.id, on: closedOn, met: status == .met, recordHistory: false)
        reached = status
      }
      if let status, status != reached {
        row.problem(.status, .value(.lists(.statusDisagrees(stated: status.rawValue, found: reached.rawValue))))
        return nil
      }
      return need.id.rawValue

    case .projects:
      let claims = try row.claims(registry)
      let claimants = Set(claims.map(\.unit.id))
      var lead: UnitReference?
      if let name = row.text(.lead) {
        lead = try registry.unitNamedExactly(name)
        if lead == nil { row.problem(.lead, .refused(try unknownUnit(name))) }
      }
      var units: [UnitID] = []
      for name in row.list(.units) {
        if let unit = try registry.unitNamedExactly(name) {
          units.append(unit.id)
        } else {
          row.problem(.units, .refused(try unknownUnit(name)))
        }
      }
      let needs = row.ids(.needs).map { NeedID($0) }
      let resources = row.ids(.resources).map { ResourceID($0) }
      let start = row.day(.startOn, today: today)
      let end = row.day(.endOn, today: today)
      let proposed = row.day(.proposedOn, today: today)
      let started = row.day(.startedOn, today: today)
      let ended = row.day(.endedOn, today: today)
      let status = row.status(ProjectStatus.self, words: Vocabulary.projectStatusWords)
      if let status, status.isFinal, ended == nil { row.problem(.endedOn, .value(.missing)) }
      if status == .running || status == .done, started == nil { row.problem(.startedOn, .value(.missing)) }
      guard row.problems.isEmpty else { return nil }
      try checkFree(.project, id)
      // Units that claimed the project come in through their claims, on their day.
      let project = try registry.insertProject(
        NewProject(
          title: row.text(.title) ?? "", category: row.text(.category), level: row.text(.level),
          description: row.text(.description), needs: needs, resources: resources,
          lead: lead.flatMap { claimants.contains($0.id) ? nil : $0.id },
          units: units.filter { !claimants.contains($0) && $0 != lead?.id }, startOn: start, endOn: end,
          proposedOn: proposed),
        id: id, recordHistory: false)
      // What happened to it, replayed in order of day: claims, then its start, then its end.
      var events: [(day: Day, order: Int, claim: ListRow.ClaimCell?, step: ProjectStep?)] = claims.map {
        ($0.day, 0, $0, nil)
      }
      if let started { events.append((started, 1, nil, .start)) }
      if let status, status.isFinal, let ended { events.append((ended, 2, nil, status == .done ? .finish : .drop)) }
      events.sort { ($0.day, $0.order) < ($1.day, $1.order) }
      for event in events {
        if let claim = event.claim {
          _ = try registry.applyProjectClaim(project.id, unit: claim.unit.id, on: claim.day, recordHistory: false)
        } else if let step = event.step {
          _ = try registry.applyProjectStep(project.id, step, on: event.day, recordHistory: false)
        }
      }
      let reached = try registry.loadProject(project.id).status
      if let status, status != reached, !(status == .claimed && reached == .proposed && !claims.isEmpty) {
        row.problem(.status, .value(.lists(.statusDisagrees(stated: status.rawValue, found: reached.rawValue))))
        return nil
      }
      return project.id.rawValue

    case .activities:
      var project = row.int(.projectID).map { ProjectID($0) }
      if project == nil, let title = row.text(.project) {
        project = ProjectID(try registry.lookup(title, in: .project).id)
      }
      if project == nil, row.problems.isEmpty { row.problem(.projectID, .value(.missing)) }
      let day = row.day(.happenedOn, today: today, required: true)
      var units: [UnitID] = []
      for name in row.list(.units) {
        if let unit = try registry.unitNamedExactly(name) {
          units.append(unit.id)
        } else {
          row.problem(.units, .refused(try unknownUnit(name)))
        }
      }
      let volunteers = row.int(.volunteers)
      let hours = row.number(.hours)
      let served = row.int(.served)
      guard row.problems.isEmpty, let project, let day else { return nil }
      try checkFree(.activity, id)
      let activity = try registry.insertActivity(
        NewActivity(
          project: project, on: day, units: units, volunteers: volunteers, hours: hours, served: served,
          note: row.text(.note)),
        id: id, defaultToLead: row.values[.units] == nil, recordHistory: false)
      return activity.id
    }
  }

  /// An id from the file that another item already has.
  private func checkFree(_ kind: EntityKind, _ id: Int?) throws {
    guard let id, let existing = try registry.itemSnapshot(kind, id) else { return }
    let title = existing["row"]?["title"]?.stringValue ?? ""
    throw Refusal.lists(.idTaken(ItemReference(kind, id: id, title: title)))
  }

  private func unknownUnit(_ name: String) throws -> Refusal {
    .noSuchName(.unit, text: name, suggestions: [])
  }
}

/// One row of a list file, read field by field; each value that cannot be read is a problem.
struct ListRow {
  var line: Int
  var values: [Field: CellValue] = [:]
  var isFormula: [Field: Bool] = [:]
  var references: [Field: String] = [:]
  var problems: [(Field?, RowIssue)] = []

  init(line: Int) { self.line = line }

  mutating func problem(_ field: Field?, _ issue: RowIssue) { problems.append((field, issue)) }

  /// The cell's text, nil when empty or blank; an error value or a formula without a value is a problem.
  mutating func text(_ field: Field) -> String? {
    switch values[field] ?? .empty {
    case .error(let code):
      problem(field, .errorValue(code))
      return nil
    case .formulaWithoutValue:
      problem(field, .formulaWithoutValue)
      return nil
    case let value:
      guard let text = value.text, !value.isBlank else { return nil }
      return text
    }
  }

  mutating func day(_ field: Field, today: Day, required: Bool = false) -> Day? {
    switch values[field] ?? .empty {
    case .empty:
      if required { problem(field, .value(.missing)) }
      return nil
    case .date(let day): return day
    case .number(let number):
      problem(field, .numberInDateColumn(number))
      return nil
    case .boolean:
      problem(field, .booleanInDateColumn)
      return nil
    case .error(let code):
      problem(field, .errorValue(code))
      return nil
    case .formulaWithoutValue:
      problem(field, .formulaWithoutValue)
      return nil
    case .text(let raw):
      if raw.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
        if required { problem(field, .value(.missing)) }
        return nil
      }
      switch DayParser.parse(raw, today: today) {
      case .success(let day): return day
      case .failure(let failure):
        problem(field, .value(.notADate(failure)))
        return nil
      }
    }
  }

  mutating func number(_ field: Field) -> Double? {
    switch values[field] ?? .empty {
    case .number(let number): return number
    case .empty: return nil
    default:
      guard let text = text(field) else { return nil }
      let trimmed = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
      guard let number = Double(trimmed), number.isFinite else {
        problem(field, .value(.lists(.notANumber(text))))
        return nil
      }
      return number
    }
  }

  mutating func int(_ field: Field) -> Int? {
    guard let number = number(field) else { return nil }
    guard number == number.rounded(), abs(number) < 1e15 else {
      problem(field, .value(.lists(.notWhole(number))))
      return nil
    }
    return Int(number)
  }

  /// The pieces of a cell that lists several names or ids (`甲、乙`).
  mutating func list(_ field: Field) -> [String] {
    guard let text = text(field) else { return [] }
    var items: [String] = []
    var piece = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if Vocabulary.listSeparators.contains(scalar) {
        items.append(ImportRun.trimmed(String(piece)))
        piece = String.UnicodeScalarView()
      } else {
        piece.append(scalar)
      }
    }
    items.append(ImportRun.trimmed(String(piece)))
    return items.filter { !$0.isEmpty }
  }

  mutating func ids(_ field: Field) -> [Int] {
    if case .number(let number)? = values[field], number == number.rounded(), number > 0, number < 1e15 {
      return [Int(number)]
    }
    var ids: [Int] = []
    for item in list(field) {
      var digits = Substring(item)
      if digits.hasPrefix("#") || digits.hasPrefix("＃") { digits = digits.dropFirst() }
      guard let id = Registry.parseID(String(digits)), id > 0 else {
        problem(field, .value(.lists(.notAnID(item))))
        continue
      }
      ids.append(id)
    }
    return ids
  }

  mutating func status<Status: RawRepresentable>(_ type: Status.Type, words: [String: String]) -> Status?
  where Status.RawValue == String {
    guard let text = text(.status) else { return nil }
    let key = NameKey.make(text)
    if let status = Status(rawValue: key) ?? words[key].flatMap(Status.init(rawValue:)) { return status }
    problem(.status, .value(.lists(.unknownStatus(text, known: words.keys.sorted()))))
    return nil
  }

  /// A claim as a list file writes it: `单位名称（2019-07-01）`, or for a resource a need
  /// claimed `单位名称（2019-07-01，资源#12）`.
  struct ClaimCell {
    var unit: UnitReference
    var day: Day
    var resource: ResourceID?
  }

  /// The claims of the row's 认领情况 cell, in order of day.
  mutating func claims(_ registry: Registry) throws -> [ClaimCell] {
    guard let text = text(.claims) else { return [] }
    var result: [ClaimCell] = []
    for piece in text.split(whereSeparator: { Vocabulary.claimSeparators.contains($0) }) {
      let item = ImportRun.trimmed(String(piece))
      guard !item.isEmpty else { continue }
      guard let parsed = ListRow.parseClaim(item, today: registry.today) else {
        problem(.claims, .value(.lists(.unreadableClaim(item))))
        continue
      }
      guard let unit = try registry.unitNamedExactly(parsed.name) else {
        problem(.claims, .refused(.noSuchName(.unit, text: parsed.name, suggestions: [])))
        continue
      }
      result.append(ClaimCell(unit: unit, day: parsed.day, resource: parsed.resource.map { ResourceID($0) }))
    }
    return result.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
  }

  /// `名称（日期）` or `名称（日期，资源#12）`, brackets full-width or not.
  static func parseClaim(_ item: String, today: Day) -> (name: String, day: Day, resource: Int?)? {
    var characters = Array(item)
    guard let last = characters.last, last == "）" || last == ")" else { return nil }
    characters.removeLast()
    guard let open = characters.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return nil }
    let name = ImportRun.trimmed(String(characters[..<open]))
    let inside = String(characters[(open + 1)...])
    let parts = inside.split(whereSeparator: { $0 == "，" || $0 == "," }).map { ImportRun.trimmed(String($0)) }
    guard !name.isEmpty, let first = parts.first, case .success(let day) = DayParser.parse(first, today: today) else {
      return nil
    }
    var resource: Int?
    if parts.count == 2 {
      var rest = Substring(parts[1])
      guard let marker = Vocabulary.resourceMarkers.first(where: { rest.hasPrefix($0) }) else { return nil }
      rest = rest.dropFirst(marker.count)
      if rest.hasPrefix("#") || rest.hasPrefix("＃") { rest = rest.dropFirst() }
      guard let id = Registry.parseID(ImportRun.trimmed(String(rest))) else { return nil }
      resource = id
    } else if parts.count > 2 {
      return nil
    }
    return (name, day, resource)
  }
}
