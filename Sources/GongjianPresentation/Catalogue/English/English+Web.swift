import GongjianRegistry

extension EnglishCatalogue: WebWording {
  public func web(_ text: WebText) -> String {
    switch text {
    case .navOverview: "Overview"
    case .navUnits: "Units"
    case .navGroups: "Working groups"
    case .navAgreements: "Agreements"
    case .navReports: "Reports"
    case .navHistory: "History"
    case .navAccounts: "Accounts"
    case .navRegister: "Register a unit"
    case .signIn: "Sign in"
    case .signOut: "Sign out"
    case .switchLanguage: "中文"
    case .skipToContent: "Skip to the content"
    case .optional: "optional"
    case .dateHint: "e.g. 2019-06-27, 2019/6/27 or 2019年6月27日"
    case .done: "Done"
    case .anyChoice: "any"
    case .overviewHeading: "Overview"
    case .growthHeading: "Growth"
    case .noExpiring: "No agreement is due for renewal."
    case .seeAllUnits: "All units in the alliance"
    case .seeAllAgreements: "All agreements"
    case .rosterHeading: "Units"
    case .filterSearch: "Name (or part of it)"
    case .filterActiveOn: "In the alliance on"
    case .filterActiveIn: "In the alliance at the end of (year)"
    case .filterJoinedIn: "Joined in (year)"
    case .filterLeftIn: "Left in (year)"
    case .filterAll: "Include units that have left"
    case .filterApply: "Filter"
    case .filterClear: "Clear"
    case .downloadCSV: "Download CSV"
    case .downloadXLSX: "Download Excel (xlsx)"
    case .noUnitsMatch: "No unit matches."
    case .filtersHeading: "Filters"
    case .registerHeading: "Register a newly signed unit"
    case .registerSubmit: "Register"
    case .forceLabel: "The name is like a registered unit's, but this is another unit: register it anyway"
    case .leadLabel: "As the lead of the chosen working groups"
    case .moreDetails: "Agreement, working groups and contact"
    case .editHeading: "Edit the unit's details"
    case .editSubmit: "Save"
    case .withdrawHeading: "Withdraw"
    case .withdrawSubmit: "Withdraw"
    case .rejoinHeading: "Rejoin"
    case .rejoinSubmit: "Rejoin"
    case .agreementHeading: "Record a renewed agreement"
    case .agreementSubmit: "Record the agreement"
    case .groupJoinHeading: "Join a working group"
    case .groupJoinSubmit: "Join"
    case .groupLeaveHeading: "Leave a working group"
    case .groupLeaveSubmit: "Leave"
    case .dayLabel: "Date"
    case .unitHistoryHeading: "Changes"
    case .contactsHidden: "Sign in to see the contact and phone."
    case .changesHeading: "Changes"
    case .confirmWithdraw:
      "Confirm the withdrawal: the unit's alliance period ends on this date, and it leaves its working groups"
    case .groupsHeading: "Working groups"
    case .groupAddHeading: "Add a working group"
    case .groupAddSubmit: "Add"
    case .membersHeading: "Members"
    case .noGroups: "There are no working groups yet."
    case .agreementsHeading: "Agreements"
    case .expiringDaysLabel: "Expiring within (days)"
    case .showButton: "Show"
    case .noAgreements: "No agreement matches."
    case .reportsHeading: "Reports"
    case .reportFrom: "From (year)"
    case .reportTo: "To (year)"
    case .reportPeriod: "Periods"
    case .reportBy: "Columns"
    case .reportByNone: "Total only"
    case .showReport: "Show the report"
    case .downloadsHeading: "Downloads"
    case .downloadSVG: "Chart (SVG, for a slide)"
    case .downloadHTML: "Page (HTML, printable)"
    case .downloadJSON: "Data (JSON)"
    case .exportHeading: "The whole registry (the import format)"
    case .historyHeading: "History"
    case .undoHeading: "Undo the latest change"
    case .undoSubmit: "Undo this change"
    case .confirmUndo: "Undo this change?"
    case .loginHeading: "Sign in"
    case .loginSubmit: "Sign in"
    case .loginFailed: "Wrong account name or password."
    case .signInToSeeContacts: "Contacts and phones are shown to signed-in accounts only."
    case .accountsHeading: "Accounts"
    case .noAccounts: "There are no accounts yet. Add them on the server with gongjian user add."
    case .notFound: "There is no such page."
    case .signInToChange: "Sign in (as an editor or admin) to make changes."
    case .viewerCannotChange: "Your account may read but not change anything. Ask an admin if you need to."
    case .adminOnly: "Only admin accounts may see this page."
    case .staleForm:
      "The form has expired or came from another site; nothing was changed. Open the page again and resend."
    case .hostRefused: "Open this page at the address the server printed when it started."
    case .tooLarge: "Too much was sent; nothing was changed."
    case .badRequest: "The request could not be read (e.g. unreadable characters in the address); nothing was changed."
    case .serverError:
      "Something unexpected went wrong; nothing was changed. Try again later, and tell an admin if it persists."
    case .busy: "Someone else is changing the registry; try again in a moment. Nothing was changed."
    // A unit's change forms, the history pages and undo.
    case .confirmNeeded: "Tick the box to confirm first. Nothing was changed."
    case .joinAsLead: "As the lead (a member already in the group becomes its lead)"
    case .defaultToday: "Today if left empty"
    case .noHistory: "No changes yet."
    case .seeAllHistory: "See the whole history"
    case .olderChanges: "Older changes"
    case .newerChanges: "Newer changes"
    case .undoExplained: "Undo puts back what these changes altered; the undo itself is recorded in the history."
    case .signInToSeeHistory: "The history holds contacts and phone numbers: sign in to see it."
    case .correctHeading: "Correct the dates of a period"
    case .correctSubmit: "Save the correction"
    case .correctHint:
      "Puts right a date typed wrongly; not a withdrawal or a rejoining. The history records it as a correction."
    case .periodLabel: "Alliance period"
    }
  }

  public func webSiteName(subdistrict: String) -> String {
    subdistrict.isEmpty ? "Party-building alliance registry" : "\(subdistrict) party-building alliance registry"
  }

  public func webPageTitle(_ page: String, site: String) -> String { "\(page) · \(site)" }

  public func webLocalUser(_ name: String) -> String {
    "On this computer, no sign-in needed; changes are recorded as \(name)"
  }

  public func webSignedIn(_ name: String, role: AccountRole) -> String { "\(name) (\(accountRole(role)))" }

  public func accountRole(_ role: AccountRole) -> String {
    switch role {
    case .viewer: "viewer"
    case .editor: "editor"
    case .admin: "admin"
    }
  }

  public func webUnitsToday(_ count: Int, on day: Day) -> String {
    "\(unitCount(count)) in the alliance on \(self.day(day))"
  }

  public func webExpiringWithin(days: Int) -> String {
    "Agreements expiring within \(days) days (or expired without a renewal)"
  }

  public func webPeriod(_ length: PeriodLength) -> String {
    switch length {
    case .year: "by year"
    case .quarter: "by quarter"
    case .month: "by month"
    }
  }

  public func webBreakdown(_ breakdown: GrowthRequest.Breakdown) -> String {
    switch breakdown {
    case .kind: "by kind"
    case .group: "by working group"
    }
  }

  public func webThrottled(minutes: Int) -> String {
    "Too many failed sign-ins; try again in \(minutes) minute\(minutes == 1 ? "" : "s")."
  }

  public func webFirstRows(shown: Int, total: Int) -> String {
    "The first \(shown) of \(total) are shown; narrow the filters, or download them all."
  }

  public func webLatestChanges(shown: Int, total: Int) -> String {
    shown < total ? "the latest \(shown) of \(total)" : "\(total) in all"
  }

  public func webChangesRange(first: Int, last: Int, total: Int) -> String {
    "changes \(first) to \(last) of \(total), counted from the latest"
  }

  public func webProblem(_ problem: WebProblem) -> String {
    switch problem {
    case .listenAddressInvalid(let text):
      return
        "cannot read the address \(quoted(text)): write HOST:PORT, e.g. 127.0.0.1:8080, 0.0.0.0:8080 or [::1]:8080."
    case .accountsRequired(let address):
      return "serving on \(address) lets other computers in, so it needs accounts first: without them anyone "
        + "could change the registry.\nRun gongjian user add NAME --role editor first; to use it on this computer "
        + "only, use --listen 127.0.0.1:8080."
    case .cannotListen(let address, let reason):
      return "cannot serve on \(address): \(reason). The port may be taken; choose another (port 0 picks a free one)."
    case .webProgramMissing(let searched):
      return
        "cannot find gongjian-web, the program of the browser view (looked in: \(searched.joined(separator: ", "))).\n"
        + "Build it in the source folder with swift build -c release --package-path Web, and copy "
        + "Web/.build/release/gongjian-web into the folder gongjian is in."
    case .passwordsDiffer:
      return "the two passwords differ; no account was added."
    case .noPassword:
      return "no password was given: run this at a terminal, or give the password as one line on stdin."
    case .unknownRequest(let text):
      return "gongjian-web does not know \(quoted(text)); use it through gongjian serve or gongjian user."
    }
  }

  public func accountAdded(_ account: Account) -> String {
    "Added the account \(account.name) (\(accountRole(account.role)))."
  }

  public func accountRemoved(_ account: Account) -> String {
    "Removed the account \(account.name) (\(accountRole(account.role))); if signed in, it is signed out at its next request."
  }

  public func accountCount(_ count: Int) -> String { count == 1 ? "1 account" : "\(count) accounts" }

  public func passwordPrompt(for name: String) -> String {
    "Password for \(name) (at least \(AccountRules.minimumPasswordLength) characters): "
  }

  public var passwordAgainPrompt: String { "Again: " }

  public func serveNote(url: String, loopback: Bool) -> String {
    (loopback
      ? "Open \(url) in a browser on this computer (no sign-in needed)."
      : "Other computers open \(url) in a browser and sign in with an account.") + " Stop with Ctrl-C."
  }
}
