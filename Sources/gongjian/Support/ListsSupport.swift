import ArgumentParser
import GongjianPresentation
import GongjianRegistry

/// A help text of the lists' commands in the reader's language.
func help(_ key: ListsHelpKey) -> String { Interface.texts.help(key) }

func help(_ key: ListsHelpKey, value: ListsHelpKey) -> ArgumentHelp {
  ArgumentHelp(help(key), valueName: help(value))
}

func help(_ key: ListsHelpKey, value: HelpKey) -> ArgumentHelp {
  ArgumentHelp(help(key), valueName: help(value))
}

extension NeedStatus: ExpressibleByArgument {}
extension ProjectStatus: ExpressibleByArgument {}
extension ListFile: ExpressibleByArgument {}

extension Arguments {
  /// The option names of the lists' commands, by the field they carry.
  static let listOptions: [Field: String] = [
    .title: "TITLE", .category: "--category", .capacity: "--capacity", .contact: "--contact",
    .description: "--description", .availableFrom: "--from", .availableUntil: "--until", .withdrawnOn: "--on",
    .raisedBy: "--raised-by", .raisedOn: "--on", .people: "--people", .deadline: "--deadline", .statusOn: "--on",
    .claimedOn: "--on", .level: "--level", .startOn: "--start", .endOn: "--end", .proposedOn: "--on",
    .happenedOn: "--on", .volunteers: "--volunteers", .hours: "--hours", .served: "--served", .note: "--note",
  ]
}

/// The formats of the lists' reports: the growth report's, and a workbook.
enum ListReportFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json, chart, svg, html, xlsx

  static func resolve(_ explicit: ListReportFormat?, path: String?) throws -> ListReportFormat {
    let format =
      try OutputFile.format(
        explicit: explicit, path: path,
        byExtension: [
          "csv": .csv, "json": .json, "svg": .svg, "html": .html, "htm": .html, "txt": .table, "xlsx": .xlsx,
        ]) ?? .table
    if format == .xlsx && path == nil { throw UsageMistake.workbookNeedsFile }
    return format
  }
}

/// The file and the reading options every list import takes.
struct ListImportOptionsGroup: ParsableArguments {
  @Argument(help: help(.importListFile, value: .valueFile))
  var file: String

  @Flag(name: .customLong("dry-run"), help: ArgumentHelp(help(.importDryRun)))
  var dryRun = false

  @Option(help: help(.importEncoding, value: .valueEncoding))
  var encoding: TextEncodingChoice = .auto

  @Option(help: help(.importSheet, value: .valueName))
  var sheet: String?

  /// Imports the file as `list` and says what was done.
  func run(_ list: ListFile, registry options: ChangingRegistryOptions) throws {
    let registry = try options.open(dryRun ? .rehearsal : .write)
    let summary = try registry.importList(
      list, from: file, options: ListImportOptions(dryRun: dryRun, encoding: encoding, sheet: sheet))
    Terminal.say(summary.dryRun ? Interface.texts.listImportDryRun(summary) : Interface.texts.listImported(summary))
  }
}
