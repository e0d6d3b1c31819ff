#!/usr/bin/env python3
"""The browser view in a real browser (headless Chromium through Selenium), end to end.

Runs the built `gongjian` and `gongjian-web` (after `swift build` and
`swift build --package-path Web`) against a demo registry in a temporary folder:

- off this computer without accounts the server refuses to start;
- a form without its token (CSRF), or from another site, is refused (403) and nothing changes;
- a unit named with `<script>` is shown as text;
- in Chromium: sign in, read the roster (the same units as `gongjian list`), register a unit
  through the form, see it on its page and in the roster, and check with the command line that
  the registry holds it and that the history records the signed-in account; add a joint
  meeting and record a decision through their forms; switch to English.

Screenshots are kept in out/webcheck/ (or WEBCHECK_OUT) and should be looked at.
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
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from xml.sax.saxutils import escape as xml_escape

from webcheck import CLI, ENV, ROOT, TODAY, NoRedirect, check, verdict

OUT = os.environ.get("WEBCHECK_OUT", os.path.join(ROOT, "out/webcheck"))
ACCOUNT, PASSWORD = "测试员", "correct-horse-42"


def cli(*arguments, stdin=None):
    return subprocess.run([CLI, *arguments], env=ENV, input=stdin, capture_output=True, text=True, timeout=120)


def units(db, *filters):
    result = cli("list", *(filters or ["--all"]), "--format", "json", "--db", db, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def serve(db, listen):
    process = subprocess.Popen(
        [CLI, "serve", "--db", db, "--listen", listen, "--today", TODAY, "--by", "本机"],
        env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.match(r"listening on (http://\S+/)", line)
    return process, (match.group(1) if match else None)


def request(url, data=None, headers=None):
    opener = urllib.request.build_opener(NoRedirect)
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(urllib.request.Request(url, data=body, headers=headers or {}), timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def main():
    os.makedirs(OUT, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="webcheck-")
    db = os.path.join(folder, "registry.sqlite")
    server = None
    driver = None
    try:
        result = cli("demo", "--db", db, "--today", TODAY)
        check(result.returncode == 0, "demo registry created")
        before = units(db)

        # Off this computer, nobody may change the registry unasked: no accounts, no server.
        process, url = serve(db, "0.0.0.0:0")
        code = process.wait(timeout=60)
        error = process.stderr.read()
        check(code != 0 and url is None and "user add" in error, "off loopback without accounts: refused (%d)" % code)

        result = cli("user", "add", ACCOUNT, "--role", "editor", "--db", db, stdin=PASSWORD + "\n")
        check(result.returncode == 0, "account added with gongjian user add")
        check(PASSWORD not in open(db, "rb").read().decode("latin-1"), "the password is not stored as typed")

        server, url = serve(db, "127.0.0.1:0")
        check(url is not None, "server listening at %s" % url)

        # Security headers, CSRF and Origin, escaping.
        status, headers, page = request(url + "units")
        cookie = headers.get("Set-Cookie", "")
        check(status == 200, "roster answers 200")
        check("HttpOnly" in cookie and "SameSite=Strict" in cookie, "session cookie HttpOnly and SameSite=Strict")
        check("script-src" not in headers.get("Content-Security-Policy", "x") and
              "default-src 'none'" in headers.get("Content-Security-Policy", ""), "CSP without scripts")
        session = cookie.split(";")[0]
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        form = {"name": "未经许可的单位", "joined": "2024-06-01"}
        status, _, _ = request(url + "units", form, {"Cookie": session})
        check(status == 403, "form without its token: 403 (%d)" % status)
        status, _, _ = request(url + "units", dict(form, csrf="0" * 64), {"Cookie": session})
        check(status == 403, "form with a wrong token: 403 (%d)" % status)
        status, _, _ = request(url + "units", dict(form, csrf=token), {"Cookie": session, "Origin": "http://evil.example"})
        check(status == 403, "form from another site: 403 (%d)" % status)
        status, _, _ = request(url + "units", dict(form, csrf=token), {"Cookie": session, "Host": "evil.example"})
        check(status == 421, "another host name: refused (%d)" % status)
        check(units(db) == before, "nothing changed by the refused forms")
        xss = "<script>alert(1)</script>共建单位"
        status, headers, _ = request(url + "units", {"csrf": token, "name": xss, "joined": "2024-06-02"}, {"Cookie": session})
        check(status == 303, "a unit named with <script> registered (%d)" % status)
        status, _, page = request(url + "units?q=" + urllib.parse.quote("alert"), headers={"Cookie": session})
        check("<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page, "<script> shown as text")

        status, _, page = request(url + "accounts", headers={"Cookie": session})
        check(status == 200 and ACCOUNT in page and "$2" not in page, "accounts listed on this computer, no hashes")

        # A viewer signs in but cannot change anything; wrong passwords are throttled.
        result = cli("user", "add", "只读", "--role", "viewer", "--db", db, stdin=PASSWORD + "\n")
        check(result.returncode == 0, "viewer account added")
        _, headers, page = request(url + "login")
        fresh = headers.get("Set-Cookie", "").split(";")[0]
        fresh_token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        status, headers, _ = request(url + "login", {"csrf": fresh_token, "name": "只读", "password": PASSWORD},
                                     {"Cookie": fresh})
        viewer = headers.get("Set-Cookie", "").split(";")[0]
        check(status == 303 and viewer.startswith("gongjian_session=") and viewer != fresh,
              "viewer signed in with a new session id")
        _, _, page = request(url + "units", headers={"Cookie": viewer})
        viewer_token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        before = units(db)
        status, _, _ = request(url + "units", {"csrf": viewer_token, "name": "查看者登记的单位", "joined": "2024-06-03"},
                               {"Cookie": viewer})
        check(status == 403 and units(db) == before, "a viewer cannot register (%d), nothing changed" % status)
        result = cli("user", "remove", "只读", "--db", db)
        status, headers, page = request(url + "units", headers={"Cookie": viewer})
        check(result.returncode == 0 and "只读" not in re.search(r'id="who">([^<]*)<', page).group(1)
              and "gongjian_session=" in headers.get("Set-Cookie", ""), "a removed account is signed out at once")

        # A real browser.
        from selenium import webdriver
        from selenium.webdriver.common.by import By

        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                         "--lang=zh-CN"]:
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
        if os.path.exists("/usr/bin/chromium"):
            options.binary_location = "/usr/bin/chromium"
        service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        driver = webdriver.Chrome(options=options, service=service)
        driver.set_page_load_timeout(60)

        from selenium.webdriver.support.ui import WebDriverWait

        from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

        def click(element_id):
            """Clicks and waits for the next page to replace this one."""
            old = driver.find_element(By.TAG_NAME, "html")
            driver.find_element(By.ID, element_id).click()

            def replaced(_):
                try:
                    old.is_enabled()
                    return False
                except StaleElementReferenceException:
                    return True
                except WebDriverException as error:
                    # ChromeDriver sometimes reports the element of a page just left this way
                    # rather than as stale: the page was replaced all the same.
                    if "does not belong to the document" in str(error):
                        return True
                    raise

            WebDriverWait(driver, 30).until(replaced)

        driver.get(url + "login")
        driver.find_element(By.ID, "name").send_keys(ACCOUNT)
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        click("login-submit")
        check(driver.current_url.endswith("/units"), "signed in, on the roster")
        check(ACCOUNT in driver.find_element(By.ID, "who").text, "the header names the signed-in account")

        active = units(db, "--active-on", TODAY)
        driver.get(url)
        figure = driver.find_element(By.ID, "units-today").text
        check(str(len(active)) in figure, "overview counts %d units today: %s" % (len(active), figure))
        chart = driver.find_element(By.ID, "growth-chart")
        check(driver.execute_script("return arguments[0].naturalWidth", chart) > 0, "growth chart shown")
        driver.save_screenshot(os.path.join(OUT, "overview-zh.png"))
        status, headers, svg = request(url + "reports/growth.svg", headers={"Cookie": session})
        check(status == 200 and svg.lstrip().startswith("<") and "svg" in headers.get("Content-Type", ""),
              "growth chart downloads as SVG")
        opener = urllib.request.build_opener()
        opener.addheaders = [("Cookie", session)]
        with opener.open(url + "export.xlsx", timeout=60) as answer:
            workbook = answer.read()
        with open(os.path.join(OUT, "registry.xlsx"), "wb") as saved:
            saved.write(workbook)
        with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
            text = "".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".xml"))
        check(all(xml_escape(unit["name"]) in text for unit in active), "the XLSX download holds every unit")
        driver.get(url + "units")
        rows = driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
        names = [row.find_elements(By.TAG_NAME, "td")[1].text for row in rows]
        check(len(rows) == len(active), "roster shows %d units, the CLI lists %d in the alliance" % (len(rows), len(active)))
        check(sorted(names) == sorted(unit["name"] for unit in active), "roster names are the CLI's")
        driver.save_screenshot(os.path.join(OUT, "roster-zh.png"))

        click("nav-register")
        fields = {"name": "上海浏览器测试科技有限公司", "joined": "2024年6月18日", "kind": "两新组织",
                  "contact": "王晓燕", "phone": "021-65550123"}
        for key, value in fields.items():
            driver.find_element(By.ID, key).send_keys(value)
        click("register-submit")
        check(re.search(r"/units/\d+$", driver.current_url) is not None, "registered: on the unit's page")
        check(driver.find_element(By.ID, "unit-name").text == fields["name"], "unit page shows the name")
        check(fields["name"] in driver.find_element(By.ID, "notice").text, "the notice names the unit")
        driver.save_screenshot(os.path.join(OUT, "unit-zh.png"))

        added = [unit for unit in units(db) if unit["name"] == fields["name"]]
        check(len(added) == 1 and added[0]["joined_on"] == "2024-06-18" and added[0]["kind"] == "两新组织",
              "the registry holds the unit with its values")
        history = cli("history", "--format", "json", "--db", db)
        check(history.returncode == 0 and ACCOUNT in history.stdout, "the history records the signed-in account")

        # Edit the unit through the form on its page (folded away until opened).
        driver.find_element(By.CSS_SELECTOR, "#edit summary").click()
        kind = driver.find_element(By.ID, "edit-kind")
        kind.clear()
        kind.send_keys("社会组织")
        click("edit-submit")
        check("社会组织" in driver.find_element(By.ID, "unit-sheet").text and driver.find_elements(By.ID, "notice"),
              "edited through the form: the unit's page shows the new kind")
        check([unit for unit in units(db) if unit["name"] == fields["name"]][0]["kind"] == "社会组织",
              "the registry holds the edited kind")
        driver.save_screenshot(os.path.join(OUT, "unit-edited-zh.png"))
        driver.set_window_size(390, 844)
        driver.find_element(By.CSS_SELECTOR, "#withdraw summary").click()
        driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.ID, "unit-changes"))
        driver.save_screenshot(os.path.join(OUT, "unit-forms-phone-zh.png"))
        driver.set_window_size(1280, 900)

        click("nav-units")
        driver.find_element(By.ID, "q").send_keys("浏览器")
        click("apply-filters")
        rows = driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
        check(len(rows) == 1 and fields["name"] in rows[0].text, "search finds the new unit")

        click("nav-register")
        driver.find_element(By.ID, "name").send_keys("日期写错的单位")
        driver.find_element(By.ID, "joined").send_keys("2024-13-45")
        click("register-submit")
        check(len(driver.find_elements(By.ID, "joined-error")) == 1, "a bad date is refused next to its field")
        check(not [unit for unit in units(db) if unit["name"] == "日期写错的单位"], "nothing registered by the refused form")
        driver.save_screenshot(os.path.join(OUT, "refused-zh.png"))

        # The needs list: claim a need with its button and see it claimed; the overview and the
        # needs list on a phone; the growth report's XLSX downloaded by the browser.
        result = cli("need", "add", "社区助老志愿服务", "--category", "志愿服务", "--deadline", "2024-12-31",
                     "--db", db, "--today", TODAY)
        check(result.returncode == 0, "a need added with the command line")
        needs = json.loads(cli("need", "list", "--format", "json", "--db", db, "--today", TODAY).stdout)
        need = [n for n in needs if n["title"] == "社区助老志愿服务"][0]
        claimant = active[0]["name"]
        click("nav-needs")
        driver.save_screenshot(os.path.join(OUT, "needs-zh.png"))
        from selenium.webdriver.support.ui import Select

        Select(driver.find_element(By.ID, "claim-unit-%d" % need["id"])).select_by_visible_text(claimant)
        click("claim-%d" % need["id"])
        check(claimant in driver.find_element(By.ID, "notice").text, "claimed with the button: the notice names the unit")
        needs = json.loads(cli("need", "list", "--format", "json", "--db", db, "--today", TODAY).stdout)
        claimed = [n for n in needs if n["id"] == need["id"]][0]
        check(claimed["status"] == "claimed" and claimant in claimed["claimed_by"], "the registry holds the claim")
        driver.get(url + "lists/needs?show=all")
        rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
        check(any("社区助老志愿服务" in row and "已认领" in row and claimant in row for row in rows),
              "the needs list shows the need claimed")
        driver.save_screenshot(os.path.join(OUT, "needs-claimed-zh.png"))

        # A joint meeting added through its form, then a decision recorded on its page.
        click("nav-meetings")
        driver.find_element(By.CSS_SELECTOR, "#meeting-add summary").click()
        meeting = {"title": "2024年第二次区域化党建联席会议", "on": "2024年6月28日", "place": "街道党群服务中心"}
        for key, value in meeting.items():
            driver.find_element(By.ID, "meeting-add-" + key).send_keys(value)
        driver.save_screenshot(os.path.join(OUT, "meeting-add-zh.png"))
        click("meeting-add-submit")
        check(re.search(r"/meetings/\d+$", driver.current_url) is not None and
              driver.find_element(By.ID, "meeting-title").text == meeting["title"], "meeting added: on its page")
        driver.find_element(By.CSS_SELECTOR, "#decide summary").click()
        driver.find_element(By.ID, "decide-text").send_keys("同意启动楼组微更新项目")
        Select(driver.find_element(By.ID, "decide-kind")).select_by_value("projects")
        click("decide-submit")
        check(driver.find_elements(By.ID, "notice") and "同意启动楼组微更新项目" in
              driver.find_element(By.ID, "decisions").find_element(By.XPATH, "following-sibling::*[1]").text,
              "decision recorded through the form: the meeting's page lists it")
        meetings = json.loads(cli("meeting", "list", "--format", "json", "--db", db, "--today", TODAY).stdout)
        recorded = [m for m in meetings if m["title"] == meeting["title"]]
        check(len(recorded) == 1 and recorded[0]["held_on"] == "2024-06-28" and recorded[0]["decisions"] == 1,
              "the registry holds the meeting and its decision")
        history = json.loads(cli("history", "--format", "json", "--db", db).stdout)
        check(history[-1]["user"] == ACCOUNT, "the history records the decision under the signed-in account")
        driver.find_element(By.CSS_SELECTOR, "#followup-add summary").click()
        driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.ID, "meeting-changes"))
        driver.save_screenshot(os.path.join(OUT, "meeting-forms-zh.png"))
        driver.get(url)
        driver.save_screenshot(os.path.join(OUT, "overview-full-zh.png"))
        for name, path in [("groups-zh.png", "groups/1"), ("meeting-zh.png", "meetings/2"),
                           ("followups-zh.png", "followups?show=all"),
                           ("projects-zh.png", "lists/projects"), ("reports-zh.png", "reports?period=quarter&from=2017")]:
            driver.get(url + path)
            check(driver.find_elements(By.TAG_NAME, "h1") != [], "%s shown" % path)
            driver.save_screenshot(os.path.join(OUT, name))
        driver.get(url + "lists/projects")
        driver.find_element(By.CSS_SELECTOR, "#activity-add summary").click()
        driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.ID, "activity-add"))
        driver.save_screenshot(os.path.join(OUT, "projects-forms-zh.png"))
        driver.set_window_size(390, 844)
        for name, path in [("overview-phone-zh.png", ""), ("needs-phone-zh.png", "lists/needs?show=all")]:
            driver.get(url + path)
            overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            check(overflow <= 0, "%s: nothing wider than a phone's screen (%d px over)" % (name, overflow))
            driver.save_screenshot(os.path.join(OUT, name))
        driver.set_window_size(1280, 900)
        downloads = os.path.join(folder, "downloads")
        os.makedirs(downloads, exist_ok=True)
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        click("nav-reports")
        driver.find_element(By.ID, "report-xlsx").click()
        saved = os.path.join(downloads, "growth.xlsx")
        for _ in range(60):
            if os.path.exists(saved) and os.path.getsize(saved) > 0:
                break
            time.sleep(0.5)
        content = open(saved, "rb").read() if os.path.exists(saved) else b""
        check(content[:4] == b"PK\x03\x04", "the browser downloaded the growth report's XLSX")
        if content:
            shutil.copy(saved, os.path.join(OUT, "growth.xlsx"))
            try:
                import openpyxl

                book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
                check(len(book.worksheets) >= 1, "the downloaded XLSX opens as a workbook")
            except ImportError:
                pass

        click("switch-language")
        click("nav-units")
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "switched to English")
        driver.save_screenshot(os.path.join(OUT, "roster-en.png"))
        click("nav-register")
        driver.find_element(By.ID, "name").send_keys("Wrong date unit")
        driver.find_element(By.ID, "joined").send_keys("2024-13-45")
        click("register-submit")
        errors = driver.find_elements(By.ID, "joined-error")
        check(len(errors) == 1 and "2024-13-45" in errors[0].text and not re.search(r"[\u4e00-\u9fff]", errors[0].text),
              "the same refusal in English, next to its field")

        driver.set_window_size(390, 844)
        driver.get(url + "units/new")
        driver.save_screenshot(os.path.join(OUT, "register-phone-en.png"))
        driver.get(url + "lists/needs")
        check(driver.find_element(By.ID, "nav-needs").text == "Needs" or
              not re.search(r"[\u4e00-\u9fff]", driver.find_element(By.ID, "nav-needs").text),
              "the needs list in English")
        driver.save_screenshot(os.path.join(OUT, "needs-phone-en.png"))
        driver.set_window_size(1280, 900)

        # Off this computer, with accounts: readable without signing in, but no contacts, no
        # workbook, no changes.
        unit_id = added[0]["id"]
        outside, outside_url = serve(db, "0.0.0.0:0")
        try:
            check(outside_url is not None, "off loopback with accounts: listening")
            local = outside_url.replace("0.0.0.0", "127.0.0.1")
            status, headers, page = request(local + "units/%d" % unit_id)
            check(status == 200 and fields["name"] in page and fields["phone"] not in page
                  and fields["contact"] not in page, "unit page without contacts for someone not signed in")
            check(request(local + "export.xlsx")[0] == 403, "no workbook for someone not signed in")
            check(request(local + "accounts")[0] == 403, "no list of accounts for someone not signed in")
            anonymous = headers.get("Set-Cookie", "").split(";")[0]
            anonymous_token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
            before = units(db)
            status, _, _ = request(local + "units", {"csrf": anonymous_token, "name": "匿名登记", "joined": "2024-06-04"},
                                   {"Cookie": anonymous})
            check(status == 403 and units(db) == before, "no registration without signing in (%d)" % status)
        finally:
            outside.terminate()
            outside.wait(timeout=30)

        # Wrong passwords are throttled (last: it locks this address out for a while).
        _, headers, page = request(url + "login")
        fresh = headers.get("Set-Cookie", "").split(";")[0]
        fresh_token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
        statuses = []
        for attempt in range(6):
            statuses.append(request(url + "login", {"csrf": fresh_token, "name": ACCOUNT, "password": "wrong-%d" % attempt},
                                    {"Cookie": fresh})[0])
        check(statuses[:5] == [401] * 5 and statuses[5] == 429, "wrong passwords throttled: %s" % statuses)
    except Exception:
        if driver is not None:
            driver.save_screenshot(os.path.join(OUT, "failure.png"))
            with open(os.path.join(OUT, "failure.html"), "w") as page:
                page.write(driver.page_source)
        raise
    finally:
        if driver is not None:
            driver.quit()
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    print("screenshots in " + OUT)
    return verdict("browser check passed")


if __name__ == "__main__":
    sys.exit(main())
