/// The lists as files (资源清单, 需求清单, 项目清单, 服务记录): what `export` writes and the list
/// imports read. Chinese headers first, English ones and the other names offices give them
/// also read. Every list starts with its items' ids (编号), so that projects can name the needs
/// they answer and the resources they use, and a list exported and imported again keeps them.
public enum ListFile: String, Sendable, CaseIterable {
  case resources, needs, projects, activities

  /// The kind of item one row is.
  public var entity: EntityKind {
    switch self {
    case .resources: .resource
    case .needs: .need
    case .projects: .project
    case .activities: .activity
    }
  }

  /// The workbook sheet export writes the list on, and the one an import reads when there is one.
  public var sheetName: String {
    switch self {
    case .resources: "资源清单"
    case .needs: "需求清单"
    case .projects: "项目清单"
    case .activities: "服务记录"
    }
  }

  public var columns: [ListColumn] {
    switch self {
    case .resources: ListColumn.resources
    case .needs: ListColumn.needs
    case .projects: ListColumn.projects
    case .activities: ListColumn.activities
    }
  }

  /// The columns a file must have.
  public var required: [Field] {
    switch self {
    case .resources: [.unit, .title]
    case .needs: [.title]
    case .projects: [.title]
    case .activities: [.happenedOn]
    }
  }

  /// The field each header names, in order (nil for an empty header at the end), or every
  /// problem of the header at once: unknown, repeated and missing columns.
  public func map(headers: [String], line: Int = 1, columns positions: [Int]? = nil) -> Result<[Field?], HeaderFailure>
  {
    let mapped = HeaderText.fields(of: headers, columns: positions, field: field(forHeader:))
    var problems = mapped.problems
    if self == .activities && !mapped.found.contains(.projectID) && !mapped.found.contains(.project) {
      problems.append(.missingColumn(field: .projectID))
    }
    for field in required where !mapped.found.contains(field) { problems.append(.missingColumn(field: field)) }
    return problems.isEmpty ? .success(mapped.fields) : .failure(HeaderFailure(line: line, problems: problems))
  }

  /// The column a header names, read as offices write headers; a note in brackets is allowed.
  public func field(forHeader header: String) -> Field? {
    let key = HeaderText.key(header)
    let lookup = ListFile.lookups[self] ?? [:]
    if let field = lookup[key] { return field }
    return HeaderText.withoutNote(key).flatMap { lookup[$0] }
  }

  var matcher: HeaderMatcher {
    let list = self
    return HeaderMatcher { list.field(forHeader: $0) != nil }
  }

  private static let lookups: [ListFile: [String: Field]] = {
    var all: [ListFile: [String: Field]] = [:]
    for list in ListFile.allCases {
      var lookup: [String: Field] = [:]
      for column in list.columns {
        for name in [column.chinese, column.english] + column.aliases { lookup[HeaderText.key(name)] = column.field }
      }
      all[list] = lookup
    }
    return all
  }()
}

/// One column of a list file.
public struct ListColumn: Sendable {
  public enum Kind: Sendable { case text, date, number }

  public var field: Field
  public var chinese: String
  public var english: String
  public var aliases: [String]
  public var kind: Kind
  /// In characters, in an exported workbook.
  public var width: Int

  init(
    _ field: Field, _ chinese: String, _ english: String, _ aliases: [String] = [], kind: Kind = .text, width: Int = 14
  ) {
    self.field = field
    self.chinese = chinese
    self.english = english
    self.aliases = aliases
    self.kind = kind
    self.width = width
  }

  static let resources: [ListColumn] = [
    ListColumn(.id, "编号", "id", ["资源编号"], kind: .number, width: 8),
    ListColumn(.unit, "提供单位", "unit", ["单位", "单位名称", "资源单位", "共建单位"], width: 30),
    ListColumn(.title, "资源名称", "title", ["名称", "资源", "资源项目", "服务项目"], width: 30),
    ListColumn(.category, "资源类别", "category", ["类别", "类型", "资源类型"], width: 12),
    ListColumn(.capacity, "服务能力", "capacity", ["容量", "规模", "数量"], width: 24),
    ListColumn(.availableFrom, "可提供起始日期", "available_from", ["起始日期", "开始日期", "提供日期"], kind: .date),
    ListColumn(.availableUntil, "可提供截止日期", "available_until", ["截止日期", "结束日期"], kind: .date),
    ListColumn(.contact, "联系人", "contact", ["联系方式"], width: 16),
    ListColumn(.description, "资源说明", "description", ["说明", "描述", "内容", "资源内容"], width: 40),
    ListColumn(.withdrawnOn, "撤回日期", "withdrawn_on", ["撤销日期", "停止日期"], kind: .date),
  ]

  static let needs: [ListColumn] = [
    ListColumn(.id, "编号", "id", ["需求编号"], kind: .number, width: 8),
    ListColumn(.title, "需求名称", "title", ["名称", "需求", "需求项目", "需求内容"], width: 30),
    ListColumn(.category, "需求类别", "category", ["类别", "类型", "需求类型"], width: 12),
    ListColumn(.raisedBy, "提出方", "raised_by", ["提出单位", "需求方", "需求单位", "提出人"], width: 24),
    ListColumn(.raisedOn, "提出日期", "raised_on", ["提出时间", "发布日期"], kind: .date),
    ListColumn(.people, "所需人数", "people", ["人数", "需要人数"], kind: .number, width: 10),
    ListColumn(.deadline, "认领截止日期", "deadline", ["截止日期", "认领期限"], kind: .date),
    ListColumn(.description, "需求说明", "description", ["说明", "描述"], width: 40),
    ListColumn(.status, "状态", "status", ["办理状态", "需求状态"], width: 10),
    ListColumn(.statusOn, "办结日期", "closed_on", ["解决日期", "关闭日期"], kind: .date),
    ListColumn(.claims, "认领情况", "claims", ["认领单位", "认领记录"], width: 40),
  ]

  static let projects: [ListColumn] = [
    ListColumn(.id, "编号", "id", ["项目编号"], kind: .number, width: 8),
    ListColumn(.title, "项目名称", "title", ["名称", "项目"], width: 30),
    ListColumn(.category, "项目类别", "category", ["类别", "类型", "项目类型"], width: 12),
    ListColumn(.level, "项目层级", "level", ["层级", "级别"], width: 12),
    ListColumn(.lead, "牵头单位", "lead", ["牵头"], width: 30),
    ListColumn(.units, "参与单位", "units", ["参加单位", "共建单位"], width: 40),
    ListColumn(.needs, "对应需求编号", "needs", ["需求编号", "对应需求"], width: 14),
    ListColumn(.resources, "使用资源编号", "resources", ["资源编号", "使用资源"], width: 14),
    ListColumn(.startOn, "计划开始日期", "start_on", ["开始日期"], kind: .date),
    ListColumn(.endOn, "计划结束日期", "end_on", ["结束日期"], kind: .date),
    ListColumn(.proposedOn, "提出日期", "proposed_on", ["征集日期", "立项日期"], kind: .date),
    ListColumn(.status, "状态", "status", ["项目状态"], width: 10),
    ListColumn(.claims, "认领情况", "claims", ["认领单位", "认领记录"], width: 40),
    ListColumn(.startedOn, "实施日期", "started_on", ["启动日期"], kind: .date),
    ListColumn(.endedOn, "完成或终止日期", "ended_on", ["完成日期", "终止日期"], kind: .date),
    ListColumn(.description, "项目说明", "description", ["说明", "描述"], width: 40),
  ]

  static let activities: [ListColumn] = [
    ListColumn(.id, "编号", "id", ["记录编号"], kind: .number, width: 8),
    ListColumn(.projectID, "项目编号", "project_id", [], kind: .number, width: 10),
    ListColumn(.project, "项目名称", "project", ["项目"], width: 30),
    ListColumn(.happenedOn, "服务日期", "date", ["日期", "活动日期", "服务时间", "活动时间"], kind: .date),
    ListColumn(.units, "参与单位", "units", ["参加单位", "服务单位"], width: 40),
    ListColumn(.volunteers, "志愿者人次", "volunteers", ["志愿者", "参与人次", "服务人次"], kind: .number, width: 10),
    ListColumn(.hours, "志愿服务时长", "hours", ["服务时长", "时长", "小时数"], kind: .number, width: 12),
    ListColumn(.served, "受益人次", "served", ["服务对象人次", "受益人数"], kind: .number, width: 10),
    ListColumn(.note, "备注", "note", ["说明"], width: 30),
  ]
}
