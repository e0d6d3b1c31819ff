import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct MeetingDecide: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decide", abstract: help(.meetingDecideAbstract), discussion: help(.meetingDecideDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.meetingShowMeeting, value: .valueMeeting))
  var meeting: String

  @Argument(help: help(.meetingDecideText, value: .valueText))
  var text: String

  @Option(help: help(.meetingDecideKind, value: .valueDecisionKind))
  var kind: DecisionKind = .other

  func run() throws {
    let registry = try self.registry.open(.write)
    let meetingID = try registry.resolveMeeting(meeting).id
    let decision = try Arguments.naming([.decisionText: "TEXT"]) {
      try registry.decide(meeting: meetingID, text: text, kind: kind)
    }
    Terminal.say(Interface.texts.decisionRecorded(decision, kind: kind))
  }
}
