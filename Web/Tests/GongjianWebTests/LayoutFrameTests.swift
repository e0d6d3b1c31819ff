import GongjianPresentation
import Testing

@testable import GongjianWeb

/// The layout kept as a frame gives, byte for byte, the page Mustache renders whole, for every
/// kind of viewer and whatever the values hold.
@Suite struct LayoutFrameTests {
  static let awkward = [
    "虹口区图书馆", "<script>alert(1)</script>", "a & b \"c\" 'd'", "", "\u{1}body\u{1}", "{{title}}", "e\u{301}<",
  ]

  @Test func theFrameGivesThePageMustacheRendersWhole() {
    var compared = 0
    for language in Language.allCases {
      for (mayAdminister, signedIn) in [(false, false), (true, true), (false, true)] {
        for (index, text) in Self.awkward.enumerated() {
          let session = Session(
            id: "s\(index)", formToken: "token\(text)", accountName: nil, role: nil, lastSeen: 0, notice: nil)
          let viewer = Viewer(
            language: language, session: session, mayReadContacts: true, mayChange: true,
            mayAdminister: mayAdminister, who: "王\(text)", signedIn: signedIn)
          for (notice, error) in [(nil, nil), (text, nil), (nil, text), ("通知", "错误" + text)] as [(String?, String?)] {
            let body = "<h1>\(text)</h1>"
            let page = Pages.page(viewer, title: "标题" + text, body: body, notice: notice, error: error)
            let texts = language.texts
            let values: [LayoutFrame.Slot: String] = [
              .title: texts.webPageTitle("标题" + text, site: texts.webSiteName(subdistrict: "")),
              .who: viewer.who, .csrf: session.formToken, .notice: notice ?? "", .error: error ?? "", .body: body,
            ]
            let whole = Pages.render(
              "layout", Pages.layoutContext(viewer, values: values, notice: notice != nil, error: error != nil))
            #expect(page == whole, "\(language) \(text.debugDescription) \(String(describing: notice))")
            compared += 1
          }
        }
      }
    }
    #expect(compared == 2 * 3 * Self.awkward.count * 4)
  }

  @Test func aRenderingWithAStrayMarkerIsNotAFrame() {
    #expect(LayoutFrame(rendered: "a\u{1}who\u{1}b") != nil)
    #expect(LayoutFrame(rendered: "a\u{1}nobody\u{1}b") == nil)
    #expect(LayoutFrame(rendered: "a\u{1}who") == nil)
  }
}
