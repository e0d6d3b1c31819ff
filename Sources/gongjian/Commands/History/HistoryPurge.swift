import ArgumentParser
import GongjianPresentation
import GongjianRegistry

extension PersonalField: ExpressibleByArgument {}

struct HistoryPurge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "purge", abstract: help(.historyPurgeAbstract), discussion: help(.historyPurgeDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.historyPurgeUnit, value: .valueUnit))
  var unit: String

  @Option(name: .customLong("field"), help: help(.historyPurgeField, value: .valueField))
  var fields: [PersonalField] = []

  @Flag(help: ArgumentHelp(help(.historyPurgeYes)))
  var yes = false

  func run() throws {
    guard !fields.isEmpty else { throw UsageMistake.purgeNeedsField }
    let registry = try self.registry.open(yes ? .write : .read)
    let id = try registry.resolveUnit(unit).id
    let chosen = PersonalField.allCases.filter(fields.contains)
    let purge = try registry.purgeHistory(of: id, fields: chosen, dryRun: !yes)
    // Nothing held: nothing to confirm.
    if purge.entries == 0 && !yes {
      Terminal.say(Interface.texts.purgePreview(purge))
      return
    }
    guard yes else {
      Terminal.say(Interface.texts.purgePreview(purge))
      throw ExitCode(1)
    }
    Terminal.say(Interface.texts.purged(purge))
  }
}
