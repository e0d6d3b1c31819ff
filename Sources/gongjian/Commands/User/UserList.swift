import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct UserList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: help(.userListAbstract))

  @OptionGroup var registry: RegistryOptions
  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let accounts = try registry.accounts()
    try output.write(ListingColumns.accounts, listing: .accounts, of: registry, footer: Interface.texts.accountCount) {
      add in accounts.forEach(add)
    }
  }
}
