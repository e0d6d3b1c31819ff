import ArgumentParser
import GongjianPresentation

struct ResourceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resource", abstract: help(.resourceAbstract),
    subcommands: [
      ResourceAdd.self, ResourceList.self, ResourceShow.self, ResourceEdit.self, ResourceWithdraw.self,
      ResourceImport.self,
    ])
}
