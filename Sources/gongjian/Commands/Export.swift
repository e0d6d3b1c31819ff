import ArgumentParser
import GongjianRegistry

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
      readable by you only (0600), or by your group too when the registry is shared: they hold \
      contacts' personal data.
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
      let sink = try OutputSink(path: outputPath, protecting: registry.path)
      count = format == .csv ? try registry.exportCSV(to: sink, bom: bom) : try registry.exportJSON(to: sink)
      try sink.finish()
    case .xlsx:
      guard let outputPath else {
        throw ValidationError("an XLSX workbook needs a file: add -o FILE.xlsx")
      }
      count = try registry.exportXLSX(to: outputPath)
    }
    if outputPath != nil {
      Terminal.printNote("Exported \(count) unit\(count == 1 ? "" : "s") to \(outputPath ?? "") (\(format.rawValue)).")
    }
  }
}
