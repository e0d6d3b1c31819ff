/// The sheet of working groups an exported workbook carries beside its units (named
/// `GroupSheet.name`), read back by import so that a round trip keeps each group's
/// description and dates. Its columns are `GroupSheet.columns`.
enum GroupSheet {
  static let name = "专项组"

  /// The sheet's columns, as export writes them: name, description, founding and
  /// dissolution dates.
  static let columns: [(field: Field, header: String, aliases: [String])] = [
    (.groupName, "专项组名称", ["专项组", "名称", "name", "group"]),
    (.groupDescription, "说明", ["描述", "工作内容", "description"]),
    (.establishedOn, "成立日期", ["成立时间", "established_on"]),
    (.leftOn, "撤销日期", ["撤销时间", "dissolved_on"]),
  ]

  struct Row {
    var line: Int
    var name: String
    var description: String?
    var establishedOn: Day?
    var dissolvedOn: Day?
  }

  /// The groups of a workbook's group sheet; none when the file is not a workbook, has no
  /// such sheet, or the sheet is the one being read as units. A row that cannot be read is
  /// left out (its groups are then refused by name, as any unknown group is).
  static func read(_ path: String, besides layout: ImportLayout) throws -> [Row] {
    guard case .xlsx(let sheet, let sheets) = layout.format, sheet != name,
      sheets.contains(where: { $0.name == name && $0.isWorksheet })
    else { return [] }
    let source = try XLSXRowSource(path: path, sheet: name)
    guard case .row(_, let headerCells)? = try source.next() else { return [] }
    var slots: [Field: Int] = [:]
    for cell in headerCells {
      guard let text = cell.text else { continue }
      let key = HeaderText.key(text)
      for column in columns where ([column.header] + column.aliases).contains(where: { HeaderText.key($0) == key }) {
        slots[column.field] = cell.column
      }
    }
    guard let nameColumn = slots[.groupName] else { return [] }
    var rows: [Row] = []
    while let next = try source.next() {
      guard case .row(let line, let cells) = next else { continue }
      func text(_ field: Field) -> String? {
        guard let column = slots[field] else { return nil }
        return cells.first { $0.column == column }?.text
      }
      func day(_ field: Field) -> Day? {
        guard let column = slots[field], let cell = cells.first(where: { $0.column == column }) else { return nil }
        if case .date(let day) = cell.value { return day }
        return cell.text.flatMap { try? DayParser.parse($0, today: Day.distantFuture).get() }
      }
      guard let name = cells.first(where: { $0.column == nameColumn })?.text, !name.isEmpty else { continue }
      rows.append(
        Row(
          line: line, name: name, description: text(.groupDescription), establishedOn: day(.establishedOn),
          dissolvedOn: day(.leftOn)))
    }
    return rows
  }
}
