import Foundation
import Testing

// A contact's phone number or name taken out of the history for good: not in the listing, not in
// the JSON, not in the bytes of the file, and only after a confirmation.

@Suite("history purge: personal data out of the history")
struct HistoryPurgeTests {
  static let phones = ["13812345678", "021-65641111"]

  /// A unit whose phone was entered, changed and cleared: both numbers are in its history.
  static func unitWithPastPhones() throws -> Workspace {
    let space = try Workspace.populated()
    try space.ok(
      "register", "欧阳路第一幼儿园", "--joined", "2019-09-01", "--kind", "事业单位", "--contact", "欧阳明华", "--phone", phones[0])
    try space.ok("edit", "欧阳路第一幼儿园", "--phone", phones[1])
    try space.ok("edit", "欧阳路第一幼儿园", "--phone", "", "--contact", "")
    return space
  }

  /// The registry's files, as bytes: the database and its write-ahead log.
  static func fileBytes(_ space: Workspace) -> Data {
    (space.bytes(space.registry) ?? Data()) + (space.bytes(space.registry + "-wal") ?? Data())
  }

  @Test("Without --yes it says what it would do, exits 1 and changes nothing")
  func previewChangesNothing() throws {
    let space = try Self.unitWithPastPhones()
    let before = try space.dump()
    let preview = try space.gj(["history", "purge", "欧阳路第一幼儿园", "--field", "phone"])
    #expect(preview.status == 1, "\(preview)")
    #expect(preview.stderr.contains("--yes") || preview.stdout.contains("--yes"), "\(preview)")
    #expect(try space.dump() == before)
  }

  @Test("--yes takes every past phone out of the history, the JSON and the file's bytes")
  func purgeRemovesEveryCopy() throws {
    let space = try Self.unitWithPastPhones()
    let units = try space.ok("export", "--format", "csv")
    for phone in Self.phones {
      #expect(try space.ok("history", "欧阳路第一幼儿园", "--format", "json").contains(phone), "present before")
    }
    try space.ok("history", "purge", "欧阳路第一幼儿园", "--field", "phone", "--yes")
    let json = try space.ok("history", "--format", "json")
    let table = try space.ok("history")
    for phone in Self.phones {
      #expect(!json.contains(phone), "\(phone) still in the JSON")
      #expect(!table.contains(phone), "\(phone) still in the table")
      #expect(Self.fileBytes(space).range(of: Data(phone.utf8)) == nil, "\(phone) still in the file's bytes")
    }
    // The contact's name was not asked for: it stays. The units themselves are as they were.
    #expect(json.contains("欧阳明华"))
    #expect(try space.ok("export", "--format", "csv") == units)
    // The purge is in the history itself, without the values, and undo passes over it.
    let entries = try #require(try space.json("history", "--format", "json") as? [[String: Any]])
    #expect(entries.last?["action"] as? String == "history purge", "\(entries.last ?? [:])")
    let undone = try space.gj(["undo", "--yes"])
    #expect(undone.status == 0, "\(undone)")
    #expect(!(try space.ok("history", "--format", "json")).contains(Self.phones[1]))
  }

  @Test("Both fields at once; other units' history is untouched")
  func purgeBothFieldsOfOneUnitOnly() throws {
    let space = try Self.unitWithPastPhones()
    try space.ok("edit", "复旦大学外文学院", "--contact", "张老师", "--phone", "021-65642222")
    try space.ok("history", "purge", "欧阳路第一幼儿园", "--field", "phone", "--field", "contact", "--yes")
    let json = try space.ok("history", "--format", "json")
    #expect(!json.contains("欧阳明华") && !json.contains(Self.phones[0]))
    #expect(json.contains("张老师") && json.contains("021-65642222"), "another unit's history stays")
  }

  @Test("Refusals: no --field (64), an unknown field (64), an unknown unit (1); the registry unchanged")
  func refusals() throws {
    let space = try Self.unitWithPastPhones()
    let before = try space.dump()
    for (arguments, status) in [
      (["history", "purge", "欧阳路第一幼儿园", "--yes"], Int32(64)),
      (["history", "purge", "欧阳路第一幼儿园", "--field", "email", "--yes"], 64),
      (["history", "purge", "没有这个单位", "--field", "phone", "--yes"], 1),
    ] {
      let result = try space.gj(arguments)
      #expect(result.status == status, "\(arguments): \(result)")
      #expect(!result.stderr.isEmpty)
    }
    #expect(try space.dump() == before)
  }
}
