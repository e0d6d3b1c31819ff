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

  @Option(help: help(.editJoined, value: .valueDate))
  var joined: String?

  @Option(help: help(.editLeft, value: .valueDate))
  var left: String?

  @Option(help: help(.editPeriod, value: .valueIndex))
  var period: Int?

  func run() throws {
    if joined != nil || left != nil {
      guard UnitChanges(name: name, details: details.details).isEmpty, renamedOn == nil else {
        throw UsageMistake.correctionWithDetails
      }
      try correct()
      return
    }
    if period != nil { throw UsageMistake.periodWithoutDate }
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

  /// `--joined` and `--left`: a correction of a period's dates, not a withdrawal.
  func correct() throws {
    let registry = try self.registry.open(.write)
    let joinedOn = try Arguments.optionalDay(joined, option: "--joined", field: .joinedOn, today: registry.today)
    let leftOn = try Arguments.optionalDay(left, option: "--left", field: .leftOn, today: registry.today)
    let id = try registry.resolveUnit(unit).id
    let correction = try Arguments.naming([.joinedOn: "--joined", .leftOn: "--left"]) {
      try registry.correctPeriod(id, period: period, joinedOn: joinedOn, leftOn: leftOn)
    }
    Terminal.say(Interface.texts.corrected(correction))
  }
}
