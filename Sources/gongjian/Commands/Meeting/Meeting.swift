import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct Meeting: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "meeting", abstract: help(.meetingAbstract),
    subcommands: [
      MeetingAdd.self, MeetingList.self, MeetingShow.self, MeetingAttend.self, MeetingTopic.self, MeetingDecide.self,
      MeetingAttendance.self,
    ])
}

/// A meeting help text in the reader's language.
func help(_ key: MeetingHelpKey) -> String { Interface.texts.meetingHelp(key) }

func help(_ key: MeetingHelpKey, value: HelpKey) -> ArgumentHelp {
  ArgumentHelp(help(key), valueName: help(value))
}

func help(_ key: MeetingHelpKey, value: MeetingHelpKey) -> ArgumentHelp {
  ArgumentHelp(help(key), valueName: help(value))
}

extension AttendanceStatus: ExpressibleByArgument {
  public init?(argument: String) { self.init(typed: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) + Vocabulary.attendanceChoices }
}

extension DecisionKind: ExpressibleByArgument {
  public init?(argument: String) { self.init(typed: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) + Vocabulary.decisionKindChoices }
}

extension FollowupStatus: ExpressibleByArgument {
  public init?(argument: String) { self.init(typed: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) + Vocabulary.followupStatusChoices }
}
