import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct FollowupAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: help(.followupAddAbstract), discussion: help(.followupAddDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.followupAddDecision, value: .valueDecision))
  var decision: String

  @Argument(help: help(.followupAddText, value: .valueText))
  var text: String

  @Option(help: help(.followupAddUnit, value: .valueUnit))
  var unit: String

  @Option(help: help(.followupAddDue, value: .valueDate))
  var due: String

  func run() throws {
    let registry = try self.registry.open(.write)
    let dueOn = try Arguments.day(due, option: "--due", field: .dueOn, today: registry.today)
    let decisionID = try registry.resolveDecision(decision).id
    let unitID = try registry.resolveUnit(unit).id
    let followup = try Arguments.naming([.followupText: "TEXT", .dueOn: "--due"]) {
      try registry.addFollowup(decision: decisionID, text: text, unit: unitID, dueOn: dueOn)
    }
    Terminal.say(Interface.texts.followupRecorded(followup))
  }
}
