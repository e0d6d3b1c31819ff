import GongjianRegistry

extension ChineseCatalogue: WebPagesWording {
  public func webPage(_ text: WebPageText) -> String {
    switch text {
    case .navMeetings: "联席会议"
    case .navFollowups: "督办事项"
    case .seeOpenNeeds: "查看待认领的需求"
    case .seeOverdueNeeds: "查看逾期未认领的需求"
    case .seeOpenFollowups: "查看未办结的督办事项"
    case .noMembers: "本专项组暂无成员单位。"
    case .showLegend: "显示："
    case .showOffered: "可提供的资源"
    case .showOpenNeeds: "待认领"
    case .showOverdueNeeds: "逾期未认领"
    case .showUnfinishedProjects: "未结束的项目"
    case .showEverything: "全部"
    case .noItems: "没有符合条件的条目。"
    case .claimColumn: "认领"
    case .claimSubmit: "认领"
    case .claimUnit: "认领单位"
    case .needAddHeading: "登记新需求"
    case .needAddSubmit: "登记"
    case .raisedByHint: "填写共建单位名称即记为该单位提出，也可填写居民区等；不填则记为党建服务中心提出"
    case .resourceAddHeading: "登记新资源"
    case .resourceAddSubmit: "登记"
    case .meetingsHeading: "联席会议"
    case .noMeetings: "暂无联席会议记录。"
    case .followupsHeading: "督办事项"
    case .showAllFollowups: "包括已办结事项"
    case .noFollowups: "暂无督办事项。"
    case .listReportsHeading: "清单、项目和单位参与情况"
    case .reportYear: "年份"
    case .noChoice: "（不选）"
    case .pleaseChoose: "（请选择）"
    case .meetingFormsHeading: "登记会议情况"
    case .meetingAddHeading: "登记联席会议"
    case .meetingAddSubmit: "登记"
    case .attendHeading: "记录出席情况"
    case .attendSubmit: "记录"
    case .attendUnits: "共建单位"
    case .attendStatus: "出席情况"
    case .topicHeading: "添加议题"
    case .topicSubmit: "添加"
    case .topicBy: "提出单位"
    case .decideHeading: "记录决议"
    case .decideSubmit: "记录"
    case .decisionKind: "决议类别"
    case .followupAddHeading: "添加督办事项"
    case .followupAddSubmit: "添加"
    case .followupDecision: "所依据的决议"
    case .followupUnit: "责任单位"
    case .followupUpdateHeading: "更新办理情况"
    case .followupUpdateSubmit: "更新"
    case .followupChoice: "督办事项"
    case .followupStatus: "办理状态"
    case .projectAddHeading: "登记新项目"
    case .projectAddSubmit: "登记"
    case .projectColumn: "认领与办理"
    case .projectStepSubmit: "确定"
    case .projectStepLabel: "项目进展"
    case .activityAddHeading: "登记服务记录"
    case .activityAddSubmit: "登记"
    case .activityUnit: "参与服务的单位"
    case .activityHint: "项目开始实施后登记；志愿服务时长以小时计"
    case .reportKind: "单位类别"
    case .reportGroup: "专项组"
    }
  }

  public func webOpenNeeds(open: Int, overdue: Int) -> String {
    "待认领需求\(open)项" + (overdue > 0 ? "，其中逾期未认领\(overdue)项" : "")
  }

  public func webOpenFollowups(open: Int, overdue: Int) -> String {
    "未办结督办事项\(open)项" + (overdue > 0 ? "，其中逾期\(overdue)项" : "")
  }

  public func webUndatedAgreements(_ count: Int) -> String { "另有\(count)份协议未填到期日期，可在“共建协议”页查看。" }

  public func webDownload(_ title: String, format: String) -> String { "\(title)（\(format)）" }

  public func webResourceOption(_ title: String) -> String { "└ 以资源“\(title)”认领" }

  public func webProjectStep(_ step: ProjectStep) -> String {
    switch step {
    case .start: "开始实施"
    case .finish: "已完成"
    case .drop: "终止"
    }
  }
}
