import Foundation
import Testing

/// The reader's language: how it is chosen, that every screen speaks it, and that machine
/// output never changes with it.
@Suite struct LanguageTests {
  /// A small registry with a withdrawal, a group and an agreement, at a fixed today.
  static func sample() throws -> Workspace {
    let space = Workspace()
    try space.initRegistry(["--subdistrict", "欧阳路街道", "--district", "虹口区"])
    for arguments in [
      ["group", "add", "组织共建专项组", "--established", "2015-06-30", "--description", "组织共享、资源共用"],
      ["register", "虹口烟草糖酒有限公司", "--joined", "2015-06-30", "--kind", "国有企业", "--group", "组织共建", "--lead"],
      ["register", "上海四达电器集团有限公司", "--joined", "2016-03-18", "--kind", "国有企业", "--phone", "021-12345678"],
      [
        "register", "复旦大学外文学院", "--joined", "2019-06-27", "--kind", "高校", "--signatory", "罗英华",
        "--signatory-title", "党委书记", "--expires", "2022-06-26",
      ],
      ["withdraw", "上海四达电器", "--on", "2019-08-31", "--reason", "单位合并"],
    ] {
      let result = try space.run(arguments + ["--db", space.registry, "--today", "2019-12-31"])
      #expect(result.status == 0, "\(result)")
    }
    return space
  }

  /// Runs with no language set at all, as on a machine without a locale.
  static func bare(_ space: Workspace, _ arguments: [String], _ environment: [String: String] = [:]) throws
    -> CommandResult
  {
    var variables = ["GONGJIAN_LANG": ""]
    for (key, value) in environment { variables[key] = value }
    return try space.run(arguments + ["--db", space.registry], environment: variables)
  }

  static func hasChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  @Test func withNoLocaleEverythingIsChinese() throws {
    let space = try Self.sample()
    let refusal = try Self.bare(space, ["register", "复旦大学外文学院", "--joined", "2019-06-27"])
    #expect(refusal.status == 1)
    #expect(refusal.stderr.contains("已经登记过"), "\(refusal)")
    let list = try Self.bare(space, ["list", "--today", "2019-12-31"])
    #expect(list.stdout.contains("单位名称") && list.stdout.contains("共2家单位"), "\(list)")
    let help = try space.run(["register", "--help"], environment: ["GONGJIAN_LANG": ""])
    #expect(help.status == 0)
    for english in ["USAGE:", "OPTIONS:", "ARGUMENTS:", "Show help information."] {
      #expect(!help.stdout.contains(english), "\(english) in \(help.stdout)")
    }
    #expect(help.stdout.contains("用法：") && help.stdout.contains("加入日期"))
  }

  @Test(arguments: [
    (["LANG": "en_US.UTF-8"], false), (["LANG": "zh_CN.UTF-8"], true), (["LANG": "C"], true),
    (["LANG": "fr_FR.UTF-8"], true), (["LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"], false),
    (["LC_ALL": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"], true),
    (["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], false),
    (["LANGUAGE": "en", "GONGJIAN_LANG": "zh"], true),
  ])
  func theLanguageFollowsTheGettextOrder(environment: [String: String], chinese: Bool) throws {
    let space = Workspace()
    try space.initRegistry()
    let result = try Self.bare(space, ["show", "没有这家单位"], environment)
    #expect(result.status == 1)
    #expect(Self.hasChinese(result.stderr.replacingOccurrences(of: "没有这家单位", with: "")) == chinese, "\(result)")
  }

  @Test func theLangOptionWinsAndAnUnknownOneIsAUsageError() throws {
    let space = Workspace()
    try space.initRegistry()
    let english = try Self.bare(space, ["show", "x", "--lang", "en"], ["LANG": "zh_CN.UTF-8"])
    #expect(english.stderr.contains("no unit is called"), "\(english)")
    let chinese = try Self.bare(space, ["--lang=zh", "show", "x"], ["LANG": "en_US.UTF-8"])
    #expect(chinese.stderr.contains("找不到"), "\(chinese)")
    let unknown = try Self.bare(space, ["list", "--lang", "fr"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("fr"))
    let missing = try space.run(["list", "--lang"])
    #expect(missing.status == 64)
  }

  @Test func machineOutputIsTheSameInEveryLanguage() throws {
    let space = try Self.sample()
    let commands: [[String]] = [
      ["list", "--all", "--format", "json"], ["list", "--all", "--format", "csv"],
      ["show", "复旦", "--format", "json"], ["group", "list", "--format", "json"],
      ["group", "show", "组织", "--format", "csv"],
      ["agreement", "list", "--format", "json"], ["agreement", "list", "--expiring-within", "1000", "--format", "csv"],
      ["report", "growth", "--from", "2015", "--format", "json"],
      ["report", "growth", "--from", "2015", "--by", "kind", "--format", "csv"], ["export", "--format", "json"],
      ["export", "--format", "csv", "--bom"], ["history", "--format", "json"],
    ]
    for command in commands {
      let chinese = try space.run(command + ["--db", space.registry, "--today", "2019-12-31", "--lang", "zh"])
      let english = try space.run(command + ["--db", space.registry, "--today", "2019-12-31", "--lang", "en"])
      #expect(chinese.status == 0 && english.status == 0, "\(command): \(chinese)")
      #expect(chinese.stdout == english.stdout, "\(command) differs between languages")
      #expect(!chinese.stdout.isEmpty)
    }
    // A refusal's exit status does not depend on the language either.
    let chinese = try space.run([
      "register", "复旦大学外文学院", "--joined", "2019-06-27", "--db", space.registry, "--lang", "zh",
    ])
    let english = try space.run([
      "register", "复旦大学外文学院", "--joined", "2019-06-27", "--db", space.registry, "--lang", "en",
    ])
    #expect(chinese.status == english.status && chinese.status == 1)
  }

  @Test func theGrowthReportReadsTheSameInBothLanguages() throws {
    let space = try Self.sample()
    let arguments = [
      "report", "growth", "--from", "2016", "--to", "2019", "--db", space.registry, "--today", "2019-12-31",
    ]
    let chinese = try space.run(arguments + ["--lang", "zh"])
    #expect(
      chinese.stdout == """
        欧阳路街道区域化党建共建单位发展情况 · 2016年至2019年 · 按年统计

        年份    新加入  退出  净增  期末总数     增幅
        ──────  ──────  ────  ────  ────────  ───────
        2016年       1     0    +1         2  +100.0%
        2017年       0     0     0         2    +0.0%
        2018年       0     0     0         2    +0.0%
        2019年       1     1     0         2    +0.0%

        2016年至2019年：2家 → 2家（净增0家，增长0.0%，年均增长0.0%）

        """)
    let english = try space.run(arguments + ["--lang", "en"])
    #expect(
      english.stdout == """
        Growth of the regional party-building alliance of 欧阳路街道 · 2016–2019 · by year

        year  joined  left  net  total   change
        ────  ──────  ────  ───  ─────  ───────
        2016       1     0   +1      2  +100.0%
        2017       0     0    0      2    +0.0%
        2018       0     0    0      2    +0.0%
        2019       1     1    0      2    +0.0%

        2016 → 2019: 2 → 2 units (0, +0.0%, CAGR 0.0%)

        """)
  }

  @Test func showReadsTheSameInBothLanguages() throws {
    let space = try Self.sample()
    let chinese = try space.run(["show", "四达", "--db", space.registry, "--lang", "zh"])
    #expect(
      chinese.stdout == """
        #2 上海四达电器集团有限公司（国有企业）
          状态：     已退出（2019年8月31日），原因：单位合并
          联系电话： 021-12345678

        共建期间
          加入日期    退出日期    退出原因
          ──────────  ──────────  ────────
          2016-03-18  2019-08-31  单位合并

        共建协议
          签约日期    到期日期  协议名称            签约人
          ──────────  ────────  ──────────────────  ──────
          2016-03-18            区域化党建共建协议

        所在专项组
          （无）

        """)
    let english = try space.run(["show", "四达", "--db", space.registry, "--lang", "en"])
    #expect(english.stdout.contains("left the alliance on 2019-08-31 (单位合并)"), "\(english)")
    #expect(english.stdout.contains("Alliance periods") && english.stdout.contains("Agreements"))
  }

  @Test func anImportErrorReportReadsTheSameInBothLanguages() throws {
    let space = try Self.sample()
    try "单位名称,加入日期\n新单位甲,2019-02-30\n复旦大学外文学院,2019-06-27\n".write(
      toFile: space.file("名单.csv"), atomically: true, encoding: .utf8)
    let chinese = try space.run(["import", space.file("名单.csv"), "--db", space.registry, "--lang", "zh"])
    #expect(chinese.status == 65)
    #expect(
      chinese.stderr == """
        gongjian：\(space.file("名单.csv"))：共2行数据，发现2处错误，未导入任何内容。
        第2行，加入日期列：“2019-02-30”不是有效日期：2019年2月只有28天
        第3行，单位名称列：“复旦大学外文学院”已在登记簿中：复旦大学外文学院（#3），2019年6月27日加入；如要用文件中的信息更新它，请加 --update
        请修改文件后重新导入。

        """)
    let english = try space.run(["import", space.file("名单.csv"), "--db", space.registry, "--lang", "en"])
    #expect(english.status == 65)
    #expect(english.stderr.contains("line 2, column 加入日期: '2019-02-30' is not a date: 2019-02 has 28 days"))
  }

  @Test func parserErrorsAreInTheReadersLanguage() throws {
    let space = Workspace()
    try space.initRegistry()
    let option = try Self.bare(space, ["register", "甲", "--joined", "2019-01-01", "--joind", "3"])
    #expect(option.status == 64)
    #expect(option.stderr.contains("没有 --joind 这个选项") && option.stderr.contains("--joined"), "\(option)")
    let command = try space.run(["regster", "甲"], environment: ["GONGJIAN_LANG": ""])
    #expect(command.status == 64)
    #expect(command.stderr.contains("gongjian register"), "\(command)")
    let value = try Self.bare(space, ["list", "--format", "xml"])
    #expect(value.status == 64)
    #expect(value.stderr.contains("xml") && value.stderr.contains("table"), "\(value)")
    let missing = try Self.bare(space, ["register", "甲"])
    #expect(missing.status == 64)
    #expect(Self.hasChinese(missing.stderr.replacingOccurrences(of: "甲", with: "")), "\(missing)")
  }

  @Test func dashesTypedWithAChineseInputMethodAreOptions() throws {
    let space = Workspace()
    try space.initRegistry()
    let result = try space.run(["register", "甲单位", "——joined", "2019-06-27", "－－kind", "高校", "--db", space.registry])
    #expect(result.status == 0, "\(result)")
    let listed = try space.run(["list", "--format", "csv", "--db", space.registry])
    #expect(listed.stdout.contains("甲单位,高校,2019-06-27"))
  }
}
