import GongjianRegistry

extension ChineseCatalogue {
  public func help(_ key: ListsHelpKey) -> String {
    switch key {
    case .valueResource: "资源"
    case .valueNeed: "需求"
    case .valueProject: "项目"
    case .valueCategory: "类别"
    case .valueCount: "人次"
    case .valueHours: "小时"
    case .valueStatus: "状态"
    case .valueLevel: "层级"
    case .valueList: "清单"
    case .valueWho: "提出方"
    case .resourceAbstract: "资源清单：共建单位提供的场地、志愿服务、专业服务等资源。"
    case .resourceAddAbstract: "登记一家单位提供的资源，显示其编号。"
    case .resourceAddDiscussion:
      """
      示例：gongjian resource add 复旦大学外文学院 "外语志愿翻译服务" --category 志愿服务 \\
      --capacity "每月2次，每次4人" --from 2019-07-01

      提供资源的单位须目前在册；单位退出时，其仍在提供的资源同日停止提供。\
      类别：场地、志愿服务、专业服务、文化教育、资金物资、其他，也可自填。
      """
    case .resourceUnit: "提供资源的单位：编号、名称或名称的一部分。"
    case .resourceTitle: "资源名称，如：党员活动室。"
    case .resourceCategory: "资源类别：场地、志愿服务、专业服务、文化教育、资金物资、其他（默认：其他）。"
    case .resourceCapacity: "服务能力，如：会议室1间，可容纳50人。"
    case .resourceFrom: "可提供的起始日期（默认：今天）。"
    case .resourceUntil: "可提供的截止日期（不填则长期提供）。"
    case .resourceContact: "资源联系人。"
    case .resourceDescription: "资源说明。"
    case .resourceListAbstract: "列出资源清单，默认列出目前仍在提供的资源。"
    case .resourceListUnit: "只列出某家单位提供的资源。"
    case .resourceListCategory: "只列出某一类别的资源。"
    case .resourceListAvailableOn: "列出某一天可提供的资源。"
    case .resourceListAll: "列出全部资源，包括已撤回和已过期的。"
    case .resourceShowAbstract: "查看一项资源，以及认领它的需求和使用它的项目。"
    case .resourceArgument: "资源：编号，或名称中能唯一确定它的一部分。"
    case .resourceEditAbstract: "修改资源的信息；填空值即清除该项。"
    case .resourceEditTitle: "资源的新名称。"
    case .resourceWithdrawAbstract: "撤回一项资源：自该日起不再提供。"
    case .resourceWithdrawOn: "撤回日期。"
    case .needAbstract: "需求清单：居民区、共建单位或党建服务中心提出的需求，以及认领和办结。"
    case .needAddAbstract: "登记一项需求，显示其编号。"
    case .needAddDiscussion:
      """
      示例：gongjian need add "垃圾分类桶边督导志愿者" --category 志愿服务 \\
      --raised-by 第一居民区 --on 2019-07-01 --people 20 --deadline 2019-07-31

      --raised-by 可以是单位（编号或完整名称），也可以是居民区等其他提出方；不填则为党建服务中心。
      """
    case .needTitle: "需求名称。"
    case .needCategory: "需求类别（默认：其他）。"
    case .needRaisedBy: "提出方：单位的编号或完整名称，或居民区等其他提出方的名称。"
    case .needOn: "提出日期（默认：今天）。"
    case .needPeople: "所需人数。"
    case .needDeadline: "认领截止日期；过期仍无人认领的需求可用 need list --overdue 查看。"
    case .needDescription: "需求说明。"
    case .needListAbstract: "列出需求清单。"
    case .needListStatus: "只列出某一状态的需求：open（待认领）、claimed（已认领）、met（已解决）、closed（已关闭）。"
    case .needListOverdue: "只列出已过认领截止日期、仍待认领的需求。"
    case .needListCategory: "只列出某一类别的需求。"
    case .needShowAbstract: "查看一项需求：认领情况、办理过程和相关项目。"
    case .needArgument: "需求：编号，或名称中能唯一确定它的一部分。"
    case .needCloseAbstract: "办结一项需求：加 --met 为已解决，否则为已关闭。"
    case .needCloseOn: "办结日期。"
    case .needCloseMet: "需求已解决（不加则记为已关闭）。"
    case .needClaimAbstract: "认领需求：单位认领需求，或需求认领某项资源。"
    case .needClaimDiscussion:
      """
      示例：gongjian need claim 垃圾分类 复旦大学外文学院 --on 2019-07-05
            gongjian need claim 垃圾分类 --resource 外语志愿翻译 --on 2019-07-05

      认领当天单位须在册；同一单位不能重复认领同一需求；认领记录不会被修改或覆盖。
      """
    case .needClaimUnit: "认领的单位：编号、名称或名称的一部分。"
    case .needClaimResource: "被认领的资源（由提供该资源的单位认领）。"
    case .needClaimOn: "认领日期（默认：今天）。"
    case .projectAbstract: "项目清单：对接需求和资源的共建项目，以及认领、实施和完成。"
    case .projectAddAbstract: "登记一个项目，显示其编号。"
    case .projectAddDiscussion:
      """
      示例：gongjian project add "垃圾分类示范小区共建" --category 环境治理 --level 街区联建 \\
      --need 3 --resource 5 --lead 虹口区房管局 --unit 复旦大学外文学院 --start 2019-07-01 --end 2019-12-31

      给出 --lead 时，牵头单位于提出当天认领该项目。项目状态：征集中 → 已认领 → 实施中 → 已完成或已终止。
      """
    case .projectTitle: "项目名称。"
    case .projectCategory: "项目类别（默认：其他）。"
    case .projectLevel: "项目层级：街区联建、责任区共建或楼组自建。"
    case .projectNeed: "项目对应的需求；有多项时每项写一次 --need。"
    case .projectResource: "项目使用的资源；有多项时每项写一次 --resource。"
    case .projectLead: "牵头单位。"
    case .projectUnit: "参与单位；有多家时每家写一次 --unit。"
    case .projectStart: "计划开始日期。"
    case .projectEnd: "计划结束日期。"
    case .projectOn: "提出日期（默认：今天）。"
    case .projectDescription: "项目说明。"
    case .projectListAbstract: "列出项目清单。"
    case .projectListStatus: "只列出某一状态的项目：proposed、claimed、running、done、dropped。"
    case .projectListUnit: "只列出某家单位牵头、参与或认领的项目。"
    case .projectListYear: "只列出某年内在办的项目。"
    case .projectShowAbstract: "查看一个项目：需求、资源、单位、认领情况、办理过程和服务记录合计。"
    case .projectArgument: "项目：编号，或名称中能唯一确定它的一部分。"
    case .projectClaimAbstract: "单位认领项目：没有牵头单位的项目由第一家认领的单位牵头，其后的单位参与。"
    case .projectClaimUnit: "认领的单位：编号、名称或名称的一部分。"
    case .projectClaimOn: "认领日期（默认：今天）。"
    case .projectStartAbstract: "项目开始实施。"
    case .projectFinishAbstract: "项目完成（须已开始实施）。"
    case .projectDropAbstract: "项目终止。"
    case .projectStepOn: "办理日期：不早于上一次办理的日期，不晚于今天。"
    case .activityAbstract: "服务记录：项目开展的每次服务，记录志愿者人次、时长和受益人次。"
    case .activityAddAbstract: "记录项目的一次服务。"
    case .activityAddDiscussion:
      """
      示例：gongjian activity add 垃圾分类 --on 2019-07-20 --unit 复旦大学外文学院 \\
      --volunteers 12 --hours 24 --served 300 --note "桶边督导"

      服务日期须在项目实施期间内（开始实施之日至完成或终止之日），且不晚于今天；\
      参与单位当天须在册，不填则记为牵头单位。
      """
    case .activityProject: "项目：编号，或名称中能唯一确定它的一部分。"
    case .activityOn: "服务日期。"
    case .activityUnit: "参与单位；有多家时每家写一次 --unit（默认：牵头单位）。"
    case .activityVolunteers: "志愿者人次。"
    case .activityHours: "志愿服务时长（小时，可带一位小数）。"
    case .activityServed: "受益人次。"
    case .activityNote: "备注。"
    case .activityListAbstract: "列出服务记录。"
    case .activityListProject: "只列出某个项目的服务记录。"
    case .activityListUnit: "只列出某家单位参与的服务记录。"
    case .activityListYear: "只列出某年的服务记录。"
    case .matchAbstract: "为一项需求推荐可对接的资源，按匹配程度排序，并说明理由。"
    case .matchDiscussion:
      """
      理由包括：类别相同、今天可提供、提供单位在册、提供单位所在专项组、以往参与同类服务的次数、名称或说明相近。\
      已认领该需求的资源不再推荐。
      """
    case .matchNeed: "需求：编号，或名称中能唯一确定它的一部分。"
    case .matchLimit: "最多列出几项（默认：10）。"
    case .reportProjectsAbstract: "项目情况报告：需求、认领率、项目、完成率、服务人次和时长，按期间和类别统计。"
    case .reportProjectsDiscussion:
      """
      各期“提出需求”为该期提出的需求，“已认领”“已解决”为其中到期末（本期为今天）已认领、已解决的；\
      认领率 = 已认领 ÷ 提出需求。项目同理，完成率 = 已完成 ÷ 提出项目。服务次数、人次和时长按服务日期计入各期。\
      格式：table、csv、json、chart、svg、html，或 -o 文件.xlsx。
      """
    case .reportProjectsCategory: "只统计某一类别的需求、项目及其服务记录。"
    case .reportUnitsAbstract: "共建单位年度参与情况：每家在册单位提供的资源、认领的需求、牵头和参与的项目、服务次数和时长，并标出全年无活动的单位。"
    case .reportUnitsDiscussion: "联席会议前可用它找出全年没有资源、认领、项目和服务记录的单位，逐一跟进。"
    case .reportUnitsYear: "统计的年份（默认：今年）。"
    case .reportUnitsIdle: "只列出全年无活动的单位。"
    case .reportFormatWithWorkbook: "输出格式：table、csv、json、chart（终端条形图）、svg 或 html；-o 文件.xlsx 输出Excel工作簿。"
    case .importListAbstract: "从CSV或XLSX文件导入清单：有任何一行出错则全部不导入，并逐行列出错误。"
    case .importListDiscussion:
      """
      文件首行为表头，可用中文或英文列名（见 gongjian export --list 导出的文件）；单位按名称对应，\
      需求和资源按编号对应。XLSX工作簿中有同名工作表（资源清单、需求清单、项目清单、服务记录）时读取该表。
      """
    case .importListFile: "要导入的CSV或XLSX文件。"
    case .exportList:
      "只导出一份清单：resources（资源清单）、needs（需求清单）、projects（项目清单）或 activities（服务记录），格式为CSV或XLSX。"
    case .creditCodeOption: "统一社会信用代码（18位，末位为校验位）。"
    }
  }
}
