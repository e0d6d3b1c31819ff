import Foundation
import SQLite
import Testing

/// What a run of the built `gongjian` binary gave back.
struct CommandResult: CustomStringConvertible {
  var stdout: String
  var stderr: String
  var status: Int32
  /// Ended by a signal: a Swift trap ends the process by SIGILL or SIGTRAP, which `status`
  /// alone would pass off as a small exit status.
  var signalled = false

  var description: String {
    "\(signalled ? "signal" : "exit") \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)"
  }
}

/// A scratch folder for one test, removed afterwards, with a registry path in it.
final class Workspace: Sendable {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "gongjian-e2e-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { path + "/" + name }

  /// The registry most tests use.
  var registry: String { file("registry.sqlite") }

  /// Runs `gongjian` with `arguments`, as a user would: arguments in, output and status out.
  /// The environment is the test's own, without GONGJIAN_* and with the data home inside
  /// the workspace, so nothing outside it is touched.
  @discardableResult
  /// With `shell`, the arguments go to /bin/sh instead (a line as a person types it).
  func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil, shell: Bool = false)
    throws -> CommandResult
  {
    let process = Process()
    process.executableURL = shell ? URL(fileURLWithPath: "/bin/sh") : Workspace.binary
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GONGJIAN_") }
    environment["XDG_DATA_HOME"] = file("xdg")
    environment["NO_COLOR"] = "1"
    // The tests pin the language: most check values and statuses in English output; the
    // golden tests set the language themselves. No locale variable may leak in from outside.
    for variable in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] { environment[variable] = nil }
    environment["GONGJIAN_LANG"] = "en"
    // A trap should fail the test at once, not spend seconds printing a backtrace.
    environment["SWIFT_BACKTRACE"] = "enable=no"
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    process.currentDirectoryURL = URL(fileURLWithPath: path)
    let outURL = URL(fileURLWithPath: file(".stdout-\(UUID().uuidString)"))
    let errURL = URL(fileURLWithPath: file(".stderr-\(UUID().uuidString)"))
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outURL)
      try? FileManager.default.removeItem(at: errURL)
    }
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    if let input {
      let inURL = URL(fileURLWithPath: file(".stdin-\(UUID().uuidString)"))
      try Data(input.utf8).write(to: inURL)
      process.standardInput = try FileHandle(forReadingFrom: inURL)
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return CommandResult(
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
      status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal)
  }

  /// Runs a command against the workspace's registry (`--db` added).
  @discardableResult
  func gongjian(_ arguments: String..., environment: [String: String] = [:]) throws -> CommandResult {
    try run(arguments + ["--db", registry], environment: environment)
  }

  /// Creates the workspace's registry.
  func initRegistry(_ extra: [String] = []) throws {
    let result = try run(["init", "--db", registry] + extra)
    #expect(result.status == 0, "\(result)")
  }

  /// Everything the registry holds, as text: for "the registry is unchanged" checks.
  func dump() throws -> String {
    let db = try Connection(path: registry, mode: .readOnly)
    var text = ""
    let tables = try db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    var names: [String] = []
    while try tables.step() { names.append(try tables.required(0)) }
    for name in names {
      text += "## \(name)\n"
      let rows = try db.prepare("SELECT * FROM \"\(name)\" ORDER BY rowid")
      while try rows.step() {
        var cells: [String] = []
        for column in 0..<rows.columnCount {
          switch rows.columnType(column) {
          case .null: cells.append("NULL")
          case .integer: cells.append(String(try rows.required(column, as: Int64.self)))
          case .real: cells.append(String(try rows.required(column, as: Double.self)))
          case .text: cells.append(try rows.required(column, as: String.self))
          case .blob: cells.append("blob")
          }
        }
        text += cells.joined(separator: "|") + "\n"
      }
    }
    return text
  }

  func bytes(_ name: String) -> Data? {
    FileManager.default.contents(atPath: name.hasPrefix("/") ? name : file(name))
  }

  func exists(_ name: String) -> Bool {
    FileManager.default.fileExists(atPath: name.hasPrefix("/") ? name : file(name))
  }

  func mode(_ name: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: name.hasPrefix("/") ? name : file(name))
    return (attributes[.posixPermissions] as? Int) ?? -1
  }

  /// The built `gongjian`, beside the test bundle in the build folder.
  static let binary: URL = {
    if let override = ProcessInfo.processInfo.environment["GONGJIAN_TEST_BINARY"] {
      return URL(fileURLWithPath: override)
    }
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    // On Linux the tests run from .build/<triple>/debug/<package>PackageTests.xctest.
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("gongjian")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        return candidate
      }
      folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: "gongjian")
  }()
}
