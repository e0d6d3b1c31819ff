import Foundation
import Testing

@testable import gongjian

// `list` and `--version` are read before the argument parser when their arguments are a shape
// the start-up reads completely; everything else goes to the parser. Both ways must give the
// same bytes, files and exit status: each case runs the built binary twice, once as it is and
// once with `GONGJIAN_FULL_PARSER=1` (every argument through the parser), and compares.

private let onDay = ["GONGJIAN_TODAY": "2019-12-31"]

/// A registry with units in and out of the alliance, in two groups, of two kinds.
private func registry() throws -> Workspace {
  let space = Workspace()
  let steps: [[String]] = [
    ["init", "--subdistrict", "欧阳路街道", "--district", "虹口区"],
    ["group", "add", "志愿服务专项组", "--established", "2015-01-01"],
    ["group", "add", "组织共建专项组", "--established", "2015-01-01"],
    ["register", "虹口区司法局", "--joined", "2015-06-30", "--group", "志愿服务专项组", "--kind", "机关"],
    ["register", "复旦大学外文学院", "--joined", "2019-06-27", "--group", "组织共建专项组", "--group", "志愿服务专项组"],
    ["register", "浦发银行虹口支行", "--joined", "2019-06-27", "--kind", "国有企业"],
    ["register", "上海四达电器", "--joined", "2015-06-30", "--kind", "非公企业"],
    ["withdraw", "上海四达电器", "--on", "2016-08-31"],
    ["register", "=HYPERLINK(\"x\"),\"逗号\"", "--joined", "2018-03-01"],
  ]
  for step in steps {
    let result = try space.run(step + ["--db", space.registry], environment: onDay)
    try #require(result.status == 0, "\(step): \(result)")
  }
  return space
}

/// Runs `arguments` both ways and expects the same output, files and status.
private func sameBothWays(
  _ space: Workspace, _ arguments: [String], files: [String] = [], environment: [String: String] = onDay,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  var outcomes: [(CommandResult, [Data?])] = []
  for full in [false, true] {
    var variables = environment
    if full { variables["GONGJIAN_FULL_PARSER"] = "1" }
    let result = try space.run(arguments, environment: variables)
    let written = files.map { space.bytes($0) }
    for file in files { try? FileManager.default.removeItem(atPath: space.file(file)) }
    outcomes.append((result, written))
  }
  let (quick, full) = (outcomes[0], outcomes[1])
  #expect(
    quick.0.status == full.0.status, "\(arguments)\nquick: \(quick.0)\nfull: \(full.0)", sourceLocation: sourceLocation)
  #expect(quick.0.signalled == full.0.signalled, "\(arguments)", sourceLocation: sourceLocation)
  #expect(
    quick.0.stdout == full.0.stdout, "\(arguments)\nquick: \(quick.0)\nfull: \(full.0)", sourceLocation: sourceLocation)
  #expect(
    quick.0.stderr == full.0.stderr, "\(arguments)\nquick: \(quick.0)\nfull: \(full.0)", sourceLocation: sourceLocation)
  #expect(quick.1 == full.1, "\(arguments): the files written differ", sourceLocation: sourceLocation)
}

@Suite struct QuickStartTests {
  /// `list` with its options, alone and together, in every format, good and bad values.
  @Test func listGivesTheSameBytesAndStatusEitherWay() throws {
    let space = try registry()
    let db = ["--db", space.registry]
    let shapes: [[String]] = [
      [], ["--all"], ["--format", "csv"], ["--format=json"], ["--format", "table"], ["--format", "html"],
      ["--format", "csv", "--bom"], ["--format", "csv", "--no-bom"], ["--format", "json", "--bom"],
      ["--format", "xlsx"], ["--format", "yaml"], ["--format"], ["--format="], ["--format", "--all"],
      ["--active-on", "2016-01-01"], ["--active-on", "2016-02-30"], ["--active-on", "yesterday"],
      ["--active-on=2015-07-01", "--format", "csv"], ["--active-in", "2016"], ["--active-in", "２０１６年"],
      ["--active-in", "1800"], ["--active-in", "20x6"], ["--active-in", "-2016"], ["--active-in", "2016", "--all"],
      ["--active-on", "2016-01-01", "--active-in", "2016"], ["--joined-in", "2019", "--format", "json"],
      ["--left-in", "2016", "--all"], ["--left-in", "2016", "--joined-in", "2015", "--format", "csv"],
      ["--group", "志愿服务专项组"], ["--group", "志愿服务专项组", "--format", "json"], ["--group", "没有这个组"],
      ["--group", "志愿服务专项组", "--all", "--format", "csv"], ["--kind", "机关"], ["--kind", "非公企业", "--all"],
      ["--kind", "不是类别", "--format", "csv"], ["--all", "--all"], ["--all=yes"], ["--bom"], ["--bom", "--no-bom"],
      ["--format", "csv", "--format", "json"], ["--today", "2016-01-01"], ["--today", "2016-13-01"],
      ["--today", ""], ["--today=", "--format", "csv"], ["--db"], ["--help"], ["-h"], ["--version"],
      ["extra"], ["--", "--all"], ["--unknown"], ["-x"], ["-o"], ["--output"], ["help"], ["--all", "help"],
      ["--format", "csv", "--lang", "zh"], ["--lang=en", "--format", "json"], ["——format", "csv"],
      ["－－all", "--format", "json"], ["--format", "CSV"], ["--kind", "help"], ["--group", "list"],
    ]
    for (index, shape) in shapes.enumerated() {
      try sameBothWays(space, ["list"] + shape + db)
      // The registry's option first, for every fourth shape.
      if index % 4 == 0 { try sameBothWays(space, ["list"] + db + shape) }
    }
    // Languages and terminal width from the environment, and no registry at all.
    try sameBothWays(
      space, ["list", "--format", "csv"] + db, environment: onDay.merging(["GONGJIAN_LANG": "zh"]) { $1 })
    try sameBothWays(space, ["list"] + db, environment: onDay.merging(["GONGJIAN_LANG": "xx"]) { $1 })
    try sameBothWays(space, ["list"] + db, environment: onDay.merging(["COLUMNS": "40"]) { $1 })
    try sameBothWays(space, ["list", "--db", space.file("none.sqlite")])
    try sameBothWays(space, ["list", "--db", space.path])
    try sameBothWays(space, ["list"], environment: onDay.merging(["GONGJIAN_DB": space.registry]) { $1 })
    try sameBothWays(space, ["list", "--db", space.registry, "--db", space.registry])
    try sameBothWays(space, ["list", "--db=" + space.registry, "--today", "2019-12-31"])
  }

  /// Output files: the same bytes either way, and the same refusals.
  @Test func listFilesAreTheSameEitherWay() throws {
    let space = try registry()
    let db = ["--db", space.registry]
    for (name, extra) in [
      ("out.csv", []), ("out.json", []), ("out.html", []), ("out.txt", ["--all"]), ("out.csv", ["--no-bom"]),
      ("out.json", ["--format", "csv"]),
    ] as [(String, [String])] {
      try sameBothWays(space, ["list", "-o", name] + extra + db, files: [name])
      try sameBothWays(space, ["list", "--output=" + name] + extra + db, files: [name])
    }
    try sameBothWays(space, ["list", "-o", "out.xls"] + db, files: ["out.xls"])
    try sameBothWays(space, ["list", "-o", "missing/out.csv"] + db)
    try sameBothWays(space, ["list", "-o", space.registry] + db)
    try sameBothWays(space, ["list", "-o", "a.csv", "--output", "b.csv"] + db, files: ["a.csv", "b.csv"])
    let workbook = try space.run(["list", "-o", "out.xlsx"] + db, environment: onDay)
    #expect(workbook.status == 0, "\(workbook)")
    #expect(space.bytes("out.xlsx")?.prefix(2) == Data("PK".utf8))
  }

  @Test func versionIsTheSameEitherWay() throws {
    let space = Workspace()
    for shape in [["--version"], ["--version", "--version"], ["--version", "list"], ["list", "--version"]] {
      try sameBothWays(space, shape)
    }
  }

  /// What the start-up reads itself, and what it leaves to the parser.
  @Test func onlyShapesReadCompletelyAreTaken() {
    func read(_ arguments: [String], _ environment: [String: String] = [:]) -> QuickStart.Request? {
      QuickStart.read(arguments, environment: environment)
    }
    guard case .list(let request) = read(["list", "--db", "r.sqlite", "--format=csv", "--active-in", "2016年", "--bom"])
    else {
      Issue.record("list was not read")
      return
    }
    #expect(request.registry.databasePath == "r.sqlite")
    #expect(request.output.format == .csv && request.output.bom == true)
    #expect(request.activeIn?.value == 2016)
    if case .version = read(["--version"]) {} else { Issue.record("--version was not read") }
    for parsed in [
      ["list", "--help"], ["list", "--all", "--all"], ["list", "--bom", "--no-bom"],
      ["list", "-o", "a", "--output", "b"],
      ["list", "--db"], ["list", "--db", ""], ["list", "--db", "-x"], ["list", "--format", "yaml"],
      ["list", "--active-in", "20x6"], ["list", "extra"], ["list", "--"], ["--version", "list"], ["show", "x"], [],
    ] {
      #expect(read(parsed) == nil, "\(parsed)")
    }
    #expect(read(["list"], ["GONGJIAN_FULL_PARSER": "1"]) == nil)
  }
}
