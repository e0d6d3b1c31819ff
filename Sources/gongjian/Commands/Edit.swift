import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: help(.editAbstract), discussion: help(.editDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.showUnit, value: .valueUnit))
  var unit: String

  @Option(help: help(.editName, value: .valueName))
  var name: String?

  @Option(name: .customLong("renamed-on"), help: help(.editRenamedOn, value: .valueDate))
  var renamedOn: String?

  @OptionGroup var details: UnitDetailOptions

  func run() throws {
    if renamedOn != nil && name == nil { throw UsageMistake.renamedOnWithoutName }
    let changes = UnitChanges(name: name, details: details.details)
    guard !changes.isEmpty else { throw UsageMistake.nothingToEdit }
    let registry = try self.registry.open(.write)
    var request = changes
    request.renamedOn = try Arguments.optionalDay(
      renamedOn, option: "--renamed-on", field: .renamedOn, today: registry.today)
    let found = try registry.resolveUnit(unit)
    var options = Arguments.unitOptions
    options[.name] = "--name"
    let edit = try Arguments.naming(options) { try registry.editUnit(found.id, request) }
    Terminal.say(Interface.texts.edited(edit))
  }
}
