import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct GroupAdd: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "add", abstract: help(.groupAddAbstract))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.groupAddName, value: .valueName))
  var name: String

  @Option(help: help(.groupAddDescription, value: .valueText))
  var description: String?

  @Option(help: help(.groupAddEstablished, value: .valueDate))
  var established: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.optionalDay(
      established, option: "--established", field: .establishedOn, today: registry.today)
    let group = try Arguments.naming(
      [.groupName: "NAME", .establishedOn: "--established", .groupDescription: "--description"]
    ) {
      try registry.addGroup(NewGroup(name: name, description: description, establishedOn: day))
    }
    Terminal.say(Interface.texts.groupAdded(group, establishedOn: day))
  }
}
