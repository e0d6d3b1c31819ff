import GongjianPresentation
import Testing

@testable import GongjianWeb

@Suite struct FormAndAddressTests {
  @Test func formsAreDecodedAsBrowsersSendThem() throws {
    let form = try #require(FormValues.parse(Array("name=%E5%A4%8D%E6%97%A6+%E5%A4%A7%E5%AD%A6&joined=&force=1".utf8)))
    #expect(form["name"] == "复旦 大学")
    #expect(form.given("joined") == nil)
    #expect(form.isChecked("force"))
    #expect(!form.isChecked("lead"))
  }

  @Test func unreadableFormsAreRefusedNotGuessed() {
    #expect(FormValues.parse(Array("name=%E5%A4".utf8)) == nil)
    #expect(FormValues.parse(Array("name=%zz".utf8)) == nil)
  }

  @Test func listenAddresses() {
    #expect(WebOptions.address("127.0.0.1:8080")! == ("127.0.0.1", 8080))
    #expect(WebOptions.address("[::1]:0")! == ("::1", 0))
    #expect(WebOptions.address("localhost:80")! == ("localhost", 80))
    #expect(WebOptions.address("0.0.0.0:8080")! == ("0.0.0.0", 8080))
    for bad in ["", "8080", "127.0.0.1", "127.0.0.1:99999", "example.com:80", "::1:80", "127.0.0.1:-1"] {
      #expect(WebOptions.address(bad) == nil, "\(bad)")
    }
    #expect(WebOptions.isLoopback("127.0.0.1") && WebOptions.isLoopback("::1") && !WebOptions.isLoopback("0.0.0.0"))
  }

  @Test func optionsFromTheCommandLine() throws {
    let options = try WebOptions.parse(["--db", "/tmp/r.sqlite", "--listen", "0.0.0.0:0", "--lang", "en", "--by", "王芳"])
    #expect(options.databasePath == "/tmp/r.sqlite" && options.port == 0 && options.language == .en)
    #expect(!options.isLoopback && options.changedBy == "王芳")
    #expect(throws: WebProblem.listenAddressInvalid("nowhere")) {
      try WebOptions.parse(["--db", "/tmp/r.sqlite", "--listen", "nowhere"])
    }
  }

  @Test func sessionTokensAreLongAndRandom() async {
    let store = SessionStore()
    let first = await store.session(nil).session
    let second = await store.session(nil).session
    #expect(first.id.count == 64 && first.formToken.count == 64)
    #expect(Set([first.id, first.formToken, second.id, second.formToken]).count == 4)
    #expect(await store.session(first.id).isNew == false)
    #expect(await store.session("not-a-session").isNew)
  }

  @Test func aFloodOfVisitorsCannotFillTheMemoryNorSignAnyoneOut() async {
    let store = SessionStore()
    let visitor = await store.session(nil).session
    let account = await store.signIn(visitor, name: "王芳", role: .editor)
    for _ in 0..<(SessionStore.sessionLimit + 100) { _ = await store.session(nil) }
    #expect(await store.count <= SessionStore.sessionLimit)
    #expect(await store.session(account.id).isNew == false, "a signed-in account outlives anonymous visitors")
  }

  @Test func signInAttemptsAreThrottled() async {
    let store = SessionStore()
    for _ in 0..<SessionStore.failureLimit {
      #expect(await store.throttled(name: "王芳", address: "10.0.0.2") == nil)
      await store.failed(name: "王芳", address: "10.0.0.2")
    }
    #expect(await store.throttled(name: "王 芳", address: "10.0.0.3") != nil, "by name, whatever the address")
    #expect(await store.throttled(name: "李明", address: "10.0.0.2") != nil, "by address, whatever the name")
    #expect(await store.throttled(name: "李明", address: "10.0.0.3") == nil)
  }

  @Test func textIsEscapedInTemplates() {
    let html = Pages.render("message", ["heading": "<script>alert(1)</script>", "text": "\"'&"])
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;"))
  }
}
