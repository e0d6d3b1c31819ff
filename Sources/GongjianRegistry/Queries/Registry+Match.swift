import SQLite

/// Why a resource is suggested for a need: each a fact a person can check.
public enum MatchReason: Equatable, Sendable {
  /// The resource is of the need's category.
  case sameCategory(String)
  /// Offered on the day matched for.
  case available(on: Day)
  /// Offered from a later day.
  case availableFrom(Day)
  /// The resource's unit has been in the alliance since that day.
  case inAlliance(since: Day)
  /// The unit is in a working group with the unit that raised the need.
  case sharedGroup(GroupReference)
  /// The unit is in a working group whose name says the need's category (志愿服务专项组 for 志愿服务).
  case groupForCategory(GroupReference)
  /// The unit took part in this many service records of projects of the need's category.
  case earlierActivities(Int, category: String)
  /// The resource and the need are described in similar words.
  case similarWording
}

/// A resource that could meet a need, with its score and the reasons for it.
public struct MatchSuggestion: Equatable, Sendable {
  public var rank: Int
  public var resource: Resource
  public var score: Int
  public var reasons: [MatchReason]
}

/// The resources that could meet a need, best first.
public struct MatchResult: Equatable, Sendable {
  public var need: Need
  /// The day availability and membership were judged on: today.
  public var day: Day
  public var suggestions: [MatchSuggestion]
}

extension Registry {
  /// Resources that could meet need `id`, ranked. A candidate is a resource not withdrawn nor
  /// past its last day, whose unit is in the alliance today, not already claimed by the need.
  /// Its score adds up what speaks for it: the need's category (50), offered today (20, or 5
  /// when offered from a later day), the unit in the alliance (10), a working group shared with
  /// the unit that raised the need or named after the need's category (10), earlier service
  /// records in projects of the category (3 each, at most 15), titles in similar words (up to 10).
  public func match(_ id: NeedID, limit: Int = 10) throws -> MatchResult {
    try read {
      let need = try loadNeed(id)
      let day = today
      var candidates: [Resource] = []
      let statement = try db.prepare(
        sql: """
          SELECT \(identifier: Registry.resourceColumns) FROM resource AS r JOIN unit AS u ON u.id = r.unit_id
          WHERE (r.withdrawn_on IS NULL OR r.withdrawn_on > \(day.iso))
            AND (r.available_until IS NULL OR r.available_until >= \(day.iso))
            AND EXISTS (SELECT 1 FROM membership AS m WHERE m.unit_id = r.unit_id AND \(ActivePeriods.on(day, alias: "m")))
            AND NOT EXISTS (SELECT 1 FROM claim AS c WHERE c.need_id = \(id.rawValue) AND c.resource_id = r.id)
          ORDER BY r.id
          """)
      while try statement.step() { candidates.append(try resource(from: statement)) }

      var since: [UnitID: Day] = [:]
      let periods = try db.prepare(
        sql: "SELECT m.unit_id, m.joined_on FROM membership AS m WHERE \(ActivePeriods.on(day, alias: "m"))")
      while try periods.step() { since[UnitID(try periods.required(0))] = try self.day(periods, 1) }

      var groups: [UnitID: [GroupReference]] = [:]
      let memberships = try db.prepare(
        sql: """
          SELECT gm.unit_id, g.id, g.name FROM group_membership AS gm JOIN working_group AS g ON g.id = gm.group_id
          WHERE \(ActivePeriods.on(day, alias: "gm")) ORDER BY g.id
          """)
      while try memberships.step() {
        groups[UnitID(try memberships.required(0)), default: []].append(
          GroupReference(id: GroupID(try memberships.required(1)), name: try memberships.required(2)))
      }
      var raiserGroups: Set<GroupID> = []
      if case .unit(let raiser) = need.raisedBy { raiserGroups = Set((groups[raiser.id] ?? []).map(\.id)) }
      let categoryKey = NameKey.make(need.category)

      var earlier: [UnitID: Int] = [:]
      let activities = try db.prepare(
        sql: """
          SELECT au.unit_id, count(*) FROM activity AS a JOIN project AS p ON p.id = a.project_id
          JOIN activity_unit AS au ON au.activity_id = a.id
          WHERE p.category = \(need.category) AND a.happened_on <= \(day.iso) GROUP BY au.unit_id
          """)
      while try activities.step() { earlier[UnitID(try activities.required(0))] = try activities.required(1) }

      let needWords = Registry.wordingPairs(need.title)
      var scored: [MatchSuggestion] = []
      for resource in candidates {
        var score = 0
        var reasons: [MatchReason] = []
        if resource.category == need.category {
          score += 50
          reasons.append(.sameCategory(need.category))
        }
        if resource.isAvailable(on: day) {
          score += 20
          reasons.append(.available(on: day))
        } else if resource.availableFrom > day {
          score += 5
          reasons.append(.availableFrom(resource.availableFrom))
        }
        if let joined = since[resource.unit.id] {
          score += 10
          reasons.append(.inAlliance(since: joined))
        }
        let unitGroups = groups[resource.unit.id] ?? []
        if let shared = unitGroups.first(where: { raiserGroups.contains($0.id) }) {
          score += 10
          reasons.append(.sharedGroup(shared))
        } else if !categoryKey.isEmpty, categoryKey != NameKey.make(ListCategory.fallback),
          let named = unitGroups.first(where: { NameKey.make($0.name).contains(categoryKey) })
        {
          score += 10
          reasons.append(.groupForCategory(named))
        }
        if let count = earlier[resource.unit.id], count > 0 {
          score += min(15, 3 * count)
          reasons.append(.earlierActivities(count, category: need.category))
        }
        let words = Registry.wordingPairs(resource.title)
        let shared = needWords.intersection(words).count
        if shared > 0, !needWords.isEmpty {
          let similarity = 2 * Double(shared) / Double(needWords.count + words.count)
          let points = Int((similarity * 20).rounded())
          if points >= 3 {
            score += min(10, points)
            reasons.append(.similarWording)
          }
        }
        scored.append(MatchSuggestion(rank: 0, resource: resource, score: score, reasons: reasons))
      }
      scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.resource.id < $1.resource.id }
      let top = scored.prefix(max(0, limit)).enumerated().map { offset, suggestion in
        var ranked = suggestion
        ranked.rank = offset + 1
        return ranked
      }
      return MatchResult(need: need, day: day, suggestions: Array(top))
    }
  }
}

extension Registry {
  /// The character pairs of a title, for comparing wording: without the notes in brackets that
  /// many items share (（示例）, （试行）), so that only what they say counts.
  static func wordingPairs(_ title: String) -> Set<String> {
    var kept = ""
    var depth = 0
    for character in NameKey.make(title) {
      if Vocabulary.openingBrackets.contains(character) {
        depth += 1
      } else if Vocabulary.closingBrackets.contains(character) {
        depth = max(0, depth - 1)
      } else if depth == 0 {
        kept.append(character)
      }
    }
    return bigrams(kept)
  }
}
