/// The columns of the import/export format (SPEC §8): Chinese and English headers, in the
/// order export writes them, with the other names people give them in their own sheets.
public enum ImportColumns {
  public struct Column: Sendable {
    public var field: UnitField
    public var chinese: String
    public var english: String
    /// Other headers read as this column.
    public var aliases: [String]
  }

  public static let all: [Column] = [
    Column(field: .name, chinese: "单位名称", english: "name", aliases: ["名称", "单位", "unit", "unit_name", "单位全称"]),
    Column(field: .kind, chinese: "单位类别", english: "kind", aliases: ["类别", "单位类型", "类型", "type", "category"]),
    Column(
      field: .joinedOn, chinese: "加入日期", english: "joined_on",
      aliases: ["加入时间", "签约日期", "入盟日期", "joined", "join_date", "joined_date"]),
    Column(field: .leftOn, chinese: "退出日期", english: "left_on", aliases: ["退出时间", "left", "leave_date", "left_date"]),
    Column(field: .leftReason, chinese: "退出原因", english: "left_reason", aliases: ["reason"]),
    Column(field: .signatory, chinese: "签约人", english: "signatory", aliases: ["签约代表", "签署人"]),
    Column(field: .signatoryTitle, chinese: "签约人职务", english: "signatory_title", aliases: ["职务", "签约人职位"]),
    Column(field: .agreementTitle, chinese: "协议名称", english: "agreement", aliases: ["agreement_title", "协议"]),
    Column(field: .expiresOn, chinese: "协议到期日期", english: "expires_on", aliases: ["到期日期", "协议到期", "expires"]),
    Column(field: .groups, chinese: "专项组", english: "groups", aliases: ["所属专项组", "group", "working_groups"]),
    Column(field: .contactName, chinese: "联系人", english: "contact", aliases: ["contact_name"]),
    Column(
      field: .contactPhone, chinese: "联系电话", english: "phone", aliases: ["电话", "手机", "contact_phone", "telephone"]),
    Column(field: .address, chinese: "地址", english: "address", aliases: ["单位地址"]),
    Column(field: .partyOrganisation, chinese: "党组织", english: "party_org", aliases: ["党组织名称", "party_organisation"]),
    Column(field: .note, chinese: "备注", english: "note", aliases: ["notes", "remark", "remarks"]),
  ]

  /// The columns a file must have.
  public static let required: [UnitField] = [.name, .joinedOn]

  public static func column(_ field: UnitField) -> Column {
    all.first { $0.field == field } ?? all[0]
  }

  /// "单位名称 (name), 单位类别 (kind), …" for messages.
  public static var knownList: String {
    all.map { "\($0.chinese) (\($0.english))" }.joined(separator: ", ")
  }

  /// The field each header names, in file order; nil for an empty trailing header.
  /// Unknown, repeated and missing required columns are errors, listed all at once.
  public static func map(headers: [String], line: Int = 1) -> Result<[UnitField?], ImportFailure> {
    var lookup: [String: UnitField] = [:]
    for column in all {
      for name in [column.chinese, column.english] + column.aliases {
        lookup[NameKey.make(name).replacingUnderscores()] = column.field
      }
    }
    var fields: [UnitField?] = []
    var problems: [String] = []
    var seen: [UnitField: String] = [:]
    for (index, rawHeader) in headers.enumerated() {
      var header = rawHeader
      if header.hasPrefix("\u{FEFF}") { header.removeFirst() }
      let key = NameKey.make(header).replacingUnderscores()
      if key.isEmpty {
        // Spreadsheets often save a few empty columns after the last one.
        if index >= headers.count - 1 || headers[index...].allSatisfy({ NameKey.make($0).isEmpty }) {
          fields.append(nil)
          continue
        }
        problems.append("column \(index + 1) has no header")
        fields.append(nil)
        continue
      }
      guard let field = lookup[key] else {
        problems.append("unknown column \(DayParser.quoted(header))")
        fields.append(nil)
        continue
      }
      if let earlier = seen[field] {
        problems.append("the columns \(DayParser.quoted(earlier)) and \(DayParser.quoted(header)) are the same column")
      }
      seen[field] = header
      fields.append(field)
    }
    for field in required where seen[field] == nil {
      let column = column(field)
      problems.append("the required column \(column.chinese) (\(column.english)) is missing")
    }
    if problems.isEmpty { return .success(fields) }
    let message =
      problems.map { "line \(line): \($0)" }.joined(separator: "\n")
      + "\nThe known columns are: \(knownList)."
    return .failure(ImportFailure(message: message, errorCount: problems.count))
  }
}

extension String {
  /// `joined_on`, `joined on` and `JoinedOn` are one header.
  fileprivate func replacingUnderscores() -> String {
    String(unicodeScalars.filter { $0 != "_" && $0 != "-" }.map(Character.init))
  }
}

/// An import that found errors: every bad row is named (up to a cap), and nothing was written.
public struct ImportFailure: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public var errorCount: Int
  public var description: String { message }
}
