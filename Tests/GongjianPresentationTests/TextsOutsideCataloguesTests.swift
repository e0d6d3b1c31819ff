import Foundation
import Testing

/// Every text meant for a person lives in the catalogues (one per language). This test reads
/// the sources and fails on a string literal outside them that looks like such a text: one
/// with Chinese in it, or an English phrase of three words or more that is not SQL.
@Suite struct TextsOutsideCataloguesTests {
  /// Where person-facing words are allowed, and why.
  static let allowed: [(path: String, reason: String)] = [
    ("Sources/GongjianPresentation/Catalogue/", "the catalogues themselves"),
    ("Sources/GongjianPresentation/Columns/", "column tables: each column's Chinese and English heading with its key"),
    ("Sources/GongjianPresentation/Styles/", "font names and colours"),
    (
      "Sources/GongjianRegistry/Rules/Vocabulary.swift",
      "the words and marks the registry reads in typed text and cells"
    ),
    ("Sources/SQLite/", "the SQL wrapper's own errors, for developers: a person meets them only through a bug"),
    ("Sources/gongjian/Support/ErrorReport.swift", "the argument parser's English, recognised in order to be replaced"),
    ("Sources/gongjian/Support/HelpText.swift", "the argument parser's English, recognised in order to be replaced"),
    ("Sources/GongjianPresentation/Styles/", "font names and colours"),
    (
      "Sources/GongjianRegistry/Rules/Vocabulary.swift",
      "the words and marks the registry reads in typed text and cells"
    ),
    ("Sources/SQLite/", "the SQL wrapper's own errors, for developers: a person meets them only through a bug"),
    ("Sources/gongjian/Support/ErrorReport.swift", "the argument parser's English, recognised in order to be replaced"),
    ("Sources/gongjian/Support/HelpText.swift", "the argument parser's English, recognised in order to be replaced"),
    ("Sources/GongjianRegistry/Import/ImportColumns.swift", "file headers are data: the import format's column names"),
    ("Sources/GongjianRegistry/Import/GroupSheet.swift", "file headers are data: the group sheet's column names"),
    ("Sources/GongjianRegistry/Import/ListColumns.swift", "file headers are data: the list files' columns and sheets"),
    ("Sources/GongjianRegistry/Model/ListItems.swift", "the lists' standard categories and levels are stored values"),
    ("Sources/GongjianRegistry/Model/Unit.swift", "the standard kinds are stored values"),
    ("Sources/GongjianRegistry/Model/UnitInput.swift", "the default agreement title is a stored value"),
    ("Sources/EmbedMigrations/", "a build tool's messages to the developer"),
    ("Sources/GongjianRegistry/Import/HeaderText.swift", "the words offices put in title and total rows"),
  ]

  static var root: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  @Test func noTextForAPersonOutsideTheCatalogues() throws {
    let sources = Self.root.appendingPathComponent("Sources")
    guard let files = FileManager.default.enumerator(atPath: sources.path) else {
      Issue.record("cannot read \(sources.path)")
      return
    }
    var found: [String] = []
    var scanned = 0
    for case let relative as String in files where relative.hasSuffix(".swift") {
      let path = "Sources/" + relative
      if Self.allowed.contains(where: { path.hasPrefix($0.path) }) { continue }
      let text = try String(contentsOfFile: sources.appendingPathComponent(relative).path, encoding: .utf8)
      scanned += 1
      for literal in SwiftLiterals.strings(in: text) where Self.isTextForAPerson(literal.text) {
        found.append("\(path):\(literal.line): \(literal.text.prefix(70))")
      }
    }
    #expect(scanned > 30, "the sources were not found")
    #expect(found.isEmpty, "texts for a person outside the catalogues:\n\(found.joined(separator: "\n"))")
  }

  @Test func theCheckFindsWhatItLooksFor() {
    #expect(Self.isTextForAPerson("已登记"))
    #expect(Self.isTextForAPerson("the unit is not in the alliance"))
    #expect(!Self.isTextForAPerson("SELECT id FROM unit WHERE name_key = ?"))
    #expect(!Self.isTextForAPerson("joined_on"))
    #expect(!Self.isTextForAPerson("--expiring-within"))
    #expect(!Self.isTextForAPerson("a.unit_id IS NULL OR a.unit_id = "))
    #expect(!Self.isTextForAPerson("<rect x=\"0\" y=\"0\" width=\"960\"/>"))
    let literals = SwiftLiterals.strings(in: #"let a = "one \("two") three" // "four five six""#)
    #expect(Set(literals.map(\.text)) == ["one  three", "two"])
  }

  static func isTextForAPerson(_ literal: String) -> Bool {
    // SQL and markup carry words of their own; the texts inside them come from the catalogues.
    let sqlWords = [
      "SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "PRAGMA ", " FROM ", " WHERE ", "ALTER ", "DROP ",
      " IS NULL", " IS NOT NULL", " AND ", " OR ", "ORDER BY ", " LIMIT ", "JOIN ",
    ]
    if sqlWords.contains(where: literal.contains) { return false }
    if literal.contains("<") && literal.contains(">") && literal.contains("=\"") { return false }
    if literal.unicodeScalars.contains(where: {
      (0x3400...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value)
    }) {
      return true
    }
    // Three words of letters in a row: a phrase.
    var run = 0
    for word in literal.split(whereSeparator: { $0 == " " }) {
      let letters = word.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?'()"))
      if letters.count >= 2, letters.allSatisfy({ $0.isASCII && $0.isLetter }) {
        run += 1
        if run >= 3 { return true }
      } else {
        run = 0
      }
    }
    return false
  }
}

/// The string literals of Swift source, with the line each starts on; interpolated
/// expressions are read as code (their own literals are found too), comments are skipped.
enum SwiftLiterals {
  struct Literal {
    var text: String
    var line: Int
  }

  static func strings(in source: String) -> [Literal] {
    var scanner = Scanner(characters: Array(source))
    scanner.code(until: nil)
    return scanner.found
  }

  struct Scanner {
    let characters: [Character]
    var index = 0
    var line = 1
    var found: [Literal] = []

    func peek(_ offset: Int = 0) -> Character? {
      index + offset < characters.count ? characters[index + offset] : nil
    }

    mutating func advance() {
      if characters[index] == "\n" { line += 1 }
      index += 1
    }

    /// Code up to a closing `)` when `closing` is set (an interpolation), else to the end.
    mutating func code(until closing: Character?) {
      var depth = 0
      while let character = peek() {
        if character == "/" && peek(1) == "/" {
          while let next = peek(), next != "\n" { advance() }
        } else if character == "/" && peek(1) == "*" {
          advance()
          advance()
          while peek() != nil && !(peek() == "*" && peek(1) == "/") { advance() }
          if peek() != nil {
            advance()
            advance()
          }
        } else if character == "\"" || (character == "#" && peek(1) == "\"") {
          literal()
        } else if let closing, character == closing, depth == 0 {
          advance()
          return
        } else {
          if character == "(" { depth += 1 }
          if character == ")" { depth -= 1 }
          advance()
        }
      }
    }

    mutating func literal() {
      var hashes = 0
      while peek() == "#" {
        hashes += 1
        advance()
      }
      let startLine = line
      let multiline = peek() == "\"" && peek(1) == "\"" && peek(2) == "\""
      for _ in 0..<(multiline ? 3 : 1) { advance() }
      let terminator = String(repeating: "\"", count: multiline ? 3 : 1) + String(repeating: "#", count: hashes)
      let escape = "\\" + String(repeating: "#", count: hashes)
      var text = ""
      while peek() != nil {
        if matches(terminator) {
          for _ in 0..<terminator.count { advance() }
          break
        }
        if matches(escape) {
          for _ in 0..<escape.count { advance() }
          if peek() == "(" {
            advance()
            code(until: ")")
          } else if peek() != nil {
            advance()
          }
          continue
        }
        text.append(characters[index])
        advance()
      }
      found.append(Literal(text: text, line: startLine))
    }

    func matches(_ text: String) -> Bool {
      for (offset, character) in text.enumerated() where peek(offset) != character { return false }
      return true
    }
  }
}
