import GongjianRegistry

extension ChineseCatalogue: ReportWording {
  public func growthTitle(subdistrict: String) -> String {
    "\(subdistrict)区域化党建共建单位发展情况"
  }

  public func growthScope(first: String?, last: String?, period: PeriodLength, group: String?, kind: String?) -> String
  {
    var parts: [String] = []
    if let first, let last {
      let from = periodLabel(first, length: period)
      let to = periodLabel(last, length: period)
      parts.append(first == last ? from : "\(from)至\(to)")
    }
    switch period {
    case .year: parts.append("按年统计")
    case .quarter: parts.append("按季度统计")
    case .month: parts.append("按月统计")
    }
    if let group { parts.append("专项组：\(group)") }
    if let kind { parts.append("单位类别：\(kind)") }
    return parts.joined(separator: " · ")
  }

  static let quarters = ["第一季度", "第二季度", "第三季度", "第四季度"]

  /// 2016 → 2016年, 2016-Q1 → 2016年第一季度, 2016-01 → 2016年1月.
  public func periodLabel(_ label: String, length: PeriodLength) -> String {
    let parts = label.split(separator: "-")
    guard let year = parts.first else { return label }
    switch length {
    case .year: return "\(year)年"
    case .quarter:
      guard parts.count == 2, let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return label }
      return "\(year)年\(Self.quarters[quarter - 1])"
    case .month:
      guard parts.count == 2, let month = Int(parts[1]) else { return label }
      return "\(year)年\(month)月"
    }
  }

  public func growthHeadings(_ length: PeriodLength) -> [String] {
    let period: String
    switch length {
    case .year: period = "年份"
    case .quarter: period = "季度"
    case .month: period = "月份"
    }
    return [period, "新加入", "退出", "净增", "期末总数", "增幅"]
  }

  public func growthSummary(_ summary: GrowthSummary, length: PeriodLength) -> String {
    let from = periodLabel(summary.from, length: length)
    let to = periodLabel(summary.to, length: length)
    var details = [summary.change >= 0 ? "净增\(summary.change)家" : "净减\(-summary.change)家"]
    if let percent = summary.changePercent {
      details.append(percent >= 0 ? "增长\(self.percent(percent))" : "下降\(self.percent(-percent))")
    }
    if let cagr = summary.cagrPercent {
      details.append(cagr >= 0 ? "年均增长\(percent(cagr))" : "年均下降\(percent(-cagr))")
    }
    return "\(from)至\(to)：\(summary.fromTotal)家 → \(summary.toTotal)家（\(details.joined(separator: "，"))）"
  }

  public var growthNoPeriods: String { "（所选范围内没有数据）" }

  public var growthChartCaption: String { "各期期末在册单位数" }

  public var chartTotalAxis: String { "期末在册单位数（家）" }

  public var chartJoinedAxis: String { "新加入单位数（家）" }

  public func chartPeriodAxis(_ length: PeriodLength) -> String {
    switch length {
    case .year: "年份"
    case .quarter: "季度"
    case .month: "月份"
    }
  }

  public var chartTotalLegend: String { "期末总数" }

  public var chartJoinedLegend: String { "新加入" }

  public func asOf(_ day: Day) -> String { "统计截至\(self.day(day))" }

  public func listingTitle(_ listing: ListingTitle, subdistrict: String) -> String {
    switch listing {
    case .units: "\(subdistrict)区域化党建共建单位名单"
    case .groups: "\(subdistrict)区域化党建专项组一览"
    case .groupRoster(let group): "\(group)单位名单"
    case .agreements: "\(subdistrict)区域化党建共建协议一览"
    case .expiringAgreements(let days): "\(days)天内到期的共建协议"
    case .history(let unit?): "\(unit)修改记录"
    case .history(nil): "\(subdistrict)区域化党建共建单位登记簿修改记录"
    case .list(let list): "\(subdistrict)区域化党建" + listName(list)
    case .matches(let result): matchHeading(result)
    case .accounts: "网页版账号"
    case .meetings(let year?): "\(year)年\(subdistrict)区域化党建工作联席会议一览"
    case .meetings(nil): "\(subdistrict)区域化党建工作联席会议一览"
    case .followups(let year, let openOnly):
      (year.map { "\($0)年" } ?? "") + subdistrict + "联席会议督办事项一览" + (openOnly ? "（未办结）" : "")
    case .attendance(let year): "\(year)年\(subdistrict)区域化党建工作联席会议出席情况"
    }
  }

  public var htmlLanguage: String { "zh-CN" }
}
