import ArgumentParser
import GongjianPresentation
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: help(.exportAbstract), discussion: help(.exportDiscussion))

  enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, xlsx }

  @OptionGroup var registry: RegistryOptions

  @Option(help: ArgumentHelp(help(.exportFormat)))
  var format: Format?

  @Flag(help: ArgumentHelp(help(.exportBOM)))
  var bom = false

  @Option(name: [.customShort("o"), .customLong("output")], help: help(.exportOutput, value: .valueFile))
  var outputPath: String?

  func run() throws {
    let format =
      try OutputFile.format(
        explicit: format, path: outputPath, byExtension: ["csv": .csv, "json": .json, "xlsx": .xlsx])
      ?? .csv
    if bom && format != .csv { throw UsageMistake.bomNotCSV }
    let registry = try self.registry.open(.read)
    let count: Int
    switch format {
    case .csv, .json:
      let sink = try OutputSink(path: outputPath, protecting: registry.path, mode: 0o600)
      count = format == .csv ? try registry.exportCSV(to: sink, bom: bom) : try registry.exportJSON(to: sink)
      try sink.finish()
    case .xlsx:
      guard let outputPath else { throw UsageMistake.workbookNeedsFile }
      if OutputSink.sameFile(outputPath, registry.path) { throw UsageMistake.outputIsRegistry(outputPath) }
      var info = stat()
      if stat(outputPath, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
        // The workbook is renamed into place: over a device (/dev/null) that would replace it.
        throw UsageMistake.outputNotRegularFile(outputPath)
      }
      let folder =
        outputPath.contains("/") ? String(outputPath[..<(outputPath.lastIndex(of: "/") ?? outputPath.endIndex)]) : "."
      let temporary =
        "\(folder.isEmpty ? "/" : folder)/.\(outputPath.split(separator: "/").last ?? "export").part-\(getpid())"
      do {
        count = try registry.exportXLSX(to: temporary)
        chmod(temporary, 0o600)
        guard rename(temporary, outputPath) == 0 else {
          throw RegistryError(.ioFailure, "cannot write \(outputPath): \(String(cString: strerror(errno)))")
        }
      } catch {
        unlink(temporary)
        throw error
      }
    }
    if let outputPath {
      Terminal.printNote(Interface.texts.exported(count: count, path: outputPath, format: format.rawValue))
    }
  }
}
