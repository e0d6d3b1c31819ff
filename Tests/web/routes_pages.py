#!/usr/bin/env python3
"""Route checks of the browser view's pages beyond a single unit, without a browser.

Runs the built `gongjian` and `gongjian-web` (after `swift build` and
`swift build --package-path Web`) on a demo registry in a temporary folder, with resources,
needs, projects and a follow-up added through the command line, and checks every page and
form of: working groups (list, one group, adding one), agreements expiring, the three lists
(with the claim buttons and the add-need form), meetings, follow-ups, reports and their
downloads (SVG, HTML, CSV, XLSX), the navigation and the overview's additions:

- every page answers 200 and shows the figures the command line's `--format json` gives;
- a claim and the forms change the registry (checked with the command line);
- refusals answer 422 in Chinese (default) and in English (Accept-Language: en), next to their
  field where there is one, and change nothing;
- a form without its token answers 403 and changes nothing; a viewer account cannot claim;
- `<script>` in a group's name and a need's title is shown as text;
- the XLSX downloads are ZIP files and valid workbooks (read with openpyxl).

Exit status 0 when every check passes.
"""
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

from webcheck import CLI, ENV, TODAY, NoRedirect, check, verdict

HAN = re.compile(r"[\u4e00-\u9fff]")
XSS = "<script>alert(1)</script>"
CLI_ADVICE = re.compile(r"gongjian [a-z]| --[a-z]")


def cli(db, *arguments):
    return subprocess.run([CLI, *arguments, "--db", db, "--today", TODAY], env=ENV, capture_output=True, text=True,
                          timeout=120)


def cli_json(db, *arguments):
    result = cli(db, *arguments, "--format", "json")
    assert result.returncode == 0, (arguments, result.stderr)
    return json.loads(result.stdout)


def cli_text(db, *arguments):
    """The command's output as written (CSV lines end in CRLF)."""
    result = subprocess.run([CLI, *arguments, "--db", db, "--today", TODAY], env=ENV, capture_output=True,
                            timeout=120)
    assert result.returncode == 0, (arguments, result.stderr)
    return result.stdout.decode()


class Client:
    """A browser without JavaScript: one session cookie, the page's form token."""

    def __init__(self, url, language=None):
        self.url = url
        self.cookie = None
        self.token = None
        self.language = language

    def raw(self, path, data=None, headers=None):
        opener = urllib.request.build_opener(NoRedirect)
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        sent = dict(headers or {})
        if self.cookie:
            sent["Cookie"] = self.cookie
        if self.language:
            sent["Accept-Language"] = self.language
        try:
            with opener.open(urllib.request.Request(self.url + path.lstrip("/"), data=body, headers=sent),
                             timeout=60) as answer:
                status, got, content = answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            status, got, content = error.code, dict(error.headers), error.read()
        for name, value in got.items():
            if name.lower() == "set-cookie" and value.startswith("gongjian_session="):
                self.cookie = value.split(";")[0]
        return status, got, content

    def get(self, path, headers=None):
        status, got, content = self.raw(path, headers=headers)
        text = content.decode("utf-8", "replace")
        found = re.search(r'name="csrf" value="([0-9a-f]+)"', text)
        if found:
            self.token = found.group(1)
        return status, got, text

    def post(self, path, data, token=True, headers=None):
        """`data` is a dict, or a list of pairs when a name comes several times."""
        if token:
            data = list(data) + [("csrf", self.token)] if isinstance(data, list) else dict(data, csrf=self.token)
        status, got, content = self.raw(path, data=data, headers=headers)
        return status, got, content.decode("utf-8", "replace")


def serve(db):
    process = subprocess.Popen(
        [CLI, "serve", "--db", db, "--listen", "127.0.0.1:0", "--today", TODAY, "--by", "本机"],
        env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.match(r"listening on (http://\S+/)", line)
    return process, (match.group(1) if match else None)


def table_rows(page, table_index=0):
    """The rows of a page's n-th table body, as lists of cell texts (tags removed)."""
    bodies = re.findall(r"<tbody>(.*?)</tbody>", page, re.S)
    if len(bodies) <= table_index:
        return []
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", bodies[table_index], re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        rows.append([re.sub(r"<[^>]+>", "", cell) for cell in cells])
    return rows


def unescape(text):
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'")
            .replace("&amp;", "&"))


def by_id(page, element_id):
    found = re.search(r'id="%s"[^>]*>(.*?)</' % re.escape(element_id), page, re.S)
    return unescape(found.group(1)) if found else None


def workbook_rows(content):
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return {sheet.title: [row for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def snapshot(db):
    """What the everyday forms may change, and the history, as the command line writes them."""
    return [cli_text(db, *arguments, "--format", "json") for arguments in [
        ["meeting", "list"], ["followup", "list"], ["project", "list"], ["activity", "list"], ["need", "list"],
        ["history"]]]


def sent_values(data):
    return [value for _, value in (data if isinstance(data, list) else data.items())]


def refusals(db, clients, path, good, bad, error_id, what, page=None):
    """A refused form (`bad`): 422 in Chinese and in English, shown next to its field (or at the
    top, `error`); `good` without its token: 403; `good` by a viewer: 403. Nothing changed, the
    history neither."""
    web, english, viewer = clients
    before = snapshot(db)
    status, _, answer = web.post(path, bad)
    problem = by_id(answer, error_id) or ""
    check(status == 422 and HAN.search(problem) is not None,
          "%s: 422, refused in Chinese at %s (%d: %s)" % (what, error_id, status, problem[:70]))
    check(not CLI_ADVICE.search(unescape(answer)), "%s: no command-line advice on the page" % what)
    english.get(page or path)
    status, _, answer = english.post(path, bad)
    problem = by_id(answer, error_id) or ""
    rest = problem
    named = [u["name"] for u in cli_json(db, "list", "--all")] + [
        item["title"] for kind in ["need", "project", "resource"] for item in cli_json(db, kind, "list")]
    for value in sent_values(bad) + named:
        rest = rest.replace(value, "")
    check(status == 422 and problem and HAN.search(rest) is None and not CLI_ADVICE.search(unescape(answer)),
          "%s: the same refusal in English, without command-line advice (%d: %s)" % (what, status, problem[:70]))
    status, _, _ = web.post(path, good, token=False)
    check(status == 403, "%s: without its token, 403 (%d)" % (what, status))
    status, _, _ = viewer.post(path, good)
    check(status == 403, "%s: a viewer gets 403 (%d)" % (what, status))
    check(snapshot(db) == before, "%s: nothing changed, the history neither" % what)


def recorded_by_web(db, path):
    latest = cli_json(db, "history")[-1]
    return latest["user"] == "本机" and path in latest["command"]


def inert(page):
    return "&lt;script&gt;alert(1)&lt;/script&gt;" in page and XSS not in page


def everyday_forms(db, web, english, viewer):
    """The forms of the year's everyday work: meetings, attendance, topics, decisions, follow-ups,
    projects and their steps, service records, a need claimed with a resource, the growth
    report's filters."""
    clients = (web, english, viewer)
    active = cli_json(db, "list")
    first, second = active[2], active[3]

    # A joint meeting.
    status, _, page = web.get("/meetings")
    check(status == 200 and 'id="meeting-add-form"' in page, "meetings: the form that adds one")
    check('id="meeting-add-form"' not in viewer.get("/meetings")[2], "a viewer sees no form to add a meeting")
    title = XSS + "2024年第二次区域化党建联席会议"
    good = {"title": title, "on": "2024-06-28", "place": "街道党群服务中心", "chair": "王书记", "recorder": "李干事"}
    refusals(db, clients, "/meetings", good, dict(good, on="2024-02-30"), "meeting-add-on-error",
             "add a meeting on a day that does not exist")
    status, headers, _ = web.post("/meetings", good)
    added = [m for m in cli_json(db, "meeting", "list") if m["title"] == title]
    check(status == 303 and len(added) == 1 and added[0]["held_on"] == "2024-06-28" and
          added[0]["chair"] == "王书记" and headers.get("Location") == "/meetings/%d" % added[0]["id"],
          "add a meeting: 303 to its page, the command line sees it (%d)" % status)
    check(recorded_by_web(db, "/meetings"), "the history records the meeting under the web's name")
    meeting = added[0]["id"]
    base = "/meetings/%d/" % meeting
    status, _, page = web.get("/meetings/%d" % meeting)
    check(status == 200 and inert(page) and by_id(page, "notice"), "the meeting's page: a notice, <script> as text")
    for form in ["attend-form", "topic-form", "decide-form"]:
        check('id="%s"' % form in page, "the meeting's page has %s" % form)
    check('id="attend-form"' not in viewer.get("/meetings/%d" % meeting)[2], "a viewer sees no meeting forms")

    # Attendance, a topic, a decision, a follow-up.
    good = [("unit", "#%d" % first["id"]), ("unit", "#%d" % second["id"]), ("status", "present")]
    refusals(db, clients, base + "attend", good, [("status", "present")], "attend-unit-error",
             "attendance without a unit", page="/meetings/%d" % meeting)
    status, _, _ = web.post(base + "attend", good)
    shown = cli_json(db, "meeting", "show", str(meeting))
    check(status == 303 and sorted(a["unit"] for a in shown["attendance"] if a["status"] == "present") ==
          sorted([first["name"], second["name"]]), "attendance recorded: 303, `meeting show` lists both (%d)" % status)
    good = {"text": XSS + "关于共建项目经费使用的议题", "by": "#%d" % first["id"], "on": "2024-06-01"}
    refusals(db, clients, base + "topics", good, dict(good, on="2024-13-01"), "topic-on-error",
             "a topic raised on a day that does not exist", page="/meetings/%d" % meeting)
    status, _, _ = web.post(base + "topics", good)
    topics = cli_json(db, "meeting", "show", str(meeting))["topics"]
    check(status == 303 and [t["by"] for t in topics if t["text"] == good["text"]] == [first["name"]],
          "topic added: 303, `meeting show` has it raised by %s (%d)" % (first["name"], status))
    good = {"text": "同意启动楼组微更新项目", "kind": "projects"}
    refusals(db, clients, base + "decisions", good, dict(good, text="  "), "decide-text-error",
             "a decision without its text", page="/meetings/%d" % meeting)
    status, _, _ = web.post(base + "decisions", good)
    decisions = [d for d in cli_json(db, "meeting", "show", str(meeting))["decisions"] if d["text"] == good["text"]]
    check(status == 303 and len(decisions) == 1 and decisions[0]["kind"] == "projects",
          "decision recorded: 303, `meeting show` has it about projects (%d)" % status)
    status, _, page = web.get("/meetings/%d" % meeting)
    check(inert(page) and 'id="followup-add-form"' in page, "the topic with <script> as text; the follow-up form")
    good = {"decision": "#%d" % decisions[0]["id"], "text": XSS + "制定楼组微更新方案", "unit": "#%d" % second["id"],
            "due": "2024-08-31"}
    refusals(db, clients, base + "followups", good, dict(good, due="2024-13-01"), "followup-add-due-error",
             "a follow-up due on a day that does not exist", page="/meetings/%d" % meeting)
    status, _, _ = web.post(base + "followups", good)
    followups = [f for f in cli_json(db, "followup", "list") if f["text"] == good["text"]]
    check(status == 303 and len(followups) == 1 and followups[0]["unit"] == second["name"] and
          followups[0]["due_on"] == "2024-08-31", "follow-up added: 303, `followup list` has it (%d)" % status)
    check(web.post("/meetings/999999/decisions", {"text": "无此会议"})[0] == 404, "a decision for no meeting: 404")

    # A follow-up's progress.
    followup = followups[0]["id"]
    status, _, page = web.get("/followups")
    check('id="followup-update-form"' in page and 'value="#%d"' % followup in page, "follow-ups: the progress form")
    good = {"followup": "#%d" % followup, "status": "done", "on": "2024-06-30", "note": XSS + "方案已制定"}
    refusals(db, clients, "/followups/update", good, dict(good, on="2024-13-01"), "followup-update-on-error",
             "progress reported on a day that does not exist", page="/followups")
    status, _, _ = web.post("/followups/update", good)
    now = [f for f in cli_json(db, "followup", "list") if f["id"] == followup][0]
    check(status == 303 and now["status"] == "done" and now["note"] == good["note"],
          "follow-up done: 303, `followup list` sees it done with its note (%d)" % status)
    check(inert(web.get("/followups?show=all")[2]), "a note with <script> is shown as text")

    # A project, its steps, a service record.
    need = [n for n in cli_json(db, "need", "list", "--status", "open")][-1]
    status, _, page = web.get("/lists/projects")
    check('id="project-add-form"' in page and 'id="activity-add-form"' in page, "projects: the add and record forms")
    viewed = viewer.get("/lists/projects")[2]
    check('id="project-add-form"' not in viewed and 'id="step-' not in viewed, "a viewer sees no project forms")
    good = [("title", XSS + "楼组微更新"), ("category", "社区治理"), ("lead", "#%d" % first["id"]),
            ("unit", "#%d" % second["id"]), ("need", "#%d" % need["id"]), ("start", "2024-07-01"),
            ("end", "2024-09-30")]
    refusals(db, clients, "/projects", good, good[:5] + [("start", "2024-13-01")], "project-add-start-error",
             "a project starting on a day that does not exist", page="/lists/projects")
    good = dict(good, unit="#%d" % second["id"])
    status, _, _ = web.post("/projects", good)
    projects = [p for p in cli_json(db, "project", "list") if p["title"] == good["title"]]
    check(status == 303 and len(projects) == 1 and projects[0]["lead"] == first["name"] and
          projects[0]["needs"] == [need["title"]] and projects[0]["start_on"] == "2024-07-01" and
          projects[0]["units"] == [second["name"]],
          "project added: 303, `project list` has it with its lead, unit and need (%d)" % status)
    project = projects[0]["id"]
    status, _, page = web.get("/lists/projects")
    check(inert(page) and 'id="step-%d"' % project in page, "the new project with <script> as text, and its step")
    status, headers, _ = web.post("/projects/%d/step" % project, {"step": "start"})
    now = [p for p in cli_json(db, "project", "list") if p["id"] == project][0]
    check(status == 303 and headers.get("Location") == "/lists/projects" and now["status"] == "running",
          "project started: 303, `project list` sees it running (%d)" % status)
    refusals(db, clients, "/projects/%d/step" % project, {"step": "finish"}, {"step": "start"}, "error",
             "starting a project already started", page="/lists/projects")
    note = XSS + "入户宣传垃圾分类"
    good = [("project", "#%d" % project), ("on", "2024-06-30"), ("unit", "#%d" % first["id"]),
            ("unit", "#%d" % second["id"]), ("volunteers", "12"), ("hours", "24.5"), ("served", "80"), ("note", note)]
    refusals(db, clients, "/activities", good, [pair if pair[0] != "on" else ("on", "2024-13-01") for pair in good],
             "activity-add-on-error", "a service record on a day that does not exist", page="/lists/projects")
    wordy = [pair if pair[0] != "volunteers" else ("volunteers", "十二") for pair in good]
    refusals(db, clients, "/activities", good, wordy, "activity-add-volunteers-error", "a service record with volunteers that are not a number",
             page="/lists/projects")
    status, _, _ = web.post("/activities", good)
    records = [a for a in cli_json(db, "activity", "list") if a["note"] == note]
    check(status == 303 and len(records) == 1 and records[0]["volunteers"] == 12 and records[0]["hours"] == 24.5 and
          sorted(records[0]["units"]) == sorted([first["name"], second["name"]]) and records[0]["project_id"] == project,
          "service record added: 303, `activity list` has it (%d)" % status)
    check(recorded_by_web(db, "/activities"), "the history records the service record under the web's name")

    # A need claimed with one of a unit's resources.
    units = {u["id"] for u in active}
    resource = [r for r in cli_json(db, "resource", "list") if r["unit_id"] in units][0]
    need = [n for n in cli_json(db, "need", "list", "--status", "open") if resource["unit"] not in n["claimed_by"]][0]
    status, _, page = web.get("/lists/needs")
    check('value="resource-%d"' % resource["id"] in page, "a need's claim offers the units' resources")
    status, _, _ = web.post("/needs/%d/claim" % need["id"], {"unit": "resource-%d" % resource["id"]})
    claims = cli_json(db, "need", "show", str(need["id"]))["claims"]
    check(status == 303 and [(c["unit"], c["resource"]) for c in claims] == [(resource["unit"], resource["title"])],
          "need claimed with a resource: 303, `need show` has the claim with it (%d)" % status)
    refusals(db, clients, "/needs/%d/claim" % need["id"], {"unit": "resource-%d" % resource["id"]},
             {"unit": "resource-%d" % resource["id"]}, "error", "claiming again with the same resource",
             page="/lists/needs")

    # The growth report of one kind of unit in one working group.
    group = cli_json(db, "group", "list")[0]
    kind = active[0]["kind"]
    query = "?from=2016&to=2019&group=%%23%d&kind=%s" % (group["id"], urllib.parse.quote(kind))
    arguments = ["report", "growth", "--from", "2016", "--to", "2019", "--group", str(group["id"]), "--kind", kind]
    expected = cli_json(db, *arguments)
    status, _, page = web.get("/reports" + query)
    check(status == 200 and len(table_rows(page)) == len(expected["rows"]) and
          'value="#%d" selected' % group["id"] in page and 'value="%s"' % kind in page,
          "reports: the group and kind chosen, the command line's rows")
    check("/reports/growth.csv" + query.replace("&", "&amp;") in page, "the downloads keep the group and kind")
    status, _, text = web.get("/reports/growth.csv" + query)
    check(status == 200 and text.lstrip("\ufeff") == cli_text(db, *arguments, "--format", "csv"),
          "growth.csv of the group and kind: the command line's CSV")
    status, _, page = web.get("/reports?group=%23999999")
    check(status == 422 and by_id(page, "error"), "reports for no such group: 422 (%d)" % status)


def main():
    folder = tempfile.mkdtemp(prefix="routes-pages-")
    db = os.path.join(folder, "registry.sqlite")
    server = None
    try:
        check(cli(db, "demo").returncode == 0, "demo registry created")
        active = cli_json(db, "list")
        first, second = active[0], active[1]
        for arguments in [
            ["resource", "add", first["name"], "党员活动室", "--category", "场地", "--capacity", "可容纳40人"],
            ["resource", "add", second["name"], "法律咨询", "--category", "专业服务"],
            ["need", "add", XSS + "垃圾分类宣传", "--category", "志愿服务", "--on", "2024-05-01",
             "--deadline", "2024-06-01", "--raised-by", "虹储居民区"],
            ["need", "add", "老年助餐志愿者", "--category", "志愿服务", "--deadline", "2024-12-31"],
            ["need", "add", "楼道微更新", "--category", "其他"],
            ["project", "add", "垃圾分类宣传月", "--category", "志愿服务"],
            ["project", "add", "楼组自治示范", "--lead", first["name"]],
        ]:
            result = cli(db, *arguments)
            check(result.returncode == 0, "command line: %s (%s)" % (" ".join(arguments[:2]), result.stderr.strip()))
        meeting = cli_json(db, "meeting", "list")[-1]
        shown = cli_json(db, "meeting", "show", str(meeting["id"]))
        decision = shown["decisions"][0]["id"]
        result = cli(db, "followup", "add", str(decision), "整理社区微更新点位清单", "--unit", second["name"],
                     "--due", "2024-06-01")
        check(result.returncode == 0, "command line: followup add (%s)" % result.stderr.strip())

        server, url = serve(db)
        check(url is not None, "server listening at %s" % url)
        web = Client(url)

        # The navigation, on every page.
        status, headers, page = web.get("/")
        check(status == 200, "overview answers 200")
        for path in ["/", "/units", "/units/new", "/groups", "/agreements", "/lists/resources", "/lists/needs",
                     "/lists/projects", "/meetings", "/followups", "/reports", "/history", "/accounts"]:
            check('href="%s"' % path in page, "the navigation links %s" % path)
        check(by_id(page, "nav-needs") == "需求清单" and by_id(page, "nav-groups") == "专项组", "navigation in Chinese")
        status, headers, style = web.get("/pages.css")
        check(status == 200 and "flex-wrap: wrap" in style and "text/css" in headers.get("Content-Type", ""),
              "the pages' style sheet wraps the navigation")

        # The overview: agreements expiring within 60 days, open and overdue needs, open follow-ups.
        expiring = cli_json(db, "agreement", "list", "--expiring-within", "60")
        open_needs = cli_json(db, "need", "list", "--status", "open")
        overdue_needs = cli_json(db, "need", "list", "--overdue")
        open_followups = cli_json(db, "followup", "list", "--open")
        dated = [a for a in expiring if a["days_left"] is not None]
        check(len(table_rows(page, 0)) == len(dated) > 0,
              "overview: %d agreements expiring or expired, as the command line" % len(dated))
        undated = by_id(page, "undated-agreements") or ""
        check(str(len(expiring) - len(dated)) in undated, "overview: %s" % undated)
        figure = by_id(page, "open-needs") or ""
        check(str(len(open_needs)) in figure and str(len(overdue_needs)) in figure,
              "overview: %s (open %d, overdue %d)" % (figure, len(open_needs), len(overdue_needs)))
        figure = by_id(page, "open-followups") or ""
        check(str(len(open_followups)) in figure and len(open_followups) > 0, "overview: %s" % figure)
        for link in ['href="/agreements"', 'href="/lists/needs"', 'href="/lists/needs?show=overdue"',
                     'href="/followups"']:
            check(link in page, "overview links %s" % link)

        # Working groups.
        groups = cli_json(db, "group", "list")
        status, _, page = web.get("/groups")
        rows = table_rows(page)
        check(status == 200 and [row[1] for row in rows] == [group["name"] for group in groups],
              "groups: the command line's %d groups" % len(groups))
        check([row[3] for row in rows] == [str(group["units"]) for group in groups], "groups: member counts")
        check(all(", ".join(group["leads"]) in unescape(" ".join(rows[index])) for index, group in enumerate(groups)),
              "groups: lead units")
        group = groups[0]
        detail = cli_json(db, "group", "show", str(group["id"]))
        status, _, page = web.get("/groups/%d" % group["id"])
        rows = table_rows(page)
        check(status == 200 and by_id(page, "group-name") == group["name"], "group page answers with its name")
        check(sorted(row[1] for row in rows) == sorted(m["unit"] for m in detail["memberships"]),
              "group page: the command line's %d members" % len(detail["memberships"]))
        roles = {"lead": "牵头单位", "member": "成员单位"}
        check(sorted(row[2] for row in rows) == sorted(roles.get(m["role"], m["role"]) for m in detail["memberships"]),
              "group page: roles 牵头/成员")
        phones = [m["phone"] for m in detail["memberships"] if m.get("phone")]
        check(not phones or phones[0] in page, "group page: phones shown on this computer")
        check(web.get("/groups/999999")[0] == 404 and web.get("/groups/x")[0] == 404, "no such group: 404")

        before = cli_json(db, "group", "list")
        status, headers, _ = web.post("/groups", {"name": XSS + "文明创建专项组", "description": "新设",
                                                  "established": "2024-06-01"})
        after = cli_json(db, "group", "list")
        added = [g for g in after if g["name"] == XSS + "文明创建专项组"]
        check(status == 303 and len(added) == 1 and added[0]["established_on"] == "2024-06-01",
              "add group: 303 and the registry holds it (%d)" % status)
        status, _, page = web.get(headers.get("Location", "/groups"))
        check(status == 200 and "&lt;script&gt;alert(1)&lt;/script&gt;" in page and XSS not in page,
              "a group named with <script> is shown as text")
        check("文明创建专项组" in (by_id(page, "notice") or ""), "the notice names the new group")
        snapshot = cli_json(db, "group", "list")
        status, _, page = web.post("/groups", {"name": group["name"]})
        problem = by_id(page, "name-error") or ""
        check(status == 422 and group["name"] in problem and HAN.search(problem) is not None,
              "a taken group name: 422, refused next to the field in Chinese (%d)" % status)
        english = Client(url, language="en")
        english.get("/groups")
        status, _, page = english.post("/groups", {"name": group["name"]})
        problem = by_id(page, "name-error") or ""
        check(status == 422 and group["name"] in problem and HAN.sub("", problem.replace(group["name"], "")) ==
              problem.replace(group["name"], ""), "the same refusal in English: %s" % problem[:80])
        status, _, page = web.post("/groups", {"name": "日期错误的组", "established": "2024-13-45"})
        check(status == 422 and by_id(page, "established-error") is not None, "a bad date: refused next to its field")
        status, _, _ = web.post("/groups", {"name": "无令牌的组"}, token=False)
        check(status == 403, "add group without its token: 403 (%d)" % status)
        check(cli_json(db, "group", "list") == snapshot, "nothing changed by the refused group forms")

        # Agreements.
        status, _, page = web.get("/agreements")
        check(status == 200 and len(table_rows(page)) == len(expiring), "agreements: 60 days by default, as the CLI")
        wide = cli_json(db, "agreement", "list", "--expiring-within", "1000")
        status, _, page = web.get("/agreements?days=1000")
        check(status == 200 and len(table_rows(page)) == len(wide) and by_id(page, "agreement-count") is not None,
              "agreements within 1000 days: %d, as the CLI" % len(wide))
        status, _, page = web.get("/agreements?days=-1")
        check(status == 422 and by_id(page, "days-error") is not None, "a negative number of days: 422 (%d)" % status)

        # The three lists.
        resources = cli_json(db, "resource", "list")
        status, _, page = web.get("/lists/resources")
        check(status == 200 and sorted(row[2] for row in table_rows(page)) == sorted(r["title"] for r in resources),
              "resources: the command line's %d" % len(resources))
        status, _, page = web.get("/lists/resources?show=all")
        check(status == 200 and len(table_rows(page)) == len(cli_json(db, "resource", "list", "--all")),
              "resources: all")
        status, headers, _ = web.post("/resources", {"unit": first["name"][:6], "title": XSS + "共享会议室",
                                                     "category": "场地", "from": "2024-06-01", "until": "2024-12-31"})
        added = [r for r in cli_json(db, "resource", "list") if r["title"] == XSS + "共享会议室"]
        check(status == 303 and len(added) == 1 and added[0]["unit"] == first["name"] and
              added[0]["available_until"] == "2024-12-31", "add resource: 303 and the registry holds it (%d)" % status)
        status, _, page = web.get("/lists/resources")
        check("&lt;script&gt;alert(1)&lt;/script&gt;共享会议室" in page and XSS not in page,
              "a resource titled with <script> is shown as text")
        snapshot = cli_json(db, "resource", "list", "--all")
        status, _, page = web.post("/resources", {"unit": "没有这家单位", "title": "无主资源"})
        problem = by_id(page, "unit-error") or ""
        check(status == 422 and "没有这家单位" in problem and not CLI_ADVICE.search(problem),
              "add resource for an unknown unit: 422, next to the field, no command-line advice: %s" % problem)
        status, _, page = english.post("/resources", {"unit": "没有这家单位", "title": "无主资源"}) \
            if english.get("/lists/resources")[0] == 200 else (0, None, "")
        problem = by_id(page, "unit-error") or ""
        check(status == 422 and HAN.search(problem.replace("没有这家单位", "")) is None,
              "the same refusal in English: %s" % problem[:80])
        check(cli_json(db, "resource", "list", "--all") == snapshot, "nothing changed by the refused resource forms")
        for client, language in [(web, "Chinese"), (english, "English")]:
            client.get("/units/new")
            status, _, page = client.post("/units", {"name": first["name"], "joined": "2024-06-01"})
            check(status == 422 and first["name"] in unescape(page) and not CLI_ADVICE.search(unescape(page)),
                  "registering a registered unit again: 422 in %s, without command-line advice" % language)
        status, _, page = web.get("/lists/needs")
        rows = table_rows(page)
        check(status == 200 and sorted(unescape(row[1]) for row in rows) == sorted(n["title"] for n in open_needs),
              "needs: the %d open ones, as the command line" % len(open_needs))
        check("&lt;script&gt;alert(1)&lt;/script&gt;" in page and XSS not in page,
              "a need titled with <script> is shown as text")
        claim_buttons = re.findall(r'id="claim-(\d+)"', page)
        check(sorted(int(i) for i in claim_buttons) == sorted(n["id"] for n in open_needs),
              "a claim button on each open need")
        options = re.findall(r'<option value="(\d+)">', page.split('id="claim-unit-')[1].split("</select>")[0])
        check(sorted(int(i) for i in options) == sorted(u["id"] for u in active), "the claim offers the active units")
        status, _, page = web.get("/lists/needs?show=overdue")
        check(status == 200 and len(table_rows(page)) == len(overdue_needs) > 0, "needs: the overdue ones")
        status, _, page = web.get("/lists/needs?show=all")
        check(status == 200 and len(table_rows(page)) == len(cli_json(db, "need", "list")), "needs: all")

        need = open_needs[0]
        before_history = cli_text(db, "history", "--format", "json")
        status, headers, _ = web.post("/needs/%d/claim" % need["id"], {"unit": str(first["id"])}, token=False)
        check(status == 403, "claim without its token: 403 (%d)" % status)
        check(cli_json(db, "need", "list") == cli_json(db, "need", "list") and
              cli_text(db, "history", "--format", "json") == before_history, "nothing changed by it")
        status, headers, _ = web.post("/needs/%d/claim" % need["id"], {"unit": str(first["id"]), "show": "open"})
        check(status == 303 and headers.get("Location") == "/lists/needs", "claim: 303 back to the list (%d)" % status)
        claimed = [n for n in cli_json(db, "need", "list") if n["id"] == need["id"]][0]
        check(claimed["status"] == "claimed" and first["name"] in claimed["claimed_by"],
              "the command line sees the need claimed by %s" % first["name"])
        history = cli_json(db, "history")
        check("本机" in json.dumps(history, ensure_ascii=False), "the history records who claimed")
        status, _, page = web.get("/lists/needs?show=all")
        check(first["name"] in (by_id(page, "notice") or "") and "认领" in (by_id(page, "notice") or ""),
              "the notice says who claimed")
        snapshot = cli_json(db, "need", "list")
        history_before = cli_text(db, "history", "--format", "json")
        status, _, page = web.post("/needs/%d/claim" % need["id"], {"unit": str(first["id"])})
        error = by_id(page, "error") or ""
        check(status == 422 and first["name"] in error and HAN.search(error.replace(first["name"], "")) is not None,
              "claiming again: 422 with the refusal in Chinese: %s" % error[:80])
        english.get("/lists/needs")
        status, _, page = english.post("/needs/%d/claim" % need["id"], {"unit": str(first["id"])})
        error = by_id(page, "error") or ""
        check(status == 422 and HAN.search(error.replace(first["name"], "").replace(need["title"], "")) is None,
              "the same refusal in English: %s" % error[:80])
        left = cli_json(db, "list", "--all")
        gone = [u for u in left if u["left_on"]]
        status, _, page = web.post("/needs/%d/claim" % open_needs[1]["id"], {"unit": str(gone[0]["id"])})
        check(status == 422 and by_id(page, "error"), "a unit that has left cannot claim: 422 (%d)" % status)
        status, _, page = web.post("/needs/%d/claim" % open_needs[1]["id"], {})
        check(status == 422, "a claim without a unit: 422 (%d)" % status)
        check(cli_json(db, "need", "list") == snapshot and cli_text(db, "history", "--format", "json") == history_before,
              "nothing changed by the refused claims")

        status, headers, _ = web.post("/needs", {"title": "社区读书角志愿者", "category": "文化教育",
                                                 "raised-by": first["name"], "deadline": "2024-09-30", "people": "4"})
        added = [n for n in cli_json(db, "need", "list") if n["title"] == "社区读书角志愿者"]
        check(status == 303 and len(added) == 1 and added[0]["raised_by"] == first["name"] and
              added[0]["deadline"] == "2024-09-30", "add need: 303 and the registry holds it (%d)" % status)
        snapshot = cli_json(db, "need", "list", "--status", "open")
        status, _, page = web.post("/needs", {"title": "截止日期写错的需求", "deadline": "2024-02-30"})
        check(status == 422 and by_id(page, "deadline-error") is not None and
              cli_json(db, "need", "list", "--status", "open") == snapshot, "add need with a bad date: refused, 422")

        projects = cli_json(db, "project", "list")
        unfinished = [p for p in projects if p["status"] in ("proposed", "claimed", "running")]
        status, _, page = web.get("/lists/projects")
        check(status == 200 and sorted(row[1] for row in table_rows(page)) == sorted(p["title"] for p in unfinished),
              "projects: the %d unfinished ones, as the command line" % len(unfinished))
        proposed = [p for p in projects if p["status"] == "proposed"][0]
        status, _, _ = web.post("/projects/%d/claim" % proposed["id"], {"unit": str(second["id"])})
        now = [p for p in cli_json(db, "project", "list") if p["id"] == proposed["id"]][0]
        check(status == 303 and now["status"] == "claimed", "project claimed through its button (%d)" % status)

        # A viewer signs in and cannot claim.
        result = subprocess.run([CLI, "user", "add", "只读", "--role", "viewer", "--db", db], env=ENV,
                                input="correct-horse-42\n", capture_output=True, text=True, timeout=120)
        check(result.returncode == 0, "viewer account added")
        viewer = Client(url)
        viewer.get("/login")
        status, _, _ = viewer.post("/login", {"name": "只读", "password": "correct-horse-42"})
        check(status == 303, "viewer signed in (%d)" % status)
        status, _, page = viewer.get("/lists/needs")
        check(status == 200 and 'id="claim-' not in page and 'id="add-form"' not in page,
              "a viewer sees no claim buttons and no form")
        snapshot = cli_json(db, "need", "list")
        status, _, _ = viewer.post("/needs/%d/claim" % open_needs[1]["id"], {"unit": str(second["id"])})
        check(status == 403 and cli_json(db, "need", "list") == snapshot, "a viewer cannot claim: 403 (%d)" % status)
        status, _, _ = viewer.post("/groups", {"name": "查看者的组"})
        check(status == 403, "a viewer cannot add a group: 403 (%d)" % status)

        # Meetings and follow-ups.
        meetings = cli_json(db, "meeting", "list")
        status, _, page = web.get("/meetings")
        check(status == 200 and [row[2] for row in table_rows(page)] == [m["title"] for m in meetings],
              "meetings: the command line's %d" % len(meetings))
        status, _, page = web.get("/meetings/%d" % meeting["id"])
        check(status == 200 and by_id(page, "meeting-title") == meeting["title"], "meeting page: its title")
        attendance = table_rows(page, page.count("<tbody>") - 1)
        check(sorted(row[1] for row in attendance) == sorted(a["unit"] for a in shown["attendance"]),
              "meeting page: the %d units' attendance" % len(shown["attendance"]))
        check(all(t["text"] in unescape(page) for t in shown["topics"]) and
              all(d["text"] in unescape(page) for d in shown["decisions"]), "meeting page: every topic and decision")
        check(web.get("/meetings/999999")[0] == 404, "no such meeting: 404")
        status, _, page = web.get("/followups")
        rows = table_rows(page)
        check(status == 200 and sorted(row[1] for row in rows) == sorted(f["text"] for f in open_followups),
              "follow-ups: the %d open ones" % len(open_followups))
        check(any("逾期" in row[4] for row in rows), "an overdue follow-up is marked")
        status, _, page = web.get("/followups?show=all")
        check(status == 200 and len(table_rows(page)) == len(cli_json(db, "followup", "list")), "follow-ups: all")

        # Reports.
        growth = cli_json(db, "report", "growth")
        status, _, page = web.get("/reports")
        check(status == 200 and len(table_rows(page)) == len(growth["rows"]), "reports: the growth report's rows")
        query = "?from=2016&to=2019&period=quarter&by=kind"
        quarterly = cli_json(db, "report", "growth", "--from", "2016", "--to", "2019", "--period", "quarter",
                             "--by", "kind")
        status, _, page = web.get("/reports" + query)
        check(status == 200 and len(table_rows(page)) == len(quarterly["rows"]) and
              "/reports/growth.xlsx" + query.replace("&", "&amp;") in page, "reports: the form's query and its downloads")
        status, headers, svg = web.get("/reports/growth.svg" + query)
        expected = cli_text(db, "report", "growth", "--from", "2016", "--to", "2019", "--period", "quarter", "--by",
                            "kind", "--format", "svg")
        check(status == 200 and svg == expected and "svg" in headers.get("Content-Type", ""),
              "growth.svg: the command line's chart for the same query")
        status, headers, html = web.get("/reports/growth.html" + query)
        check(status == 200 and "growth.html" in headers.get("Content-Disposition", "") and "<table" in html,
              "growth.html: a page to print")
        status, headers, text = web.get("/reports/growth.csv" + query)
        expected = cli_text(db, "report", "growth", "--from", "2016", "--to", "2019", "--period", "quarter", "--by",
                            "kind", "--format", "csv")
        check(status == 200 and text.lstrip("\ufeff") == expected, "growth.csv: the command line's CSV")
        status, headers, content = web.raw("/reports/growth.xlsx" + query)
        check(status == 200 and content[:4] == b"PK\x03\x04", "growth.xlsx starts with the ZIP signature")
        try:
            sheets = workbook_rows(content)
            rows = [row for row in list(sheets.values())[0] if any(cell is not None for cell in row)]
            check(len(rows) >= len(quarterly["rows"]) + 1, "growth.xlsx is a workbook with every period's row")
        except Exception as error:  # noqa: BLE001 - any failure to read it is the finding
            check(False, "growth.xlsx is a valid workbook (%s)" % error)
        status, _, page = web.get("/reports?from=2020&to=2010")
        check(status == 422 and by_id(page, "error"), "a reversed range: 422 (%d)" % status)
        status, _, page = english.get("/reports?from=2020&to=2010")
        check(status == 422 and HAN.search(by_id(page, "error") or "x") is None, "the same refusal in English")

        status, _, text = web.get("/reports/projects.csv?year=2024")
        expected = cli_text(db, "report", "projects", "--from", "2024", "--to", "2024", "--format", "csv")
        check(status == 200 and text.lstrip("\ufeff") == expected, "projects.csv: `report projects` for the year")
        status, _, text = web.get("/reports/units.csv?year=2024")
        expected = cli_text(db, "report", "units", "--year", "2024", "--format", "csv")
        check(status == 200 and text.lstrip("\ufeff") == expected, "units.csv: `report units` for the year")
        for path in ["/reports/projects.xlsx?year=2024", "/reports/units.xlsx?year=2024"]:
            status, _, content = web.raw(path)
            try:
                valid = status == 200 and content[:4] == b"PK\x03\x04" and len(workbook_rows(content)) >= 1
            except Exception:  # noqa: BLE001
                valid = False
            check(valid, "%s: a valid workbook" % path)

        everyday_forms(db, web, english, viewer)

        # English pages.
        status, _, page = english.get("/lists/needs")
        check(status == 200 and by_id(page, "nav-needs") and HAN.search(by_id(page, "nav-needs")) is None,
              "the navigation in English")
        for path in ["/groups", "/agreements", "/lists/resources", "/lists/projects", "/meetings", "/followups",
                     "/reports", "/"]:
            check(english.get(path)[0] == 200, "%s answers 200 in English" % path)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    return verdict("route check passed")


if __name__ == "__main__":
    sys.exit(main())
