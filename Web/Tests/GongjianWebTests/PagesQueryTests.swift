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

  @Test func growthQueriesAreReportGrowthsOptions() throws {
    let request = try server.growthRequest(query("from=2016&to=2019&period=quarter&by=kind"))
    #expect(request.from == 2016 && request.to == 2019 && request.period == .quarter && request.by == .kind)
    let plain = try server.growthRequest(query("by=none&from="))
    #expect(plain.by == nil && plain.from == nil && plain.period == .year)
    #expect(throws: BadQuery.self) { try server.growthRequest(query("period=week")) }
    #expect(throws: BadQuery.self) { try server.growthRequest(query("by=colour")) }
    #expect(throws: Refusal.invalid(.year, .yearOutOfRange(1800))) { try server.growthRequest(query("from=1800")) }
    #expect(try server.growthQuery(query("from=2016&x=1&to=&period=month")) == "?from=2016&period=month")
    #expect(try server.growthQuery(query("year=2019")) == "")
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
