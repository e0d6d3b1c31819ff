import ArgumentParser
import GongjianPresentation
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ListingFormat: ExpressibleByArgument {}

/// `--format`, `-o` and `--bom`/`--no-bom`, taken by every listing.
struct ListingOutputOptions: ParsableArguments {
  @Option(help: help(.optionFormat, value: .valueFormat))
  var format: ListingFormat?

  @Option(name: [.customShort("o"), .customLong("output")], help: help(.optionOutput, value: .valueFile))
  var outputPath: String?

  @Flag(inversion: .prefixedNo, help: ArgumentHelp(help(.optionBOM)))
  var bom: Bool?

  /// The options as plain values.
  var plain: ListingOutput { ListingOutput(format: format, outputPath: outputPath, bom: bom) }

  static var formatsByExtension: [String: ListingFormat] { ListingOutput.formatsByExtension }

  func resolvedFormat() throws -> ListingFormat { try plain.resolvedFormat() }

  /// Writes a listing of `registry` (see `ListingOutput.write`).
  func write<Row>(
    _ columns: [Column<Row>], listing: ListingTitle, of registry: Registry,
    orientation: PrintablePage.Orientation = .landscape, footer: (Int) -> String?,
    rows: (_ add: (Row) -> Void) throws -> Void
  ) throws {
    try plain.write(columns, listing: listing, of: registry, orientation: orientation, footer: footer, rows: rows)
  }
}

/// `--format`, `-o` and `--bom`/`--no-bom` as plain values, however they were read.
struct ListingOutput {
  var format: ListingFormat?
  var outputPath: String?
  var bom: Bool?

  /// The extensions `-o` understands, and the format each names.
  static let formatsByExtension: [String: ListingFormat] = [
    "csv": .csv, "json": .json, "txt": .table, "xlsx": .xlsx, "html": .html, "htm": .html,
  ]

  func resolvedFormat() throws -> ListingFormat {
    let format =
      try OutputFile.format(explicit: format, path: outputPath, byExtension: Self.formatsByExtension) ?? .table
    if bom != nil && format != .csv { throw UsageMistake.bomNotCSV }
    if format == .xlsx && outputPath == nil { throw UsageMistake.workbookNeedsFile }
    return format
  }

  /// Writes a listing of `registry`: resolves the format, opens the output (a workbook needs a
  /// regular file), hands `rows` a function to add each row with, and finishes with the
  /// count's footer. A printed page and a workbook are titled as `listing` says.
  func write<Row>(
    _ columns: [Column<Row>], listing: ListingTitle, of registry: Registry,
    orientation: PrintablePage.Orientation = .landscape, footer: (Int) -> String?,
    rows: (_ add: (Row) -> Void) throws -> Void
  ) throws {
    let texts = Interface.texts
    let title = texts.listingTitle(listing, subdistrict: try registry.settings().subdistrict)
    let subtitle = texts.asOf(registry.today)
    let registryPath = registry.path
    let format = try resolvedFormat()
    let sink = try OutputSink(path: outputPath, protecting: registryPath, seekable: format == .xlsx)
    let presentation = ListingPresentation(
      title: title, subtitle: subtitle, bom: format == .csv && OutputFile.wantsBOM(bom, path: outputPath),
      maxWidth: sink.isTerminal || outputPath == nil ? Terminal.width() : nil,
      color: sink.isTerminal && Terminal.colorAllowed(), orientation: orientation)
    let writer = ListingWriter(
      columns: columns, format: format, output: sink, language: Interface.language, presentation: presentation)
    var count = 0
    try rows {
      writer.add($0)
      count += 1
    }
    try writer.finish(footer: footer(count))
    try sink.finish()
  }
}

enum OutputFile {
  /// A CSV written to a file starts with a byte-order mark, so Excel opens its Chinese as
  /// Chinese; on stdout (a pipe, a script) it does not. `--bom`/`--no-bom` decide otherwise.
  static func wantsBOM(_ flag: Bool?, path: String?) -> Bool { flag ?? (path != nil) }

  /// The format named by `--format`, else by the output file's extension.
  static func format<Format>(explicit: Format?, path: String?, byExtension: [String: Format]) throws -> Format? {
    if let explicit { return explicit }
    guard let path else { return nil }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: ".") else { return nil }
    let suffix = name[name.index(after: dot)...].lowercased()
    guard let format = byExtension[suffix] else {
      throw UsageMistake.unknownExtension(suffix, known: byExtension.keys.sorted())
    }
    return format
  }
}

/// Where a command's output goes: stdout, a device or FIFO named directly, or a file that
/// appears whole when the command succeeds (`AtomicFile`): an interrupted or failed command
/// never leaves half a file, and nobody else can read it meanwhile.
/// Buffered by hand and written with write(2), so a million-row export costs few system calls.
final class OutputSink: WorkbookOutput {
  private let writer: BufferedWriter
  private let file: AtomicFile?
  /// The name the user gave, for problems.
  private let name: String
  private var finished = false
  /// Whether the output is a terminal (colour, progress) rather than a file or pipe.
  let isTerminal: Bool

  /// `path` nil is stdout. `protecting` is a file that must never be overwritten (the registry).
  /// A new file gets `mode` (by default the registry's output mode) from its creation.
  /// `seekable` output (a workbook) must be a regular file: a device or FIFO is refused.
  convenience init(
    path: String?, protecting registryPath: String? = nil, mode: mode_t? = nil, seekable: Bool = false
  ) throws {
    try self.init(
      path: path, protecting: registryPath.map { [$0] } ?? [],
      mode: mode ?? registryPath.map(AtomicFile.mode(sharingLike:)) ?? 0o600, seekable: seekable)
  }

  /// `protecting` are files that must never be overwritten (the registries read).
  init(path: String?, protecting registryPaths: [String], mode: mode_t, seekable: Bool = false) throws {
    // Anything print() buffered goes out first, so output keeps its order.
    fflush(nil)
    guard let path else {
      writer = BufferedWriter(descriptor: STDOUT_FILENO)
      file = nil
      name = "-"
      isTerminal = isatty(STDOUT_FILENO) == 1
      return
    }
    name = path
    switch try OutputTarget.resolve(path, protecting: registryPaths, streams: !seekable) {
    case .stream(let descriptor):
      writer = BufferedWriter(descriptor: descriptor)
      file = nil
      isTerminal = isatty(descriptor) == 1
    case .file(let destination):
      let created = try AtomicFile(destination: destination, mode: mode)
      writer = BufferedWriter(descriptor: created.descriptor)
      file = created
      isTerminal = false
    }
  }

  deinit {
    // A stream opened here is closed here; stdout stays open. A file not finished is removed
    // by the AtomicFile itself.
    if file == nil && writer.descriptor != STDOUT_FILENO { close(writer.descriptor) }
  }

  func write(_ text: String) { writer.write(text) }

  var descriptor: Int32 { writer.descriptor }

  var destinationPath: String { file?.destination ?? name }

  func write(bytes: UnsafeRawBufferPointer) { writer.write(bytes: bytes) }

  /// Flushes, and for a file: syncs it and moves it into place.
  func finish() throws {
    guard !finished else { return }
    finished = true
    writer.flush()
    let failure = writer.failure
    guard let file else {
      if failure != 0 && failure != EPIPE {
        throw OutputProblem.writing(name, errno: failure)
      }
      return
    }
    guard failure == 0 else {
      file.discard()
      throw OutputProblem.writing(file.destination, errno: failure)
    }
    try file.commit()
  }
}
