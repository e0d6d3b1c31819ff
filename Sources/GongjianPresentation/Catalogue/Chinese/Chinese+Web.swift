import GongjianRegistry

extension ChineseCatalogue: WebWording {
  public func web(_ text: WebText) -> String {
    switch text {
    case .navOverview: "概览"
    case .navUnits: "共建单位"
    case .navGroups: "专项组"
    case .navAgreements: "共建协议"
    case .navReports: "报表"
    case .navHistory: "修改记录"
    case .navAccounts: "账号"
    case .navRegister: "登记新单位"
    case .signIn: "登录"
    case .signOut: "退出登录"
    case .switchLanguage: "English"
    case .skipToContent: "跳到正文"
    case .optional: "选填"
    case .dateHint: "如：2019-06-27、2019/6/27或2019年6月27日"
    case .done: "已办理"
    case .anyChoice: "全部"
    case .overviewHeading: "概览"
    case .growthHeading: "发展情况"
    case .noExpiring: "暂无即将到期的协议。"
    case .seeAllUnits: "查看全部在册单位"
    case .seeAllAgreements: "查看全部协议"
    case .rosterHeading: "共建单位名单"
    case .filterSearch: "名称（可填关键字）"
    case .filterActiveOn: "某日在册（日期）"
    case .filterActiveIn: "年末在册（年份）"
    case .filterJoinedIn: "加入年份"
    case .filterLeftIn: "退出年份"
    case .filterAll: "包括已退出的单位"
    case .filterApply: "筛选"
    case .filterClear: "清除条件"
    case .downloadCSV: "下载CSV"
    case .downloadXLSX: "下载Excel（xlsx）"
    case .noUnitsMatch: "没有符合条件的单位。"
    case .filtersHeading: "筛选条件"
    case .registerHeading: "登记新签约单位"
    case .registerSubmit: "登记"
    case .forceLabel: "名称与已登记单位相近，但确为另一家单位，仍要登记"
    case .leadLabel: "担任所选专项组的牵头单位"
    case .moreDetails: "协议、专项组和联系方式"
    case .editHeading: "修改单位信息"
    case .editSubmit: "保存"
    case .withdrawHeading: "退出共建"
    case .withdrawSubmit: "退出"
    case .rejoinHeading: "重新加入"
    case .rejoinSubmit: "重新加入"
    case .agreementHeading: "登记续签协议"
    case .agreementSubmit: "登记"
    case .groupJoinHeading: "加入专项组"
    case .groupJoinSubmit: "加入"
    case .groupLeaveHeading: "退出专项组"
    case .groupLeaveSubmit: "退出"
    case .dayLabel: "日期"
    case .unitHistoryHeading: "修改记录"
    case .contactsHidden: "登录后可查看联系人和电话。"
    case .changesHeading: "办理变更"
    case .confirmWithdraw: "确认退出：该单位的共建期间截至所填日期，并同时退出所在专项组"
    case .groupsHeading: "专项组"
    case .groupAddHeading: "新增专项组"
    case .groupAddSubmit: "新增"
    case .membersHeading: "成员单位"
    case .noGroups: "尚未设立专项组。"
    case .agreementsHeading: "共建协议"
    case .expiringDaysLabel: "多少天内到期"
    case .showButton: "查看"
    case .noAgreements: "没有符合条件的协议。"
    case .reportsHeading: "报表"
    case .reportFrom: "起始年份"
    case .reportTo: "截止年份"
    case .reportPeriod: "统计周期"
    case .reportBy: "分列方式"
    case .reportByNone: "不分列"
    case .showReport: "生成报表"
    case .downloadsHeading: "下载"
    case .downloadSVG: "图表（SVG，可放入幻灯片）"
    case .downloadHTML: "网页（HTML，可打印）"
    case .downloadJSON: "数据（JSON）"
    case .exportHeading: "导出整个登记簿（导入格式）"
    case .historyHeading: "修改记录"
    case .undoHeading: "撤销最近一次修改"
    case .undoSubmit: "撤销"
    case .confirmUndo: "确定撤销这次修改吗？"
    case .loginHeading: "登录"
    case .loginSubmit: "登录"
    case .loginFailed: "账号或密码错误。"
    case .signInToSeeContacts: "联系人和电话仅对已登录的账号显示。"
    case .accountsHeading: "账号"
    case .noAccounts: "暂无账号。可在服务器上运行 gongjian user add 添加。"
    case .notFound: "页面不存在。"
    case .signInToChange: "办理登记和修改需要先登录（编辑或管理员账号）。"
    case .viewerCannotChange: "您的账号只能查看，不能修改。如需办理，请联系管理员。"
    case .adminOnly: "仅管理员账号可查看本页面。"
    case .staleForm: "表单已过期或来自其他网站，未做任何修改。请重新打开页面后再提交。"
    case .hostRefused: "请用启动时显示的地址访问本页面。"
    case .tooLarge: "提交的内容过多，未做任何修改。"
    case .badRequest: "请求有误（如网址中有无法识别的字符），未做任何修改。"
    case .serverError: "发生意外错误，未做任何修改。请稍后重试；如仍出错，请告知管理员。"
    case .busy: "登记簿正被他人修改，请稍后重试。未做任何修改。"
    // A unit's change forms, the history pages and undo.
    case .confirmNeeded: "请先勾选确认，再提交。未做任何修改。"
    case .joinAsLead: "担任牵头单位（已是该组成员单位的，改为牵头单位）"
    case .defaultToday: "不填则为今天"
    case .noHistory: "暂无修改记录。"
    case .seeAllHistory: "查看全部修改记录"
    case .olderChanges: "更早的记录"
    case .newerChanges: "较新的记录"
    case .undoExplained: "撤销后，下列改动将恢复原状；撤销操作本身也记入修改记录。"
    case .signInToSeeHistory: "修改记录中有联系人和电话，登录后才能查看。"
    case .correctHeading: "更正共建期间的日期"
    case .correctSubmit: "更正"
    case .correctHint: "用于更正录入有误的日期，不属于退出或重新加入；在修改记录中记为“更正”。"
    case .periodLabel: "共建期间"
    }
  }

  public func webSiteName(subdistrict: String) -> String {
    subdistrict.isEmpty ? "区域化党建共建单位登记簿" : "\(subdistrict)区域化党建共建单位登记簿"
  }

  public func webPageTitle(_ page: String, site: String) -> String { "\(page) · \(site)" }

  public func webLocalUser(_ name: String) -> String { "本机使用，无需登录；修改记录的经办人为\(name)" }

  public func webSignedIn(_ name: String, role: AccountRole) -> String { "\(name)（\(accountRole(role))）" }

  public func accountRole(_ role: AccountRole) -> String {
    switch role {
    case .viewer: "查看"
    case .editor: "编辑"
    case .admin: "管理员"
    }
  }

  public func webUnitsToday(_ count: Int, on day: Day) -> String { "截至\(self.day(day))，在册共建单位\(unitCount(count))" }

  public func webExpiringWithin(days: Int) -> String { "\(days)天内到期（或已到期未续签）的共建协议" }

  public func webPeriod(_ length: PeriodLength) -> String {
    switch length {
    case .year: "按年"
    case .quarter: "按季度"
    case .month: "按月"
    }
  }

  public func webBreakdown(_ breakdown: GrowthRequest.Breakdown) -> String {
    switch breakdown {
    case .kind: "按单位类别"
    case .group: "按专项组"
    }
  }

  public func webThrottled(minutes: Int) -> String { "登录失败次数过多，请\(minutes)分钟后再试。" }

  public func webFirstRows(shown: Int, total: Int) -> String {
    "共\(total)家，此处显示前\(shown)家；请缩小筛选范围，或下载全部。"
  }

  public func webLatestChanges(shown: Int, total: Int) -> String {
    shown < total ? "最近\(shown)条（共\(total)条）" : "共\(total)条"
  }

  public func webChangesRange(first: Int, last: Int, total: Int) -> String {
    "按时间倒序第\(first)至\(last)条（共\(total)条）"
  }

  public func webProblem(_ problem: WebProblem) -> String {
    switch problem {
    case .listenAddressInvalid(let text):
      return "监听地址\(quoted(text))无法识别：请写成“地址:端口”，如 127.0.0.1:8080、0.0.0.0:8080 或 [::1]:8080。"
    case .accountsRequired(let address):
      return "要在 \(address) 上提供网页（其他电脑也能访问），须先建立账号，否则任何人都能修改登记簿。\n"
        + "请先运行 gongjian user add 姓名 --role editor；只在本机使用时，请用 --listen 127.0.0.1:8080。"
    case .cannotListen(let address, let reason):
      return "无法在 \(address) 上提供网页：\(reason)。端口可能已被占用，可换一个端口（端口写0时自动选择）。"
    case .webProgramMissing(let searched):
      return "找不到网页版程序 gongjian-web（找过：\(searched.joined(separator: "、"))）。\n"
        + "请在源码目录下运行 swift build -c release --package-path Web，"
        + "再把 Web/.build/release/gongjian-web 复制到 gongjian 所在的文件夹。"
    case .passwordsDiffer:
      return "两次输入的密码不一致，未添加账号。"
    case .noPassword:
      return "没有读到密码：请在终端上运行，或从标准输入提供一行密码。"
    case .unknownRequest(let text):
      return "gongjian-web 不认识\(quoted(text))，请通过 gongjian serve 或 gongjian user 使用它。"
    }
  }

  public func accountAdded(_ account: Account) -> String {
    "已添加账号\(account.name)（\(accountRole(account.role))）。"
  }

  public func accountRemoved(_ account: Account) -> String {
    "已删除账号\(account.name)（\(accountRole(account.role))）。该账号如已登录，将在下次操作时退出登录。"
  }

  public func accountCount(_ count: Int) -> String { "共\(count)个账号" }

  public func passwordPrompt(for name: String) -> String { "\(name)的密码（至少\(AccountRules.minimumPasswordLength)个字符）：" }

  public var passwordAgainPrompt: String { "再输入一次：" }

  public func serveNote(url: String, loopback: Bool) -> String {
    (loopback ? "请在本机的浏览器中打开 \(url)（无需登录）。" : "其他电脑可在浏览器中打开 \(url) 并用账号登录。")
      + "按 Ctrl-C 停止。"
  }
}
