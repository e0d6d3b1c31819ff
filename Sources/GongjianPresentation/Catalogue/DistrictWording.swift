import GongjianRegistry

/// The words of the district roll-up: its report, its listing, its workbook's form, and why
/// a file was left out.
public protocol DistrictWording {
  /// A roll-up refused as a whole.
  func district(_ refusal: DistrictRefusal) -> String
  /// Why one file could not be read, naming it.
  func districtFile(_ skip: DistrictSkip) -> String
  /// The warning for a file left out because it could not be read.
  func districtSkipped(_ skip: DistrictSkip) -> String
  /// Under a report that left files out: which, and that its totals are without them.
  func districtSkippedNote(_ files: [String]) -> String
  /// 虹口区区域化党建共建单位情况汇总.
  func districtTitle(district: String?) -> String
  /// 虹口区区域化党建共建单位名单.
  func districtUnitsTitle(district: String?) -> String
  /// 欧阳路街道区域化党建共建单位名单.
  func subdistrictUnitsTitle(_ subdistrict: String) -> String
  /// A heading inside the report.
  func districtSection(_ section: DistrictSection) -> String
  /// The name shown in the rows of the district's own figures: 合计 or 去重合计.
  func districtTotalLabel(distinct: Bool) -> String
  /// The summary line of the sum or of the de-duplicated total.
  func districtSummary(_ summary: GrowthSummary, length: PeriodLength, distinct: Bool) -> String
  /// How the de-duplicated total counts, and how many units are in several registries.
  func districtDeduplicationNote(shared: Int) -> String
  /// How a shared unit was recognised: by its credit code, or by its name.
  func unitIdentity(_ identity: UnitIdentity) -> String
  /// One place of a shared unit: the subdistrict, its name there when it differs, and whether
  /// it has left that alliance.
  func sharedPlace(_ place: SharedUnitPlace, sameName: Bool) -> String
  /// A line of a district form's header block, its label with its value: 填报单位：虹口区.
  /// An empty value leaves the line to be filled in by hand.
  func formField(_ label: FormLabel, _ value: String) -> String
  /// The period a form covers: 2016年至2019年, 2019年第一季度至2019年第四季度.
  func periodRange(first: String, last: String, length: PeriodLength) -> String
  /// The name of a sheet of the district workbook.
  func districtSheet(_ sheet: DistrictSheet) -> String
  /// Under a district listing: 共120家单位，分属3个街道.
  func districtListedUnits(units: Int, subdistricts: Int) -> String
}

/// The parts of the district report.
public enum DistrictSection: Sendable, CaseIterable {
  case subdistricts, byPeriod, shared, noShared
}

/// The header block of a form the district sends out.
public enum FormLabel: Sendable, CaseIterable {
  /// 填报单位: who reports.
  case reportingUnit
  /// 统计期: the period reported.
  case period
  /// 报出时间: the day it was made.
  case madeOn
  /// 负责人 and 填表人: signed by hand.
  case responsible, preparedBy
}

/// The sheets of the district workbooks besides one per subdistrict.
public enum DistrictSheet: Sendable, CaseIterable {
  case summary, byPeriod, shared
}
