import ArgumentParser
import GongjianRegistry

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the registry: integrity, foreign keys, schema version, migration checksums.",
    discussion: "Changes nothing. Exit status 0 when healthy (warnings allowed), 65 when a problem was found."
  )

  @OptionGroup var registry: RegistryOptions

  func run() throws {
    // `check` has no use for --today, but a bad one is refused as by every other command.
    _ = try registry.today()
    let report = try Registry.check(at: registry.location())
    print("Registry \(report.path)")
    let width = report.items.map { DisplayWidth.of($0.name) }.max() ?? 0
    for item in report.items {
      let mark: String
      switch item.severity {
      case .ok: mark = "ok     "
      case .warning: mark = "warning"
      case .problem: mark = "PROBLEM"
      }
      print("  \(mark)  \(DisplayWidth.pad(item.name, to: width))  \(item.detail)")
    }
    for difference in report.schemaDifferences {
      let (kind, name) = difference.object
      let what: String
      switch difference {
      case .missing: what = "missing \(kind.rawValue) \(name) (the migrations create it)"
      case .unexpected: what = "unexpected \(kind.rawValue) \(name) (not made by gongjian: another tool added it)"
      case .altered: what = "\(kind.rawValue) \(name) differs from the one the migrations create"
      }
      print("  PROBLEM  \(DisplayWidth.pad("schema", to: width))  \(what)")
    }
    if report.isHealthy {
      print("No problems found.")
    } else {
      let count = report.problemCount
      throw RegistryError(
        .invalidData,
        "\(count) problem(s) found in \(report.path).\nRestore a backup (gongjian backup makes one), or fix the rows named above."
      )
    }
  }
}
