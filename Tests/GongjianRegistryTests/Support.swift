import Foundation
import SQLite
import Testing

@testable import GongjianRegistry

/// A scratch folder removed when the value goes away.
final class ScratchFolder {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "registry-tests-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { path + "/" + name }
}

let testContext = ChangeContext(osUser: "tester", command: "gongjian test")
let testToday = Day(year: 2026, month: 11, day: 27)!

/// A new, empty registry in its own folder.
struct TestRegistry {
  let folder = ScratchFolder()
  let registry: Registry

  init(today: Day = testToday) throws {
    let location = RegistryLocation(path: folder.file("registry.sqlite"), isDefault: false)
    _ = try Registry.initialize(
      at: location, shared: false, subdistrict: "欧阳路街道", district: "虹口区", context: testContext)
    registry = try Registry.open(at: location, access: .write, today: today, context: testContext)
  }

  var path: String { registry.path }
}

func day(_ iso: String) -> Day {
  guard let value = Day(iso: iso) else {
    Issue.record("bad test date \(iso)")
    return testToday
  }
  return value
}

/// SplitMix64 (Steele, Lea and Flood): a tiny seeded generator, so a failing history can be
/// replayed from its seed alone.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// True with probability `percent` / 100.
  mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }
}
