import Testing

@testable import GongjianRegistry

/// Ways people type 上海长远文化(集团)有限公司: all one unit (SPEC §5).
let nameVariants: [String] = [
  "上海长远文化(集团)有限公司",
  "上海长远文化（集团）有限公司",  // full-width brackets
  "上海长远文化 (集团) 有限公司",  // spaces around the brackets
  "上海长远文化 （集团） 有限公司",
  "上海长远文化\u{3000}(集团)\u{3000}有限公司",  // ideographic spaces
  "上海 长远 文化 (集团) 有限 公司",  // inner spaces
  "  上海长远文化(集团)有限公司  ",  // surrounding spaces
  "上海长远文化\t(集团)有限公司",  // a tab
  "上海长远文化\u{00A0}(集团)有限公司",  // a no-break space
  "上海长远文化\u{200B}(集团)有限公司",  // a zero-width space
  "\u{FEFF}上海长远文化(集团)有限公司",  // a BOM pasted from a file
  "上海长远文化（ 集团 ）有限公司\u{3000}",
]

@Suite struct NameKeyTests {
  static let canonical = NameKey.make("上海长远文化(集团)有限公司")

  @Test func theKeyOfTheCanonicalName() {
    #expect(Self.canonical == "上海长远文化(集团)有限公司")
  }

  @Test(arguments: nameVariants)
  func variantHasTheSameKey(_ variant: String) {
    #expect(NameKey.make(variant) == Self.canonical)
    #expect(NameKey.fullKey(variant) == Self.canonical)
  }

  /// Full-width Latin letters and case do not make another unit either.
  static let latinVariants: [[String]] = [
    ["上海ABC科技有限公司", "上海ａｂｃ科技有限公司", "上海ＡＢＣ科技有限公司", "上海 Abc 科技有限公司", "上海abc科技有限公司"],
    ["IBM中国有限公司", "ibm中国有限公司", "ＩＢＭ中国有限公司", "I B M 中国有限公司"],
    ["第1分公司", "第１分公司", "第 1 分公司"],
    ["Äpfel GmbH", "äpfel gmbh", "ÄPFEL GMBH", "A\u{308}pfel GmbH"],  // precomposed and combining umlaut
    ["ﬁnance", "finance", "FINANCE"],  // the fi ligature
  ]

  @Test(arguments: latinVariants)
  func latinVariantsShareAKey(_ names: [String]) {
    let keys = Set(names.map(NameKey.make))
    #expect(keys.count == 1, "\(names) → \(keys)")
  }

  static let different: [(String, String)] = [
    ("上海长远文化(集团)有限公司", "上海长远文化有限公司"),
    ("上海长远文化(集团)有限公司", "上海长远文化(集团)股份有限公司"),
    ("上海长远文化(集团)有限公司", "上海长远文化[集团]有限公司"),
    ("上海长远文化(集团)有限公司", "上海長遠文化(集團)有限公司"),  // traditional characters are other text
    ("建设银行虹口支行", "浦发银行虹口支行"),
    ("虹口区房管局", "虹口区司法局"),
    ("abc", "abd"),
    ("第1分公司", "第2分公司"),
    ("A-B", "AB"),
  ]

  @Test(arguments: different)
  func differentNamesHaveDifferentKeys(_ first: String, _ second: String) {
    #expect(NameKey.make(first) != NameKey.make(second))
  }

  @Test func theKeyHasNoWhitespaceOrInvisibleCharacters() {
    for name in nameVariants + ["a \u{2003}b\u{2028}c\u{200D}d\u{2060}e"] {
      let key = NameKey.make(name)
      #expect(
        !key.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint },
        "\(key)")
    }
  }

  @Test func makingAKeyOfAKeyChangesNothing() {
    for names in Self.latinVariants {
      for name in names + nameVariants {
        let key = NameKey.make(name)
        #expect(NameKey.make(key) == key, "\(name)")
      }
    }
  }

  // MARK: - The fast path agrees with the full one

  static let fastCases: [String] = [
    "",
    "abc",
    "ABC",
    "Hello World",
    "上海长远文化(集团)有限公司",
    "上海长远文化 (集团) 有限公司",
    "复旦大学外文学院",
    "【虹口】《欧阳路》「街道」、。",
    "〈甲〉『乙』",
    "IBM China 第1分公司 #2/3-4_5",
    "㐀㑇䶵",  // CJK Extension A
    "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./",
    // These need the full treatment: fastKey must step aside.
    "上海长远文化（集团）有限公司",
    "ＡＢＣ",
    "a\u{3000}b",
    "a\tb",
    "Äpfel",
    "e\u{301}",
    "ﬁ",
    "\u{200B}",
  ]

  @Test(arguments: fastCases)
  func fastKeyEqualsFullKey(_ name: String) {
    if let fast = NameKey.fastKey(name) {
      #expect(fast == NameKey.fullKey(name))
    }
    #expect(NameKey.make(name) == NameKey.fullKey(name))
  }

  @Test func fastKeyTakesPlainNamesAndStepsAsideForOthers() {
    #expect(NameKey.fastKey("上海长远文化(集团)有限公司") != nil)
    #expect(NameKey.fastKey("Hello World") == "helloworld")
    #expect(NameKey.fastKey("上海长远文化（集团）有限公司") == nil)
    #expect(NameKey.fastKey("ＡＢＣ") == nil)
    #expect(NameKey.fastKey("a\tb") == nil)
  }

  @Test func fastKeyEqualsFullKeyOnRandomNames() {
    var random = SplitMix64(seed: 20_191_127)
    // Mostly what fastKey takes (ASCII, CJK ideographs and brackets), sometimes what it does not.
    let pools: [ClosedRange<UInt32>] = [
      0x20...0x7E, 0x20...0x7E, 0x4E00...0x9FFF, 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3001...0x3002,
      0x3008...0x3011, 0x41...0x5A, 0xFF01...0xFF5E, 0x3000...0x3000, 0xC0...0x17F,
    ]
    var fastCount = 0
    var mismatches: [String] = []
    for round in 0..<3_000 {
      let length = Int.random(in: 0...24, using: &random)
      // Half the names stay on the fast path's characters only.
      let usable = round % 2 == 0 ? pools.prefix(7) : pools[...]
      var scalars = String.UnicodeScalarView()
      for _ in 0..<length {
        let pool = usable.randomElement(using: &random)!
        if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &random)) { scalars.append(scalar) }
      }
      let name = String(scalars)
      if let fast = NameKey.fastKey(name) {
        fastCount += 1
        if fast != NameKey.fullKey(name) { mismatches.append(name) }
      }
      if NameKey.make(name) != NameKey.fullKey(name) { mismatches.append(name) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    #expect(fastCount >= 1_500, "the fast path was exercised \(fastCount) times")
  }

  // MARK: - Cleaning names before they are stored

  static let cleaned: [(raw: String, stored: String)] = [
    ("复旦大学外文学院", "复旦大学外文学院"),
    ("  复旦大学外文学院  ", "复旦大学外文学院"),
    ("上海长远文化  (集团)\t有限公司", "上海长远文化 (集团) 有限公司"),
    ("上海长远文化\u{3000}\u{3000}(集团)", "上海长远文化 (集团)"),
    ("\u{200B}复旦\u{200B}大学\u{FEFF}", "复旦大学"),
    ("Bank  of\n Shanghai", "Bank of Shanghai"),
    ("上海长远文化（集团）有限公司", "上海长远文化（集团）有限公司"),  // as entered, not normalised
    (String(repeating: "中", count: 200), String(repeating: "中", count: 200)),
    (" " + String(repeating: "a", count: 200) + " ", String(repeating: "a", count: 200)),
  ]

  @Test(arguments: cleaned)
  func nameIsCleaned(_ raw: String, to stored: String) throws {
    #expect(try TextInput.name(raw).get() == stored)
  }

  static let refusedNames: [(raw: String, because: ValueProblem)] = [
    ("", .missing),
    ("   ", .missing),
    ("\u{3000}\t\n", .missing),
    ("\u{200B}\u{FEFF}", .missing),
    ("复旦\u{0}大学", .controlCharacter(0x0)),
    ("复旦\u{7}大学", .controlCharacter(0x7)),
    ("复旦大学\u{1B}[31m", .controlCharacter(0x1B)),
    ("复旦\u{7F}大学", .controlCharacter(0x7F)),
    ("复旦\u{9B}大学", .controlCharacter(0x9B)),
    (String(repeating: "中", count: 201), .tooLong(limit: 200)),
    (String(repeating: "a", count: 100_000), .tooLong(limit: 200)),
    // Each is 株式会社 in the key.
    (String(repeating: "㍿", count: 60), .tooLongOnceNormalised(limit: 200, length: 240)),
  ]

  @Test(arguments: refusedNames)
  func nameIsRefused(_ raw: String, because reason: ValueProblem) {
    switch TextInput.name(raw) {
    case .success(let name): Issue.record("accepted \(name.prefix(20))")
    case .failure(let problem): #expect(problem == reason)
    }
  }

  /// The cleaning does not know which field it cleans; the operation names it.
  @Test func theFieldIsNamedInTheRefusal() throws {
    let test = try TestRegistry()
    #expect(
      expectRefusal { _ = try test.registry.addGroup(NewGroup(name: " ")) } == .invalid(.groupName, .missing))
    #expect(
      expectRefusal { _ = try test.registry.register(NewUnit(name: "", joinedOn: day("2019-06-20"))) }
        == .invalid(.name, .missing))
  }
}
