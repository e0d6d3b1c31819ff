import ArgumentParser
import GongjianPresentation

struct Followup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "followup", abstract: help(.followupAbstract),
    subcommands: [FollowupAdd.self, FollowupList.self, FollowupUpdate.self])
}
