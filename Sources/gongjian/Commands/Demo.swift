import ArgumentParser
import Foundation
import GongjianPresentation
import GongjianRegistry

struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: help(.demoAbstract), discussion: help(.demoDiscussion))

  @Option(name: .customLong("db"), help: help(.demoDatabase, value: .valuePath))
  var databasePath: String?

  @Option(name: .customLong("today"), help: help(.optionToday, value: .valueDate))
  var todayText: String?

  func run() throws {
    if todayText != nil, let last = DemoData.lastEventDay {
      let today = try RegistryOptions.today(option: todayText, environment: ProcessEnvironment.variables)
      if today < last { throw UsageMistake.demoTodayBeforeSample(today: today, lastEvent: last) }
    }
    let folder: String
    let path: String
    if let databasePath {
      path = databasePath
      if FileManager.default.fileExists(atPath: path) { throw UsageMistake.demoTargetExists(path) }
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
    Terminal.say(Interface.texts.demo(.opening) + "\n")
    let lines = DemoData.script.split(separator: "\n", omittingEmptySubsequences: false)
    for line in lines {
      let arguments = try DemoData.arguments(of: String(line))
      guard !arguments.isEmpty else { continue }
      try runLine(arguments, path: path, folder: folder)
    }
    Terminal.say(Interface.texts.demo(.registryAt(path)))
    Terminal.say(Interface.texts.demo(.tryNext(ShellWords.quote(path))))
  }

  /// Runs one command exactly as if typed, with --db added, and shows it first. A sample data
  /// file named in the line is read from the temporary folder, and shown by its name.
  private func runLine(_ arguments: [String], path: String, folder: String) throws {
    let displayed = arguments.map { $0.contains(" ") || $0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: " ")
    let files = DemoData.dataFiles
    let resolved = arguments.map { files[$0] == nil ? $0 : folder + "/" + $0 }
    print("$ gongjian \(displayed)")
    fflush(nil)
    var command = try Gongjian.parseAsRoot(
      resolved + ["--db", path] + (todayText.map { ["--today", $0] } ?? []))
    try command.run()
    print("")
  }

  static func temporaryFolder() throws -> String {
    var template = Array((NSTemporaryDirectory() + "gongjian-demo-XXXXXX").utf8CString)
    guard let pointer = mkdtemp(&template) else {
      throw StorageProblem.cannotCreateFolder(path: NSTemporaryDirectory() + "gongjian-demo-XXXXXX", errno: errno)
    }
    return String(cString: pointer)
  }
}
