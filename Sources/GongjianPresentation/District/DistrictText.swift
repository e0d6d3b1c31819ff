import GongjianRegistry

/// The district report as a table for the terminal, CSV and JSON.
public enum DistrictText {
  /// The title and the periods covered, as the growth report writes them.
  public static func title(_ report: DistrictReport, texts: any Catalogue) -> String {
    texts.districtTitle(district: report.district) + " · " + GrowthText.scope(report.total, texts: texts)
  }

  /// Whether any registry of the report has the lists' tables: only then are their columns shown.
  static func hasLists(_ report: DistrictReport) -> Bool {
    report.subdistricts.contains { $0.lists != nil }
  }

  /// The summary by subdistrict, the district by period with its two summary lines, the units
  /// in several registries, and the files left out.
  public static func table(_ report: DistrictReport, texts: any Catalogue, language: Language, color: Bool) -> String {
    let output = StringOutput()
    output.write(title(report, texts: texts) + "\n" + texts.asOf(report.today) + "\n\n")
    output.write(texts.districtSection(.subdistricts) + "\n")
    write(
      DistrictSummaryRow.rows(report), DistrictColumns.summary(lists: hasLists(report)), to: output, language, color)
    output.write("\n" + texts.districtSection(.byPeriod) + "\n")
    write(DistrictPeriodRow.rows(report), DistrictColumns.byPeriod(report), to: output, language, color)
    output.write("\n")
    if let summary = report.total.summary {
      output.write(texts.districtSummary(summary, length: report.period, distinct: false) + "\n")
    }
    if let summary = report.distinct.summary {
      output.write(texts.districtSummary(summary, length: report.period, distinct: true) + "\n")
    }
    output.write(texts.districtDeduplicationNote(shared: report.shared.count) + "\n\n")
    if report.shared.isEmpty {
      output.write(texts.districtSection(.noShared) + "\n")
    } else {
      output.write(texts.districtSection(.shared) + "\n")
      write(report.shared, DistrictColumns.shared, to: output, language, color)
    }
    if !report.skipped.isEmpty {
      output.write("\n" + texts.districtSkippedNote(report.skipped.map(\.file)) + "\n")
    }
    return TerminalText.sanitize(output.text)
  }

  /// The summary by subdistrict, with the district's two rows: one line each.
  public static func csv(_ report: DistrictReport) -> String {
    let output = StringOutput()
    let writer = ListingWriter(
      columns: DistrictColumns.summary(lists: hasLists(report)), format: .csv, output: output, language: .en)
    DistrictSummaryRow.rows(report).forEach(writer.add)
    try? writer.finish()  // Text written to a string cannot fail.
    return output.text
  }

  /// Everything: each subdistrict with its growth report (the shape of `report growth`),
  /// the district's sum and each-unit-once growth, the lists' figures, the shared units and
  /// the files left out.
  public static func json(_ report: DistrictReport) -> JSONValue {
    let rows = DistrictSummaryRow.rows(report)
    let columns = DistrictColumns.summary(lists: false).filter { $0.key != "scope" }
    func lists(_ figures: ListFigures?) -> JSONValue {
      figures.map { jsonObject(DistrictColumns.lists, $0) } ?? .null
    }
    let subdistricts: [JSONValue] = zip(report.subdistricts, rows).map { subdistrict, row in
      .object(
        JSONValue.KeyValuePairs(
          jsonPairs(columns, row) + [
            ("named_by_file", .bool(subdistrict.source.namedByFile)),
            ("district", .string(subdistrict.source.district)),
            ("schema_version", .int(subdistrict.source.schemaVersion)), ("growth", GrowthText.json(subdistrict.growth)),
            ("lists", lists(subdistrict.lists)),
          ]))
    }
    let totalRow = rows[rows.count - 2]
    let distinctRow = rows[rows.count - 1]
    let shared: [JSONValue] = report.shared.map { unit in
      var pairs = jsonPairs(DistrictColumns.shared.filter { $0.key != "subdistricts" }, unit)
      pairs.append(
        (
          "places",
          .array(
            unit.places.map { place in
              .object([
                "subdistrict": .string(place.subdistrict), "file": .string(place.file),
                "unit_id": .int(place.unit.id.rawValue), "name": .string(place.unit.name),
                "joined_on": .string(place.joinedOn.iso), "left_on": .optional(place.leftOn?.iso),
                "active": .bool(place.activeAtEnd),
              ])
            })
        ))
      return .object(JSONValue.KeyValuePairs(pairs))
    }
    let skipped: [JSONValue] = report.skipped.map(skipJSON)
    return .object([
      "period": .string(report.period.rawValue), "from": .string(totalRow.from), "to": .string(totalRow.to),
      "today": .string(report.today.iso), "district": .optional(report.district), "subdistricts": .array(subdistricts),
      "total": .object(
        JSONValue.KeyValuePairs(
          jsonPairs(columns.filter { $0.key != "file" }, totalRow) + [
            ("growth", GrowthText.json(report.total)), ("lists", lists(report.lists)),
          ])),
      "distinct": .object(
        JSONValue.KeyValuePairs(
          jsonPairs(columns.filter { $0.key != "file" }, distinctRow) + [
            ("growth", GrowthText.json(report.distinct))
          ])),
      "shared_units": .array(shared), "skipped": .array(skipped),
    ])
  }

  /// A file left out: its path and the kind of problem, by name, as machines read it.
  public static func skipJSON(_ skip: DistrictSkip) -> JSONValue {
    let reason: String
    switch skip.problem {
    case .storage(let problem): reason = caseName(problem)
    case .refusal(let refusal): reason = caseName(refusal)
    }
    return .object(["file": .string(skip.file), "reason": .string(reason)])
  }

  /// `newerSchema` for `.newerSchema(path: …, version: …, latest: …)`.
  static func caseName(_ value: Any) -> String {
    let text = String(describing: value)
    return String(text.prefix { $0 != "(" })
  }

  static func write<Row>(
    _ rows: [Row], _ columns: [Column<Row>], to output: StringOutput, _ language: Language, _ color: Bool
  ) {
    let writer = ListingWriter(
      columns: columns, format: .table, output: output, language: language,
      presentation: ListingPresentation(title: "", color: color))
    rows.forEach(writer.add)
    try? writer.finish()  // Text written to a string cannot fail.
  }
}
