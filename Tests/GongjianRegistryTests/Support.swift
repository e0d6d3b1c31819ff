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
