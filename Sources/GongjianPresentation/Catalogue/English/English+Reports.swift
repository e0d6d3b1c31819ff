import GongjianRegistry

extension EnglishCatalogue: ReportWording {
  public func growthTitle(subdistrict: String) -> String {
    subdistrict.isEmpty
      ? "Growth of the regional party-building alliance"
      : "Growth of the regional party-building alliance of \(subdistrict)"
  }

  public func growthScope(first: String?, last: String?, period: PeriodLength, group: String?, kind: String?) -> String
  {
    var parts: [String] = []
    if let first, let last { parts.append(first == last ? first : "\(first)–\(last)") }
    switch period {
    case .year: parts.append("by year")
    case .quarter: parts.append("by quarter")
    case .month: parts.append("by month")
    }
    if let group { parts.append("working group \(group)") }
    if let kind { parts.append("kind \(kind)") }
    return parts.joined(separator: " · ")
  }

  public func periodLabel(_ label: String, length: PeriodLength) -> String { label }

  public func growthHeadings(_ length: PeriodLength) -> [String] {
    [length.rawValue, "joined", "left", "net", "total", "change"]
  }

  public func growthSummary(_ summary: GrowthSummary, length: PeriodLength) -> String {
    var details = [signed(summary.change)]
    if let percent = summary.changePercent { details.append(signedPercent(percent)) }
    if let cagr = summary.cagrPercent { details.append("CAGR \(percent(cagr))") }
    return "\(summary.from) → \(summary.to): \(summary.fromTotal) → \(unitCount(summary.toTotal)) "
      + "(\(details.joined(separator: ", ")))"
  }

  public var growthNoPeriods: String { "(no periods in this range)" }

  public var growthChartCaption: String { "units in the alliance at the end of each period" }

  public var chartTotalAxis: String { "Units in the alliance (end of period)" }

  public var chartJoinedAxis: String { "Units that joined" }

  public func chartPeriodAxis(_ length: PeriodLength) -> String {
    switch length {
    case .year: "Year"
    case .quarter: "Quarter"
    case .month: "Month"
    }
  }

  public var chartTotalLegend: String { "Total at the end of the period" }

  public var chartJoinedLegend: String { "Joined in the period" }

  public func asOf(_ day: Day) -> String { "as of \(day.iso)" }

  public func listingTitle(_ listing: ListingTitle, subdistrict: String) -> String {
    switch listing {
    case .units: "Units of the regional party-building alliance of \(subdistrict)"
    case .groups: "Working groups of the regional party-building alliance of \(subdistrict)"
    case .groupRoster(let group): "Members of \(group)"
    case .agreements: "Co-building agreements of \(subdistrict)"
    case .expiringAgreements(let days): "Agreements expiring within \(days) days"
    case .history(let unit?): "Changes to \(unit)"
    case .history(nil): "Changes to the registry of \(subdistrict)"
    case .list(let list): "The " + listName(list) + " of \(subdistrict)"
    case .matches(let result): matchHeading(result)
    case .accounts: "Accounts of the browser view"
    case .meetings(let year?): "Joint meetings of \(subdistrict) in \(year)"
    case .meetings(nil): "Joint meetings of \(subdistrict)"
    case .followups(let year, let openOnly):
      (openOnly ? "Open follow-up tasks" : "Follow-up tasks") + (year.map { " of \($0)" } ?? "")
    case .attendance(let year): "Attendance at the joint meetings of \(subdistrict) in \(year)"
    }
  }

  public var htmlLanguage: String { "en" }
}
