import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct MeetingAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: help(.meetingAddAbstract), discussion: help(.meetingAddDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.meetingAddTitle, value: .valueMeetingTitle))
  var title: String

  @Option(help: help(.meetingAddOn, value: .valueDate))
  var on: String

  @Option(help: help(.meetingAddPlace, value: .valueText))
  var place: String?

  @Option(help: help(.meetingAddChair, value: .valuePerson))
  var chair: String?

  @Option(help: help(.meetingAddRecorder, value: .valuePerson))
  var recorder: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.day(on, option: "--on", field: .heldOn, today: registry.today)
    let meeting = try Arguments.naming(
      [.meetingTitle: "TITLE", .place: "--place", .chair: "--chair", .recorder: "--recorder"]
    ) {
      try registry.addMeeting(NewMeeting(title: title, heldOn: day, place: place, chair: chair, recorder: recorder))
    }
    Terminal.say(Interface.texts.meetingAdded(meeting))
  }
}
