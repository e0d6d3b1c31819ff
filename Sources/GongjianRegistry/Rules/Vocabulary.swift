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

  /// What separates several working groups in one cell: 、 ; ， and their full-width forms.
  static let groupSeparators: Set<Unicode.Scalar> = ["、", ";", "；", ",", "，"]
  /// Characters that make a groups cell need splitting: separators and brackets.
  static let groupCellSpecials: Set<Unicode.Scalar> = groupSeparators.union(["(", ")", "（", "）"])
  /// The separator export writes between groups.
  static let groupSeparator = "、"
  /// After a group's name, the mark that makes the unit its lead (牵头单位); export writes the
  /// first, import reads them all.
  static let leadMarks = ["（牵头）", "(牵头)", "（牵头单位）", "(牵头单位)", "(lead)", "（lead）"]
}
