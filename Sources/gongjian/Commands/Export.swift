import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: help(.exportAbstract), discussion: help(.exportDiscussion))

  enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, xlsx }

  @OptionGroup var registry: RegistryOptions

  @Option(help: help(.exportFormat, value: .valueFormat))
  var format: Format?

  @Flag(help: ArgumentHelp(help(.exportBOM)))
  var bom = false

  @Option(name: [.customShort("o"), .customLong("output")], help: help(.exportOutput, value: .valueFile))
  var outputPath: String?

  @Option(help: help(.exportList, value: .valueList))
  var list: ListFile?

  func run() throws {
    let format =
      try OutputFile.format(
        explicit: format, path: outputPath, byExtension: ["csv": .csv, "json": .json, "xlsx": .xlsx])
      ?? .csv
    if bom && format != .csv { throw UsageMistake.bomNotCSV }
    let registry = try self.registry.open(.read)
    if let list {
      try export(list, format: format, registry: registry)
      return
    }
    let count: Int
    switch format {
    case .csv, .json:
      let sink = try OutputSink(path: outputPath, protecting: registry.path)
      count = format == .csv ? try registry.exportCSV(to: sink, bom: bom) : try registry.exportJSON(to: sink)
      try sink.finish()
    case .xlsx:
      guard let outputPath else { throw UsageMistake.workbookNeedsFile }
      count = try registry.exportXLSX(to: outputPath)
    }
    if let outputPath {
      Terminal.printNote(Interface.texts.exported(count: count, path: outputPath, format: format.rawValue))
    }
  }

  /// One list, in the list file's format.
  func export(_ list: ListFile, format: Format, registry: Registry) throws {
    let count: Int
    switch format {
    case .csv, .json:
      let sink = try OutputSink(path: outputPath, protecting: registry.path)
      count =
        format == .csv
        ? try registry.exportListCSV(list, to: sink, bom: bom) : try registry.exportListJSON(list, to: sink)
      try sink.finish()
    case .xlsx:
      guard let outputPath else { throw UsageMistake.workbookNeedsFile }
      count = try registry.exportListXLSX(list, to: outputPath)
    }
    if let outputPath {
      Terminal.printNote(Interface.texts.listExported(list, count: count, path: outputPath, format: format.rawValue))
    }
  }
}
