import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct NeedClaim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "claim", abstract: help(.needClaimAbstract), discussion: help(.needClaimDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.needArgument, value: .valueNeed))
  var need: String

  @Argument(help: help(.needClaimUnit, value: .valueUnit))
  var unit: String?

  @Option(help: help(.needClaimResource, value: .valueResource))
  var resource: String?

  @Option(help: help(.needClaimOn, value: .valueDate))
  var on: String?

  func run() throws {
    guard (unit == nil) != (resource == nil) else { throw ListUsageMistake.claimNeedsUnitOrResource }
    let registry = try self.registry.open(.write)
    let day = try Arguments.optionalDay(on, option: "--on", field: .claimedOn, today: registry.today) ?? registry.today
    let needID = NeedID(try registry.resolveNeed(need).id)
    let claim: Claim
    if let resource {
      let resourceID = ResourceID(try registry.resolveResource(resource).id)
      claim = try Arguments.naming(Arguments.listOptions) {
        try registry.claimResource(needID, resource: resourceID, on: day)
      }
    } else {
      let unitID = try registry.resolveUnit(unit ?? "").id
      claim = try Arguments.naming(Arguments.listOptions) { try registry.claimNeed(needID, unit: unitID, on: day) }
    }
    Terminal.say(Interface.texts.claimed(claim))
  }
}
