import GongjianRegistry

/// Refusals as a page of the browser view shows them: the advice to run a command or add an
/// option is replaced by what to do on the page.
extension EnglishCatalogue {
  public func webRefusal(_ refusal: Refusal) -> String {
    switch refusal {
    case .noSuchID(let kind, let id):
      return "no \(entity(kind)) has the id \(id)."
    case .noSuchName(let kind, let text, let suggestions) where suggestions.isEmpty:
      return "no \(entity(kind)) is called \(quoted(text)); check the name."
    case .alreadyRegistered(let name, let existing, let joinedOn, let leftOn):
      var text = "\(quoted(name)) is already registered as \(unit(existing)), joined \(day(joinedOn))"
      if let leftOn { text += ", left \(day(leftOn))" }
      return text + ".\n"
        + (leftOn == nil
          ? "To change its details, use the forms on its page." : "If it has signed again, record that on its page.")
    case .similarToRegistered(let name, let existing, let joinedOn):
      return
        "\(quoted(name)) is like the registered \(unit(existing)) (joined \(day(joinedOn))): probably the same unit.\n"
        + "If it is another unit, tick “\(web(.forceLabel))” and register again; if it is the same, there is nothing to register."
    case .alreadyInAlliance(let reference, let since):
      return "\(unit(reference)) is already in the alliance (since \(day(since))). "
        + "A renewed agreement is recorded as an agreement."
    case .signingOutsideAlliance(let reference, let signedOn):
      return "\(unit(reference)) is not in the alliance on \(day(signedOn)). "
        + "If it has signed again after leaving, record its rejoining first."
    case .noSuchPeriod(let reference, let number, let count):
      return "\(unit(reference)) has no period \(number): it has \(count)."
    case .leavingAnOpenPeriod(let reference, let since):
      return "\(unit(reference)) has been in the alliance since \(day(since)): the period is still open, so it has "
        + "no leaving date to correct. If the unit has left, record its withdrawal."
    case .correctionStrandsAgreement(let reference, let title, let signedOn):
      return "after the correction, the agreement \(quoted(title)) of \(unit(reference)), signed \(day(signedOn)), "
        + "would lie outside the period. Check the dates."
    case .impossibleStoredDate(let text):
      return "the registry holds an impossible date \(quoted(text)); ask whoever keeps the registry to check it."
    case .lists(.projectNotStarted(let project)):
      return "\(item(project)) has not started. Mark it started in the projects list first."
    case .meetings(.noSuchMeeting(let text, let suggestions)) where suggestions.isEmpty:
      return "no meeting matches \(quoted(text))."
    case .meetings(.noSuchRecord(let kind, let text)):
      return "no \(recordWord(kind)) has the id or text \(quoted(text))."
    case .meetings(.alreadyDone(let followup, let since)):
      return "\(task(followup)) is done already (since \(day(since))). "
        + "To reopen it, set its status to “\(followupStatus(.open))”."
    case .meetings(.alreadyOpen(let followup)):
      return "\(task(followup)) is open already and this report says nothing new; write a note to record progress."
    default:
      return self.refusal(refusal, fields: { _ in nil })
    }
  }

  public func webItemOfUnit(_ title: String, unit: String) -> String { "\(title) (\(unit))" }

  public func webDecisionRecorded(_ decision: DecisionReference, kind: DecisionKind) -> String {
    "Recorded decision #\(decision.id) (\(decisionKind(kind))) \(quoted(decision.text)) of \(meeting(decision.meeting))."
  }
}
