import ArgumentParser
import GongjianRegistry

struct GroupShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show a working group and its members, current and past.")

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("The group: id, name or part of the name.", valueName: "group"))
  var group: String

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let (group, memberships) = try registry.groupDetail(self.group)
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    switch format {
    case .table:
      var text = "#\(group.id) \(group.name)\n"
      if let description = group.description { text += "  \(TextTable.singleLine(description))\n" }
      if let founded = group.establishedOn { text += "  founded \(founded)\n" }
      if let dissolved = group.dissolvedOn { text += "  dissolved \(dissolved)\n" }
      text += "  \(group.memberCount) unit\(group.memberCount == 1 ? "" : "s") today\n\n"
      var table = TextTable(titles: ["unit id", "unit", "role", "from", "until"], rightAligned: [0])
      for membership in memberships {
        table.add([
          String(membership.unitID), membership.unitName, membership.role.chinese, membership.joinedOn.iso,
          membership.leftOn?.iso ?? "",
        ])
      }
      sink.write(text + table.render(color: sink.isTerminal && Terminal.colorAllowed()))
    case .csv:
      sink.write(CSVWriter.line(["unit_id", "unit", "group", "role", "joined_on", "left_on"]))
      for membership in memberships {
        sink.write(
          CSVWriter.line([
            String(membership.unitID), membership.unitName, membership.groupName, membership.role.rawValue,
            membership.joinedOn.iso, membership.leftOn?.iso ?? "",
          ]))
      }
    case .json:
      var object = GroupJSON.group(group)
      if case .object(var pairs) = object {
        pairs.pairs.append(("memberships", .array(memberships.map(GroupJSON.membership))))
        object = .object(pairs)
      }
      sink.write(object.prettyText + "\n")
    }
    try sink.finish()
  }
}
