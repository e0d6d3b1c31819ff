import GongjianRegistry

extension EnglishCatalogue: WebPagesWording {
  public func webPage(_ text: WebPageText) -> String {
    switch text {
    case .navMeetings: "Joint meetings"
    case .navFollowups: "Follow-ups"
    case .seeOpenNeeds: "See the open needs"
    case .seeOverdueNeeds: "See the needs past their claim deadline"
    case .seeOpenFollowups: "See the open follow-ups"
    case .noMembers: "This working group has no member units now."
    case .showLegend: "Show:"
    case .showOffered: "Offered now"
    case .showOpenNeeds: "Open"
    case .showOverdueNeeds: "Past their claim deadline"
    case .showUnfinishedProjects: "Not finished"
    case .showEverything: "All"
    case .noItems: "Nothing matches."
    case .claimColumn: "Claim"
    case .claimSubmit: "Claim"
    case .claimUnit: "Claiming unit"
    case .needAddHeading: "Add a need"
    case .needAddSubmit: "Add the need"
    case .raisedByHint:
      "A member unit's name records that unit; any other text (a residents' committee) is kept as written; empty: the centre"
    case .resourceAddHeading: "Add a resource"
    case .resourceAddSubmit: "Add the resource"
    case .meetingsHeading: "Joint meetings"
    case .noMeetings: "No joint meetings recorded yet."
    case .followupsHeading: "Follow-ups"
    case .showAllFollowups: "Include those done"
    case .noFollowups: "No follow-ups."
    case .listReportsHeading: "Lists, projects and units' participation"
    case .reportYear: "Year"
    case .noChoice: "(none)"
    case .pleaseChoose: "(choose one)"
    case .meetingFormsHeading: "Record the meeting"
    case .meetingAddHeading: "Record a joint meeting"
    case .meetingAddSubmit: "Record"
    case .attendHeading: "Record attendance"
    case .attendSubmit: "Record"
    case .attendUnits: "Member units"
    case .attendStatus: "Attendance"
    case .topicHeading: "Add a topic"
    case .topicSubmit: "Add"
    case .topicBy: "Raised by"
    case .decideHeading: "Record a decision"
    case .decideSubmit: "Record"
    case .decisionKind: "About"
    case .followupAddHeading: "Add a follow-up"
    case .followupAddSubmit: "Add"
    case .followupDecision: "Decision it follows"
    case .followupUnit: "Unit in charge"
    case .followupUpdateHeading: "Report progress"
    case .followupUpdateSubmit: "Update"
    case .followupChoice: "Follow-up"
    case .followupStatus: "Status"
    case .projectAddHeading: "Add a project"
    case .projectAddSubmit: "Add"
    case .projectColumn: "Claim and progress"
    case .projectStepSubmit: "Set"
    case .projectStepLabel: "Progress"
    case .activityAddHeading: "Record a service activity"
    case .activityAddSubmit: "Record"
    case .activityUnit: "Units taking part"
    case .activityHint: "Once the project has started; volunteer hours in hours"
    case .reportKind: "Kind of unit"
    case .reportGroup: "Working group"
    }
  }

  public func webOpenNeeds(open: Int, overdue: Int) -> String {
    "\(open) open \(open == 1 ? "need" : "needs")" + (overdue > 0 ? ", \(overdue) past the claim deadline" : "")
  }

  public func webOpenFollowups(open: Int, overdue: Int) -> String {
    "\(open) open \(open == 1 ? "follow-up" : "follow-ups")" + (overdue > 0 ? ", \(overdue) overdue" : "")
  }

  public func webUndatedAgreements(_ count: Int) -> String {
    "\(count) more \(count == 1 ? "agreement has" : "agreements have") no expiry date: see the agreements page."
  }

  public func webDownload(_ title: String, format: String) -> String { "\(title) (\(format))" }

  public func webResourceOption(_ title: String) -> String { "└ with its resource “\(title)”" }

  public func webProjectStep(_ step: ProjectStep) -> String {
    switch step {
    case .start: "Started"
    case .finish: "Finished"
    case .drop: "Dropped"
    }
  }
}
