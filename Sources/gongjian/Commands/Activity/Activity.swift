import ArgumentParser
import GongjianPresentation

struct ActivityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "activity", abstract: help(.activityAbstract),
    subcommands: [ActivityAdd.self, ActivityList.self, ActivityImport.self])
}
