import Foundation
import Testing

/// Hostile files through `gongjian import`, in a child process held to 512 MiB of address
/// space (RLIMIT_AS, set by the shell's `ulimit -v` before it becomes gongjian): each ends by
/// itself, in seconds, with the documented status and nothing written. (Which problem each one
/// is, as a typed value: GongjianRegistryTests' HostileInputTests.)
@Suite("Hostile files under a memory ceiling")
struct HostileFileTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// The hostile files, made once per run; nil without python3.
  static let files: String? = {
    let folder = NSTemporaryDirectory() + "gongjian-hostile-cli-\(getpid())"
    // A quarter of a gigabyte, removed when the test run ends.
    atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "gongjian-hostile-cli-\(getpid())") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", fixtures.appendingPathComponent("make-hostile-files.py").path, folder]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    return process.terminationStatus == 0 ? folder : nil
  }()

  static let ceilingKiB = 512 * 1024

  /// `gongjian ARGUMENTS` under the memory ceiling: its status (128 + N for a signal) and seconds.
  static func limited(_ space: Workspace, _ arguments: [String]) throws -> (status: Int32, seconds: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", "ulimit -v \(ceilingKiB) && exec \"$0\" \"$@\"", Workspace.binary.path] + arguments
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GONGJIAN_") }
    environment["XDG_DATA_HOME"] = space.file("xdg")
    environment["SWIFT_BACKTRACE"] = "enable=no"
    environment["GONGJIAN_TODAY"] = "2026-06-30"
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = Date()
    try process.run()
    process.waitUntilExit()
    let status =
      process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    return (status, Date().timeIntervalSince(start))
  }

  @Test(
    "each hostile file: the documented status, in seconds, under 512 MiB, nothing written",
    .enabled(if: files != nil, "python3 is not installed"),
    arguments: [
      ("bomb-lying-size.xlsx", 65), ("bomb-honest-3g.xlsx", 65), ("honest-1g.xlsx", 0), ("crc-mismatch.xlsx", 65),
      ("truncated-deflate.xlsx", 65), ("data-past-directory.xlsx", 65), ("sst-bomb.xlsx", 65),
      ("sst-at-limit.xlsx", 65), ("doctype.xlsx", 65), ("too-many-rows.xlsx", 65), ("too-many-columns.xlsx", 65),
      ("bad-entry-name.xlsx", 65), ("line-200mb.csv", 65), ("columns-10m.csv", 65), ("/dev/zero", 65),
    ] as [(String, Int32)])
  func hostileFile(_ name: String, _ status: Int32) throws {
    let space = Workspace()
    try space.initRegistry()
    let before = try space.dump()
    let path = name.hasPrefix("/") ? name : try #require(Self.files) + "/" + name
    // --dry-run for the one that imports: its single row would change the registry.
    let result = try Self.limited(
      space, ["import", "--db", space.registry] + (status == 0 ? ["--dry-run"] : []) + [path])
    #expect(result.status == status, "\(name)")
    #expect(result.seconds < 60, "\(name) took \(result.seconds) s")
    #expect(try space.dump() == before, "\(name) changed the registry")
  }

  @Test("piped input (a real pipe on /dev/stdin) is imported")
  func pipe() throws {
    let space = Workspace()
    try space.initRegistry()
    let process = Process()
    process.executableURL = Workspace.binary
    process.arguments = ["import", "--db", space.registry, "/dev/stdin"]
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GONGJIAN_") }
    environment["XDG_DATA_HOME"] = space.file("xdg")
    environment["GONGJIAN_TODAY"] = "2026-06-30"
    process.environment = environment
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data("单位名称;加入日期\n甲;2019-06-27\n".utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(try space.dump().contains("甲"))
  }
}
