import GongjianRegistry

/// What kind of failure a refusal is, for a surface to turn into its own status: an exit
/// status on the command line, an HTTP status in the browser. Decided here, once.
public enum Outcome: Sendable {
  /// The registry refused: not found, duplicate, conflict with what it holds.
  case refused
  /// The request was put wrongly (an option, an argument, a range).
  case usage
  /// A value or a file is not valid.
  case invalidData
  /// An input or the registry cannot be opened.
  case cannotOpen
  /// Reading or writing failed: disk full, read-only.
  case ioFailure
  /// Another writer kept the registry busy past the timeout.
  case busy
  /// A program or service it needs is missing or cannot be had (the server's program, the
  /// address to listen on).
  case unavailable
}

extension Refusal {
  public var outcome: Outcome {
    switch self {
    case .emptyReference, .rangeReversed, .rangeInFuture, .dayCountOutOfRange, .inputNameEmpty: .usage
    case .noSuchID, .noSuchName, .ambiguousName, .alreadyRegistered, .similarToRegistered, .nameTaken, .notInAlliance,
      .alreadyInAlliance,
      .signingOutsideAlliance, .groupJoinOutsideAlliance, .periodEnded, .withdrawalBeforeGroupJoin, .groupExists,
      .groupDissolved, .groupNotYetFounded, .groupMembershipOverlaps, .alreadyInGroup, .roleChangeBeforeMembership,
      .notInGroup, .noSuchPeriod, .leavingAnOpenPeriod, .periodsWouldOverlap, .correctionStrandsGroupMembership,
      .correctionStrandsAgreement, .nothingToUndo, .latestChangeMoved, .cannotUndo, .accountExists, .noSuchAccount:
      .refused
    case .unreadableInput(_, let problem):
      switch problem {
      case .cannotOpen, .isFolder: .cannotOpen
      case .readFailed, .spoolFailed: .ioFailure
      default: .invalidData
      }
    case .invalidValues, .yearOutOfRange, .importFailed, .importHeader, .inputIsOldExcel, .inputEmpty, .inputHasNoRows,
      .impossibleStoredDate:
      .invalidData
    case .inputMissing, .inputIsFolder: .cannotOpen
    case .registryDamaged: .invalidData
    case .district(let refusal):
      switch refusal {
      case .noRegistryInFolder, .inputMissing: .cannotOpen
      case .givenTwice: .usage
      case .unreadable(let skip): skip.problem.outcome
      case .nothingReadable(let skipped): skipped.first?.problem.outcome ?? .cannotOpen
      }
    case .meetings(let refusal): refusal.outcome
    case .lists: .refused
    }
  }
}

extension DistrictFileProblem {
  public var outcome: Outcome {
    switch self {
    case .storage(let problem): problem.outcome
    case .refusal(let refusal): refusal.outcome
    }
  }
}

extension MeetingRefusal {
  public var outcome: Outcome {
    switch self {
    case .emptyReference: .usage
    case .noSuchMeeting, .ambiguousMeeting, .noSuchRecord, .ambiguousRecord, .meetingExists, .notYetHeld,
      .notInAllianceOnMeetingDay, .alreadyDone, .alreadyOpen, .unitHasMeetingRecords, .strandsMeetingRecords:
      .refused
    }
  }
}

extension ListUsageMistake {
  public var outcome: Outcome { .usage }
}

extension OutputProblem {
  public var outcome: Outcome {
    switch self {
    case .emptyPath, .isTheRegistry, .isADirectory, .notARegularFile: .usage
    case .alreadyExists: .refused
    case .folderMissing, .symlinkRefused: .cannotOpen
    case .cannotCreate, .cannotWrite, .diskFull, .tooLarge: .ioFailure
    }
  }
}

extension StorageProblem {
  public var outcome: Outcome {
    switch self {
    case .emptyDatabasePath, .noHomeFolder: .usage
    case .notARegistry, .foreignSchema, .needsUpgrade, .noRegistry, .danglingSymlink, .registryIsFolder, .notAFile,
      .emptyFile, .notSQLite, .otherApplication, .cannotReadFile, .folderMissing, .newerSchema, .editedMigration,
      .cannotMigrate, .migrationBreaksReferences, .damaged, .cannotOpen:
      .cannotOpen
    case .busy: .busy
    case .constraint: .refused
    case .demoScriptDamaged: .invalidData
    case .cannotCreateFolder, .readOnlyNeedsUpgrade, .readOnlyForYou, .readOnly, .companionsNotWritable, .diskFull,
      .ioError, .unexpected, .copyDamaged:
      .ioFailure
    }
  }
}

extension UsageMistake {
  public var outcome: Outcome {
    switch self {
    case .todayEmpty: .invalidData
    case .demoTargetExists, .backupExists: .refused
    default: .usage
    }
  }
}
