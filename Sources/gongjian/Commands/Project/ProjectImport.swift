import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct ProjectImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: help(.importListAbstract), discussion: help(.importListDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions
  @OptionGroup var options: ListImportOptionsGroup

  func run() throws { try options.run(.projects, registry: registry) }
}
