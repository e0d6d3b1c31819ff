import ArgumentParser
import GongjianRegistry

struct Backup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Write a consistent copy of the registry, even while others are writing to it.",
    discussion: "The copy is integrity-checked before it takes the name DEST. An existing DEST is kept unless --force."
  )

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "dest"))
  var destination: String

  @Flag(help: "Replace DEST if it exists.")
  var force = false

  func run() throws {
    let result: BackupResult
    do {
      result = try registry.open(.read).backup(to: destination, force: force)
    } catch OutputProblem.alreadyExists(let path) where !force {
      throw RegistryError(
        .refused, "\(path) already exists; nothing was written.\nChoose another name, or add --force to replace it.")
    } catch OutputProblem.notARegularFile(let path) {
      throw RegistryError(
        .usage, "\(path) is not a regular file (a link, a device or a FIFO); a backup only replaces a regular file.")
    }
    print("Backed up \(result.units) units to \(result.path) (\(ByteCount.text(result.bytes))).")
  }
}

enum ByteCount {
  static func text(_ bytes: Int) -> String {
    if bytes < 1024 { return "\(bytes) bytes" }
    if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
    return "\(bytes / (1024 * 1024)) MB"
  }
}
