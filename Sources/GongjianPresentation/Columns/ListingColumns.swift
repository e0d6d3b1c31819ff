import GongjianRegistry

/// The column table of every listing: one place for each heading, CSV column and JSON key.
public enum ListingColumns {
  public static let units: [Column<UnitListing>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id.rawValue) }),
    Column("name", "单位名称", "name", value: { .text($0.name) }),
    Column("kind", "单位类别", "kind", value: { .text($0.kind) }),
    Column("joined_on", "加入日期", "joined", value: { .day($0.joinedOn) }),
    Column("left_on", "退出日期", "left", value: { .day($0.leftOn) }),
    Column("groups", "专项组", "groups", droppableWhenNarrow: true, value: { .list($0.groups) }),
  ]

  /// The units of one working group (`list --group`): each with its role and time in the group.
  public static let groupUnits: [Column<UnitListing>] =
    units + [
      Column(
        "group_role", "在组角色", "role", value: { .optionalText($0.groupStint?.role.rawValue) },
        display: { unit, texts in unit.groupStint.map { texts.role($0.role) } ?? "" }),
      Column("group_joined_on", "入组日期", "in group from", value: { .day($0.groupStint?.joinedOn) }),
      Column("group_left_on", "离组日期", "until", value: { .day($0.groupStint?.leftOn) }),
    ]

  public static let agreements: [Column<Agreement>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id) }),
    Column("unit_id", "单位编号", "unit id", hiddenInTable: true, value: { .int($0.unit.id.rawValue) }),
    Column("unit", "单位", "unit", value: { .text($0.unit.name) }),
    Column("title", "协议名称", "title", value: { .text($0.title) }),
    Column("signed_on", "签约日期", "signed", value: { .day($0.signedOn) }),
    Column("expires_on", "到期日期", "expires", value: { .day($0.expiresOn) }),
    Column(
      "signatory", "签约人", "signatory", value: { .optionalText($0.signatory) },
      display: { agreement, texts in texts.signatory(agreement.signatory, title: agreement.signatoryTitle) }),
    Column(
      "signatory_title", "签约人职务", "signatory's title", hiddenInTable: true, value: { .optionalText($0.signatoryTitle) }),
  ]

  public static let expiringAgreements: [Column<ExpiringAgreement>] =
    agreements.map { $0.lifted { (row: ExpiringAgreement) in row.agreement } } + [
      Column(
        "days_left", "状态", "status", alignment: .left, value: { .optionalInt($0.daysLeft) },
        display: { row, texts in texts.expiry(daysLeft: row.daysLeft) })
    ]

  public static let groups: [Column<WorkingGroup>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id.rawValue) }),
    Column("name", "专项组", "group", value: { .text($0.name) }),
    Column("leads", "牵头单位", "lead", value: { .list($0.leads) }),
    Column("units", "单位数", "units", alignment: .right, value: { .int($0.memberCount) }),
    Column("established_on", "成立日期", "founded", value: { .day($0.establishedOn) }),
    Column("dissolved_on", "撤销日期", "dissolved", hiddenInTable: true, value: { .day($0.dissolvedOn) }),
    Column(
      "description", "说明", "description", droppableWhenNarrow: true, tableLimit: 40,
      value: { .optionalText($0.description) }),
  ]

  public static let groupMemberships: [Column<GroupMembership>] = [
    Column("unit_id", "单位编号", "unit id", alignment: .right, value: { .int($0.unit.id.rawValue) }),
    Column("unit", "单位", "unit", value: { .text($0.unit.name) }),
    Column("group", "专项组", "group", hiddenInTable: true, value: { .text($0.group.name) }),
    Column(
      "role", "角色", "role", value: { .text($0.role.rawValue) },
      display: { membership, texts in texts.role(membership.role) }),
    Column("joined_on", "加入日期", "from", value: { .day($0.joinedOn) }),
    Column("left_on", "退出日期", "until", value: { .day($0.leftOn) }),
  ]

  /// A working group's roster (`group show`): each member with its role and contact.
  public static let groupRoster: [Column<GroupMember>] =
    groupMemberships.prefix(4).map { $0.lifted { (member: GroupMember) in member.membership } } + [
      Column("kind", "单位类别", "kind", value: { .optionalText($0.kind) }),
      Column("contact", "联系人", "contact", value: { .optionalText($0.contactName) }),
      Column("phone", "联系电话", "phone", value: { .optionalText($0.contactPhone) }),
    ] + groupMemberships.suffix(2).map { $0.lifted { (member: GroupMember) in member.membership } }

  public static let history: [Column<HistoryEntry>] = [
    Column("id", "序号", "id", alignment: .right, hiddenInTable: true, value: { .int($0.id) }),
    Column(
      "at", "时间", "time", value: { .text($0.at) }, display: { entry, _ in LocalTime.minutes(entry.at) }),
    Column("user", "经办人", "by", value: { .text($0.changedBy) }),
    Column(
      "command", "命令", "command", droppableWhenNarrow: true, tableLimit: 40, value: { .text($0.command) }),
    Column("action", "操作", "action", hiddenInTable: true, value: { .text($0.action) }),
    Column("entity", "对象", "entity", hiddenInTable: true, value: { .text($0.entity) }),
    Column("unit_id", "单位编号", "unit id", hiddenInTable: true, value: { .optionalInt($0.unit?.id.rawValue) }),
    Column("unit", "单位", "unit", value: { .optionalText($0.unit?.name) }),
    Column(
      "summary", "改动内容", "change", tableLimit: 60, value: { .text($0.recordedSummary) },
      display: { entry, texts in texts.change(entry) }),
    Column("facts", "要点", "facts", hiddenInTable: true, value: { .json($0.facts ?? .null) }),
    Column(
      "before", "改动前", "before", hiddenInTable: true, value: { .json($0.before.map(JSONValue.raw) ?? .null) }),
    Column("after", "改动后", "after", hiddenInTable: true, value: { .json($0.after.map(JSONValue.raw) ?? .null) }),
  ]

  /// The accounts of the browser view (`user list`, the accounts page).
  public static let accounts: [Column<Account>] = [
    Column("name", "账号", "account", value: { .text($0.name) }),
    Column(
      "role", "角色", "role", value: { .text($0.role.rawValue) },
      display: { account, texts in texts.accountRole(account.role) }),
    Column(
      "created_at", "添加时间", "added", value: { .text($0.createdAt) },
      display: { account, _ in LocalTime.minutes(account.createdAt) }),
    Column("created_by", "添加人", "added by", value: { .text($0.createdBy) }),
  ]

  /// A unit's alliance periods (`show`).
  public static let periods: [Column<MembershipPeriod>] = [
    Column("joined_on", "加入日期", "joined", value: { .day($0.joinedOn) }),
    Column(
      "left_on", "退出日期", "left", value: { .day($0.leftOn) },
      display: { period, texts in period.leftOn?.iso ?? texts.none }),
    Column("left_reason", "退出原因", "reason", value: { .optionalText($0.leftReason) }),
  ]

  /// A unit's agreements (`show`).
  public static let unitAgreements: [Column<Agreement>] = [
    Column("signed_on", "签约日期", "signed", value: { .day($0.signedOn) }),
    Column("expires_on", "到期日期", "expires", value: { .day($0.expiresOn) }),
    Column("title", "协议名称", "title", value: { .text($0.title) }),
    agreements[6],
  ]

  /// A unit's working groups (`show`).
  public static let unitGroups: [Column<GroupMembership>] = [
    Column("group", "专项组", "group", value: { .text($0.group.name) }),
    groupMemberships[3],
    Column("joined_on", "加入日期", "from", value: { .day($0.joinedOn) }),
    Column("left_on", "退出日期", "until", value: { .day($0.leftOn) }),
  ]
}
