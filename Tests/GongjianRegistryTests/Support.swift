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

let testContext = ChangeContext(changedBy: "tester", command: "gongjian test")
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

/// `day(_:)` under a name the `Registry` extension below does not shadow.
private func isoDay(_ iso: String) -> Day { day(iso) }

// MARK: - Refusals

/// The error a registry call threw, whatever its type.
func thrownError(_ body: () throws -> Void) -> (any Error)? {
  do {
    try body()
    return nil
  } catch {
    return error
  }
}

/// Expects `body` to be refused; returns the reason, for the caller to match with its data.
@discardableResult
func expectRefusal(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> Refusal? {
  guard let error = thrownError(body) else {
    Issue.record("not refused", sourceLocation: sourceLocation)
    return nil
  }
  guard let refusal = error as? Refusal else {
    Issue.record("refused with \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    return nil
  }
  return refusal
}

/// Expects `body` to be refused because of its values; returns every problem found.
@discardableResult
func expectValueProblems(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void)
  -> [FieldProblem]
{
  guard let refusal = expectRefusal(sourceLocation: sourceLocation, body) else { return [] }
  guard case .invalidValues(let problems) = refusal else {
    Issue.record("refused for another reason: \(refusal)", sourceLocation: sourceLocation)
    return []
  }
  return problems
}

/// The same problems, in any order: a refusal lists every problem, and the order is not a rule.
func sameProblems(_ found: [FieldProblem], _ expected: [FieldProblem]) -> Bool {
  found.count == expected.count && expected.allSatisfy(found.contains) && found.allSatisfy(expected.contains)
}

// MARK: - Building a registry's contents by name

/// Shortcuts for tests that name units and groups the way a person does: each resolves the
/// names first, as every surface does, then calls the operation that takes ids.
extension Registry {
  @discardableResult
  func add(
    _ name: String, joined: String, kind: String? = nil, groups: [String] = [], lead: Bool = false,
    expires: String? = nil, signatory: String? = nil
  ) throws -> Registration {
    try register(
      NewUnit(
        name: name, joinedOn: isoDay(joined), details: UnitDetails(kind: kind),
        agreement: AgreementTerms(signatory: signatory, expiresOn: expires.map(isoDay)),
        groups: try groups.map { try resolveGroup($0).id }, lead: lead))
  }

  @discardableResult
  func addGroup(_ name: String, established: String? = nil) throws -> GroupReference {
    try addGroup(NewGroup(name: name, establishedOn: established.map(isoDay)))
  }

  func withdraw(_ unit: String, on day: Day, reason: String? = nil) throws -> Withdrawal {
    try withdraw(resolveUnit(unit).id, on: day, reason: reason)
  }

  func rejoin(
    _ unit: String, on day: Day, agreement: AgreementTerms = AgreementTerms(), groups: [String] = [],
    lead: Bool = false
  ) throws -> Registration {
    try rejoin(
      resolveUnit(unit).id, on: day, agreement: agreement, groups: try groups.map { try resolveGroup($0).id },
      lead: lead)
  }

  func joinGroup(unit: String, group: String, on day: Day?, role: GroupRole) throws -> GroupJoinResult {
    try joinGroup(unit: resolveUnit(unit).id, group: resolveGroup(group).id, on: day, role: role)
  }

  func leaveGroup(unit: String, group: String, on day: Day) throws -> GroupLeaveResult {
    try leaveGroup(unit: resolveUnit(unit).id, group: resolveGroup(group).id, on: day)
  }

  func addAgreement(unit: String, signedOn: Day, terms: AgreementTerms = AgreementTerms()) throws -> Agreement {
    try addAgreement(unit: resolveUnit(unit).id, signedOn: signedOn, terms: terms)
  }

  func agreementList(unit: String) throws -> [Agreement] {
    try agreementList(unit: resolveUnit(unit).id)
  }

  func groupDetail(_ group: String, includePast: Bool = false) throws -> GroupDetail {
    try groupDetail(resolveGroup(group).id, includePast: includePast)
  }

  /// How many rows `table` holds.
  func count(_ table: String) throws -> Int {
    try db.scalar(Int.self, "SELECT count(*) FROM \(table)") ?? -1
  }

  /// Every row of the data tables, as text: for "nothing changed" checks.
  func snapshot() throws -> String {
    var text = ""
    for table in [
      "unit", "unit_former_name", "membership", "agreement", "working_group", "group_membership", "history",
    ] {
      text += "## \(table)\n"
      let statement = try db.prepare("SELECT * FROM \(table) ORDER BY rowid")
      while try statement.step() {
        var cells: [String] = []
        for column in 0..<statement.columnCount {
          switch statement.columnType(column) {
          case .null: cells.append("NULL")
          case .integer: cells.append(String(try statement.required(column, as: Int64.self)))
          case .real: cells.append(String(try statement.required(column, as: Double.self)))
          case .text: cells.append(try statement.required(column, as: String.self))
          case .blob: cells.append("blob")
          }
        }
        text += cells.joined(separator: "|") + "\n"
      }
    }
    return text
  }
}

// MARK: - Random histories

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
