import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct List: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: help(.listAbstract), discussion: help(.listDiscussion))

  @OptionGroup var registry: RegistryOptions

  @Option(name: .customLong("active-on"), help: help(.listActiveOn, value: .valueDate))
  var activeOn: String?

  @Option(name: .customLong("active-in"), help: help(.listActiveIn, value: .valueYear))
  var activeIn: Year?

  @Option(name: .customLong("joined-in"), help: help(.listJoinedIn, value: .valueYear))
  var joinedIn: Year?

  @Option(name: .customLong("left-in"), help: help(.listLeftIn, value: .valueYear))
  var leftIn: Year?

  @Option(help: help(.listGroup, value: .valueGroup))
  var group: String?

  @Option(help: help(.listKind, value: .valueKind))
  var kind: String?

  @Flag(help: ArgumentHelp(help(.listAll)))
  var all = false

  @OptionGroup var output: ListingOutputOptions

  func run() throws {
    try UnitListRequest(
      registry: registry.access, activeOn: activeOn, activeIn: activeIn, joinedIn: joinedIn, leftIn: leftIn,
      group: group, kind: kind, all: all, output: output.plain
    ).run()
  }
}

/// What `list` was asked, as plain values: read by the argument parser, or for the commonest
/// shapes by the start-up's own reading (`QuickStart`), which must come to the same thing.
struct UnitListRequest {
  var registry = RegistryAccess()
  var activeOn: String?
  var activeIn: Year?
  var joinedIn: Year?
  var leftIn: Year?
  var group: String?
  var kind: String?
  var all = false
  var output = ListingOutput()

  func run() throws {
    if activeOn != nil && activeIn != nil { throw UsageMistake.activeOnAndActiveIn }
    if all && (activeOn != nil || activeIn != nil) { throw UsageMistake.allWithActive }
    _ = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let group = try self.group.map { try registry.resolveGroup($0) }
    let filter = UnitFilter(
      activeOn: try Arguments.optionalDay(activeOn, option: "--active-on", field: .joinedOn, today: registry.today),
      activeInYear: try registry.checkedYear(activeIn, option: "--active-in"),
      joinedInYear: try registry.checkedYear(joinedIn, option: "--joined-in"),
      leftInYear: try registry.checkedYear(leftIn, option: "--left-in"),
      group: group?.id,
      kind: kind, all: all)
    try output.write(
      group == nil ? ListingColumns.units : ListingColumns.groupUnits,
      listing: group.map { .groupRoster(group: $0.name) } ?? .units, of: registry,
      footer: Interface.texts.listedUnits
    ) { add in
      try registry.forEachUnit(filter, add)
    }
  }
}
