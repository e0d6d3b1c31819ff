import ArgumentParser
import GongjianPresentation

struct Group: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "group", abstract: help(.groupAbstract),
    subcommands: [GroupAdd.self, GroupList.self, GroupShow.self, GroupJoin.self, GroupLeave.self])
}
