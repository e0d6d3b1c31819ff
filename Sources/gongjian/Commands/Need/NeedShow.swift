import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct NeedShow: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: help(.needShowAbstract))

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.needArgument, value: .valueNeed))
  var need: String

  @Option(help: help(.showFormat, value: .valueFormat))
  var format: Show.Format = .table

  func run() throws {
    let registry = try self.registry.open(.read)
    let detail = try registry.needDetail(NeedID(registry.resolveNeed(need).id))
    switch format {
    case .json: print(ListSheet.needJSON(detail).prettyText)
    case .table: print(ListSheet.need(detail, language: Interface.language), terminator: "")
    }
  }
}
