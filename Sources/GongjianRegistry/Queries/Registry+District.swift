import SQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// A district collects the registry file of every subdistrict and reads them together, never
// changing one: each is opened as every read-only command opens a registry (no migration, no
// journal switch, no file made beside it), read in one snapshot, and closed before the next.

/// What a district roll-up covers: the growth report's years and period length.
public struct DistrictRequest: Equatable, Sendable {
  public var from: Int?
  public var to: Int?
  public var period: PeriodLength
  /// Go on past a file that cannot be read, naming it, instead of stopping there.
  public var skipUnreadable: Bool

  public init(from: Int? = nil, to: Int? = nil, period: PeriodLength = .year, skipUnreadable: Bool = false) {
    self.from = from
    self.to = to
    self.period = period
    self.skipUnreadable = skipUnreadable
  }
}

/// Which units a district listing shows.
public struct DistrictUnitsRequest: Equatable, Sendable {
  /// Units that left their alliance too; otherwise those in it today.
  public var all: Bool
  public var skipUnreadable: Bool

  public init(all: Bool = false, skipUnreadable: Bool = false) {
    self.all = all
    self.skipUnreadable = skipUnreadable
  }
}

/// One subdistrict's file as read.
public struct DistrictSource: Equatable, Sendable {
  public var file: String
  /// The subdistrict the registry names itself, else the file's name without `.sqlite`.
  public var name: String
  /// True when the registry names no subdistrict and `name` comes from the file's name.
  public var namedByFile: Bool
  /// The district the registry names (may be empty).
  public var district: String
  public var schemaVersion: Int
}

/// One subdistrict in a district report.
public struct DistrictSubdistrict: Equatable, Sendable {
  public var source: DistrictSource
  /// Its growth over the report's periods: what `report growth` gives on that file for the
  /// same years and period length.
  public var growth: GrowthReport
  /// The lists' figures, when the file has the lists' tables.
  public var lists: ListFigures?
}

/// How units in different registries are known to be one: the same 统一社会信用代码, else the
/// same name key.
public enum UnitIdentity: Hashable, Sendable {
  case creditCode(String)
  case nameKey(String)
}

/// A unit of one subdistrict that is also in another's registry.
public struct SharedUnitPlace: Equatable, Sendable {
  public var subdistrict: String
  public var file: String
  /// The unit as that registry has it (its id there, its name there).
  public var unit: UnitReference
  /// Its latest alliance period there.
  public var joinedOn: Day
  public var leftOn: Day?
  /// In that alliance on the last day the report counts.
  public var activeAtEnd: Bool
}

/// A unit found in several subdistricts' registries: counted once in the de-duplicated total.
public struct SharedUnit: Equatable, Sendable {
  public var identity: UnitIdentity
  public var places: [SharedUnitPlace]
}

/// The span of a growth report: how many units were in the alliance before its first period,
/// how many joined and left over all its periods, and how many were in at the end, so that
/// `closing = opening + joined - left`.
public struct GrowthSpan: Equatable, Sendable {
  public var opening: Int
  public var joined: Int
  public var left: Int
  public var closing: Int
  public var net: Int { joined - left }
  /// The change against the opening count, in percent; nil from 0.
  public var changePercent: Double? {
    opening > 0 ? Double(closing - opening) / Double(opening) * 100 : nil
  }
}

extension GrowthReport {
  public var span: GrowthSpan {
    guard let first = rows.first, let last = rows.last else {
      return GrowthSpan(opening: 0, joined: 0, left: 0, closing: 0)
    }
    return GrowthSpan(
      opening: first.total - first.joined + first.left, joined: rows.reduce(0) { $0 + $1.joined },
      left: rows.reduce(0) { $0 + $1.left }, closing: last.total)
  }
}

/// The district roll-up: every subdistrict's growth over the same periods, their sum, the
/// de-duplicated district total, the lists' figures where present, and the units found in
/// several registries.
public struct DistrictReport: Equatable, Sendable {
  public var period: PeriodLength
  public var today: Day
  public var subdistricts: [DistrictSubdistrict]
  /// The sum of the subdistricts' reports, period by period.
  public var total: GrowthReport
  /// The district's units counted once each: a unit in several alliances is in the district's
  /// alliance while it is in any of them.
  public var distinct: GrowthReport
  /// The sum of the lists' figures of the files that have them; nil when none has.
  public var lists: ListFigures?
  public var shared: [SharedUnit]
  /// Files left out (only when asked to go on past them).
  public var skipped: [DistrictSkip]
  /// The district the registries name, when they all name the same one.
  public var district: String?
}

/// One unit of a district listing.
public struct DistrictUnitRow: Equatable, Sendable {
  public var subdistrict: String
  public var file: String
  public var unit: UnitListing
  public var creditCode: String?
  /// The other subdistricts of the listing where the same unit is listed.
  public var sharedWith: [String]
}

/// Every subdistrict's units, in file order.
public struct DistrictUnits: Equatable, Sendable {
  public var today: Day
  public var all: Bool
  public var subdistricts: [DistrictSource]
  public var rows: [DistrictUnitRow]
  public var skipped: [DistrictSkip]
  public var district: String?
}

/// A file of a roll-up that could not be read, and why.
public struct DistrictSkip: Equatable, Sendable {
  public var file: String
  public var problem: DistrictFileProblem

  public init(file: String, problem: DistrictFileProblem) {
    self.file = file
    self.problem = problem
  }
}

/// Why a file could not be read: what opening or reading any registry may meet.
public enum DistrictFileProblem: Equatable, Sendable {
  case storage(StorageProblem)
  indirect case refusal(Refusal)

  init(_ error: any Error, file: String) {
    switch error {
    case let problem as StorageProblem: self = .storage(problem)
    case let refusal as Refusal: self = .refusal(refusal)
    default: self = .storage(.unexpected(path: file, detail: "\(error)"))
    }
  }
}

/// Why a roll-up was refused as a whole.
public enum DistrictRefusal: Equatable, Sendable {
  /// A folder named holds no `*.sqlite` file.
  case noRegistryInFolder(path: String)
  /// A file or folder named that does not exist.
  case inputMissing(path: String)
  /// The same file named twice (again, through a folder, or through a link): it would count twice.
  case givenTwice(path: String, sameAs: String)
  /// A file that cannot be read stopped the roll-up.
  case unreadable(DistrictSkip)
  /// No file could be read.
  case nothingReadable([DistrictSkip])
}

/// Reading many registries together.
public enum District {
  /// The file name ending that a folder's registries have.
  static let registrySuffix = ".sqlite"

  /// The registry files the arguments name: a file as it is; a folder as every `*.sqlite`
  /// file directly in it (not in its subfolders; hidden files left out), sorted by name.
  /// The same file named twice is refused: it would be counted twice.
  public static func files(_ arguments: [String]) throws -> [String] {
    var files: [String] = []
    var seen: [FileIdentity: String] = [:]
    for argument in arguments {
      var named: [String]
      switch RegistryFile.entry(at: argument) {
      case .missing: throw Refusal.district(.inputMissing(path: argument))
      case .directory:
        named = try registries(inFolder: argument)
        guard !named.isEmpty else { throw Refusal.district(.noRegistryInFolder(path: argument)) }
      case .file, .other, .danglingSymlink:
        named = [argument]
      }
      for file in named {
        if let identity = FileIdentity(file) {
          if let earlier = seen[identity] { throw Refusal.district(.givenTwice(path: file, sameAs: earlier)) }
          seen[identity] = file
        }
        files.append(file)
      }
    }
    return files
  }

  /// The district report over `files` (see `DistrictReport`). Each subdistrict's growth is
  /// the registry's own growth report, over the same years for all: from `request.from`, or
  /// else from the earliest year any of them starts at.
  public static func report(_ files: [String], _ request: DistrictRequest, today: Day) throws -> DistrictReport {
    let to = request.to ?? today.year
    if let from = request.from {
      guard from <= to else { throw Refusal.rangeReversed(from: from, to: to) }
      guard from >= Day.earliestYear else { throw Refusal.yearOutOfRange(from) }
    }
    guard to <= today.year else { throw Refusal.rangeInFuture(to: to, today: today) }
    let growthRequest = GrowthRequest(from: request.from, to: request.to, period: request.period)
    var read: [(subdistrict: DistrictSubdistrict, units: [UnitRecord])] = []
    let skipped = try eachRegistry(files, today: today, skipUnreadable: request.skipUnreadable) { registry, file in
      read.append(try registry.districtFacts(file: file, growth: growthRequest))
    }
    guard !read.isEmpty else { throw Refusal.district(.nothingReadable(skipped)) }

    // The same periods for every file: a file whose own report starts later had no unit in
    // the alliance before, so its rows there are all zero.
    let from = request.from ?? read.compactMap { $0.subdistrict.growth.rows.first?.start.year }.min() ?? to
    let periods = Registry.periods(from: from, to: to, length: request.period, today: today)
    let common = GrowthRequest(from: from, to: to, period: request.period)
    for index in read.indices {
      read[index].subdistrict.growth = aligned(read[index].subdistrict.growth, to: periods, request: common)
    }
    let subdistricts = read.map(\.subdistrict)
    let district = commonDistrict(subdistricts.map(\.source))
    let total = summed(subdistricts.map(\.growth), periods: periods, request: common, name: district, today: today)

    let identities = identify(read.map(\.units))
    var intervals: [UnitIdentity: [Interval]] = [:]
    for (fileIndex, units) in read.map(\.units).enumerated() {
      for (unitIndex, unit) in units.enumerated() {
        intervals[identities[fileIndex][unitIndex], default: []] += unit.periods
      }
    }
    let distinct = distinctGrowth(
      intervals.values.map(merged), periods: periods, request: common, name: district, today: today)
    let lastDay = periods.last?.end ?? today
    let shared = sharedUnits(
      read.map(\.units), identities: identities, sources: subdistricts.map(\.source), lastDay: lastDay)
    return DistrictReport(
      period: request.period, today: today, subdistricts: subdistricts, total: total, distinct: distinct,
      lists: ListFigures.sum(subdistricts.compactMap(\.lists)), shared: shared, skipped: skipped, district: district)
  }

  /// Every subdistrict's units (those in the alliance today, or all), each with the other
  /// subdistricts of the listing where the same unit is listed.
  public static func units(_ files: [String], _ request: DistrictUnitsRequest, today: Day) throws -> DistrictUnits {
    var read: [(source: DistrictSource, units: [UnitRecord], listings: [UnitListing])] = []
    let skipped = try eachRegistry(files, today: today, skipUnreadable: request.skipUnreadable) { registry, file in
      read.append(try registry.districtUnits(file: file, all: request.all))
    }
    guard !read.isEmpty else { throw Refusal.district(.nothingReadable(skipped)) }
    let identities = identify(read.map(\.units))
    var places: [UnitIdentity: [Int]] = [:]
    for (fileIndex, keys) in identities.enumerated() {
      for key in keys where places[key]?.last != fileIndex { places[key, default: []].append(fileIndex) }
    }
    var rows: [DistrictUnitRow] = []
    for (fileIndex, file) in read.enumerated() {
      for (unitIndex, listing) in file.listings.enumerated() {
        let key = identities[fileIndex][unitIndex]
        rows.append(
          DistrictUnitRow(
            subdistrict: file.source.name, file: file.source.file, unit: listing,
            creditCode: file.units[unitIndex].creditCode,
            sharedWith: (places[key] ?? []).filter { $0 != fileIndex }.map { read[$0].source.name }))
      }
    }
    let sources = read.map(\.source)
    return DistrictUnits(
      today: today, all: request.all, subdistricts: sources, rows: rows, skipped: skipped,
      district: commonDistrict(sources))
  }

  // MARK: - Opening the files

  /// Opens each file for reading in turn and hands it to `body`. A file that cannot be opened
  /// or read stops everything, unless `skipUnreadable`: then it is left out and returned.
  private static func eachRegistry(
    _ files: [String], today: Day, skipUnreadable: Bool, _ body: (Registry, String) throws -> Void
  ) throws -> [DistrictSkip] {
    var skipped: [DistrictSkip] = []
    for file in files {
      do {
        let registry = try Registry.open(
          at: RegistryLocation(path: file, isDefault: false), access: .read, today: today,
          context: ChangeContext(changedBy: "", command: ""))
        try body(registry, file)
      } catch {
        let skip = DistrictSkip(file: file, problem: DistrictFileProblem(error, file: file))
        guard skipUnreadable else { throw Refusal.district(.unreadable(skip)) }
        skipped.append(skip)
      }
    }
    return skipped
  }

  /// The registries directly in a folder, by name.
  private static func registries(inFolder folder: String) throws -> [String] {
    guard let directory = opendir(folder) else {
      throw Refusal.district(
        .unreadable(
          DistrictSkip(
            file: folder, problem: .storage(.cannotReadFile(path: folder, errno: errno)))))
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard !name.hasPrefix("."), name.lowercased().hasSuffix(registrySuffix), name.count > registrySuffix.count
      else { continue }
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      if RegistryFile.entry(at: path) == .directory { continue }
      names.append(name)
    }
    return names.sorted().map { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 }
  }

  /// A file's device and inode: the same file, whatever the path.
  private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init?(_ path: String) {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
    }
  }

  // MARK: - Adding up

  /// The district every source names, when they agree and it is not empty.
  private static func commonDistrict(_ sources: [DistrictSource]) -> String? {
    let names = Set(sources.map(\.district))
    guard names.count == 1, let name = names.first, !name.isEmpty else { return nil }
    return name
  }

  /// `report` over `periods`, with zero rows before its own first period.
  private static func aligned(
    _ report: GrowthReport, to periods: [(label: String, start: Day, end: Day)], request: GrowthRequest
  ) -> GrowthReport {
    var result = report
    let first = report.rows.first?.label
    let missing = periods.prefix { $0.label != first }
    result.rows =
      missing.map {
        GrowthRow(
          label: $0.label, start: $0.start, end: $0.end, joined: 0, left: 0, total: 0, changePercent: nil, totals: [])
      } + report.rows
    result.request = request
    result.summary = GrowthSummary(result.rows, period: request.period)
    return result
  }

  private static func row(
    _ period: (label: String, start: Day, end: Day), joined: Int, left: Int, total: Int
  ) -> GrowthRow {
    let previous = total - joined + left
    return GrowthRow(
      label: period.label, start: period.start, end: period.end, joined: joined, left: left, total: total,
      changePercent: previous > 0 ? Double(total - previous) / Double(previous) * 100 : nil, totals: [])
  }

  private static func report(
    _ rows: [GrowthRow], request: GrowthRequest, name: String?, today: Day
  ) -> GrowthReport {
    GrowthReport(
      request: request, rows: rows, columns: [], summary: GrowthSummary(rows, period: request.period), group: nil,
      subdistrict: name ?? "", today: today)
  }

  /// The reports added up period by period.
  private static func summed(
    _ reports: [GrowthReport], periods: [(label: String, start: Day, end: Day)], request: GrowthRequest,
    name: String?, today: Day
  ) -> GrowthReport {
    var rows: [GrowthRow] = []
    for (index, period) in periods.enumerated() {
      var joined = 0
      var left = 0
      var total = 0
      for report in reports where report.rows.indices.contains(index) {
        joined += report.rows[index].joined
        left += report.rows[index].left
        total += report.rows[index].total
      }
      rows.append(row(period, joined: joined, left: left, total: total))
    }
    return report(rows, request: request, name: name, today: today)
  }

  /// A period of alliance membership, `[start, end)`; `end` nil while it lasts.
  struct Interval {
    var start: Day
    var end: Day?
  }

  /// One unit's periods across every registry it is in, joined where they overlap or touch:
  /// the unit is in the district's alliance while it is in any subdistrict's.
  private static func merged(_ intervals: [Interval]) -> [Interval] {
    var result: [Interval] = []
    for interval in intervals.sorted(by: { $0.start < $1.start }) {
      guard let last = result.last else {
        result.append(interval)
        continue
      }
      guard let lastEnd = last.end else { continue }
      if interval.start <= lastEnd {
        if let end = interval.end {
          result[result.count - 1].end = max(end, lastEnd)
        } else {
          result[result.count - 1].end = nil
        }
      } else {
        result.append(interval)
      }
    }
    return result
  }

  /// The growth of the district's units counted once each, from their merged periods: as the
  /// registry counts its own (`total` on a day: periods begun by then minus those ended), so
  /// `total = previous + joined - left` holds here too.
  private static func distinctGrowth(
    _ units: [[Interval]], periods: [(label: String, start: Day, end: Day)], request: GrowthRequest, name: String?,
    today: Day
  ) -> GrowthReport {
    var starts: [Int] = []
    var ends: [Int] = []
    for intervals in units {
      for interval in intervals {
        starts.append(interval.start.daysSinceEpoch)
        if let end = interval.end { ends.append(end.daysSinceEpoch) }
      }
    }
    starts.sort()
    ends.sort()
    /// How many of `sorted` are at most `day`.
    func count(_ sorted: [Int], atMost day: Int) -> Int {
      var low = 0
      var high = sorted.count
      while low < high {
        let middle = (low + high) / 2
        if sorted[middle] <= day { low = middle + 1 } else { high = middle }
      }
      return low
    }
    let rows = periods.map { period in
      let first = period.start.daysSinceEpoch
      let last = period.end.daysSinceEpoch
      let joined = count(starts, atMost: last) - count(starts, atMost: first - 1)
      let left = count(ends, atMost: last) - count(ends, atMost: first - 1)
      return row(period, joined: joined, left: left, total: count(starts, atMost: last) - count(ends, atMost: last))
    }
    return report(rows, request: request, name: name, today: today)
  }

  // MARK: - One unit in several registries

  /// A unit as one registry has it, with the keys that find it in others.
  struct UnitRecord {
    var id: UnitID
    var name: String
    var nameKey: String
    var creditCode: String?
    var periods: [Interval]
  }

  /// The identity of every unit of every file. A unit with a credit code is its code. A unit
  /// without one takes the code that units of the same name key carry elsewhere, when they all
  /// carry the same one; otherwise it is its name key. So the same code is one unit whatever
  /// its names, two codes are two units whatever their names, and a file without codes (an
  /// older registry, or codes not yet entered) still finds its units by name.
  static func identify(_ files: [[UnitRecord]]) -> [[UnitIdentity]] {
    var codesByName: [String: Set<String>] = [:]
    for units in files {
      for unit in units {
        if let code = unit.creditCode { codesByName[unit.nameKey, default: []].insert(code) }
      }
    }
    return files.map { units in
      units.map { unit in
        if let code = unit.creditCode { return .creditCode(code) }
        if let codes = codesByName[unit.nameKey], codes.count == 1, let code = codes.first {
          return .creditCode(code)
        }
        return .nameKey(unit.nameKey)
      }
    }
  }

  /// A credit code as compared: without surrounding blanks, letters in upper case; nil when empty.
  static func comparableCode(_ text: String?) -> String? {
    guard let text else { return nil }
    let trimmed = text.unicodeScalars.filter { !$0.properties.isWhitespace }
    let code = String(String.UnicodeScalarView(trimmed)).uppercased()
    return code.isEmpty ? nil : code
  }

  /// The identities found in more than one file, by name, each with where it is.
  private static func sharedUnits(
    _ files: [[UnitRecord]], identities: [[UnitIdentity]], sources: [DistrictSource], lastDay: Day
  ) -> [SharedUnit] {
    var places: [UnitIdentity: [(file: Int, unit: Int)]] = [:]
    for (fileIndex, keys) in identities.enumerated() {
      for (unitIndex, key) in keys.enumerated() { places[key, default: []].append((fileIndex, unitIndex)) }
    }
    var shared: [SharedUnit] = []
    for (identity, found) in places where Set(found.map(\.file)).count > 1 {
      shared.append(
        SharedUnit(
          identity: identity,
          places: found.compactMap { place in
            let unit = files[place.file][place.unit]
            guard let latest = unit.periods.last else { return nil }
            return SharedUnitPlace(
              subdistrict: sources[place.file].name, file: sources[place.file].file,
              unit: UnitReference(id: unit.id, name: unit.name), joinedOn: latest.start, leftOn: latest.end,
              activeAtEnd: unit.periods.contains {
                ActivePeriods.contains(lastDay, joinedOn: $0.start, leftOn: $0.end)
              })
          }))
    }
    return shared.sorted {
      ($0.places.first?.unit.name ?? "", $0.places.first?.file ?? "")
        < ($1.places.first?.unit.name ?? "", $1.places.first?.file ?? "")
    }
  }
}

extension Registry {
  /// The source, growth, lists and units of this registry for a district report, read in
  /// one snapshot.
  fileprivate func districtFacts(file: String, growth request: GrowthRequest) throws -> (
    subdistrict: DistrictSubdistrict, units: [District.UnitRecord]
  ) {
    try read {
      let source = try districtSource(file: file)
      let growth = try growthInTransaction(request)
      let lists = try ListFigures.read(db)
      let units = try unitRecords()
      return (DistrictSubdistrict(source: source, growth: growth, lists: lists), units)
    }
  }

  /// The units of this registry for a district listing, with their keys, in listing order.
  fileprivate func districtUnits(file: String, all: Bool) throws -> (
    source: DistrictSource, units: [District.UnitRecord], listings: [UnitListing]
  ) {
    try read {
      let source = try districtSource(file: file)
      var listings: [UnitListing] = []
      try forEachUnitInSnapshot(UnitFilter(all: all)) { listings.append($0) }
      let records = try unitRecords()
      let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      let units = listings.map {
        byID[$0.id] ?? District.UnitRecord(id: $0.id, name: $0.name, nameKey: $0.name, creditCode: nil, periods: [])
      }
      return (source, units, listings)
    }
  }

  private func districtSource(file: String) throws -> DistrictSource {
    let settings = try settingsInTransaction()
    var name = settings.subdistrict
    let namedByFile = name.isEmpty
    if namedByFile {
      name = String(file.split(separator: "/").last ?? Substring(file))
      if name.lowercased().hasSuffix(District.registrySuffix), name.count > District.registrySuffix.count {
        name.removeLast(District.registrySuffix.count)
      }
    }
    return DistrictSource(
      file: file, name: name, namedByFile: namedByFile, district: settings.district, schemaVersion: schemaVersion)
  }

  /// Every unit with its name key, its credit code where the registry's schema has them, and
  /// its alliance periods in order.
  private func unitRecords() throws -> [District.UnitRecord] {
    let code = try hasColumn("credit_code", in: "unit") ? "u.credit_code" : "NULL"
    let statement = try db.prepare(
      """
      SELECT u.id, u.name, u.name_key, \(code), m.joined_on, m.left_on
      FROM unit AS u LEFT JOIN membership AS m ON m.unit_id = u.id
      ORDER BY u.id, m.joined_on
      """)
    var units: [District.UnitRecord] = []
    while try statement.step() {
      let id = UnitID(try statement.required(0))
      if units.last?.id != id {
        units.append(
          District.UnitRecord(
            id: id, name: try statement.required(1), nameKey: try statement.required(2),
            creditCode: District.comparableCode(try statement.column(3, as: String.self)), periods: []))
      }
      if try statement.column(4, as: String.self) != nil {
        units[units.count - 1].periods.append(
          District.Interval(start: try day(statement, 4), end: try optionalDay(statement, 5)))
      }
    }
    return units
  }
}
