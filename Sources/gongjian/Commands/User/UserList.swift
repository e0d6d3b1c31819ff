import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct UserList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: help(.userListAbstract))

  @OptionGroup var registry: RegistryOptions
  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let accounts = try registry.accounts()
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    let writer = output.writer(ListingColumns.accounts, to: sink, format: format)
    accounts.forEach(writer.add)
    writer.finish(footer: Interface.texts.accountCount(accounts.count))
    try sink.finish()
  }
}
