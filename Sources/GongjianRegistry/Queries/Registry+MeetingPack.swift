import SQLite

extension Registry {
  /// How many years the pack's growth section covers, the pack's year included: the
  /// newsletter's "from 29 units in 2016 to 43 this year".
  public static let meetingPackGrowthYears = 4

  /// The materials for the joint meeting of `year`, counted on the year's last day (today in
  /// the current year), read in one snapshot so that every section agrees with the others.
  public func meetingPack(year: Int) throws -> MeetingPack {
    guard (Day.earliestYear...Day.latestYear).contains(year) else { throw Refusal.yearOutOfRange(year) }
    guard year <= today.year else { throw Refusal.rangeInFuture(to: year, today: today) }
    return try read {
      let asOf = min(try yearEnd(year), today)
      let settings = try settingsInTransaction()
      let firstYear = try firstJoiningYear(GrowthScope()) ?? year
      let from = min(year, max(firstYear, year - Registry.meetingPackGrowthYears + 1))
      var sections: [MeetingPackSection] = [
        .growth(try growthInTransaction(GrowthRequest(from: from, to: year))),
        .joined(try joinedUnits(year: year, asOf: asOf)),
        .left(try leftUnits(year: year, asOf: asOf)),
        .groups(try loadGroups(on: asOf, only: nil)),
        .expiringAgreements(try expiringWithinAYear(of: asOf)),
      ]
      sections.append(.lists(try yearLists(year: year, asOf: asOf)))
      let participation = try loadParticipation(year: year, asOf: asOf)
      let hasMeetings = try hasMeetings()
      let meetings =
        hasMeetings
        ? try meetingReferences(
          where: "m.held_on BETWEEN \(try yearStart(year).iso) AND \(try yearEnd(year).iso)"
        ).map { try loadMeetingDetail($0.id, followupsOn: asOf) } : []
      let followups =
        hasMeetings ? try self.followups(where: try yearFollowupCondition(year: year, asOf: asOf), on: asOf) : []
      let measures = UnitActivity.meetingMeasures
      sections += [
        .meetings(meetings),
        .attendance(participation),
        .followups(YearFollowups(year: year, asOf: asOf, followups: followups)),
        .idleUnits(
          IdleUnits(
            year: year, measures: measures, meetings: participation.meetings.count,
            units: participation.rows.filter { row in
              row.meetings > 0 && measures.allSatisfy { row.count(of: $0) == 0 }
            })),
      ]
      return MeetingPack(
        year: year, asOf: asOf, subdistrict: settings.subdistrict, district: settings.district, sections: sections)
    }
  }

  /// The year's resources, needs and projects with their figures (认领率, 完成率, 服务人次…),
  /// from the same queries as the lists' own reports, so that they give the same numbers: the
  /// resources summed over the units' year, the rest the one-year report of the lists. Nil when
  /// the registry keeps no lists.
  func yearLists(year: Int, asOf: Day) throws -> YearLists? {
    guard try hasListTables() else { return nil }
    let units = try unitReportInTransaction(year: year)
    let report = try projectReportInTransaction(ProjectReportRequest(from: year, to: year))
    return YearLists(
      year: year, asOf: asOf, resources: units.rows.reduce(0) { $0 + $1.resources }, figures: report.total,
      categories: report.categories)
  }

  /// The units that joined in `year` up to `asOf`, one row per joining, by day.
  func joinedUnits(year: Int, asOf: Day) throws -> [JoinedUnit] {
    let statement = try db.prepare(
      sql: """
        SELECT u.id, u.name, u.kind, m.joined_on,
          EXISTS (SELECT 1 FROM membership AS e WHERE e.unit_id = m.unit_id AND e.joined_on < m.joined_on),
          a.title, a.signatory, a.signatory_title, a.expires_on,
          (SELECT group_concat(name, char(31)) FROM (
             SELECT g.name FROM group_membership AS gm JOIN working_group AS g ON g.id = gm.group_id
             WHERE gm.unit_id = m.unit_id AND gm.joined_on >= m.joined_on AND gm.joined_on <= \(asOf.iso)
               AND (m.left_on IS NULL OR gm.joined_on < m.left_on)
             ORDER BY gm.role, g.id))
        FROM membership AS m JOIN unit AS u ON u.id = m.unit_id
        LEFT JOIN agreement AS a ON a.id = (
          SELECT b.id FROM agreement AS b WHERE b.unit_id = m.unit_id AND b.signed_on = m.joined_on ORDER BY b.id LIMIT 1)
        WHERE m.joined_on BETWEEN \(try yearStart(year).iso) AND \(asOf.iso)
        ORDER BY m.joined_on, u.id
        """)
    var result: [JoinedUnit] = []
    while try statement.step() {
      result.append(
        JoinedUnit(
          unit: UnitReference(id: UnitID(try statement.required(0)), name: try statement.required(1)),
          kind: try statement.required(2), joinedOn: try day(statement, 3),
          rejoined: try statement.required(4, as: Int.self) != 0, agreementTitle: try statement.column(5),
          signatory: try statement.column(6), signatoryTitle: try statement.column(7),
          expiresOn: try optionalDay(statement, 8),
          groups: try statement.column(9, as: String.self)?.split(separator: "\u{1F}").map(String.init) ?? []))
    }
    return result
  }

  /// The units that left in `year` up to `asOf`, by day.
  func leftUnits(year: Int, asOf: Day) throws -> [LeftUnit] {
    let statement = try db.prepare(
      sql: """
        SELECT u.id, u.name, u.kind, m.joined_on, m.left_on, m.left_reason
        FROM membership AS m JOIN unit AS u ON u.id = m.unit_id
        WHERE m.left_on BETWEEN \(try yearStart(year).iso) AND \(asOf.iso)
        ORDER BY m.left_on, u.id
        """)
    var result: [LeftUnit] = []
    while try statement.step() {
      result.append(
        LeftUnit(
          unit: UnitReference(id: UnitID(try statement.required(0)), name: try statement.required(1)),
          kind: try statement.required(2), joinedOn: try day(statement, 3), leftOn: try day(statement, 4),
          reason: try statement.column(5)))
    }
    return result
  }

  /// Agreements expiring in the year after `day` (to the same day a year later).
  func expiringWithinAYear(of day: Day) throws -> ExpiringAgreements {
    let nextYear = min(day.year + 1, Day.latestYear)
    let until =
      Day(year: nextYear, month: day.month, day: min(day.day, Day.daysIn(month: day.month, year: nextYear))) ?? day
    let days = until.daysSinceEpoch - day.daysSinceEpoch
    return ExpiringAgreements(days: days, until: until, agreements: try expiringAgreements(within: days, on: day))
  }
}
