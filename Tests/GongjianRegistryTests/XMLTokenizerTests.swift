import Foundation
import Testing

@testable import GongjianRegistry

/// The streaming XML tokenizer on its own: the same tokens however the bytes arrive, XML's
/// rules for text, and every kind of damage refused with the part and the offset.
@Suite("XML tokenizer")
struct XMLTokenizerTests {
  /// The tokens of `xml` read `piece` bytes at a time, as `start:name[attr=value]`, `text:…`
  /// (pieces of one text joined) and `end:name`; or the problem it stopped on.
  static func trace(
    _ xml: [UInt8], piece: Int = Int.max, limits: InputLimits = .standard, attributes: [StaticString] = []
  ) -> (tokens: [String], problem: InputProblem?) {
    var tokenizer = XMLTokenizer(part: "p.xml", source: MemoryByteSource(xml, piece: piece), limits: limits)
    var tokens: [String] = []
    var text: [UInt8] = []
    func flush() {
      if !text.isEmpty { tokens.append("text:" + String(decoding: text, as: UTF8.self)) }
      text = []
    }
    do {
      while true {
        let event = try tokenizer.next()
        switch event {
        case .start:
          flush()
          var token = "start:" + names.first { tokenizer.isNamed($0) }.map { "\($0)" }!
          for attribute in attributes {
            if let value = try tokenizer.stringAttribute(attribute) { token += "[\(attribute)=\(value)]" }
          }
          tokens.append(token)
        case .end:
          flush()
          tokens.append("end:" + names.first { tokenizer.isNamed($0) }.map { "\($0)" }!)
        case .text:
          try tokenizer.appendText(to: &text)
        case .endOfDocument:
          flush()
          return (tokens, nil)
        }
      }
    } catch let problem as InputProblem {
      return (tokens, problem)
    } catch {
      Issue.record("not an InputProblem: \(error)")
      return (tokens, nil)
    }
  }

  static let names: [StaticString] = ["a", "b", "c", "t", "row", "x"]

  static func trace(
    _ xml: String, piece: Int = Int.max, limits: InputLimits = .standard, attributes: [StaticString] = []
  )
    -> (tokens: [String], problem: InputProblem?)
  {
    trace(Array(xml.utf8), piece: piece, limits: limits, attributes: attributes)
  }

  @Test("declaration, comments, instructions, CDATA, entities, references, prefixes, empty elements")
  func wellFormed() {
    let xml = """
      \u{FEFF}<?xml version="1.0" encoding="utf-8" standalone="yes"?>
      <!-- a comment with <tags> & stuff --><x:a xmlns:x="urn:x" x:b='1 &amp; 2' c = "&#x4E2D;&#25991;">
        <b/><t>&lt;甲&gt; &quot;x&quot; &apos;y&apos; &#x1F600;</t><?pi ignored?>
        <t><![CDATA[<not a tag> & no entity]]></t>
      </x:a>
      """
    let expected = [
      "start:a[b=1 & 2][c=中文]", "text:\n  ", "start:b", "end:b", "start:t", "text:<甲> \"x\" 'y' 😀", "end:t",
      "text:\n  ", "start:t", "text:<not a tag> & no entity", "end:t", "text:\n", "end:a",
    ]
    let whole = Self.trace(xml, attributes: ["b", "c"])
    #expect(whole.problem == nil)
    #expect(whole.tokens == expected)
    for piece in 1...17 {
      #expect(Self.trace(xml, piece: piece, attributes: ["b", "c"]).tokens == expected, "\(piece)-byte pieces")
    }
  }

  @Test("line ends: CRLF and CR are LF in text, and one space in attributes")
  func lineEnds() {
    let result = Self.trace("<a b=\"1\r\n2\t3\"><t>x\r\ny\rz\n</t></a>", attributes: ["b"])
    #expect(result.tokens == ["start:a[b=1 2 3]", "start:t", "text:x\ny\nz\n", "end:t", "end:a"])
  }

  @Test("a long text comes in pieces through a small window, entities and characters whole")
  func longText() {
    var limits = InputLimits.standard
    limits.xmlTagBytes = 1_024
    let unit = "中文&amp;&#x1F600;abc"
    let body = String(repeating: unit, count: 40_000)
    let result = Self.trace("<a><t>\(body)</t></a>", piece: 777, limits: limits)
    #expect(result.problem == nil)
    #expect(result.tokens.count == 5)
    #expect(result.tokens[2] == "text:" + String(repeating: "中文&😀abc", count: 40_000))
  }

  @Test("a DOCTYPE is refused: no entities to expand, nothing external")
  func doctype() {
    let laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><a>&lol2;</a>"
    #expect(Self.trace(laughs).problem == .xmlDoctype(part: "p.xml"))
    let external = "<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a>&xxe;</a>"
    #expect(Self.trace(external).problem == .xmlDoctype(part: "p.xml"))
  }

  @Test("not UTF-8: UTF-16 with or without a BOM, or a declaration naming another encoding")
  func encodings() {
    let utf16 = [UInt8]([0xFF, 0xFE]) + Array("<a/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(Self.trace(utf16).problem == .xmlNotUTF8(part: "p.xml"))
    let bare = Array("<a/>".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(Self.trace(bare).problem == .xmlNotUTF8(part: "p.xml"))
    #expect(Self.trace("<?xml version=\"1.0\" encoding=\"GBK\"?><a/>").problem == .xmlNotUTF8(part: "p.xml"))
    #expect(Self.trace("<?xml version='1.0' encoding='UTF-8'?><a/>").problem == nil)
  }

  @Test(
    "damage is refused with its offset",
    arguments: [
      ("<a><b></a></b>", 6), ("<a>", 3), ("<a></a><b/>", 7), ("x<a/>", 0), ("<a/>x", 4), ("<a b=\"<\"/>", 0),
      ("<a>&foo;</a>", 3), ("<a>&#0;</a>", 3), ("<a>&#xD800;</a>", 3), ("<a>&#x110000;</a>", 3), ("<a>&amp</a>", 3),
      ("<a>\u{01}</a>", 3), ("<a b=1/>", 0), ("<a b\"1\"/>", 0), ("<a b=\"1\"c=\"2\"/>", 0), ("<!x><a/>", 0),
      ("<a></a", 3), ("<>", 0), ("</a>", 0), ("<a><![CDATA[x</a>", 3), ("<a><!-- x</a>", 3), ("", 0),
      ("<a b=\"1\" b/>", 0), ("<a/ >", 0),
    ])
  func damage(_ xml: String, offset: Int) {
    let result = Self.trace(xml)
    #expect(result.problem == .xmlDamaged(part: "p.xml", offset: offset), "\(xml.debugDescription): \(result)")
    // The same however the bytes arrive.
    #expect(Self.trace(xml, piece: 1).problem == result.problem, "\(xml.debugDescription) byte by byte")
  }

  @Test("an attribute value that is not UTF-8 is damage")
  func attributeNotUTF8() {
    let xml = Array("<a b=\"".utf8) + [0xFF] + Array("\"/>".utf8)
    #expect(Self.trace(xml, attributes: ["b"]).problem == .xmlDamaged(part: "p.xml", offset: 0))
  }

  @Test("a tag longer than the window, and elements nested too deep, are too complex")
  func limits() {
    var limits = InputLimits.standard
    limits.xmlTagBytes = 64
    limits.xmlDepth = 8
    let longTag = "<a b=\"" + String(repeating: "x", count: 200) + "\"/>"
    #expect(Self.trace(longTag, limits: limits).problem == .xmlTooComplex(part: "p.xml", offset: 0, limit: 64))
    let deep = String(repeating: "<a>", count: 9) + String(repeating: "</a>", count: 9)
    #expect(Self.trace(deep, limits: limits).problem == .xmlTooComplex(part: "p.xml", offset: 24, limit: 8))
    let fits = String(repeating: "<a>", count: 8) + String(repeating: "</a>", count: 8)
    #expect(Self.trace(fits, limits: limits).problem == nil)
  }
}
