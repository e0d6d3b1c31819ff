/// The half of importing a row that needs no registry: cells taken as values, dates parsed,
/// every field cleaned and checked, the name's and the groups' keys made. It reads nothing
/// but the row, so a large import runs it on a second thread while the first one inserts
/// (`RowPipe`); the outcome is the same either way.
struct RowPreparation: Sendable {
  let fields: [Field?]
  /// `fields` as positions in `Field.allCases`, for an array per row instead of a dictionary.
  let ordinals: [Int?]
  /// Only CSV export puts a quote before a cell that would run as a formula; an XLSX text cell
  /// starting with ' was typed that way and keeps it.
  let removesNeutralizingQuotes: Bool
  /// Workbooks name cells (`D12`); CSV files only lines.
  let namesCells: Bool
  let headers: [String]
  /// Dates after it are typos.
  let today: Day
  /// Kinds that are none of the standard ones, as stored.
  var otherKinds: Set<String> = []
  /// A number for each group key met, in order: the inserting side finds a group by it in an
  /// array, without hashing its name again.
  var groupSlots: [String: Int] = [:]

  init(fields: [Field?], headers: [String], source: any RowSource, today: Day) {
    self.fields = fields
    ordinals = fields.map { $0?.ordinal }
    removesNeutralizingQuotes = source is CSVRowSource
    if case .xlsx = source.format { namesCells = true } else { namesCells = false }
    self.headers = headers
    self.today = today
  }

  /// The columns whose cells hold dates.
  static let dateFields: Set<Field> = [.joinedOn, .leftOn, .expiresOn]

  func columnName(_ field: Field) -> String {
    if let index = fields.firstIndex(of: field) { return headers[index] }
    return ImportColumns.column(field).chinese
  }

  func problem(_ line: Int, _ field: Field?, _ issue: RowIssue, cell: String? = nil) -> RowProblem {
    RowProblem(line: line, column: field.map(columnName), cell: cell, issue: issue)
  }

  mutating func prepare(_ row: SourceRow) -> PreparedRow {
    switch row {
    case .unreadable(let line, let problem):
      // Named by its line and, for one cell, the column's header.
      let column = problem.column.map { headers.indices.contains($0) ? headers[$0] : String($0 + 1) }
      return .refused([RowProblem(line: line, column: column, cell: nil, issue: .unreadable(problem))])
    case .row(let line, let cells):
      return prepare(line: line, cells: cells)
    }
  }

  private mutating func prepare(line: Int, cells: [ImportCell]) -> PreparedRow {
    if cells.count > fields.count {
      let extra = cells[fields.count...]
      if extra.contains(where: { $0.value != .empty }) {
        return .refused([problem(line, nil, .valueCount(found: cells.count, expected: fields.count))])
      }
    } else if cells.count < fields.count {
      return .refused([problem(line, nil, .valueCount(found: cells.count, expected: fields.count))])
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
      case .number(let number) where cell.isFormula && !RowPreparation.dateFields.contains(field):
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
        switch DayParser.parse(raw, today: today) {
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
    if let phone = text(.contactPhone), RowPreparation.isScientificNotation(phone) {
      rowProblems.append((.contactPhone, .scientificNotation(phone)))
    }
    let name = text(.name) ?? ""
    let (groupNames, roles) = ImportRun.splitGroups(text(.groups))
    func refused(_ list: [(Field, RowIssue)]) -> PreparedRow {
      .refused(list.map { field, issue in problem(line, field, issue, cell: references[field.ordinal]) })
    }
    guard let joined, rowProblems.isEmpty else {
      if name.isEmpty && text(.name) == nil && !rowProblems.contains(where: { $0.0 == .name }) {
        rowProblems.insert((.name, .value(.missing)), at: 0)
      }
      return refused(rowProblems)
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
    switch Registry.validate(input, today: today) {
    case .success(let value): clean = value
    case .failure(let refusal):
      if case .invalidValues(let list) = refusal {
        return refused(list.map { ($0.field, .value($0.problem)) })
      }
      return .refused([problem(line, nil, .refused(refusal))])
    }
    if let kind = clean.details.kind, !UnitKind.standard.contains(kind) { otherKinds.insert(kind) }
    var groups: [PreparedGroup] = []
    for (groupName, role) in zip(groupNames, roles) {
      switch TextInput.name(groupName) {
      case .failure(let issue):
        return refused([(.groups, .value(issue))])
      case .success(let cleanName):
        let key = NameKey.make(cleanName)
        let slot = groupSlots[key, default: groupSlots.count]
        groupSlots[key] = slot
        groups.append(PreparedGroup(name: cleanName, key: key, slot: slot, role: role))
      }
    }
    return .unit(
      PreparedUnit(
        line: line, input: input, clean: clean, texts: UnitRowTexts(input, clean), groups: groups,
        nameCell: references[Field.name.ordinal],
        groupsCell: references[Field.groups.ordinal]))
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
}

/// A row after `RowPreparation`: refused with its problems, or a unit ready to insert.
enum PreparedRow: Sendable {
  case refused([RowProblem])
  case unit(PreparedUnit)
}

/// A row that passed every check that needs no registry.
struct PreparedUnit: Sendable {
  var line: Int
  var input: NewUnit
  var clean: CleanUnit
  /// The texts of its rows, staged here rather than by the inserting thread.
  var texts: UnitRowTexts
  var groups: [PreparedGroup]
  /// The workbook cells of the name and of the groups (`B12`), for messages; nil in CSV.
  var nameCell: String?
  var groupsCell: String?
}

/// A working group a row names: cleaned, with its key and the unit's role in it.
struct PreparedGroup: Sendable {
  var name: String
  var key: String
  /// The key's number among the file's groups (`RowPreparation.groupSlots`).
  var slot: Int
  var role: GroupRole
}
