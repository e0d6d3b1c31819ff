"""What the browser view's checks share: where the built programs are, the environment they run
in (Chinese by default, `gongjian-web` on PATH), the list of failed checks, and the verdict.

`GONGJIAN_BIN` and `GONGJIAN_WEB_BIN` name other builds (CI's, a release build)."""
import os
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get("GONGJIAN_BIN", os.path.join(ROOT, ".build/debug/gongjian"))
WEB_DIR = os.path.dirname(os.environ.get("GONGJIAN_WEB_BIN", os.path.join(ROOT, "Web/.build/debug/gongjian-web")))
TODAY = "2024-06-30"
ENV = dict(os.environ, GONGJIAN_LANG="zh", PATH=WEB_DIR + ":" + os.environ.get("PATH", ""))

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def verdict(passed):
    """The exit status: 1 with the number of failed checks, or 0 and `passed`."""
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print(passed)
    return 0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to check (303 after a form), not to follow."""

    def redirect_request(self, *args, **kwargs):
        return None
