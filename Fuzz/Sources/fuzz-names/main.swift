// Fuzz target: names (SPEC §5). The name key (its fast path against the full Unicode one),
// the cleaning of typed names and notes, and UNIT/GROUP lookup in a small registry.
//
// Input: the first byte chooses which calls also run on the text (the key and the cleaning
// always do); the rest is the text.
import FuzzSupport

@testable import GongjianRegistry

enum Fixture {
  static let today = Day(year: 2026, month: 11, day: 27)!

  /// Units of the 2019 newsletter (SPEC §1), one renamed so former names are searched too.
  static let unitNames = [
    "上海长远文化（集团）有限公司", "复旦大学外文学院", "建设银行虹口支行", "浦发银行虹口支行", "虹口烟草糖酒有限公司",
    "虹口区房管局", "虹口区司法局", "IBM中国有限公司", "Äpfel GmbH",
  ]
  static let groupNames = ["党建研究专项组", "社区服务专项组", "Culture Group"]

  /// A registry made once per process, in a scratch folder removed at exit. (Not Sendable;
  /// the fuzz target runs on one thread.)
  nonisolated(unsafe) static let registry: Registry = makeRegistry()

  /// The key of every name the registry holds, and the unit it belongs to.
  static let unitKeys: [[UInt8]: Int] = makeUnitKeys()
}

func makeRegistry() -> Registry {
  let folder = scratchFolder("fuzz-names")
  let location = RegistryLocation(path: folder + "/registry.sqlite", isDefault: false)
  let context = ChangeContext(changedBy: "fuzz", command: "fuzz-names")
  do {
    _ = try Registry.initialize(
      at: location, shared: false, subdistrict: "欧阳路街道", district: "虹口区", context: context)
    let registry = try Registry.open(at: location, access: .write, today: Fixture.today, context: context)
    let groups = try Fixture.groupNames.map {
      try registry.addGroup(NewGroup(name: $0, establishedOn: Day(year: 2016, month: 1, day: 1))).id
    }
    for (index, name) in Fixture.unitNames.enumerated() {
      _ = try registry.register(
        NewUnit(
          name: name, joinedOn: Day(year: 2016 + index % 4, month: 3, day: 1)!, groups: [groups[index % 3]])
      )
    }
    let renamed = try registry.resolveUnit("虹口区房管局")
    _ = try registry.editUnit(renamed.id, UnitChanges(name: "虹口区房屋管理局", renamedOn: Fixture.today))
    return registry
  } catch {
    giveUp("cannot set up the fuzz registry: \(error)")
  }
}

func makeUnitKeys() -> [[UInt8]: Int] {
  var keys: [[UInt8]: Int] = [:]
  for name in Fixture.unitNames + ["虹口区房屋管理局"] {
    guard let reference = try? Fixture.registry.resolveUnit(name) else {
      giveUp("the fuzz registry cannot find \(name)")
    }
    keys[Array(NameKey.make(name).utf8)] = reference.id.rawValue
  }
  return keys
}

func checkLookup(_ query: String, group: Bool) {
  // A query with the exact key of a unit's name (current or former) finds that unit, unless
  // it is an id.
  let isID = Registry.parseID(String(query.unicodeScalars.filter { !$0.properties.isWhitespace })) != nil
  let owner = group || isID ? nil : Fixture.unitKeys[Array(NameKey.make(query).utf8)]
  do {
    let found =
      group ? try Fixture.registry.resolveGroup(query).id.rawValue : try Fixture.registry.resolveUnit(query).id.rawValue
    expect(found > 0, "\(query.debugDescription) found id \(found)")
    if let owner {
      expect(found == owner, "\(query.debugDescription) has the key of unit \(owner) but found unit \(found)")
    }
  } catch let refusal as Refusal {
    expect(owner == nil, "\(query.debugDescription) has the key of unit \(owner ?? 0) but: \(refusal)")
    // Not found, ambiguous or empty: nothing else.
    switch refusal {
    case .noSuchID, .noSuchName, .ambiguousName, .emptyReference: break
    default: expect(false, "\(query.debugDescription): \(refusal)")
    }
  } catch {
    expect(false, "\(query.debugDescription): unexpected error \(error)")
  }
}

runFuzzer { buffer in
  var input = FuzzInput(buffer)
  let choice = input.byte()
  let raw = text(input.rest())

  // The key: the fast path must agree with the full Unicode one whenever it answers.
  let key = NameKey.make(raw)
  if let fast = NameKey.fastKey(raw) {
    let full = NameKey.fullKey(raw)
    expect(
      identical(fast, full),
      "fastKey \(fast.debugDescription) != fullKey \(full.debugDescription) for \(raw.debugDescription)")
  }
  expect(
    identical(NameKey.make(key), key),
    "the key of \(raw.debugDescription) is \(key.debugDescription), whose key differs")
  expect(
    !key.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint },
    "the key of \(raw.debugDescription) holds whitespace or an invisible character")

  // A cleaned name is stored as is: cleaning it again changes nothing.
  switch TextInput.name(raw) {
  case .success(let name):
    expect(!name.isEmpty && name.unicodeScalars.count <= TextInput.maxNameLength, "name \(name.debugDescription)")
    expect(
      name.unicodeScalars.first?.properties.isWhitespace == false, "name \(name.debugDescription) starts with a space")
    expect(
      name.unicodeScalars.last?.properties.isWhitespace == false, "name \(name.debugDescription) ends with a space")
    expect(
      !name.unicodeScalars.contains { $0.properties.generalCategory == .control }, "control in \(name.debugDescription)"
    )
    expect(
      identical((try? TextInput.name(name).get()) ?? "", name), "cleaning \(name.debugDescription) again changes it")
    expect(!NameKey.make(name).isEmpty, "name \(name.debugDescription) has an empty key")
  case .failure(let problem):
    expect(isTextProblem(problem), "name \(raw.debugDescription): \(problem)")
  }

  switch TextInput.optionalNote(raw) {
  case .success(let note?):
    expect(!note.isEmpty && note.unicodeScalars.count <= TextInput.maxNoteLength, "note \(note.debugDescription)")
    expect(
      identical((try? TextInput.optionalNote(note).get()) ?? "", note),
      "cleaning the note \(note.debugDescription) again changes it")
  case .success(nil):
    break
  case .failure(let problem):
    expect(isTextProblem(problem), "note \(raw.debugDescription): \(problem)")
  }

  // Lookups (a database round trip each: not on every input, to keep the key checks fast).
  if choice & 0x03 == 0 { checkLookup(raw, group: false) }
  if choice & 0x0C == 0 { checkLookup(raw, group: true) }
}

/// What cleaning a typed text may refuse it for: the problems of text, never of dates or rules.
func isTextProblem(_ problem: ValueProblem) -> Bool {
  switch problem {
  case .missing, .tooLong, .tooLongOnceNormalised, .controlCharacter, .invisibleOnly: true
  default: false
  }
}
