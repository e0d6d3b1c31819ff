import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct GroupList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: help(.groupListAbstract))

  @OptionGroup var registry: RegistryOptions
  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let groups = try registry.groups()
    try output.write(ListingColumns.groups, listing: .groups, of: registry, footer: { _ in nil }) { add in
      groups.forEach(add)
    }
  }
}
