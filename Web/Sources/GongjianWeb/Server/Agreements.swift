import GongjianPresentation
import GongjianRegistry

/// Agreements to renew: those expiring within a number of days, or expired and not renewed
/// (`agreement list --expiring-within N`).
extension WebServer {
  /// How far ahead the overview and the agreements page look by default.
  static let expiryHorizon = 60

  /// `GET /agreements?days=N`.
  func agreementsPage(_ viewer: Viewer, query: FormValues) async throws -> Reply {
    let texts = viewer.language.texts
    var days = Self.expiryHorizon
    if let text = query.given("days") {
      guard let number = Int(text.filter { $0 != " " }) else { throw BadQuery() }
      days = number
    }
    let requested = days
    var problem: String?
    var rows: [ExpiringAgreement] = []
    do {
      rows = try await blocking { try open(.read, by: localName, command: "").expiringAgreements(within: requested) }
    } catch let refusal as Refusal {
      problem = texts.webRefusal(refusal)
    }
    let table =
      rows.isEmpty
      ? ""
      : HTMLTable.render(ListingColumns.expiringAgreements, rows, language: viewer.language) { row, key in
        key == "unit" ? "/units/\(row.agreement.unit.id.rawValue)" : nil
      }
    let body = Pages.render(
      "agreements",
      [
        "heading": texts.web(.agreementsHeading), "filtersHeading": texts.web(.filtersHeading),
        "daysLabel": texts.web(.expiringDaysLabel), "days": query["days"] ?? String(days),
        "show": texts.web(.showButton), "problem": problem ?? false, "invalid": problem != nil,
        "subheading": problem == nil ? texts.webExpiringWithin(days: days) : "",
        "empty": rows.isEmpty && problem == nil ? texts.web(.noExpiring) : false, "table": table,
        "footer": problem == nil ? texts.agreementCount(rows.count) : "",
      ])
    return Reply(
      status: problem == nil ? .ok : .unprocessableContent,
      body: Pages.page(viewer, title: texts.web(.agreementsHeading), body: body, error: problem))
  }
}
