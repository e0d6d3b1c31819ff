import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct NeedAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: help(.needAddAbstract), discussion: help(.needAddDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.needTitle, value: .valueTitle))
  var title: String

  @Option(help: help(.needCategory, value: .valueCategory))
  var category: String?

  @Option(name: .customLong("raised-by"), help: help(.needRaisedBy, value: .valueWho))
  var raisedBy: String?

  @Option(help: help(.needOn, value: .valueDate))
  var on: String?

  @Option(help: help(.needPeople, value: .valueCount))
  var people: Int?

  @Option(help: help(.needDeadline, value: .valueDate))
  var deadline: String?

  @Option(help: help(.needDescription, value: .valueText))
  var description: String?

  func run() throws {
    let registry = try self.registry.open(.write)
    let today = registry.today
    var raiser = NeedRaiserInput.centre
    if let raisedBy {
      raiser = try registry.unitOrOutsider(raisedBy).map { .unit($0.id) } ?? .other(raisedBy)
    }
    let input = NewNeed(
      title: title, category: category, description: description, raisedBy: raiser,
      raisedOn: try Arguments.optionalDay(on, option: "--on", field: .raisedOn, today: today), people: people,
      deadline: try Arguments.optionalDay(deadline, option: "--deadline", field: .deadline, today: today))
    let need = try Arguments.naming(Arguments.listOptions) { try registry.addNeed(input) }
    Terminal.say(Interface.texts.needAdded(need))
  }
}
