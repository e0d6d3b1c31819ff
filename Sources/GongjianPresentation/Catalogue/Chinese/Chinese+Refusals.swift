import GongjianRegistry

extension ChineseCatalogue: RefusalWording {
  public var errorPrefix: String { "gongjian：" }

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
      return "没有指定\(entity(kind))：请给出编号或名称（名称可只写其中一部分）。"
    case .noSuchID(let kind, let id):
      return "没有编号为 \(id) 的\(entity(kind))。可运行 \(listCommand(kind)) 查看各\(entity(kind))的编号。"
    case .noSuchName(let kind, let text, let suggestions):
      if suggestions.isEmpty {
        return "找不到名称含\(quoted(text))的\(entity(kind))。可运行 \(listCommand(kind)) 查看全部\(entity(kind))。"
      }
      return "找不到名称含\(quoted(text))的\(entity(kind))。您要找的是不是：\n"
        + suggestions.map(candidateLine).joined(separator: "\n")
    case .ambiguousName(let kind, let text, let candidates, let more):
      let measure = kind == .unit ? "家" : "个"
      let count = more ? "超过\(candidates.count)\(measure)" : "\(candidates.count)\(measure)"
      return "名称含\(quoted(text))的\(entity(kind))有\(count)：\n"
        + candidates.map(candidateLine).joined(separator: "\n") + (more ? "\n  ……" : "")
        + "\n请给出编号，或写出更完整的名称。"
    case .alreadyRegistered(let name, let existing, let joinedOn, let leftOn):
      var text = "\(quoted(name))已经登记过：\(unit(existing))，\(day(joinedOn))加入"
      if let leftOn { text += "，\(day(leftOn))退出" }
      text += "。\n"
      text +=
        leftOn == nil
        ? "无需再次登记；如需修改该单位信息，请用：gongjian edit \(existing.id) …"
        : "如该单位重新签约，请办理重新加入：gongjian rejoin \(existing.id) --on 日期"
      return text
    case .similarToRegistered(let name, let existing, let joinedOn):
      return "\(quoted(name))与\(day(joinedOn))加入的\(unit(existing))名称相近，可能是同一家单位。\n"
        + "如确为另一家单位，请加 --force 后再登记；如是同一家单位，无需再次登记，修改其信息请用 gongjian edit \(existing.id)。"
    case .nameTaken(let name, let other, let joinedOn):
      return "名称\(quoted(name))已被另一家单位使用：\(unit(other))，\(day(joinedOn))加入。请核对名称。"
    case .notInAlliance(let reference, let leftOn):
      return "\(unit(reference))目前不在册" + (leftOn.map { "（已于\(day($0))退出）" } ?? "") + "，无需办理退出。"
    case .alreadyInAlliance(let reference, let since):
      return "\(unit(reference))目前在册（自\(day(since))起），无需办理重新加入。\n"
        + "如为续签共建协议，请用：gongjian agreement add \(reference.id) --signed 日期"
    case .signingOutsideAlliance(let reference, let signedOn):
      return "\(unit(reference))在\(day(signedOn))不在册，不能记录当天签订的协议。\n"
        + "如该单位退出后重新签约，请用：gongjian rejoin \(reference.id) --on \(signedOn.iso)"
    case .groupJoinOutsideAlliance(let reference, let date):
      return "\(unit(reference))在\(day(date))不在册，当天不能加入专项组。"
    case .periodEnded(let reference, let leftOn):
      return "\(unit(reference))已于\(day(leftOn))退出，在已结束的共建期间内不能加入专项组。"
    case .withdrawalBeforeGroupJoin(let reference, let group, let groupJoinedOn, let withdrawal):
      return "\(unit(reference))于\(day(groupJoinedOn))加入\(self.group(group))，晚于退出日期\(day(withdrawal))。\n"
        + "退出日期请定在\(day(groupJoinedOn))当天或之后；如专项组记录有误，请先更正。"
    case .noSuchPeriod(let reference, let number, let count):
      return "\(unit(reference))没有第\(number)段共建期间（共有\(count)段，可用 gongjian show \(reference.id) 查看）。"
    case .leavingAnOpenPeriod(let reference, let since):
      return "\(unit(reference))自\(day(since))起在册，本段共建期间尚未结束，没有退出日期可以更正。\n"
        + "如该单位已经退出，请办理退出：gongjian withdraw \(reference.id) --on 日期"
    case .periodsWouldOverlap(let reference, let period, let joinedOn, let leftOn):
      return "更正后将与\(unit(reference))的第\(period)段共建期间（\(day(joinedOn))"
        + (leftOn.map { "至\(day($0))" } ?? "起至今") + "）重叠，请核对日期。"
    case .correctionStrandsGroupMembership(let reference, let group, let joinedOn, let leftOn):
      return "更正后，\(unit(reference))参加\(self.group(group))的记录（\(day(joinedOn))"
        + (leftOn.map { "至\(day($0))" } ?? "起") + "）将超出共建期间。请先更正该单位的专项组记录。"
    case .correctionStrandsAgreement(let reference, let title, let signedOn):
      return "更正后，\(unit(reference))于\(day(signedOn))签订的\(quoted(title))将落在共建期间之外，"
        + "请核对日期（可用 gongjian show \(reference.id) 查看）。"
    case .nothingToUndo:
      return "没有可以撤销的改动。"
    case .latestChangeMoved:
      return "在您查看之后又有了新的改动，最近一次改动已不是您看到的那一次。未做任何改动，请重新查看后再决定。"
    case .cannotUndo(let action, let at, let reason):
      let change = "“\(actionName(action))”" + (at.isEmpty ? "" : "（\(LocalTime.minutes(at))）")
      switch reason {
      case .changedSince(let reference):
        return "无法撤销\(change)：\(unit(reference))在那次改动之后又被修改过，已无法原样撤销。未做任何改动。"
      case .groupInUse(let group):
        return "无法撤销\(change)：此后已有单位加入\(self.group(group))。未做任何改动。"
      case .notReversible:
        return "无法撤销\(change)：新建登记簿，以及旧版本程序留下的记录，都不能撤销。未做任何改动。"
      case .meetingChangedSince(let meeting):
        return "无法撤销\(change)：\(self.meeting(meeting))的记录在那次改动之后又有变动，已无法原样撤销。未做任何改动。"
      }
    case .groupExists(let group):
      return "\(self.group(group))（#\(group.id)）已存在，未重复添加。"
    case .groupDissolved(let group, let on):
      return "\(self.group(group))已于\(day(on))撤销。"
    case .groupNotYetFounded(let group, let foundedOn, let date):
      return "\(self.group(group))于\(day(foundedOn))成立，\(day(date))尚未成立；加入日期不能早于成立日期。"
    case .groupMembershipOverlaps(let reference, let group, let until):
      return "\(unit(reference))上一次参加\(self.group(group))至\(day(until))为止，再次加入的日期须晚于\(day(until))。"
    case .alreadyInGroup(let reference, let group, let role, let since):
      return "\(unit(reference))已是\(self.group(group))的\(self.role(role))（自\(day(since))起）。"
    case .roleChangeBeforeMembership(let reference, let group, let since):
      return "\(unit(reference))自\(day(since))起参加\(self.group(group))，变更角色的日期不能早于这一天。"
    case .notInGroup(let reference, let group):
      return "\(unit(reference))不在\(self.group(group))中，无需办理退出。"
    case .accountExists(let name):
      return "已有名为\(quoted(name))的账号，未重复添加。"
    case .noSuchAccount(let name, let known):
      return "没有名为\(quoted(name))的账号" + (known.isEmpty ? "，目前还没有任何账号。" : "。现有账号：\(list(known.map(quoted)))。")
    case .invalidValues(let problems):
      return problems.map { item in
        "\(fields(item.field) ?? field(item.field))：\(valueProblem(item.problem))"
      }.joined(separator: "\n")
    case .yearOutOfRange(let year):
      return "\(year)年超出登记簿能处理的范围，请给出\(Day.earliestYear)年至\(Day.latestYear)年之间的年份。"
    case .rangeReversed(let from, let to):
      return "起始年份\(from)晚于截止年份\(to)，请把较早的年份写在前面。"
    case .rangeInFuture(let to, let today):
      return "\(to)年尚未到来（今天是\(day(today))），报告只能统计已经发生的情况。"
    case .dayCountOutOfRange(let count, let limit):
      return "天数\(count)超出范围：请给出0至\(limit)之间的天数，例如90。"
    case .importFailed(let failure):
      return importFailure(failure)
    case .unreadableInput(let path, let problem):
      return inputProblem(problem, path: path)
    case .importHeader(let path, let failure, let layout):
      return headerFailure(failure, path: path, layout: layout)
    case .inputNameEmpty:
      return "文件名为空：请给出要导入的CSV或XLSX文件。"
    case .inputMissing(let path):
      return "文件 \(path) 不存在，请检查路径和文件名。"
    case .inputIsFolder(let path):
      return "\(path) 是文件夹，请给出要导入的CSV或XLSX文件。"
    case .inputIsOldExcel(let path):
      return "\(path) 是旧版Excel文件（.xls）。请在Excel或WPS中打开，另存为 .xlsx 或 .csv 后再导入。"
    case .inputEmpty(let path):
      return "\(path) 是空文件。文件第一行应为表头，例如“单位名称,单位类别,加入日期”。"
    case .inputHasNoRows(let path):
      return "\(path) 只有表头，没有可导入的数据行。"
    case .impossibleStoredDate(let text):
      return "登记簿中有一个不存在的日期\(quoted(text))，请运行 gongjian check 检查登记簿。"
    case .lists(let reason):
      return listRefusal(reason)
    case .registryDamaged(let path, let count):
      return "\(path)中发现\(count)个问题（见上）。\n请用备份恢复（gongjian backup 可以生成备份），或修正上面列出的记录。"
    case .district(let refusal):
      return district(refusal)
    case .meetings(let refusal):
      return meetingRefusal(refusal)
    }
  }

  func importFailure(_ failure: ImportProblems) -> String {
    var lines = ["\(failure.path)：共\(failure.rows)行数据，发现\(failure.count)处错误，未导入任何内容。"]
    lines += failure.problems.map(rowProblem)
    let hidden = failure.count - failure.problems.count
    if hidden > 0 { lines.append("……另有\(hidden)处错误未列出") }
    lines.append("请修改文件后重新导入。")
    return lines.joined(separator: "\n")
  }

  public func rowProblem(_ problem: RowProblem) -> String {
    var text = "第\(problem.line)行"
    if let column = problem.column { text += "，\(column)列" }
    if let cell = problem.cell { text += "（\(cell)）" }
    return text + "：" + rowIssue(problem.issue)
  }

  func rowIssue(_ issue: RowIssue) -> String {
    switch issue {
    case .value(let problem): return valueProblem(problem)
    case .valueCount(let found, let expected):
      return found > expected
        ? "有\(found)个值，但表头只有\(expected)列；请检查是否多了分隔符（逗号）"
        : "只有\(found)个值，但表头有\(expected)列"
    case .duplicateInFile(let name, let firstLine):
      return "\(quoted(name))与本文件\(firstLine.map { "第\($0)行" } ?? "前面某行")是同一家单位；每家单位只能占一行"
    case .alreadyRegistered(let name, let existing, let joinedOn):
      return "\(quoted(name))已在登记簿中：\(unit(existing))，\(day(joinedOn))加入；如要用文件中的信息更新它，请加 --update"
    case .similarToRegistered(let name, let existing, let joinedOn, let line):
      if let line {
        return "\(quoted(name))与本文件第\(line)行的\(quoted(existing.name))名称相近，可能是同一家单位；"
          + "每家单位只能占一行；如确为两家单位，请加 --force"
      }
      return "\(quoted(name))与登记簿中的\(unit(existing))名称相近（\(day(joinedOn))加入），可能是同一家单位；"
        + "如确为另一家单位，请加 --force"
    case .updateChangesJoining(let reference, let registry, let file):
      return "登记簿中\(unit(reference))的加入日期是\(day(registry))，文件中是\(day(file))；"
        + "加入日期不能用 --update 修改，请用 gongjian edit \(reference.id) --joined 日期 更正"
    case .updateChangesLeaving(let reference, let registry, let file):
      return "登记簿中\(unit(reference))已于\(day(registry))退出，文件中\(file.map { "的退出日期是\(day($0))" } ?? "没有退出日期")；"
        + "退出日期不能用 --update 修改，请用 gongjian edit \(reference.id) --left 日期 更正"
    case .refused(let refusal): return self.refusal(refusal, fields: { _ in nil })
    case .unreadable(let problem): return rowInputProblem(problem)
    case .errorValue(let code): return "单元格是错误值\(code)，没有可导入的内容；请在表格中改正公式或填入数值"
    case .formulaWithoutValue:
      return "单元格是公式，但文件中没有保存计算结果（多见于程序生成的表格）；请用Excel或WPS打开后保存，再导入"
    case .formulaNumber(let number):
      return "单元格是公式，保存的结果是数字\(NumberFormat.plain(number))，不是文字；请用Excel或WPS打开后保存，再导入"
    case .numberInDateColumn(let number):
      return "\(NumberFormat.plain(number))是数字，不是日期（多为把“2019.6”当数字输入了）；请写成完整日期，如2019年6月27日"
    case .booleanInDateColumn: return "单元格是逻辑值（TRUE/FALSE），不是日期"
    case .scientificNotation(let text):
      return "\(quoted(text))是被表格软件改成科学计数法的号码，后几位已经丢失；请在原表中把该列设为“文本”格式，重新填写号码"
    case .unknownGroup(let name, let known):
      return "登记簿中没有专项组\(quoted(name))"
        + (known.isEmpty ? "" : "（现有：\(list(known))）") + "；如确需新建，请加 --create-groups"
    }
  }

  public func valueProblem(_ problem: ValueProblem) -> String {
    switch problem {
    case .yearOutOfRange(let year): return "\(year)年超出了登记簿能处理的范围，请给出\(Day.earliestYear)至\(Day.latestYear)之间的年份"
    case .missing: return "不能为空"
    case .tooLong(let limit): return "超过\(limit)个字，请缩短"
    case .tooShort(let minimum): return "不足\(minimum)个字符，请加长"
    case .tooLongOnceNormalised(let limit, let length):
      return "特殊字符（如“㍿”）展开后共有\(length)个字，超过\(limit)个字的上限，请缩短"
    case .controlCharacter(let value): return "含有控制字符 \(CodePoint.name(value))，请删除（多为复制粘贴时误带入）"
    case .invisibleOnly(let text): return "\(quoted(text))中没有可见的文字"
    case .notADate(let failure): return dateProblem(failure)
    case .lists(let problem): return listValueProblem(problem)
    case .notAnExcelDate(let number): return "\(NumberFormat.plain(number))不是Excel能识别的日期"
    case .afterToday(let role, let date, let today):
      return "\(dateRole(role))\(day(date))晚于今天（\(day(today))），请检查是否笔误"
    case .leavingBeforeJoining(let left, let joined):
      return "退出日期\(day(left))早于加入日期\(day(joined))"
    case .expiresBeforeSigned(let expires, let signed):
      return "协议到期日期\(day(expires))早于签约日期\(day(signed))，请核对"
    case .rejoiningBeforeLastLeaving(let date, let lastLeft):
      return "重新加入日期\(day(date))早于该单位上次的退出日期\(day(lastLeft))"
    case .leavingGroupBeforeJoining(let date, let group, let joined):
      return "退出日期\(day(date))早于该单位加入\(self.group(group))的日期\(day(joined))"
    case .afterMeeting(let date, let meetingDay):
      return "\(day(date))晚于会议日期\(day(meetingDay))：议题应在会前或会上提出；补录以往会议的议题，请写明当时的提出日期"
    case .beforeMeeting(let date, let meetingDay):
      return "\(day(date))早于会议日期\(day(meetingDay))"
    case .beforeLatestReport(let date, let latest):
      return "\(day(date))早于该事项上一次办理情况的日期\(day(latest))"
    }
  }

  func dateRole(_ role: DateRole) -> String {
    switch role {
    case .joining: "加入日期"
    case .leaving: "退出日期"
    case .signing: "签约日期"
    case .founding: "成立日期"
    case .rejoining: "重新加入日期"
    case .renaming: "更名日期"
    case .groupJoining: "加入专项组的日期"
    case .groupLeaving: "退出专项组的日期"
    case .reporting: "办理情况日期"
    case .raising, .proposing, .claiming, .statusChange, .serving, .resourceWithdrawal: listDateRole(role)
    }
  }

  static let acceptedDates = "2019-08-15、2019/8/15、2019.8.15、2019年8月15日、20190815、今天或昨天"

  public func dateProblem(_ failure: DayParser.Failure) -> String {
    let reason: String
    switch failure.problem {
    case .empty: reason = "内容为空；可写作\(Self.acceptedDates)"
    case .tooLong: reason = "太长；可写作\(Self.acceptedDates)"
    case .unexpectedCharacter(let character):
      reason = "含有不该出现的字符\(quoted(character))；可写作\(Self.acceptedDates)"
    case .digitCount(let count): reason = "有\(count)位数字；不带分隔符的日期应为8位（如20190815）"
    case .chineseFormMalformed: reason = "请写作2019年8月15日"
    case .unrecognised: reason = "可写作\(Self.acceptedDates)"
    case .yearDigits: reason = "年份应为4位数字"
    case .monthInvalid: reason = "月份应为1至12"
    case .dayInvalid: reason = "日应为1至31"
    case .yearOutOfRange(let year): reason = "\(year)年超出范围，年份应在\(Day.earliestYear)年至\(Day.latestYear)年之间"
    case .noSuchMonth(let month): reason = "没有\(month)月"
    case .dayOutOfMonth(let year, let month, let days): reason = "\(year)年\(month)月只有\(days)天"
    case .incomplete(let year, let month):
      reason =
        month.map { "缺少日，请写出完整日期，如\(year)年\($0)月1日" } ?? "缺少月和日，请写出完整日期，如\(year)年1月1日"
    }
    return "\(quoted(failure.input))不是有效日期：\(reason)"
  }

  public func output(_ problem: OutputProblem) -> String {
    switch problem {
    case .emptyPath: return "-o 后须跟文件名，例如 -o 发展情况.csv。"
    case .isTheRegistry(let path): return "\(path)是登记簿本身（或SQLite在它旁边的文件），请换一个文件名。"
    case .isADirectory(let path): return "\(path)是文件夹，请给出其中的文件名，例如 \(path)/输出.csv。"
    case .folderMissing(let path):
      return "无法写入\(path)：文件夹\(FilePath.folder(of: path))不存在。请先建立该文件夹，或检查路径。"
    case .symlinkRefused(let path):
      return "\(path)是符号链接，指向的不是普通文件；未写入任何内容。请直接给出文件（或设备）本身。"
    case .notARegularFile(let path): return "\(path)不是普通文件（而是设备、管道或套接字），未写入任何内容。请给出文件名。"
    case .alreadyExists(let path): return "\(path)已经存在，未写入任何内容。请换一个名字。"
    case .cannotCreate(let path, let code):
      return "无法建立\(path)：\(FilePath.reason(code))。请确认您有权在\(FilePath.folder(of: path))中写入。"
    case .cannotWrite(let path, let code): return "无法写入\(path)：\(FilePath.reason(code))。未保留任何内容。"
    case .diskFull(let path): return "磁盘已满，\(path)未能写入。请腾出空间后重试。"
    case .tooLarge(let path): return "\(path)将超过XLSX工作簿的上限（4 GB），未保留任何内容。请改为导出CSV。"
    }
  }

  public func storage(_ problem: StorageProblem) -> String {
    switch problem {
    case .notARegistry(let path, let id):
      return "\(path)不是 gongjian 登记簿（application_id 0x\(String(UInt32(bitPattern: id), radix: 16))）："
        + "打开时文件被替换了。未写入任何内容。\n请检查 --db 或 $GONGJIAN_DB。"
    case .foreignSchema(let path):
      return "\(path)带有 gongjian 的标记，但其中有不是 gongjian 建立的表；未写入任何内容。\n"
        + "请对它运行 gongjian check，或用备份恢复登记簿。"
    case .needsUpgrade(let path, let version, let latest):
      return "登记簿\(path)的结构版本是\(version)，需要升级到\(latest)；只读的命令不会升级它，未做任何改动。\n"
        + "任何修改登记簿的命令都会先升级它。"
    case .busy(let path):
      return "登记簿\(path)一直忙：另一个 gongjian 命令占用它超过了等待时间。\n未做任何改动，请稍后再运行一次。"
    case .emptyDatabasePath: return "--db 后须跟登记簿的路径，例如 --db ~/党建/registry.sqlite。"
    case .noHomeFolder: return "无法确定登记簿的位置：没有设置 HOME。请用 --db 路径 或 $GONGJIAN_DB 指定。"
    case .noRegistry(let path, let folderExists):
      return folderExists
        ? "找不到登记簿：\(path)。请检查路径，或先运行 gongjian init --db \(ShellWords.quote(path)) 新建。"
        : "找不到登记簿：\(path)，文件夹\(FilePath.folder(of: path))也不存在。请检查路径，"
          + "或先建立文件夹，再运行 gongjian init --db \(ShellWords.quote(path)) 新建。"
    case .danglingSymlink(let path, let target):
      return "\(path)是指向\(target)的符号链接，而后者不存在。请让链接指向登记簿，或用 --db 给出真实路径。"
    case .registryIsFolder(let path):
      return "\(path)是文件夹，不是登记簿文件。请给出文件的路径，例如 --db \(path)/registry.sqlite。"
    case .notAFile(let path): return "\(path)不是普通文件，不可能是登记簿。"
    case .emptyFile(let path):
      return "\(path)是空文件，不是 gongjian 登记簿；未写入任何内容。\n如要把它作为登记簿，请删除它后运行 gongjian init --db \(ShellWords.quote(path))。"
    case .notSQLite(let path):
      return "\(path)不是 gongjian 登记簿（不是SQLite数据库）；未写入任何内容。\n请检查 --db 或 $GONGJIAN_DB；"
        + "如要在别处新建登记簿，请用 gongjian init --db 新路径。"
    case .otherApplication(let path, let id):
      return "\(path)是其他程序的SQLite数据库（application_id 0x\(String(UInt32(bitPattern: id), radix: 16))），"
        + "不是 gongjian 登记簿；未写入任何内容。\n请检查 --db 或 $GONGJIAN_DB。"
    case .cannotReadFile(let path, let code):
      return "无法读取\(path)：\(FilePath.reason(code))。\n请检查文件权限（ls -l）。"
    case .folderMissing(let path, let folder):
      return "无法建立\(path)：文件夹\(folder)不存在。\n请检查路径是否有误，或先建立文件夹（mkdir -p \(ShellWords.quote(folder))）。"
    case .cannotCreateFolder(let path, let code): return "无法建立文件夹\(path)：\(FilePath.reason(code))。"
    case .newerSchema(let path, let version, let latest):
      return "登记簿\(path)由新版 gongjian 生成（结构版本\(version)，本程序最高支持版本\(latest)）。\n未做任何改动。请安装新版 gongjian。"
    case .editedMigration(let path, let migration):
      return "登记簿\(path)当初按迁移文件\(NumberFormat.fourDigits(migration))建立，而本程序中的这份迁移文件与之不同。\n"
        + "未做任何改动。已发布的迁移文件不应修改；请使用建立该登记簿的 gongjian。"
    case .readOnlyNeedsUpgrade(let path, let version, let latest):
      return "登记簿\(path)需要升级结构（版本\(version) → \(latest)），但它是只读的。\n请由有写权限的人运行一次命令。"
    case .cannotMigrate(let path, let version, let migration):
      return "登记簿\(path)的结构版本是\(version)，无法执行迁移\(migration)。"
    case .migrationBreaksReferences(let path, let migration, let name):
      return "迁移\(migration)（\(name)）会在\(path)中留下无效的引用，未执行。"
    case .readOnlyForYou(let path):
      return "登记簿\(path)对您是只读的，未做任何改动。\n请检查文件权限（ls -l），或请它的所有者来运行这个命令。"
    case .readOnly(let path, let detail):
      return "登记簿\(path)是只读的，未做任何改动。\n请检查文件及其文件夹的权限（ls -l），或在副本上操作。（\(detail)）"
    case .companionsNotWritable(let path, let files):
      return "登记簿\(path)可以写入，但SQLite在它旁边的\(list(files))不可写，未做任何改动。\n"
        + "可能有人在登记簿写保护期间读过它。请把这些文件也改为可写（ls -l \(ShellWords.quote(path))*；chmod u+w），或请其所有者处理。"
    case .diskFull(let path, let detail):
      return "磁盘已满：登记簿\(path)无法写入，未做任何改动。\n请腾出空间（或用 --db 把登记簿放到别处）后再运行一次。（\(detail)）"
    case .ioError(let path, let detail): return "读写\(path)时出错：\(detail)。未做任何改动。"
    case .damaged(let path, let detail):
      return "\(path)已损坏，或不是SQLite数据库（\(detail)）。\n请用备份恢复（gongjian backup 可生成备份），或运行 gongjian check 查看详情。"
    case .cannotOpen(let path, let detail):
      return "无法打开登记簿\(path)（\(detail)）。\n请确认文件和文件夹存在，且您有读写权限。"
    case .constraint(let detail): return "登记簿拒绝了这项改动：\(detail)。未做任何改动。"
    case .unexpected(let path, let detail): return "读写\(path)时发生意外的SQLite错误：\(detail)。未做任何改动。"
    case .copyDamaged(let verdict): return "备份副本没有通过完整性检查（\(verdict)），未保留。请再试一次。"
    case .demoScriptDamaged(let line): return "演示脚本有一行无法读取：\(line)"
    }
  }

  public func schemaDifference(_ difference: SchemaDifference) -> String {
    switch difference {
    case .missing(let kind, let name): "缺少\(schemaObject(kind)) \(name)（迁移文件会建立它）"
    case .unexpected(let kind, let name): "多出了\(schemaObject(kind)) \(name)（不是 gongjian 建立的，是别的工具加上的）"
    case .altered(let kind, let name): "\(schemaObject(kind)) \(name)与迁移文件建立的不同"
    }
  }

  func schemaObject(_ kind: SchemaObjectKind) -> String {
    switch kind {
    case .table: "表"
    case .index: "索引"
    case .trigger: "触发器"
    case .view: "视图"
    }
  }

  public func badToday(source: String, _ failure: DayParser.Failure) -> String {
    "\(source)：\(dateProblem(failure))"
  }
}
