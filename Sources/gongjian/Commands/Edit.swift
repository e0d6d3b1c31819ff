import ArgumentParser
import GongjianRegistry

struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Change a unit's details; a rename keeps the former name findable.",
    discussion: "An empty value clears a field, e.g. --phone \"\"."
  )

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("The unit: id, name or part of the name.", valueName: "unit"))
  var unit: String

  @Option(help: ArgumentHelp("The unit's new name.", valueName: "name"))
  var name: String?

  @Option(
    name: .customLong("renamed-on"),
    help: ArgumentHelp("When the rename took effect (default: today).", valueName: "date"))
  var renamedOn: String?

  @OptionGroup var details: UnitDetailOptions

  func run() throws {
    let registry = try self.registry.open(.write)
    if renamedOn != nil && name == nil {
      throw ValidationError("--renamed-on goes with --name")
    }
    let changes = UnitChanges(
      name: name, renamedOn: try Arguments.optionalDay(renamedOn, option: "--renamed-on", today: registry.today),
      details: details.details)
    guard !changes.isEmpty else {
      throw ValidationError(
        "nothing to change: give --name, --kind, --party-org, --contact, --phone, --address or --note")
    }
    let found = try registry.findUnit(unit)
    var options = Arguments.unitOptions
    options[.name] = "--name"
    let changed = try Arguments.naming(options) { try registry.editUnit(found.id, changes) }
    if changed.isEmpty {
      print("#\(found.id) \(found.name): nothing changed (the values were already so).")
      return
    }
    print("Edited #\(found.id) \(changed.first { $0.field == "name" }?.new ?? found.name):")
    for change in changed {
      print("  \(change.field): \(change.old ?? "(empty)") → \(change.new ?? "(empty)")")
    }
  }
}
