import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ProjectAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: help(.projectAddAbstract), discussion: help(.projectAddDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.projectTitle, value: .valueTitle))
  var title: String

  @Option(help: help(.projectCategory, value: .valueCategory))
  var category: String?

  @Option(help: help(.projectLevel, value: .valueLevel))
  var level: String?

  @Option(name: .customLong("need"), help: help(.projectNeed, value: .valueNeed))
  var needs: [String] = []

  @Option(name: .customLong("resource"), help: help(.projectResource, value: .valueResource))
  var resources: [String] = []

  @Option(help: help(.projectLead, value: .valueUnit))
  var lead: String?

  @Option(name: .customLong("unit"), help: help(.projectUnit, value: .valueUnit))
  var units: [String] = []

  @Option(help: help(.projectStart, value: .valueDate))
  var start: String?

  @Option(help: help(.projectEnd, value: .valueDate))
  var end: String?

  @Option(help: help(.projectOn, value: .valueDate))
  var on: String?

  @Option(help: help(.projectDescription, value: .valueText))
  var description: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let today = registry.today
    let input = NewProject(
      title: title, category: category, level: level, description: description,
      needs: try needs.map { NeedID(try registry.resolveNeed($0).id) },
      resources: try resources.map { ResourceID(try registry.resolveResource($0).id) },
      lead: try lead.map { try registry.resolveUnit($0).id }, units: try units.map { try registry.resolveUnit($0).id },
      startOn: try Arguments.optionalDay(start, option: "--start", field: .startOn, today: today),
      endOn: try Arguments.optionalDay(end, option: "--end", field: .endOn, today: today),
      proposedOn: try Arguments.optionalDay(on, option: "--on", field: .proposedOn, today: today))
    let project = try Arguments.naming(Arguments.listOptions) { try registry.addProject(input) }
    Terminal.say(Interface.texts.projectAdded(project))
  }
}
