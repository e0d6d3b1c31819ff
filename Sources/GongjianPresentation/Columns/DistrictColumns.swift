import GongjianRegistry

/// A row of the district summary: one subdistrict over the report's periods, or the
/// district's sum, or the district's units counted once each.
public struct DistrictSummaryRow: Sendable {
  public enum Scope: String, Sendable {
    case subdistrict
    case district
    case districtDistinct = "district_distinct"
  }

  public var scope: Scope
  /// The subdistrict's name; for the district's rows, the district's name (may be empty).
  public var name: String
  public var file: String?
  public var from: String
  public var to: String
  public var span: GrowthSpan
  public var lists: ListFigures?

  /// The rows of a report: each subdistrict, then the sum, then each unit once.
  public static func rows(_ report: DistrictReport) -> [DistrictSummaryRow] {
    let from = report.total.rows.first?.label ?? ""
    let to = report.total.rows.last?.label ?? ""
    return report.subdistricts.map {
      DistrictSummaryRow(
        scope: .subdistrict, name: $0.source.name, file: $0.source.file, from: from, to: to, span: $0.growth.span,
        lists: $0.lists)
    } + [
      DistrictSummaryRow(
        scope: .district, name: report.district ?? "", file: nil, from: from, to: to, span: report.total.span,
        lists: report.lists),
      DistrictSummaryRow(
        scope: .districtDistinct, name: report.district ?? "", file: nil, from: from, to: to,
        span: report.distinct.span, lists: nil),
    ]
  }
}

/// A period of the district's own figures: the sum and the count of each unit once.
public struct DistrictPeriodRow: Sendable {
  public var total: GrowthRow
  public var distinct: GrowthRow

  public static func rows(_ report: DistrictReport) -> [DistrictPeriodRow] {
    zip(report.total.rows, report.distinct.rows).map { DistrictPeriodRow(total: $0, distinct: $1) }
  }
}

/// A subdistrict of a district listing, with how many of its units it lists.
public struct DistrictUnitsSummaryRow: Sendable {
  public var source: DistrictSource
  public var units: Int
  /// Of those, the units also listed for another subdistrict.
  public var shared: Int

  public static func rows(_ listing: DistrictUnits) -> [DistrictUnitsSummaryRow] {
    listing.subdistricts.map { source in
      let rows = listing.rows.filter { $0.file == source.file }
      return DistrictUnitsSummaryRow(
        source: source, units: rows.count, shared: rows.filter { !$0.sharedWith.isEmpty }.count)
    }
  }
}

/// The column tables of the district roll-up.
public enum DistrictColumns {
  /// The lists' figures, where a registry has them.
  public static let lists: [Column<ListFigures>] = [
    Column("resources", "资源", "resources", alignment: .right, value: { .optionalInt($0.resources) }),
    Column("needs", "需求", "needs", alignment: .right, value: { .optionalInt($0.needs) }),
    Column("needs_claimed", "已认领需求", "claimed", alignment: .right, value: { .optionalInt($0.needsClaimed) }),
    Column("needs_met", "已解决需求", "met", alignment: .right, value: { .optionalInt($0.needsMet) }),
    Column(
      "claim_rate_pct", "认领率", "claim rate", alignment: .right, value: { .number($0.claimRatePercent) },
      display: { figures, texts in figures.claimRatePercent.map(texts.percent) ?? "" }),
    Column("projects", "项目", "projects", alignment: .right, value: { .optionalInt($0.projects) }),
    Column("projects_done", "已完成项目", "done", alignment: .right, value: { .optionalInt($0.projectsDone) }),
    Column(
      "completion_rate_pct", "完成率", "completion", alignment: .right, value: { .number($0.completionRatePercent) },
      display: { figures, texts in figures.completionRatePercent.map(texts.percent) ?? "" }),
    Column("activities", "服务活动", "activities", alignment: .right, value: { .optionalInt($0.activities) }),
    Column("volunteers", "志愿者人次", "volunteers", alignment: .right, value: { .optionalInt($0.volunteers) }),
    Column(
      "hours", "服务时长（小时）", "hours", alignment: .right, value: { .number($0.hours) },
      display: { figures, _ in figures.hours.map(NumberFormat.plain) ?? "" }),
    Column("served", "受益人次", "served", alignment: .right, value: { .optionalInt($0.served) }),
  ]

  /// The summary: a row per subdistrict and two for the district; the lists' columns only
  /// when some registry has the lists.
  public static func summary(lists withLists: Bool) -> [Column<DistrictSummaryRow>] {
    var columns: [Column<DistrictSummaryRow>] = [
      Column("scope", "范围", "scope", hiddenInTable: true, value: { .text($0.scope.rawValue) }),
      Column(
        "subdistrict", "街道", "subdistrict", value: { .text($0.name) },
        display: { row, texts in
          row.scope == .subdistrict ? row.name : texts.districtTotalLabel(distinct: row.scope == .districtDistinct)
        }),
      Column(
        "file", "文件", "file", value: { .optionalText($0.file) },
        display: { row, _ in row.file.map(FilePath.name) ?? "" }),
      Column("from", "起", "from", hiddenInTable: true, value: { .text($0.from) }),
      Column("to", "止", "to", hiddenInTable: true, value: { .text($0.to) }),
      Column("opening_total", "期初数", "at start", alignment: .right, value: { .int($0.span.opening) }),
      Column("joined", "新加入", "joined", alignment: .right, value: { .int($0.span.joined) }),
      Column("left", "退出", "left", alignment: .right, value: { .int($0.span.left) }),
      Column(
        "net", "净增", "net", alignment: .right, value: { .int($0.span.net) },
        display: { row, texts in texts.signed(row.span.net) }),
      Column("closing_total", "期末数", "at end", alignment: .right, value: { .int($0.span.closing) }),
      Column(
        "change_pct", "增幅", "change", alignment: .right, value: { .number($0.span.changePercent) },
        display: { row, texts in row.span.changePercent.map(texts.signedPercent) ?? "" }),
    ]
    if withLists {
      columns += lists.map { $0.lifted { (row: DistrictSummaryRow) in row.lists ?? ListFigures() } }
    }
    return columns
  }

  /// The district's figures by period: the sum's growth columns, then each unit once.
  public static func byPeriod(_ report: DistrictReport) -> [Column<DistrictPeriodRow>] {
    GrowthColumns.columns(report.total).map { $0.lifted { (row: DistrictPeriodRow) in row.total } } + [
      Column(
        "distinct_joined", "去重后新加入", "joined, each unit once", alignment: .right, hiddenInTable: true,
        value: { .int($0.distinct.joined) }),
      Column(
        "distinct_left", "去重后退出", "left, each unit once", alignment: .right, hiddenInTable: true,
        value: { .int($0.distinct.left) }),
      Column(
        "distinct_total", "去重后期末总数", "total, each unit once", alignment: .right,
        value: { .int($0.distinct.total) }),
    ]
  }

  /// Units found in several registries.
  public static let shared: [Column<SharedUnit>] = [
    Column("name", "单位名称", "name", value: { .text($0.places.first?.unit.name ?? "") }),
    Column(
      "credit_code", "统一社会信用代码", "credit code",
      value: { unit in
        if case .creditCode(let code) = unit.identity { return .optionalText(code) }
        return .optionalText(nil)
      }),
    Column(
      "matched_by", "认定依据", "matched by",
      value: { unit in
        if case .creditCode = unit.identity { return .text("credit_code") }
        return .text("name_key")
      },
      display: { unit, texts in texts.unitIdentity(unit.identity) }),
    Column(
      "subdistricts", "所在街道", "subdistricts", value: { .list($0.places.map(\.subdistrict)) },
      display: { unit, texts in
        let first = unit.places.first?.unit.name
        return texts.list(unit.places.map { texts.sharedPlace($0, sameName: $0.unit.name == first) })
      }),
  ]

  /// Every subdistrict's units.
  public static let units: [Column<DistrictUnitRow>] = [
    Column("subdistrict", "街道", "subdistrict", value: { .text($0.subdistrict) }),
    Column("file", "文件", "file", hiddenInTable: true, value: { .text($0.file) }),
    Column("id", "编号", "id", alignment: .right, value: { .int($0.unit.id.rawValue) }),
    Column("name", "单位名称", "name", value: { .text($0.unit.name) }),
    Column("kind", "单位类别", "kind", value: { .text($0.unit.kind) }),
    Column("credit_code", "统一社会信用代码", "credit code", value: { .optionalText($0.creditCode) }),
    Column("joined_on", "加入日期", "joined", value: { .day($0.unit.joinedOn) }),
    Column("left_on", "退出日期", "left", value: { .day($0.unit.leftOn) }),
    Column("groups", "专项组", "groups", value: { .list($0.unit.groups) }),
    Column("shared_with", "同在街道", "also in", value: { .list($0.sharedWith) }),
  ]

  /// A subdistrict's units on its own sheet: the same columns without the subdistrict's.
  public static let subdistrictUnits: [Column<DistrictUnitRow>] = units.filter {
    $0.key != "subdistrict" && $0.key != "file"
  }

  /// The summary of a district listing: how many units each subdistrict lists.
  public static let unitsSummary: [Column<DistrictUnitsSummaryRow>] = [
    Column("subdistrict", "街道", "subdistrict", value: { .text($0.source.name) }),
    Column(
      "file", "文件", "file", value: { .text($0.source.file) }, display: { row, _ in FilePath.name(row.source.file) }),
    Column("units", "单位数", "units", alignment: .right, value: { .int($0.units) }),
    Column("shared", "其中跨街道", "in another too", alignment: .right, value: { .int($0.shared) }),
  ]
}
