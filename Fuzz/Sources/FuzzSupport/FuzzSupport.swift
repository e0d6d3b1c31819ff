import CLibFuzzer

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The test of the running fuzz target. Set once, before libFuzzer starts; one thread.
nonisolated(unsafe) private var currentTest: ((UnsafeRawBufferPointer) -> Void)?

/// Runs libFuzzer with `test` as the fuzz target (LLVMFuzzerTestOneInput) and exits with its
/// status. The command line is libFuzzer's: `fuzz-dates [options] [CORPUS_DIR...|INPUT_FILE...]`.
public func runFuzzer(_ test: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
  currentTest = test
  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    currentTest?(UnsafeRawBufferPointer(start: data, count: size))
    return 0
  }
  exit(status)
}

/// An invariant of the code under test. A broken one is a bug: it prints what was expected and
/// aborts, so libFuzzer saves the input as a crash.
public func expect(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID,
  line: UInt = #line
) {
  guard !condition() else { return }
  printError("invariant broken at \(file):\(line): \(message())")
  abort()
}

/// Stops before fuzzing: the target cannot be set up.
public func giveUp(_ message: String) -> Never {
  printError(message)
  exit(2)
}

/// Writes a line to standard error.
public func printError(_ message: String) {
  var line = Array((message + "\n").utf8)
  var offset = 0
  while offset < line.count {
    let written = line.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
    if written <= 0 { return }
    offset += written
  }
}

/// Takes a fuzz input apart: a few leading bytes as choices, the rest as data.
public struct FuzzInput {
  public private(set) var bytes: ArraySlice<UInt8>

  public init(_ buffer: UnsafeRawBufferPointer) {
    bytes = ArraySlice(buffer)
  }

  /// The next byte (0 once the input is used up).
  public mutating func byte() -> UInt8 {
    bytes.popFirst() ?? 0
  }

  /// The rest of the input.
  public mutating func rest() -> [UInt8] {
    defer { bytes = [] }
    return Array(bytes)
  }
}

/// Text a person might type, from bytes: UTF-8, invalid sequences replaced by U+FFFD.
public func text(_ bytes: some Collection<UInt8>) -> String {
  String(decoding: bytes, as: UTF8.self)
}

/// Whether two strings are the same bytes. (`==` on String compares canonically: `é` and
/// `e` + U+0301 are equal there, but not to SQLite, which compares keys byte by byte.)
public func identical(_ first: String, _ second: String) -> Bool {
  first.utf8.elementsEqual(second.utf8)
}

/// A folder for the target's scratch files, removed when the process exits normally.
public func scratchFolder(_ name: String) -> String {
  let base = ProcessEnvironment.value("TMPDIR") ?? "/tmp"
  let path = "\(base)/gongjian-\(name)-\(getpid())"
  mkdir(path, 0o700)
  scratchFolders.append(path)
  if scratchFolders.count == 1 {
    atexit {
      for folder in scratchFolders {
        // Removes the folder's files (a registry and its -wal/-shm), then the folder.
        if let directory = opendir(folder) {
          while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
              String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { unlink("\(folder)/\(name)") }
          }
          closedir(directory)
        }
        rmdir(folder)
      }
    }
  }
  return path
}

nonisolated(unsafe) private var scratchFolders: [String] = []

enum ProcessEnvironment {
  static func value(_ name: String) -> String? {
    guard let raw = getenv(name) else { return nil }
    let value = String(cString: raw)
    return value.isEmpty ? nil : value
  }
}
