import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ResourceEdit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: help(.resourceEditAbstract), discussion: help(.editDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.resourceArgument, value: .valueResource))
  var resource: String

  @Option(help: help(.resourceEditTitle, value: .valueTitle))
  var title: String?

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
    if [title, category, capacity, from, until, contact, description].allSatisfy({ $0 == nil }) {
      throw ListUsageMistake.nothingToEdit
    }
    let registry = try self.registry.open(.write)
    let today = registry.today
    let changes = ResourceChanges(
      title: title, category: category, capacity: capacity, contact: contact, description: description,
      availableFrom: try Arguments.optionalDay(from, option: "--from", field: .availableFrom, today: today),
      availableUntil: try Arguments.optionalDay(until, option: "--until", field: .availableUntil, today: today))
    let id = ResourceID(try registry.resolveResource(resource).id)
    var options = Arguments.listOptions
    options[.title] = "--title"
    let edit = try Arguments.naming(options) { try registry.editResource(id, changes) }
    Terminal.say(Interface.texts.resourceEdited(edit))
  }
}
