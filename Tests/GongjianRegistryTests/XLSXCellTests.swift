import Foundation
import Testing

@testable import GongjianRegistry

/// Cells of hand-written workbooks: every type SpreadsheetML has, styles and date systems,
/// and what the sheet reader refuses.
@Suite("XLSX cells, styles, date systems and sheets")
struct XLSXCellTests {
  static let june27 = Day(year: 2019, month: 6, day: 27)!

  /// Style 0 General, 1 built-in 14 (a date), 2 custom `yyyy"年"m"月"d"日"`, 3 custom `0.00E+00`,
  /// 4 `[Red]General`, 5 built-in 31 (Chinese Excel's date), 6 custom `@`.
  static let styles = """
    <numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
    <numFmt numFmtId="165" formatCode="0.00E+00"/><numFmt numFmtId="166" formatCode="[Red]General"/>\
    <numFmt numFmtId="167" formatCode="@"/></numFmts>\
    <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>\
    <cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>\
    <xf numFmtId="31"/><xf numFmtId="167"/></cellXfs>
    """

  func read(_ workbook: TinyWorkbook, sheet: String? = nil, limits: InputLimits = .standard) throws -> ReadTable {
    let folder = ScratchFolder()
    return ReadTable(path: try workbook.write(in: folder), sheet: sheet, limits: limits)
  }

  @Test("a number is a date only by its style's format, in the workbook's date system")
  func datesByFormat() throws {
    let rows =
      SheetXML.header
      + (1...6).map { style in
        SheetXML.row(
          style + 1, SheetXML.inline("A\(style + 1)", "单位\(style)"),
          "<c r=\"B\(style + 1)\" s=\"\(style)\"><v>43643</v></c>")
      }.joined()
    let table = try read(TinyWorkbook(rows: rows, styles: Self.styles))
    #expect(
      table.column("加入日期") == [
        .date(Self.june27), .date(Self.june27), .number(43643), .number(43643), .date(Self.june27), .number(43643),
      ])
    for value in ["1", "true"] {
      let in1904 = try read(TinyWorkbook(rows: rows, styles: Self.styles, workbookProperties: "date1904=\"\(value)\""))
      #expect(in1904.column("加入日期").first == .date(Day(year: 2023, month: 6, day: 28)!), "date1904=\(value)")
    }
    let off = try read(TinyWorkbook(rows: rows, styles: Self.styles, workbookProperties: "date1904=\"0\""))
    #expect(off.column("加入日期").first == .date(Self.june27))
  }

  @Test("date formats: y, m, d or e outside quotes, brackets and escapes; General and E+ are not dates")
  func dateFormatCodes() {
    for code in ["yyyy-mm-dd", "m/d/yy", "[$-804]yyyy\"年\"m\"月\"d\"日\";@", "dd.mm.yyyy", "h:mm", "e", "YYYY"] {
      #expect(XLSXNumberFormat.isDate(code: code), "\(code)")
    }
    for code in ["General", "0.00E+00", "#,##0.00", "\"year\"0", "[Red]0", "0\\d", "0_m", "0*y", "@", "[h]"] {
      #expect(!XLSXNumberFormat.isDate(code: code), "\(code)")
    }
    #expect(
      XLSXNumberFormat.isBuiltInDate(14) && XLSXNumberFormat.isBuiltInDate(22) && XLSXNumberFormat.isBuiltInDate(31))
    #expect(!XLSXNumberFormat.isBuiltInDate(0) && !XLSXNumberFormat.isBuiltInDate(49))
  }

  @Test("every cell type: shared, inline, formula text, boolean, error, ISO date, number")
  func cellTypes() throws {
    let rows =
      SheetXML.row(1, SheetXML.inline("A1", "单位名称"), SheetXML.inline("B1", "加入日期"), SheetXML.inline("C1", "备注"))
      + SheetXML.row(
        2, "<c r=\"A2\" t=\"s\"><v>0</v></c>", "<c r=\"B2\" t=\"d\"><v>2019-06-27T00:00:00</v></c>",
        "<c r=\"C2\" t=\"b\"><v>1</v></c>")
      + SheetXML.row(
        3, "<c r=\"A3\" t=\"s\"><v>1</v></c>", "<c r=\"B3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>",
        "<c r=\"C3\" t=\"str\"><f>A3&amp;\"x\"</f><v>乙x</v></c>")
      + SheetXML.row(
        4, SheetXML.inline("A4", "丙_x000D_单位"), "<c r=\"B4\"><v> 1.5E3 </v></c>",
        "<c r=\"C4\"><f t=\"shared\" si=\"0\"/></c>")
    let table = try read(
      TinyWorkbook(rows: rows, sharedStrings: ["<t>甲</t>", "<r><t>乙</t></r><rPh><t>yi</t></rPh>"]))
    #expect(
      table.values == [
        [.text("甲"), .date(Self.june27), .boolean(true)],
        [.text("乙"), .error("#DIV/0!"), .text("乙x")],
        [.text("丙\r单位"), .number(1500), .formulaWithoutValue],
      ])
    #expect(
      table.rows.map { $0.cells.map(\.isFormula) } == [
        [false, false, false], [false, true, true], [false, false, true],
      ])
  }

  @Test("cells without references follow the previous one; rows without numbers follow theirs")
  func cellsWithoutReferences() throws {
    let rows =
      "<row><c t=\"inlineStr\"><is><t>单位名称</t></is></c><c t=\"inlineStr\"><is><t>加入日期</t></is></c></row>"
      + "<row><c t=\"inlineStr\"><is><t>甲</t></is></c><c r=\"C2\"><v>1</v></c><c><v>2</v></c></row>"
    let table = try read(TinyWorkbook(rows: rows))
    #expect(table.rows.map(\.line) == [2])
    let cells = try #require(table.rows.first?.cells)
    // B2 is empty; C2 and D2 lie outside the header and come after it.
    #expect(cells.map(\.column) == [0, 1, 2, 3])
    #expect(cells.map(\.value) == [.text("甲"), .empty, .number(1), .number(2)])
  }

  @Test("what the sheet reader refuses, with the part and the cell")
  func refusals() throws {
    let sheet = "xl/worksheets/sheet1.xml"
    let cases: [(String, InputProblem)] = [
      (
        SheetXML.row(2, SheetXML.inline("A2", "x")) + SheetXML.row(2, SheetXML.inline("A2", "y")),
        .rowOutOfOrder(part: sheet, row: 2)
      ),
      (SheetXML.row(1_048_577, SheetXML.inline("A1048577", "x")), .tooManyRows(part: sheet, limit: 1_048_576)),
      (SheetXML.row(2, "<c r=\"XFE2\"><v>1</v></c>"), .tooManyColumns(part: sheet, row: 2, limit: 16_384)),
      (SheetXML.row(2, "<c r=\"2A\"><v>1</v></c>"), .cellDamaged(part: sheet, cell: CellReference(row: 2, column: 0))),
      (
        SheetXML.row(2, "<c r=\"B2\" t=\"q\"><v>1</v></c>"),
        .cellDamaged(part: sheet, cell: CellReference(row: 2, column: 1))
      ),
      (
        SheetXML.row(2, "<c r=\"B2\"><v>nan</v></c>"), .cellDamaged(part: sheet, cell: CellReference(row: 2, column: 1))
      ),
      (
        SheetXML.row(2, "<c r=\"B2\"><v>0x10</v></c>"),
        .cellDamaged(part: sheet, cell: CellReference(row: 2, column: 1))
      ),
      (
        SheetXML.row(2, "<c r=\"B2\" t=\"b\"><v>2</v></c>"),
        .cellDamaged(part: sheet, cell: CellReference(row: 2, column: 1))
      ),
      (
        SheetXML.row(2, "<c r=\"B2\" t=\"s\"><v>7</v></c>"),
        .cellDamaged(part: sheet, cell: CellReference(row: 2, column: 1))
      ),
      (
        SheetXML.row(2, "<c r=\"B2\" t=\"d\"><v>2019-02-30</v></c>"),
        .cellDamaged(part: sheet, cell: CellReference(row: 2, column: 1))
      ),
    ]
    for (rows, problem) in cases {
      let table = try read(TinyWorkbook(rows: SheetXML.header + rows))
      #expect(table.problem == problem, "\(rows)")
    }
  }

  @Test("a cell longer than Excel's 32,767 characters is refused with its cell")
  func longCells() throws {
    let limit = InputLimits.standard.cellCharacters
    let fits = try read(
      TinyWorkbook(rows: SheetXML.header + SheetXML.row(2, SheetXML.inline("A2", String(repeating: "长", count: limit))))
    )
    #expect(fits.problem == nil)
    #expect(fits.rows.first?.cells.first?.text?.count == limit)
    let long = try read(
      TinyWorkbook(
        rows: SheetXML.header + SheetXML.row(2, SheetXML.inline("A2", String(repeating: "a", count: limit + 1)))))
    #expect(
      long.problem
        == .cellTextTooLong(part: "xl/worksheets/sheet1.xml", cell: CellReference(row: 2, column: 0), limit: limit))
    let shared = try read(
      TinyWorkbook(rows: SheetXML.header, sharedStrings: ["<t>\(String(repeating: "😀", count: limit / 2 + 1))</t>"]))
    #expect(shared.problem == .cellTextTooLong(part: "xl/sharedStrings.xml", cell: nil, limit: limit))
  }

  @Test("sheets: the first visible worksheet by default; hidden ones by name; none visible, none at all")
  func sheetChoice() throws {
    let data = SheetXML.header + SheetXML.row(2, SheetXML.inline("A2", "甲"), SheetXML.inline("B2", "2019-06-27"))
    let book = TinyWorkbook(sheets: [("下拉", "", "veryHidden"), ("说明", "", "hidden"), ("名单", data, nil)])
    let table = try read(book)
    #expect(
      table.layout?.format
        == .xlsx(
          sheet: "名单",
          sheets: [
            SheetInfo(name: "下拉", visibility: .veryHidden, isWorksheet: true),
            SheetInfo(name: "说明", visibility: .hidden, isWorksheet: true),
            SheetInfo(name: "名单", visibility: .visible, isWorksheet: true),
          ]))
    #expect(table.rows.count == 1)
    #expect(try read(book, sheet: "说明").problem == nil)
    let hidden = try read(TinyWorkbook(sheets: [("说明", data, "hidden")]))
    #expect(hidden.problem == .noVisibleSheet(sheets: [SheetInfo(name: "说明", visibility: .hidden, isWorksheet: true)]))
    #expect(try read(TinyWorkbook(sheets: [])).problem == .noSheets)
  }

  @Test("a workbook that is not one: no ZIP, a compound file, no workbook part")
  func notWorkbooks() throws {
    let folder = ScratchFolder()
    let cases: [([UInt8], InputProblem)] = [
      (Array("单位名称,加入日期\n".utf8), .notZip),
      ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600), .compoundFile),
      ([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 100), .archiveTruncated),
      ([], .notZip),
    ]
    for (bytes, problem) in cases {
      let path = folder.file("x.xlsx")
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      #expect(ReadTable(path: path).problem == problem)
    }
    var book = TinyWorkbook(rows: SheetXML.header)
    book.parts.removeAll { $0.name.hasSuffix("workbook.xml") || $0.name == "_rels/.rels" }
    #expect(ReadTable(path: try book.write(in: folder)).problem == .notAWorkbook)
  }
}
