import ArgumentParser
import GongjianPresentation
import GongjianRegistry

/// `gongjian user`: the accounts of the browser view.
struct User: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user", abstract: help(.userAbstract), subcommands: [UserAdd.self, UserList.self, UserRemove.self])
}

extension AccountRole: ExpressibleByArgument {}
