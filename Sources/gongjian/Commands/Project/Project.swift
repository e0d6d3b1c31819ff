import ArgumentParser
import GongjianPresentation

struct ProjectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "project", abstract: help(.projectAbstract),
    subcommands: [
      ProjectAdd.self, ProjectList.self, ProjectShow.self, ProjectClaim.self, ProjectStart.self, ProjectFinish.self,
      ProjectDrop.self, ProjectImport.self,
    ])
}
