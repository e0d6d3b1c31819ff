import Foundation
import Testing

@testable import GongjianRegistry

/// The layer above the readers: the header among title rows, the columns and rows set aside,
/// and header cells read as offices write them.
@Suite("Import layout: header, title rows, 序号, blank and 合计 rows")
struct ImportLayoutTests {
  static func read(_ text: String) -> ReadTable {
    ReadTable { try CSVRowSource(bytes: Array(text.utf8), encoding: .auto, header: ImportColumns.matcher) }
  }

  @Test("headers as offices write them name the known columns")
  func headerAliases() {
    let cases: [(String, Field)] = [
      ("单位\n名称", .name), (" 单位名称 ", .name), ("*单位名称", .name), ("单位名称＊", .name), ("ＪＯＩＮＥＤ＿ＯＮ", .joinedOn),
      ("Joined-On", .joinedOn), ("加入日期（必填）", .joinedOn), ("加入日期(格式:2019-06-27)", .joinedOn), ("单位性质", .kind),
      ("单位类型", .kind), ("入盟时间", .joinedOn), ("签约时间", .joinedOn), ("联系方式", .contactPhone), ("共建单位名称", .name),
      ("\u{FEFF}单位名称", .name), ("单位\u{3000}名称", .name), ("单位\u{200B}名称", .name),
    ]
    for (header, field) in cases {
      #expect(ImportColumns.field(forHeader: header) == field, "\(header.debugDescription)")
    }
    for header in ["邮箱", "(必填)", "", "序号", "单位名称和地址"] {
      #expect(ImportColumns.field(forHeader: header) == nil, "\(header.debugDescription)")
    }
  }

  @Test("header problems are facts: which column, which header, which field")
  func headerProblems() {
    let failure = ImportColumns.map(headers: ["单位名称", "", "邮箱", "name", ""], line: 3, columns: [1, 2, 3, 4, 5])
    #expect(
      failure
        == .failure(
          HeaderFailure(
            line: 3,
            problems: [
              .unnamedColumn(column: 2), .unknownColumn(column: 3, header: "邮箱"),
              .repeatedColumn(field: .name, first: "单位名称", firstColumn: 1, header: "name", column: 4),
              .missingColumn(field: .joinedOn),
            ])))
    #expect((try? ImportColumns.map(headers: ["name", "joined_on", "", ""]).get()) == [.name, .joinedOn, nil, nil])
  }

  @Test("title rows above the header are skipped; the header is the first of twenty rows naming known columns")
  func titleRows() {
    let table = Self.read("欧阳路街道区域化党建共建单位名单（2019年）,,\n填报单位：党建服务中心,,备注\n单位名称,加入日期,备注\n甲,2019-06-27,\n")
    #expect(table.layout?.titleRows == [1, 2])
    #expect(table.layout?.headerLine == 3)
    #expect(table.values == [[.text("甲"), .text("2019-06-27"), .empty]])
    // Twenty rows down is found; further is not, and the first row is taken for the header.
    let nineteen = String(repeating: "标题\n", count: 19)
    #expect(Self.read(nineteen + "单位名称,加入日期\n甲,2019\n").layout?.headerLine == 20)
    let twenty = Self.read(String(repeating: "标题\n", count: 20) + "单位名称,加入日期\n甲,2019\n")
    #expect(twenty.layout?.headerLine == 1)
    #expect(twenty.layout?.headerRecognised == false)
    #expect(twenty.header == ["标题"])
    // Rows read while looking are not lost.
    #expect(twenty.rows.count == 21)
    #expect(twenty.rows.first?.line == 2)
  }

  @Test("a 序号 column is set aside wherever it is; cells keep their own columns")
  func numberingColumn() {
    let table = Self.read("单位名称,序 号,加入日期\n甲,1,2019-06-27\n")
    #expect(table.layout?.ignoredColumns == [ImportLayout.IgnoredColumn(column: 1, header: "序 号")])
    #expect(table.header == ["单位名称", "加入日期"])
    #expect(table.headerColumns == [0, 2])
    #expect(table.rows.first?.cells.map(\.column) == [0, 2])
    #expect(table.values == [[.text("甲"), .text("2019-06-27")]])
  }

  @Test("rows of whitespace and closing 合计, 总计, 小计 rows are skipped and reported; 合计单位 is a unit")
  func skippedRows() {
    let table = Self.read(
      "序号,单位名称,加入日期\n1,甲,2019\n ,\u{3000}, \n2,合计单位,2019\n小计,,\n合 计：,2,\n,总计,\n3,乙,2019\n")
    #expect(table.values.map { $0.first } == [.text("甲"), .text("合计单位"), .text("乙")])
    #expect(table.layout?.blankRows == 1)
    #expect(table.layout?.firstBlankRows == [3])
    #expect(
      table.layout?.totalRows == [
        ImportLayout.TotalRow(line: 5, label: "小计"), ImportLayout.TotalRow(line: 6, label: "合 计："),
        ImportLayout.TotalRow(line: 7, label: "总计"),
      ])
  }

  @Test("a table that starts in column B; values outside the header's columns come after its cells")
  func outsideTheHeader() throws {
    let rows =
      SheetXML.row(2, SheetXML.inline("B2", "单位名称"), SheetXML.inline("C2", "加入日期"))
      + SheetXML.row(3, SheetXML.inline("A3", "旁注"), SheetXML.inline("B3", "甲"), SheetXML.inline("E3", "多余"))
      + SheetXML.row(4, SheetXML.inline("B4", "乙"))
    let folder = ScratchFolder()
    let table = ReadTable(path: try TinyWorkbook(rows: rows).write(in: folder))
    #expect(table.headerColumns == [1, 2])
    #expect(table.rows.map { $0.cells.map(\.column) } == [[1, 2, 0, 4], [1, 2]])
    #expect(table.values == [[.text("甲"), .empty, .text("旁注"), .text("多余")], [.text("乙"), .empty]])
  }

  @Test("a file with nothing in it has no header")
  func empty() {
    for text in ["", "\n\n", ",,,\n , \n"] {
      let table = Self.read(text)
      #expect(table.problem == nil)
      #expect(table.layout?.headerLine == nil)
      #expect(table.rows.isEmpty)
    }
  }
}
