import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct GroupShow: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: help(.groupShowAbstract))

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.groupShowGroup, value: .valueGroup))
  var group: String

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let detail = try registry.groupDetail(registry.resolveGroup(group).id)
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    switch format {
    case .table:
      sink.write(
        UnitSheet.group(detail, language: Interface.language, color: sink.isTerminal && Terminal.colorAllowed()))
    case .csv:
      let writer = output.writer(ListingColumns.groupMemberships, to: sink, format: .csv)
      detail.memberships.forEach(writer.add)
      writer.finish()
    case .json:
      // The group's own columns, then its memberships: one object.
      var pairs = jsonPairs(ListingColumns.groups, detail.group)
      pairs.append(("memberships", .array(detail.memberships.map { jsonObject(ListingColumns.groupMemberships, $0) })))
      let group = JSONValue.object(JSONValue.KeyValuePairs(pairs))
      sink.write(group.prettyText + "\n")
    }
    try sink.finish()
  }
}
