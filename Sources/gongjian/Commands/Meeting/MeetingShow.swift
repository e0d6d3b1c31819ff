import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct MeetingShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: help(.meetingShowAbstract), discussion: help(.meetingShowDiscussion))

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.meetingShowMeeting, value: .valueMeeting))
  var meeting: String

  @Option(help: help(.meetingShowFormat, value: .valueFormat))
  var format: Format = .table

  func run() throws {
    let registry = try self.registry.open(.read)
    let detail = try registry.meetingDetail(registry.resolveMeeting(meeting).id)
    switch format {
    case .json: print(MeetingSheet.json(detail).prettyText)
    case .table: print(MeetingSheet.render(detail, language: Interface.language), terminator: "")
    }
  }
}
