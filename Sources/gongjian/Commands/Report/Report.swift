import ArgumentParser

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Reports for the joint meeting.",
    subcommands: [ReportGrowth.self]
  )
}
