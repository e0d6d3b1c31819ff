import ArgumentParser
import GongjianPresentation

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: help(.reportAbstract),
    subcommands: [ReportGrowth.self, ReportMeetingPack.self, ReportProjects.self, ReportUnits.self])
}
