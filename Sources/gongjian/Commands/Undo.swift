import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Undo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo", abstract: help(.undoAbstract), discussion: help(.undoDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Flag(help: ArgumentHelp(help(.undoYes)))
  var yes = false

  func run() throws {
    let registry = try self.registry.open(yes ? .write : .read)
    guard yes else {
      Terminal.say(Interface.texts.undoPreview(try registry.undoPlan()))
      throw ExitCode(1)
    }
    Terminal.say(Interface.texts.undone(try registry.undo()))
  }
}
