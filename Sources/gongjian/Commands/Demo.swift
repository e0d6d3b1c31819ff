import ArgumentParser
import Foundation
import GongjianRegistry

struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Load the 欧阳路街道 sample into a new registry and print its growth report and chart.",
    discussion: """
      The sample is a script of ordinary gongjian commands (group add, import, withdraw, register, \
      rejoin, report), run one by one and shown as they run: it is also a tour of the commands. \
      Units marked （示例） and every date are invented; the units and people named in the 2019 \
      newsletter are real. Without --db the registry goes into a new temporary folder, named at the end.
      """
  )

  @Option(
    name: .customLong("db"),
    help: ArgumentHelp("Where to create the sample registry (must not exist yet).", valueName: "path"))
  var databasePath: String?

  func run() throws {
    let folder: String
    let path: String
    if let databasePath {
      path = databasePath
      if FileManager.default.fileExists(atPath: path) {
        throw RegistryError(
          .refused, "\(path) already exists; the demo builds a new registry. Choose another path, or leave out --db.")
      }
      folder = try Demo.temporaryFolder()
    } else {
      folder = try Demo.temporaryFolder()
      path = folder + "/registry.sqlite"
    }
    // With --db the temporary folder only holds the sample's data files: remove it afterwards.
    defer { if databasePath != nil { try? FileManager.default.removeItem(atPath: folder) } }
    for (name, content) in DemoData.dataFiles {
      try Data(content.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    print("gongjian demo: the 欧阳路街道 (虹口区) sample, from the 2019 newsletter; units marked （示例） are invented.\n")
    try runLine(["init", "--subdistrict", "欧阳路街道", "--district", "虹口区"], path: path, show: true)
    let lines = DemoData.script.split(separator: "\n", omittingEmptySubsequences: false)
    for line in lines {
      var arguments = try DemoData.arguments(of: String(line))
      guard !arguments.isEmpty else { continue }
      if arguments.first == "import", arguments.count > 1 {
        arguments[1] = folder + "/" + arguments[1]
      }
      try runLine(arguments, path: path, show: true)
    }
    print("The sample registry is \(path).")
    print("Try (from the package folder, `swift run gongjian` instead of `gongjian`):")
    print("  gongjian list --db \(path)")
    print("  gongjian report growth --db \(path) --period quarter --format svg -o growth.svg")
  }

  /// Runs one command exactly as if typed, with --db added, and shows it first.
  private func runLine(_ arguments: [String], path: String, show: Bool) throws {
    let shown = arguments.map { $0.contains(" ") || $0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: " ")
    var displayed = shown
    if arguments.first == "import", arguments.count > 1 {
      displayed = "import " + (arguments[1].split(separator: "/").last.map(String.init) ?? arguments[1])
    }
    print("$ gongjian \(displayed)")
    fflush(nil)
    var command = try Gongjian.parseAsRoot(arguments + ["--db", path])
    try command.run()
    print("")
  }

  static func temporaryFolder() throws -> String {
    var template = Array((NSTemporaryDirectory() + "gongjian-demo-XXXXXX").utf8CString)
    guard let pointer = mkdtemp(&template) else {
      throw RegistryError(.ioFailure, "cannot create a temporary folder: \(String(cString: strerror(errno)))")
    }
    return String(cString: pointer)
  }
}
