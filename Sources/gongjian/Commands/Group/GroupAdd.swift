import ArgumentParser
import GongjianRegistry

struct GroupAdd: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a working group.")

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("The group's name.", valueName: "name"))
  var name: String

  @Option(help: ArgumentHelp("What the group does.", valueName: "text"))
  var description: String?

  @Option(help: ArgumentHelp("The day it was founded.", valueName: "date"))
  var established: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.optionalDay(established, option: "--established", today: registry.today)
    let group = try Arguments.naming([.groups: "NAME", .joinedOn: "--established", .note: "--description"]) {
      try registry.addGroup(NewGroup(name: name, description: description, establishedOn: day))
    }
    print("Added the working group #\(group.id) \(group.name)\(day.map { ", founded \($0)" } ?? "").")
  }
}
