import Foundation
import Testing

/// `gongjian user` and `gongjian serve` on the command line. The password's hash is made by
/// `gongjian-web`; here a stand-in on PATH answers `hash-password`, so the command line's own
/// part is tested without building the server.
@Suite struct AccountCommandTests {
  /// A stand-in `gongjian-web` in the workspace: hashes by prefixing, and records what it read.
  func standIn(_ space: Workspace) throws -> [String: String] {
    let folder = space.file("bin")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let script = folder + "/gongjian-web"
    try """
    #!/bin/sh
    [ "$1" = hash-password ] || exit 64
    read -r password
    printf '%s' "$password" > "\(space.file("seen-password"))"
    echo '$2b$12$standinstandinstandinuOq3bYxk1zVf5m6g8Qy7hFh2O8pQk5eW'
    """.write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o755)
    return ["PATH": folder + ":/usr/bin:/bin"]
  }

  @Test func addListAndRemoveAnAccount() throws {
    let space = Workspace()
    try space.initRegistry()
    let environment = try standIn(space)
    let added = try space.run(
      ["user", "add", "王芳", "--role", "editor", "--db", space.registry], environment: environment,
      input: "a-long-password\n")
    #expect(added.status == 0, "\(added)")
    #expect(added.stdout.contains("王芳"), "\(added)")
    // The password went through the pipe, not the arguments, and is not stored as typed.
    #expect(try String(contentsOfFile: space.file("seen-password"), encoding: .utf8) == "a-long-password")
    #expect(!(try space.dump()).contains("a-long-password"))

    let listed = try space.gongjian("user", "list", "--format", "json")
    #expect(listed.status == 0, "\(listed)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    #expect(rows.count == 1)
    #expect(rows.first?["name"] as? String == "王芳")
    #expect(rows.first?["role"] as? String == "editor")
    #expect(!listed.stdout.contains("$2b$"), "the hash is never listed")

    let before = try space.dump()
    let again = try space.run(
      ["user", "add", "王 芳", "--role", "viewer", "--db", space.registry], environment: environment,
      input: "another-password\n")
    #expect(again.status == 1, "\(again)")
    #expect(again.stderr.contains("王芳"), "\(again)")
    #expect(try space.dump() == before)

    let removed = try space.gongjian("user", "remove", "王芳")
    #expect(removed.status == 0, "\(removed)")
    let unknown = try space.gongjian("user", "remove", "王芳")
    #expect(unknown.status == 1, "\(unknown)")
  }

  @Test func aShortPasswordIsRefusedAndNothingIsAdded() throws {
    let space = Workspace()
    try space.initRegistry()
    let environment = try standIn(space)
    let before = try space.dump()
    let result = try space.run(
      ["user", "add", "李明", "--role", "viewer", "--db", space.registry], environment: environment, input: "short\n")
    #expect(result.status == 65, "\(result)")
    #expect(result.stderr.contains("8"), "\(result)")
    #expect(try space.dump() == before)
  }

  @Test func withoutTheServerProgramUserAddAndServeSayWhereTheyLooked() throws {
    let space = Workspace()
    try space.initRegistry()
    let environment = ["PATH": space.file("nowhere")]
    let before = try space.dump()
    let add = try space.run(
      ["user", "add", "李明", "--role", "viewer", "--db", space.registry], environment: environment,
      input: "a-long-password\n")
    #expect(add.status == 69, "\(add)")
    #expect(add.stderr.contains("gongjian-web"), "\(add)")
    let serve = try space.run(["serve", "--db", space.registry], environment: environment)
    #expect(serve.status == 69, "\(serve)")
    #expect(try space.dump() == before)
  }

  @Test func aRegistryWithoutAccountsListsNone() throws {
    let space = Workspace()
    try space.initRegistry()
    let listed = try space.gongjian("user", "list", "--format", "json")
    #expect(listed.status == 0, "\(listed)")
    #expect(listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(listed)")
  }
}
