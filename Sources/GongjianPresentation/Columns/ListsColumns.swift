import GongjianRegistry

/// The column tables of the lists' listings and reports: one place for each heading, CSV
/// column and JSON key.
public enum ListsColumns {
  public static let resources: [Column<Resource>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id.rawValue) }),
    Column("unit", "提供单位", "unit", value: { .text($0.unit.name) }),
    Column("title", "资源名称", "title", value: { .text($0.title) }),
    Column("category", "类别", "category", value: { .text($0.category) }),
    Column("available_from", "起始日期", "from", value: { .day($0.availableFrom) }),
    Column("available_until", "截止日期", "until", value: { .day($0.availableUntil) }),
    Column("withdrawn_on", "撤回日期", "withdrawn", value: { .day($0.withdrawnOn) }),
    Column("unit_id", "单位编号", "unit id", hiddenInTable: true, value: { .int($0.unit.id.rawValue) }),
    Column(
      "capacity", "服务能力", "capacity", value: { .optionalText($0.capacity) },
      display: { resource, _ in DisplayWidth.truncate(resource.capacity ?? "", to: 24) }),
    Column("contact", "联系人", "contact", hiddenInTable: true, value: { .optionalText($0.contact) }),
    Column("description", "说明", "description", hiddenInTable: true, value: { .optionalText($0.description) }),
  ]

  static func raiser(_ need: Need) -> String? {
    switch need.raisedBy {
    case .centre: nil
    case .unit(let unit): unit.name
    case .other(let text): text
    }
  }

  public static let needs: [Column<Need>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id.rawValue) }),
    Column("title", "需求名称", "title", value: { .text($0.title) }),
    Column("category", "类别", "category", value: { .text($0.category) }),
    Column(
      "raised_by", "提出方", "raised by", value: { .optionalText(raiser($0)) },
      display: { need, texts in raiser(need) ?? texts.needRaiser(.centre) }),
    Column("raised_on", "提出日期", "raised", value: { .day($0.raisedOn) }),
    Column("deadline", "认领截止", "deadline", value: { .day($0.deadline) }),
    Column(
      "status", "状态", "status", value: { .text($0.status.rawValue) },
      display: { need, texts in texts.needStatus(need.status) }),
    Column("claimed_by", "认领单位", "claimed by", value: { .list($0.claimedBy.map(\.name)) }),
    Column("status_on", "状态日期", "since", hiddenInTable: true, value: { .day($0.statusOn) }),
    Column(
      "raised_by_unit_id", "提出单位编号", "raising unit id", hiddenInTable: true,
      value: { need in
        if case .unit(let unit) = need.raisedBy { return .optionalInt(unit.id.rawValue) }
        return .optionalInt(nil)
      }),
    Column("people", "所需人数", "people", alignment: .right, hiddenInTable: true, value: { .optionalInt($0.people) }),
    Column("description", "说明", "description", hiddenInTable: true, value: { .optionalText($0.description) }),
  ]

  public static let projects: [Column<Project>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id.rawValue) }),
    Column("title", "项目名称", "title", value: { .text($0.title) }),
    Column("category", "类别", "category", value: { .text($0.category) }),
    Column("level", "层级", "level", value: { .optionalText($0.level) }),
    Column(
      "status", "状态", "status", value: { .text($0.status.rawValue) },
      display: { project, texts in texts.projectStatus(project.status) }),
    Column("lead", "牵头单位", "lead", value: { .optionalText($0.lead?.name) }),
    Column("units", "参与单位", "units", value: { .list($0.units.map(\.name)) }),
    Column(
      "needs", "对应需求", "needs", hiddenInTable: true, value: { .list($0.needs.map(\.title)) }),
    Column(
      "resources", "使用资源", "resources", hiddenInTable: true, value: { .list($0.resources.map(\.title)) }),
    Column("start_on", "计划开始", "start", value: { .day($0.startOn) }),
    Column("end_on", "计划结束", "end", value: { .day($0.endOn) }),
    Column("proposed_on", "提出日期", "proposed", hiddenInTable: true, value: { .day($0.proposedOn) }),
    Column("started_on", "实施日期", "started", hiddenInTable: true, value: { .day($0.startedOn) }),
    Column("ended_on", "完成或终止日期", "ended", hiddenInTable: true, value: { .day($0.endedOn) }),
    Column("lead_id", "牵头单位编号", "lead id", hiddenInTable: true, value: { .optionalInt($0.lead?.id.rawValue) }),
    Column(
      "unit_ids", "参与单位编号", "unit ids", hiddenInTable: true,
      value: { .json(.array($0.units.map { .int($0.id.rawValue) })) }),
    Column(
      "need_ids", "需求编号", "need ids", hiddenInTable: true, value: { .json(.array($0.needs.map { .int($0.id) })) }),
    Column(
      "resource_ids", "资源编号", "resource ids", hiddenInTable: true,
      value: { .json(.array($0.resources.map { .int($0.id) })) }),
  ]

  public static let activities: [Column<Activity>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id) }),
    Column("project_id", "项目编号", "project id", hiddenInTable: true, value: { .int($0.project.id) }),
    Column("project", "项目", "project", value: { .text($0.project.title) }),
    Column("date", "服务日期", "date", value: { .day($0.on) }),
    Column("units", "参与单位", "units", value: { .list($0.units.map(\.name)) }),
    Column("volunteers", "志愿者人次", "volunteers", alignment: .right, value: { .int($0.volunteers) }),
    Column("hours", "时长", "hours", alignment: .right, value: { .number($0.hours) }),
    Column("served", "受益人次", "served", alignment: .right, value: { .int($0.served) }),
    Column(
      "note", "备注", "note", value: { .optionalText($0.note) },
      display: { activity, _ in DisplayWidth.truncate(activity.note ?? "", to: 30) }),
  ]

  /// A claim on an item's page.
  public static let claims: [Column<Claim>] = [
    Column("claimed_on", "认领日期", "date", value: { .day($0.claimedOn) }),
    Column("unit_id", "单位编号", "unit id", alignment: .right, value: { .int($0.unit.id.rawValue) }),
    Column("unit", "认领单位", "unit", value: { .text($0.unit.name) }),
    Column("resource", "资源", "resource", value: { .optionalText($0.resource?.title) }),
    Column("need", "需求", "need", hiddenInTable: true, value: { .optionalText($0.need?.title) }),
    Column("project", "项目", "project", hiddenInTable: true, value: { .optionalText($0.project?.title) }),
  ]

  /// A reason as a machine reads it: a code and its data.
  static func reasonJSON(_ reason: MatchReason) -> JSONValue {
    switch reason {
    case .sameCategory(let category): .object(["reason": .string("category"), "category": .string(category)])
    case .available(let on): .object(["reason": .string("available"), "on": .string(on.iso)])
    case .availableFrom(let from): .object(["reason": .string("available_from"), "from": .string(from.iso)])
    case .inAlliance(let since): .object(["reason": .string("in_alliance"), "since": .string(since.iso)])
    case .sharedGroup(let group): .object(["reason": .string("shared_group"), "group": .string(group.name)])
    case .groupForCategory(let group): .object(["reason": .string("group"), "group": .string(group.name)])
    case .earlierActivities(let count, let category):
      .object(["reason": .string("earlier_activity"), "activities": .int(count), "category": .string(category)])
    case .similarWording: .object(["reason": .string("wording")])
    }
  }

  public static let matches: [Column<MatchSuggestion>] = [
    Column("rank", "排序", "rank", alignment: .right, value: { .int($0.rank) }),
    Column("resource_id", "资源编号", "resource id", alignment: .right, value: { .int($0.resource.id.rawValue) }),
    Column("resource", "资源", "resource", value: { .text($0.resource.title) }),
    Column("unit_id", "单位编号", "unit id", hiddenInTable: true, value: { .int($0.resource.unit.id.rawValue) }),
    Column("unit", "提供单位", "unit", value: { .text($0.resource.unit.name) }),
    Column("category", "类别", "category", value: { .text($0.resource.category) }),
    Column("score", "匹配分", "score", alignment: .right, value: { .int($0.score) }),
    Column(
      "why", "理由", "why", value: { .json(.array($0.reasons.map(reasonJSON))) },
      display: { suggestion, texts in suggestion.reasons.map(texts.matchReason).joined(separator: "；") }),
  ]

  /// The report's figures, after a first column of the period or the category.
  static func figures<Row>(_ figures: @escaping @Sendable (Row) -> ProjectFigures) -> [Column<Row>] {
    [
      Column("needs_raised", "提出需求", "needs", alignment: .right, value: { .int(figures($0).needsRaised) }),
      Column("needs_claimed", "已认领", "claimed", alignment: .right, value: { .int(figures($0).needsClaimed) }),
      Column("needs_met", "已解决", "met", alignment: .right, value: { .int(figures($0).needsMet) }),
      Column(
        "claim_rate_pct", "认领率", "claim rate", alignment: .right, value: { .number(figures($0).claimRatePercent) },
        display: { row, texts in figures(row).claimRatePercent.map(texts.percent) ?? "" }),
      Column(
        "projects_proposed", "提出项目", "projects", alignment: .right, value: { .int(figures($0).projectsProposed) }),
      Column(
        "projects_claimed", "项目已认领", "claimed", alignment: .right, value: { .int(figures($0).projectsClaimed) }),
      Column("projects_done", "已完成", "done", alignment: .right, value: { .int(figures($0).projectsDone) }),
      Column(
        "completion_rate_pct", "完成率", "completion", alignment: .right,
        value: { .number(figures($0).completionRatePercent) },
        display: { row, texts in figures(row).completionRatePercent.map(texts.percent) ?? "" }),
      Column("activities", "服务次数", "services", alignment: .right, value: { .int(figures($0).activities) }),
      Column("volunteers", "志愿者人次", "volunteers", alignment: .right, value: { .int(figures($0).volunteers) }),
      Column("hours", "服务时长", "hours", alignment: .right, value: { .number(figures($0).hours) }),
      Column("served", "受益人次", "served", alignment: .right, value: { .int(figures($0).served) }),
    ]
  }

  /// The project report's rows, by period.
  static func projectReport(_ length: PeriodLength) -> [Column<ProjectReportRow>] {
    [
      Column(
        "period", ChineseCatalogue().growthHeadings(length)[0], EnglishCatalogue().growthHeadings(length)[0],
        value: { .text($0.label) }, display: { row, texts in texts.periodLabel(row.label, length: length) })
    ] + figures { $0.figures }
  }

  static let categories: [Column<CategoryFigures>] =
    [Column("category", "类别", "category", value: { .text($0.category) })] + figures { $0.figures }

  public static let unitReport: [Column<UnitYear>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.unit.id.rawValue) }),
    Column("name", "单位名称", "name", value: { .text($0.unit.name) }),
    Column("kind", "单位类别", "kind", hiddenInTable: true, value: { .text($0.kind) }),
    Column("resources", "资源", "resources", alignment: .right, value: { .int($0.resources) }),
    Column("needs_claimed", "认领需求", "needs claimed", alignment: .right, value: { .int($0.needsClaimed) }),
    Column("projects_led", "牵头项目", "led", alignment: .right, value: { .int($0.projectsLed) }),
    Column("projects_joined", "参与项目", "joined", alignment: .right, value: { .int($0.projectsJoined) }),
    Column("activities", "服务次数", "services", alignment: .right, value: { .int($0.activities) }),
    Column("hours", "服务时长", "hours", alignment: .right, value: { .number($0.hours) }),
    Column(
      "idle", "全年无活动", "idle", value: { .bool($0.idle) }, display: { row, texts in row.idle ? texts.idleMark : "" }),
  ]
}
