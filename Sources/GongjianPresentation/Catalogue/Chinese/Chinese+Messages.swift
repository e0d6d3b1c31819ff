import GongjianRegistry

extension ChineseCatalogue: MessageWording {
  public func foldersCreated(_ folders: [String]) -> String {
    "已新建文件夹：\(folders.joined(separator: "、"))"
  }

  public func registryCreated(path: String, shared: Bool) -> String {
    "已新建登记簿：\(path)（" + (shared ? "您和同组用户均可读写，权限0660）。" : "仅您本人可读写，权限0600）。")
  }

  public var registryNextStep: String {
    "下一步：gongjian register 单位名称 --joined 日期   （运行 gongjian register --help 可查看全部选项）"
  }

  public func registryExists(path: String, settingsGiven: Bool) -> String {
    "\(path) 已是登记簿，未做任何改动。"
      + (settingsGiven ? "\n如要修改街道或区的名称，请用：gongjian registry set --subdistrict 街道名称 --district 区名称" : "")
  }

  public func corrected(_ correction: PeriodCorrection) -> String {
    var changes: [String] = []
    if correction.before.joinedOn != correction.after.joinedOn {
      changes.append("加入日期 \(day(correction.before.joinedOn)) → \(day(correction.after.joinedOn))")
    }
    if correction.before.leftOn != correction.after.leftOn {
      changes.append(
        "退出日期 \(correction.before.leftOn.map(day) ?? "（无）") → \(correction.after.leftOn.map(day) ?? "（无）")")
    }
    guard !changes.isEmpty else { return "\(unit(correction.unit))第\(correction.period)段共建期间的日期与原来相同，未做改动。" }
    return "已更正\(unit(correction.unit))第\(correction.period)段共建期间：" + changes.joined(separator: "；") + "。"
  }

  func contents(_ unit: UnitDetail) -> String {
    "\(unit.periods.count)段共建期间、\(unit.agreements.count)份协议、\(unit.groups.count)条专项组记录、\(unit.formerNames.count)个曾用名"
  }

  public func removalPreview(_ unit: UnitDetail) -> String {
    "将删除\(self.unit(unit.reference))及其\(contents(unit))，修改记录中会保留其全部信息。\n"
      + "删除仅用于误登记的单位；单位退出请用 gongjian withdraw 办理。确认删除请加 --yes：gongjian remove \(unit.id) --yes"
  }

  public func personalField(_ code: String) -> String {
    switch PersonalField(rawValue: code) {
    case .phone: "联系电话"
    case .contact: "联系人姓名"
    case nil: code
    }
  }

  public func purgePreview(_ purge: HistoryPurge) -> String {
    let fields = list(purge.fields.map { personalField($0.rawValue) })
    guard purge.entries > 0 else { return "修改记录中没有\(unit(purge.unit))的\(fields)，无需清除。" }
    return "将从\(purge.entries)条修改记录中清除\(unit(purge.unit))的\(fields)（共\(purge.values)个不同的旧值）。\n"
      + "单位当前的信息不变；如需一并删除，请先用 gongjian edit 清空。此前的备份中仍保留这些信息。\n"
      + "确认清除请加 --yes：gongjian history purge \(purge.unit.id) "
      + purge.fields.map { "--field \($0.rawValue)" }.joined(separator: " ") + " --yes"
  }

  public func purged(_ purge: HistoryPurge) -> String {
    "已从\(purge.entries)条修改记录中清除\(unit(purge.unit))的\(list(purge.fields.map { personalField($0.rawValue) }))。"
  }

  public func removed(_ unit: UnitDetail) -> String {
    "已删除误登记的单位\(self.unit(unit.reference))（\(contents(unit))）。修改记录中保留了其全部信息，如需恢复，可运行 gongjian undo。"
  }

  func planLines(_ plan: UndoPlan) -> [String] {
    guard let first = plan.entries.last else { return [] }
    var lines = ["  \(LocalTime.minutes(first.at))  \(first.changedBy)  \(first.command)"]
    lines += plan.entries.reversed().map { entry in
      "    - " + (entry.unit.map { "\($0.name)：" } ?? "") + change(entry)
    }
    return lines
  }

  public func undoPreview(_ plan: UndoPlan) -> String {
    (["将撤销最近一次改动："] + planLines(plan) + ["确认撤销请加 --yes：gongjian undo --yes"]).joined(separator: "\n")
  }

  public func undone(_ plan: UndoPlan) -> String {
    (["已撤销："] + planLines(plan) + ["本次撤销也已记入修改记录。"]).joined(separator: "\n")
  }

  public func registryDetails(_ settings: RegistrySettings, path: String) -> String {
    [
      "街道：\(settings.subdistrict.isEmpty ? "（未填）" : settings.subdistrict)",
      "区：\(settings.district.isEmpty ? "（未填）" : settings.district)",
      "建立时间：\(LocalTime.minutes(settings.createdAt))", "文件：\(path)",
    ].joined(separator: "\n")
  }

  public func registryUpdated(_ settings: RegistrySettings) -> String {
    "已修改登记簿信息：\(settings.district)\(settings.subdistrict)。"
  }

  func registrationSummary(_ registration: Registration) -> String {
    registrationSummary(registration, joining: "加入")
  }

  /// 复旦大学外文学院（#46），高校，2019年6月27日加入；所在专项组：文明创建专项组
  func registrationSummary(_ registration: Registration, joining: String) -> String {
    var text = "\(unit(registration.unit))，\(registration.kind)，\(day(registration.joinedOn))\(joining)"
    if let left = registration.leftOn { text += "，\(day(left))退出" }
    if !registration.groups.isEmpty {
      let role = registration.role == .lead ? "（牵头单位）" : ""
      text +=
        "；所在专项组\(role)："
        + list(
          registration.groups.map {
            $0.since == registration.joinedOn ? $0.group.name : "\($0.group.name)（自\(day($0.since))起）"
          })
    }
    return text + "。"
  }

  public func registered(_ registration: Registration) -> String { "已登记：" + registrationSummary(registration) }

  public func rejoined(_ registration: Registration) -> String {
    "已办理重新加入：" + registrationSummary(registration, joining: "起开始新的共建期间")
  }

  public func withdrew(_ withdrawal: Withdrawal) -> String {
    var text = "已办理退出：\(unit(withdrawal.unit))，共建期间\(day(withdrawal.joinedOn))至\(day(withdrawal.leftOn))"
    if !withdrawal.closedGroups.isEmpty {
      text += "；同时退出" + list(withdrawal.closedGroups.map { groupName($0.name) })
    }
    if !withdrawal.closedResources.isEmpty {
      text += "；其提供的资源" + list(withdrawal.closedResources.map { quoted($0.title) }) + "同日停止提供"
    }
    return text + "。"
  }

  public func edited(_ edit: UnitEdit) -> String {
    guard !edit.changes.isEmpty else { return "\(unit(edit.unit))的信息与原来相同，未做改动。" }
    return "已修改\(unit(edit.unit))：\n"
      + edit.changes.map { "  \(field($0.field))：\($0.old ?? "（空）") → \($0.new ?? "（空）")" }
      .joined(separator: "\n")
  }

  public func groupAdded(_ group: GroupReference, establishedOn: Day?) -> String {
    "已新增专项组：\(group.name)（#\(group.id)）" + (establishedOn.map { "，\(day($0))成立" } ?? "") + "。"
  }

  public func groupJoined(_ result: GroupJoinResult) -> String {
    switch result.outcome {
    case .joined(let since):
      "\(unit(result.unit))自\(day(since))起以\(role(result.role))身份加入\(group(result.group))。"
    case .roleChanged(let previous, let since):
      "\(unit(result.unit))自\(day(since))起改为\(group(result.group))的\(role(result.role))（原为\(role(previous))）。"
    }
  }

  public func groupLeft(_ result: GroupLeaveResult) -> String {
    "\(unit(result.unit))于\(day(result.until))退出\(group(result.group))（\(day(result.since))加入）。"
  }

  public func agreementRecorded(_ agreement: Agreement) -> String {
    "已记录协议（#\(agreement.id)）：\(agreement.unit.name)于\(day(agreement.signedOn))签订\(documentTitle(agreement.title))"
      + (agreement.expiresOn.map { "，\(day($0))到期" } ?? "") + "。"
  }

  public func expiry(daysLeft: Int?) -> String {
    guard let daysLeft else { return "未填到期日期" }
    return daysLeft < 0 ? "已过期\(-daysLeft)天" : daysLeft == 0 ? "今天到期" : "\(daysLeft)天后到期"
  }

  public func listedUnits(_ count: Int) -> String { "共\(count)家单位" }

  public func agreementCount(_ count: Int) -> String { "共\(count)份协议" }

  public func changeCount(_ count: Int) -> String { "共\(count)条记录" }

  public func wroteReport(path: String, format: String) -> String { "报表（\(format)）已写入 \(path)。" }

  public func exported(count: Int, path: String, format: String) -> String {
    "已将\(count)家单位导出至 \(path)（\(format)）。"
  }

  public func backedUp(units: Int, path: String, bytes: Int) -> String {
    "已将登记簿（共\(units)家单位）备份至 \(path)，文件大小\(ByteCount.text(bytes))。"
  }

  /// The file's format and what was set aside, as lines under a summary.
  func importNotes(_ summary: ImportSummary) -> [String] {
    var notes = summary.layout.map(layoutNotes) ?? []
    if !summary.otherKinds.isEmpty { notes.append(otherKinds(summary.otherKinds)) }
    return notes.map { "  " + $0 }
  }

  func formatNote(_ summary: ImportSummary) -> String {
    summary.layout.map { "（\(sourceFormat($0.format))）" } ?? ""
  }

  public func imported(_ summary: ImportSummary) -> String {
    var text = "已导入 \(summary.path)\(formatNote(summary))：新增\(summary.added)家，更新\(summary.updated)家"
    if summary.unchanged > 0 { text += "，\(summary.unchanged)家无变化" }
    if !summary.createdGroups.isEmpty { text += "；新建专项组：" + list(summary.createdGroups) }
    return ([text + "。"] + importNotes(summary)).joined(separator: "\n")
  }

  public func importDryRun(_ summary: ImportSummary) -> String {
    var first = "试导入 \(summary.path)\(formatNote(summary))：共\(summary.rows)行，未发现错误。"
    first += "正式导入将新增\(summary.added)家、更新\(summary.updated)家"
    if !summary.createdGroups.isEmpty { first += "，并新建专项组" + list(summary.createdGroups) }
    var lines = [first + "。"]
    if !summary.addedNames.isEmpty {
      let more = summary.added > summary.addedNames.count ? "……" : ""
      lines.append("  将新增：" + list(summary.addedNames) + more)
    }
    if !summary.updatedNames.isEmpty {
      let more = summary.updated > summary.updatedNames.count ? "……" : ""
      lines.append("  将更新：" + list(summary.updatedNames) + more)
    }
    lines += importNotes(summary)
    lines.append("本次未写入任何内容。")
    return lines.joined(separator: "\n")
  }

  public func importProgress(rows: Int, rate: Int, secondsLeft: Int?) -> String {
    var text = "已读\(ByteCount.grouped(rows))行 · 每秒\(ByteCount.grouped(rate))行"
    if let seconds = secondsLeft { text += " · 预计还需\(seconds / 60)分\(seconds % 60)秒" }
    return text
  }

  public func sheetLabel(_ label: SheetLabel) -> String {
    switch label {
    case .status: "状态："
    case .partyOrganisation: "党组织："
    case .contact: "联系人："
    case .phone: "联系电话："
    case .address: "地址："
    case .note: "备注："
    case .formerly: "曾用名："
    case .periods: "共建期间"
    case .agreements: "共建协议"
    case .groups: "所在专项组"
    case .none: "（无）"
    case .creditCode: "统一社会信用代码："
    }
  }

  public func latestAgreementExpired(on day: Day) -> String {
    "最近一份共建协议已于\(self.day(day))到期，尚未续签（续签后用 gongjian agreement add 登记）。"
  }

  public func sheetTitle(_ unit: UnitDetail) -> String { "#\(unit.id) \(unit.name)（\(unit.kind)）" }

  public func unitStatus(_ unit: UnitDetail) -> String {
    if let open = unit.openPeriod { return "在册（自\(day(open.joinedOn))起）" }
    if let last = unit.periods.last, let left = last.leftOn {
      return "已退出（\(day(left))）" + (last.leftReason.map { "，原因：\($0)" } ?? "")
    }
    return "没有共建期间"
  }

  public func formerName(_ name: FormerName) -> String { "\(name.name)（使用至\(day(name.renamedOn))）" }

  public func groupSummary(_ group: WorkingGroup) -> [String] {
    var lines: [String] = []
    if let description = group.description { lines.append(description) }
    if let founded = group.establishedOn { lines.append("\(day(founded))成立") }
    if let dissolved = group.dissolvedOn { lines.append("\(day(dissolved))撤销") }
    lines.append("现有\(group.memberCount)家单位")
    return lines
  }

  public func checkSeverity(_ severity: CheckReport.Severity) -> String {
    switch severity {
    case .ok: "正常"
    case .warning: "提醒"
    case .problem: "问题"
    }
  }

  public func checkFinding(_ finding: CheckFinding) -> (subject: String, detail: String) {
    switch finding {
    case .file(let id): ("文件", "gongjian 登记簿（application_id 0x\(String(UInt32(bitPattern: id), radix: 16))）")
    case .permissions(let mode):
      (
        "权限",
        mode & 0o007 != 0
          ? "\(octal(mode))：本机任何用户都能读取，而其中有联系人的姓名和电话；请运行 chmod 600（科室共用为 660）" : octal(mode)
      )
    case .schemaLatest(let version): ("结构", "版本\(version)（最新）")
    case .schemaOlder(let version, let latest): ("结构", "版本\(version)，最新为\(latest)：下一个修改登记簿的命令会升级它")
    case .schemaNewer(let version, let latest):
      ("结构", "版本\(version)，比本程序支持的（\(latest)）新：请安装新版 gongjian")
    case .migrationsMatch: ("迁移", "已执行的迁移文件校验和与本程序一致")
    case .migrationsEdited(let versions):
      ("迁移", "已执行的迁移\(versions.map(NumberFormat.fourDigits).joined(separator: "、"))与本程序中的不一致")
    case .journal(let mode): ("日志模式", mode == "wal" ? "WAL" : "\(mode)（下一次写入时会切换为WAL）")
    case .integrityOK: ("完整性", "PRAGMA integrity_check：正常")
    case .integrityProblems(let lines): ("完整性", lines.joined(separator: "；"))
    case .referencesOK: ("外键", "所有引用都指向存在的记录")
    case .brokenReferences(let references):
      ("外键", references.map { "\($0.table)表第\($0.row)行引用的\($0.parent)记录不存在" }.joined(separator: "；"))
    case .groupRule(let count): ("专项组规则", count == 0 ? "符合" : "有\(count)条专项组记录属于已退出的单位却尚未结束")
    case .periodRule(let count): ("期间规则", count == 0 ? "符合" : "有\(count)家单位没有任何共建期间")
    case .meetingRule(let count):
      ("联席会议规则", count == 0 ? "符合" : "有\(count)条出席、议题或督办记录涉及的单位在会议当天不在册")
    case .unreadable(let message): ("完整性", "SQLite无法读取该文件：\(message)")
    case .listRule(let resources, let statuses):
      (
        "清单规则",
        resources + statuses == 0
          ? "符合" : "有\(resources)项资源属于已退出的单位却仍在提供；有\(statuses)条需求或项目的状态与其状态记录不一致"
      )
    }
  }

  func octal(_ mode: Int) -> String {
    let text = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
  }

  public var checkHealthy: String { "未发现问题。" }

  public func checkHeading(path: String) -> String { "登记簿：\(path)" }

  public func usage(_ mistake: UsageMistake) -> String {
    switch mistake {
    case .activeOnAndActiveIn: "--active-on 和 --active-in 只能选用其一。"
    case .allWithActive: "--all 列出全部单位（不论日期），不能与 --active-on 或 --active-in 同时使用。"
    case .renamedOnWithoutName: "--renamed-on 须与 --name 一起使用。"
    case .nothingToEdit: "没有要修改的内容：请给出 --name、--kind、--party-org、--contact、--phone、--address 或 --note。"
    case .expiringWithUnit: "--expiring-within 针对全部单位，不能与 --unit 同时使用。"
    case .purgeNeedsField: "请用 --field phone 或 --field contact 指定要清除的信息。"
    case .bomNotCSV: "--bom 只适用于CSV格式。"
    case .workbookNeedsFile: "导出XLSX工作簿须指定文件：请加 -o 文件名.xlsx。"
    case .outputIsRegistry(let path): "-o \(path) 就是登记簿文件本身，请换一个文件名。"
    case .outputNotRegularFile(let path): "-o \(path) 不是普通文件，XLSX工作簿须写入普通文件。"
    case .unknownExtension(let suffix, let known):
      "无法从扩展名“.\(suffix)”判断格式；请使用 \(known.map { "." + $0 }.joined(separator: "、")) 等扩展名，或用 --format 指定格式。"
    case .outputNameEmpty: "-o 后须跟文件名，例如 -o 发展情况.csv。"
    case .todayEmpty: "--today 为空：请给出日期，如2019-12-31，或去掉这个选项。"
    case .demoTodayBeforeSample(let today, let last):
      "示例数据记到\(day(last))，--today 不能早于这一天（现为\(day(today))）。请改用\(day(last))或更晚的日期。"
    case .demoTargetExists(let path): "\(path) 已存在，而演示需要新建登记簿。请换一个路径，或去掉 --db。"
    case .unknownLanguage(let value): "--lang \(quoted(value))：请用 zh（中文）或 en（English）。"
    case .optionNeedsValue(let option): "选项 \(option) 缺少值。"
    case .backupExists(let path): "\(path) 已存在，未写入任何内容。\n请换一个名字，或加 --force 覆盖它。"
    case .correctionWithDetails: "更正日期（--joined、--left）请单独进行，不要与修改其他信息放在同一条命令里。"
    case .periodWithoutDate: "--period 用于指定更正哪一段共建期间，请同时给出 --joined 或 --left。"
    case .registrySetNeedsValue: "请给出 --subdistrict 或 --district（至少一项）。"
    }
  }

  public func demo(_ line: DemoLine) -> String {
    switch line {
    case .opening: "gongjian 演示：以虹口区欧阳路街道为例，取材于2019年区域化党建工作联席会议的报道；名称后标有“（示例）”的单位为虚构。"
    case .registryAt(let path): "示例登记簿位于：\(path)"
    case .tryNext(let path):
      "可以接着试试（在源码目录下把 gongjian 换成 swift run gongjian）：\n"
        + "  gongjian list --db \(path)\n  gongjian report growth --db \(path) --period quarter --format svg -o 发展情况.svg\n"
        + "  gongjian report meeting-pack --db \(path) --year 2019 -o 2019年联席会议材料.html"
    }
  }
}
