import GongjianRegistry

/// Every text in Chinese (简体), the default language.
public struct ChineseCatalogue: Sendable {
  public init() {}
}

extension ChineseCatalogue: GeneralWording {
  public func day(_ day: Day) -> String { "\(day.year)年\(day.month)月\(day.day)日" }

  public func quoted(_ text: String) -> String { QuotedText.quote(text, open: "“", close: "”") }

  public func list(_ items: [String]) -> String { items.joined(separator: "、") }

  public func unit(_ unit: UnitReference) -> String { "\(unit.name)（#\(unit.id)）" }

  public func group(_ group: GroupReference) -> String { groupName(group.name) }

  /// A working group in a sentence. Names usually end in 专项组 (组织共建专项组) and stand as
  /// they are, so no sentence reads “退出专项组组织共建专项组”; a bare name (组织共建) is quoted
  /// and called a 专项组: “组织共建”专项组.
  func groupName(_ name: String) -> String { name.hasSuffix("组") ? name : quoted(name) + "专项组" }

  /// An agreement's title in a sentence, in 书名号: 《区域化党建共建协议》.
  func documentTitle(_ title: String) -> String { title.hasPrefix("《") ? title : "《\(title)》" }

  public func candidateLine(_ candidate: Candidate) -> String { "  \(candidate.id)  \(candidate.name)" }

  public func entity(_ kind: EntityKind) -> String {
    switch kind {
    case .unit: "单位"
    case .group: "专项组"
    case .resource: "资源"
    case .need: "需求"
    case .project: "项目"
    case .activity: "服务记录"
    }
  }

  public func signatory(_ name: String?, title: String?) -> String {
    switch (name, title) {
    case (let name?, let title?): "\(name)（\(title)）"
    case (let name?, nil): name
    case (nil, let title?): title
    case (nil, nil): ""
    }
  }

  public func role(_ role: GroupRole) -> String {
    switch role {
    case .lead: "牵头单位"
    case .member: "成员单位"
    }
  }

  public func field(_ field: Field) -> String {
    switch field {
    case .name: "单位名称"
    case .kind: "单位类别"
    case .joinedOn: "加入日期"
    case .leftOn: "退出日期"
    case .leftReason: "退出原因"
    case .signatory: "签约人"
    case .signatoryTitle: "签约人职务"
    case .agreementTitle: "协议名称"
    case .expiresOn: "协议到期日期"
    case .groups: "专项组"
    case .contactName: "联系人"
    case .contactPhone: "联系电话"
    case .address: "地址"
    case .partyOrganisation: "党组织"
    case .note: "备注"
    case .signedOn: "签约日期"
    case .groupName: "专项组名称"
    case .groupDescription: "专项组说明"
    case .establishedOn: "成立日期"
    case .renamedOn: "更名日期"
    case .subdistrict: "街道名称"
    case .year: "年份"
    case .district: "区名称"
    case .meetingTitle: "会议名称"
    case .heldOn: "会议日期"
    case .place: "会议地点"
    case .chair: "主持人"
    case .recorder: "记录人"
    case .topicText: "议题"
    case .decisionText: "决议内容"
    case .followupText: "督办事项"
    case .dueOn: "办结期限"
    case .reportedOn: "办理情况日期"
    case .reportNote: "办理情况说明"
    case .accountName: "账号名称"
    case .password: "密码"
    case .creditCode: "统一社会信用代码"
    case .id, .unit, .title, .category, .description, .capacity, .contact, .availableFrom, .availableUntil,
      .withdrawnOn, .raisedBy, .raisedOn, .people, .deadline, .status, .statusOn, .claims, .claimedOn, .level, .lead,
      .units, .needs, .resources, .startOn, .endOn, .proposedOn, .startedOn, .endedOn, .project, .projectID,
      .happenedOn, .volunteers, .hours, .served:
      listField(field)
    }
  }

  public func unitCount(_ count: Int) -> String { "\(count)家" }

  public func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

  public func percent(_ value: Double) -> String { PercentFormat.oneDecimal(value) }

  public func signedPercent(_ value: Double) -> String { PercentFormat.signed(value) }

  public var none: String { "—" }
}
