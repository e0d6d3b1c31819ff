import GongjianPresentation
import GongjianRegistry
import Testing

@testable import GongjianWeb

/// The queries of the pages beyond a unit: the growth report's options as `report growth`'s,
/// which items a list shows, and templates that all compile.
@Suite struct PagesQueryTests {
  let server: WebServer

  init() throws {
    server = WebServer(options: try WebOptions.parse(["--db", "/nonexistent/registry.sqlite"]), localName: "test")
  }

  func query(_ text: String) throws -> FormValues {
    try #require(FormValues.parse(query: text))
  }

  func request(_ text: String) throws -> GrowthRequest {
    try server.growthRequest(try query(text)) { name in
      guard name == "#7" else { throw Refusal.noSuchID(.group, id: 0) }
      return GroupID(7)
    }
  }

  @Test func growthQueriesAreReportGrowthsOptions() throws {
    let asked = try request("from=2016&to=2019&period=quarter&by=kind")
    #expect(asked.from == 2016 && asked.to == 2019 && asked.period == .quarter && asked.by == .kind)
    let plain = try request("by=none&from=&group=&kind=")
    #expect(plain.by == nil && plain.from == nil && plain.period == .year && plain.group == nil && plain.kind == nil)
    let filtered = try request("group=%237&kind=%E4%BC%81%E4%B8%9A")
    #expect(filtered.group == GroupID(7) && filtered.kind == "企业")
    #expect(throws: Refusal.noSuchID(.group, id: 0)) { try request("group=%238") }
    #expect(throws: BadQuery.self) { try request("period=week") }
    #expect(throws: BadQuery.self) { try request("by=colour") }
    #expect(throws: Refusal.invalid(.year, .yearOutOfRange(1800))) { try request("from=1800") }
    #expect(try server.growthQuery(query("from=2016&x=1&to=&period=month")) == "?from=2016&period=month")
    #expect(try server.growthQuery(query("kind=a&group=%237")) == "?kind=a&group=%237")
    #expect(try server.growthQuery(query("year=2019")) == "")
  }

  @Test func aNeedIsClaimedByAUnitOrWithOneOfItsResources() {
    #expect(WebServer.resourceClaimant("resource-12") == 12)
    #expect(WebServer.resourceClaimant("12") == nil && WebServer.resourceClaimant("resource-x") == nil)
  }

  @Test func everyPageFormShowsAProblemNextToOneOfItsFields() {
    for form in [
      PageForm.meetingAdd, .attend, .topic, .decide, .followupAdd, .followupUpdate, .projectAdd, .activityAdd,
    ] {
      #expect(!form.keys.isEmpty && !form.fallback.isEmpty, "\(form.id)")
    }
    let refused = FailedForm(form: .topic, values: FormValues([("text", "议题")]), problems: ["on": "x"], message: "x")
    #expect(refused.shown(.topic, defaults: FormValues()).open && !refused.shown(.decide, defaults: FormValues()).open)
    #expect(refused.shown(.decide, defaults: FormValues([("kind", "other")])).values["kind"] == "other")
  }

  @Test func aListShowsAKnownViewOrItsDefault() throws {
    #expect(try server.view(query("show=overdue"), among: WebServer.needViews) == "overdue")
    #expect(try server.view(query("show=%3Cscript%3E"), among: WebServer.needViews) == "open")
    #expect(try server.view(query(""), among: WebServer.projectViews) == "unfinished")
  }

  @Test(arguments: Templates.pages.map(\.0))
  func everyTemplateCompiles(_ name: String) {
    #expect(!Pages.render(name, [:]).isEmpty || name == "fields", "\(name) did not compile")
  }
}
