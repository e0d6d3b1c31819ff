import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct RegistrySet: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "set", abstract: help(.registrySetAbstract))

  @OptionGroup var registry: ChangingRegistryOptions

  @Option(help: help(.initSubdistrict, value: .valueName))
  var subdistrict: String?

  @Option(help: help(.initDistrict, value: .valueName))
  var district: String?

  func run() throws {
    guard subdistrict != nil || district != nil else { throw UsageMistake.registrySetNeedsValue }
    let registry = try self.registry.open(.write)
    let settings = try Arguments.naming([.subdistrict: "--subdistrict", .district: "--district"]) {
      try registry.updateSettings(subdistrict: subdistrict, district: district)
    }
    Terminal.say(Interface.texts.registryUpdated(settings))
  }
}
