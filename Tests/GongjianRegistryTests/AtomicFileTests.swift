import Foundation
import Testing

@testable import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What is in a folder, without the entries tests make for themselves.
private func entries(_ folder: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

private func permissions(_ path: String) -> mode_t? {
  var info = stat()
  return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
}

private func text(_ path: String) -> String? {
  FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

private func write(_ text: String, to file: AtomicFile) {
  var copy = text
  copy.withUTF8 { _ = BufferedWriter.writeAll(file.descriptor, UnsafeRawBufferPointer($0)) }
}

/// Names handed out in order, then random ones: the first tries meet whatever a test planted.
private final class ScriptedTokens {
  private var queue: [String]

  init(_ tokens: [String]) { queue = tokens }

  func next() -> String { queue.isEmpty ? AtomicFile.randomToken() : queue.removeFirst() }
}

@Suite struct AtomicFileTests {
  @Test(arguments: [mode_t(0o600), 0o660])
  func theTemporaryHasTheFinalModeFromItsCreationAndTheNameAppearsOnlyAtCommit(_ mode: mode_t) throws {
    let folder = ScratchFolder()
    let destination = folder.file("名单.csv")
    let file = try AtomicFile(destination: destination, mode: mode)
    write("单位名称\n", to: file)
    // Mid-write: a hidden temporary beside the destination, already at the final mode.
    #expect(!FileManager.default.fileExists(atPath: destination))
    let temporaries = entries(folder.path)
    #expect(temporaries.count == 1)
    #expect(temporaries.first?.hasPrefix(".名单.csv.") == true)
    #expect(temporaries.first?.hasSuffix(".part") == true)
    var info = stat()
    #expect(fstat(file.descriptor, &info) == 0)
    #expect(info.st_mode & 0o7777 == mode)
    #expect(try file.commit())
    #expect(entries(folder.path) == ["名单.csv"])
    #expect(text(destination) == "单位名称\n")
    #expect(permissions(destination) == mode)
  }

  @Test func twoTemporariesForOneNameGetDifferentUnguessableNames() throws {
    let folder = ScratchFolder()
    let first = try AtomicFile(destination: folder.file("out.csv"), mode: 0o600)
    let second = try AtomicFile(destination: folder.file("out.csv"), mode: 0o600)
    let names = entries(folder.path)
    #expect(names.count == 2)
    #expect(Set(names).count == 2)
    // 16 characters of 32 kinds: 80 random bits.
    for name in names {
      let token = name.dropFirst(".out.csv.".count).dropLast(".part".count)
      #expect(token.count == 16)
    }
    first.discard()
    second.discard()
    #expect(entries(folder.path).isEmpty)
  }

  @Test func aFileNeverCommittedLeavesNothing() throws {
    let folder = ScratchFolder()
    do {
      let file = try AtomicFile(destination: folder.file("out.json"), mode: 0o600)
      write("[", to: file)
    }
    #expect(entries(folder.path).isEmpty)
    let file = try AtomicFile(destination: folder.file("out.json"), mode: 0o600, privateFolder: true)
    // SQLite's companions of the temporary go too.
    FileManager.default.createFile(atPath: file.temporaryPath + "-journal", contents: Data("x".utf8))
    file.discard()
    #expect(entries(folder.path).isEmpty)
  }

  @Test func replacingKeepsNoOldBytesAndCreateOnlyLetsTheExistingFileWin() throws {
    let folder = ScratchFolder()
    let destination = folder.file("copy.sqlite")
    FileManager.default.createFile(atPath: destination, contents: Data("old and longer".utf8))
    let replacing = try AtomicFile(destination: destination, mode: 0o600)
    write("new", to: replacing)
    #expect(try replacing.commit(replacing: true))
    #expect(text(destination) == "new")

    let loser = try AtomicFile(destination: destination, mode: 0o600, privateFolder: true)
    FileManager.default.createFile(atPath: loser.temporaryPath, contents: Data("intruder".utf8))
    #expect(try loser.commit(replacing: false) == false)
    #expect(text(destination) == "new")
    #expect(entries(folder.path) == ["copy.sqlite"])
  }

  @Test func aPrivateFolderHoldsTheTemporaryForSQLite() throws {
    let folder = ScratchFolder()
    let file = try AtomicFile(destination: folder.file("registry.sqlite"), mode: 0o660, privateFolder: true)
    let inner = (file.temporaryPath as NSString).deletingLastPathComponent
    #expect((inner as NSString).deletingLastPathComponent == folder.path)
    #expect(permissions(inner) == 0o700)
    #expect(permissions(file.temporaryPath) == 0o660)
    #expect(try file.commit(replacing: false))
    #expect(entries(folder.path) == ["registry.sqlite"])
    #expect(permissions(folder.file("registry.sqlite")) == 0o660)
  }

  /// Someone who may write the folder plants links at the very names gongjian will try (here
  /// they know them; in life 80 random bits stand in the way): none is followed, the file
  /// goes to the next name, and the links' targets are untouched.
  @Test(arguments: [false, true])
  func aLinkPlantedAtATemporaryNameIsNeverFollowed(_ privateFolder: Bool) throws {
    let folder = ScratchFolder()
    let victim = folder.file("victim.txt")
    FileManager.default.createFile(atPath: victim, contents: Data("precious".utf8))
    let suffix = privateFolder ? ".d" : ".part"
    let planted = ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"]
    for token in planted {
      try FileManager.default.createSymbolicLink(
        atPath: folder.file(".out.xlsx.\(token)\(suffix)"), withDestinationPath: victim)
    }
    try FileManager.default.createSymbolicLink(
      atPath: folder.file(".out.xlsx.dddddddddddddddd\(suffix)"), withDestinationPath: folder.file("nowhere"))
    let tokens = ScriptedTokens(planted + ["dddddddddddddddd"])
    let file = try AtomicFile(
      destination: folder.file("out.xlsx"), mode: 0o600, privateFolder: privateFolder, token: tokens.next)
    write("workbook", to: file)
    try file.commit()
    #expect(text(victim) == "precious")
    #expect(!FileManager.default.fileExists(atPath: folder.file("nowhere")))
    #expect(text(folder.file("out.xlsx")) == "workbook")
    for token in planted {
      #expect(permissions(folder.file(".out.xlsx.\(token)\(suffix)")).map { $0 & 0o777 } == 0o777)
    }
  }

  @Test func aMissingFolderAndAFolderAsDestinationAreTypedProblems() throws {
    let folder = ScratchFolder()
    #expect(throws: OutputProblem.folderMissing(path: folder.file("nope/out.csv"))) {
      try AtomicFile(destination: folder.file("nope/out.csv"), mode: 0o600)
    }
    #expect(throws: OutputProblem.emptyPath) { try AtomicFile(destination: "", mode: 0o600) }
    #expect(throws: OutputProblem.isADirectory(path: folder.path + "/")) {
      try AtomicFile(destination: folder.path + "/", mode: 0o600)
    }
    try FileManager.default.createDirectory(atPath: folder.file("dir"), withIntermediateDirectories: false)
    let file = try AtomicFile(destination: folder.file("dir"), mode: 0o600)
    #expect(throws: OutputProblem.isADirectory(path: folder.file("dir"))) { try file.commit() }
    #expect(entries(folder.path) == ["dir"])
  }

  @Test func longNamesStillMakeTemporaries() throws {
    let folder = ScratchFolder()
    let name = String(repeating: "区域化党建共建单位", count: 9) + ".xlsx"
    #expect(name.utf8.count < 255)
    let file = try AtomicFile(destination: folder.file(name), mode: 0o600, privateFolder: true)
    try file.commit()
    #expect(entries(folder.path) == [name])
  }
}

@Suite struct OutputTargetTests {
  @Test func aRegularFileOrANewNameIsAFile() throws {
    let folder = ScratchFolder()
    #expect(
      try OutputTarget.resolve(folder.file("new.csv"), protecting: nil, streams: true) == .file(folder.file("new.csv")))
    FileManager.default.createFile(atPath: folder.file("old.csv"), contents: nil)
    #expect(
      try OutputTarget.resolve(folder.file("old.csv"), protecting: nil, streams: true) == .file(folder.file("old.csv")))
  }

  @Test func aLinkToARegularFileWritesTheFileAndKeepsTheLink() throws {
    let folder = ScratchFolder()
    try FileManager.default.createDirectory(atPath: folder.file("real"), withIntermediateDirectories: false)
    FileManager.default.createFile(atPath: folder.file("real/list.csv"), contents: nil)
    try FileManager.default.createSymbolicLink(atPath: folder.file("link.csv"), withDestinationPath: "real/list.csv")
    let target = try OutputTarget.resolve(folder.file("link.csv"), protecting: nil, streams: true)
    let real = try #require(realpath(folder.file("real/list.csv"), nil))
    defer { free(real) }
    #expect(target == .file(String(cString: real)))
  }

  @Test func aLinkToAFIFOADeviceAFolderOrNothingIsRefused() throws {
    let folder = ScratchFolder()
    #expect(mkfifo(folder.file("fifo"), 0o600) == 0)
    try FileManager.default.createDirectory(atPath: folder.file("dir"), withIntermediateDirectories: false)
    let targets = [folder.file("fifo"), "/dev/null", folder.file("dir"), folder.file("gone")]
    for (index, target) in targets.enumerated() {
      let link = folder.file("link\(index)")
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
      for streams in [true, false] {
        #expect(throws: OutputProblem.symlinkRefused(path: link)) {
          try OutputTarget.resolve(link, protecting: nil, streams: streams)
        }
      }
    }
  }

  @Test func aDeviceOrFIFONamedDirectlyIsAStreamWhereStreamsAreAllowed() throws {
    let folder = ScratchFolder()
    let target = try OutputTarget.resolve("/dev/null", protecting: nil, streams: true)
    guard case .stream(let descriptor) = target else {
      Issue.record("expected a stream, got \(target)")
      return
    }
    close(descriptor)
    #expect(throws: OutputProblem.notARegularFile(path: "/dev/null")) {
      try OutputTarget.resolve("/dev/null", protecting: nil, streams: false)
    }
    #expect(throws: OutputProblem.isADirectory(path: folder.path)) {
      try OutputTarget.resolve(folder.path, protecting: nil, streams: true)
    }
  }

  @Test func theRegistryAndItsCompanionsAreNeverOutputs() throws {
    let registry = try TestRegistry()
    for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: registry.path + suffix) {
      #expect(throws: OutputProblem.isTheRegistry(path: registry.path + suffix)) {
        try OutputTarget.resolve(registry.path + suffix, protecting: registry.path, streams: true)
      }
    }
    #expect(throws: OutputProblem.isTheRegistry(path: registry.path)) {
      try registry.registry.exportXLSX(to: registry.path)
    }
  }
}

extension OutputTarget: Equatable {
  public static func == (first: OutputTarget, second: OutputTarget) -> Bool {
    switch (first, second) {
    case (.file(let a), .file(let b)): return a == b
    case (.stream(let a), .stream(let b)): return a == b
    default: return false
    }
  }

  static func file(_ path: String) -> OutputTarget { .file(path: path) }
}
