import ArgumentParser
import GongjianPresentation
import GongjianRegistry

/// `--by` names the unit that raised the topic here, so the person the history records comes
/// from `$GONGJIAN_USER` or the login, as for every command without `--by`.
struct MeetingTopic: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "topic", abstract: help(.meetingTopicAbstract), discussion: help(.meetingTopicDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.meetingShowMeeting, value: .valueMeeting))
  var meeting: String

  @Argument(help: help(.meetingTopicText, value: .valueText))
  var text: String

  @Option(name: .customLong("by"), help: help(.meetingTopicBy, value: .valueUnit))
  var unit: String?

  @Option(help: help(.meetingTopicOn, value: .valueDate))
  var on: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.optionalDay(on, option: "--on", field: .raisedOn, today: registry.today)
    let meetingID = try registry.resolveMeeting(meeting).id
    let unitID = try unit.map { try registry.resolveUnit($0).id }
    let result = try Arguments.naming([.topicText: "TEXT", .raisedOn: "--on"]) {
      try registry.addTopic(meeting: meetingID, text: text, by: unitID, raisedOn: day)
    }
    Terminal.say(Interface.texts.topicRecorded(result))
    if result.topic.daysLate != nil { Terminal.printNote(Interface.texts.topicLate(result)) }
  }
}
