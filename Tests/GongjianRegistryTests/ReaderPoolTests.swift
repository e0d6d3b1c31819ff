import Foundation
import SQLite
import Testing

@testable import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The browser view's kept read connections: reused while the file is the same, showing every
/// later commit, never kept when the file is read as immutable, dropped when the file is replaced.
@Suite struct ReaderPoolTests {
  private func names(_ registry: Registry) throws -> [String] {
    try registry.listUnits(UnitFilter(all: true)).map(\.name)
  }

  private func makeRegistry(_ folder: ScratchFolder, name: String, unit: String) throws -> RegistryLocation {
    let location = RegistryLocation(path: folder.file(name), isDefault: false)
    _ = try Registry.initialize(
      at: location, shared: false, subdistrict: "欧阳路街道", district: "虹口区", context: testContext)
    let registry = try Registry.open(at: location, access: .write, today: testToday, context: testContext)
    _ = try registry.register(NewUnit(name: unit, joinedOn: day("2019-06-20")))
    return location
  }

  @Test func aConnectionIsReusedAndSeesWhatOthersCommitMeanwhile() throws {
    let folder = ScratchFolder()
    let location = try makeRegistry(folder, name: "registry.sqlite", unit: "复旦大学外文学院")
    // A writer holding the registry open keeps its -wal, as the server does.
    let writer = try Registry.open(at: location, access: .write, today: testToday, context: testContext)
    let pool = ReaderPool()
    do {
      let first = try Registry.open(at: location, today: testToday, context: testContext, readers: pool)
      #expect(try names(first) == ["复旦大学外文学院"])
    }
    #expect(pool.idleCount == 1)
    _ = try writer.register(NewUnit(name: "上海银行虹口支行", joinedOn: day("2019-07-01")))
    do {
      let second = try Registry.open(at: location, today: testToday, context: testContext, readers: pool)
      #expect(pool.idleCount == 0, "the kept connection is in use")
      #expect(Set(try names(second)) == ["复旦大学外文学院", "上海银行虹口支行"])
    }
    #expect(pool.idleCount == 1)
  }

  @Test func aFileReadAsImmutableIsNeverKept() throws {
    let folder = ScratchFolder()
    let location = try makeRegistry(folder, name: "registry.sqlite", unit: "复旦大学外文学院")
    let pool = ReaderPool()
    do {
      let registry = try Registry.open(at: location, today: testToday, context: testContext, readers: pool)
      #expect(try names(registry) == ["复旦大学外文学院"])
    }
    #expect(pool.idleCount == 0)
  }

  @Test func aReplacedFileIsReadAfreshNotThroughTheOldConnection() throws {
    let folder = ScratchFolder()
    let location = try makeRegistry(folder, name: "registry.sqlite", unit: "复旦大学外文学院")
    let other = try makeRegistry(folder, name: "restored.sqlite", unit: "虹口区图书馆")
    let writer = try Registry.open(at: location, access: .write, today: testToday, context: testContext)
    let pool = ReaderPool()
    do {
      let registry = try Registry.open(at: location, today: testToday, context: testContext, readers: pool)
      #expect(try names(registry) == ["复旦大学外文学院"])
    }
    #expect(pool.idleCount == 1)
    withExtendedLifetime(writer) {}
    #expect(rename(other.path, location.path) == 0)
    let registry = try Registry.open(at: location, today: testToday, context: testContext, readers: pool)
    #expect(try names(registry) == ["虹口区图书馆"])
  }

  @Test func theChangeStampMovesWithEveryCommitAndOnlyThen() throws {
    let folder = ScratchFolder()
    let location = try makeRegistry(folder, name: "registry.sqlite", unit: "复旦大学外文学院")
    let pool = ReaderPool()
    #expect(pool.changeStamp(path: location.path) == nil, "without a -wal a commit could not be seen")
    let writer = try Registry.open(at: location, access: .write, today: testToday, context: testContext)
    let first = try #require(pool.changeStamp(path: location.path))
    #expect(pool.changeStamp(path: location.path) == first)
    // Reading changes nothing.
    do {
      let reader = try Registry.open(at: location, today: testToday, context: testContext, readers: pool)
      _ = try names(reader)
    }
    #expect(pool.changeStamp(path: location.path) == first)
    _ = try writer.register(NewUnit(name: "上海银行虹口支行", joinedOn: day("2019-07-01")))
    let second = try #require(pool.changeStamp(path: location.path))
    #expect(second != first)
    #expect(pool.changeStamp(path: location.path) == second)
    // Another connection's commit (another process's would be the same to SQLite).
    let other = try Registry.open(at: location, access: .write, today: testToday, context: testContext)
    _ = try other.register(NewUnit(name: "虹口区图书馆", joinedOn: day("2019-07-02")))
    #expect(pool.changeStamp(path: location.path) != second)
  }

  @Test func aReplacedFileGetsAStampNeverSeenBefore() throws {
    let folder = ScratchFolder()
    let location = try makeRegistry(folder, name: "registry.sqlite", unit: "复旦大学外文学院")
    let restored = try makeRegistry(folder, name: "restored.sqlite", unit: "虹口区图书馆")
    let writer = try Registry.open(at: location, access: .write, today: testToday, context: testContext)
    let pool = ReaderPool()
    let before = try #require(pool.changeStamp(path: location.path))
    let restoredWriter = try Registry.open(at: restored, access: .write, today: testToday, context: testContext)
    #expect(rename(restored.path, location.path) == 0)
    #expect(rename(restored.path + "-wal", location.path + "-wal") == 0)
    #expect(rename(restored.path + "-shm", location.path + "-shm") == 0)
    let after = pool.changeStamp(path: location.path)
    #expect(after != nil && after != before)
    withExtendedLifetime((writer, restoredWriter)) {}
  }
}
