import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct FollowupUpdate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "update", abstract: help(.followupUpdateAbstract), discussion: help(.followupUpdateDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.followupUpdateFollowup, value: .valueFollowup))
  var followup: String

  @Option(help: help(.followupUpdateStatus, value: .valueStatus))
  var status: FollowupStatus

  @Option(help: help(.followupUpdateOn, value: .valueDate))
  var on: String?

  @Option(help: help(.followupUpdateNote, value: .valueText))
  var note: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.optionalDay(on, option: "--on", field: .reportedOn, today: registry.today)
    let id = try registry.resolveFollowup(followup).id
    let result = try Arguments.naming([.reportedOn: "--on", .reportNote: "--note"]) {
      try registry.updateFollowup(id, status: status, on: day, note: note)
    }
    Terminal.say(Interface.texts.followupReported(result))
  }
}
