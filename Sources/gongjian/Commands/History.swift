import ArgumentParser
import GongjianRegistry

struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "The change log: every change with its time, OS user, command, and before/after.",
    discussion: "Times are UTC. --format json includes each change's before and after in full."
  )

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("Only this unit's changes: id, name or part of the name.", valueName: "unit"))
  var unit: String?

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let unitID = try unit.map { try registry.findUnit($0).id }
    let entries = try registry.history(unitID: unitID)
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    switch format {
    case .table:
      var table = TextTable(titles: ["time (UTC)", "user", "action", "change", "command"])
      for entry in entries {
        table.add([
          entry.at.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""), entry.osUser,
          entry.action, DisplayWidth.truncate(entry.summary, to: 60), DisplayWidth.truncate(entry.command, to: 60),
        ])
      }
      sink.write(table.render(color: sink.isTerminal && Terminal.colorAllowed()))
      sink.write("\(entries.count) change\(entries.count == 1 ? "" : "s")\n")
    case .csv:
      sink.write(
        CSVWriter.line([
          "id", "at", "user", "command", "action", "entity", "unit_id", "unit", "summary", "before", "after",
        ]))
      for entry in entries {
        sink.write(
          CSVWriter.line([
            String(entry.id), entry.at, entry.osUser, entry.command, entry.action, entry.entity,
            entry.unitID.map(String.init) ?? "", entry.unitName ?? "", entry.summary, entry.before ?? "",
            entry.after ?? "",
          ]))
      }
    case .json:
      let values: [JSONValue] = entries.map { entry in
        .object([
          "id": .int(entry.id), "at": .string(entry.at), "user": .string(entry.osUser),
          "command": .string(entry.command),
          "action": .string(entry.action), "entity": .string(entry.entity),
          "unit_id": entry.unitID.map(JSONValue.int) ?? .null, "unit": .optional(entry.unitName),
          "summary": .string(entry.summary), "before": entry.before.map(JSONValue.raw) ?? .null,
          "after": entry.after.map(JSONValue.raw) ?? .null,
        ])
      }
      sink.write(JSONValue.array(values).prettyText + "\n")
    }
    try sink.finish()
  }
}
