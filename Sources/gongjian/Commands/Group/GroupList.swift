import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct GroupList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: help(.groupListAbstract))

  @OptionGroup var registry: RegistryOptions
  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let groups = try registry.groups()
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    let writer = output.writer(ListingColumns.groups, to: sink, format: format)
    groups.forEach(writer.add)
    writer.finish()
    try sink.finish()
  }
}
