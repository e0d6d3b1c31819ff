import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Backup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup", abstract: help(.backupAbstract), discussion: help(.backupDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.backupDestination, value: .valuePath))
  var destination: String

  @Flag(help: ArgumentHelp(help(.backupForce)))
  var force = false

  func run() throws {
    let result: BackupResult
    do {
      result = try registry.open(.read).backup(to: destination, force: force)
    } catch OutputProblem.alreadyExists(let path) where !force {
      throw UsageMistake.backupExists(path)
    }
    Terminal.say(Interface.texts.backedUp(units: result.units, path: result.path, bytes: result.bytes))
  }
}
