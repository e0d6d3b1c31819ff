/// Header cells as offices write them: `单位\n名称`, `单位名称 `, `ＪＯＩＮＥＤ＿ＯＮ`, `*单位名称`
/// and `Joined-On` are the same headers as `单位名称` and `joined_on`.
enum HeaderText {
  /// The text without line breaks, spaces, invisible characters, full-width forms, case,
  /// `_` and `-`, or the `*` that marks a required column in a template.
  static func key(_ text: String) -> String {
    let folded = NameKey.make(text)
    guard folded.unicodeScalars.contains(where: { $0 == "_" || $0 == "-" || $0 == "*" }) else { return folded }
    var scalars = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars where scalar != "_" && scalar != "-" && scalar != "*" {
      scalars.append(scalar)
    }
    return String(scalars)
  }

  /// A key without a trailing note in brackets: `加入日期（必填）`, `加入日期(格式:2019-06-27)`.
  /// Nil when there is none, or nothing before it.
  static func withoutNote(_ key: String) -> String? {
    guard key.hasSuffix(")"), let open = key.lastIndex(of: "("), open > key.startIndex else { return nil }
    return String(key[..<open])
  }

  /// The label of a closing row that sums up the table, not a row of it.
  static func isTotalLabel(_ text: String) -> Bool {
    // Checked on every row: most first cells are long, or do not start with 合, 总, 小 or 共
    // (after spaces), and are settled without making a key.
    guard text.utf8.count <= 32,
      let first = text.unicodeScalars.first(where: { !CellValue.isWhitespace($0) }),
      "合总小共".unicodeScalars.contains(first)
    else { return false }
    var key = self.key(text)
    while key.hasSuffix(":") { key.removeLast() }
    return ["合计", "总计", "小计", "共计", "总合计"].contains(key)
  }

  /// The header of a numbering column (序号, `No.`), which import sets aside.
  static func isNumbering(_ text: String) -> Bool {
    guard text.utf8.count <= 32 else { return false }
    return ["序号", "no.", "#"].contains(key(text))
  }

  /// The field each header names (nil for an empty header at the end), the fields found, and
  /// the problems of unknown, unnamed and repeated columns, all at once. Which columns are
  /// required differs by file: the caller adds the missing ones. `columns` gives each header's
  /// column in the file (zero-based), by default its position.
  static func fields(of headers: [String], columns: [Int]?, field: (String) -> Field?) -> (
    fields: [Field?], found: Set<Field>, problems: [HeaderProblem]
  ) {
    let columns = columns ?? Array(headers.indices)
    var fields: [Field?] = []
    var problems: [HeaderProblem] = []
    var seen: [Field: (header: String, column: Int)] = [:]
    for (index, header) in headers.enumerated() {
      let column = index < columns.count ? columns[index] : index
      guard !key(header).isEmpty else {
        // Spreadsheets often save a few empty columns after the last one.
        if !headers[index...].allSatisfy({ key($0).isEmpty }) {
          problems.append(.unnamedColumn(column: column))
        }
        fields.append(nil)
        continue
      }
      guard let named = field(header) else {
        problems.append(.unknownColumn(column: column, header: header))
        fields.append(nil)
        continue
      }
      if let earlier = seen[named] {
        problems.append(
          .repeatedColumn(
            field: named, first: earlier.header, firstColumn: earlier.column, header: header, column: column))
      } else {
        seen[named] = (header, column)
      }
      fields.append(named)
    }
    return (fields, Set(seen.keys), problems)
  }
}
