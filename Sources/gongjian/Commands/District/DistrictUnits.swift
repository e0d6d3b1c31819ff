import ArgumentParser
import GongjianPresentation
import GongjianRegistry

/// The formats of the district listing.
enum DistrictUnitsFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, json, xlsx
}

struct DistrictUnitsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "units", abstract: help(.districtUnitsAbstract), discussion: help(.districtUnitsDiscussion))

  @Argument(help: help(.districtFiles, value: .valueFiles))
  var files: [String]

  @Flag(help: ArgumentHelp(help(.districtAll)))
  var all = false

  @Option(help: help(.districtUnitsFormat, value: .valueFormat))
  var format: DistrictUnitsFormat?

  @Option(name: [.customShort("o"), .customLong("output")], help: help(.districtOutput, value: .valueFile))
  var outputPath: String?

  @Flag(name: .customLong("skip-bad"), help: ArgumentHelp(help(.districtSkipBad)))
  var skipBad = false

  @OptionGroup var today: TodayOptions

  func run() throws {
    let format =
      try OutputFile.format(
        explicit: format, path: outputPath,
        byExtension: ["csv": .csv, "json": .json, "xlsx": .xlsx, "txt": .table])
      ?? .table
    if format == .xlsx && outputPath == nil { throw UsageMistake.workbookNeedsFile }
    let today = try self.today.today()
    let paths = try District.files(files)
    let listing = try District.units(paths, DistrictUnitsRequest(all: all, skipUnreadable: skipBad), today: today)
    DistrictOutput.warn(listing.skipped)
    let texts = Interface.texts
    let footer = texts.districtListedUnits(units: listing.rows.count, subdistricts: listing.subdistricts.count)
    switch format {
    case .xlsx:
      guard let outputPath else { throw UsageMistake.workbookNeedsFile }
      try DistrictOutput.workbook(path: outputPath, protecting: paths) { descriptor, destination in
        try DistrictWorkbook.units(listing, descriptor: descriptor, path: destination, language: Interface.language)
      }
    case .table, .csv, .json:
      let listingFormat: ListingFormat = format == .csv ? .csv : format == .json ? .json : .table
      let sink = try OutputSink(path: outputPath, protecting: paths, mode: 0o600)
      let presentation = ListingPresentation(
        title: "", bom: listingFormat == .csv && OutputFile.wantsBOM(nil, path: outputPath),
        maxWidth: sink.isTerminal || outputPath == nil ? Terminal.width() : nil,
        color: sink.isTerminal && Terminal.colorAllowed())
      let writer = ListingWriter(
        columns: DistrictColumns.units, format: listingFormat, output: sink, language: Interface.language,
        presentation: presentation)
      listing.rows.forEach(writer.add)
      try writer.finish(footer: footer)
      try sink.finish()
    }
    if let outputPath { Terminal.printNote(texts.wroteReport(path: outputPath, format: format.rawValue)) }
  }
}
