import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: help(.showAbstract), discussion: help(.showDiscussion))

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.showUnit, value: .valueUnit))
  var unit: String

  @Option(help: help(.showFormat, value: .valueFormat))
  var format: Format = .table

  func run() throws {
    let registry = try self.registry.open(.read)
    let detail = try registry.unitDetail(registry.resolveUnit(unit).id)
    switch format {
    case .json: print(UnitJSON.detail(detail).prettyText)
    case .table:
      let sheet = UnitSheet.render(
        detail, language: Interface.language, today: registry.today, maxWidth: Terminal.width())
      print(sheet, terminator: "")
    }
  }
}
