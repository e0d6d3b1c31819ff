import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: help(.initAbstract), discussion: help(.initDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Option(help: help(.initSubdistrict, value: .valueName))
  var subdistrict: String?

  @Option(help: help(.initDistrict, value: .valueName))
  var district: String?

  @Flag(help: ArgumentHelp(help(.initShared)))
  var shared = false

  func run() throws {
    // `init` has no use for --today, but a bad one is refused as by every other command.
    _ = try registry.today()
    let location = try registry.location()
    let outcome = try Arguments.naming([.subdistrict: "--subdistrict", .district: "--district"]) {
      try Registry.initialize(
        at: location, shared: shared, subdistrict: subdistrict, district: district, context: registry.context())
    }
    switch outcome {
    case .created(let newFolders):
      if !newFolders.isEmpty { Terminal.say(Interface.texts.foldersCreated(newFolders)) }
      Terminal.say(Interface.texts.registryCreated(path: location.path, shared: shared))
      Terminal.say(Interface.texts.registryNextStep)
    case .alreadyExists:
      Terminal.say(
        Interface.texts.registryExists(path: location.path, settingsGiven: subdistrict != nil || district != nil))
    }
  }
}
