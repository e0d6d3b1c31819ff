/// The Chinese words and marks the registry reads in what people type and in the cells of
/// their files: data the rules work with, not texts for a person (those are in the
/// presentation layer's catalogues).
public enum Vocabulary {
  /// 2019年8月15日: the marks of a Chinese date (号 is the spoken form of 日).
  static let yearMark: Unicode.Scalar = "年"
  static let monthMark: Unicode.Scalar = "月"
  static let dayMarks: Set<Unicode.Scalar> = ["日", "号"]

  /// Words for today and yesterday, after full-width letters are folded and case lowered.
  static let relativeDays: [String: Int] = ["today": 0, "今天": 0, "yesterday": -1, "昨天": -1]

  /// Bracket styles that do not make two names different units (NFKC has already folded the
  /// full-width （）and ［］ into () and [] in a key).
  static let similarNameBrackets: Set<Unicode.Scalar> = ["(", ")", "〔", "〕", "【", "】", "[", "]", "「", "」"]
  /// Words a unit's name is often written with or without, longest first.
  static let similarNameWords = ["有限公司", "集团", "股份"]

  /// Short and common names of the standard kinds, so that statistics are not split between
  /// 国企 and 国有企业. Keys are compared without spaces.
  static let kindSynonyms: [String: String] = [
    "国企": "国有企业", "国有": "国有企业", "国营企业": "国有企业", "央企": "国有企业", "市属国企": "国有企业", "区属国企": "国有企业",
    "民企": "非公企业", "私企": "非公企业", "民营企业": "非公企业", "私营企业": "非公企业", "非公有制企业": "非公企业",
    "外企": "非公企业", "外资企业": "非公企业", "个体工商户": "非公企业",
    "机关": "党政机关", "党政": "党政机关", "政府机关": "党政机关", "行政机关": "党政机关", "机关单位": "党政机关",
    "事业": "事业单位", "学校": "事业单位", "中小学": "事业单位", "医院": "事业单位", "卫生院": "事业单位",
    "大学": "高校", "高等学校": "高校", "高等院校": "高校", "院校": "高校",
    "银行": "金融机构", "金融": "金融机构", "金融企业": "金融机构", "保险公司": "金融机构", "证券公司": "金融机构",
    "社团": "社会组织", "社会团体": "社会组织", "民非": "社会组织", "民办非企业单位": "社会组织", "基金会": "社会组织",
    "其它": "其他",
  ]

  /// What separates several working groups in one cell: 、 ; ， and their full-width forms.
  static let groupSeparators: Set<Unicode.Scalar> = ["、", ";", "；", ",", "，"]
  /// Characters that make a groups cell need splitting: separators and brackets.
  static let groupCellSpecials: Set<Unicode.Scalar> = groupSeparators.union(["(", ")", "（", "）"])
  /// The separator export writes between groups.
  static let groupSeparator = "、"
  /// After a group's name, the mark that makes the unit its lead (牵头单位); export writes the
  /// first, import reads them all.
  static let leadMarks = ["（牵头）", "(牵头)", "（牵头单位）", "(牵头单位)", "(lead)", "（lead）"]

  /// Attendance as the centre writes it: 出席, 请假, 缺席 (and their common variants), by the
  /// stored value they mean.
  static let attendanceWords: [String: String] = [
    "出席": "present", "到会": "present", "参会": "present", "请假": "excused", "缺席": "absent", "未到": "absent",
  ]

  /// The Chinese words for each attendance status, in the order of `AttendanceStatus.allCases`.
  public static let attendanceChoices = ["出席", "请假", "缺席"]

  /// The Chinese words for each kind of decision, in the order of `DecisionKind.allCases`.
  public static let decisionKindChoices = ["新成员单位", "专项组", "年度清单", "重点项目", "其他"]

  /// A follow-up task's status as the centre writes it, by the stored value it means.
  static let followupStatusWords: [String: String] = [
    "未办结": "open", "督办中": "open", "进行中": "open", "已办结": "done", "办结": "done", "已完成": "done", "完成": "done",
  ]

  /// The Chinese words for each status of a task, in the order of `FollowupStatus.allCases`.
  public static let followupStatusChoices = ["未办结", "已办结"]

  /// Kinds of decisions as the centre writes them, by the stored value they mean.
  static let decisionKindWords: [String: String] = [
    "新成员": "members", "新成员单位": "members", "吸纳新成员": "members", "成员单位": "members",
    "专项组": "groups", "三张清单": "lists", "清单": "lists", "年度清单": "lists",
    "重点项目": "projects", "项目": "projects", "其他": "other", "其它": "other",
  ]
  /// A project's level typed short: 街区 for 街区联建.
  static let projectLevelShortForms: [String: String] = ["街区": "街区联建", "责任区": "责任区共建", "楼组": "楼组自建"]

  /// The words of a list file's status column, both ways; the codes (open, met…) are read too.
  static let needStatusWords: [String: String] = [
    "待认领": "open", "已认领": "claimed", "已解决": "met", "已关闭": "closed",
  ]
  static let projectStatusWords: [String: String] = [
    "征集中": "proposed", "已认领": "claimed", "实施中": "running", "已完成": "done", "已终止": "dropped",
  ]

  static func needStatusWord(_ status: NeedStatus) -> String {
    needStatusWords.first { $0.value == status.rawValue }?.key ?? status.rawValue
  }

  static func projectStatusWord(_ status: ProjectStatus) -> String {
    projectStatusWords.first { $0.value == status.rawValue }?.key ?? status.rawValue
  }

  /// What separates several units or ids in one cell of a list file.
  static let listSeparators: Set<Unicode.Scalar> = ["、", ";", "；", ",", "，"]
  /// What separates claims in a 认领情况 cell (a claim has a comma of its own), and what
  /// export writes; inside a claim's brackets, the comma before the resource.
  static let claimSeparators: Set<Character> = ["；", ";"]
  static let claimSeparatorWritten = "；"
  static let claimPartSeparator = "，"
  /// Before a resource's id in a claim: 资源#12.
  static let resourceMarkers = ["资源", "resource"]

  /// The brackets around a note in a title (（示例）, 【试点】), half- and full-width.
  static let openingBrackets: Set<Character> = ["(", "（", "[", "【"]
  static let closingBrackets: Set<Character> = [")", "）", "]", "】"]
}
