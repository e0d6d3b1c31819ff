import ArgumentParser
import GongjianRegistry

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a new registry (readable by its owner only, or with --shared by the owner's group).",
    discussion: "On an existing registry it says so and changes nothing."
  )

  @OptionGroup var registry: RegistryOptions

  @Option(help: ArgumentHelp("The subdistrict, e.g. 欧阳路街道.", valueName: "name"))
  var subdistrict: String?

  @Option(help: ArgumentHelp("The district, e.g. 虹口区.", valueName: "name"))
  var district: String?

  @Flag(help: "Let the owner's group read and write the registry too (0660), for a team folder.")
  var shared = false

  func run() throws {
    // `init` has no use for --today, but a bad one is refused as by every other command.
    _ = try registry.today()
    let location = try registry.location()
    let outcome = try Registry.initialize(
      at: location, shared: shared, subdistrict: subdistrict, district: district, context: registry.context())
    switch outcome {
    case .created:
      let access = shared ? "you and your group (mode 0660)" : "you only (mode 0600)"
      print("Created the registry \(location.path), readable and writable by \(access).")
      print("Next: gongjian register NAME --joined DATE   (gongjian register --help for the options)")
    case .alreadyExists:
      print("A gongjian registry already exists at \(location.path); nothing was changed.")
    }
  }
}
