import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ResourceShow: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: help(.resourceShowAbstract))

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.resourceArgument, value: .valueResource))
  var resource: String

  @Option(help: help(.showFormat, value: .valueFormat))
  var format: Show.Format = .table

  func run() throws {
    let registry = try self.registry.open(.read)
    let detail = try registry.resourceDetail(ResourceID(registry.resolveResource(resource).id))
    switch format {
    case .json: print(ListSheet.resourceJSON(detail).prettyText)
    case .table:
      print(ListSheet.resource(detail, today: registry.today, language: Interface.language), terminator: "")
    }
  }
}
