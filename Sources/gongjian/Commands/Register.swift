import ArgumentParser
import GongjianRegistry

struct Register: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "register",
    abstract: "Register a newly signed unit, with its agreement and working groups, in one step.",
    discussion: """
      Example: gongjian register 复旦大学外文学院 --joined 2019-06-20 --kind 高校 \\
      --signatory 罗英华 --signatory-title 党委书记 --group 文明共创

      Dates may be written 2019-06-20, 2019/6/20, 2019.6.20, 2019年6月20日, 20190620 or today.
      """
  )

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("The unit's full name.", valueName: "name"))
  var name: String

  @Option(help: ArgumentHelp("The day the unit joined (signed the co-building agreement).", valueName: "date"))
  var joined: String

  @OptionGroup var details: UnitDetailOptions
  @OptionGroup var agreement: AgreementOptions
  @OptionGroup var groups: GroupOptions

  func run() throws {
    let registry = try self.registry.open(.write)
    let today = registry.today
    let joinedOn = try Arguments.day(joined, option: "--joined", today: today)
    let input = NewUnit(
      name: name, joinedOn: joinedOn, details: details.details, agreement: try agreement.terms(today: today),
      groups: groups.groups, lead: groups.lead)
    let registration = try Arguments.naming(Arguments.unitOptions) { try registry.register(input) }
    print("Registered \(registration.summary)")
  }
}
