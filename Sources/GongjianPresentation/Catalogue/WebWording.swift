import GongjianRegistry

/// The words of the browser view (`gongjian serve`) and of its commands (`serve`, `user`):
/// page headings, form labels and buttons, and what the server says on the terminal. Labels of
/// fields come from `GeneralWording.field`, so a form names a field as a refusal does.
public protocol WebWording {
  /// A fixed word or sentence of the pages.
  func web(_ text: WebText) -> String
  /// The name at the top of every page: 欧阳路街道区域化党建共建单位登记簿.
  func webSiteName(subdistrict: String) -> String
  /// A page's title in the browser's tab: the page, then the site.
  func webPageTitle(_ page: String, site: String) -> String
  /// Who changes are recorded as on this computer, where nobody signs in.
  func webLocalUser(_ name: String) -> String
  /// Who is signed in, and as what.
  func webSignedIn(_ name: String, role: AccountRole) -> String
  /// 查看 / 编辑 / 管理员.
  func accountRole(_ role: AccountRole) -> String
  /// 在册共建单位 43家 (the overview's first figure).
  func webUnitsToday(_ count: Int, on day: Day) -> String
  /// The heading over agreements that expire within this many days (or have expired).
  func webExpiringWithin(days: Int) -> String
  /// 按年 / 按季度 / 按月, in the report form.
  func webPeriod(_ length: PeriodLength) -> String
  /// 按类别 / 按专项组, in the report form.
  func webBreakdown(_ breakdown: GrowthRequest.Breakdown) -> String
  /// Too many failed sign-ins: when to try again.
  func webThrottled(minutes: Int) -> String
  /// Under a listing cut short: the first `shown` of `total`.
  func webFirstRows(shown: Int, total: Int) -> String
  /// The latest `shown` changes of `total`.
  func webLatestChanges(shown: Int, total: Int) -> String
  /// A later page of the history: changes `first` to `last`, counted from the latest, of `total`.
  func webChangesRange(first: Int, last: Int, total: Int) -> String
  /// What went wrong while starting the server or handling accounts, with how to fix it.
  func webProblem(_ problem: WebProblem) -> String
  /// What `user add` and `user remove` did.
  func accountAdded(_ account: Account) -> String
  func accountRemoved(_ account: Account) -> String
  /// Under `user list`: 共3个账号 / 3 accounts.
  func accountCount(_ count: Int) -> String
  /// Asked on the terminal by `user add`.
  func passwordPrompt(for name: String) -> String
  var passwordAgainPrompt: String { get }
  /// On the terminal after the first line: where to open the pages, and how to stop.
  func serveNote(url: String, loopback: Bool) -> String
}

/// The fixed words of the pages: one case each, worded by every language (a `switch` without
/// `default`), so a page cannot miss a word in one language.
public enum WebText: String, CaseIterable, Sendable {
  // The frame of every page.
  case navOverview, navUnits, navGroups, navAgreements, navReports, navHistory, navAccounts, navRegister
  case signIn, signOut, switchLanguage, skipToContent, optional, dateHint, done, anyChoice
  // The overview.
  case overviewHeading, growthHeading, noExpiring, seeAllUnits, seeAllAgreements
  // The roster and its filters.
  case rosterHeading, filterSearch, filterActiveOn, filterActiveIn, filterJoinedIn, filterLeftIn, filterAll
  case filterApply, filterClear, downloadCSV, downloadXLSX, noUnitsMatch, filtersHeading
  // Registering and a unit's page.
  case registerHeading, registerSubmit, forceLabel, leadLabel, moreDetails
  case editHeading, editSubmit, withdrawHeading, withdrawSubmit, rejoinHeading, rejoinSubmit
  case agreementHeading, agreementSubmit, groupJoinHeading, groupJoinSubmit, groupLeaveHeading, groupLeaveSubmit
  case dayLabel, unitHistoryHeading, contactsHidden, changesHeading, confirmWithdraw
  // Working groups.
  case groupsHeading, groupAddHeading, groupAddSubmit, membersHeading, noGroups
  // Agreements.
  case agreementsHeading, expiringDaysLabel, showButton, noAgreements
  // Reports and downloads.
  case reportsHeading, reportFrom, reportTo, reportPeriod, reportBy, reportByNone, showReport
  case downloadsHeading, downloadSVG, downloadHTML, downloadJSON, exportHeading
  // History and undo.
  case historyHeading, undoHeading, undoSubmit, confirmUndo
  // Signing in.
  case loginHeading, loginSubmit, loginFailed, signInToSeeContacts
  // Accounts.
  case accountsHeading, noAccounts
  // Refusals of a request.
  case notFound, signInToChange, viewerCannotChange, adminOnly, staleForm, hostRefused, tooLarge, badRequest
  case serverError, busy
  // A unit's change forms, the history pages and undo.
  case confirmNeeded, joinAsLead, defaultToday, noHistory, seeAllHistory, olderChanges, newerChanges
  case undoExplained, signInToSeeHistory, correctHeading, correctSubmit, correctHint, periodLabel
}

/// What stops the browser view's server or its account commands, apart from the registry's
/// own refusals and storage problems.
public enum WebProblem: Error, Equatable, Sendable {
  /// `--listen` is not `HOST:PORT` with a numeric address (or `localhost`) and a port.
  case listenAddressInvalid(String)
  /// Listening beyond this computer needs accounts, so that nobody changes the registry
  /// unasked: none exist.
  case accountsRequired(address: String)
  /// The address could not be listened on (taken, not this computer's): the system's reason.
  case cannotListen(address: String, reason: String)
  /// `gongjian-web`, which serves the pages and hashes passwords, was found neither beside
  /// `gongjian` nor on PATH.
  case webProgramMissing(searched: [String])
  /// The password was typed differently the second time.
  case passwordsDiffer
  /// No password came: stdin was empty.
  case noPassword
  /// A request of the command line to the server program it does not understand.
  case unknownRequest(String)
}

extension WebProblem {
  public var outcome: Outcome {
    switch self {
    case .listenAddressInvalid, .unknownRequest: .usage
    case .accountsRequired: .refused
    case .cannotListen, .webProgramMissing: .unavailable
    case .passwordsDiffer, .noPassword: .invalidData
    }
  }
}
