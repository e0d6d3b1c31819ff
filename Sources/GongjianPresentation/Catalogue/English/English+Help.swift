extension EnglishCatalogue: HelpWording {
  public func help(_ key: HelpKey) -> String {
    switch key {
    case .rootAbstract:
      "The registry of a subdistrict's regional party-building alliance (区域化党建共建单位登记)."
    case .rootDiscussion:
      """
      The registry is one SQLite file: --db PATH, else $GONGJIAN_DB, else \
      $XDG_DATA_HOME/gongjian/registry.sqlite (~/.local/share/gongjian/registry.sqlite). \
      Only `init` and `demo` create a registry.

      Every command takes --lang zh|en (default: $GONGJIAN_LANG, then LANGUAGE, LC_ALL, \
      LC_MESSAGES, LANG; Chinese unless English is asked for) and --by NAME (who is making the \
      change, for the history; default $GONGJIAN_USER, else your login).

      Exit status: 0 ok, 1 refused (not found, duplicate, conflict), 64 usage, 65 invalid data, \
      66 cannot open, 74 I/O failure (disk full, read-only), 75 busy (try again).
      """
    case .optionDatabase:
      "The registry file (default: $GONGJIAN_DB, else ~/.local/share/gongjian/registry.sqlite)."
    case .optionToday:
      "What \"today\" means, for reproducible output (default: $GONGJIAN_TODAY, else the calendar)."
    case .optionLanguage: "The language of messages and reports: zh (中文) or en."
    case .optionBy: "Who is making the change, as the history records it (default: $GONGJIAN_USER, else your login)."
    case .optionFormat:
      "Output format: table, csv, json, xlsx (an Excel workbook) or html (a printable page); default: table, or from the -o file's extension."
    case .optionOutput:
      "Write to this file instead of the terminal; its extension (.csv, .xlsx, .html, .json) picks the format."
    case .optionBOM:
      "Start a CSV with a byte-order mark (the default in a file, so Excel shows the Chinese; not on the terminal or a pipe)."
    case .valueDate: "date"
    case .valueName: "name"
    case .valueUnit: "unit"
    case .valueGroup: "group"
    case .valueYear: "year"
    case .valuePath: "path"
    case .valueFile: "file"
    case .valueText: "text"
    case .valuePerson: "person"
    case .valueTitle: "title"
    case .valueKind: "kind"
    case .valueNumber: "number"
    case .valueDays: "days"
    case .valueJobTitle: "title"
    case .valueIndex: "n"
    case .valueFormat: "format"
    case .valuePeriod: "period"
    case .valueBreakdown: "kind|group"
    case .valueField: "phone|contact"
    case .valueEncoding: "encoding"
    case .initAbstract: "Create a new registry (readable by its owner only, or with --shared by the owner's group)."
    case .initDiscussion: "On an existing registry it says so and changes nothing."
    case .initSubdistrict: "The subdistrict, e.g. 欧阳路街道."
    case .initDistrict: "The district, e.g. 虹口区."
    case .initShared: "Let the owner's group read and write the registry too (0660), for a team folder."
    case .registerAbstract: "Register a newly signed unit, with its agreement and working groups, in one step."
    case .registerDiscussion:
      """
      Example: gongjian register 复旦大学外文学院 --joined 2019-06-27 --kind 高校 \\
      --signatory 罗英华 --signatory-title 党委书记 --group 组织共建
      (The group must exist: gongjian group add 组织共建专项组; gongjian group list shows the groups.)

      Dates may be written 2019-06-27, 2019/6/27, 2019.6.27, 2019年6月27日, 20190627, today or yesterday.
      """
    case .registerName: "The unit's full name."
    case .registerForce:
      "Register even though the name is like a registered unit's (other brackets, with or without 集团, 有限公司, 股份)."
    case .registerJoined: "The day the unit joined (signed the co-building agreement)."
    case .detailKind: "Category: 党政机关, 事业单位, 国有企业, 非公企业, 高校, 金融机构, 社会组织, 其他, or your own."
    case .detailPartyOrganisation: "The unit's party organisation."
    case .detailContact: "Contact person."
    case .detailPhone: "Contact phone number."
    case .detailAddress: "Address."
    case .detailNote: "A note."
    case .agreementSignatory: "Who signed for the unit, e.g. 罗英华."
    case .agreementSignatoryTitle: "The signatory's title, e.g. 党委书记."
    case .agreementTitle: "The agreement's title (default: 区域化党建共建协议)."
    case .agreementExpires: "When the agreement expires (may be in the future)."
    case .groupOption: "A working group (专项组) to join; repeat for several."
    case .groupLead: "Join the groups as lead unit (牵头单位) rather than member (成员单位)."
    case .listAbstract: "List units: by default those in the alliance today."
    case .listDiscussion:
      """
      --active-in 2016 lists the units active at the end of 2016: the growth report's total. \
      --joined-in, --left-in and --all list units whatever their state today.
      """
    case .listActiveOn: "Units in the alliance on this day."
    case .listActiveIn: "Units in the alliance at the end of this year."
    case .listJoinedIn: "Units that joined in this year."
    case .listLeftIn: "Units that left in this year."
    case .listGroup: "Only units in this working group."
    case .listKind: "Only units of this kind, e.g. 高校."
    case .listAll: "Include units that have left the alliance."
    case .showAbstract: "Show one unit: its details, alliance periods, agreements, working groups and former names."
    case .showDiscussion: "UNIT is an id, a name (full-width or half-width brackets alike), or a unique part of a name."
    case .showUnit: "The unit: id, name or part of the name."
    case .showFormat: "Output format: table or json."
    case .editAbstract: "Change a unit's details; a rename keeps the former name findable."
    case .editDiscussion: "An empty value clears a field, e.g. --phone \"\"."
    case .editName: "The unit's new name."
    case .editRenamedOn: "When the rename took effect (default: today)."
    case .editJoined: "Correct the joining date of a period (a typo, not a rejoining)."
    case .editLeft: "Correct the leaving date of a period that has ended (a typo, not a withdrawal)."
    case .editPeriod: "Which period to correct, numbered as `show` lists them (default: the latest)."
    case .removeAbstract: "Delete a unit registered by mistake, with its periods, agreements and memberships."
    case .removeDiscussion:
      """
      Without --yes it shows what would go and exits 1. The history keeps the whole unit, and \
      `gongjian undo` brings it back. A unit that left the alliance is withdrawn, not removed: \
      removing it would change the growth report.
      """
    case .removeYes: "Really delete."
    case .undoAbstract: "Take back the latest change by a compensating change, recorded in the history."
    case .undoDiscussion:
      """
      Without --yes it shows what would be undone and exits 1. Run it again to go further back. \
      A change is not undone when the registry no longer looks as it left it (something changed \
      the same unit since), nor the creation of the registry. An undo is not itself undone.
      """
    case .undoYes: "Really undo."
    case .registryAbstract: "The registry's own details: its subdistrict and district."
    case .registryShowAbstract: "Show whose registry this is, when it was created, and where its file is."
    case .registrySetAbstract: "Set the registry's subdistrict and district."
    case .withdrawAbstract: "Record that a unit left the alliance: closes its period and its working-group memberships."
    case .withdrawDiscussion: "Example: gongjian withdraw 上海四达电器 --on 2019-08-31 --reason 单位合并"
    case .withdrawOn: "The day it left."
    case .withdrawReason: "Why, e.g. 单位合并."
    case .rejoinAbstract: "Record that a unit which left has signed again: a new period and a new agreement."
    case .rejoinDiscussion: "Example: gongjian rejoin 上海四达电器 --on 2020-03-01 --signatory 王强"
    case .rejoinOn: "The day it signed again."
    case .groupAbstract: "Working groups (专项组): add, list, show, join, leave."
    case .groupAddAbstract: "Add a working group."
    case .groupAddName: "The group's name."
    case .groupAddDescription: "What the group does."
    case .groupAddEstablished: "The day it was founded."
    case .groupListAbstract: "List the working groups with their leads and member counts today."
    case .groupShowAbstract: "Show a working group and its roster (leads first, with contacts and phones)."
    case .groupShowDiscussion:
      "By default the units in the group today; --all adds its past members. -o roster.xlsx hands it to Excel, -o roster.html prints it from a browser."
    case .groupShowAll: "Include the units that have left the group."
    case .groupShowGroup: "The group: id, name or part of the name."
    case .groupJoinAbstract: "Put a unit into a working group (or change its role there)."
    case .groupJoinDiscussion:
      "The unit must be in the alliance on that day. With --lead an existing member becomes the lead from that day."
    case .groupJoinOn: "From which day (default: today)."
    case .groupJoinLead: "As lead unit (牵头单位) rather than member (成员单位)."
    case .groupLeaveAbstract: "End a unit's membership of a working group."
    case .groupLeaveOn: "The day it left the group."
    case .agreementAbstract: "Co-building agreements: record a renewal, list them, see which expire soon."
    case .agreementAddAbstract: "Record a signed agreement, such as a renewal."
    case .agreementAddSigned: "The day it was signed."
    case .agreementListAbstract: "List agreements; --expiring-within shows those to renew."
    case .agreementListDiscussion:
      """
      --expiring-within DAYS lists, for each unit in the alliance today, its latest agreement if it \
      expires within DAYS days or has already expired: what to renew before the joint meeting.
      """
    case .agreementListExpiring: "Only agreements expiring within this many days."
    case .agreementListUnit: "Only this unit's agreements."
    case .historyAbstract: "The change log: every change with its time, who made it, the command, and before/after."
    case .historyDiscussion:
      "Times are shown in this machine's time zone (TZ). --format json includes each change's facts, before and after."
    case .historyUnit: "Only this unit's changes: id, name or part of the name."
    case .historyPurgeAbstract: "Take a unit's phone numbers or contact names out of the history."
    case .historyPurgeDiscussion:
      """
      The history keeps every value a unit's details ever had, contacts' phone numbers included. When a contact \
      leaves, clear the unit's current value with gongjian edit UNIT --phone "" and then purge the old ones here. \
      Without --yes it shows what it would take out and exits 1. It cannot be undone; backups made before still \
      hold the values.
      """
    case .historyPurgeUnit: "The unit whose personal data to purge: an id, a name or part of a name."
    case .historyPurgeField: "What to take out: phone or contact (repeat for both)."
    case .historyPurgeYes: "Confirm the purge."
    case .reportAbstract: "Reports for the joint meeting."
    case .reportGrowthAbstract: "How the alliance grew: joined, left, net and total units per year, quarter or month."
    case .reportGrowthDiscussion:
      """
      The total of a period is the number of units in the alliance on its last day (today for the \
      current period), so the total of 2016 is what `list --active-in 2016` lists. For every period \
      total = previous total + joined - left. Default range: the year of the first joining to this year.

      Formats: table (with the summary line), csv, json, chart (bars in the terminal), svg (a chart \
      for a slide) and html (a page with the chart and the table). -o FILE picks the format from \
      .csv, .json, .svg, .html or .txt.
      """
    case .reportFrom: "First year (default: the year of the first joining)."
    case .reportTo: "Last year (default: this year)."
    case .reportPeriod: "Period length: year, quarter or month."
    case .reportGroup: "Count the memberships of this working group."
    case .reportKind: "Only units of this kind, e.g. 高校."
    case .reportBy: "One total column per kind or per working group."
    case .reportFormat: "Output format: table, csv, json, chart, svg or html."
    case .importAbstract: "Import units from a CSV or XLSX file: all or nothing, every bad row named."
    case .importDiscussion:
      """
      The first row names the columns, in Chinese or English, in any order: 单位名称 (name) and \
      加入日期 (joined_on) are required; 单位类别 (kind), 退出日期 (left_on), 退出原因 (left_reason), \
      签约人 (signatory), 签约人职务 (signatory_title), 协议名称 (agreement), 协议到期日期 (expires_on), \
      专项组 (groups, several separated by 、 ; or ,; "（牵头）" after a group makes the unit its lead), \
      联系人 (contact), 联系电话 (phone), 地址 (address), 党组织 (party_org) and 备注 (note) are optional.

      One bad row means nothing is imported; every bad row is listed with its line and column. \
      A unit already in the registry is an error unless --update, which updates its details from \
      the file's non-empty cells (and records a 退出日期 as its withdrawal).

      CSV from Excel in UTF-8 (with or without BOM) and in GB18030/GBK ("CSV (逗号分隔)" on Chinese \
      Windows) are both recognised.
      """
    case .importFile: "The .csv or .xlsx file."
    case .importDryRun: "Check everything and report what would change; write nothing."
    case .importUpdate: "Update units already in the registry instead of refusing them."
    case .importEncoding: "How the CSV's bytes are text: auto, utf-8 or gb18030."
    case .importSheet: "The sheet of an XLSX workbook to read (default: the first visible one)."
    case .importCreateGroups: "Create the working groups the file names that the registry does not have."
    case .importForce: "Add units whose names are like registered units' names instead of refusing them."
    case .exportAbstract: "Export the whole registry: CSV or XLSX in the import format, or JSON with everything."
    case .exportDiscussion:
      """
      CSV and XLSX hold one row per unit with its current data (the columns `import` reads), so an \
      export imported into an empty registry exports the same again. JSON holds everything: \
      periods, agreements, working-group memberships and former names. --bom adds the byte-order \
      mark Excel needs to read UTF-8; a cell beginning with =, +, -, @, tab or CR gets a leading ' \
      so a spreadsheet cannot run it as a formula. Exported files are readable by you only (0600): \
      they hold contacts' personal data.
      """
    case .exportFormat: "csv, json or xlsx (default: csv, or from the -o file's extension)."
    case .exportBOM: "Start the CSV with a UTF-8 byte-order mark, for Excel."
    case .exportOutput: "Write to this file (required for xlsx)."
    case .checkAbstract: "Check the registry: integrity, foreign keys, schema version, migration checksums."
    case .checkDiscussion:
      "Changes nothing. Exit status 0 when healthy (warnings allowed), 65 when a problem was found."
    case .backupAbstract: "Write a consistent copy of the registry, even while others are writing to it."
    case .backupDiscussion:
      "The copy is integrity-checked before it takes the name DEST. An existing DEST is kept unless --force."
    case .backupDestination: "Where to write the copy."
    case .backupForce: "Replace DEST if it exists."
    case .demoAbstract: "Load the 欧阳路街道 sample into a new registry and print its growth report and chart."
    case .demoDiscussion:
      """
      The sample is a script of ordinary gongjian commands (group add, import, withdraw, register, \
      rejoin, report), run one by one and shown as they run: it is also a tour of the commands. \
      Units marked （示例） and every date are invented; the units and people named in the 2019 \
      newsletter are real. Without --db the registry goes into a new temporary folder, named at the end.
      """
    case .demoDatabase: "Where to create the sample registry (must not exist yet)."
    case .districtAbstract: "The district's roll-up: read every subdistrict's registry file together, changing none."
    case .districtReportAbstract:
      "Each subdistrict's and the district's growth, with a district total that counts a unit in several alliances once."
    case .districtReportDiscussion:
      """
      Each subdistrict's figures are what report growth gives on its registry over the same years; the district's \
      are their sum. The de-duplicated total counts units with the same credit code (without one, the same name) \
      once, and lists them with their subdistricts. Registries that have the resource, need and project lists add \
      their figures.

      The files are opened read-only: no upgrade, no journal change, no -wal or -shm left beside them; \
      write-protected files, files in write-protected folders and copies all work. A folder stands for every \
      .sqlite file directly in it (not in its subfolders), by name. A subdistrict is named by its registry \
      (registry set --subdistrict), else by its file's name.

      A file that cannot be read (not a registry, written by a newer gongjian, damaged) stops the report, named \
      with its reason (exit status 66). With --skip-bad such files are left out and named on stderr and in the \
      report, and the others are reported (exit status 0).

      Formats: table, csv (one line per subdistrict), json (everything), xlsx (a summary sheet and one per \
      subdistrict, with the header block of district forms; needs -o), html (a printable page).
      """
    case .districtUnitsAbstract:
      "Every subdistrict's units, with the units also in another subdistrict's alliance marked."
    case .districtUnitsDiscussion:
      """
      By default the units in each alliance today; --all adds those that left. Files are read as by \
      district report. The xlsx workbook has a summary sheet and one list per subdistrict with the form's header block.
      """
    case .districtFiles: "The subdistricts' registry files, or a folder holding them."
    case .districtSkipBad: "Leave out files that cannot be read, naming them, and report on the others."
    case .districtAll: "List the units that left too."
    case .districtReportFormat: "Output format: table, csv, json, xlsx or html."
    case .districtUnitsFormat: "Output format: table, csv, json or xlsx."
    case .districtOutput: "Write to this file, in the format its extension names; required for xlsx."
    case .valueFiles: "files-or-folder"
    case .serveAbstract: "Use the registry in a browser: for colleagues who do not use the command line."
    case .serveDiscussion:
      """
      By default the pages are served on this computer only (127.0.0.1:8080), without signing in;       changes are recorded as the login user's. To let other computers in (e.g. --listen 0.0.0.0:8080),       add accounts first with gongjian user add: visitors who have not signed in see no contacts or       phones and change nothing; only editor and admin accounts make changes. Port 0 picks a free port.       The first line printed is "listening on http://HOST:PORT/". The pages are served by the program       gongjian-web, found beside gongjian or on PATH. Stop with Ctrl-C.
      """
    case .serveListen: "Address and port to listen on: 127.0.0.1:8080, 0.0.0.0:8080, [::1]:0 (default: 127.0.0.1:8080)."
    case .valueAddress: "host:port"
    case .userAbstract: "Manage the accounts of the browser view (for signing in from other computers)."
    case .userAddAbstract: "Add an account."
    case .userAddDiscussion:
      """
      The password is typed at the terminal (twice, not shown), or read as one line from stdin when       not run at a terminal. It must have at least 8 characters and is stored only as a slow salted       hash (bcrypt). Roles: viewer (reads everything, contacts included), editor (also makes the       everyday changes), admin (also sees the accounts).
      """
    case .userAddName: "The account's name (typed when signing in)."
    case .userAddRole: "viewer, editor or admin."
    case .valueRole: "role"
    case .userListAbstract: "List the accounts and their roles."
    case .userRemoveAbstract: "Remove an account."
    case .userRemoveName: "The account to remove."
    case .helpOverview: "OVERVIEW:"
    case .helpDefault: "default"
    case .helpValues: "values"
    case .helpSubcommandWord: "subcommand"
    case .helpOptionsWord: "options"
    case .helpUsage: "USAGE:"
    case .helpArguments: "ARGUMENTS:"
    case .helpOptions: "OPTIONS:"
    case .helpSubcommands: "SUBCOMMANDS:"
    case .helpShowHelp: "Show help information."
    case .helpShowVersion: "Show the version."
    case .helpSeeSubcommand: "See 'gongjian help <subcommand>' for detailed help."
    }
  }
}
