import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct GroupShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: help(.groupShowAbstract), discussion: help(.groupShowDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Argument(help: help(.groupShowGroup, value: .valueGroup))
  var group: String

  @Flag(help: ArgumentHelp(help(.groupShowAll)))
  var all = false

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let detail = try registry.groupDetail(registry.resolveGroup(group).id, includePast: all)
    switch format {
    case .table:
      let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
      sink.write(UnitSheet.group(detail, language: Interface.language, maxWidth: Terminal.width()))
      try sink.finish()
    case .json:
      // The group's own columns, then its roster: one object.
      let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
      var pairs = jsonPairs(ListingColumns.groups, detail.group)
      pairs.append(("memberships", .array(detail.memberships.map { jsonObject(ListingColumns.groupRoster, $0) })))
      sink.write(JSONValue.object(JSONValue.KeyValuePairs(pairs)).prettyText + "\n")
      try sink.finish()
    case .csv, .xlsx, .html:
      try output.write(
        ListingColumns.groupRoster, listing: .groupRoster(group: detail.group.name), of: registry,
        footer: { Interface.texts.listedUnits($0) }
      ) { add in detail.memberships.forEach(add) }
    }
  }
}
