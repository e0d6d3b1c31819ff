import GongjianPresentation
import GongjianRegistry

/// Joint meetings (联席会议): the list, one meeting (its day, attendance, topics, decisions and
/// follow-ups, as `meeting show`), and the follow-ups (督办事项, as `followup list`).
extension WebServer {
  /// `GET /meetings`.
  func meetingsPage(_ viewer: Viewer, failed: FailedForm? = nil) async throws -> Reply {
    let texts = viewer.language.texts
    let meetings = try await blocking { try open(.read, by: localName, command: "").meetings() }
    let dateHint = texts.web(.dateHint)
    let form =
      viewer.mayChange
      ? pageForm(
        viewer, .meetingAdd, action: "/meetings", heading: .meetingAddHeading, submit: .meetingAddSubmit,
        fields: [
          ChangeField(key: "title", label: Pages.label(texts.field(.meetingTitle)), required: true),
          ChangeField(key: "on", label: Pages.label(texts.field(.heldOn)), required: true, hint: dateHint),
          ChangeField(key: "place", label: Pages.label(texts.field(.place))),
          ChangeField(key: "chair", label: Pages.label(texts.field(.chair))),
          ChangeField(key: "recorder", label: Pages.label(texts.field(.recorder))),
        ],
        failed: failed) : ""
    let table =
      meetings.isEmpty
      ? ""
      : HTMLTable.render(MeetingColumns.meetings, meetings, language: viewer.language) { meeting, key in
        key == "title" ? "/meetings/\(meeting.id.rawValue)" : nil
      }
    let body = Pages.render(
      "meetings",
      [
        "heading": texts.webPage(.meetingsHeading), "empty": meetings.isEmpty ? texts.webPage(.noMeetings) : false,
        "table": table, "footer": texts.meetingCount(meetings.count), "seeFollowups": texts.webPage(.seeOpenFollowups),
        "forms": form,
      ])
    return Reply(
      status: failed == nil ? .ok : .unprocessableContent,
      body: Pages.page(
        viewer, title: texts.webPage(.meetingsHeading), body: body, notice: await notice(viewer),
        error: failed?.message))
  }

  /// `GET /meetings/ID`.
  func meetingPage(_ viewer: Viewer, id: Int?, failed: FailedForm? = nil) async throws -> Reply {
    let texts = viewer.language.texts
    let language = viewer.language
    guard let id else {
      return Reply(status: .notFound, body: Pages.message(viewer, heading: "", text: texts.web(.notFound)))
    }
    let detail: MeetingDetail
    let forms: String
    let mayChange = viewer.mayChange
    do {
      (detail, forms) = try await blocking {
        let registry = try open(.read, by: localName, command: "")
        let detail = try registry.meetingDetail(MeetingID(id))
        return (detail, mayChange ? try meetingForms(registry, detail: detail, viewer: viewer, failed: failed) : "")
      }
    } catch let refusal as Refusal {
      guard case .meetings(.noSuchMeeting) = refusal else { throw refusal }
      let text = texts.webRefusal(refusal)
      return Reply(status: .notFound, body: Pages.message(viewer, heading: "", text: text))
    }
    let summary = detail.summary
    var facts: [[String: Any]] = [["label": texts.meetingSheetLabel(.day), "value": texts.day(summary.heldOn)]]
    for (label, value) in [
      (MeetingSheetLabel.place, summary.place), (.chair, summary.chair), (.recorder, summary.recorder),
    ] {
      if let value { facts.append(["label": texts.meetingSheetLabel(label), "value": value]) }
    }
    let unitLink: (UnitReference) -> String = { "/units/\($0.id.rawValue)" }
    func section(_ id: String, _ heading: String, count: Int, table: () -> String) -> [String: Any] {
      [
        "id": id, "heading": heading, "none": count == 0 ? texts.meetingSheetLabel(.none) : false,
        "table": count == 0 ? "" : table(),
      ]
    }
    var sections = [
      section(
        "topics", texts.meetingSheetHeading(.topics, aside: texts.topicsDue(detail.topicsDue)),
        count: detail.topics.count
      ) {
        HTMLTable.render(MeetingColumns.topics, detail.topics, language: language) { row, key in
          key == "by" ? row.by.map(unitLink) : nil
        }
      },
      section("decisions", texts.meetingSheetLabel(.decisions), count: detail.decisions.count) {
        HTMLTable.render(MeetingColumns.decisions, detail.decisions, language: language)
      },
      section("followups", texts.meetingSheetLabel(.followups), count: detail.followups.count) {
        HTMLTable.render(MeetingColumns.followups, detail.followups, language: language) { row, key in
          key == "unit" ? unitLink(row.unit) : nil
        }
      },
    ]
    if !detail.carried.isEmpty {
      sections.append(
        section("carried", texts.meetingSheetLabel(.carried), count: detail.carried.count) {
          HTMLTable.render(MeetingColumns.followups, detail.carried, language: language) { row, key in
            key == "unit" ? unitLink(row.unit) : nil
          }
        })
    }
    sections.append(
      section(
        "attendance",
        texts.meetingSheetHeading(
          .attendance,
          aside: texts.attendanceSummary(present: summary.present, excused: summary.excused, absent: summary.absent)),
        count: detail.attendance.count
      ) {
        HTMLTable.render(MeetingColumns.attendance, detail.attendance, language: language) { row, key in
          key == "unit" ? unitLink(row.unit) : nil
        }
      })
    let body = Pages.render(
      "meeting",
      [
        "heading": summary.title, "facts": facts, "sections": sections, "back": texts.webPage(.meetingsHeading),
        "forms": forms.isEmpty ? false : forms, "formsHeading": texts.webPage(.meetingFormsHeading),
      ])
    return Reply(
      status: failed == nil ? .ok : .unprocessableContent,
      body: Pages.page(
        viewer, title: summary.title, body: body, notice: await notice(viewer), error: failed?.message))
  }

  /// `GET /followups?show=all`: the open follow-ups (overdue ones marked), or every one.
  func followupsPage(_ viewer: Viewer, query: FormValues, failed: FailedForm? = nil) async throws -> Reply {
    let texts = viewer.language.texts
    let all = query["show"] == "all"
    let rows = try await blocking { try open(.read, by: localName, command: "").followupList(openOnly: !all) }
    let table =
      rows.isEmpty
      ? ""
      : HTMLTable.render(MeetingColumns.followups, rows, language: viewer.language) { row, key in
        switch key {
        case "unit": "/units/\(row.unit.id.rawValue)"
        case "held_on": "/meetings/\(row.decision.meeting.id.rawValue)"
        default: nil
        }
      }
    let views = [("open", texts.followupStatus(.open)), ("all", texts.webPage(.showAllFollowups))]
    let body = Pages.render(
      "followups",
      [
        "heading": texts.webPage(.followupsHeading), "legend": texts.webPage(.showLegend),
        "tabs": tabs("/followups", views, current: all ? "all" : "open"),
        "empty": rows.isEmpty ? texts.webPage(.noFollowups) : false, "table": table,
        "footer": texts.followupCount(rows),
        "forms": viewer.mayChange ? followupForm(viewer, rows: rows.filter { $0.status == .open }, failed: failed) : "",
      ])
    return Reply(
      status: failed == nil ? .ok : .unprocessableContent,
      body: Pages.page(
        viewer, title: texts.webPage(.followupsHeading), body: body, notice: await notice(viewer),
        error: failed?.message))
  }
}
