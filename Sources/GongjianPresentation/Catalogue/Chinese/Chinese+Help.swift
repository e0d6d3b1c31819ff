extension ChineseCatalogue: HelpWording {
  public func help(_ key: HelpKey) -> String {
    switch key {
    case .rootAbstract: "街道区域化党建共建单位登记簿。"
    case .rootDiscussion:
      """
      登记簿是一个SQLite文件，用 --db 路径 指定；未指定时使用环境变量 $GONGJIAN_DB，\
      仍未设置则使用 ~/.local/share/gongjian/registry.sqlite。只有 init 和 demo 会新建登记簿。

      每个命令都可以加 --lang zh|en 选择界面语言（未指定时依次参看 $GONGJIAN_LANG、LANGUAGE、\
      LC_ALL、LC_MESSAGES、LANG，除非其中指定英文，一律使用中文）；也可以加 --by 姓名，\
      指定记入修改记录的经办人（默认为 $GONGJIAN_USER，仍未设置则为当前登录用户）。

      退出状态：0 成功；1 登记簿拒绝办理（找不到、重复、冲突等）；64 用法错误；65 数据无效；\
      66 无法打开；74 读写失败（磁盘已满、只读等）；75 登记簿忙（请稍后重试）。
      """
    case .optionDatabase: "登记簿文件（默认：$GONGJIAN_DB，否则为 ~/.local/share/gongjian/registry.sqlite）。"
    case .optionToday: "把“今天”设为指定日期，便于重现输出结果（默认：$GONGJIAN_TODAY，否则为系统当天日期）。"
    case .optionLanguage: "提示和报表的语言：zh（中文）或 en（英文）。"
    case .optionBy: "经办人姓名，记入修改记录（默认：$GONGJIAN_USER，否则为当前登录用户）。"
    case .optionFormat: "输出格式：table（表格）、csv、json、xlsx（Excel工作簿）或 html（可打印的网页）；默认为表格，或按 -o 文件的扩展名。"
    case .optionOutput: "写入文件，而不是显示在屏幕上；按扩展名（.csv、.xlsx、.html、.json）决定格式。"
    case .optionBOM: "CSV文件开头是否加字节顺序标记（BOM）：写入文件时默认加，便于Excel正确显示中文；输出到屏幕或管道时默认不加。"
    case .valueDate: "日期"
    case .valueName: "名称"
    case .valueUnit: "单位"
    case .valueGroup: "专项组"
    case .valueYear: "年份"
    case .valuePath: "路径"
    case .valueFile: "文件"
    case .valueText: "文字"
    case .valuePerson: "姓名"
    case .valueTitle: "名称"
    case .valueKind: "类别"
    case .valueNumber: "号码"
    case .valueDays: "天数"
    case .valueJobTitle: "职务"
    case .valueIndex: "序号"
    case .valueFormat: "格式"
    case .valuePeriod: "周期"
    case .valueBreakdown: "kind|group"
    case .valueField: "phone|contact"
    case .valueEncoding: "编码"
    case .initAbstract: "新建登记簿（仅本人可读写；加 --shared 则同组用户也可读写）。"
    case .initDiscussion: "如该位置已有登记簿，只作提示，不做任何改动。"
    case .initSubdistrict: "街道名称，如：欧阳路街道。"
    case .initDistrict: "区名称，如：虹口区。"
    case .initShared: "允许同组用户读写登记簿（权限0660），适用于科室共用文件夹。"
    case .registerAbstract: "登记新签约的共建单位，同时记录共建协议和所在专项组。"
    case .registerDiscussion:
      """
      示例：gongjian register 复旦大学外文学院 --joined 2019-06-27 --kind 高校 \\
      --signatory 罗英华 --signatory-title 党委书记 --group 组织共建
      （--group 指定的专项组须已建立：gongjian group add 组织共建专项组；gongjian group list 查看现有专项组。）

      日期可写作 2019-06-27、2019/6/27、2019.6.27、2019年6月27日、20190627、今天或昨天。
      """
    case .registerName: "单位全称。"
    case .registerForce: "名称与已登记单位相近（括号写法不同，或多了、少了“集团”“有限公司”“股份”）时仍然登记。"
    case .registerJoined: "加入日期（签订共建协议的日期）。"
    case .detailKind: "单位类别：党政机关、事业单位、国有企业、非公企业、高校、金融机构、社会组织、其他，也可自填。"
    case .detailPartyOrganisation: "单位党组织名称。"
    case .detailContact: "联系人。"
    case .detailPhone: "联系电话。"
    case .detailAddress: "地址。"
    case .detailNote: "备注。"
    case .agreementSignatory: "代表单位签约的人员姓名，如：罗英华。"
    case .agreementSignatoryTitle: "签约人职务，如：党委书记。"
    case .agreementTitle: "协议名称（默认：区域化党建共建协议）。"
    case .agreementExpires: "协议到期日期（可以是将来的日期）。"
    case .groupOption: "所在专项组；加入多个专项组时，每个专项组各写一次 --group。"
    case .groupLead: "以牵头单位（而非成员单位）身份加入这些专项组。"
    case .listAbstract: "列出共建单位，默认列出今天在册的单位。"
    case .listDiscussion:
      """
      --active-in 2016 列出2016年底在册的单位，即发展报告中该年的期末总数。\
      --joined-in、--left-in 和 --all 不论单位现在是否在册都会列出。
      """
    case .listActiveOn: "列出某一天在册的单位。"
    case .listActiveIn: "列出某年年底在册的单位。"
    case .listJoinedIn: "列出某年加入的单位。"
    case .listLeftIn: "列出某年退出的单位。"
    case .listGroup: "只列出某个专项组的单位。"
    case .listKind: "只列出某一类别的单位，如：高校。"
    case .listAll: "列出全部单位，包括已退出的单位。"
    case .showAbstract: "查看一家单位：基本信息、共建期间、共建协议、所在专项组和曾用名。"
    case .showDiscussion: "“单位”可以是编号、名称（全角半角括号均可），或名称中能唯一确定该单位的一部分。"
    case .showUnit: "单位：编号、名称或名称的一部分。"
    case .showFormat: "输出格式：table（表格）或 json。"
    case .editAbstract: "修改单位信息；更名后原名称仍可查到。"
    case .editDiscussion: "填空值即清除该项，例如 --phone \"\"。"
    case .editName: "单位的新名称。"
    case .editRenamedOn: "更名生效日期（默认：今天）。"
    case .editJoined: "更正某段共建期间的加入日期（用于改正笔误，不是重新加入）。"
    case .editLeft: "更正某段已结束的共建期间的退出日期（用于改正笔误，不是办理退出）。"
    case .editPeriod: "要更正的是第几段共建期间，按 show 中列出的顺序从1数起（默认：最近一段）。"
    case .removeAbstract: "删除误登记的单位，连同其共建期间、协议和专项组记录。"
    case .removeDiscussion:
      """
      不加 --yes 时只显示将删除的内容，退出状态为1。修改记录会保留该单位的全部信息，\
      可用 gongjian undo 恢复。单位退出请用 withdraw 办理，不要删除，否则发展情况报表会随之改变。
      """
    case .removeYes: "确认删除。"
    case .undoAbstract: "撤销最近一次改动：做一次反向改动，并记入修改记录。"
    case .undoDiscussion:
      """
      不加 --yes 时只显示将撤销的内容，退出状态为1。再运行一次可继续往前撤销。\
      如果同一单位在那次改动之后又被修改过，或要撤销的是新建登记簿本身，则不能撤销。\
      撤销操作本身不能再撤销。
      """
    case .undoYes: "确认撤销。"
    case .registryAbstract: "登记簿本身的信息：所属街道和区。"
    case .registryShowAbstract: "查看登记簿属于哪个街道、何时建立、文件在哪里。"
    case .registrySetAbstract: "设置登记簿所属的街道和区。"
    case .withdrawAbstract: "办理单位退出：结束其共建期间，并同时退出所在专项组。"
    case .withdrawDiscussion: "示例：gongjian withdraw 上海四达电器 --on 2019-08-31 --reason 单位合并"
    case .withdrawOn: "退出日期。"
    case .withdrawReason: "退出原因，如：单位合并。"
    case .rejoinAbstract: "办理已退出单位重新加入：新开一段共建期间，记录新签的共建协议。"
    case .rejoinDiscussion: "示例：gongjian rejoin 上海四达电器 --on 2020-03-01 --signatory 王强"
    case .rejoinOn: "重新签约的日期。"
    case .groupAbstract: "管理专项组：新增、列出、查看、加入、退出。"
    case .groupAddAbstract: "新增一个专项组。"
    case .groupAddName: "专项组名称。"
    case .groupAddDescription: "专项组的工作内容。"
    case .groupAddEstablished: "成立日期。"
    case .groupListAbstract: "列出各专项组，以及目前的牵头单位和单位数。"
    case .groupShowAbstract: "查看一个专项组及其单位名单（牵头单位在前，附联系人和联系电话）。"
    case .groupShowDiscussion:
      "默认列出目前在组的单位；加 --all 连同已退出的单位一并列出。加 -o 名单.xlsx 可导出Excel工作簿，加 -o 名单.html 可在浏览器中打印。"
    case .groupShowAll: "连同已退出该专项组的单位一并列出。"
    case .groupShowGroup: "专项组：编号、名称或名称的一部分。"
    case .groupJoinAbstract: "让单位加入专项组（或变更其在专项组中的角色）。"
    case .groupJoinDiscussion: "加入当天该单位须在册。加 --lead 时，已是成员单位的自当天起改为牵头单位。"
    case .groupJoinOn: "加入（或变更角色）的日期（默认：今天）。"
    case .groupJoinLead: "以牵头单位（而非成员单位）身份加入。"
    case .groupLeaveAbstract: "办理单位退出某个专项组。"
    case .groupLeaveOn: "退出专项组的日期。"
    case .agreementAbstract: "共建协议：记录续签、列出协议、查看即将到期的协议。"
    case .agreementAddAbstract: "记录一份已签订的协议，如续签的共建协议。"
    case .agreementAddSigned: "签约日期。"
    case .agreementListAbstract: "列出共建协议；加 --expiring-within 查看需要续签的协议。"
    case .agreementListDiscussion:
      """
      --expiring-within 天数：对今天在册的每家单位，若其最近一份协议将在该天数内到期或已经过期，\
      即列出，便于在联席会议前安排续签。
      """
    case .agreementListExpiring: "只列出该天数内到期的协议。"
    case .agreementListUnit: "只列出某家单位的协议。"
    case .historyAbstract: "修改记录：每次改动的时间、经办人、所用命令，以及改动前后的内容。"
    case .historyDiscussion: "时间按本机时区（TZ）显示。--format json 给出每次改动的要点及改动前后的完整内容。"
    case .historyUnit: "只看某家单位的记录：编号、名称或名称的一部分。"
    case .historyPurgeAbstract: "从修改记录中清除某单位的联系电话或联系人姓名。"
    case .historyPurgeDiscussion:
      """
      修改记录会保留单位信息的每一个旧值，包括联系人姓名和联系电话。联系人调离后，先用 gongjian edit 单位 --phone "" \
      清空当前的值，再用本命令清除记录中的旧值。不加 --yes 时只显示将清除的内容，退出状态为1。清除后不能撤销；\
      此前做的备份中仍保留这些信息。
      """
    case .historyPurgeUnit: "要清除其个人信息的单位：编号、名称或名称的一部分。"
    case .historyPurgeField: "要清除的信息：phone（联系电话）或 contact（联系人姓名）；两项都清除时各写一次。"
    case .historyPurgeYes: "确认清除。"
    case .reportAbstract: "供联席会议使用的统计报表。"
    case .reportGrowthAbstract: "共建单位发展情况：按年、季度或月统计新加入、退出、净增和期末总数。"
    case .reportGrowthDiscussion:
      """
      某一期的期末总数是该期最后一天在册的单位数（尚未结束的一期按今天计），所以2016年的期末总数就是 \
      list --active-in 2016 列出的单位。每一期都满足：期末总数 = 上期期末总数 + 新加入 − 退出。\
      默认统计范围：从首家单位加入的年份到今年。

      格式：table（表格，附总结）、csv、json、chart（在终端显示条形图）、svg（可放进幻灯片的图表）、\
      html（含图表和表格的网页）。-o 文件 按扩展名 .csv、.json、.svg、.html、.xlsx 或 .txt 决定格式。
      """
    case .reportFrom: "起始年份（默认：首家单位加入的年份）。"
    case .reportTo: "截止年份（默认：今年）。"
    case .reportPeriod: "统计周期：year（年）、quarter（季度）或 month（月）。"
    case .reportGroup: "只统计某个专项组的单位，按各单位加入、退出该组的日期计算。"
    case .reportKind: "只统计某一类别的单位，如：高校。"
    case .reportBy: "按单位类别（kind）或专项组（group）分列期末总数。"
    case .reportFormat: "输出格式：table、csv、json、chart、svg 或 html。"
    case .importAbstract: "从CSV或XLSX文件导入单位：有一行出错就全部不导入，并逐条指出有问题的行。"
    case .importDiscussion:
      """
      第一行为表头，中英文均可，列的顺序不限：单位名称（name）和加入日期（joined_on）必填；\
      单位类别（kind）、退出日期（left_on）、退出原因（left_reason）、签约人（signatory）、\
      签约人职务（signatory_title）、协议名称（agreement）、协议到期日期（expires_on）、\
      专项组（groups，多个专项组用“、”“;”或“,”分隔，在专项组名称后加“（牵头）”表示该单位为牵头单位）、\
      联系人（contact）、联系电话（phone）、地址（address）、党组织（party_org）和备注（note）可选。

      只要有一行出错，就一条也不导入，并列出每一处错误所在的行和列。登记簿中已有的单位会报错，\
      除非加 --update：这时用文件中不为空的内容更新该单位信息（有退出日期的则办理退出）。

      Excel 另存的 UTF-8 CSV（带或不带BOM）和中文 Windows 下的 GB18030/GBK CSV（“CSV（逗号分隔）”）都能识别。
      """
    case .importFile: "要导入的 .csv 或 .xlsx 文件。"
    case .importDryRun: "只检查并报告将会做哪些改动，不写入任何内容。"
    case .importUpdate: "更新登记簿中已有的单位，而不是报错。"
    case .importEncoding: "CSV文件的编码：auto（自动）、utf-8 或 gb18030。"
    case .importSheet: "要导入的XLSX工作表名称（默认：第一个未隐藏的工作表）。"
    case .importCreateGroups: "文件中出现登记簿里没有的专项组时新建它，而不是报错。"
    case .importForce: "名称与已登记单位相近的，也作为新单位导入，而不是报错。"
    case .exportAbstract: "导出整个登记簿：CSV或XLSX（与导入格式相同），或包含全部内容的JSON。"
    case .exportDiscussion:
      """
      CSV和XLSX每家单位一行，为其当前信息（即 import 读取的各列），所以导出的文件导入空登记簿后\
      再导出，内容完全相同。JSON包含全部内容：共建期间、协议、专项组经历和曾用名。--bom 在CSV开头\
      加上Excel识别UTF-8所需的字节顺序标记；以 =、+、-、@、制表符或回车开头的单元格前会加一个 '，\
      防止表格软件把它当作公式执行。导出的文件仅本人可读（0600），因为其中有联系人的个人信息。
      """
    case .exportFormat: "csv、json 或 xlsx（默认为csv，或按 -o 文件的扩展名）。"
    case .exportBOM: "在CSV开头加上UTF-8字节顺序标记（BOM），便于Excel打开（默认不加）。"
    case .exportOutput: "写入的文件（导出xlsx时必须指定）。"
    case .checkAbstract: "检查登记簿：完整性、外键、结构版本、迁移文件校验和。"
    case .checkDiscussion: "不做任何改动。正常时退出状态为0（可有提醒），发现问题时为65。"
    case .backupAbstract: "备份登记簿：即使他人正在写入，也能得到一致的副本。"
    case .backupDiscussion: "副本经完整性检查后才改成目标文件名。目标文件已存在时不覆盖，除非加 --force。"
    case .backupDestination: "备份文件的位置。"
    case .backupForce: "目标文件已存在时覆盖它。"
    case .demoAbstract: "把欧阳路街道的示例数据载入一个新登记簿，并显示发展情况报表和图表。"
    case .demoDiscussion:
      """
      示例是一组普通的 gongjian 命令（group add、import、withdraw、register、rejoin、report），\
      逐条执行并显示出来，也可以当作命令的入门演示。名称后标有“（示例）”的单位和所有日期都是虚构的；\
      2019年联席会议报道中提到的单位和人员是真实的。不加 --db 时，登记簿建在一个新的临时文件夹中，\
      结束时会告诉您位置。
      """
    case .demoDatabase: "示例登记簿的位置（该文件不能已经存在）。"
    case .districtAbstract: "全区汇总：把各街道的登记簿文件放在一起统计，不改动其中任何一个。"
    case .districtReportAbstract: "全区共建单位情况汇总：各街道和全区的发展情况，在多个街道共建的单位只计一次的去重合计。"
    case .districtReportDiscussion:
      """
      每个街道的数字就是该街道登记簿上 report growth 给出的数字（统计范围相同），全区合计是各街道之和；\
      去重合计中，统一社会信用代码相同（没有代码时名称相同）的单位只计一次，并逐一列出这些单位及其所在街道。\
      登记簿中有资源、需求、项目清单的，一并汇总其数字。

      文件以只读方式打开：不升级、不改日志模式，也不在文件旁留下 -wal、-shm 文件；只读文件、只读文件夹中的文件\
      和复制来的文件都可以汇总。给出文件夹时，汇总其中（不含子文件夹）所有 .sqlite 文件，按文件名排序。\
      街道名称取自各登记簿自己的设置（registry set --subdistrict），没有设置的取文件名。

      有文件无法读取（不是登记簿、由新版 gongjian 生成、已损坏）时，不生成汇总，并指出该文件及原因（退出状态66）；\
      加 --skip-bad 则跳过这些文件，照常汇总其余文件，在标准错误和报表中列出被跳过的文件，退出状态为0。

      格式：table（表格）、csv（各街道一行）、json（全部内容）、xlsx（汇总表加每个街道一张表，带填报单位、\
      统计期、报出时间等表头，须用 -o 指定文件）、html（可打印的网页）。
      """
    case .districtUnitsAbstract: "全区共建单位名单：各街道的单位及所在街道，标出同时在其他街道共建的单位。"
    case .districtUnitsDiscussion:
      """
      默认列出今天仍在各街道共建的单位；--all 连同已退出的一起列出。文件的读取方式与 district report 相同。\
      xlsx 格式为一张汇总表加每个街道一张名单，带填报单位、统计期、报出时间等表头。
      """
    case .districtFiles: "各街道的登记簿文件，或存放这些文件的文件夹。"
    case .districtSkipBad: "跳过无法读取的文件，照常汇总其余文件（被跳过的文件会逐一列出）。"
    case .districtAll: "连同已退出的单位一起列出。"
    case .districtReportFormat: "输出格式：table、csv、json、xlsx 或 html。"
    case .districtUnitsFormat: "输出格式：table、csv、json 或 xlsx。"
    case .districtOutput: "写入文件，按扩展名决定格式；xlsx 必须指定。"
    case .valueFiles: "文件或文件夹"
    case .serveAbstract: "在浏览器中使用登记簿：供不用命令行的同事查看、登记和修改。"
    case .serveDiscussion:
      """
      默认只在本机（127.0.0.1:8080）提供网页，无需登录，修改记录的经办人为当前登录用户。      要让其他电脑访问（如 --listen 0.0.0.0:8080），须先用 gongjian user add 建立账号：      未登录的访客看不到联系人和电话，也不能修改；只有“编辑”和“管理员”账号可以修改。      端口写0时自动选择空闲端口。输出的第一行是“listening on http://地址:端口/”。      网页由与 gongjian 放在同一文件夹（或在PATH中）的 gongjian-web 程序提供。按 Ctrl-C 停止。
      """
    case .serveListen: "监听的地址和端口，如 127.0.0.1:8080、0.0.0.0:8080、[::1]:0（默认：127.0.0.1:8080）。"
    case .valueAddress: "地址:端口"
    case .userAbstract: "管理网页版的账号（在其他电脑上登录时使用）。"
    case .userAddAbstract: "添加账号。"
    case .userAddDiscussion:
      """
      密码从终端输入（输入两次，不显示）；不在终端上运行时，从标准输入读取一行。      密码至少8个字符，只以加盐的慢哈希（bcrypt）保存。角色：viewer（查看，含联系人）、      editor（查看并办理日常登记和修改）、admin（另可查看账号列表）。
      """
    case .userAddName: "账号名称（登录时输入）。"
    case .userAddRole: "角色：viewer（查看）、editor（编辑）或 admin（管理员）。"
    case .valueRole: "角色"
    case .userListAbstract: "列出账号及其角色。"
    case .userRemoveAbstract: "删除账号。"
    case .userRemoveName: "要删除的账号名称。"
    case .helpOverview: "说明："
    case .helpDefault: "默认"
    case .helpValues: "可选值"
    case .helpSubcommandWord: "子命令"
    case .helpOptionsWord: "选项"
    case .helpUsage: "用法："
    case .helpArguments: "参数："
    case .helpOptions: "选项："
    case .helpSubcommands: "子命令："
    case .helpShowHelp: "显示帮助信息。"
    case .helpShowVersion: "显示版本号。"
    case .helpSeeSubcommand: "运行 gongjian help <子命令> 查看详细帮助。"
    }
  }
}
