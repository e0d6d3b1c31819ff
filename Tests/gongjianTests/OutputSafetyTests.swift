import Foundation
import SQLite
import Testing
import ZIPFoundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `nobody`, for reading files as another user would.
private let nobody: UInt32 = 65_534

/// Whether this run may switch to `nobody` (root, with setpriv installed).
private let canActAsNobody: Bool = {
  guard geteuid() == 0 else { return false }
  return ["/usr/bin/setpriv", "/bin/setpriv"].contains { FileManager.default.isExecutableFile(atPath: $0) }
}()

extension Workspace {
  /// A registry of `count` units, imported from a generated CSV.
  func bigRegistry(units count: Int) throws {
    try initRegistry()
    var csv = "单位名称,单位类别,加入日期,联系电话,地址,备注\n"
    for index in 0..<count {
      csv += "测试单位\(index)有限公司,非公企业,2019-\(1 + index % 12)-\(1 + index % 28),138\(10_000_000 + index),"
      csv += "上海市虹口区欧阳路\(index)号,第\(index)个\n"
    }
    try Data(csv.utf8).write(to: URL(fileURLWithPath: file("units.csv")))
    let result = try gongjian("import", file("units.csv"))
    #expect(result.status == 0, "\(result)")
    try FileManager.default.removeItem(atPath: file("units.csv"))
  }

  /// Starts `gongjian` without waiting, through `sh` so that `umask` applies to it, with
  /// the signals a terminal would deliver unblocked (the test runner's threads block them,
  /// and a child inherits that).
  func start(_ arguments: [String], umask mask: String = "022") throws -> Child {
    try Child(
      ["/bin/sh", "-c", "cd \"$0\" && umask \(mask) && exec \"$@\"", path, Workspace.binary.path] + arguments)
  }

  /// Waits (up to 20 s) for a hidden temporary of `name` to appear in the workspace.
  func waitForTemporary(of name: String, while child: Child) -> String? {
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline && child.isRunning {
      let found = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).first {
        $0.hasPrefix(".\(name).") && $0.hasSuffix(".part")
      }
      if let found { return file(found) }
      usleep(1_000)
    }
    return nil
  }

  /// The names in the workspace, without the test runner's own files.
  var listing: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".std") }.sorted()
  }

  func sha256(_ name: String) throws -> String {
    String(try run([file(name)], program: "/usr/bin/sha256sum").stdout.prefix(64))
  }

  /// Runs `gongjian ARGS --db REGISTRY`.
  func gongjian(_ arguments: [String]) throws -> CommandResult {
    try run(arguments + ["--db", registry])
  }

  /// Runs another program (sha256sum, setpriv) in the workspace.
  func run(_ arguments: [String], program executable: String) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: path)
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(stdout: String(decoding: data, as: UTF8.self), stderr: "", status: process.terminationStatus)
  }

  /// `gongjian ARGS` as `nobody`.
  func gongjianAsNobody(_ arguments: [String]) throws -> CommandResult {
    try run(
      ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--", Workspace.binary.path] + arguments,
      program: "/usr/bin/setpriv")
  }

  /// Whether `nobody` can read the file at `path`.
  func nobodyCanRead(_ path: String) throws -> Bool {
    try run(
      ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--", "/bin/cat", path], program: "/usr/bin/setpriv"
    )
    .status == 0
  }
}

/// A process started with posix_spawn: an empty signal mask and default signal actions, as a
/// shell would start it; its output goes to /dev/null.
final class Child {
  let pid: pid_t
  private var status: Int32?

  init(_ arguments: [String]) throws {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGXFSZ] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in [0, 1, 2] {
      posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    var argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var child: pid_t = 0
    let spawned = posix_spawn(&child, arguments[0], &actions, &attributes, &argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    pid = child
  }

  var isRunning: Bool {
    guard status == nil else { return false }
    var raw: Int32 = 0
    if waitpid(pid, &raw, WNOHANG) == pid { status = raw }
    return status == nil
  }

  /// Waits for the end; the exit status, or nil when a signal ended it (`signal` then says which).
  @discardableResult
  func wait() -> (exit: Int32?, signal: Int32?) {
    if status == nil {
      var raw: Int32 = 0
      while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
      status = raw
    }
    let raw = status ?? 0
    // The <sys/wait.h> macros, which Swift does not import.
    let signal = raw & 0x7F
    return signal == 0 ? (exit: (raw >> 8) & 0xFF, signal: nil) : (exit: nil, signal: signal)
  }
}

@Suite struct OutputFileSafetyTests {
  /// Under umask 000 a file used to be created 0666: another user copied a workbook full of
  /// phone numbers while it was being written. Now the temporary is 0600 from its first byte.
  @Test(.enabled(if: canActAsNobody, "needs root and setpriv, to read as nobody"))
  func anotherUserCannotReadAnExportMidWriteEvenUnderUmask000() throws {
    let space = Workspace()
    try space.bigRegistry(units: 30_000)
    chmod(space.path, 0o755)
    // The control: what umask 000 would give, nobody can read.
    FileManager.default.createFile(atPath: space.file("open.txt"), contents: Data("x".utf8))
    chmod(space.file("open.txt"), 0o666)
    #expect(try space.nobodyCanRead(space.file("open.txt")))

    let child = try space.start(["export", "--db", space.registry, "-o", "units.xlsx"], umask: "000")
    let temporary = try #require(space.waitForTemporary(of: "units.xlsx", while: child), "no temporary seen")
    kill(child.pid, SIGSTOP)
    var info = stat()
    #expect(stat(temporary, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    #expect(try !space.nobodyCanRead(temporary))
    kill(child.pid, SIGCONT)
    #expect(child.wait().exit == 0)
    #expect(try space.mode("units.xlsx") == 0o600)
    #expect(try !space.nobodyCanRead(space.file("units.xlsx")))
  }

  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func aSignalDuringAnXLSXExportLeavesNoFileBehind(_ signal: Int32) throws {
    let space = Workspace()
    try space.bigRegistry(units: 20_000)
    let before = space.listing
    let child = try space.start(["export", "--db", space.registry, "-o", "units.xlsx"])
    _ = try #require(space.waitForTemporary(of: "units.xlsx", while: child), "no temporary seen")
    kill(child.pid, signal)
    // It dies of the signal, as a program interrupted should, after removing its temporary.
    #expect(child.wait().signal == signal)
    #expect(space.listing == before)
  }

  @Test func privateDataWrittenWithDashOIsOwnerOnlyUnderUmask000AndGroupReadableForASharedRegistry() throws {
    for shared in [false, true] {
      let space = Workspace()
      try space.initRegistry(shared ? ["--shared"] : [])
      #expect(
        try space.gongjian("register", "复旦大学外文学院", "--joined", "2019-06-20", "--phone", "021-65642222").status == 0)
      for (name, command) in [
        ("history.csv", ["history"]), ("agreements.csv", ["agreement", "list"]), ("units.json", ["list"]),
        ("export.csv", ["export"]), ("export.xlsx", ["export"]),
      ] {
        let child = try space.start(command + ["--db", space.registry, "-o", name], umask: "000")
        #expect(child.wait().exit == 0, "\(command)")
        #expect(try space.mode(name) == (shared ? 0o660 : 0o600), "\(command) -o \(name)")
      }
      #expect(space.listing.filter { $0.hasSuffix(".part") }.isEmpty)
    }
  }

  @Test func dashOThroughALinkToAFIFOOrADeviceIsRefusedAndAFIFONamedDirectlyIsWritten() throws {
    let space = Workspace()
    try space.initRegistry()
    let fifo = space.file("pipe")
    #expect(mkfifo(fifo, 0o600) == 0)
    // A reader is there, so a wrong open for writing would not hang the test but be seen.
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    try FileManager.default.createSymbolicLink(atPath: space.file("to-pipe.csv"), withDestinationPath: fifo)
    try FileManager.default.createSymbolicLink(atPath: space.file("to-null.csv"), withDestinationPath: "/dev/null")
    for link in ["to-pipe.csv", "to-null.csv"] {
      for command in [["list"], ["history"], ["export"], ["report", "growth", "--format", "csv"]] {
        let result = try space.gongjian(command + ["-o", link])
        #expect(result.status == 66, "\(command) -o \(link): \(result)")
      }
      #expect(try space.gongjian("export", "--format", "xlsx", "-o", link).status == 66)
      #expect(FileManager.default.fileExists(atPath: space.file(link)))
    }
    var buffer = [UInt8](repeating: 0, count: 64)
    #expect(read(reader, &buffer, buffer.count) <= 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: space.file("to-null.csv")) == "/dev/null")

    let direct = try space.gongjian("list", "--format", "csv", "-o", fifo)
    #expect(direct.status == 0, "\(direct)")
    #expect(read(reader, &buffer, buffer.count) > 0)
    // A workbook is written with seeks: not even a FIFO named directly will do.
    #expect(try space.gongjian("export", "--format", "xlsx", "-o", fifo).status == 64)
  }

  @Test func backupForceReplacesOnlyARegularFile() throws {
    let space = Workspace()
    try space.initRegistry()
    #expect(mkfifo(space.file("pipe"), 0o600) == 0)
    try FileManager.default.createSymbolicLink(atPath: space.file("link"), withDestinationPath: "elsewhere.sqlite")
    var targets = ["pipe", "link"]
    if geteuid() == 0 {
      // A /dev/null of our own: as root, renaming over it would replace the device itself.
      #expect(mknod(space.file("device"), S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)
      targets.append("device")
    }
    for target in targets {
      var before = stat()
      lstat(space.file(target), &before)
      let result = try space.gongjian("backup", space.file(target), "--force")
      #expect(result.status == 64, "\(target): \(result)")
      var after = stat()
      lstat(space.file(target), &after)
      #expect(after.st_mode == before.st_mode && after.st_ino == before.st_ino && after.st_rdev == before.st_rdev)
    }
    #expect(!space.exists("elsewhere.sqlite"))
    #expect(space.listing.filter { $0.hasPrefix(".") }.isEmpty)
  }

  @Test func theXLSXExportsFilterNameCoversItsFilterAndItPrintsAsOfficesPrint() throws {
    let space = Workspace()
    try space.initRegistry()
    for name in ["复旦大学外文学院", "建设银行虹口支行", "浦发银行虹口支行"] {
      #expect(try space.gongjian("register", name, "--joined", "2019-06-20").status == 0)
    }
    #expect(try space.gongjian("export", "-o", "units.xlsx").status == 0)
    let archive = try Archive(url: URL(fileURLWithPath: space.file("units.xlsx")), accessMode: .read)
    func part(_ name: String) throws -> String {
      let entry = try #require(archive[name])
      var data = Data()
      // ZIPFoundation checks each entry's CRC-32 as it extracts.
      _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
      return String(decoding: data, as: UTF8.self)
    }
    let sheet = try part("xl/worksheets/sheet1.xml")
    let workbook = try part("xl/workbook.xml")
    #expect(sheet.contains("<autoFilter ref=\"A1:P4\"/>"))
    #expect(workbook.contains("hidden=\"1\">&apos;共建单位&apos;!$A$1:$P$4</definedName>"))
    #expect(workbook.contains("name=\"_xlnm.Print_Titles\" localSheetId=\"0\">&apos;共建单位&apos;!$1:$1<"))
    #expect(sheet.contains("orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\""))
    #expect(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"))
  }
}

@Suite struct ReadOnlyRegistryTests {
  static let readCommands: [[String]] = [
    ["list"], ["list", "--all", "--format", "json"], ["show", "1"], ["history"], ["group", "list"],
    ["agreement", "list"], ["report", "growth", "--from", "2019"], ["check"],
  ]

  func registryWithUnits(_ space: Workspace) throws {
    try space.initRegistry()
    #expect(try space.gongjian("register", "复旦大学外文学院", "--joined", "2019-06-20").status == 0)
    #expect(try space.gongjian("register", "建设银行虹口支行", "--joined", "2019-06-20").status == 0)
  }

  @Test func aWriteProtectedRegistryIsListedAndReportedUnchanged() throws {
    let space = Workspace()
    try registryWithUnits(space)
    chmod(space.registry, 0o444)
    let before = try space.sha256("registry.sqlite")
    let listing = space.listing
    for command in Self.readCommands {
      let result = try space.gongjian(command)
      #expect(result.status == 0, "\(command): \(result)")
    }
    #expect(try space.sha256("registry.sqlite") == before)
    #expect(space.listing == listing)
    // A write is refused, as read-only, and changes nothing either.
    if geteuid() != 0 {
      #expect(try space.gongjian("register", "浦发银行虹口支行", "--joined", "2019-06-20").status == 74)
    }
    #expect(try space.sha256("registry.sqlite") == before)
  }

  @Test(.enabled(if: canActAsNobody, "needs root and setpriv, to read as nobody"))
  func someoneElsesRegistryIsReadWithoutLeavingFilesBesideIt() throws {
    let space = Workspace()
    try registryWithUnits(space)
    chmod(space.path, 0o755)
    chmod(space.registry, 0o644)
    let before = try space.sha256("registry.sqlite")
    let listing = space.listing
    for command in Self.readCommands {
      let result = try space.gongjianAsNobody(command + ["--db", space.registry])
      #expect(result.status == 0, "\(command): \(result)")
    }
    #expect(
      try space.gongjianAsNobody(["register", "x", "--joined", "2019-06-20", "--db", space.registry]).status == 74)
    #expect(try space.sha256("registry.sqlite") == before)
    #expect(space.listing == listing)
  }

  @Test func aRegistryNeverMigratedIsLeftAsItIsByReadsAndMigratedByAWrite() throws {
    let space = Workspace()
    do {
      let db = try Connection(path: space.registry, mode: .create)
      try db.execute("PRAGMA application_id = \(0x474A_5247); PRAGMA journal_mode = WAL")
    }
    chmod(space.registry, 0o600)
    let before = try space.sha256("registry.sqlite")
    let listing = space.listing
    for command in [["list"], ["history"], ["report", "growth"]] {
      #expect(try space.gongjian(command).status == 66, "\(command)")
    }
    #expect(try space.sha256("registry.sqlite") == before)
    #expect(space.listing == listing)
    #expect(try space.gongjian("group", "add", "文明共创").status == 0)
    #expect(try space.gongjian("list").status == 0)
  }
}
