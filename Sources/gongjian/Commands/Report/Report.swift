import ArgumentParser

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Reports for the joint meeting.",
    subcommands: [ReportGrowth.self]
  )
}
