import GongjianRegistry

/// Refusals as a page of the browser view shows them: the advice to run a command or add an
/// option is replaced by what to do on the page.
extension ChineseCatalogue {
  public func webRefusal(_ refusal: Refusal) -> String {
    switch refusal {
    case .noSuchID(let kind, let id):
      return "没有编号为 \(id) 的\(entity(kind))。"
    case .noSuchName(let kind, let text, let suggestions) where suggestions.isEmpty:
      return "找不到名称含\(quoted(text))的\(entity(kind))，请核对名称。"
    case .alreadyRegistered(let name, let existing, let joinedOn, let leftOn):
      var text = "\(quoted(name))已经登记过：\(unit(existing))，\(day(joinedOn))加入"
      if let leftOn { text += "，\(day(leftOn))退出" }
      return text + "。\n"
        + (leftOn == nil
          ? "无需再次登记；如需修改该单位信息，请在该单位的页面上办理。" : "如该单位重新签约，请在该单位的页面上办理重新加入。")
    case .similarToRegistered(let name, let existing, let joinedOn):
      return "\(quoted(name))与\(day(joinedOn))加入的\(unit(existing))名称相近，可能是同一家单位。\n"
        + "如确为另一家单位，请勾选“\(web(.forceLabel))”后再登记；如是同一家单位，无需再次登记。"
    case .alreadyInAlliance(let reference, let since):
      return "\(unit(reference))目前在册（自\(day(since))起），无需办理重新加入。如为续签共建协议，请登记共建协议。"
    case .signingOutsideAlliance(let reference, let signedOn):
      return "\(unit(reference))在\(day(signedOn))不在册，不能记录当天签订的协议。如该单位退出后重新签约，请先办理重新加入。"
    case .noSuchPeriod(let reference, let number, let count):
      return "\(unit(reference))没有第\(number)段共建期间（共有\(count)段）。"
    case .leavingAnOpenPeriod(let reference, let since):
      return "\(unit(reference))自\(day(since))起在册，本段共建期间尚未结束，没有退出日期可以更正。如该单位已经退出，请办理退出。"
    case .correctionStrandsAgreement(let reference, let title, let signedOn):
      return "更正后，\(unit(reference))于\(day(signedOn))签订的\(quoted(title))将落在共建期间之外，请核对日期。"
    case .impossibleStoredDate(let text):
      return "登记簿中有一个不存在的日期\(quoted(text))，请联系管理登记簿的同事检查登记簿。"
    case .lists(.projectNotStarted(let project)):
      return "\(item(project))尚未开始实施，请先在项目清单中将它标记为“开始实施”。"
    case .meetings(.noSuchMeeting(let text, let suggestions)) where suggestions.isEmpty:
      return "找不到\(quoted(text))对应的会议。"
    case .meetings(.noSuchRecord(let kind, let text)):
      return "找不到编号或内容为\(quoted(text))的\(recordWord(kind))。"
    case .meetings(.alreadyDone(let followup, let since)):
      return "\(task(followup))已于\(day(since))办结，无需再次办结。如需重新督办，请把办理状态改为“\(followupStatus(.open))”。"
    case .meetings(.alreadyOpen(let followup)):
      return "\(task(followup))尚未办结，状态未变。如要记录办理进展，请填写办理情况说明。"
    default:
      return self.refusal(refusal, fields: { _ in nil })
    }
  }

  public func webItemOfUnit(_ title: String, unit: String) -> String { "\(title)（\(unit)）" }

  public func webDecisionRecorded(_ decision: DecisionReference, kind: DecisionKind) -> String {
    "已记录\(meeting(decision.meeting))决议#\(decision.id)（\(decisionKind(kind))）：\(quoted(decision.text))。"
  }
}
