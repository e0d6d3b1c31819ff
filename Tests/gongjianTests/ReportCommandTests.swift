import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

// End to end through the built binary: `gongjian demo` and `report growth` in every format
// (SPEC §6, §7; issue 4).

private let fixedToday = ["GONGJIAN_TODAY": "2026-11-27", "COLUMNS": "100"]

/// Whether `text` has the summary line the 2019 newsletter's numbers give: from 2016 to 2019,
/// 29 → 43 units, +14, +48.3%, and 14.0% a year, in that order whatever the words around them.
private func hasDemoSummary(_ text: String) -> Bool {
  hasLine(text, with: "2016", "2019", "29", "43", "14", "48.3%", "14.0%")
}

/// The label the Chinese chart gives a period of the JSON report: 2016年, 2018年第一季度, 2016年1月.
private func chineseLabel(_ period: String) -> String {
  let parts = period.split(separator: "-")
  guard parts.count == 2 else { return period + "年" }
  if parts[1].hasPrefix("Q") {
    let quarter = ["一", "二", "三", "四"][(Int(parts[1].dropFirst()) ?? 1) - 1]
    return "\(parts[0])年第\(quarter)季度"
  }
  return "\(parts[0])年\(Int(parts[1]) ?? 0)月"
}

/// Whether `text` holds a CJK ideograph, CJK punctuation or a full-width form.
private func hasChinese(_ text: String) -> Bool {
  text.unicodeScalars.contains {
    (0x3000...0x303F).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value)
  }
}

/// The number a tooltip ends with ("2016年 期末总数: 29" gives 29).
private func trailingNumber(_ text: String) -> Int? {
  Int(String(text.reversed().prefix { $0.isASCII && $0.isNumber }.reversed()))
}

/// A workspace holding the demo registry.
private func demoSpace() throws -> Workspace {
  let space = Workspace()
  let result = try space.run(["demo", "--db", space.registry])
  try #require(result.status == 0, "\(result)")
  return space
}

/// Runs `report growth` with today fixed; the command must succeed.
private func growth(_ space: Workspace, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation)
  throws -> String
{
  try growth(space, arguments, sourceLocation: sourceLocation)
}

private func growth(_ space: Workspace, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation)
  throws -> String
{
  let result = try space.run(["report", "growth"] + arguments + ["--db", space.registry], environment: fixedToday)
  try #require(result.status == 0, "\(arguments): \(result)", sourceLocation: sourceLocation)
  return result.stdout
}

/// Terminal columns of a text, counted here rather than with the program's own function:
/// CJK ideographs, CJK punctuation and full-width forms take two columns, the rest one.
private func columns(_ text: some StringProtocol) -> Int {
  text.unicodeScalars.reduce(0) { total, scalar in
    let value = scalar.value
    let wide =
      (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
      || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value)
      || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
      || (0xFFE0...0xFFE6).contains(value)
    return total + (wide ? 2 : 1)
  }
}

/// The runs of non-blank characters of a line, with the terminal columns each spans.
private func tokens(_ line: String) -> [(text: String, start: Int, end: Int)] {
  var result: [(String, Int, Int)] = []
  var column = 0
  var current = ""
  var start = 0
  for character in line {
    let width = columns(String(character))
    if character == " " {
      if !current.isEmpty { result.append((current, start, column)) }
      current = ""
    } else {
      if current.isEmpty { start = column }
      current.append(character)
    }
    column += width
  }
  if !current.isEmpty { result.append((current, start, column)) }
  return result
}

/// An XML document's elements, parsed with Foundation's XMLParser: nil when not well-formed.
private final class XMLTexts: NSObject, XMLParserDelegate {
  /// The text of every element, by element name, in document order.
  var texts: [String: [String]] = [:]
  var elements: [String: Int] = [:]
  private var stack: [(name: String, text: String)] = []

  static func parse(_ data: Data) -> XMLTexts? {
    let collector = XMLTexts()
    let parser = XMLParser(data: data)
    parser.delegate = collector
    return parser.parse() ? collector : nil
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    stack.append((elementName, ""))
    elements[elementName, default: 0] += 1
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if !stack.isEmpty { stack[stack.count - 1].text += string }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    guard let element = stack.popLast() else { return }
    texts[element.name, default: []].append(element.text)
  }
}

/// The rows of the JSON report, as [period: row].
private func jsonRows(_ stdout: String) throws -> (object: [String: Any], rows: [[String: Any]]) {
  let object = try #require(
    try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "not a JSON object: \(stdout)")
  let rows = try #require(object["rows"] as? [[String: Any]], "no rows: \(stdout)")
  return (object, rows)
}

@Suite("gongjian demo and report growth, end to end")
struct ReportCommandTests {
  // MARK: - demo

  @Test("demo builds the 欧阳路 sample and prints 29 (2016) → 43 (2019) with its summary and chart")
  func demoReport() throws {
    let space = Workspace()
    let result = try space.run(["demo", "--db", space.registry])
    #expect(result.status == 0, "\(result)")
    #expect(hasDemoSummary(result.stdout), "\(result.stdout)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // The table rows: "2016 … 29 …", "2019 … 43 …"; the chart rows end in the same totals.
    let tableRows = lines.filter { $0.hasPrefix("2016 ") || $0.hasPrefix("2019 ") }.map { tokens($0).map(\.text) }
    #expect(tableRows.contains { $0.first == "2016" && $0.count >= 5 && $0[4] == "29" }, "\(result.stdout)")
    #expect(tableRows.contains { $0.first == "2019" && $0.count >= 5 && $0[4] == "43" }, "\(result.stdout)")
    #expect(lines.contains { $0.hasPrefix("2016 █") && $0.contains(" 29") }, "\(result.stdout)")
    #expect(lines.contains { $0.hasPrefix("2019 █") && $0.contains(" 43") }, "\(result.stdout)")
    #expect(result.stdout.contains(space.registry), "it says where the sample registry is")

    // The registry the demo made says the same, through report and list.
    let json = try jsonRows(growth(space, "--from", "2016", "--to", "2019", "--format", "json"))
    #expect(json.rows.compactMap { $0["total"] as? Int } == [29, 34, 37, 43])
    let active2016 = try space.run(
      ["list", "--active-in", "2016", "--format", "json", "--db", space.registry], environment: fixedToday)
    let active2019 = try space.run(
      ["list", "--active-in", "2019", "--format", "json", "--db", space.registry], environment: fixedToday)
    #expect((try JSONSerialization.jsonObject(with: Data(active2016.stdout.utf8)) as? [Any])?.count == 29)
    #expect((try JSONSerialization.jsonObject(with: Data(active2019.stdout.utf8)) as? [Any])?.count == 43)
  }

  @Test("the demo's units: the newsletter's real ones, the 2019 signings, and every invented one marked")
  func demoContents() throws {
    let space = try demoSpace()
    let list = try space.run(["list", "--all", "--format", "json", "--db", space.registry], environment: fixedToday)
    let units = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
    let real = [
      "复旦大学外文学院", "建设银行虹口支行", "浦发银行虹口支行", "虹口烟草糖酒有限公司", "虹口区房管局", "上海长远文化(集团)有限公司", "虹口区司法局",
      "上海市残联机关",
    ]
    for unit in units {
      let name = unit["name"] as? String ?? ""
      #expect(real.contains(name) || name.contains("示例"), "\(name) is neither in the newsletter nor marked 示例")
    }
    for name in ["复旦大学外文学院", "建设银行虹口支行", "浦发银行虹口支行"] {
      let unit = units.first { $0["name"] as? String == name }
      #expect(unit?["joined_on"] as? String == "2019-06-27", "\(name)")
    }
    // The four representatives lead four working groups.
    let groups = try space.run(["group", "list", "--format", "json", "--db", space.registry], environment: fixedToday)
    #expect(groups.status == 0, "\(groups)")
    for lead in ["虹口烟草糖酒有限公司", "虹口区房管局", "上海长远文化(集团)有限公司", "虹口区司法局"] {
      #expect(groups.stdout.contains(lead), "\(lead) leads no group: \(groups.stdout)")
    }
    // A withdrawal and a rejoin.
    let history = try space.run(["history", "--format", "json", "--db", space.registry], environment: fixedToday)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    let actions = entries.compactMap { $0["action"] as? String }
    #expect(actions.contains("withdraw") && actions.contains("rejoin"), "\(actions)")
  }

  @Test("demo refuses a --db that exists and leaves it alone; without --db it says where it wrote")
  func demoPaths() throws {
    let space = try demoSpace()
    let before = try space.dump()
    let again = try space.run(["demo", "--db", space.registry])
    #expect(again.status == 1, "\(again)")
    #expect(again.stderr.contains(space.registry))
    #expect(try space.dump() == before)

    // Temporary files go to a folder of the workspace, to see what is left behind.
    let scratch = space.file("tmp")
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    let second = try space.run(["demo", "--db", space.file("second.sqlite")], environment: ["TMPDIR": scratch])
    #expect(second.status == 0, "\(second)")
    #expect(hasDemoSummary(second.stdout), "\(second.stdout)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty, "demo --db left temporary files behind")

    let temporary = try space.run(["demo"], environment: ["TMPDIR": scratch])
    #expect(temporary.status == 0, "\(temporary)")
    // The registry it made, named in the output: a .sqlite file in the temporary folder.
    let paths = temporary.stdout.split(whereSeparator: \.isWhitespace).compactMap { word -> String? in
      guard let start = word.range(of: scratch),
        let end = word.range(of: ".sqlite", range: start.upperBound..<word.endIndex)
      else { return nil }
      return String(word[start.lowerBound..<end.upperBound])
    }
    let path = try #require(paths.first, "\(temporary.stdout)")
    #expect(Set(paths).count == 1, "one registry: \(paths)")
    #expect(FileManager.default.fileExists(atPath: path), "\(path)")
    #expect(hasDemoSummary(temporary.stdout), "\(temporary.stdout)")
  }

  // MARK: - formats

  @Test("demo --today: any day from the sample's last event on; an earlier one is refused (64) before anything")
  func demoToday() throws {
    let space = Workspace()
    let early = try space.run(["demo", "--db", space.registry, "--today", "2019-12-31"])
    #expect(early.status == 64, "\(early)")
    #expect(early.stderr.contains("2020"), "names the sample's last day: \(early)")
    #expect(!space.exists(space.registry), "nothing made")
    let late = try space.run(["demo", "--db", space.registry, "--today", "2020-04-10"])
    #expect(late.status == 0, "\(late)")
    // The sample's 2019 is whole on that day: 43 units at its end.
    let report = try space.run(
      [
        "report", "growth", "--db", space.registry, "--today", "2020-04-10", "--from", "2019", "--to", "2019",
        "--format",
        "csv",
      ])
    #expect(report.status == 0 && report.stdout.contains(",43,"), "\(report)")
  }

  @Test("table: every column lines up in terminal columns, Chinese group names included")
  func tableAligned() throws {
    let space = try demoSpace()
    for arguments in [
      ["--from", "2016", "--to", "2019"], ["--from", "2016", "--to", "2019", "--by", "group"],
      ["--from", "2019", "--period", "quarter", "--by", "kind"],
      ["--from", "2015", "--to", "2016", "--period", "month"],
    ] {
      let output = try growth(space, arguments + ["--format", "table"])
      let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let ruleIndex = try #require(lines.firstIndex { !$0.isEmpty && $0.allSatisfy { $0 == "─" || $0 == " " } })
      let segments = tokens(lines[ruleIndex])
      #expect(segments.count >= 6)
      let header = lines[ruleIndex - 1]
      let rows = lines[(ruleIndex + 1)...].prefix { !$0.isEmpty }
      #expect(!rows.isEmpty)
      for line in [header] + rows {
        for token in tokens(line) {
          let segment = segments.firstIndex { $0.start <= token.start && token.end <= $0.end }
          #expect(segment != nil, "\(arguments): '\(token.text)' crosses a column in: \(line)\n\(output)")
          guard let segment else { continue }
          if segment == 0 {
            #expect(token.start == segments[0].start, "\(arguments): \(line)")
          } else {
            #expect(token.end == segments[segment].end, "\(arguments): '\(token.text)' not right-aligned: \(line)")
          }
        }
      }
      #expect(lines.contains { $0.contains(" → ") && $0.hasSuffix(")") }, "no summary line: \(output)")
    }
    // The rows' numbers are the report's.
    let table = try growth(space, "--from", "2016", "--to", "2019")
    let rows = table.split(separator: "\n").map { tokens(String($0)).map(\.text) }.filter {
      $0.first.map { $0.count == 4 && Int($0) != nil } == true && $0.count > 4 && $0[1] != "→"
    }
    #expect(rows.map { $0[4] } == ["29", "34", "37", "43"], "\(table)")
    #expect(hasDemoSummary(table), "\(table)")
  }

  @Test("csv: RFC 4180 with CRLF, parses back to the same numbers as json")
  func csvParsesBack() throws {
    let space = try demoSpace()
    for arguments in [
      ["--from", "2015", "--to", "2019"], ["--from", "2019", "--period", "month"],
      ["--from", "2016", "--to", "2019", "--by", "group"],
    ] {
      let csv = try growth(space, arguments + ["--format", "csv"])
      let json = try jsonRows(growth(space, arguments + ["--format", "json"]))
      #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF in \(csv)")
      let records = try #require(parseCSV(csv), "not RFC 4180: \(csv)")
      #expect(Array(records[0].prefix(6)) == ["period", "joined", "left", "net", "total", "change_pct"])
      #expect(records.count == json.rows.count + 1)
      for (record, row) in zip(records.dropFirst(), json.rows) {
        #expect(record.count == records[0].count)
        #expect(record[0] == row["period"] as? String)
        #expect(Int(record[1]) == row["joined"] as? Int)
        #expect(Int(record[2]) == row["left"] as? Int)
        #expect(Int(record[3]) == row["net"] as? Int)
        #expect(Int(record[4]) == row["total"] as? Int)
        if record[5].isEmpty {
          #expect(row["change_pct"] is NSNull, "\(record)")
        } else {
          #expect(Double(record[5]) == row["change_pct"] as? Double, "\(record)")
        }
      }
      if arguments.contains("group") {
        #expect(Array(records[0].dropFirst(6)) == ["组织共建专项组", "社区治理专项组", "文明创建专项组", "志愿服务专项组"])
      }
    }
  }

  @Test("json: exactly the shape of SPEC §6, with null where there is no percentage")
  func jsonShape() throws {
    let space = try demoSpace()
    let (object, rows) = try jsonRows(growth(space, "--from", "2016", "--to", "2019", "--format", "json"))
    #expect(Set(object.keys) == ["period", "rows", "summary"])
    #expect(object["period"] as? String == "year")
    #expect(rows.map { $0["period"] as? String } == ["2016", "2017", "2018", "2019"])
    for row in rows {
      #expect(Set(row.keys) == ["period", "joined", "left", "net", "total", "change_pct"])
      let joined = try #require(row["joined"] as? Int)
      let left = try #require(row["left"] as? Int)
      #expect(row["net"] as? Int == joined - left)
      #expect(row["total"] is Int)
      #expect(row["change_pct"] is Double)
    }
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(Set(summary.keys) == ["from", "to", "from_total", "to_total", "change", "change_pct", "cagr_pct"])
    #expect(summary["from"] as? String == "2016")
    #expect(summary["to"] as? String == "2019")
    #expect(summary["from_total"] as? Int == 29)
    #expect(summary["to_total"] as? Int == 43)
    #expect(summary["change"] as? Int == 14)
    #expect(abs((summary["change_pct"] as? Double ?? 0) - 48.3) < 0.051)
    #expect(abs((summary["cagr_pct"] as? Double ?? 0) - 14.0) < 0.051)

    // Before the first joining: null change, null summary percentages; periods as labels.
    let (early, earlyRows) = try jsonRows(growth(space, "--from", "2014", "--to", "2015", "--format", "json"))
    #expect(earlyRows.map { $0["change_pct"] is NSNull } == [true, true])
    let earlySummary = try #require(early["summary"] as? [String: Any])
    #expect(earlySummary["change_pct"] is NSNull && earlySummary["cagr_pct"] is NSNull)
    #expect(earlySummary["from_total"] as? Int == 0)

    let (quarters, quarterRows) = try jsonRows(
      growth(space, "--from", "2019", "--to", "2019", "--period", "quarter", "--format", "json"))
    #expect(quarters["period"] as? String == "quarter")
    #expect(quarterRows.map { $0["period"] as? String } == ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"])
    let (_, monthRows) = try jsonRows(
      growth(space, "--from", "2019", "--to", "2019", "--period", "month", "--format", "json"))
    #expect(monthRows.first?["period"] as? String == "2019-01")
    #expect(monthRows.last?["period"] as? String == "2019-12")
    #expect(monthRows.last?["total"] as? Int == 43)
  }

  @Test("chart: eighth-block bars as long as the totals, every period labelled, bars aligned")
  func chart() throws {
    let space = try demoSpace()
    for arguments in [
      ["--from", "2016", "--to", "2019"], ["--from", "2018", "--to", "2019", "--period", "quarter", "--by", "group"],
    ] {
      let output = try growth(space, arguments + ["--format", "chart"])
      let json = try jsonRows(growth(space, arguments + ["--format", "json"]))
      let lines = output.split(separator: "\n").map(String.init)
      let blocks = Set("█▉▊▋▌▍▎▏")
      var barStarts: Set<Int> = []
      var eighths: [Int] = []
      for row in json.rows {
        let label = try #require(row["period"] as? String)
        let total = try #require(row["total"] as? Int)
        let line = try #require(lines.first { $0.hasPrefix(label + " ") }, "no bar for \(label): \(output)")
        let bar = line.filter { blocks.contains($0) }
        #expect(!bar.isEmpty, "\(line)")
        // One contiguous bar: full blocks, then at most one partial block.
        #expect(bar.dropLast().allSatisfy { $0 == "█" }, "\(line)")
        eighths.append(bar.reduce(0) { $0 + 8 - (Array("█▉▊▋▌▍▎▏").firstIndex(of: $1) ?? 8) })
        // The total after the bar, and the change when there is one.
        let net = row["net"] as? Int ?? 0
        #expect(line.hasSuffix(net == 0 ? " \(total)" : " \(total)  (\(net > 0 ? "+" : "")\(net))"), "\(line)")
      }
      for line in lines where line.contains(where: { blocks.contains($0) }) {
        barStarts.insert(columns(line.prefix { !blocks.contains($0) }))
      }
      // Bars start in the same column and are as long as their totals, to an eighth.
      #expect(barStarts.count == 1, "\(output)")
      let totals = json.rows.compactMap { $0["total"] as? Int }
      let longest = try #require(eighths.max())
      for (length, total) in zip(eighths, totals) {
        let expected = Double(total) / Double(totals.max() ?? 1) * Double(longest)
        #expect(abs(Double(length) - expected) <= 1, "\(length) eighths for \(total): \(output)")
      }
      #expect(
        output.contains("▏") || output.contains("▎") || output.contains("▍") || output.contains("▌")
          || output.contains("▋") || output.contains("▊") || output.contains("▉"), "no eighth blocks: \(output)")
    }
  }

  @Test("svg: well-formed XML carrying the title, axes, every period label and every total, in Chinese")
  func svg() throws {
    let space = try demoSpace()
    for (arguments, visibleLabels, axis) in [
      (["--from", "2016", "--to", "2019"], true, "年份"),
      (["--from", "2015", "--to", "2019", "--by", "kind"], true, "年份"),
      (["--from", "2018", "--to", "2019", "--period", "quarter"], false, "季度"),
      (["--from", "2016", "--to", "2019", "--period", "month"], false, "月份"),
    ] {
      let output = try growth(space, arguments + ["--format", "svg", "--lang", "zh"])
      let document = try #require(XMLTexts.parse(Data(output.utf8)), "not well-formed XML: \(output.prefix(400))")
      #expect(output.hasPrefix("<?xml"))
      let texts = document.texts["text"] ?? []
      let titles = document.texts["title"] ?? []
      #expect(texts.contains("欧阳路街道区域化党建共建单位发展情况"), "\(texts)")
      #expect(texts.contains { $0.contains(axis) }, "\(arguments): no axis \(axis): \(texts)")
      #expect(texts.contains { $0.contains("期末在册单位数") }, "\(texts)")
      let json = try jsonRows(growth(space, arguments + ["--format", "json"]))
      #expect(document.elements["rect", default: 0] >= json.rows.count)
      for row in json.rows {
        let label = chineseLabel(try #require(row["period"] as? String))
        let total = try #require(row["total"] as? Int)
        // The tooltips carry the period's label, the legend's words and the value.
        let ofPeriod = titles.filter { $0.hasPrefix(label + " ") }
        if arguments.contains("kind") {
          // Stacked by kind: one tooltip per kind, adding up to the period's total.
          #expect(ofPeriod.compactMap(trailingNumber).reduce(0, +) == total, "\(label) \(total): \(titles)")
        } else {
          // Every bar carries its period and total, also where labels are thinned out.
          #expect(
            ofPeriod.contains { $0.contains("期末总数") && trailingNumber($0) == total }, "\(label) \(total): \(titles)")
        }
        if visibleLabels {
          #expect(texts.contains(label), "\(arguments): no label \(label)")
          #expect(texts.contains(String(total)), "\(arguments): no value \(total)")
        }
      }
    }
    // An empty range still gives a well-formed picture that says so.
    let empty = Workspace()
    try empty.initRegistry()
    let result = try empty.run(
      ["report", "growth", "--format", "svg", "--db", empty.registry], environment: fixedToday)
    #expect(result.status == 0, "\(result)")
    #expect(XMLTexts.parse(Data(result.stdout.utf8)) != nil, "\(result.stdout)")
  }

  @Test("svg in English: the same chart, with no Chinese but the names of the place, kinds and groups")
  func svgInEnglish() throws {
    let space = try demoSpace()
    // The names the registry holds, which no language changes.
    let listed = try space.run(["list", "--all", "--format", "json", "--db", space.registry], environment: fixedToday)
    let units = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    let groups = try space.run(["group", "list", "--format", "json", "--db", space.registry], environment: fixedToday)
    let groupList = try #require(try JSONSerialization.jsonObject(with: Data(groups.stdout.utf8)) as? [[String: Any]])
    let names =
      ["欧阳路街道", "虹口区"] + units.compactMap { $0["kind"] as? String } + units.compactMap { $0["name"] as? String }
      + groupList.compactMap { $0["name"] as? String }
    for arguments in [
      ["--from", "2016", "--to", "2019"], ["--from", "2015", "--to", "2019", "--by", "kind"],
      ["--from", "2016", "--to", "2019", "--by", "group"], ["--from", "2018", "--to", "2019", "--period", "quarter"],
    ] {
      let output = try growth(space, arguments + ["--format", "svg", "--lang", "en"])
      let document = try #require(XMLTexts.parse(Data(output.utf8)), "not well-formed XML: \(output.prefix(400))")
      var words = ((document.texts["text"] ?? []) + (document.texts["title"] ?? [])).joined(separator: "\n")
      for name in names.sorted(by: { $0.count > $1.count }) {
        words = words.replacingOccurrences(of: name, with: "")
      }
      #expect(!hasChinese(words), "\(arguments): Chinese in the English chart: \(words)")
      // The tooltips carry each period's label, as the JSON gives it, and its total.
      let titles = document.texts["title"] ?? []
      let json = try jsonRows(growth(space, arguments + ["--format", "json"]))
      for row in json.rows where !arguments.contains("kind") {
        let label = try #require(row["period"] as? String)
        let total = try #require(row["total"] as? Int)
        #expect(
          titles.contains { $0.hasPrefix(label + " ") && trailingNumber($0) == total }, "\(label) \(total): \(titles)")
      }
    }
  }

  @Test("html: one self-contained page with the SVG chart, the summary and the table of every total")
  func html() throws {
    let space = try demoSpace()
    let output = try growth(space, "--from", "2016", "--to", "2019", "--format", "html")
    #expect(output.hasPrefix("<!DOCTYPE html>"))
    #expect(output.contains("<meta charset=\"utf-8\">"))
    #expect(hasDemoSummary(output), "\(output.prefix(2000))")
    let svgStart = try #require(output.range(of: "<svg"))
    let svgEnd = try #require(output.range(of: "</svg>"))
    let svg = String(output[svgStart.lowerBound..<svgEnd.upperBound])
    let chart = try #require(XMLTexts.parse(Data(svg.utf8)), "the inline SVG is not well-formed")
    #expect((chart.texts["text"] ?? []).contains("43"))
    let tableStart = try #require(output.range(of: "<table>"))
    let table = String(output[tableStart.lowerBound...])
    for (label, total) in [("2016", 29), ("2017", 34), ("2018", 37), ("2019", 43)] {
      #expect(table.contains("<tr><td>\(label)</td>"), "\(label)")
      #expect(table.contains("<td class=\"number\">\(total)</td>"), "\(total)")
    }
    #expect(!output.contains("<script src") && !output.contains("<link "), "the page must not load anything")
  }

  @Test("-o FILE takes the format from the extension and writes nothing to stdout")
  func outputFile() throws {
    let space = try demoSpace()
    for (name, check) in [
      ("growth.svg", { (text: String) in XMLTexts.parse(Data(text.utf8)) != nil && text.contains("<svg") }),
      ("growth.html", { (text: String) in text.hasPrefix("<!DOCTYPE html>") && text.contains("<table>") }),
      ("growth.json", { (text: String) in (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil }),
      // A CSV file starts with the byte-order mark Excel needs to read Chinese.
      ("growth.csv", { (text: String) in text.hasPrefix("\u{FEFF}period,joined,left,net,total,change_pct\r\n") }),
      ("growth.txt", { (text: String) in hasDemoSummary(text) && text.contains("─") }),
    ] as [(String, (String) -> Bool)] {
      let result = try space.run(
        ["report", "growth", "--from", "2016", "--to", "2019", "-o", space.file(name), "--db", space.registry],
        environment: fixedToday)
      #expect(result.status == 0, "\(result)")
      #expect(result.stdout.isEmpty, "\(name): \(result)")
      let text = String(decoding: space.bytes(name) ?? Data(), as: UTF8.self)
      #expect(check(text), "\(name): \(text.prefix(300))")
    }
    // An extension that names no format is a usage error, and nothing is written.
    let unknown = try space.run(
      ["report", "growth", "-o", space.file("growth.pdf"), "--db", space.registry], environment: fixedToday)
    #expect(unknown.status == 64, "\(unknown)")
    #expect(!space.exists("growth.pdf"))
    // --format wins over the extension.
    let explicit = try space.run(
      [
        "report", "growth", "--from", "2016", "--to", "2019", "--format", "json", "-o", space.file("x.svg"), "--db",
        space.registry,
      ], environment: fixedToday)
    #expect(explicit.status == 0, "\(explicit)")
    #expect(String(decoding: space.bytes("x.svg") ?? Data(), as: UTF8.self).hasPrefix("{"))
    // The registry itself is never overwritten.
    let before = try space.dump()
    let onRegistry = try space.run(
      ["report", "growth", "--format", "csv", "-o", space.registry, "--db", space.registry], environment: fixedToday)
    #expect(onRegistry.status != 0)
    #expect(try space.dump() == before)
  }

  @Test("exit statuses: 64 for --from after --to and other misuse, 66 for a missing registry")
  func exitStatuses() throws {
    let space = try demoSpace()
    let reversed = try space.run(
      ["report", "growth", "--from", "2019", "--to", "2016", "--db", space.registry], environment: fixedToday)
    #expect(reversed.status == 64, "\(reversed)")
    #expect(reversed.stderr.contains("2019") && reversed.stderr.contains("2016"))
    #expect(reversed.stdout.isEmpty)
    let future = try space.run(
      ["report", "growth", "--to", "2027", "--db", space.registry], environment: fixedToday)
    #expect(future.status == 64, "\(future)")
    let period = try space.run(
      ["report", "growth", "--period", "decade", "--db", space.registry], environment: fixedToday)
    #expect(period.status == 64, "\(period)")
    let format = try space.run(
      ["report", "growth", "--format", "pdf", "--db", space.registry], environment: fixedToday)
    #expect(format.status == 64, "\(format)")
    let group = try space.run(
      ["report", "growth", "--group", "不存在的专项组", "--db", space.registry], environment: fixedToday)
    #expect(group.status == 1, "\(group)")

    let missing = space.file("missing.sqlite")
    let noRegistry = try space.run(["report", "growth", "--db", missing], environment: fixedToday)
    #expect(noRegistry.status == 66, "\(noRegistry)")
    #expect(noRegistry.stderr.contains(missing) && noRegistry.stderr.contains("gongjian init"))
    #expect(!space.exists(missing), "a report must never create a registry")
  }
}
