import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: help(.checkAbstract), discussion: help(.checkDiscussion))

  @OptionGroup var registry: RegistryOptions

  func run() throws {
    // `check` has no use for --today, but a bad one is refused as by every other command.
    _ = try registry.today()
    let report = try Registry.check(at: registry.location())
    let texts = Interface.texts
    Terminal.say(texts.checkHeading(path: report.path))
    let nameWidth = report.items.map { DisplayWidth.of($0.name) }.max() ?? 0
    let markWidth =
      [CheckReport.Severity.ok, .warning, .problem].map { DisplayWidth.of(texts.checkSeverity($0)) }
      .max() ?? 0
    for item in report.items {
      Terminal.say(
        "  \(DisplayWidth.pad(texts.checkSeverity(item.severity), to: markWidth))  "
          + "\(DisplayWidth.pad(item.name, to: nameWidth))  \(item.detail)")
    }
    if report.isHealthy {
      Terminal.say(texts.checkHealthy)
    } else {
      let count = report.items.filter { $0.severity == .problem }.count
      throw RegistryError(.invalidData, texts.checkProblems(count: count, path: report.path))
    }
  }
}
