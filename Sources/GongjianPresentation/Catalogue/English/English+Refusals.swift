import GongjianRegistry

extension EnglishCatalogue: RefusalWording {
  public var errorPrefix: String { "gongjian: " }

  func listCommand(_ kind: EntityKind) -> String {
    switch kind {
    case .unit: "gongjian list --all"
    case .group: "gongjian group list"
    case .resource: "gongjian resource list --all"
    case .need: "gongjian need list"
    case .project: "gongjian project list"
    case .activity: "gongjian activity list"
    }
  }

  public func refusal(_ refusal: Refusal, fields: FieldNaming) -> String {
    switch refusal {
    case .emptyReference(let kind):
      return "the \(entity(kind)) is empty; give its id or (part of) its name."
    case .noSuchID(let kind, let id):
      return
        "no \(entity(kind)) has the id \(id); see \(listCommand(kind)) for the ids."
    case .noSuchName(let kind, let text, let suggestions):
      if suggestions.isEmpty {
        return
          "no \(entity(kind)) is called \(quoted(text)); see \(listCommand(kind))."
      }
      return "no \(entity(kind)) is called \(quoted(text)). Did you mean:\n"
        + suggestions.map(candidateLine).joined(separator: "\n")
    case .ambiguousName(let kind, let text, let candidates, let more):
      let count = more ? "more than \(candidates.count)" : String(candidates.count)
      return "\(quoted(text)) matches \(count) \(entity(kind))s:\n"
        + candidates.map(candidateLine).joined(separator: "\n") + (more ? "\n  …" : "")
        + "\nGive the id, or more of the name."
    case .alreadyRegistered(let name, let existing, let joinedOn, let leftOn):
      var text = "\(quoted(name)) is already registered as \(unit(existing)), joined \(day(joinedOn))"
      if let leftOn { text += ", left \(day(leftOn))" }
      text += ".\n"
      text +=
        leftOn == nil
        ? "To change its details use: gongjian edit \(existing.id) …"
        : "If it has signed again use: gongjian rejoin \(existing.id) --on DATE"
      return text
    case .similarToRegistered(let name, let existing, let joinedOn):
      return
        "\(quoted(name)) is like the registered \(unit(existing)) (joined \(day(joinedOn))): probably the same unit.\n"
        + "If it is another unit, add --force; if it is the same, change its details with gongjian edit \(existing.id)."
    case .nameTaken(let name, let other, let joinedOn):
      return "another unit is already called \(quoted(name)): \(unit(other)), joined \(day(joinedOn))."
    case .notInAlliance(let reference, let leftOn):
      return "\(unit(reference)) is not in the alliance"
        + (leftOn.map { ": it left on \(day($0))" } ?? "") + "; nothing to withdraw."
    case .alreadyInAlliance(let reference, let since):
      return "\(unit(reference)) is already in the alliance (since \(day(since))).\n"
        + "To record a renewed agreement use: gongjian agreement add \(reference.id) --signed DATE"
    case .signingOutsideAlliance(let reference, let signedOn):
      return "\(unit(reference)) is not in the alliance on \(day(signedOn)).\n"
        + "If it has signed again after leaving, use: gongjian rejoin \(reference.id) --on \(signedOn.iso)"
    case .groupJoinOutsideAlliance(let reference, let date):
      return "\(unit(reference)) is not in the alliance on \(day(date)), so it cannot join a working group then."
    case .periodEnded(let reference, let leftOn):
      return "\(unit(reference)) left the alliance on \(day(leftOn)); a past period cannot take a new working group."
    case .withdrawalBeforeGroupJoin(let reference, let group, let groupJoinedOn, let withdrawal):
      return
        "\(unit(reference)) joined the working group \(self.group(group)) on \(day(groupJoinedOn)), after \(day(withdrawal)).\n"
        + "Withdraw on or after \(day(groupJoinedOn)), or correct the group membership first."
    case .noSuchPeriod(let reference, let number, let count):
      return "\(unit(reference)) has no period \(number): it has \(count) (see gongjian show \(reference.id))."
    case .leavingAnOpenPeriod(let reference, let since):
      return "\(unit(reference)) has been in the alliance since \(day(since)): the period is still open, so it has "
        + "no leaving date to correct.\nIf the unit has left, use: gongjian withdraw \(reference.id) --on DATE"
    case .periodsWouldOverlap(let reference, let period, let joinedOn, let leftOn):
      return "the corrected period would overlap period \(period) of \(unit(reference)) (\(day(joinedOn)) – "
        + (leftOn.map(day) ?? "now") + ")."
    case .correctionStrandsGroupMembership(let reference, let group, let joinedOn, let leftOn):
      return "after the correction, the membership of \(unit(reference)) in \(self.group(group)) (\(day(joinedOn)) – "
        + (leftOn.map(day) ?? "now") + ") would lie outside the period. Correct the group membership first."
    case .correctionStrandsAgreement(let reference, let title, let signedOn):
      return "after the correction, the agreement \(quoted(title)) of \(unit(reference)), signed \(day(signedOn)), "
        + "would lie outside the period. Check the dates (gongjian show \(reference.id))."
    case .nothingToUndo:
      return "there is no change to undo."
    case .latestChangeMoved:
      return "another change was made since you looked, so the latest change is no longer the one you saw. "
        + "Nothing was changed; look again before you decide."
    case .cannotUndo(let action, let at, let reason):
      let change = "'\(actionName(action))'" + (at.isEmpty ? "" : " (\(LocalTime.minutes(at)))")
      switch reason {
      case .changedSince(let reference):
        return "cannot undo \(change): \(unit(reference)) was changed since. Nothing was changed."
      case .groupInUse(let group):
        return "cannot undo \(change): units have joined \(self.group(group)) since. Nothing was changed."
      case .notReversible:
        return "cannot undo \(change): creating the registry and entries from older versions cannot be undone. "
          + "Nothing was changed."
      case .meetingChangedSince(let meeting):
        return "cannot undo \(change): the records of \(self.meeting(meeting)) were changed since. Nothing was changed."
      }
    case .groupExists(let group):
      return "the working group \(self.group(group)) already exists (id \(group.id)); nothing was added."
    case .groupDissolved(let group, let on):
      return "the working group \(self.group(group)) was dissolved on \(day(on))."
    case .groupNotYetFounded(let group, let foundedOn, let date):
      return
        "the working group \(self.group(group)) was founded on \(day(foundedOn)), after \(day(date)); join it on or after that day."
    case .groupMembershipOverlaps(let reference, let group, let until):
      return
        "\(unit(reference)) was in \(self.group(group)) until \(day(until)); a new membership must start after that."
    case .alreadyInGroup(let reference, let group, let role, let since):
      return
        "\(unit(reference)) is already \(role == .lead ? "the lead of" : "a member of") \(self.group(group)) (since \(day(since)))."
    case .roleChangeBeforeMembership(let reference, let group, let since):
      return
        "\(unit(reference)) has been in \(self.group(group)) since \(day(since)); a change of role must be on or after that day."
    case .notInGroup(let reference, let group):
      return "\(unit(reference)) is not in the working group \(self.group(group)); nothing to end."
    case .accountExists(let name):
      return "there is already an account called \(quoted(name)); nothing was added."
    case .noSuchAccount(let name, let known):
      return "no account is called \(quoted(name))"
        + (known.isEmpty ? "; there are no accounts yet." : ". The accounts are: \(list(known.map(quoted))).")
    case .invalidValues(let problems):
      return problems.map { item in
        "\(fields(item.field) ?? field(item.field)): \(valueProblem(item.problem))"
      }.joined(separator: "\n")
    case .yearOutOfRange(let year):
      return "\(year) is not a year the registry knows; give a year from \(Day.earliestYear) to \(Day.latestYear)."
    case .rangeReversed(let from, let to):
      return "the first year \(from) is after the last year \(to); give the earlier year first."
    case .rangeInFuture(let to, let today):
      return "\(to) is in the future (today is \(day(today))); a report can only count what has happened."
    case .dayCountOutOfRange(let count, let limit):
      return "\(count) days: give a number of days from 0 to \(limit), e.g. 90."
    case .importFailed(let failure):
      return importFailure(failure)
    case .unreadableInput(let path, let problem):
      return inputProblem(problem, path: path)
    case .importHeader(let path, let failure, let layout):
      return headerFailure(failure, path: path, layout: layout)
    case .inputNameEmpty:
      return "the file name is empty; give the CSV or XLSX file to import."
    case .inputMissing(let path):
      return "\(path) does not exist; check the file name."
    case .inputIsFolder(let path):
      return "\(path) is a folder; give the CSV or XLSX file."
    case .inputIsOldExcel(let path):
      return "\(path) is an old Excel file (.xls); open it in Excel and save it as .xlsx or .csv."
    case .inputEmpty(let path):
      return
        "\(path) is empty. The first line must be the header, e.g. 单位名称,单位类别,加入日期 (or name,kind,joined_on)."
    case .inputHasNoRows(let path):
      return "\(path) has a header but no rows: nothing to import."
    case .impossibleStoredDate(let text):
      return "the registry holds an impossible date \(quoted(text)); run gongjian check."
    case .lists(let reason):
      return listRefusal(reason)
    case .registryDamaged(let path, let count):
      return "\(count) problem(s) found in \(path) (listed above).\n"
        + "Restore a backup (gongjian backup makes one), or fix the rows named above."
    case .district(let refusal):
      return district(refusal)
    case .meetings(let refusal):
      return meetingRefusal(refusal)
    }
  }

  func importFailure(_ failure: ImportProblems) -> String {
    let errors = failure.count == 1 ? "1 error" : "\(failure.count) errors"
    let rows = failure.rows == 1 ? "1 row" : "\(failure.rows) rows"
    var lines = ["\(failure.path): \(errors) in \(rows); nothing was imported."]
    lines += failure.problems.map(rowProblem)
    let hidden = failure.count - failure.problems.count
    if hidden > 0 { lines.append("… and \(hidden) more error\(hidden == 1 ? "" : "s")") }
    lines.append("Fix the file and import it again.")
    return lines.joined(separator: "\n")
  }

  public func rowProblem(_ problem: RowProblem) -> String {
    var text = "line \(problem.line)"
    if let column = problem.column { text += ", column \(column)" }
    if let cell = problem.cell { text += " (\(cell))" }
    return text + ": " + rowIssue(problem.issue)
  }

  func rowIssue(_ issue: RowIssue) -> String {
    switch issue {
    case .value(let problem): return valueProblem(problem)
    case .valueCount(let found, let expected):
      return found > expected
        ? "\(found) values, but the header has \(expected) columns; check for a stray comma"
        : "\(found) values, but the header has \(expected) columns"
    case .duplicateInFile(let name, let firstLine):
      return
        "\(quoted(name)) is the same unit as on \(firstLine.map { "line \($0)" } ?? "an earlier line") of this file; keep one row per unit"
    case .alreadyRegistered(let name, let existing, let joinedOn):
      return
        "\(quoted(name)) is already in the registry as \(unit(existing)) (joined \(day(joinedOn))); use --update to update it from the file"
    case .similarToRegistered(let name, let existing, let joinedOn, let line):
      if let line {
        return "\(quoted(name)) is like \(quoted(existing.name)) on line \(line) of this file: probably the same unit; "
          + "keep one row per unit, or add --force if they are two"
      }
      return
        "\(quoted(name)) is like the registered \(unit(existing)) (joined \(day(joinedOn))): probably the same unit; "
        + "add --force if it is another"
    case .updateChangesJoining(let reference, let registry, let file):
      return
        "the registry has \(day(registry)) for \(unit(reference)), the file \(day(file)); a joining date is corrected with gongjian edit \(reference.id) --joined DATE, not --update"
    case .updateChangesLeaving(let reference, let registry, let file):
      return
        "the registry has \(unit(reference)) leaving on \(day(registry)), the file \(file.map(day) ?? "nothing"); correct it with gongjian edit \(reference.id) --left DATE"
    case .refused(let refusal): return self.refusal(refusal, fields: { _ in nil })
    case .unreadable(let problem): return rowInputProblem(problem)
    case .errorValue(let code): return "the cell holds the error value \(code); correct the formula or type the value"
    case .formulaWithoutValue:
      return "the cell is a formula the file holds no result for (files written by programs); open it in Excel or "
        + "WPS, save it, and import again"
    case .formulaNumber(let number):
      return "the cell is a formula whose saved result is the number \(NumberFormat.plain(number)), not text; open the "
        + "file in Excel or WPS, save it, and import again"
    case .numberInDateColumn(let number):
      return
        "\(NumberFormat.plain(number)) is a number, not a date (typed as “2019.6”?); write the whole date, e.g. 2019-06-27"
    case .booleanInDateColumn: return "the cell is TRUE or FALSE, not a date"
    case .scientificNotation(let text):
      return "\(quoted(text)) is a number a spreadsheet turned into scientific notation, and its last digits are lost; "
        + "format the column as text in the original sheet and type the number again"
    case .unknownGroup(let name, let known):
      return "the registry has no working group \(quoted(name))"
        + (known.isEmpty ? "" : " (it has \(list(known)))") + "; add --create-groups to create it"
    }
  }

  public func valueProblem(_ problem: ValueProblem) -> String {
    switch problem {
    case .yearOutOfRange(let year):
      return "\(year) is not a year the registry knows; give a year from \(Day.earliestYear) to \(Day.latestYear)"
    case .missing: return "empty; it is required"
    case .tooLong(let limit): return "longer than \(limit) characters; shorten it"
    case .tooShort(let minimum): return "shorter than \(minimum) characters; make it longer"
    case .tooLongOnceNormalised(let limit, let length):
      return "longer than \(limit) characters once normalised (\(length)); shorten it"
    case .controlCharacter(let value):
      return "contains the control character \(CodePoint.name(value)); remove it (it is often pasted in by accident)"
    case .invisibleOnly(let text): return "\(quoted(text)) has no visible characters"
    case .notADate(let failure): return dateProblem(failure)
    case .lists(let problem): return listValueProblem(problem)
    case .notAnExcelDate(let number): return "\(NumberFormat.plain(number)) is not a date Excel knows"
    case .afterToday(let role, let date, let today):
      return "the \(dateRole(role)) \(day(date)) is after today (\(day(today))); a date in the future is a typo"
    case .leavingBeforeJoining(let left, let joined):
      return "the leaving date \(day(left)) is before the joining date \(day(joined))"
    case .expiresBeforeSigned(let expires, let signed):
      return "the agreement would expire (\(day(expires))) before it is signed (\(day(signed))); check the dates"
    case .rejoiningBeforeLastLeaving(let date, let lastLeft):
      return "the rejoining date \(day(date)) is before the unit last left (\(day(lastLeft)))"
    case .leavingGroupBeforeJoining(let date, let group, let joined):
      return "the leaving date \(day(date)) is before the unit joined \(self.group(group)) (\(day(joined)))"
    case .afterMeeting(let date, let meetingDay):
      return "\(day(date)) is after the meeting (\(day(meetingDay))): topics are raised before or at a meeting; "
        + "for a past meeting, give the day the topic was raised"
    case .beforeMeeting(let date, let meetingDay):
      return "\(day(date)) is before the meeting (\(day(meetingDay)))"
    case .beforeLatestReport(let date, let latest):
      return "\(day(date)) is before the task's latest report (\(day(latest)))"
    }
  }

  func dateRole(_ role: DateRole) -> String {
    switch role {
    case .joining: "joining date"
    case .leaving: "leaving date"
    case .signing: "signing date"
    case .founding: "founding date"
    case .rejoining: "rejoining date"
    case .renaming: "renaming date"
    case .groupJoining: "joining date"
    case .groupLeaving: "leaving date"
    case .reporting: "the report's date"
    case .raising, .proposing, .claiming, .statusChange, .serving, .resourceWithdrawal: listDateRole(role)
    }
  }

  static let acceptedDates = "2019-08-15, 2019/8/15, 2019.8.15, 2019年8月15日, 20190815, today or yesterday"

  public func dateProblem(_ failure: DayParser.Failure) -> String {
    let reason: String
    switch failure.problem {
    case .empty: reason = "it is empty; use \(Self.acceptedDates)"
    case .tooLong: reason = "too long; use \(Self.acceptedDates)"
    case .unexpectedCharacter(let character):
      reason = "unexpected character \(quoted(character)); use \(Self.acceptedDates)"
    case .digitCount(let count): reason = "\(count) digits; a date without separators has 8 (20190815)"
    case .chineseFormMalformed: reason = "write it as 2019年8月15日"
    case .unrecognised: reason = "use \(Self.acceptedDates)"
    case .yearDigits: reason = "the year must have four digits"
    case .monthInvalid: reason = "the month must be 1 to 12"
    case .dayInvalid: reason = "the day must be 1 to 31"
    case .yearOutOfRange(let year):
      reason = "the year \(year) is out of range (\(Day.earliestYear)–\(Day.latestYear))"
    case .noSuchMonth(let month): reason = "there is no month \(month)"
    case .dayOutOfMonth(let year, let month, let days):
      reason = "\(year)-\(month < 10 ? "0" : "")\(month) has \(days) days"
    case .incomplete(let year, let month):
      reason =
        month.map { "the day is missing: give the whole date, e.g. \(year)-\($0 < 10 ? "0" : "")\($0)-01" }
        ?? "the month and day are missing: give the whole date, e.g. \(year)-01-01"
    }
    return "\(quoted(failure.input)) is not a date: \(reason)"
  }

  public func output(_ problem: OutputProblem) -> String {
    switch problem {
    case .emptyPath: return "-o needs a file name, e.g. -o growth.csv."
    case .isTheRegistry(let path):
      return "\(path) is the registry itself (or one of SQLite's files beside it); choose another file name."
    case .isADirectory(let path): return "\(path) is a folder; give a file name inside it, e.g. \(path)/output.csv."
    case .folderMissing(let path):
      return
        "cannot write \(path): the folder \(FilePath.folder(of: path)) does not exist. Create it first, or check the path."
    case .symlinkRefused(let path):
      return "\(path) is a symbolic link that does not lead to a regular file; nothing was written. "
        + "Name the file (or the device) itself."
    case .notARegularFile(let path):
      return "\(path) is not a regular file (a device, a FIFO or a socket); nothing was written. Give a file name."
    case .alreadyExists(let path): return "\(path) already exists; nothing was written. Choose another name."
    case .cannotCreate(let path, let code):
      return
        "cannot create \(path): \(FilePath.reason(code)). Check that you may write in \(FilePath.folder(of: path))."
    case .cannotWrite(let path, let code): return "cannot write \(path): \(FilePath.reason(code)). Nothing was kept."
    case .diskFull(let path): return "the disk is full: \(path) was not written. Free some space and try again."
    case .tooLarge(let path):
      return "\(path) would be larger than an XLSX workbook may be (4 GB); nothing was kept. Export CSV instead."
    }
  }

  public func storage(_ problem: StorageProblem) -> String {
    switch problem {
    case .notARegistry(let path, let id):
      return "\(path) is not a gongjian registry (application_id 0x\(String(UInt32(bitPattern: id), radix: 16))): "
        + "the file was replaced while it was being opened. Nothing was written to it.\nCheck --db or $GONGJIAN_DB."
    case .foreignSchema(let path):
      return "\(path) carries gongjian's mark but holds tables gongjian did not make; nothing was written to it.\n"
        + "Run gongjian check on it, or restore the registry from a backup."
    case .needsUpgrade(let path, let version, let latest):
      return "the registry \(path) is at schema version \(version) and needs upgrading to \(latest), which a command "
        + "that only reads never does; nothing was changed.\nAny command that changes the registry upgrades it first."
    case .busy(let path):
      return "the registry \(path) stayed busy: another gongjian command kept it locked past the timeout.\n"
        + "Nothing was changed; run the command again in a moment."
    case .emptyDatabasePath: return "--db needs a path, e.g. --db ~/党建/registry.sqlite."
    case .noHomeFolder:
      return "cannot tell where the registry is: HOME is not set. Name it with --db PATH or $GONGJIAN_DB."
    case .noRegistry(let path, let folderExists):
      return folderExists
        ? "no registry at \(path).\nCheck the path for a typo, or create a registry there with: "
          + "gongjian init --db \(ShellWords.quote(path))"
        : "no registry at \(path): the folder \(FilePath.folder(of: path)) does not exist.\n"
          + "Check the path for a typo, or create the folder and run: gongjian init --db \(ShellWords.quote(path))"
    case .danglingSymlink(let path, let target):
      return "\(path) is a symbolic link to \(target), which does not exist.\n"
        + "Point the link at the registry, or use --db with the real path."
    case .registryIsFolder(let path):
      return "\(path) is a folder, not a registry file.\nGive the path of the file, e.g. --db \(path)/registry.sqlite"
    case .notAFile(let path): return "\(path) is not a regular file, so it cannot be a registry."
    case .emptyFile(let path):
      return "\(path) is an empty file, not a gongjian registry; nothing was written to it.\n"
        + "If it should become one, delete it and run: gongjian init --db \(ShellWords.quote(path))"
    case .notSQLite(let path):
      return "\(path) is not a gongjian registry (it is not an SQLite database); nothing was written to it.\n"
        + "Check --db or $GONGJIAN_DB; to start a new registry elsewhere use gongjian init --db NEW_PATH"
    case .otherApplication(let path, let id):
      return "\(path) is an SQLite database of another application (application_id "
        + "0x\(String(UInt32(bitPattern: id), radix: 16))), not a gongjian registry; nothing was written to it.\n"
        + "Check --db or $GONGJIAN_DB."
    case .cannotReadFile(let path, let code):
      return "cannot read \(path): \(FilePath.reason(code)).\nCheck the file's permissions (ls -l)."
    case .folderMissing(let path, let folder):
      return "cannot create \(path): the folder \(folder) does not exist.\n"
        + "Check the path for a typo, or create the folder first (mkdir -p \(ShellWords.quote(folder)))."
    case .cannotCreateFolder(let path, let code): return "cannot create the folder \(path): \(FilePath.reason(code))"
    case .newerSchema(let path, let version, let latest):
      return "the registry \(path) was written by a newer gongjian (schema version \(version); this one knows up to "
        + "\(latest)).\nNothing was changed. Install the newer gongjian to use it."
    case .editedMigration(let path, let migration):
      return
        "the registry \(path) was set up by migration \(NumberFormat.fourDigits(migration)) as it was then, and this "
        + "gongjian's copy of that migration differs.\nNothing was changed. A shipped migration must never be edited; "
        + "use the gongjian the registry came from."
    case .readOnlyNeedsUpgrade(let path, let version, let latest):
      return "the registry \(path) needs a schema upgrade (version \(version) → \(latest)) but is read-only.\n"
        + "Run the command once as someone who may write the file."
    case .cannotMigrate(let path, let version, let migration):
      return "the registry \(path) is at schema version \(version) and cannot take migration \(migration)."
    case .migrationBreaksReferences(let path, let migration, let name):
      return "migration \(migration) (\(name)) would leave broken references in \(path); it was not applied."
    case .readOnlyForYou(let path):
      return "the registry \(path) is read-only for you: nothing was changed.\n"
        + "Check the file's permissions (ls -l), or ask its owner to run the command."
    case .readOnly(let path, let detail):
      return "the registry \(path) is read-only: nothing was changed.\n"
        + "Check the permissions of the file and its folder (ls -l), or work on a copy. (\(detail))"
    case .companionsNotWritable(let path, let files):
      return
        "the registry \(path) is writable, but SQLite's \(list(files)) beside it \(files.count == 1 ? "is" : "are") "
        + "not: nothing was changed.\nSomeone probably read the registry while it was write-protected. Make "
        + "\(files.count == 1 ? "it" : "them") writable too (ls -l \(ShellWords.quote(path))*; chmod u+w), or ask the owner."
    case .diskFull(let path, let detail):
      return "the disk is full: the registry \(path) could not be written, and nothing was changed.\n"
        + "Free some space (or move the registry with --db) and run the command again. (\(detail))"
    case .ioError(let path, let detail): return "an input/output error on \(path): \(detail). Nothing was changed."
    case .damaged(let path, let detail):
      return "\(path) is damaged or not an SQLite database (\(detail)).\n"
        + "Restore it from a backup (gongjian backup makes one), or run gongjian check for details."
    case .cannotOpen(let path, let detail):
      return "cannot open the registry \(path) (\(detail)).\n"
        + "Check that the file and its folder exist and that you may read and write them."
    case .constraint(let detail): return "the registry refused the change: \(detail). Nothing was changed."
    case .unexpected(let path, let detail): return "unexpected SQLite error on \(path): \(detail). Nothing was changed."
    case .copyDamaged(let verdict):
      return "the copy failed its integrity check (\(verdict)); nothing was kept. Try again."
    case .demoScriptDamaged(let line): return "the demo's script has a line it cannot read: \(line)"
    }
  }

  public func schemaDifference(_ difference: SchemaDifference) -> String {
    switch difference {
    case .missing(let kind, let name): "missing \(kind.rawValue) \(name) (the migrations create it)"
    case .unexpected(let kind, let name):
      "unexpected \(kind.rawValue) \(name) (not made by gongjian: another tool added it)"
    case .altered(let kind, let name): "\(kind.rawValue) \(name) differs from the one the migrations create"
    }
  }

  public func badToday(source: String, _ failure: DayParser.Failure) -> String {
    "\(source): \(dateProblem(failure))"
  }
}
