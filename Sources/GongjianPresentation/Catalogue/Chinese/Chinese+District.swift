import GongjianRegistry

extension ChineseCatalogue: DistrictWording {
  public func district(_ refusal: DistrictRefusal) -> String {
    switch refusal {
    case .noRegistryInFolder(let path):
      return "文件夹\(path)中没有 .sqlite 文件（不含子文件夹）。\n"
        + "请把各街道的登记簿文件放进这个文件夹，或逐个列出文件。"
    case .inputMissing(let path):
      return "找不到\(path)。请检查路径是否写错。"
    case .givenTwice(let path, let sameAs):
      return "\(path)与\(sameAs)是同一个文件，同一份登记簿只能汇总一次。请去掉重复的一项。"
    case .unreadable(let skip):
      return districtFile(skip) + "\n未生成汇总。如要跳过该文件、汇总其余文件，请加 --skip-bad（被跳过的文件会逐一列出）。"
    case .nothingReadable(let skipped):
      return "所给的文件都无法读取，没有可以汇总的内容：\n" + skipped.map { "  " + districtFile($0) }.joined(separator: "\n")
    }
  }

  public func districtFile(_ skip: DistrictSkip) -> String {
    let file = skip.file
    switch skip.problem {
    case .storage(let problem):
      switch problem {
      case .notSQLite:
        return "\(file)不是 gongjian 登记簿（不是SQLite数据库）。"
      case .emptyFile:
        return "\(file)是空文件，不是 gongjian 登记簿。"
      case .otherApplication(_, let id):
        return "\(file)是其他程序的SQLite数据库（application_id 0x\(String(UInt32(bitPattern: id), radix: 16))），"
          + "不是 gongjian 登记簿。"
      case .newerSchema(_, let version, let latest):
        return "\(file)由新版 gongjian 生成（结构版本\(version)，本程序最高支持版本\(latest)）。请安装新版 gongjian 后再汇总。"
      case .needsUpgrade(_, let version, _):
        return "\(file)是尚未建好的登记簿（结构版本\(version)），其中没有可以汇总的内容。"
      case .damaged(_, let detail):
        return "\(file)已损坏，无法读取（\(detail)）。请向该街道索取完好的副本（可用 gongjian backup 生成）。"
      default:
        return storage(problem)
      }
    case .refusal(let refusal):
      return "\(file)：" + self.refusal(refusal, fields: { _ in nil })
    }
  }

  public func districtSkipped(_ skip: DistrictSkip) -> String {
    "已跳过：" + districtFile(skip)
  }

  public func districtSkippedNote(_ files: [String]) -> String {
    "注意：以下\(files.count)个文件无法读取，未计入本表：\(list(files))"
  }

  public func districtTitle(district: String?) -> String {
    "\(district ?? "")各街道区域化党建共建单位情况汇总"
  }

  public func districtUnitsTitle(district: String?) -> String {
    "\(district ?? "")各街道区域化党建共建单位名单"
  }

  public func subdistrictUnitsTitle(_ subdistrict: String) -> String {
    "\(subdistrict)区域化党建共建单位名单"
  }

  public func districtSection(_ section: DistrictSection) -> String {
    switch section {
    case .subdistricts: "各街道情况"
    case .byPeriod: "全区合计"
    case .shared: "在多个街道共建的单位"
    case .noShared: "没有在多个街道共建的单位。"
    }
  }

  public func districtTotalLabel(distinct: Bool) -> String { distinct ? "去重合计" : "合计" }

  public func districtSummary(_ summary: GrowthSummary, length: PeriodLength, distinct: Bool) -> String {
    (distinct ? "去重后，" : "各街道合计，") + growthSummary(summary, length: length)
  }

  public func districtDeduplicationNote(shared: Int) -> String {
    "去重方法：统一社会信用代码相同（没有代码时名称相同）的单位只计一次；共有\(shared)家单位在多个街道共建。"
  }

  public func unitIdentity(_ identity: UnitIdentity) -> String {
    switch identity {
    case .creditCode: "统一社会信用代码"
    case .nameKey: "单位名称"
    }
  }

  public func sharedPlace(_ place: SharedUnitPlace, sameName: Bool) -> String {
    var notes: [String] = []
    if !sameName { notes.append("名为\(quoted(place.unit.name))") }
    if !place.activeAtEnd { notes.append("已退出") }
    return place.subdistrict + (notes.isEmpty ? "" : "（\(notes.joined(separator: "，"))）")
  }

  public func formField(_ label: FormLabel, _ value: String) -> String {
    let name: String
    switch label {
    case .reportingUnit: name = "填报单位"
    case .period: name = "统计期"
    case .madeOn: name = "报出时间"
    case .responsible: name = "负责人"
    case .preparedBy: name = "填表人"
    }
    return "\(name)：\(value)"
  }

  public func periodRange(first: String, last: String, length: PeriodLength) -> String {
    let from = periodLabel(first, length: length)
    return first == last ? from : "\(from)至\(periodLabel(last, length: length))"
  }

  public func districtSheet(_ sheet: DistrictSheet) -> String {
    switch sheet {
    case .summary: "汇总"
    case .byPeriod: "全区逐期"
    case .shared: "跨街道单位"
    }
  }

  public func districtListedUnits(units: Int, subdistricts: Int) -> String {
    "共\(units)家单位，分属\(subdistricts)个街道"
  }
}
