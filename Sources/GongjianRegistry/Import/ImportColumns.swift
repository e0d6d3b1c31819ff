/// The columns of the import/export format: Chinese and English headers, in the order export
/// writes them, with the other names people give them in their own sheets.
public enum ImportColumns {
  public struct Column: Sendable {
    public var field: Field
    public var chinese: String
    public var english: String
    /// Other headers read as this column.
    public var aliases: [String]
  }

  public static let all: [Column] = [
    Column(
      field: .name, chinese: "单位名称", english: "name",
      aliases: ["名称", "单位", "unit", "unit_name", "单位全称", "共建单位", "共建单位名称", "成员单位", "成员单位名称"]),
    Column(
      field: .kind, chinese: "单位类别", english: "kind",
      aliases: ["类别", "单位类型", "类型", "type", "category", "单位性质", "性质"]),
    Column(
      field: .joinedOn, chinese: "加入日期", english: "joined_on",
      aliases: [
        "加入时间", "签约日期", "签约时间", "入盟日期", "入盟时间", "加盟日期", "加盟时间", "共建日期", "共建时间", "joined", "join_date",
        "joined_date",
      ]),
    Column(
      field: .leftOn, chinese: "退出日期", english: "left_on",
      aliases: ["退出时间", "left", "leave_date", "left_date"]),
    Column(field: .leftReason, chinese: "退出原因", english: "left_reason", aliases: ["reason"]),
    Column(field: .signatory, chinese: "签约人", english: "signatory", aliases: ["签约代表", "签署人"]),
    Column(field: .signatoryTitle, chinese: "签约人职务", english: "signatory_title", aliases: ["职务", "签约人职位"]),
    Column(field: .agreementTitle, chinese: "协议名称", english: "agreement", aliases: ["agreement_title", "协议"]),
    Column(field: .expiresOn, chinese: "协议到期日期", english: "expires_on", aliases: ["到期日期", "协议到期", "expires"]),
    Column(field: .groups, chinese: "专项组", english: "groups", aliases: ["所属专项组", "参加专项组", "group", "working_groups"]),
    Column(field: .contactName, chinese: "联系人", english: "contact", aliases: ["contact_name"]),
    Column(
      field: .contactPhone, chinese: "联系电话", english: "phone",
      aliases: ["电话", "手机", "手机号", "手机号码", "电话号码", "联系方式", "contact_phone", "telephone"]),
    Column(field: .address, chinese: "地址", english: "address", aliases: ["单位地址", "通讯地址", "办公地址"]),
    Column(
      field: .partyOrganisation, chinese: "党组织", english: "party_org", aliases: ["党组织名称", "party_organisation"]),
    Column(field: .note, chinese: "备注", english: "note", aliases: ["notes", "remark", "remarks"]),
    // Last, so that the files and templates made before it keep their columns where they were.
    Column(
      field: .creditCode, chinese: "统一社会信用代码", english: "credit_code",
      aliases: ["信用代码", "社会信用代码", "统一信用代码", "组织机构代码证号", "uscc"]),
  ]

  /// The name of the exported workbook's sheet of units, and the workbook's title.
  public static let unitSheetName = "共建单位"
  public static let workbookTitle = "区域化党建共建单位"

  /// The columns a file must have.
  public static let required: [Field] = [.name, .joinedOn]

  public static func column(_ field: Field) -> Column {
    all.first { $0.field == field } ?? all[0]
  }

  /// Every header by its key (`HeaderText.key`).
  private static let lookup: [String: Field] = {
    var lookup: [String: Field] = [:]
    for column in all {
      for name in [column.chinese, column.english] + column.aliases { lookup[HeaderText.key(name)] = column.field }
    }
    return lookup
  }()

  /// The column a header names, read as offices write headers (see `HeaderText`); a note in
  /// brackets after it is allowed (`加入日期（必填）`). Nil for a header of no known column.
  public static func field(forHeader header: String) -> Field? {
    let key = HeaderText.key(header)
    if let field = lookup[key] { return field }
    return HeaderText.withoutNote(key).flatMap { lookup[$0] }
  }

  /// Recognises the header row among title rows (see `ImportTable`).
  static let matcher = HeaderMatcher { field(forHeader: $0) != nil }

  /// The field each header names, in order; nil for an empty header at the end. Unknown,
  /// repeated and missing required columns are problems, all listed at once. `columns` gives
  /// each header's column in the file (zero-based), by default its position.
  public static func map(headers: [String], line: Int = 1, columns: [Int]? = nil) -> Result<
    [Field?], HeaderFailure
  > {
    let mapped = HeaderText.fields(of: headers, columns: columns, field: field(forHeader:))
    var problems = mapped.problems
    for field in required where !mapped.found.contains(field) { problems.append(.missingColumn(field: field)) }
    return problems.isEmpty ? .success(mapped.fields) : .failure(HeaderFailure(line: line, problems: problems))
  }
}

/// A header row import cannot use, with every problem in it.
public struct HeaderFailure: Error, Equatable, Sendable {
  public var line: Int
  public var problems: [HeaderProblem]

  public init(line: Int, problems: [HeaderProblem]) {
    self.line = line
    self.problems = problems
  }
}

/// A problem with one header cell, or a column missing. Columns are zero-based, in the file.
public enum HeaderProblem: Equatable, Sendable {
  /// A column with values but no header, before columns that have one.
  case unnamedColumn(column: Int)
  /// A header that names no known column.
  case unknownColumn(column: Int, header: String)
  /// Two headers that name the same column (`单位名称` and `name`).
  case repeatedColumn(field: Field, first: String, firstColumn: Int, header: String, column: Int)
  /// A required column is not there.
  case missingColumn(field: Field)
}
