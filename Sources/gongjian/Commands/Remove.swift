import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Remove: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove", abstract: help(.removeAbstract), discussion: help(.removeDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.showUnit, value: .valueUnit))
  var unit: String

  @Flag(help: ArgumentHelp(help(.removeYes)))
  var yes = false

  func run() throws {
    let registry = try self.registry.open(yes ? .write : .read)
    let id = try registry.resolveUnit(unit).id
    guard yes else {
      Terminal.say(Interface.texts.removalPreview(try registry.unitDetail(id)))
      throw ExitCode(1)
    }
    Terminal.say(Interface.texts.removed(try registry.removeUnit(id)))
  }
}
