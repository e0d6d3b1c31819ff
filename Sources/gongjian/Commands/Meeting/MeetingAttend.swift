import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct MeetingAttend: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attend", abstract: help(.meetingAttendAbstract), discussion: help(.meetingAttendDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.meetingShowMeeting, value: .valueMeeting))
  var meeting: String

  @Argument(help: help(.meetingAttendUnits, value: .valueUnit))
  var units: [String]

  @Option(name: .customLong("as"), help: help(.meetingAttendAs, value: .valueAttendance))
  var status: AttendanceStatus

  func run() throws {
    let registry = try self.registry.open(.write)
    let meetingID = try registry.resolveMeeting(meeting).id
    let unitIDs = try units.map { try registry.resolveUnit($0).id }
    let result = try registry.recordAttendance(meeting: meetingID, units: unitIDs, status: status)
    Terminal.say(Interface.texts.attendanceRecorded(result))
  }
}
