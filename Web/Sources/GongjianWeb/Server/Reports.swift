import GongjianPresentation
import GongjianRegistry

/// Reports: the growth report from a form (`report growth --from --to --period --by`) as a
/// table and a chart, with downloads of that same report (SVG, HTML, CSV, XLSX), and the
/// year's project and unit reports (`report projects`, `report units`) as CSV or XLSX.
extension WebServer {
  /// The growth report's query's fields, kept in its downloads' addresses.
  static let growthKeys = ["from", "to", "period", "by", "kind", "group"]

  /// The growth report's query: `from`, `to` (years), `period` (year|quarter|month), `by`
  /// (none|kind|group), `kind` (units of one kind) and `group` (one working group, found by
  /// `findGroup` as the command line finds it), as `report growth`'s options.
  func growthRequest(_ query: FormValues, findGroup: (String) throws -> GroupID) throws -> GrowthRequest {
    var period = PeriodLength.year
    if let text = query.given("period") {
      guard let chosen = PeriodLength(rawValue: text) else { throw BadQuery() }
      period = chosen
    }
    var by: GrowthRequest.Breakdown?
    if let text = query.given("by"), text != "none" {
      guard let chosen = GrowthRequest.Breakdown(rawValue: text) else { throw BadQuery() }
      by = chosen
    }
    return GrowthRequest(
      from: try year(query, "from"), to: try year(query, "to"), period: period,
      group: try query.given("group").map(findGroup), kind: query.given("kind"), by: by)
  }

  /// The growth report's part of a query, to repeat in its downloads' addresses.
  func growthQuery(_ query: FormValues) -> String {
    let kept = query.pairs.filter { Self.growthKeys.contains($0.name) && !$0.value.isEmpty }
    return kept.isEmpty ? "" : "?" + FormValues(kept.map { ($0.name, $0.value) }).query
  }

  /// `GET /reports`.
  func reportsPage(_ viewer: Viewer, query: FormValues) async throws -> Reply {
    let texts = viewer.language.texts
    let language = viewer.language
    var error: String?
    var report: GrowthReport?
    var listYear = try today().year
    let groups = try await blocking { try open(.read, by: localName, command: "").groups() }
    do {
      report = try await blocking {
        let registry = try open(.read, by: localName, command: "")
        return try registry.growth(try growthRequest(query) { try registry.resolveGroup($0).id })
      }
      listYear = try year(query, "year") ?? listYear
    } catch let refusal as Refusal {
      error = texts.webRefusal(refusal)
    }
    let group = query["group"] ?? ""
    let groupChoices: [[String: Any]] =
      [["value": "", "label": texts.webPage(.showEverything), "selected": group.isEmpty]]
      + groups.map { ["value": "#\($0.id.rawValue)", "label": $0.name, "selected": group == "#\($0.id.rawValue)"] }
    let period = query["period"] ?? PeriodLength.year.rawValue
    let by = query["by"] ?? "none"
    let periods: [[String: Any]] = PeriodLength.allCases.map {
      ["value": $0.rawValue, "label": texts.webPeriod($0), "selected": $0.rawValue == period]
    }
    var breakdowns: [[String: Any]] = [["value": "none", "label": texts.web(.reportByNone), "selected": by == "none"]]
    breakdowns += GrowthRequest.Breakdown.allCases.map {
      ["value": $0.rawValue, "label": texts.webBreakdown($0), "selected": $0.rawValue == by]
    }
    let keep: [[String: Any]] = query.pairs.filter { Self.growthKeys.contains($0.name) }.map {
      ["name": $0.name, "value": $0.value]
    }
    let subdistrict = report?.subdistrict ?? ""
    let body = Pages.render(
      "reports",
      [
        "heading": texts.web(.reportsHeading), "growthHeading": texts.web(.growthHeading),
        "fromLabel": texts.web(.reportFrom), "from": query["from"] ?? "", "toLabel": texts.web(.reportTo),
        "to": query["to"] ?? "", "periodLabel": texts.web(.reportPeriod), "periods": periods,
        "byLabel": texts.web(.reportBy), "breakdowns": breakdowns, "show": texts.web(.showReport),
        "kindLabel": texts.webPage(.reportKind), "kind": query["kind"] ?? "",
        "groupLabel": texts.webPage(.reportGroup), "groups": groupChoices,
        "report": report != nil, "query": growthQuery(query),
        "table": report.map { HTMLTable.growth($0, language: language) } ?? "",
        "downloadsHeading": texts.web(.downloadsHeading), "downloadSVG": texts.web(.downloadSVG),
        "downloadHTML": texts.web(.downloadHTML), "downloadCSV": texts.web(.downloadCSV),
        "downloadXLSX": texts.web(.downloadXLSX), "listsHeading": texts.webPage(.listReportsHeading),
        "keep": keep, "yearLabel": texts.webPage(.reportYear), "year": String(listYear),
        "projectsTitle": texts.projectReportTitle(subdistrict: subdistrict),
        "unitsTitle": texts.unitReportTitle(subdistrict: subdistrict, year: listYear),
      ])
    return Reply(
      status: error == nil ? .ok : .unprocessableContent,
      body: Pages.page(viewer, title: texts.web(.reportsHeading), body: body, error: error))
  }

  /// `GET /reports/growth.svg|html|csv|xlsx` with the report page's query.
  func growthFile(_ viewer: Viewer, query: FormValues, format: String) throws -> Reply {
    let texts = viewer.language.texts
    let language = viewer.language
    let registry = try open(.read, by: localName, command: "")
    let report = try registry.growth(try growthRequest(query) { try registry.resolveGroup($0).id })
    switch format {
    case "svg":
      return Reply(body: GrowthSVG.render(report, texts: texts), contentType: "image/svg+xml; charset=utf-8")
    case "html":
      return Reply(
        body: GrowthHTML.render(report, texts: texts, language: language), contentType: "text/html; charset=utf-8",
        filename: "growth.html")
    case "csv":
      return csvReply(GrowthText.csv(report), filename: "growth.csv")
    default:
      let bytes = try temporaryFile { path in
        let output = try TemporaryWorkbook(path: path)
        let writer = ListingWriter(
          columns: GrowthColumns.columns(report), format: .xlsx, output: output, language: language,
          presentation: ListingPresentation(title: texts.growthTitle(subdistrict: report.subdistrict)))
        report.rows.forEach(writer.add)
        try writer.finish()
      }
      return workbookReply(bytes, filename: "growth.xlsx")
    }
  }

  /// `GET /reports/projects.csv|xlsx?year=Y` (`report projects --from Y --to Y`) and
  /// `GET /reports/units.csv|xlsx?year=Y` (`report units --year Y`); this year by default.
  func listReportFile(_ viewer: Viewer, query: FormValues, report kind: String, format: String) throws -> Reply {
    let texts = viewer.language.texts
    let language = viewer.language
    let registry = try open(.read, by: localName, command: "")
    let year = try year(query, "year") ?? registry.today.year
    let name = "\(kind)-\(year)"
    if kind == "projects" {
      let report = try registry.projectReport(ProjectReportRequest(from: year, to: year))
      if format == "csv" { return csvReply(ProjectReportRender.csv(report), filename: name + ".csv") }
      let bytes = try temporaryFile { path in
        try Workbook.write(
          ProjectReportRender.workbook(report, language: language),
          title: texts.projectReportTitle(subdistrict: report.subdistrict), to: path, protecting: registry.path)
      }
      return workbookReply(bytes, filename: name + ".xlsx")
    }
    let report = try registry.unitReport(year: year)
    if format == "csv" { return csvReply(UnitReportRender.csv(report.rows), filename: name + ".csv") }
    let bytes = try temporaryFile { path in
      try Workbook.write(
        UnitReportRender.workbook(report, rows: report.rows, language: language),
        title: UnitReportRender.title(report, texts: texts), to: path, protecting: registry.path)
    }
    return workbookReply(bytes, filename: name + ".xlsx")
  }
}
