#!/usr/bin/env python3
"""Route check of a unit's everyday changes in the browser view, the history pages and undo.

Runs the built `gongjian` and `gongjian-web` (after `swift build` and
`swift build --package-path Web`; GONGJIAN_BIN and GONGJIAN_WEB_BIN override where they are)
against a demo registry in a temporary folder, over HTTP on loopback with a cookie per visitor:

- every route added (`POST /units/ID/edit|withdraw|rejoin|agreement|periods|groups|groups/leave`,
  `GET /history`, `GET /undo`, `POST /undo`): its status, its content, and the registry's
  change as the command line shows it (`show --format json`, `history --format json`);
- a refusal next to its field, in Chinese and in English, 422, with the registry unchanged;
- a form without its token (CSRF): 403, nothing changed; a viewer account: 403, nothing changed;
- `<script>` typed into a field is shown as text; the history names the signed-in account.

Exit status 0 when every check passes.
"""
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

EDITOR, VIEWER, PASSWORD = "编辑员", "查看员", "correct-horse-42"
CJK = re.compile(r"[\u4e00-\u9fff]")


def cli(*arguments, stdin=None):
    return subprocess.run([CLI, *arguments], env=ENV, input=stdin, capture_output=True, text=True, timeout=120)


class Visitor:
    """One browser: its session cookie, its form token, its language."""

    def __init__(self, url, language=None):
        self.url = url
        self.cookie = ""
        self.language = language
        self.token = ""

    def request(self, path, data=None, headers=None):
        opener = urllib.request.build_opener(NoRedirect)
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        sent = dict(headers or {})
        if self.cookie:
            sent["Cookie"] = self.cookie
        if self.language:
            sent["Accept-Language"] = self.language
        try:
            with opener.open(urllib.request.Request(self.url + path.lstrip("/"), data=body, headers=sent),
                             timeout=60) as answer:
                result = answer.status, dict(answer.headers), answer.read().decode()
        except urllib.error.HTTPError as error:
            result = error.code, dict(error.headers), error.read().decode()
        cookie = result[1].get("Set-Cookie", "")
        if cookie.startswith("gongjian_session="):
            self.cookie = cookie.split(";")[0]
        found = re.search(r'name="csrf" value="([0-9a-f]+)"', result[2])
        if found:
            self.token = found.group(1)
        return result

    def get(self, path):
        return self.request(path)

    def post(self, path, data, token=True):
        return self.request(path, dict(data, csrf=self.token) if token else data)

    def sign_in(self, name):
        self.get("login")
        status, _, _ = self.post("login", {"name": name, "password": PASSWORD})
        self.get("units")
        return status


def element(page, element_id):
    """The text of the element with this id (up to its first tag), unescaped once."""
    found = re.search(r'id="%s"[^>]*>([^<]*)<' % re.escape(element_id), page)
    return found.group(1).replace("&amp;", "&").replace("&quot;", '"') if found else None


def main():
    folder = tempfile.mkdtemp(prefix="routes-units-")
    db = os.path.join(folder, "registry.sqlite")
    empty = os.path.join(folder, "empty.sqlite")
    servers = []

    def serve(path, listen="127.0.0.1:0"):
        process = subprocess.Popen(
            [CLI, "serve", "--db", path, "--listen", listen, "--today", TODAY, "--by", "本机"],
            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        servers.append(process)
        match = re.match(r"listening on (http://\S+/)", process.stdout.readline())
        return match.group(1) if match else None

    def show(unit):
        result = cli("show", str(unit), "--format", "json", "--db", db, "--today", TODAY)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def history():
        result = cli("history", "--format", "json", "--db", db)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def state():
        return show(1), show(28), len(history())

    try:
        check(cli("demo", "--db", db, "--today", TODAY).returncode == 0, "demo registry created")
        for name, role in [(EDITOR, "editor"), (VIEWER, "viewer")]:
            result = cli("user", "add", name, "--role", role, "--db", db, stdin=PASSWORD + "\n")
            check(result.returncode == 0, "account %s (%s) added" % (name, role))
        # Enough changes for the history to take more than one page.
        rows = "单位名称,加入日期\n" + "".join("分页测试单位%02d,2024-01-%02d\n" % (n, n % 28 + 1) for n in range(60))
        csv = os.path.join(folder, "more.csv")
        with open(csv, "w", encoding="utf-8") as file:
            file.write(rows)
        check(cli("import", csv, "--db", db, "--today", TODAY).returncode == 0, "60 more units imported")

        url = serve(db)
        check(url is not None, "server listening at %s" % url)
        editor = Visitor(url)
        check(editor.sign_in(EDITOR) == 303, "editor signed in")
        english = Visitor(url, language="en")
        check(english.sign_in(EDITOR) == 303, "editor signed in with an English browser")

        # The unit's page: the forms that fit a unit in the alliance, and its latest changes.
        status, _, page = editor.get("units/1")
        check(status == 200, "GET /units/1: 200 (%d)" % status)
        for form in ["edit-form", "withdraw-form", "agreement-form", "correct-form", "group-join-form",
                     "group-leave-form"]:
            check('id="%s"' % form in page, "unit page has %s" % form)
        check('id="rejoin-form"' not in page, "no rejoin form for a unit in the alliance")
        check(page.count('name="csrf" value="%s"' % editor.token) >= 7, "every form carries the token")
        check('id="unit-history"' in page and "虹口烟草糖酒有限公司" in page, "unit page shows its history")
        check('id="edit-name" name="name" value="虹口烟草糖酒有限公司"' in page, "edit form filled with the unit's name")
        status, _, page = Visitor(url).get("units/28")
        check('id="rejoin-form"' in page and 'id="withdraw-form"' not in page, "a withdrawn unit offers rejoining")

        # No token, a wrong token, a GET: refused, nothing changed.
        before = state()
        forms = {
            "units/1/edit": {"name": "无令牌改名"}, "units/1/withdraw": {"on": "2024-06-01", "confirm": "1"},
            "units/28/rejoin": {"on": "2024-06-01"}, "units/1/agreement": {"signed": "2024-06-01"},
            "units/1/periods": {"period": "1", "joined": "2015-07-01"}, "units/1/groups": {"group": "#3"}, "units/1/groups/leave": {"group": "#1", "on": "2024-06-01"},
            "undo": {"batch": "1"},
        }
        for path, data in forms.items():
            status, _, _ = editor.post(path, data, token=False)
            check(status == 403, "POST /%s without its token: 403 (%d)" % (path, status))
            status, _, _ = editor.post(path, dict(data, csrf="0" * 64), token=False)
            check(status == 403, "POST /%s with a wrong token: 403 (%d)" % (path, status))
        status, _, _ = editor.get("units/1/edit")
        check(status in (404, 405), "GET /units/1/edit changes nothing (%d)" % status)
        check(state() == before, "nothing changed by the refused requests")

        # Edit: the details change, <script> is text, the history names the account.
        xss = "<script>alert(1)</script>备注"
        status, headers, _ = editor.post(
            "units/1/edit", {"name": "虹口烟草糖酒有限公司", "kind": "社会组织", "phone": "021-65550000", "note": xss})
        check(status == 303 and headers.get("Location") == "/units/1", "POST /units/1/edit: 303 to the unit (%d)" % status)
        unit = show(1)
        check(unit["kind"] == "社会组织" and unit["phone"] == "021-65550000" and unit["note"] == xss,
              "the registry holds the edited details")
        last = history()[-1]
        check(last["action"] == "edit" and last["user"] == EDITOR and last["command"] == "POST /units/1/edit",
              "history: edit by %s (%s, %s)" % (EDITOR, last["user"], last["command"]))
        status, _, page = editor.get("units/1")
        check(element(page, "notice") is not None and "社会组织" in page, "the unit's page tells what changed")
        check("<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page, "<script> shown as text")
        check(EDITOR in page, "the unit's history names the signed-in account")
        count = len(history())
        status, _, _ = editor.post("units/1/edit", {"name": "虹口烟草糖酒有限公司"})
        check(status == 303 and len(history()) == count, "an untouched form records nothing")

        # Edit refused: in Chinese and in English, next to the field, nothing changed.
        before = state()
        status, _, page = editor.post("units/1/edit", {"name": "", "kind": "改了也不保存"})
        text = element(page, "edit-name-error")
        check(status == 422 and text and CJK.search(text), "empty name refused next to it in Chinese: %s" % text)
        check('id="edit" open' in page and 'value="改了也不保存"' in page, "the refused form is open, as sent")
        status, _, page = english.post("units/1/edit", {"name": "", "kind": "not saved"})
        text = element(page, "edit-name-error")
        check(status == 422 and text and not CJK.search(text), "the same refusal in English: %s" % text)
        status, _, page = editor.post("units/1/edit", {"name": "虹口区房管局"})
        text = element(page, "edit-name-error")
        check(status == 422 and text and "虹口区房管局" in text, "a name taken is refused, naming the unit: %s" % text)
        status, _, page = editor.post("units/1/edit", {"name": "虹口烟草糖酒新名称", "renamed-on": "2099-01-01"})
        check(status == 422 and element(page, "edit-renamed-on-error"), "a renaming after today is refused")
        check(state() == before, "nothing changed by the refused edits")
        status, _, _ = editor.post("units/1/edit", {"name": "虹口烟草糖酒新名称", "renamed-on": "2024-06-01"})
        unit = show(1)
        check(status == 303 and unit["name"] == "虹口烟草糖酒新名称"
              and any(former["name"] == "虹口烟草糖酒有限公司" for former in unit["former_names"]),
              "renamed, the old name kept as a former name")

        # Withdraw: confirmation needed, dates checked, then done.
        before = state()
        status, _, page = editor.post("units/1/withdraw", {"on": "2024-06-20"})
        check(status == 422 and element(page, "withdraw-confirm-error"), "withdrawing unconfirmed: 422 at the box")
        status, _, page = editor.post("units/1/withdraw", {"on": "2024-13-45", "confirm": "1"})
        text = element(page, "withdraw-on-error")
        check(status == 422 and text and "2024-13-45" in text, "a bad date refused next to it: %s" % text)
        status, _, page = english.post("units/1/withdraw", {"on": "2099-01-01", "confirm": "1"})
        text = element(page, "withdraw-on-error")
        check(status == 422 and text and not CJK.search(text), "a day after today refused in English: %s" % text)
        check(state() == before, "nothing changed by the refused withdrawals")
        status, _, _ = editor.post("units/1/withdraw", {"on": "2024-06-20", "reason": "测试退出", "confirm": "1"})
        unit = show(1)
        check(status == 303 and unit["left_on"] == "2024-06-20" and unit["periods"][-1]["left_reason"] == "测试退出"
              and all(group["left_on"] for group in unit["group_memberships"]), "withdrawn, groups left too")

        # Rejoin, with a group.
        before = state()
        status, _, page = editor.post("units/1/rejoin", {"on": "2024-06-10"})
        text = element(page, "rejoin-on-error")
        check(status == 422 and text and CJK.search(text), "rejoining before the last leaving refused: %s" % text)
        check(state() == before, "nothing changed by the refused rejoining")
        status, _, _ = editor.post("units/1/rejoin", {"on": "2024-06-25", "agreement": "第二期共建协议", "group": ["#2"]})
        unit = show(1)
        check(status == 303 and unit["left_on"] is None and len(unit["periods"]) == 2
              and "社区治理专项组" in unit["groups"], "rejoined with its group")

        # An agreement.
        before = state()
        status, _, page = editor.post("units/1/agreement", {"signed": ""})
        check(status == 422 and element(page, "agreement-signed-error"), "an agreement without its date: 422")
        status, _, page = editor.post("units/1/agreement", {"signed": "2024-06-26", "expires": "2024-01-01"})
        check(status == 422 and element(page, "agreement-expires-error"), "expiring before signing: 422 at expires")
        check(state() == before, "nothing changed by the refused agreements")
        status, _, _ = editor.post(
            "units/1/agreement", {"signed": "2024-06-26", "expires": "2027-06-25", "title": "续签协议", "signatory": "王芳"})
        agreements = show(1)["agreements"]
        check(status == 303 and any(a["title"] == "续签协议" and a["expires_on"] == "2027-06-25" for a in agreements),
              "agreement recorded")

        # A correction of a period's dates.
        before = state()
        status, _, page = editor.post("units/1/periods", {"period": "1", "left": "2099-01-01"})
        check(status == 422 and element(page, "correct-left-error"), "a correction to a day after today refused")
        status, _, page = editor.post("units/1/periods", {"period": "2", "left": "2024-06-29"})
        check(status == 422 and element(page, "correct-left-error"), "a leaving day for the open period refused")
        status, _, page = english.post("units/1/periods", {"period": "9", "joined": "2024-06-01"})
        text = element(page, "correct-period-error")
        check(status == 422 and text and "period 9" in text, "a period the unit does not have, in English: %s" % text)
        status, _, page = editor.post("units/1/periods", {"period": "1"})
        check(status == 422 and element(page, "correct-joined-error"), "a correction without a date refused")
        check(state() == before, "nothing changed by the refused corrections")
        status, _, _ = editor.post("units/1/periods", {"period": "1", "left": "2024-06-21"})
        unit = show(1)
        check(status == 303 and unit["periods"][0]["left_on"] == "2024-06-21"
              and history()[-1]["action"] == "correct period", "the first period's leaving day corrected")

        # Joining and leaving a working group.
        before = state()
        status, _, page = editor.post("units/1/groups", {"group": "#3", "on": "2024-06-01"})
        text = element(page, "group-join-on-error")
        check(status == 422 and text and CJK.search(text), "joining outside the alliance refused: %s" % text)
        status, _, page = editor.post("units/1/groups", {"group": "#99"})
        check(status == 422 and element(page, "group-join-group-error"), "an unknown group refused next to it")
        check(state() == before, "nothing changed by the refused joinings")
        status, _, _ = editor.post("units/1/groups", {"group": "#3", "on": "2024-06-27", "lead": "1"})
        memberships = show(1)["group_memberships"]
        check(status == 303 and any(m["group"] == "文明创建专项组" and m["role"] == "lead" and m["left_on"] is None
                                    for m in memberships), "joined a working group as its lead")
        before = state()
        status, _, page = editor.post("units/1/groups/leave", {"group": "#3", "on": "2024-06-26"})
        check(status == 422 and element(page, "group-leave-on-error"), "leaving before joining refused")
        check(state() == before, "nothing changed by the refused leaving")
        status, _, _ = editor.post("units/1/groups/leave", {"group": "#3", "on": "2024-06-28"})
        memberships = show(1)["group_memberships"]
        check(status == 303 and any(m["group"] == "文明创建专项组" and m["left_on"] == "2024-06-28" for m in memberships),
              "left the working group")
        check(all(entry["user"] == EDITOR for entry in history()[-6:]), "every change recorded under the account")

        # The history pages.
        status, _, page = editor.get("history")
        check(status == 200 and "POST /units/1/groups/leave" in page and EDITOR in page, "GET /history: latest changes")
        check(element(page, "history-older") is not None and element(page, "history-newer") is None,
              "the first page links to older changes")
        check("&lt;script&gt;" in page and "<script>alert" not in page, "history shows <script> as text")
        status, _, older = editor.get("history?page=2")
        check(status == 200 and element(older, "history-newer") is not None and older != page, "page 2 of the history")
        status, _, _ = editor.get("history?page=abc")
        check(status == 400, "an unreadable page number: 400 (%d)" % status)
        status, _, page = editor.get("history?unit=1")
        check(status == 200 and "分页测试单位" not in page and "POST /units/1/edit" in page, "one unit's history")
        status, _, page = english.get("history")
        check(status == 200 and "<html lang=\"en\"" in page, "the history in English")

        # Undo: the preview, a change made since refused, then undone.
        status, _, page = editor.get("undo")
        batch = re.search(r'name="batch" value="(\d+)"', page)
        check(status == 200 and batch and "POST /units/1/groups/leave" in page, "GET /undo shows the latest change")
        before = state()
        status, _, page = editor.post("undo", {"batch": str(int(batch.group(1)) - 1)})
        check(status == 422 and element(page, "error") and state() == before, "undoing a change not the latest: 422")
        status, headers, _ = editor.post("undo", {"batch": batch.group(1)})
        memberships = show(1)["group_memberships"]
        last = history()[-1]
        check(status == 303 and headers.get("Location") == "/history", "POST /undo: 303 to the history (%d)" % status)
        check(any(m["group"] == "文明创建专项组" and m["left_on"] is None for m in memberships), "the leaving undone")
        check(last["action"] == "undo" and last["user"] == EDITOR and last["command"] == "POST /undo",
              "the undo recorded under the account")
        status, _, page = editor.get("history")
        check(element(page, "notice") is not None, "the history page tells what was undone")

        # A viewer reads but changes nothing.
        viewer = Visitor(url)
        check(viewer.sign_in(VIEWER) == 303, "viewer signed in")
        status, _, page = viewer.get("units/1")
        check(status == 200 and 'id="edit-form"' not in page and 'id="unit-history"' in page,
              "a viewer sees the unit and its history, no forms")
        before = state()
        for path, data in forms.items():
            status, _, _ = viewer.post(path, data)
            check(status == 403, "a viewer's POST /%s: 403 (%d)" % (path, status))
        check(state() == before, "nothing changed by the viewer")
        status, _, _ = editor.post("units/9999/edit", {"name": "无此单位"})
        check(status == 404, "a unit that does not exist: 404 (%d)" % status)

        # The roster is kept between requests until the registry changes: what another process
        # commits meanwhile, and a change made through a form, are on the next page, in both languages.
        search = "units?q=" + urllib.parse.quote("缓存检查")
        for visitor in (editor, english):
            status, _, page = visitor.get(search)
            check(status == 200 and "缓存检查单位" not in page, "roster searched before the unit exists")
        result = cli("register", "缓存检查单位", "--joined", "2024-05-01", "--db", db, "--today", TODAY)
        check(result.returncode == 0, "the command line registers a unit while the server runs")
        for visitor in (editor, english):
            status, _, page = visitor.get(search)
            check(status == 200 and "缓存检查单位" in page, "the roster shows it at the next request")
        unit = next(row["id"] for row in json.loads(cli("list", "--format", "json", "--db", db, "--today", TODAY).stdout)
                    if row["name"] == "缓存检查单位")
        status, _, _ = editor.post("units/%d/edit" % unit, {"name": "缓存检查单位（已改名）", "on": "2024-06-01"})
        check(status == 303, "renamed through the form (%d)" % status)
        status, _, page = editor.get(search)
        # In the table, as a link to the unit (the notice above it names the new name too).
        check('href="/units/%d">缓存检查单位（已改名）<' % unit in page, "a rename through the form is on the roster at once")

        # Off this computer, without signing in: the history holds phone numbers, so it is not shown.
        outside = serve(db, "0.0.0.0:0")
        anonymous = Visitor(outside.replace("0.0.0.0", "127.0.0.1"))
        status, _, page = anonymous.get("units/1")
        check(status == 200 and 'id="edit-form"' not in page and "021-65550000" not in page
              and "POST /units/1/edit" not in page, "off this computer: a unit's page without forms or history")
        check(anonymous.get("history")[0] == 403 and anonymous.get("undo")[0] == 403,
              "off this computer: no history, no undo without signing in")
        before = state()
        status, _, _ = anonymous.post("units/1/edit", {"name": "匿名改名"})
        check(status == 403 and state() == before, "off this computer: no change without signing in (%d)" % status)

        # Nothing to undo in a new registry.
        check(cli("init", "--db", empty).returncode == 0, "empty registry created")
        local = Visitor(serve(empty))
        status, _, page = local.get("undo")
        check(status == 200 and element(page, "undo-refusal") and 'id="undo-form"' not in page,
              "nothing to undo: said, no button")
        status, _, page = local.post("undo", {"batch": "1"})
        check(status == 422 and element(page, "error"), "POST /undo with nothing to undo: 422")
        status, _, page = local.get("history")
        check(status == 200, "history of a new registry on this computer: 200")
    finally:
        for process in servers:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    return verdict("route check passed")


if __name__ == "__main__":
    sys.exit(main())
