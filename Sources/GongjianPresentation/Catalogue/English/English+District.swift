import GongjianRegistry

extension EnglishCatalogue: DistrictWording {
  public func district(_ refusal: DistrictRefusal) -> String {
    switch refusal {
    case .noRegistryInFolder(let path):
      return "the folder \(path) holds no .sqlite file (only the folder itself is looked in, not its subfolders).\n"
        + "Put the subdistricts' registry files in it, or name the files one by one."
    case .inputMissing(let path):
      return "\(path) does not exist. Check the path for a typo."
    case .givenTwice(let path, let sameAs):
      return "\(path) and \(sameAs) are the same file; a registry can be counted only once. Leave one of them out."
    case .unreadable(let skip):
      return districtFile(skip) + "\nNo report was made. To report on the other files, add --skip-bad "
        + "(the files that cannot be read are named)."
    case .nothingReadable(let skipped):
      return "none of the files can be read; there is nothing to report:\n"
        + skipped.map { "  " + districtFile($0) }.joined(separator: "\n")
    }
  }

  public func districtFile(_ skip: DistrictSkip) -> String {
    let file = skip.file
    switch skip.problem {
    case .storage(let problem):
      switch problem {
      case .notSQLite:
        return "\(file) is not a gongjian registry (it is not an SQLite database)."
      case .emptyFile:
        return "\(file) is an empty file, not a gongjian registry."
      case .otherApplication(_, let id):
        return "\(file) is an SQLite database of another application (application_id "
          + "0x\(String(UInt32(bitPattern: id), radix: 16))), not a gongjian registry."
      case .newerSchema(_, let version, let latest):
        return "\(file) was written by a newer gongjian (schema version \(version); this one knows up to \(latest)). "
          + "Install the newer gongjian to report on it."
      case .needsUpgrade(_, let version, _):
        return "\(file) is a registry that was never set up (schema version \(version)): it holds nothing to report."
      case .damaged(_, let detail):
        return "\(file) is damaged and cannot be read (\(detail)). Ask the subdistrict for a good copy "
          + "(gongjian backup makes one)."
      default:
        return storage(problem)
      }
    case .refusal(let refusal):
      return "\(file): " + self.refusal(refusal, fields: { _ in nil })
    }
  }

  public func districtSkipped(_ skip: DistrictSkip) -> String {
    "skipped: " + districtFile(skip)
  }

  public func districtSkippedNote(_ files: [String]) -> String {
    "Not included, because \(files.count == 1 ? "it cannot" : "they cannot") be read: \(list(files))"
  }

  public func districtTitle(district: String?) -> String {
    district.map { "Regional party-building alliances of \($0): district roll-up" }
      ?? "Regional party-building alliances: district roll-up"
  }

  public func districtUnitsTitle(district: String?) -> String {
    district.map { "Units of the regional party-building alliances of \($0)" }
      ?? "Units of the regional party-building alliances"
  }

  public func subdistrictUnitsTitle(_ subdistrict: String) -> String {
    "Units of the regional party-building alliance of \(subdistrict)"
  }

  public func districtSection(_ section: DistrictSection) -> String {
    switch section {
    case .subdistricts: "By subdistrict"
    case .byPeriod: "District totals by period"
    case .shared: "Units in more than one subdistrict's alliance"
    case .noShared: "No unit is in more than one subdistrict's alliance."
    }
  }

  public func districtTotalLabel(distinct: Bool) -> String { distinct ? "district, each unit once" : "district" }

  public func districtSummary(_ summary: GrowthSummary, length: PeriodLength, distinct: Bool) -> String {
    (distinct ? "Each unit once: " : "District: ") + growthSummary(summary, length: length)
  }

  public func districtDeduplicationNote(shared: Int) -> String {
    "How units are counted once: the same credit code (without one, the same name) is one unit; "
      + "\(shared == 1 ? "1 unit is" : "\(shared) units are") in more than one subdistrict's alliance."
  }

  public func unitIdentity(_ identity: UnitIdentity) -> String {
    switch identity {
    case .creditCode: "credit code"
    case .nameKey: "name"
    }
  }

  public func sharedPlace(_ place: SharedUnitPlace, sameName: Bool) -> String {
    var notes: [String] = []
    if !sameName { notes.append("as \(quoted(place.unit.name))") }
    if !place.activeAtEnd { notes.append("left") }
    return place.subdistrict + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")
  }

  public func formField(_ label: FormLabel, _ value: String) -> String {
    let name: String
    switch label {
    case .reportingUnit: name = "Reporting unit"
    case .period: name = "Period"
    case .madeOn: name = "Made on"
    case .responsible: name = "Responsible"
    case .preparedBy: name = "Prepared by"
    }
    return "\(name): \(value)"
  }

  public func periodRange(first: String, last: String, length: PeriodLength) -> String {
    first == last ? first : "\(first)–\(last)"
  }

  public func districtSheet(_ sheet: DistrictSheet) -> String {
    switch sheet {
    case .summary: "Summary"
    case .byPeriod: "District by period"
    case .shared: "Shared units"
    }
  }

  public func districtListedUnits(units: Int, subdistricts: Int) -> String {
    "\(unitCount(units)) in \(subdistricts == 1 ? "1 subdistrict" : "\(subdistricts) subdistricts")"
  }
}
