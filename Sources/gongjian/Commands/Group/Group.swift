import ArgumentParser

struct Group: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "group",
    abstract: "Working groups (专项组): add, list, show, join, leave.",
    subcommands: [GroupAdd.self, GroupList.self, GroupShow.self, GroupJoin.self, GroupLeave.self]
  )
}
