import Foundation
import SQLite
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

// End to end through the built binary: `import` and `export` (SPEC §8; issue 5). Every bad
// file must exit 65, name its lines, and leave the registry exactly as it was.

private let today = ["GONGJIAN_TODAY": "2026-11-27"]
private let gb18030 = String.Encoding(rawValue: 0x8000_0632)

/// Runs a command on the workspace's registry with today fixed.
@discardableResult
private func command(_ space: Workspace, _ arguments: [String]) throws -> CommandResult {
  try space.run(arguments + ["--db", space.registry], environment: today)
}

/// Runs a command that must succeed; returns its stdout.
@discardableResult
private func succeed(_ space: Workspace, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation)
  throws -> String
{
  let result = try command(space, arguments)
  try #require(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
  return result.stdout
}

/// A new registry of 欧阳路街道 with nothing in it.
private func emptyRegistry() throws -> Workspace {
  let space = Workspace()
  try space.initRegistry(["--subdistrict", "欧阳路街道", "--district", "虹口区"])
  return space
}

/// A registry with something in it, so "unchanged" means something.
private func registryWithAUnit() throws -> Workspace {
  let space = try emptyRegistry()
  try succeed(space, "group", "add", "文明共创", "--established", "2016-01-01")
  try succeed(space, "register", "已有单位", "--joined", "2018-01-01", "--kind", "高校", "--group", "文明共创")
  return space
}

/// Every unit of the registry's JSON export, by name.
private func exportedUnits(_ space: Workspace) throws -> [String: [String: Any]] {
  let json = try succeed(space, "export", "--format", "json")
  let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  let units = try #require(object["units"] as? [[String: Any]])
  var byName: [String: [String: Any]] = [:]
  for unit in units { byName[unit["name"] as? String ?? ""] = unit }
  return byName
}

/// A field of an exported unit as text: nil for null or missing, arrays joined by 、.
private func field(_ unit: [String: Any]?, _ key: String) -> String? {
  switch unit?[key] {
  case let text as String: return text
  case let number as Int: return String(number)
  case let list as [String]: return list.joined(separator: "、")
  default: return nil
  }
}

/// The encodings import names in its summary; taken out before counting its numbers.
private let encodingNames = ["UTF-8 with BOM", "UTF-8", "GB18030", "UTF-16", "XLSX"]

/// The numbers an import's summary gives, in order (added, updated, up to date; for a dry run
/// the rows first), once the file's path, the encoding's name and `names` (of the working
/// groups it created) are taken out.
private func importCounts(_ output: String, path: String, names: [String] = []) -> [Int] {
  numbers(in: output, ignoring: [path] + encodingNames + names)
}

/// Whether an import's error report has a line for a problem at `place` of the file (its line
/// number, and the column's number when the report gives one) with `mentions` (the column's
/// name, the value): one line of the report holds them all, in order, and before the first of
/// them the numbers of `place` and no other number.
private func namesProblem(_ report: String, at place: [Int], _ mentions: [String]) -> Bool {
  report.split(separator: "\n").contains { line in
    // The file's path holds digits of its own: only what follows it places the problem.
    let text = line.firstRange(of: /units\.[a-z]+[:：] ?/).map { line[$0.upperBound...] } ?? line[...]
    guard let first = mentions.first, let found = text.range(of: first) else { return false }
    return numbers(in: text[..<found.lowerBound]) == place && hasLine(String(text), with: mentions)
  }
}

// MARK: - XLSX, built and read here with ZIPFoundation and XMLParser

/// A cell of a hand-made workbook.
enum SheetCell: Sendable {
  /// A shared string (what Excel writes for text).
  case shared(String)
  /// A shared string made of two rich-text runs.
  case rich(String, String)
  case inline(String)
  /// A number cell in the General format, as written in the XML (a phone number…).
  case number(String)
  /// A number cell formatted as a date (what Excel writes when a date is typed): a serial day.
  case date(String)
  case empty
}

private func xmlEscaped(_ text: String) -> String {
  text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    .replacingOccurrences(of: ">", with: "&gt;")
}

/// Writes a minimal but real XLSX workbook, as Excel lays it out: shared strings, sparse rows
/// (empty cells left out), numbers for dates.
private func writeWorkbook(_ rows: [[SheetCell]], to path: String) throws {
  var shared: [String] = []
  var sheet =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
  for (rowIndex, row) in rows.enumerated() {
    sheet += "<row r=\"\(rowIndex + 1)\">"
    for (column, cell) in row.enumerated() {
      let reference = String(UnicodeScalar(UInt8(65 + column))) + String(rowIndex + 1)
      switch cell {
      case .empty: continue
      case .shared(let text):
        shared.append("<si><t>\(xmlEscaped(text))</t></si>")
        sheet += "<c r=\"\(reference)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
      case .rich(let first, let second):
        shared.append(
          "<si><r><rPr><b/></rPr><t>\(xmlEscaped(first))</t></r><r><t>\(xmlEscaped(second))</t></r></si>")
        sheet += "<c r=\"\(reference)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
      case .inline(let text):
        sheet += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(xmlEscaped(text))</t></is></c>"
      case .number(let value):
        sheet += "<c r=\"\(reference)\"><v>\(value)</v></c>"
      case .date(let value):
        sheet += "<c r=\"\(reference)\" s=\"1\"><v>\(value)</v></c>"
      }
    }
    sheet += "</row>"
  }
  sheet += "</sheetData></worksheet>"
  let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  let package = "http://schemas.openxmlformats.org/package/2006/relationships"
  let parts: [(String, String)] = [
    (
      "[Content_Types].xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + "</Types>"
    ),
    (
      "_rels/.rels",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(package)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    ),
    (
      "xl/workbook.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
        + "<sheets><sheet name=\"单位\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>"
    ),
    (
      "xl/_rels/workbook.xml.rels",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(package)\">"
        + "<Relationship Id=\"rId7\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId8\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        + "<Relationship Id=\"rId9\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
    ),
    (
      // Style 1 is the built-in short date (number format 14), as Excel applies to a typed date.
      "xl/styles.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\"><cellXfs count=\"2\">"
        + "<xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"
    ),
    (
      "xl/sharedStrings.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\" count=\"\(shared.count)\" uniqueCount=\"\(shared.count)\">"
        + shared.joined() + "</sst>"
    ),
    ("xl/worksheets/sheet1.xml", sheet),
  ]
  try? FileManager.default.removeItem(atPath: path)
  let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
  for (name, text) in parts {
    let data = Data(text.utf8)
    try archive.addEntry(
      with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
    ) { position, size in
      data.subdata(in: Int(position)..<Int(position) + size)
    }
  }
}

/// One part of a workbook, unpacked.
func workbookPart(_ path: String, _ name: String) throws -> Data {
  let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
  let entry = try #require(archive[name], "\(path) has no \(name)")
  var data = Data()
  _ = try archive.extract(entry) { data.append($0) }
  return data
}

/// The cells of a worksheet: reference, style, type and value (inline text or `<v>`).
final class SheetCells: NSObject, XMLParserDelegate {
  struct Cell: Equatable, CustomStringConvertible {
    var reference: String
    var style: String?
    var type: String?
    var value: String
    var description: String { "\(reference)[s=\(style ?? "-") t=\(type ?? "n")]=\(value)" }
  }

  var cells: [Cell] = []
  var frozen = false
  private var current: Cell?
  private var inValue = false

  static func read(_ data: Data) throws -> SheetCells {
    let collector = SheetCells()
    let parser = XMLParser(data: data)
    parser.delegate = collector
    try #require(parser.parse(), "the worksheet is not well-formed XML")
    return collector
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch elementName {
    case "c":
      current = Cell(reference: attributes["r"] ?? "?", style: attributes["s"], type: attributes["t"], value: "")
    case "v", "t": inValue = true
    case "pane": frozen = frozen || attributes["state"] == "frozen"
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inValue { current?.value += string }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    switch elementName {
    case "v", "t": inValue = false
    case "c":
      if let current { cells.append(current) }
      current = nil
    default: break
    }
  }

  /// The cells of one row ("2" for the second).
  func row(_ number: Int) -> [Cell] {
    cells.filter { $0.reference.drop { $0.isLetter } == String(number) }
  }
}

/// Excel's serial number of an ISO day (1900 date system), counted here from the civil calendar.
private func excelSerial(_ iso: String) -> Int {
  let parts = iso.split(separator: "-").compactMap { Int($0) }
  let (year, month, day) = (parts[0], parts[1], parts[2])
  let y = month <= 2 ? year - 1 : year
  let era = y / 400
  let yearOfEra = y - era * 400
  let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
  let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
  return era * 146_097 + dayOfEra - 719_468 + 25_569
}

// MARK: - The table of import files

/// A file to import and what the registry must hold afterwards.
struct GoodImport: Sendable, CustomTestStringConvertible {
  var name: String
  var file: String
  var contents: @Sendable (String) throws -> Void
  /// (unit name, exported field, value); nil for null.
  var expected: [(String, String, String?)]
  var arguments: [String] = []
  /// The numbers the import's summary must give: added, updated.
  var counts: [Int]
  /// What else the summary must name: the encoding, the working groups it created.
  var says: [String] = []

  var testDescription: String { name }

  init(
    _ name: String, file: String = "units.csv", bytes: Data, arguments: [String] = [], counts: [Int],
    says: [String] = [], expected: [(String, String, String?)]
  ) {
    self.name = name
    self.file = file
    self.contents = { path in try bytes.write(to: URL(fileURLWithPath: path)) }
    self.expected = expected
    self.arguments = arguments
    self.counts = counts
    self.says = says
  }

  init(
    _ name: String, workbook: [[SheetCell]], counts: [Int], says: [String] = [], expected: [(String, String, String?)]
  ) {
    self.name = name
    self.file = "units.xlsx"
    self.contents = { path in try writeWorkbook(workbook, to: path) }
    self.expected = expected
    self.counts = counts
    self.says = says
  }

  static func utf8(_ text: String) -> Data { Data(text.utf8) }

  static func gb(_ text: String) -> Data { text.data(using: gb18030) ?? Data() }
}

/// A file that must be refused: exit status, and the data the message must carry.
struct BadImport: Sendable, CustomTestStringConvertible {
  var name: String
  var file: String
  var bytes: Data?
  var arguments: [String]
  var status: Int32
  /// The places of the file the report names (the line, and the column's number when the
  /// report gives one), each with what its problem line must mention (the column, the value).
  var problems: [(at: [Int], mentions: [String])]
  /// The numbers of errors and of rows the report's first line gives, when it has one.
  var errors: (count: Int, rows: Int)?
  /// How many errors are counted but not listed.
  var unlisted: Int?
  /// What else the message must name.
  var says: [String]
  var testDescription: String { name }

  init(
    _ name: String, file: String = "units.csv", _ bytes: Data?, arguments: [String] = [], status: Int32 = 65,
    problems: [(at: [Int], mentions: [String])] = [], errors: (count: Int, rows: Int)? = nil, unlisted: Int? = nil,
    says: [String] = []
  ) {
    self.name = name
    self.file = file
    self.bytes = bytes
    self.arguments = arguments
    self.status = status
    self.problems = problems
    self.errors = errors
    self.unlisted = unlisted
    self.says = says
  }
}

private let chineseHeader = "单位名称,单位类别,加入日期,退出日期,退出原因,专项组,联系电话,备注"

let goodImports: [GoodImport] = [
  GoodImport(
    "UTF-8, LF, Chinese headers",
    bytes: GoodImport.utf8(
      chineseHeader + "\n复旦大学外文学院,高校,2019-06-27,,,文明共创（牵头）、组织共建,021-65000000,\n"
        + "某企业,非公企业,2016-03-01,2018-06-30,改制,,,\n"),
    counts: [2, 0], says: ["UTF-8", "组织共建"],
    expected: [
      ("复旦大学外文学院", "kind", "高校"), ("复旦大学外文学院", "joined_on", "2019-06-27"),
      ("复旦大学外文学院", "groups", "文明共创、组织共建"), ("复旦大学外文学院", "phone", "021-65000000"),
      ("某企业", "left_on", "2018-06-30"), ("某企业", "groups", ""),
    ]),
  GoodImport(
    "UTF-8 with BOM, CRLF",
    bytes: Data([0xEF, 0xBB, 0xBF])
      + GoodImport.utf8(chineseHeader + "\r\n建设银行虹口支行,金融机构,2019/6/27,,,,,\r\n浦发银行虹口支行,金融机构,2019-06-27,,,,,\r\n"),
    counts: [2, 0], says: ["UTF-8 with BOM"],
    expected: [("建设银行虹口支行", "joined_on", "2019-06-27"), ("浦发银行虹口支行", "kind", "金融机构")]),
  GoodImport(
    "GB18030 from Chinese Excel, CRLF",
    bytes: GoodImport.gb(
      chineseHeader + "\r\n上海长远文化（集团）有限公司,国有企业,2016年3月1日,,,,,文化单位\r\n虹口区司法局,党政机关,2015.6.30,,,,,\r\n"),
    counts: [2, 0], says: ["GB18030"],
    expected: [
      ("上海长远文化（集团）有限公司", "joined_on", "2016-03-01"), ("上海长远文化（集团）有限公司", "note", "文化单位"),
      ("虹口区司法局", "kind", "党政机关"),
    ]),
  GoodImport(
    "GB18030 with English headers, told --encoding gb18030",
    bytes: GoodImport.gb("name,kind,joined_on\n虹口区房管局,党政机关,2015-06-30\n"), arguments: ["--encoding", "gb18030"],
    counts: [1, 0], says: ["GB18030"], expected: [("虹口区房管局", "kind", "党政机关")]),
  GoodImport(
    "English headers in another order, with aliases and spaces",
    bytes: GoodImport.utf8(
      "Joined On,Phone,NAME,kind,Notes,Groups\n2019-06-27,13800000000,Fudan SFL,高校,,组织共建;文明共创(lead)\n"),
    counts: [1, 0],
    expected: [
      ("Fudan SFL", "joined_on", "2019-06-27"), ("Fudan SFL", "phone", "13800000000"),
      ("Fudan SFL", "groups", "文明共创、组织共建"),
    ]),
  GoodImport(
    "quoted fields with commas, quotes and line breaks",
    bytes: GoodImport.utf8(
      "单位名称,地址,备注,加入日期\r\n\"上海某公司, 虹口分公司\",\"四平路 1 号, 3 楼\",\"第一行\r\n第二行，含\"\"引号\"\"\",2019-01-01\r\n"
        + "\"普通单位\",,\"a\nb\",2019-01-02\r\n"),
    counts: [2, 0],
    expected: [
      ("上海某公司, 虹口分公司", "address", "四平路 1 号, 3 楼"), ("上海某公司, 虹口分公司", "note", "第一行\n第二行，含\"引号\""),
      ("普通单位", "note", "a\nb"), ("普通单位", "joined_on", "2019-01-02"),
    ]),
  GoodImport(
    "every date form of SPEC §4",
    bytes: GoodImport.utf8(
      "单位名称,加入日期,退出日期\n甲,2019-08-15,\n乙,2019/8/15,\n丙,2019.8.15,\n丁,2019年8月15日,\n戊,20190815,\n己,today,\n"
        + "庚,２０１９－０８－１５,\n辛, 2019-8-5 ,2019年12月31日\n"),
    counts: [8, 0],
    expected: [
      ("甲", "joined_on", "2019-08-15"), ("乙", "joined_on", "2019-08-15"), ("丙", "joined_on", "2019-08-15"),
      ("丁", "joined_on", "2019-08-15"), ("戊", "joined_on", "2019-08-15"), ("己", "joined_on", "2026-11-27"),
      ("庚", "joined_on", "2019-08-15"), ("辛", "joined_on", "2019-08-05"), ("辛", "left_on", "2019-12-31"),
    ]),
  GoodImport(
    "XLSX: shared strings, Excel serial dates, numbers, sparse rows",
    workbook: [
      [.shared("单位名称"), .shared("加入日期"), .shared("退出日期"), .shared("联系电话"), .shared("单位类别"), .shared("专项组")],
      [
        .rich("复旦大学", "外文学院"), .date(String(excelSerial("2019-06-27"))), .empty, .number("13800000000"),
        .shared("高校"), .shared("组织共建"),
      ],
      [
        .shared("建设银行虹口支行"), .date(String(excelSerial("2016-02-29")) + ".75"),
        .date(String(excelSerial("2018-12-31"))),
      ],
      [.inline("浦发银行虹口支行"), .shared("2019/6/27"), .empty, .inline("021-65000000")],
      [.empty, .empty, .empty, .empty, .empty, .empty],
    ],
    counts: [3, 0], says: ["单位"],
    expected: [
      ("复旦大学外文学院", "joined_on", "2019-06-27"), ("复旦大学外文学院", "phone", "13800000000"),
      ("复旦大学外文学院", "kind", "高校"), ("复旦大学外文学院", "groups", "组织共建"),
      ("建设银行虹口支行", "joined_on", "2016-02-29"), ("建设银行虹口支行", "left_on", "2018-12-31"),
      ("浦发银行虹口支行", "joined_on", "2019-06-27"), ("浦发银行虹口支行", "phone", "021-65000000"),
    ]),
  GoodImport(
    "XLSX with English headers and the 1900 leap-year quirk",
    workbook: [
      [.inline("name"), .inline("joined_on")], [.inline("Early Unit"), .date("61")],
      [.inline("Late Unit"), .date(String(excelSerial("2026-11-27")))],
    ],
    counts: [2, 0], says: ["单位"],
    expected: [("Early Unit", "joined_on", "1900-03-01"), ("Late Unit", "joined_on", "2026-11-27")]),
]

private let knownColumns = ["单位名称 (name)", "加入日期 (joined_on)", "专项组 (groups)", "备注 (note)"]

let badImports: [BadImport] = [
  BadImport(
    "missing required column", GoodImport.utf8("单位名称,单位类别\n甲,高校\n"),
    // The first line names the header line; the problem's own line, what is missing.
    problems: [([], ["加入日期 (joined_on)"])], says: knownColumns),
  BadImport(
    "unknown column, with the known ones listed", GoodImport.utf8("单位名称,加入日期,邮箱\n甲,2019-01-01,a@b.cn\n"),
    problems: [([3], ["邮箱"])], says: knownColumns),
  BadImport(
    "wrong column count", GoodImport.utf8("单位名称,加入日期,备注\n甲,2019-01-01,\n乙,2019-01-01,x,y\n丙,2019-01-01\n"),
    problems: [([3], ["4", "3"]), ([4], ["2", "3"])], errors: (2, 3)),
  BadImport(
    "empty name", GoodImport.utf8("单位名称,加入日期\n甲,2019-01-01\n,2019-01-01\n   ,2019-01-01\n"),
    problems: [([3], ["单位名称"]), ([4], ["单位名称"])], errors: (2, 3)),
  BadImport(
    "impossible dates", GoodImport.utf8("单位名称,加入日期\n甲,2019-01-01\n乙,2019-02-29\n丙,2019-13-01\n丁,2019/2/30\n"),
    problems: [([3], ["加入日期", "2019-02-29", "28"]), ([4], ["加入日期", "2019-13-01"]), ([5], ["加入日期", "2019/2/30"])],
    errors: (3, 4)),
  BadImport(
    "dates after today, and leaving before joining",
    GoodImport.utf8("name,joined_on,left_on\n甲,2030-01-01,\n乙,2019-05-01,2019-04-30\n"),
    problems: [([2], ["joined_on", "2030-01-01", "2026-11-27"]), ([3], ["left_on", "2019-04-30", "2019-05-01"])],
    errors: (2, 2)),
  BadImport(
    "duplicate inside the file",
    GoodImport.utf8("单位名称,加入日期\n上海长远文化（集团）有限公司,2016-03-01\n乙,2019-01-01\n上海长远文化 (集团) 有限公司,2016-03-01\n"),
    // The line of the first occurrence is named too.
    problems: [([4], ["单位名称", "上海长远文化 (集团) 有限公司", "2"])], errors: (1, 3)),
  BadImport(
    "a similar name inside the file",
    GoodImport.utf8("单位名称,加入日期\n上海长远文化〔集团〕有限公司,2016-03-01\n上海长远文化(集团)有限公司,2016-03-01\n"),
    problems: [([3], ["单位名称", "上海长远文化(集团)有限公司", "上海长远文化〔集团〕有限公司", "2", "--force"])], errors: (1, 2)),
  BadImport(
    "duplicate against the registry", GoodImport.utf8("单位名称,加入日期\n新单位,2019-01-01\n已有单位,2018-01-01\n"),
    problems: [([3], ["单位名称", "#1 已有单位", "2018-01-01", "--update"])], errors: (1, 2)),
  BadImport(
    "a working group the registry does not have (a typo, more often than a new group)",
    GoodImport.utf8("单位名称,加入日期,专项组\n新单位,2019-01-01,文明共见\n"),
    problems: [([2], ["专项组", "文明共见", "文明共创", "--create-groups"])], errors: (1, 1)),
  BadImport(
    "--update with a different joining date",
    GoodImport.utf8("单位名称,加入日期\n已有单位,2018-02-01\n"), arguments: ["--update"],
    problems: [([2], ["加入日期", "2018-01-01", "#1 已有单位", "2018-02-01", "gongjian edit 1"])], errors: (1, 1)),
  BadImport(
    "invalid UTF-8 with --encoding utf-8",
    GoodImport.utf8("单位名称,加入日期\n甲,2019-01-01\n") + Data([0xC3, 0x28, 0xFF]) + GoodImport.utf8(",2019-01-01\n"),
    arguments: ["--encoding", "utf-8"], problems: [([3], ["单位名称", "UTF-8"])]),
  BadImport(
    "UTF-8 lines, then a GB18030 line",
    GoodImport.utf8("单位名称,加入日期\n甲,2019-01-01\n") + GoodImport.gb("乙单位,2019-01-01\n"),
    problems: [([3], ["UTF-8"])]),
  BadImport(
    "a GB18030 file read as UTF-8", GoodImport.gb("单位名称,加入日期\n甲,2019-01-01\n"), arguments: ["--encoding", "utf-8"],
    problems: [([1, 1], ["UTF-8"])]),
  BadImport("an empty file", Data(), says: ["units.csv"]),
  BadImport("a header-only file", GoodImport.utf8("单位名称,加入日期\r\n"), says: ["units.csv"]),
  BadImport(
    "a quote never closed", GoodImport.utf8("单位名称,加入日期,备注\n甲,2019-01-01,\"ok\"\n乙,2019-01-01,\"never\nclosed\n"),
    problems: [([3], ["\""])]),
  BadImport(
    "three bad rows, all named",
    GoodImport.utf8("单位名称,加入日期,备注\n甲,2019-02-30,\n乙,2019-01-01,\n,2019-01-01,\n丁,2019-01-01,\n戊,someday,\n"),
    problems: [([2], ["加入日期", "2019-02-30"]), ([4], ["单位名称"]), ([6], ["加入日期", "someday"])], errors: (3, 5)),
  BadImport(
    "twenty-five bad rows: twenty listed, the rest counted",
    GoodImport.utf8("单位名称,加入日期\n" + (1...25).map { "单位\($0),2019-02-30\n" }.joined()),
    problems: (2...21).map { ([$0], ["加入日期", "2019-02-30"]) }, errors: (25, 25), unlisted: 5),
  BadImport("UTF-16 text", Data([0xFF, 0xFE]) + "单位名称,加入日期\n".data(using: .utf16LittleEndian)!, says: ["UTF-16"]),
  BadImport(
    "a .xlsx that is not a workbook", file: "units.xlsx", GoodImport.utf8("单位名称,加入日期\n"),
    says: ["units.xlsx", "XLSX"]),
  BadImport("an old .xls", file: "units.xls", GoodImport.utf8("x"), says: ["units.xls", ".xls", ".xlsx"]),
  BadImport("a missing file", file: "missing.csv", nil, status: 66, says: ["missing.csv"]),
]

@Suite("import and export, end to end")
struct ImportExportTests {
  @Test("good files import with every value where it belongs", arguments: goodImports)
  func goodFile(_ example: GoodImport) throws {
    let space = try emptyRegistry()
    try succeed(space, "group", "add", "文明共创")
    try example.contents(space.file(example.file))
    let result = try command(space, ["import", space.file(example.file), "--create-groups"] + example.arguments)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains(space.file(example.file)), "the file: \(result.stdout)")
    #expect(importCounts(result.stdout, path: space.file(example.file)) == example.counts, "\(result.stdout)")
    for text in example.says { #expect(result.stdout.contains(text), "'\(text)' in \(result.stdout)") }
    let units = try exportedUnits(space)
    for (name, key, value) in example.expected {
      #expect(units[name] != nil, "no unit \(name) in \(units.keys.sorted())")
      #expect(field(units[name], key) == value, "\(name).\(key)")
    }
    #expect(units.count == Set(example.expected.map(\.0)).count)
  }

  @Test("bad files: exit 65, every bad line named, the registry unchanged", arguments: badImports)
  func badFile(_ example: BadImport) throws {
    let space = try registryWithAUnit()
    let path = space.file(example.file)
    if let bytes = example.bytes { try bytes.write(to: URL(fileURLWithPath: path)) }
    let before = try space.dump()
    let result = try command(space, ["import", path] + example.arguments)
    #expect(result.status == example.status, "\(result)")
    for text in example.says { #expect(result.stderr.contains(text), "'\(text)' in \(result.stderr)") }
    for (place, mentions) in example.problems {
      #expect(namesProblem(result.stderr, at: place, mentions), "\(place) \(mentions) in \(result.stderr)")
    }
    if let errors = example.errors {
      // The first line: the file, how many errors, in how many rows.
      let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
      #expect(first.contains(path), "\(result.stderr)")
      #expect(numbers(in: first, ignoring: [path]).sorted() == [errors.count, errors.rows].sorted(), "\(first)")
    }
    if let unlisted = example.unlisted {
      #expect(result.stderr.split(separator: "\n").contains { numbers(in: $0) == [unlisted] }, "\(result.stderr)")
    }
    #expect(result.stdout.isEmpty, "\(result)")
    #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
    #expect(try space.dump() == before, "the registry changed")
    // The same with --dry-run: the same refusal.
    let dry = try command(space, ["import", path, "--dry-run"] + example.arguments)
    #expect(dry.status == example.status, "\(dry)")
    #expect(try space.dump() == before, "the registry changed")
  }

  @Test("--dry-run validates and reports, and writes nothing")
  func dryRun() throws {
    let space = try registryWithAUnit()
    let file = space.file("units.csv")
    try Data("单位名称,单位类别,加入日期,专项组\n新单位,高校,2019-01-01,新专项组\n已有单位,金融机构,2018-01-01,\n".utf8).write(
      to: URL(fileURLWithPath: file))
    let before = try space.dump()
    let dry = try command(space, ["import", file, "--dry-run", "--update", "--create-groups"])
    #expect(dry.status == 0, "\(dry)")
    // The file's rows, the units it would add and update, and the group it would create.
    let lines = dry.stdout.split(separator: "\n").map(String.init)
    #expect(importCounts(lines.first ?? "", path: file) == [2, 1, 1], "\(dry)")
    #expect(lines.first?.contains("新专项组") == true, "the group it would create: \(dry)")
    // The names: those to add, then those to update, each on their own line.
    let toAdd = lines.firstIndex { $0.contains("新单位") }
    let toUpdate = lines.firstIndex { $0.contains("已有单位") }
    #expect(toAdd != nil && toUpdate != nil && toAdd! > 0 && toAdd! < toUpdate!, "\(dry)")
    #expect(try space.dump() == before)
  }

  @Test("--update updates by normalised name, records it in the history, and withdraws on a leaving date")
  func update() throws {
    let space = try registryWithAUnit()
    try succeed(space, "register", "上海长远文化(集团)有限公司", "--joined", "2016-03-01")
    let file = space.file("units.csv")
    try Data(
      ("单位名称,单位类别,加入日期,退出日期,联系电话\n已有单位,金融机构,2018-01-01,,021-1234\n"
        + "上海长远文化（集团）有限公司,国有企业,2016/3/1,2020-06-30,\n新单位,高校,2019-01-01,,\n").utf8
    ).write(to: URL(fileURLWithPath: file))
    let result = try command(space, ["import", file, "--update"])
    #expect(result.status == 0, "\(result)")
    #expect(importCounts(result.stdout, path: file) == [1, 2], "1 added, 2 updated: \(result)")
    let units = try exportedUnits(space)
    #expect(units.count == 3)
    #expect(field(units["已有单位"], "kind") == "金融机构")
    #expect(field(units["已有单位"], "phone") == "021-1234")
    #expect(field(units["已有单位"], "groups") == "文明共创", "--update keeps what the file leaves out")
    #expect(field(units["上海长远文化(集团)有限公司"], "left_on") == "2020-06-30")
    let history = try succeed(space, "history", "已有单位", "--format", "json")
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(history.utf8)) as? [[String: Any]])
    // The update is in the unit's history, with the command that made it.
    #expect((entries.last?["command"] as? String)?.hasPrefix("gongjian import ") == true, "\(history)")
    // Importing the same file again finds nothing to change.
    let again = try command(space, ["import", file, "--update"])
    #expect(again.status == 0, "\(again)")
    #expect(importCounts(again.stdout, path: file) == [0, 0, 3], "3 already up to date: \(again)")
    #expect(try exportedUnits(space).count == 3)
  }

  @Test("--update leaves working groups alone (README), without creating a group nobody joins")
  func updateGroups() throws {
    let space = try registryWithAUnit()
    let file = space.file("units.csv")
    try Data("单位名称,加入日期,专项组\n已有单位,2018-01-01,文明共创、新专项组\n".utf8).write(to: URL(fileURLWithPath: file))
    let result = try command(space, ["import", file, "--update"])
    #expect(result.status == 0, "\(result)")
    // As the README says, --update does not change an existing unit's working groups.
    #expect(field(try exportedUnits(space)["已有单位"], "groups") == "文明共创")
    // Nor does it create a group named only on that row, which nobody would then join.
    let groups = try succeed(space, "group", "list")
    #expect(!groups.contains("新专项组"), "\(groups)")
    #expect(!result.stdout.contains("新专项组"), "\(result)")
  }

  @Test("the first import into a registry without groups creates the file's groups")
  func firstImportCreatesGroups() throws {
    let space = try emptyRegistry()
    let file = space.file("units.csv")
    try Data("单位名称,加入日期,专项组\n甲,2019-01-01,文明共创\n乙,2019-02-01,组织共建\n".utf8).write(
      to: URL(fileURLWithPath: file))
    let result = try command(space, ["import", file])
    #expect(result.status == 0, "\(result)")
    let units = try exportedUnits(space)
    #expect(field(units["甲"], "groups") == "文明共创")
    #expect(field(units["乙"], "groups") == "组织共建")
    // Once there are groups, a new name in a file is refused unless asked for.
    try Data("单位名称,加入日期,专项组\n丙,2019-03-01,平安共建\n".utf8).write(to: URL(fileURLWithPath: file))
    #expect(try command(space, ["import", file]).status == 65)
    let created = try command(space, ["import", file, "--create-groups"])
    #expect(created.status == 0, "\(created)")
    #expect(field(try exportedUnits(space)["丙"], "groups") == "平安共建")
  }

  // MARK: - Round trips

  /// A registry with everything export writes: groups and leads, a withdrawal, a rejoin, a
  /// renewal, contacts, quotes, commas, line breaks and cells a spreadsheet would run.
  static func richRegistry() throws -> Workspace {
    let space = try emptyRegistry()
    try succeed(space, "group", "add", "文明共创", "--established", "2016-01-01")
    try succeed(space, "group", "add", "组织共建")
    try succeed(
      space, "register", "上海长远文化（集团）有限公司", "--joined", "2016-03-01", "--kind", "国有企业", "--group", "文明共创",
      "--lead", "--signatory", "罗英华", "--signatory-title", "党委书记", "--expires", "2026-12-15", "--phone",
      "021-65000000", "--contact", "张三", "--address", "四平路 1 号, 3 楼", "--party-org", "党委",
      "--note", "第一行\n第二行，含\"引号\"")
    try succeed(
      space, "register", "=HYPERLINK(\"http://example.com\",\"点我\")", "--joined", "2017-05-01",
      "--phone=+8613800000000",
      "--address=-5 号", "--contact=@某人", "--note", "=1+1")
    try succeed(space, "register", "'=已经带引号", "--joined", "2018-01-01", "--note", "'+86")
    try succeed(
      space, "register", "复旦大学外文学院", "--joined", "2019-06-27", "--kind", "高校", "--group", "组织共建", "--group",
      "文明共创", "--phone", "013800000000")
    try succeed(space, "agreement", "add", "复旦大学外文学院", "--signed", "2022-06-27", "--signatory", "新签约人")
    try succeed(space, "register", "某企业", "--joined", "2016-01-01", "--kind", "非公企业")
    try succeed(space, "withdraw", "某企业", "--on", "2018-06-30", "--reason", "改制")
    try succeed(space, "register", "回归单位", "--joined", "2015-01-01")
    try succeed(space, "withdraw", "回归单位", "--on", "2016-01-01")
    try succeed(space, "rejoin", "回归单位", "--on", "2019-01-01", "--group", "组织共建")
    return space
  }

  @Test("CSV: export → import into an empty registry → export gives the same bytes (with and without BOM)")
  func csvRoundTrip() throws {
    let source = try ImportExportTests.richRegistry()
    for bom in [false, true] {
      let first = source.file("first.csv")
      try succeed(source, "export", "-o", first, bom ? "--bom" : "--format=csv")
      let target = try emptyRegistry()
      let imported = try command(target, ["import", first])
      #expect(imported.status == 0, "\(imported)")
      #expect(importCounts(imported.stdout, path: first) == [6, 0], "\(imported)")
      let second = target.file("second.csv")
      try succeed(target, "export", "-o", second, bom ? "--bom" : "--format=csv")
      let a = try #require(source.bytes(first))
      let b = try #require(target.bytes(second))
      #expect(a == b, "bom \(bom):\n\(String(decoding: a, as: UTF8.self))\n---\n\(String(decoding: b, as: UTF8.self))")
      // The values survive, the formula-looking ones included.
      let units = try exportedUnits(target)
      let formula = units["=HYPERLINK(\"http://example.com\",\"点我\")"]
      #expect(formula != nil, "\(units.keys.sorted())")
      #expect(field(formula, "phone") == "+8613800000000")
      #expect(field(formula, "address") == "-5 号")
      #expect(field(formula, "contact") == "@某人")
      #expect(field(formula, "note") == "=1+1")
      #expect(field(units["'=已经带引号"], "note") == "'+86")
      #expect(field(units["上海长远文化（集团）有限公司"], "note") == "第一行\n第二行，含\"引号\"")
      #expect(field(units["上海长远文化（集团）有限公司"], "groups") == "文明共创")
      #expect(field(units["复旦大学外文学院"], "phone") == "013800000000")
      #expect(field(units["某企业"], "left_on") == "2018-06-30")
      #expect(field(units["回归单位"], "joined_on") == "2019-01-01")
    }
  }

  @Test("CSV export: RFC 4180 with CRLF, formula cells neutralised, BOM only with --bom")
  func csvExportFormat() throws {
    let space = try ImportExportTests.richRegistry()
    try succeed(space, "export", "-o", space.file("plain.csv"))
    let plain = try #require(space.bytes("plain.csv"))
    #expect(!plain.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM without --bom")
    #expect(plain.starts(with: Data("单位名称,".utf8)))
    let stdout = try succeed(space, "export")
    #expect(Data(stdout.utf8) == plain, "stdout and -o differ")
    try succeed(space, "export", "--bom", "-o", space.file("bom.csv"))
    let bom = try #require(space.bytes("bom.csv"))
    #expect(bom.starts(with: [0xEF, 0xBB, 0xBF] + Array("单位名称,".utf8)))
    #expect(bom.dropFirst(3) == plain)
    #expect(try space.mode(space.file("plain.csv")) & 0o077 == 0, "exports hold contacts: 0600")

    let text = String(decoding: plain, as: UTF8.self)
    let records = try #require(parseCSV(text), "not RFC 4180 with CRLF:\n\(text)")
    #expect(
      records[0] == [
        "单位名称", "单位类别", "加入日期", "退出日期", "退出原因", "签约人", "签约人职务", "协议名称", "协议到期日期", "专项组", "联系人", "联系电话", "地址",
        "党组织", "备注", "统一社会信用代码",
      ])
    #expect(records.count == 7)
    for record in records {
      #expect(record.count == 16, "\(record)")
      for cell in record {
        let first = cell.unicodeScalars.first
        #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "a cell a spreadsheet would run: \(cell)")
      }
    }
    let formula = try #require(records.first { $0[0].contains("HYPERLINK") })
    #expect(formula[0] == "'=HYPERLINK(\"http://example.com\",\"点我\")")
    #expect(formula[11] == "'+8613800000000")
    #expect(formula[12] == "'-5 号")
    #expect(formula[10] == "'@某人")
    #expect(formula[14] == "'=1+1")
    let quoted = try #require(records.first { $0[0] == "''=已经带引号" }, "\(records.map(\.[0]))")
    #expect(quoted[14] == "''+86", "a typed quote before a formula character gets one more")
    let culture = try #require(records.first { $0[0] == "上海长远文化（集团）有限公司" })
    #expect(culture[9] == "文明共创（牵头）")
    #expect(culture[5] == "罗英华" && culture[6] == "党委书记" && culture[8] == "2026-12-15")
    let fudan = try #require(records.first { $0[0] == "复旦大学外文学院" })
    #expect(fudan[9] == "文明共创、组织共建")
    #expect(fudan[5] == "新签约人", "the latest agreement")
    // --bom is for CSV only.
    #expect(try command(space, ["export", "--format", "json", "--bom"]).status == 64)
    #expect(try command(space, ["export", "--bom", "-o", space.file("x.xlsx")]).status == 64)
  }

  @Test("JSON: a registry imported from CSV exports the same JSON as one imported from its CSV export")
  func jsonRoundTrip() throws {
    let (jsonA, jsonB) = try jsonThroughCSV(
      "单位名称,单位类别,加入日期,退出日期,退出原因,签约人,签约人职务,协议名称,协议到期日期,专项组,联系人,联系电话,地址,党组织,备注\r\n"
        + "复旦大学外文学院,高校,2019-06-27,,,罗英华,党委书记,区域化党建共建协议,2022-06-26,文明共创（牵头）、组织共建,李四,021-1,\"邯郸路, 220 号\",党委,\"两行\n备注\"\r\n"
        + "某企业,非公企业,2016-01-01,2018-06-30,改制,,,,,,,,,,\r\n"
        + "=SUM(1),,2017-01-01,,,,,自定协议,,,,+86,,,-x\r\n")
    #expect(jsonA == jsonB)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(jsonA.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["registry", "groups", "units", "resources", "needs", "projects", "activities"])
    let units = try #require(object["units"] as? [[String: Any]])
    #expect(units.count == 3)
    let fudan = try #require(units.first { $0["name"] as? String == "复旦大学外文学院" })
    for key in ["id", "name", "kind", "joined_on", "left_on", "groups", "periods", "agreements", "group_memberships"] {
      #expect(fudan[key] != nil, "\(key)")
    }
    #expect((fudan["agreements"] as? [[String: Any]])?.first?["signatory"] as? String == "罗英华")
    #expect((fudan["group_memberships"] as? [[String: Any]])?.contains { $0["role"] as? String == "lead" } == true)
  }

  @Test("XLSX: export → import → export gives the same cells; dates are date cells, text stays text")
  func xlsxRoundTrip() throws {
    let source = try ImportExportTests.richRegistry()
    let first = source.file("first.xlsx")
    try succeed(source, "export", "-o", first)
    let target = try emptyRegistry()
    let imported = try command(target, ["import", first])
    #expect(imported.status == 0, "\(imported)")
    let second = target.file("second.xlsx")
    try succeed(target, "export", "--format", "xlsx", "-o", second)
    let cellsA = try SheetCells.read(workbookPart(first, "xl/worksheets/sheet1.xml"))
    let cellsB = try SheetCells.read(workbookPart(second, "xl/worksheets/sheet1.xml"))
    #expect(cellsA.cells == cellsB.cells)
    for (a, b) in zip(cellsA.cells, cellsB.cells) where a != b { Issue.record("\(a) became \(b)") }
    #expect(try exportedCSV(source) == exportedCSV(target), "the registries differ after the XLSX round trip")

    // The workbook itself: a frozen, bold header; dates as numbers in a date style; text as text.
    #expect(cellsA.frozen, "the header row is not frozen")
    #expect(cellsA.row(1).map(\.value).prefix(3) == ["单位名称", "单位类别", "加入日期"])
    let styles = String(decoding: try workbookPart(first, "xl/styles.xml"), as: UTF8.self)
    #expect(styles.contains("<b/>"), "no bold font for the header")
    #expect(styles.contains("yyyy"), "no date format")
    let culture = try #require(
      (2...7).map { cellsA.row($0) }.first { $0.first?.value == "上海长远文化（集团）有限公司" })
    let joined = try #require(culture.first { $0.reference.hasPrefix("C") })
    #expect(joined.type == nil && joined.value == String(excelSerial("2016-03-01")), "\(joined)")
    let expires = try #require(culture.first { $0.reference.hasPrefix("I") })
    #expect(expires.value == String(excelSerial("2026-12-15")) && expires.style == joined.style)
    let fudan = try #require((2...7).map { cellsA.row($0) }.first { $0.first?.value == "复旦大学外文学院" })
    let phone = try #require(fudan.first { $0.reference.hasPrefix("L") })
    #expect(phone.type == "inlineStr" || phone.type == "s", "\(phone)")
    #expect(phone.value == "013800000000", "the leading zero must stay")
  }

  @Test("XLSX: a cell the user typed as '=… or '+… keeps its quote through export and import")
  func xlsxKeepsATypedQuote() throws {
    let source = try emptyRegistry()
    try succeed(source, "register", "'=已经带引号", "--joined", "2018-01-01", "--note", "'+86")
    let file = source.file("quote.xlsx")
    try succeed(source, "export", "-o", file)
    let target = try emptyRegistry()
    #expect(try command(target, ["import", file]).status == 0)
    // Import removes the quote CSV export adds against formulas; XLSX export adds none, so a
    // quote at the start of an XLSX cell was typed and stays.
    let units = try exportedUnits(target)
    #expect(units["'=已经带引号"] != nil, "\(units.keys.sorted())")
    #expect(field(units["'=已经带引号"], "note") == "'+86")
  }

  @Test("CSV: a withdrawn unit's working groups survive export and import")
  func withdrawnUnitGroups() throws {
    // The CSV export lists the groups a withdrawn unit left with, so they come back.
    let (jsonA, jsonB) = try jsonThroughCSV("单位名称,加入日期,退出日期,专项组\n某企业,2016-01-01,2018-06-30,组织共建\n")
    #expect(jsonA == jsonB)
  }

  /// Imports `csv` into a new registry A, exports A as CSV, imports that into a new registry B,
  /// and returns the JSON exports of A and B.
  private func jsonThroughCSV(_ csv: String) throws -> (a: String, b: String) {
    let a = try emptyRegistry()
    let source = a.file("source.csv")
    try Data(csv.utf8).write(to: URL(fileURLWithPath: source))
    #expect(try command(a, ["import", source]).status == 0)
    let exported = a.file("a.csv")
    try succeed(a, "export", "-o", exported)
    let b = try emptyRegistry()
    #expect(try command(b, ["import", exported]).status == 0)
    return (try succeed(a, "export", "--format", "json"), try succeed(b, "export", "--format", "json"))
  }

  /// The indexes of a registry, with their SQL.
  private func indexes(_ space: Workspace) throws -> [String] {
    let db = try Connection(path: space.registry, mode: .readOnly)
    let statement = try db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name")
    var result: [String] = []
    while try statement.step() {
      result.append("\(try statement.required(0, as: String.self)): \(try statement.column(1, as: String.self) ?? "")")
    }
    return result
  }

  @Test("a big file (over 3 MB) imports every row, keeps every index, and one bad last row writes nothing")
  func bigImport() throws {
    // 32,000 rows of about 100 bytes: big enough for the import's bulk path.
    var text = "单位名称,单位类别,加入日期,退出日期,专项组,联系电话,备注\r\n"
    var joinedDays: [(joined: String, left: String?)] = []
    for index in 0..<32_000 {
      let joined = String(format: "%04d-%02d-%02d", 2000 + index % 26, 1 + index % 12, 1 + index % 28)
      let left = index % 7 == 0 ? String(format: "%04d-12-31", 2000 + index % 26) : nil
      joinedDays.append((joined, left))
      text += "虹口区测试单位\(index)号,非公企业,\(joined),\(left ?? ""),专项组\(index % 5),021-\(10_000_000 + index),第\(index)行备注\r\n"
    }
    #expect(text.utf8.count > 3_000_000)
    let space = try emptyRegistry()
    let file = space.file("big.csv")
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    let indexesBefore = try indexes(space)
    let result = try command(space, ["import", file])
    #expect(result.status == 0, "\(result)")
    let groups = (0..<5).map { "专项组\($0)" }
    #expect(importCounts(result.stdout, path: file, names: groups) == [32000, 0], "\(result)")
    #expect(groups.allSatisfy { result.stdout.contains($0) }, "the working groups it created: \(result)")
    #expect(try indexes(space) == indexesBefore, "the import must leave the indexes as they were")
    #expect(try command(space, ["check"]).status == 0)
    // The growth report over the imported rows, against a count here.
    let report = try succeed(space, "report", "growth", "--from", "2000", "--format", "json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    for row in rows {
      let year = try #require(row["period"] as? String)
      let end = year == "2026" ? "2026-11-27" : year + "-12-31"
      let active = joinedDays.filter { $0.joined <= end && ($0.left.map { $0 > end } ?? true) }.count
      #expect(row["total"] as? Int == active, "\(year)")
    }

    // The same file with one bad row at the end: nothing is written, the indexes stay.
    let other = try emptyRegistry()
    let bad = other.file("bad.csv")
    try Data((text + "最后一个单位,非公企业,2019-02-30,,,,\r\n").utf8).write(to: URL(fileURLWithPath: bad))
    let before = try other.dump()
    let otherIndexes = try indexes(other)
    let refused = try command(other, ["import", bad])
    #expect(refused.status == 65, "\(refused)")
    #expect(namesProblem(refused.stderr, at: [32002], ["加入日期", "2019-02-30"]), "\(refused)")
    #expect(try other.dump() == before)
    #expect(try indexes(other) == otherIndexes)
  }

  private func exportedCSV(_ space: Workspace) throws -> String {
    try succeed(space, "export")
  }

  @Test("export on a missing registry fails with 66 and creates nothing")
  func exportMissingRegistry() throws {
    let space = Workspace()
    let result = try space.run(["export", "--db", space.registry], environment: today)
    #expect(result.status == 66, "\(result)")
    #expect(!space.exists(space.registry))
    let xlsx = try space.run(["export", "--db", space.registry, "-o", space.file("x.xlsx")], environment: today)
    #expect(xlsx.status == 66, "\(xlsx)")
    #expect(!space.exists("x.xlsx"))
  }
}
