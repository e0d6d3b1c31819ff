/// Every help text of the command line: command abstracts and discussions, option and
/// argument help, and the names of values in usage lines. Each language words every key (a
/// `switch` without `default`), so a help text cannot be missing from one.
public enum HelpKey: String, CaseIterable, Sendable {
  // The program.
  case rootAbstract, rootDiscussion
  // Options every command takes.
  case optionDatabase, optionToday, optionLanguage, optionBy, optionFormat, optionOutput, optionBOM
  // Value names in usage lines: --joined <date>.
  case valueDate, valueName, valueUnit, valueGroup, valueYear, valuePath, valueFile, valueText, valuePerson, valueTitle
  case valueKind, valueNumber, valueDays, valueJobTitle, valueIndex, valueFormat, valuePeriod, valueBreakdown,
    valueField
  case valueEncoding
  // init
  case initAbstract, initDiscussion, initSubdistrict, initDistrict, initShared
  // register
  case registerAbstract, registerDiscussion, registerName, registerJoined, registerForce
  case detailKind, detailPartyOrganisation, detailContact, detailPhone, detailAddress, detailNote
  case agreementSignatory, agreementSignatoryTitle, agreementTitle, agreementExpires
  case groupOption, groupLead
  // list
  case listAbstract, listDiscussion, listActiveOn, listActiveIn, listJoinedIn, listLeftIn, listGroup, listKind, listAll
  // show
  case showAbstract, showDiscussion, showUnit, showFormat
  // edit
  case editAbstract, editDiscussion, editName, editRenamedOn, editJoined, editLeft, editPeriod
  // remove, undo, registry
  case removeAbstract, removeDiscussion, removeYes, undoAbstract, undoDiscussion, undoYes
  case registryAbstract, registryShowAbstract, registrySetAbstract
  // withdraw, rejoin
  case withdrawAbstract, withdrawDiscussion, withdrawOn, withdrawReason
  case rejoinAbstract, rejoinDiscussion, rejoinOn
  // group
  case groupAbstract, groupAddAbstract, groupAddName, groupAddDescription, groupAddEstablished
  case groupListAbstract, groupShowAbstract, groupShowDiscussion, groupShowGroup, groupShowAll
  case groupJoinAbstract, groupJoinDiscussion, groupJoinOn, groupJoinLead
  case groupLeaveAbstract, groupLeaveOn
  // agreement
  case agreementAbstract, agreementAddAbstract, agreementAddSigned
  case agreementListAbstract, agreementListDiscussion, agreementListExpiring, agreementListUnit
  // history
  case historyAbstract, historyDiscussion, historyUnit, historyPurgeAbstract, historyPurgeDiscussion, historyPurgeUnit,
    historyPurgeField,
    historyPurgeYes
  // report
  case reportAbstract, reportGrowthAbstract, reportGrowthDiscussion, reportFrom, reportTo, reportPeriod, reportGroup
  case reportKind, reportBy, reportFormat
  // import, export
  case importAbstract, importDiscussion, importFile, importDryRun, importUpdate, importEncoding, importForce,
    importSheet
  case importCreateGroups
  case exportAbstract, exportDiscussion, exportFormat, exportBOM, exportOutput
  // check, backup, demo
  case checkAbstract, checkDiscussion
  case backupAbstract, backupDiscussion, backupDestination, backupForce
  case demoAbstract, demoDiscussion, demoDatabase
  // district
  case districtAbstract, districtReportAbstract, districtReportDiscussion, districtUnitsAbstract
  case districtUnitsDiscussion, districtFiles, districtSkipBad, districtAll, districtReportFormat, districtUnitsFormat
  case districtOutput, valueFiles
  // serve, user
  case serveAbstract, serveDiscussion, serveListen, valueAddress
  case userAbstract, userAddAbstract, userAddDiscussion, userAddName, userAddRole, valueRole
  case userListAbstract, userRemoveAbstract, userRemoveName
  // The argument parser's own words, replaced in its help output.
  case helpOverview, helpUsage, helpArguments, helpOptions, helpSubcommands, helpShowHelp, helpShowVersion
  case helpSeeSubcommand, helpDefault, helpValues, helpSubcommandWord, helpOptionsWord
}

/// The words the help pages are built from.
public protocol HelpWording {
  func help(_ key: HelpKey) -> String
}
