import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ResourceAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: help(.resourceAddAbstract), discussion: help(.resourceAddDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.resourceUnit, value: .valueUnit))
  var unit: String

  @Argument(help: help(.resourceTitle, value: .valueTitle))
  var title: String

  @Option(help: help(.resourceCategory, value: .valueCategory))
  var category: String?

  @Option(help: help(.resourceCapacity, value: .valueText))
  var capacity: String?

  @Option(help: help(.resourceFrom, value: .valueDate))
  var from: String?

  @Option(help: help(.resourceUntil, value: .valueDate))
  var until: String?

  @Option(help: help(.resourceContact, value: .valuePerson))
  var contact: String?

  @Option(help: help(.resourceDescription, value: .valueText))
  var description: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let today = registry.today
    let input = NewResource(
      unit: try registry.resolveUnit(unit).id, title: title, category: category, capacity: capacity, contact: contact,
      description: description,
      availableFrom: try Arguments.optionalDay(from, option: "--from", field: .availableFrom, today: today),
      availableUntil: try Arguments.optionalDay(until, option: "--until", field: .availableUntil, today: today))
    let resource = try Arguments.naming(Arguments.listOptions) { try registry.addResource(input) }
    Terminal.say(Interface.texts.resourceAdded(resource))
  }
}
