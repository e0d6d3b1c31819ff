import Foundation
import Testing

@testable import GongjianRegistry

/// Spreadsheets as offices make them, read by the import readers: every value typed as the
/// file typed it, the layout around the table set aside and reported.
@Suite("Office spreadsheets: openpyxl, XlsxWriter, LibreOffice and Excel-style CSV")
struct OfficeSpreadsheetTests {
  static let june27 = Day(year: 2019, month: 6, day: 27)!

  /// The office layout, as openpyxl writes it and as LibreOffice saves it again.
  static func checkOfficeLayout(_ table: ReadTable) throws {
    #expect(table.problem == nil)
    let layout = try #require(table.layout)
    guard case .xlsx(let sheet, let sheets) = layout.format else {
      Issue.record("not read as a workbook: \(layout.format)")
      return
    }
    #expect(sheet == "单位名单")
    #expect(sheets.map(\.name) == ["说明", "下拉选项", "单位名单"])
    #expect(sheets[0].visibility == .hidden)
    #expect(sheets[1].visibility != .visible)
    #expect(layout.headerLine == 3)
    #expect(layout.headerRecognised)
    #expect(layout.titleRows == [1, 2])
    #expect(layout.ignoredColumns == [ImportLayout.IgnoredColumn(column: 0, header: "序号")])
    #expect(layout.blankRows == 1)
    #expect(layout.firstBlankRows == [6])
    #expect(layout.totalRows == [ImportLayout.TotalRow(line: 8, label: "合计")])
    #expect(table.headerColumns == [1, 2, 3, 4, 5])
    let fields = try ImportColumns.map(headers: table.header, line: 3, columns: table.headerColumns).get()
    #expect(fields == [.name, .kind, .joinedOn, .contactPhone, .note])
    #expect(table.rows.map(\.line) == [4, 5, 7])
    #expect(
      table.values == [
        [.text("复旦大学外文学院"), .text("事业单位"), .date(june27), .text("13800000000"), .empty],
        [.text("建设银行虹口支行"), .text("国有企业"), .date(june27), .number(13_812_300_000), .text("2019年联席会议签约")],
        [.text("浦发银行虹口支行"), .text("国有企业"), .text("2019-06-27"), .empty, .empty],
      ])
    // References name the cells the user sees, 序号 column and all.
    #expect(table.rows[0].cells[2].reference(row: table.rows[0].line).description == "D4")
  }

  @Test(
    "openpyxl: hidden and very hidden sheets before the list, a title, 序号, a blank row and 合计",
    .enabled(if: ImportFixtures.hasOpenpyxl, "openpyxl is not installed (pip install openpyxl)"))
  func officeLayout() throws {
    try Self.checkOfficeLayout(ReadTable(path: ImportFixtures.officeFile("office-layout.xlsx")))
  }

  @Test(
    "LibreOffice Calc's save of the same workbook reads the same",
    .enabled(if: ImportFixtures.hasLibreOffice, "LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
  )
  func officeLayoutThroughLibreOffice() throws {
    try Self.checkOfficeLayout(ReadTable(path: ImportFixtures.officeFile("lo/lo-office-layout.xlsx")))
  }

  @Test(
    "2019.6, 2019.10 and 2019 typed in a date column are numbers; a date cell is a date",
    .enabled(if: ImportFixtures.hasOpenpyxl, "openpyxl is not installed (pip install openpyxl)"))
  func numbersInADateColumn() throws {
    let table = try ReadTable(path: ImportFixtures.officeFile("dates-as-numbers.xlsx"))
    #expect(table.column("加入日期") == [.number(2019.6), .number(2019.1), .number(2019), .date(Self.june27)])
  }

  @Test(
    "a workbook in the 1904 date system keeps its dates (openpyxl and LibreOffice)",
    .enabled(if: ImportFixtures.hasOpenpyxl, "openpyxl is not installed (pip install openpyxl)"),
    arguments: ["date1904.xlsx", "lo/lo-date1904.xlsx"])
  func dates1904(_ name: String) throws {
    if name.hasPrefix("lo/") && !ImportFixtures.hasLibreOffice { return }
    let table = try ReadTable(path: ImportFixtures.officeFile(name))
    #expect(table.column("加入日期") == [.date(Self.june27), .date(Day(year: 1904, month: 1, day: 1)!)])
    #expect(table.column("退出日期") == [.date(Day(year: 2020, month: 12, day: 31)!), .empty])
  }

  @Test(
    "error cells and formulas without a saved value are typed as such, with their cells",
    .enabled(if: ImportFixtures.hasOpenpyxl, "openpyxl is not installed (pip install openpyxl)"))
  func errorsAndFormulas() throws {
    let table = try ReadTable(path: ImportFixtures.officeFile("errors-and-formulas.xlsx"))
    #expect(
      table.values == [
        [.text("甲单位"), .error("#N/A"), .date(Self.june27), .empty],
        [.text("乙单位"), .text("事业单位"), .date(Self.june27), .formulaWithoutValue],
        [.text("丙单位"), .error("#REF!"), .formulaWithoutValue, .empty],
      ])
    #expect(table.rows[1].cells[3].isFormula)
    #expect(table.rows[2].cells[2].reference(row: table.rows[2].line).description == "C4")
  }

  @Test(
    "XlsxWriter's saved 0 of a formula is a number that was a formula",
    .enabled(if: ImportFixtures.hasXlsxWriter, "XlsxWriter is not installed (pip install xlsxwriter)"))
  func xlsxWriterFormula() throws {
    let table = try ReadTable(path: ImportFixtures.officeFile("xlsxwriter-formula.xlsx"))
    #expect(table.rows.count == 1)
    let cells = try #require(table.rows.first?.cells)
    #expect(cells.map(\.value) == [.number(0), .date(Self.june27), .number(2)])
    #expect(cells.map(\.isFormula) == [true, false, true])
  }

  @Test(
    "the first visible sheet is read and named; --sheet picks another; an unknown name lists the sheets",
    .enabled(if: ImportFixtures.hasOpenpyxl, "openpyxl is not installed (pip install openpyxl)"))
  func sheets() throws {
    let path = try ImportFixtures.officeFile("visible-note-first.xlsx")
    let first = ReadTable(path: path)
    #expect(first.layout?.format == .xlsx(sheet: "说明", sheets: first.layout.map(Self.sheets) ?? []))
    #expect(first.layout?.headerRecognised == false)
    let chosen = ReadTable(path: path, sheet: "单位名单")
    #expect(chosen.values == [[.text("甲单位"), .date(Self.june27)]])
    // Width, case and spaces do not matter when only one sheet matches.
    #expect(ReadTable(path: path, sheet: " 单位名单 ").rows.count == 1)
    #expect(ReadTable(path: path, sheet: "名单").problem == .unknownSheet(name: "名单", available: ["说明", "单位名单"]))
    let hidden = ReadTable(path: try ImportFixtures.officeFile("office-layout.xlsx"), sheet: "说明")
    #expect(hidden.problem == nil, "a hidden sheet can be chosen by name")
  }

  static func sheets(_ layout: ImportLayout) -> [SheetInfo] {
    if case .xlsx(_, let sheets) = layout.format { return sheets }
    return []
  }

  @Test(
    "rich text, entities, spaces and line breaks in cells",
    .enabled(if: ImportFixtures.hasOpenpyxl, "openpyxl is not installed (pip install openpyxl)"))
  func richText() throws {
    let table = try ReadTable(path: ImportFixtures.officeFile("rich-text.xlsx"))
    #expect(
      table.values == [
        [.text("复旦大学外文学院"), .date(Self.june27), .text("a < b & \"c\"")],
        [.text("  前后空格  "), .date(Self.june27), .text("两行\n备注")],
      ])
  }

  @Test(
    "LibreOffice's XLSX of a CSV: the date it recognised is a date, 2019.6 a number",
    .enabled(if: ImportFixtures.hasLibreOffice, "LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
  )
  func libreOfficeFromCSV() throws {
    let table = try ReadTable(path: ImportFixtures.officeFile("lo/lo-from-csv.xlsx"))
    #expect(table.column("加入日期") == [.date(Self.june27), .number(2019.6)])
    #expect(table.column("联系电话") == [.number(13_800_000_000), .text("021-65000000")])
  }

  // MARK: - CSV

  static let csvRows: [[CellValue]] = [
    [.text("鲁迅小学"), .text("学校"), .text("2019-06-27"), .text("第一行恰好是合法的UTF-8")],
    [.text("虹口区房管局"), .text("党政机关"), .text("2016-03-01"), .text("含,逗号;分号\t制表符")],
    [.text("上海长远文化(集团)有限公司"), .text("国有企业"), .text("2016-03-01"), .text("引号\"在内")],
  ]

  @Test(
    "CSV in UTF-8 with and without BOM, GBK and GB18030, with , ; and tab",
    .enabled(if: ImportFixtures.hasOpenpyxl, "openpyxl is not installed (pip install openpyxl)"),
    arguments: ["utf8", "utf8bom", "gbk", "gb18030"], CSVSeparator.allCases)
  func csvEncodingsAndSeparators(_ encoding: String, _ separator: CSVSeparator) throws {
    let name = ["comma", "semicolon", "tab"][CSVSeparator.allCases.firstIndex(of: separator)!]
    let table = try ReadTable(path: ImportFixtures.officeFile("csv-\(encoding)-\(name).csv"))
    #expect(table.problem == nil)
    #expect(table.header == ["单位名称", "单位类别", "加入日期", "备注"])
    #expect(table.values == Self.csvRows)
    let expected: TextEncoding = encoding.hasPrefix("utf8") ? .utf8 : .gb18030
    #expect(
      table.layout?.format == .csv(encoding: expected, byteOrderMark: encoding == "utf8bom", separator: separator))
  }

  @Test(
    "a GBK file whose first 100 KB are valid UTF-8 by accident is GB18030: decided on the whole file",
    .enabled(if: ImportFixtures.hasOpenpyxl, "openpyxl is not installed (pip install openpyxl)"))
  func gbkThatStartsAsUTF8() throws {
    let table = try ReadTable(path: ImportFixtures.officeFile("csv-gbk-luxun.csv"))
    #expect(table.problem == nil)
    #expect(table.unreadable.isEmpty)
    #expect(table.rows.first?.cells.map(\.value) == [.text("鲁迅小学"), .text("学校"), .text("2019-06-27")])
    #expect(table.rows.last?.cells.first?.value == .text("虹口区房管局"))
    #expect(table.rows.count == 4_002)
    #expect(table.layout?.format == .csv(encoding: .gb18030, byteOrderMark: false, separator: .comma))
  }

  @Test(
    "Excel's GBK CSV of the office layout: title row, 序号, a row of one space, 合计",
    .enabled(if: ImportFixtures.hasOpenpyxl, "openpyxl is not installed (pip install openpyxl)"))
  func csvOfficeLayout() throws {
    let table = try ReadTable(path: ImportFixtures.officeFile("csv-office-layout-gbk.csv"))
    let layout = try #require(table.layout)
    #expect(layout.titleRows == [1])
    #expect(layout.headerLine == 2)
    #expect(layout.ignoredColumns == [ImportLayout.IgnoredColumn(column: 0, header: "序号")])
    #expect(layout.firstBlankRows == [4])
    #expect(layout.totalRows == [ImportLayout.TotalRow(line: 6, label: "合计")])
    #expect(table.header == ["单位名称", "单位性质", "加入日期", "联系电话"])
    #expect(
      table.values == [
        [.text("复旦大学外文学院"), .text("事业单位"), .text("2019/6/27"), .text("13800000000")],
        [.text("建设银行虹口支行"), .text("国有企业"), .text("2019/6/27"), .empty],
      ])
  }

  @Test(
    "import of the office workbook: three units, and the summary carries the layout",
    .enabled(if: ImportFixtures.hasOpenpyxl, "openpyxl is not installed (pip install openpyxl)"))
  func importsTheOfficeWorkbook() throws {
    let test = try TestRegistry()
    let summary = try test.registry.importFile(
      ImportFixtures.officeFile("office-layout.xlsx"), options: ImportOptions())
    #expect(summary.added == 3)
    #expect(summary.layout?.titleRows == [1, 2])
    #expect(summary.layout?.totalRows.count == 1)
    let names = try test.registry.read {
      try test.registry.db.scalar(
        String.self, "SELECT group_concat(name, '|') FROM (SELECT name FROM unit ORDER BY id)")
    }
    #expect(names == "复旦大学外文学院|建设银行虹口支行|浦发银行虹口支行")
  }
}
