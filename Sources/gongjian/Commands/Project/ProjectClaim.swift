import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ProjectClaim: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "claim", abstract: help(.projectClaimAbstract))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.projectArgument, value: .valueProject))
  var project: String

  @Argument(help: help(.projectClaimUnit, value: .valueUnit))
  var unit: String

  @Option(help: help(.projectClaimOn, value: .valueDate))
  var on: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let day = try Arguments.optionalDay(on, option: "--on", field: .claimedOn, today: registry.today) ?? registry.today
    let projectID = ProjectID(try registry.resolveProject(project).id)
    let unitID = try registry.resolveUnit(unit).id
    let claim = try Arguments.naming(Arguments.listOptions) {
      try registry.claimProject(projectID, unit: unitID, on: day)
    }
    Terminal.say(Interface.texts.claimed(claim))
  }
}
