import ArgumentParser
import GongjianPresentation
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ListingFormat: ExpressibleByArgument {}

/// `--format` and `-o`, taken by every listing.
struct ListingOutputOptions: ParsableArguments {
  @Option(help: help(.optionFormat, value: .valueFormat))
  var format: ListingFormat?

  @Option(name: [.customShort("o"), .customLong("output")], help: help(.optionOutput, value: .valueFile))
  var outputPath: String?

  /// A writer of this listing to the chosen place, in the chosen format and language.
  func writer<Row>(_ columns: [Column<Row>], to sink: OutputSink, format: ListingFormat) -> ListingWriter<Row> {
    ListingWriter(
      columns: columns, format: format, output: sink, language: Interface.language,
      color: sink.isTerminal && Terminal.colorAllowed())
  }

  func resolvedFormat() throws -> ListingFormat {
    try OutputFile.format(explicit: format, path: outputPath, byExtension: ["csv": .csv, "json": .json, "txt": .table])
      ?? .table
  }
}

enum OutputFile {
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
final class OutputSink: TextOutput {
  private let writer: BufferedWriter
  private let file: AtomicFile?
  /// The name the user gave, for problems.
  private let name: String
  private var finished = false
  /// Whether the output is a terminal (colour, progress) rather than a file or pipe.
  let isTerminal: Bool

  /// `path` nil is stdout. `protecting` is a file that must never be overwritten (the registry).
  /// A new file gets `mode` (by default the registry's output mode) from its creation.
  convenience init(path: String?, protecting registryPath: String? = nil, mode: mode_t? = nil) throws {
    try self.init(
      path: path, protecting: registryPath.map { [$0] } ?? [],
      mode: mode ?? registryPath.map(AtomicFile.mode(sharingLike:)) ?? 0o600)
  }

  /// `protecting` are files that must never be overwritten (the registries read).
  init(path: String?, protecting registryPaths: [String], mode: mode_t) throws {
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
    switch try OutputTarget.resolve(path, protecting: registryPaths, streams: true) {
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
