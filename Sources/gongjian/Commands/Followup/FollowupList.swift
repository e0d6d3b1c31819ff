import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct FollowupList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: help(.followupListAbstract), discussion: help(.followupListDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Flag(help: ArgumentHelp(help(.followupListOpen)))
  var open = false

  @Option(help: help(.followupListYear, value: .valueYear))
  var year: Year?

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let followups = try registry.followupList(year: try registry.checkedYear(year, option: "--year"), openOnly: open)
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    let writer = output.writer(MeetingColumns.followups, to: sink, format: format)
    followups.forEach(writer.add)
    writer.finish(footer: Interface.texts.followupCount(followups))
    try sink.finish()
  }
}
