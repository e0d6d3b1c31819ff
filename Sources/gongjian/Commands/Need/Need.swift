import ArgumentParser
import GongjianPresentation

struct NeedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "need", abstract: help(.needAbstract),
    subcommands: [NeedAdd.self, NeedList.self, NeedShow.self, NeedClaim.self, NeedClose.self, NeedImport.self])
}
