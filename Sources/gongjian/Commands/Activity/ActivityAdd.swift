import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ActivityAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: help(.activityAddAbstract), discussion: help(.activityAddDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.activityProject, value: .valueProject))
  var project: String

  @Option(help: help(.activityOn, value: .valueDate))
  var on: String

  @Option(name: .customLong("unit"), help: help(.activityUnit, value: .valueUnit))
  var units: [String] = []

  @Option(help: help(.activityVolunteers, value: .valueCount))
  var volunteers: Int?

  @Option(help: help(.activityHours, value: .valueHours))
  var hours: Double?

  @Option(help: help(.activityServed, value: .valueCount))
  var served: Int?

  @Option(help: help(.activityNote, value: .valueText))
  var note: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.day(on, option: "--on", field: .happenedOn, today: registry.today)
    let input = NewActivity(
      project: ProjectID(try registry.resolveProject(project).id), on: day,
      units: try units.map { try registry.resolveUnit($0).id }, volunteers: volunteers, hours: hours, served: served,
      note: note)
    let activity = try Arguments.naming(Arguments.listOptions) { try registry.addActivity(input) }
    Terminal.say(Interface.texts.activityAdded(activity))
  }
}
