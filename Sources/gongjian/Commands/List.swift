import ArgumentParser
import GongjianRegistry

struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List units: by default those in the alliance today.",
    discussion: """
      --active-in 2016 lists the units active at the end of 2016: the growth report's total. \
      --joined-in, --left-in and --all list units whatever their state today.
      """
  )

  @OptionGroup var registry: RegistryOptions

  @Option(name: .customLong("active-on"), help: ArgumentHelp("Units in the alliance on this day.", valueName: "date"))
  var activeOn: String?

  @Option(
    name: .customLong("active-in"),
    help: ArgumentHelp("Units in the alliance at the end of this year.", valueName: "year"))
  var activeIn: Int?

  @Option(name: .customLong("joined-in"), help: ArgumentHelp("Units that joined in this year.", valueName: "year"))
  var joinedIn: Int?

  @Option(name: .customLong("left-in"), help: ArgumentHelp("Units that left in this year.", valueName: "year"))
  var leftIn: Int?

  @Option(help: ArgumentHelp("Only units in this working group.", valueName: "group"))
  var group: String?

  @Option(help: ArgumentHelp("Only units of this kind, e.g. 高校.", valueName: "kind"))
  var kind: String?

  @Flag(help: "Include units that have left the alliance.")
  var all = false

  @OptionGroup var output: ListingOutputOptions

  func validate() throws {
    if activeOn != nil && activeIn != nil {
      throw ValidationError("give --active-on or --active-in, not both")
    }
    if all && (activeOn != nil || activeIn != nil) {
      throw ValidationError(
        "--all lists every unit whatever its dates; it cannot be combined with --active-on or --active-in")
    }
  }

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let filter = UnitFilter(
      activeOn: try Arguments.optionalDay(activeOn, option: "--active-on", today: registry.today),
      activeInYear: try Arguments.year(activeIn, option: "--active-in"),
      joinedInYear: try Arguments.year(joinedIn, option: "--joined-in"),
      leftInYear: try Arguments.year(leftIn, option: "--left-in"),
      group: group, kind: kind, all: all)
    let units = try registry.listUnits(filter)
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    switch format {
    case .table:
      var table = TextTable(titles: ["id", "name", "kind", "joined", "left", "groups"], rightAligned: [0])
      for unit in units {
        table.add([
          String(unit.id), unit.name, unit.kind, unit.joinedOn.iso, unit.leftOn?.iso ?? "",
          unit.groups.joined(separator: "、"),
        ])
      }
      sink.write(table.render(color: sink.isTerminal && Terminal.colorAllowed()))
      sink.write("\(units.count) unit\(units.count == 1 ? "" : "s")\n")
    case .csv:
      sink.write(CSVWriter.line(["id", "name", "kind", "joined_on", "left_on", "groups"]))
      for unit in units {
        sink.write(
          CSVWriter.line([
            String(unit.id), unit.name, unit.kind, unit.joinedOn.iso, unit.leftOn?.iso ?? "",
            unit.groups.joined(separator: "、"),
          ]))
      }
    case .json:
      let value = JSONValue.array(
        units.map { unit in
          .object([
            "id": .int(unit.id), "name": .string(unit.name), "kind": .string(unit.kind),
            "joined_on": .string(unit.joinedOn.iso), "left_on": .optional(unit.leftOn?.iso),
            "groups": .array(unit.groups.map(JSONValue.string)),
          ])
        })
      sink.write(value.prettyText + "\n")
    }
    try sink.finish()
  }
}
