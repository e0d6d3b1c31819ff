import GongjianRegistry

/// The words of the browser view's pages beyond a single unit: working groups, agreements, the
/// three lists and their claim buttons, joint meetings and follow-ups, reports. Their listings'
/// headings, statuses, counts and refusals come from the lists' and meetings' own wording.
public protocol WebPagesWording {
  /// A fixed word or sentence of these pages.
  func webPage(_ text: WebPageText) -> String
  /// On the overview: 待认领需求12项，其中逾期未认领3项.
  func webOpenNeeds(open: Int, overdue: Int) -> String
  /// On the overview: 未办结督办事项5项，其中逾期2项.
  func webOpenFollowups(open: Int, overdue: Int) -> String
  /// Under the overview's expiring agreements: how many have no expiry date (listed on the
  /// agreements page).
  func webUndatedAgreements(_ count: Int) -> String
  /// A download's link text: the report's title and the file's format.
  func webDownload(_ title: String, format: String) -> String
  /// In a need's claim choice, below a unit: one of its resources to claim the need with.
  func webResourceOption(_ title: String) -> String
  /// A project's next step, as a choice next to its claim button.
  func webProjectStep(_ step: ProjectStep) -> String
  /// A choice naming an item and its unit: 党员活动室（虹口区司法局）.
  func webItemOfUnit(_ title: String, unit: String) -> String
  /// A refusal as a page shows it: as the command line words it, but where that advises a
  /// command or an option, what to do on the page instead.
  func webRefusal(_ refusal: Refusal) -> String
  /// The notice after a decision is recorded on its meeting's page (without the command that
  /// gives it follow-ups: the form is on the page).
  func webDecisionRecorded(_ decision: DecisionReference, kind: DecisionKind) -> String
}

/// The fixed words of these pages: one case each, worded by every language.
public enum WebPageText: String, CaseIterable, Sendable {
  // The frame and the overview.
  case navMeetings, navFollowups, seeOpenNeeds, seeOverdueNeeds, seeOpenFollowups
  // Working groups.
  case noMembers
  // The three lists.
  case showLegend, showOffered, showOpenNeeds, showOverdueNeeds, showUnfinishedProjects, showEverything, noItems
  case claimColumn, claimSubmit, claimUnit, needAddHeading, needAddSubmit, raisedByHint
  case resourceAddHeading, resourceAddSubmit
  // Meetings and follow-ups.
  case meetingsHeading, noMeetings, followupsHeading, showAllFollowups, noFollowups
  // Reports.
  case listReportsHeading, reportYear
  // The everyday forms of meetings, follow-ups, projects and their service records.
  case noChoice, pleaseChoose, meetingFormsHeading, meetingAddHeading, meetingAddSubmit, attendHeading, attendSubmit,
    attendUnits, attendStatus
  case topicHeading, topicSubmit, topicBy, decideHeading, decideSubmit, decisionKind
  case followupAddHeading, followupAddSubmit, followupDecision, followupUnit
  case followupUpdateHeading, followupUpdateSubmit, followupChoice, followupStatus
  case projectAddHeading, projectAddSubmit, projectColumn, projectStepSubmit, projectStepLabel
  case activityAddHeading, activityAddSubmit, activityUnit, activityHint
  case reportKind, reportGroup
}
