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
  @Option(help: ArgumentHelp(help(.optionFormat)))
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

/// Where a command's output goes: stdout, or a file written under a temporary name and
/// renamed into place when complete, so an interrupted command never leaves half a file.
/// Buffered by hand and written with write(2), so a million-row export costs few system calls.
final class OutputSink: TextOutput {
  private let writer: BufferedWriter
  private var descriptor: Int32 { writer.descriptor }
  private let finalPath: String?
  private let temporaryPath: String?
  private var finished = false
  /// Whether the output is a terminal (colour, progress) rather than a file or pipe.
  let isTerminal: Bool

  /// `path` nil is stdout. `protecting` is a file that must never be overwritten (the registry).
  /// `mode` is the new file's permissions: 0600 for files holding contacts.
  init(path: String?, protecting registryPath: String? = nil, mode: mode_t = 0o644) throws {
    // Anything print() buffered goes out first, so output keeps its order.
    fflush(nil)
    guard let path else {
      writer = BufferedWriter(descriptor: STDOUT_FILENO)
      finalPath = nil
      temporaryPath = nil
      isTerminal = isatty(STDOUT_FILENO) == 1
      return
    }
    guard !path.isEmpty else { throw UsageMistake.outputNameEmpty }
    if let registryPath, OutputSink.sameFile(path, registryPath) { throw UsageMistake.outputIsRegistry(path) }
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG, (info.st_mode & S_IFMT) != S_IFDIR {
      // A device or a pipe (-o /dev/null, /dev/stdout, a FIFO) is written to as it is: renaming
      // a finished file over it would replace the device itself (as root, /dev/null) with a
      // regular file.
      let handle = open(path, O_WRONLY | O_CLOEXEC)
      guard handle >= 0 else {
        let reason = String(cString: strerror(errno))
        throw RegistryError(.cannotOpen, "cannot write \(path): \(reason).")
      }
      writer = BufferedWriter(descriptor: handle)
      finalPath = nil
      temporaryPath = nil
      isTerminal = isatty(handle) == 1
      return
    }
    let folder: String
    if let slash = path.lastIndex(of: "/") {
      folder = slash == path.startIndex ? "/" : String(path[..<slash])
    } else {
      folder = "."
    }
    let name = path.split(separator: "/").last.map(String.init) ?? "output"
    let temporary = "\(folder)/.\(name).part-\(getpid())"
    let handle = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
    guard handle >= 0 else {
      let code = errno
      let reason = String(cString: strerror(code))
      throw RegistryError(
        code == ENOSPC ? .ioFailure : .cannotOpen,
        "cannot write \(path): \(reason). Check that the folder exists and that you may write there.")
    }
    writer = BufferedWriter(descriptor: handle)
    finalPath = path
    temporaryPath = temporary
    isTerminal = false
  }

  deinit {
    if let temporaryPath, !finished {
      close(descriptor)
      unlink(temporaryPath)
    }
  }

  func write(_ text: String) { writer.write(text) }

  func write(bytes: UnsafeRawBufferPointer) { writer.write(bytes: bytes) }

  /// Flushes, and for a file: syncs it and moves it into place.
  func finish() throws {
    writer.flush()
    var failure = writer.failure
    finished = true
    guard let finalPath, let temporaryPath else {
      if failure != 0 && failure != EPIPE {
        throw RegistryError(.ioFailure, "cannot write the output: \(String(cString: strerror(failure)))")
      }
      return
    }
    if failure == 0 && fsync(descriptor) != 0 { failure = errno }
    close(descriptor)
    guard failure == 0 else {
      unlink(temporaryPath)
      throw RegistryError(
        .ioFailure,
        failure == ENOSPC || failure == EFBIG
          ? "the disk is full: \(finalPath) was not written."
          : "cannot write \(finalPath): \(String(cString: strerror(failure)))")
    }
    guard rename(temporaryPath, finalPath) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporaryPath)
      throw RegistryError(.ioFailure, "cannot write \(finalPath): \(reason)")
    }
  }

  static func sameFile(_ first: String, _ second: String) -> Bool {
    var a = stat()
    var b = stat()
    return stat(first, &a) == 0 && stat(second, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }
}
