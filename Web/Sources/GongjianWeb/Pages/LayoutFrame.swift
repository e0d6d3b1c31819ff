import GongjianPresentation
import NIOConcurrencyHelpers

/// The layout around every page, rendered by Mustache once per language and kind of viewer,
/// with a marker where each request's own value goes (the title, who is there, the form
/// token, the notice, the error, the body). A page then costs the layout's splicing, not a
/// Mustache rendering with its dynamic look-ups, which took half of a roster page's time.
/// The values are escaped as Mustache escapes `{{…}}`, the body is put in as `{{{body}}}`.
struct LayoutFrame: Sendable {
  /// The values a request brings.
  enum Slot: String, CaseIterable, Sendable {
    case title, who, csrf, notice, error, body
  }

  /// What the frame depends on besides the slots: at most 2 × 2⁴ frames.
  struct Key: Hashable, Sendable {
    var language: Language
    var mayAdminister: Bool
    var signedIn: Bool
    var notice: Bool
    var error: Bool
  }

  /// The layout's text around the slots: `texts[0]`, `slots[0]`, `texts[1]`, … `texts.last`.
  let texts: [String]
  let slots: [Slot]

  /// A character no value of the layout's own holds (control characters never reach a
  /// catalogue text or a name), which Mustache's escaping leaves as it is.
  static let marker: Character = "\u{1}"

  /// Each slot's marker, to render the frame with.
  static let markers = Dictionary(
    uniqueKeysWithValues: Slot.allCases.map { ($0, "\(marker)\($0.rawValue)\(marker)") })

  /// Cuts a layout rendered with the markers into its texts and slots; nil if it holds a
  /// marker character that is not one of the markers.
  init?(rendered: String) {
    var texts: [String] = []
    var slots: [Slot] = []
    for (index, piece) in rendered.split(separator: Self.marker, omittingEmptySubsequences: false).enumerated() {
      if index % 2 == 0 {
        texts.append(String(piece))
      } else {
        guard let slot = Slot(rawValue: String(piece)) else { return nil }
        slots.append(slot)
      }
    }
    guard texts.count == slots.count + 1 else { return nil }
    self.texts = texts
    self.slots = slots
  }

  /// The page: the frame's texts with the request's values between them.
  func filled(with values: [Slot: String]) -> String {
    var page = ""
    page.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count } + (values[.body]?.utf8.count ?? 0) + 512)
    for (index, text) in texts.enumerated() {
      page += text
      guard index < slots.count else { break }
      let value = values[slots[index]] ?? ""
      page += slots[index] == .body ? value : HTMLTable.escape(value)
    }
    return page
  }

  private static let frames = NIOLockedValueBox<[Key: LayoutFrame]>([:])

  /// The frame for `key`, rendered by `render` the first time it is asked for; nil when
  /// the rendering cannot be cut into a frame (then the page is rendered whole).
  static func frame(_ key: Key, render: () -> String) -> LayoutFrame? {
    if let frame = frames.withLockedValue({ $0[key] }) { return frame }
    guard let frame = LayoutFrame(rendered: render()) else { return nil }
    frames.withLockedValue { $0[key] = frame }
    return frame
  }
}
