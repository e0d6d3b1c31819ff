import Foundation
import Testing

// The README's year of the centre's work is a promise: typed line by line into a fresh shell,
// every command succeeds, and those marked as a preview (预览) exit 1 and change nothing.

@Suite("The README's year of work runs as written")
struct ReadmeYearTests {
  /// The shell block under the README's "一年的工作" heading, one line per entry.
  static func yearBlock() throws -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.range(of: "## 一年的工作"), "the README has a year of work")
    let rest = readme[section.upperBound...]
    let start = try #require(rest.range(of: "```sh\n"))
    let end = try #require(rest[start.upperBound...].range(of: "```"))
    return rest[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
  }

  @Test func everyLineDoesWhatTheREADMESays() throws {
    let lines = try Self.yearBlock()
    #expect(lines.filter { $0.hasPrefix("gongjian ") }.count > 40, "a whole year, not a sketch")
    let space = Workspace()
    let home = space.file("home")
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let folder = Workspace.binary.deletingLastPathComponent().path
    // Lines run in one shell each, with the exports made so far, as a person types them.
    var exports: [String] = []
    for (number, line) in lines.enumerated() {
      let command = line.trimmingCharacters(in: .whitespaces)
      guard !command.isEmpty, !command.hasPrefix("#") else { continue }
      let script = (exports + [command]).joined(separator: "\n")
      let result = try space.run(
        ["-c", script],
        environment: [
          "HOME": home, "PATH": folder + ":/usr/bin:/bin", "GONGJIAN_USER": "张敏", "TZ": "Asia/Shanghai",
          "GONGJIAN_LANG": "zh",
        ], shell: true)
      let expected: Int32 = command.contains("# 预览") ? 1 : 0
      #expect(!result.signalled && result.status == expected, "line \(number + 1): \(command)\n\(result)")
      if command.hasPrefix("export ") { exports.append(command) }
    }
  }
}
