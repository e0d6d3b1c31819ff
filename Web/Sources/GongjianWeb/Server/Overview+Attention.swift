import GongjianPresentation
import GongjianRegistry

/// The overview's part about what needs attention: agreements expiring within 60 days (or
/// expired and not renewed; those without an expiry date only counted), open and overdue needs,
/// open follow-ups, each linking to its page.
extension WebServer {
  func attention(_ viewer: Viewer) async throws -> String {
    let texts = viewer.language.texts
    let horizon = Self.expiryHorizon
    let (expiring, openNeeds, overdue, followups) = try await blocking {
      let registry = try open(.read, by: localName, command: "")
      let expiring = try registry.expiringAgreements(within: horizon)
      var openNeeds = 0
      try registry.forEachNeed(NeedFilter(status: .open)) { _ in openNeeds += 1 }
      var overdue = 0
      try registry.forEachNeed(NeedFilter(overdue: true)) { _ in overdue += 1 }
      return (expiring, openNeeds, overdue, try registry.followupList(openOnly: true))
    }
    // Agreements without an expiry date are counted here and listed on the agreements page.
    let dated = expiring.filter { $0.daysLeft != nil }
    let undated = expiring.count - dated.count
    let table =
      dated.isEmpty
      ? ""
      : HTMLTable.render(ListingColumns.expiringAgreements, dated, language: viewer.language) { row, key in
        key == "unit" ? "/units/\(row.agreement.unit.id.rawValue)" : nil
      }
    return Pages.render(
      "attention",
      [
        "expiringHeading": texts.webExpiringWithin(days: horizon),
        "noExpiring": dated.isEmpty ? texts.web(.noExpiring) : false, "expiringTable": table,
        "undated": undated > 0 ? texts.webUndatedAgreements(undated) : false,
        "seeAllAgreements": texts.web(.seeAllAgreements), "needsHeading": Pages.label(texts.listName(.needs)),
        "openNeeds": texts.webOpenNeeds(open: openNeeds, overdue: overdue),
        "seeOpenNeeds": texts.webPage(.seeOpenNeeds),
        "overdue": overdue > 0, "seeOverdueNeeds": texts.webPage(.seeOverdueNeeds),
        "followupsHeading": texts.webPage(.followupsHeading),
        "openFollowups": texts.webOpenFollowups(open: followups.count, overdue: followups.filter { $0.overdue }.count),
        "seeOpenFollowups": texts.webPage(.seeOpenFollowups),
      ])
  }
}
