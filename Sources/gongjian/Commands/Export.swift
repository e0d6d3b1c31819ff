import ArgumentParser
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the whole registry: CSV or XLSX in the import format, or JSON with the full history.",
    discussion: """
      CSV and XLSX hold one row per unit with its current data (the columns `import` reads), so an \
      export imported into an empty registry exports the same again. JSON holds everything: \
      periods, agreements, working-group memberships and former names. CSV is RFC 4180 with CRLF; \
      --bom adds the byte-order mark Excel needs to read UTF-8; a cell beginning with =, +, -, @, \
      tab or CR gets a leading ' so a spreadsheet cannot run it as a formula. Exported files are \
      readable by you only (0600): they hold contacts' personal data.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, xlsx }

  @OptionGroup var registry: RegistryOptions

  @Option(help: "csv, json or xlsx (default: csv, or from the -o file's extension).")
  var format: Format?

  @Flag(help: "Start the CSV with a UTF-8 byte-order mark, for Excel.")
  var bom = false

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write to this file (required for xlsx).", valueName: "file"))
  var outputPath: String?

  func run() throws {
    let format =
      try OutputFile.format(
        explicit: format, path: outputPath, byExtension: ["csv": .csv, "json": .json, "xlsx": .xlsx])
      ?? .csv
    if bom && format != .csv {
      throw ValidationError("--bom is for CSV only")
    }
    let registry = try self.registry.open(.read)
    let count: Int
    switch format {
    case .csv, .json:
      let sink = try OutputSink(path: outputPath, protecting: registry.path, mode: 0o600)
      count = format == .csv ? try registry.exportCSV(to: sink, bom: bom) : try registry.exportJSON(to: sink)
      try sink.finish()
    case .xlsx:
      guard let outputPath else {
        throw ValidationError("an XLSX workbook needs a file: add -o FILE.xlsx")
      }
      if OutputSink.sameFile(outputPath, registry.path) {
        throw ValidationError("-o \(outputPath) is the registry itself; choose another file name")
      }
      var info = stat()
      if stat(outputPath, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
        // The workbook is renamed into place: over a device (/dev/null) that would replace it.
        throw ValidationError("-o \(outputPath) is not a regular file; an XLSX workbook needs one")
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
    if outputPath != nil {
      Terminal.printNote("Exported \(count) unit\(count == 1 ? "" : "s") to \(outputPath ?? "") (\(format.rawValue)).")
    }
  }
}
