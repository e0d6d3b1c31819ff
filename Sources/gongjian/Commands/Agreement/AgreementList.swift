import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct AgreementList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: help(.agreementListAbstract), discussion: help(.agreementListDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Option(name: .customLong("expiring-within"), help: help(.agreementListExpiring, value: .valueDays))
  var expiringWithin: Int?

  @Option(help: help(.agreementListUnit, value: .valueUnit))
  var unit: String?

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    if let days = expiringWithin, !(0...Registry.longestExpiryHorizon).contains(days) {
      throw Refusal.dayCountOutOfRange(days, limit: Registry.longestExpiryHorizon)
    }
    if expiringWithin != nil && unit != nil { throw UsageMistake.expiringWithUnit }
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let count = Interface.texts.agreementCount
    if let days = expiringWithin {
      let rows = try registry.expiringAgreements(within: days)
      try output.write(
        ListingColumns.expiringAgreements, listing: .expiringAgreements(days: days), of: registry, footer: count
      ) { add in rows.forEach(add) }
    } else {
      let rows = try registry.agreementList(unit: unit.map { try registry.resolveUnit($0).id })
      try output.write(ListingColumns.agreements, listing: .agreements, of: registry, footer: count) { add in
        rows.forEach(add)
      }
    }
  }
}
