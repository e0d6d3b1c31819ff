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
    let findings = report.items.map { (item: $0, words: texts.checkFinding($0.finding)) }
    let schema = texts.checkFinding(.schemaLatest(version: 0)).subject
    let nameWidth = (findings.map { DisplayWidth.of($0.words.subject) } + [DisplayWidth.of(schema)]).max() ?? 0
    let markWidth =
      [CheckReport.Severity.ok, .warning, .problem].map { DisplayWidth.of(texts.checkSeverity($0)) }
      .max() ?? 0
    for (item, words) in findings {
      Terminal.say(
        "  \(DisplayWidth.pad(texts.checkSeverity(item.severity), to: markWidth))  "
          + "\(DisplayWidth.pad(words.subject, to: nameWidth))  \(words.detail)")
    }
    for difference in report.schemaDifferences {
      Terminal.say(
        "  \(DisplayWidth.pad(texts.checkSeverity(.problem), to: markWidth))  "
          + "\(DisplayWidth.pad(schema, to: nameWidth))  \(texts.schemaDifference(difference))")
    }
    if report.isHealthy {
      Terminal.say(texts.checkHealthy)
    } else {
      let count = report.problemCount
      throw Refusal.registryDamaged(path: report.path, problems: count)
    }
  }
}
