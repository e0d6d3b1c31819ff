import GongjianRegistry

/// The commands that reproduce a section's figures, word by word (without `--db`, which is
/// the reader's own). A figure that depends on the day it is counted on carries `--today`
/// with the pack's day; in the current year every command does, since the pack counts up to
/// today.
public enum MeetingPackCommands {
  public static func commands(for section: MeetingPackSection, in pack: MeetingPack) -> [[String]] {
    let year = String(pack.year)
    let day = ["--today", pack.asOf.iso]
    // Within the current year the figures change every day: pin them all to the pack's day.
    let pinned = pack.asOf < (Day(year: pack.year, month: 12, day: 31) ?? pack.asOf) ? day : []
    switch section {
    case .growth(let report):
      let from = report.request.from.map(String.init) ?? report.rows.first?.label ?? year
      let to = report.request.to.map(String.init) ?? year
      return [["gongjian", "report", "growth", "--from", from, "--to", to] + pinned]
    case .joined:
      return [["gongjian", "list", "--joined-in", year] + pinned]
    case .left:
      return [["gongjian", "list", "--left-in", year] + pinned]
    case .groups:
      return [["gongjian", "group", "list"] + day]
    case .expiringAgreements(let expiring):
      return [["gongjian", "agreement", "list", "--expiring-within", String(expiring.days)] + day]
    case .lists:
      return [
        ["gongjian", "report", "projects", "--from", year, "--to", year] + pinned,
        ["gongjian", "report", "units", "--year", year] + pinned,
      ]
    case .meetings(let meetings):
      var commands = [["gongjian", "meeting", "list", "--year", year] + pinned]
      for meeting in meetings {
        let sameDay = meetings.filter { $0.summary.heldOn == meeting.summary.heldOn }.count > 1
        let name = sameDay ? String(meeting.summary.id.rawValue) : meeting.summary.heldOn.iso
        commands.append(["gongjian", "meeting", "show", name] + pinned)
      }
      return commands
    case .attendance, .idleUnits:
      return [["gongjian", "meeting", "attendance", "--year", year] + pinned]
    case .followups:
      return [["gongjian", "followup", "list", "--year", year] + day]
    }
  }

  /// A command as a person types it.
  public static func line(_ words: [String]) -> String {
    words.map(ShellWords.quote).joined(separator: " ")
  }
}
