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
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    if let days = expiringWithin {
      let rows = try registry.expiringAgreements(within: days)
      let writer = output.writer(ListingColumns.expiringAgreements, to: sink, format: format)
      rows.forEach(writer.add)
      writer.finish(footer: Interface.texts.agreementCount(rows.count))
    } else {
      let rows = try registry.agreementList(unit: unit.map { try registry.resolveUnit($0).id })
      let writer = output.writer(ListingColumns.agreements, to: sink, format: format)
      rows.forEach(writer.add)
      writer.finish(footer: Interface.texts.agreementCount(rows.count))
    }
    try sink.finish()
  }
}
