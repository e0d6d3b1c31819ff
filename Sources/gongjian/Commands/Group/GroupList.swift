import ArgumentParser
import GongjianRegistry

struct GroupList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the working groups with their leads and member counts today.")

  @OptionGroup var registry: RegistryOptions
  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let groups = try registry.groups()
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    switch format {
    case .table:
      var table = TextTable(titles: ["id", "group", "lead", "units", "founded", "description"], rightAligned: [0, 3])
      for group in groups {
        table.add([
          String(group.id), group.name, group.leads.joined(separator: "、"), String(group.memberCount),
          group.establishedOn?.iso ?? "", DisplayWidth.truncate(group.description ?? "", to: 40),
        ])
      }
      sink.write(table.render(color: sink.isTerminal && Terminal.colorAllowed()))
    case .csv:
      sink.write(CSVWriter.line(["id", "name", "leads", "units", "established_on", "dissolved_on", "description"]))
      for group in groups {
        sink.write(
          CSVWriter.line([
            String(group.id), group.name, group.leads.joined(separator: "、"), String(group.memberCount),
            group.establishedOn?.iso ?? "", group.dissolvedOn?.iso ?? "", group.description ?? "",
          ]))
      }
    case .json:
      sink.write(JSONValue.array(groups.map(GroupJSON.group)).prettyText + "\n")
    }
    try sink.finish()
  }
}

enum GroupJSON {
  static func group(_ group: WorkingGroup) -> JSONValue {
    .object([
      "id": .int(group.id), "name": .string(group.name), "description": .optional(group.description),
      "established_on": .optional(group.establishedOn?.iso), "dissolved_on": .optional(group.dissolvedOn?.iso),
      "leads": .array(group.leads.map(JSONValue.string)), "units": .int(group.memberCount),
    ])
  }

  static func membership(_ membership: GroupMembership) -> JSONValue {
    .object([
      "unit_id": .int(membership.unitID), "unit": .string(membership.unitName), "group": .string(membership.groupName),
      "role": .string(membership.role.rawValue), "joined_on": .string(membership.joinedOn.iso),
      "left_on": .optional(membership.leftOn?.iso),
    ])
  }
}
