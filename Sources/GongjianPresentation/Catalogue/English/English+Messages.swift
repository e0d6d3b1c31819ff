import GongjianRegistry

extension EnglishCatalogue: MessageWording {
  public func foldersCreated(_ folders: [String]) -> String {
    "Created the folder\(folders.count == 1 ? "" : "s") \(folders.joined(separator: ", "))."
  }

  public func registryCreated(path: String, shared: Bool) -> String {
    "Created the registry \(path), readable and writable by "
      + (shared ? "you and your group (mode 0660)." : "you only (mode 0600).")
  }

  public var registryNextStep: String {
    "Next: gongjian register NAME --joined DATE   (gongjian register --help for the options)"
  }

  public func registryExists(path: String, settingsGiven: Bool) -> String {
    "A gongjian registry already exists at \(path); nothing was changed."
      + (settingsGiven
        ? "\nTo change its subdistrict or district use: gongjian registry set --subdistrict NAME --district NAME" : "")
  }

  public func corrected(_ correction: PeriodCorrection) -> String {
    var changes: [String] = []
    if correction.before.joinedOn != correction.after.joinedOn {
      changes.append("joining date \(day(correction.before.joinedOn)) → \(day(correction.after.joinedOn))")
    }
    if correction.before.leftOn != correction.after.leftOn {
      changes.append(
        "leaving date \(correction.before.leftOn.map(day) ?? "(none)") → \(correction.after.leftOn.map(day) ?? "(none)")"
      )
    }
    guard !changes.isEmpty else {
      return "\(unit(correction.unit)), period \(correction.period): nothing changed (the dates were already so)."
    }
    return "Corrected period \(correction.period) of \(unit(correction.unit)): " + changes.joined(separator: "; ") + "."
  }

  func contents(_ unit: UnitDetail) -> String {
    "\(unit.periods.count) period(s), \(unit.agreements.count) agreement(s), \(unit.groups.count) group membership(s), "
      + "\(unit.formerNames.count) former name(s)"
  }

  public func removalPreview(_ unit: UnitDetail) -> String {
    "This would delete \(self.unit(unit.reference)) with its \(contents(unit)); the history keeps all of it.\n"
      + "It is for a unit registered by mistake; a unit that left is withdrawn (gongjian withdraw). "
      + "To delete it, add --yes: gongjian remove \(unit.id) --yes"
  }

  public func personalField(_ code: String) -> String {
    switch PersonalField(rawValue: code) {
    case .phone: "phone numbers"
    case .contact: "contact names"
    case nil: code
    }
  }

  public func purgePreview(_ purge: HistoryPurge) -> String {
    let fields = list(purge.fields.map { personalField($0.rawValue) })
    guard purge.entries > 0 else { return "The history holds no \(fields) of \(unit(purge.unit)): nothing to purge." }
    return "This would take the \(fields) of \(unit(purge.unit)) out of \(purge.entries) history entries "
      + "(\(purge.values) different old values).\nThe unit's current details stay (clear them first with gongjian edit). "
      + "Backups made earlier still hold them.\nTo purge, add --yes: gongjian history purge \(purge.unit.id) "
      + purge.fields.map { "--field \($0.rawValue)" }.joined(separator: " ") + " --yes"
  }

  public func purged(_ purge: HistoryPurge) -> String {
    "Took the \(list(purge.fields.map { personalField($0.rawValue) })) of \(unit(purge.unit)) out of \(purge.entries) history entries."
  }

  public func removed(_ unit: UnitDetail) -> String {
    "Removed \(self.unit(unit.reference)), registered by mistake (\(contents(unit))). The history keeps all of it; "
      + "gongjian undo brings it back."
  }

  func planLines(_ plan: UndoPlan) -> [String] {
    guard let first = plan.entries.last else { return [] }
    var lines = ["  \(LocalTime.minutes(first.at))  \(first.changedBy)  \(first.command)"]
    lines += plan.entries.reversed().map { entry in
      "    - " + (entry.unit.map { "\($0.name): " } ?? "") + change(entry)
    }
    return lines
  }

  public func undoPreview(_ plan: UndoPlan) -> String {
    (["This would undo the latest change:"] + planLines(plan) + ["To undo it, add --yes: gongjian undo --yes"])
      .joined(separator: "\n")
  }

  public func undone(_ plan: UndoPlan) -> String {
    (["Undid:"] + planLines(plan) + ["The undo is in the history too."]).joined(separator: "\n")
  }

  public func registryDetails(_ settings: RegistrySettings, path: String) -> String {
    [
      "subdistrict: \(settings.subdistrict.isEmpty ? "(not set)" : settings.subdistrict)",
      "district: \(settings.district.isEmpty ? "(not set)" : settings.district)",
      "created: \(LocalTime.minutes(settings.createdAt))", "file: \(path)",
    ].joined(separator: "\n")
  }

  public func registryUpdated(_ settings: RegistrySettings) -> String {
    "The registry is now that of \(settings.district)\(settings.subdistrict)."
  }

  func registrationSummary(_ registration: Registration) -> String {
    var text = "\(unit(registration.unit)) (\(registration.kind)) joined \(day(registration.joinedOn))"
    if let left = registration.leftOn { text += ", left \(day(left))" }
    if !registration.groups.isEmpty {
      let role = registration.role == .lead ? " as lead" : ""
      text +=
        "; working groups\(role): "
        + list(
          registration.groups.map {
            $0.since == registration.joinedOn ? $0.group.name : "\($0.group.name) (from \(day($0.since)))"
          })
    }
    return text
  }

  public func registered(_ registration: Registration) -> String { "Registered " + registrationSummary(registration) }

  public func rejoined(_ registration: Registration) -> String { "Rejoined " + registrationSummary(registration) }

  public func withdrew(_ withdrawal: Withdrawal) -> String {
    var text =
      "Withdrew \(unit(withdrawal.unit)): in the alliance \(day(withdrawal.joinedOn)) – \(day(withdrawal.leftOn))"
    if !withdrawal.closedGroups.isEmpty {
      text += "; left the working groups " + list(withdrawal.closedGroups.map(\.name))
    }
    if !withdrawal.closedResources.isEmpty {
      text += "; its resources " + list(withdrawal.closedResources.map { quoted($0.title) }) + " closed the same day"
    }
    return text
  }

  public func edited(_ edit: UnitEdit) -> String {
    guard !edit.changes.isEmpty else { return "\(unit(edit.unit)): nothing changed (the values were already so)." }
    return "Edited \(unit(edit.unit)):\n"
      + edit.changes.map { "  \(field($0.field)): \($0.old ?? "(empty)") → \($0.new ?? "(empty)")" }
      .joined(separator: "\n")
  }

  public func groupAdded(_ group: GroupReference, establishedOn: Day?) -> String {
    "Added the working group #\(group.id) \(group.name)" + (establishedOn.map { ", founded \(day($0))" } ?? "") + "."
  }

  public func groupJoined(_ result: GroupJoinResult) -> String {
    switch result.outcome {
    case .joined(let since):
      "\(unit(result.unit)) joined \(result.group.name) as \(role(result.role)) from \(day(since))."
    case .roleChanged(let previous, let since):
      "\(unit(result.unit)) is \(role(result.role)) of \(result.group.name) from \(day(since)) (was \(role(previous)))."
    }
  }

  public func groupLeft(_ result: GroupLeaveResult) -> String {
    "\(unit(result.unit)) left \(result.group.name) on \(day(result.until)) (member since \(day(result.since)))."
  }

  public func agreementRecorded(_ agreement: Agreement) -> String {
    "Recorded #\(agreement.id): \(agreement.unit.name) signed \(agreement.title) on \(day(agreement.signedOn))"
      + (agreement.expiresOn.map { ", expires \(day($0))" } ?? "") + "."
  }

  public func expiry(daysLeft: Int?) -> String {
    guard let daysLeft else { return "no expiry date recorded" }
    return daysLeft < 0
      ? "expired \(-daysLeft) days ago" : daysLeft == 0 ? "expires today" : "expires in \(daysLeft) days"
  }

  public func listedUnits(_ count: Int) -> String { unitCount(count) }

  public func agreementCount(_ count: Int) -> String { count == 1 ? "1 agreement" : "\(count) agreements" }

  public func changeCount(_ count: Int) -> String { count == 1 ? "1 change" : "\(count) changes" }

  public func wroteReport(path: String, format: String) -> String { "Wrote the report (\(format)) to \(path)." }

  public func exported(count: Int, path: String, format: String) -> String {
    "Exported \(unitCount(count)) to \(path) (\(format))."
  }

  public func backedUp(units: Int, path: String, bytes: Int) -> String {
    "Backed up \(unitCount(units)) to \(path) (\(ByteCount.text(bytes)))."
  }

  /// The file's format and what was set aside, as lines under a summary.
  func importNotes(_ summary: ImportSummary) -> [String] {
    var notes = summary.layout.map(layoutNotes) ?? []
    if !summary.otherKinds.isEmpty { notes.append(otherKinds(summary.otherKinds)) }
    return notes.map { "  " + $0 }
  }

  func formatNote(_ summary: ImportSummary) -> String {
    summary.layout.map { " (\(sourceFormat($0.format)))" } ?? ""
  }

  public func imported(_ summary: ImportSummary) -> String {
    var text = "Imported \(summary.path)\(formatNote(summary)): \(summary.added) added, \(summary.updated) updated"
    if summary.unchanged > 0 { text += ", \(summary.unchanged) already up to date" }
    if !summary.createdGroups.isEmpty { text += "; working groups created: " + list(summary.createdGroups) }
    return ([text + "."] + importNotes(summary)).joined(separator: "\n")
  }

  public func importDryRun(_ summary: ImportSummary) -> String {
    var first = "Dry run: \(summary.path)\(formatNote(summary)) has no errors in \(summary.rows) rows. "
    first += "It would add \(unitCount(summary.added)) and update \(summary.updated)"
    if !summary.createdGroups.isEmpty { first += ", and create the working groups " + list(summary.createdGroups) }
    var lines = [first + "."]
    if !summary.addedNames.isEmpty {
      let more = summary.added > summary.addedNames.count ? " …" : ""
      lines.append("  to add: " + list(summary.addedNames) + more)
    }
    if !summary.updatedNames.isEmpty {
      let more = summary.updated > summary.updatedNames.count ? " …" : ""
      lines.append("  to update: " + list(summary.updatedNames) + more)
    }
    lines += importNotes(summary)
    lines.append("Nothing was written.")
    return lines.joined(separator: "\n")
  }

  public func importProgress(rows: Int, rate: Int, secondsLeft: Int?) -> String {
    var text = "\(ByteCount.grouped(rows)) rows · \(ByteCount.grouped(rate)) rows/s"
    if let seconds = secondsLeft { text += " · \(seconds / 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60) left" }
    return text
  }

  public func sheetLabel(_ label: SheetLabel) -> String {
    switch label {
    case .status: "status:"
    case .partyOrganisation: "party org:"
    case .contact: "contact:"
    case .phone: "phone:"
    case .address: "address:"
    case .note: "note:"
    case .formerly: "formerly:"
    case .periods: "Alliance periods"
    case .agreements: "Agreements"
    case .groups: "Working groups"
    case .none: "(none)"
    case .creditCode: "credit code:"
    }
  }

  public func latestAgreementExpired(on day: Day) -> String {
    "The latest agreement expired on \(self.day(day)) and has not been renewed (record a renewal with gongjian agreement add)."
  }

  public func sheetTitle(_ unit: UnitDetail) -> String { "#\(unit.id) \(unit.name)  (\(unit.kind))" }

  public func unitStatus(_ unit: UnitDetail) -> String {
    if let open = unit.openPeriod { return "in the alliance since \(day(open.joinedOn))" }
    if let last = unit.periods.last, let left = last.leftOn {
      return "left the alliance on \(day(left))" + (last.leftReason.map { " (\($0))" } ?? "")
    }
    return "no alliance period"
  }

  public func formerName(_ name: FormerName) -> String { "\(name.name) (until \(day(name.renamedOn)))" }

  public func groupSummary(_ group: WorkingGroup) -> [String] {
    var lines: [String] = []
    if let description = group.description { lines.append(description) }
    if let founded = group.establishedOn { lines.append("founded \(day(founded))") }
    if let dissolved = group.dissolvedOn { lines.append("dissolved \(day(dissolved))") }
    lines.append("\(unitCount(group.memberCount)) today")
    return lines
  }

  public func checkSeverity(_ severity: CheckReport.Severity) -> String {
    switch severity {
    case .ok: "ok"
    case .warning: "warning"
    case .problem: "PROBLEM"
    }
  }

  public func checkFinding(_ finding: CheckFinding) -> (subject: String, detail: String) {
    switch finding {
    case .file(let id): ("file", "a gongjian registry (application_id 0x\(String(UInt32(bitPattern: id), radix: 16)))")
    case .permissions(let mode):
      (
        "permissions",
        mode & 0o007 != 0
          ? "\(octal(mode)): anyone on this machine may read it, and it holds contacts' names and phones; "
            + "chmod 600 (or 660 for a team)" : octal(mode)
      )
    case .schemaLatest(let version): ("schema", "version \(version) (latest)")
    case .schemaOlder(let version, let latest):
      ("schema", "version \(version) of \(latest): the next command that changes it upgrades it")
    case .schemaNewer(let version, let latest):
      ("schema", "version \(version), newer than this gongjian (\(latest)): install the newer gongjian")
    case .migrationsMatch: ("migrations", "checksums of applied migrations match this gongjian's")
    case .migrationsEdited(let versions):
      (
        "migrations",
        "applied migration(s) \(versions.map(NumberFormat.fourDigits).joined(separator: ", ")) differ from this gongjian's copy"
      )
    case .journal(let mode): ("journal", mode == "wal" ? "WAL" : "\(mode) (the next write switches it to WAL)")
    case .integrityOK: ("integrity", "PRAGMA integrity_check: ok")
    case .integrityProblems(let lines): ("integrity", lines.joined(separator: "; "))
    case .referencesOK: ("foreign keys", "every reference points to an existing row")
    case .brokenReferences(let references):
      (
        "foreign keys",
        references.map { "\($0.table) row \($0.row) points to a missing \($0.parent)" }.joined(separator: "; ")
      )
    case .groupRule(let count):
      (
        "group rule",
        count == 0 ? "holds" : "\(count) open working-group membership(s) of units that have left the alliance"
      )
    case .periodRule(let count):
      ("period rule", count == 0 ? "holds" : "\(count) unit(s) without any alliance membership period")
    case .meetingRule(let count):
      (
        "meeting rule",
        count == 0
          ? "holds" : "\(count) attendance, topic or task record(s) of units not in the alliance on the meeting's day"
      )
    case .unreadable(let message): ("integrity", "SQLite cannot read the file: \(message)")
    case .listRule(let resources, let statuses):
      (
        "list rules",
        resources + statuses == 0
          ? "holds"
          : "\(resources) resources of units that have left are still offered; \(statuses) needs or projects have a status "
            + "their dated status changes do not show"
      )
    }
  }

  func octal(_ mode: Int) -> String {
    let text = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
  }

  public var checkHealthy: String { "No problems found." }

  public func checkHeading(path: String) -> String { "Registry \(path)" }

  public func usage(_ mistake: UsageMistake) -> String {
    switch mistake {
    case .activeOnAndActiveIn: "give --active-on or --active-in, not both."
    case .allWithActive:
      "--all lists every unit whatever its dates; it cannot be combined with --active-on or --active-in."
    case .renamedOnWithoutName: "--renamed-on goes with --name."
    case .nothingToEdit: "nothing to change: give --name, --kind, --party-org, --contact, --phone, --address or --note."
    case .expiringWithUnit: "--expiring-within looks at every unit; it cannot be combined with --unit."
    case .purgeNeedsField: "name what to take out: --field phone or --field contact."
    case .bomNotCSV: "--bom is for CSV only."
    case .workbookNeedsFile: "an XLSX workbook needs a file: add -o FILE.xlsx."
    case .outputIsRegistry(let path): "-o \(path) is the registry itself; choose another file name."
    case .outputNotRegularFile(let path): "-o \(path) is not a regular file; an XLSX workbook needs one."
    case .unknownExtension(let suffix, let known):
      "cannot tell the format from '.\(suffix)'; use \(known.map { "." + $0 }.joined(separator: ", ")), or give --format."
    case .outputNameEmpty: "-o needs a file name, e.g. -o growth.csv."
    case .todayEmpty: "--today is empty; give a date such as 2019-12-31, or leave the option out."
    case .demoTodayBeforeSample(let today, let last):
      "The sample records events up to \(day(last)); --today cannot be earlier (it is \(day(today))). "
        + "Give \(day(last)) or a later date."
    case .demoTargetExists(let path):
      "\(path) already exists; the demo builds a new registry. Choose another path, or leave out --db."
    case .unknownLanguage(let value): "--lang \(quoted(value)): give zh (中文) or en (English)."
    case .optionNeedsValue(let option): "\(option) needs a value."
    case .backupExists(let path):
      "\(path) already exists; nothing was written.\nChoose another name, or add --force to replace it."
    case .correctionWithDetails: "correct dates (--joined, --left) on their own, not together with other details."
    case .periodWithoutDate: "--period says which period to correct: give --joined or --left with it."
    case .registrySetNeedsValue: "give --subdistrict or --district."
    }
  }

  public func demo(_ line: DemoLine) -> String {
    switch line {
    case .opening:
      "gongjian demo: the 欧阳路街道 (虹口区) sample, from the 2019 newsletter; units marked （示例） are invented."
    case .registryAt(let path): "The sample registry is \(path)."
    case .tryNext(let path):
      "Try (from the package folder, `swift run gongjian` instead of `gongjian`):\n"
        + "  gongjian list --db \(path)\n  gongjian report growth --db \(path) --period quarter --format svg -o growth.svg\n"
        + "  gongjian report meeting-pack --db \(path) --year 2019 -o meeting-pack-2019.html"
    }
  }
}
