import GongjianRegistry

extension EnglishCatalogue {
  public func help(_ key: ListsHelpKey) -> String {
    switch key {
    case .valueResource: "resource"
    case .valueNeed: "need"
    case .valueProject: "project"
    case .valueCategory: "category"
    case .valueCount: "count"
    case .valueHours: "hours"
    case .valueStatus: "status"
    case .valueLevel: "level"
    case .valueList: "list"
    case .valueWho: "who"
    case .resourceAbstract: "The resources list (资源清单): rooms, volunteers, services the units offer."
    case .resourceAddAbstract: "Record a resource a unit offers; prints its id."
    case .resourceAddDiscussion:
      """
      Example: gongjian resource add 复旦大学外文学院 "外语志愿翻译服务" --category 志愿服务 \\
      --capacity "每月2次，每次4人" --from 2019-07-01

      The unit must be in the alliance; when it leaves, its resources close the same day. \
      Categories: 场地, 志愿服务, 专业服务, 文化教育, 资金物资, 其他, or your own.
      """
    case .resourceUnit: "The unit offering it: id, name or a unique part of the name."
    case .resourceTitle: "What is offered, e.g. 党员活动室."
    case .resourceCategory: "Category: 场地, 志愿服务, 专业服务, 文化教育, 资金物资, 其他 (default: 其他)."
    case .resourceCapacity: "How much, e.g. 会议室1间，可容纳50人."
    case .resourceFrom: "First day it is offered (default: today)."
    case .resourceUntil: "Last day it is offered (none: until withdrawn)."
    case .resourceContact: "Whom to contact about it."
    case .resourceDescription: "A description."
    case .resourceListAbstract: "List resources: by default those still offered."
    case .resourceListUnit: "Only this unit's resources."
    case .resourceListCategory: "Only resources of this category."
    case .resourceListAvailableOn: "Resources offered on this day."
    case .resourceListAll: "Every resource, withdrawn and past ones too."
    case .resourceShowAbstract: "Show a resource, the needs that claimed it and the projects using it."
    case .resourceArgument: "The resource: its id, or a unique part of its title."
    case .resourceEditAbstract: "Change a resource's details; an empty value clears one."
    case .resourceEditTitle: "The resource's new title."
    case .resourceWithdrawAbstract: "Withdraw a resource: not offered from that day on."
    case .resourceWithdrawOn: "The day it is withdrawn."
    case .needAbstract: "The needs list (需求清单): needs raised by residents' committees, units or the centre; claims."
    case .needAddAbstract: "Record a need; prints its id."
    case .needAddDiscussion:
      """
      Example: gongjian need add "垃圾分类桶边督导志愿者" --category 志愿服务 \\
      --raised-by 第一居民区 --on 2019-07-01 --people 20 --deadline 2019-07-31

      --raised-by is a unit (its id or full name) or anyone else (a residents' committee); without it, the centre.
      """
    case .needTitle: "What is needed."
    case .needCategory: "Category (default: 其他)."
    case .needRaisedBy: "Who raised it: a unit's id or full name, or the name of a residents' committee or other."
    case .needOn: "The day it was raised (default: today)."
    case .needPeople: "How many people are needed."
    case .needDeadline: "The claim deadline; need list --overdue shows open needs past it."
    case .needDescription: "A description."
    case .needListAbstract: "List the needs."
    case .needListStatus: "Only needs with this status: open, claimed, met or closed."
    case .needListOverdue: "Only open needs past their claim deadline."
    case .needListCategory: "Only needs of this category."
    case .needShowAbstract: "Show a need: its claims, status changes and projects."
    case .needArgument: "The need: its id, or a unique part of its title."
    case .needCloseAbstract: "Close a need: met with --met, otherwise closed."
    case .needCloseOn: "The day it was closed."
    case .needCloseMet: "The need was met (without it: closed unmet)."
    case .needClaimAbstract: "Claim a need: a unit claims it, or the need claims a unit's resource."
    case .needClaimDiscussion:
      """
      Examples: gongjian need claim 垃圾分类 复旦大学外文学院 --on 2019-07-05
                gongjian need claim 垃圾分类 --resource 外语志愿翻译 --on 2019-07-05

      The unit must be in the alliance that day; a unit claims a need once; claims are never changed.
      """
    case .needClaimUnit: "The claiming unit: id, name or a unique part of the name."
    case .needClaimResource: "The resource the need claims (its unit claims the need)."
    case .needClaimOn: "The day of the claim (default: today)."
    case .projectAbstract: "The projects list (项目清单): projects pairing needs and resources; claims, start, finish."
    case .projectAddAbstract: "Record a project; prints its id."
    case .projectAddDiscussion:
      """
      Example: gongjian project add "垃圾分类示范小区共建" --category 环境治理 --level 街区联建 \\
      --need 3 --resource 5 --lead 虹口区房管局 --unit 复旦大学外文学院 --start 2019-07-01 --end 2019-12-31

      With --lead the lead claims the project the day it is proposed. A project moves \
      proposed → claimed → running → done or dropped.
      """
    case .projectTitle: "The project's title."
    case .projectCategory: "Category (default: 其他)."
    case .projectLevel: "Level: 街区联建, 责任区共建 or 楼组自建."
    case .projectNeed: "A need it answers; repeat for several."
    case .projectResource: "A resource it uses; repeat for several."
    case .projectLead: "The lead unit."
    case .projectUnit: "A unit taking part; repeat for several."
    case .projectStart: "Planned first day."
    case .projectEnd: "Planned last day."
    case .projectOn: "The day it was proposed (default: today)."
    case .projectDescription: "A description."
    case .projectListAbstract: "List the projects."
    case .projectListStatus: "Only projects with this status: proposed, claimed, running, done or dropped."
    case .projectListUnit: "Only projects this unit leads, takes part in or claimed."
    case .projectListYear: "Only projects under way in this year."
    case .projectShowAbstract: "Show a project: needs, resources, units, claims, status changes and service totals."
    case .projectArgument: "The project: its id, or a unique part of its title."
    case .projectClaimAbstract: "A unit claims a project; the first to claim a project without a lead leads it."
    case .projectClaimUnit: "The claiming unit: id, name or a unique part of the name."
    case .projectClaimOn: "The day of the claim (default: today)."
    case .projectStartAbstract: "The project starts running."
    case .projectFinishAbstract: "The project is done (it must have started)."
    case .projectDropAbstract: "The project is dropped."
    case .projectStepOn: "The day: not before the previous change, not after today."
    case .activityAbstract:
      "Service records (服务记录): each service a project gives, with volunteers, hours, people served."
    case .activityAddAbstract: "Record a service of a project."
    case .activityAddDiscussion:
      """
      Example: gongjian activity add 垃圾分类 --on 2019-07-20 --unit 复旦大学外文学院 \\
      --volunteers 12 --hours 24 --served 300 --note "桶边督导"

      The day must fall while the project ran (from its start to the day it was done or dropped) and not \
      after today; the units must be in the alliance that day (default: the project's lead).
      """
    case .activityProject: "The project: its id, or a unique part of its title."
    case .activityOn: "The day of the service."
    case .activityUnit: "A unit taking part; repeat for several (default: the lead)."
    case .activityVolunteers: "Volunteers (人次)."
    case .activityHours: "Hours of volunteer service (to a tenth)."
    case .activityServed: "People served (受益人次)."
    case .activityNote: "A note."
    case .activityListAbstract: "List service records."
    case .activityListProject: "Only this project's records."
    case .activityListUnit: "Only records this unit took part in."
    case .activityListYear: "Only records of this year."
    case .matchAbstract: "Suggest resources that could meet a need, best first, each with the reasons."
    case .matchDiscussion:
      """
      Reasons: the same category, offered today, the unit in the alliance, its working group, its earlier \
      service in the category, similar wording. Resources the need already claimed are left out.
      """
    case .matchNeed: "The need: its id, or a unique part of its title."
    case .matchLimit: "How many to list at most (default: 10)."
    case .reportProjectsAbstract:
      "Report on the lists: needs, claim rate, projects, completion rate, service and hours, by period and category."
    case .reportProjectsDiscussion:
      """
      Each period counts the needs raised in it and, of those, the ones claimed and met by its end (today for the \
      current one): claim rate = claimed ÷ raised. Projects likewise: completion rate = done ÷ proposed. Service \
      records count in the period of their day. Formats: table, csv, json, chart, svg, html, or -o FILE.xlsx.
      """
    case .reportProjectsCategory: "Only needs, projects and their service of this category."
    case .reportUnitsAbstract:
      "What each unit in the alliance did in a year: resources, needs claimed, projects led and joined, service, hours; idle units flagged."
    case .reportUnitsDiscussion:
      "Before the joint meeting, find the units that did nothing all year and follow them up."
    case .reportUnitsYear: "The year (default: this year)."
    case .reportUnitsIdle: "Only the units that did nothing all year."
    case .reportFormatWithWorkbook:
      "Format: table, csv, json, chart (terminal bars), svg or html; -o FILE.xlsx writes a workbook."
    case .importListAbstract: "Import a list from a CSV or XLSX file: all or nothing, every bad row named."
    case .importListDiscussion:
      """
      The first row is the header, in Chinese or English (see the files gongjian export --list writes); units \
      are named by name, needs and resources by id. A workbook's sheet of the list's name (资源清单, 需求清单, \
      项目清单, 服务记录) is read when there is one.
      """
    case .importListFile: "The CSV or XLSX file to import."
    case .exportList:
      "Export one list only: resources, needs, projects or activities (service records), as CSV or XLSX."
    case .creditCodeOption: "The unified social credit code (统一社会信用代码: 18 characters, the last a check character)."
    }
  }
}
