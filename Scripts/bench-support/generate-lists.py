#!/usr/bin/env python3
"""Deterministic lists for the report benchmarks: resources, needs, projects and service records
(activities), written straight into a registry that already holds units (one made by
`gongjian init` + `gongjian import` of generate.py's units).

Usage: generate-lists.py REGISTRY.sqlite [SEED] [--projects N] [--activities N] [--needs N] [--resources N]
Defaults: seed 20191, 100k projects, 1M activities, 100k needs, 50k resources; today 2026-11-27.

Why direct SQL and not `gongjian project import` / `activity import`: those go through the
registry's operations row by row (a look-up of every unit named, the alliance checked on each
day, one status change at a time), which at a million service records takes the better part of
an hour; the reports only read the tables. The rows written here are the rows those operations
write (Migrations/0005_lists_and_projects.sql), with the same rules kept:
  - every unit named (raiser, claimant, lead, taking part) is in the alliance, joined on or
    before the day it is named (units are drawn from those with an open period);
  - statuses only move forward, each change on or after the one before and not after today;
    every change is a row of need_status_change / project_status_change, and the item's
    `status` / `status_on` are its last change;
  - a need is 'claimed' from its first claim; a project's first claimant is its lead;
  - service records only while their project ran (from its start to its end, or today), with
    the lead taking part, and a project finished no earlier than its last service record;
  - titles' keys are the titles themselves (Chinese text and ASCII digits: what gongjian's
    name key makes of them).
The list tables' indexes are dropped while the rows go in and made again after them, from the
same migration text (so `gongjian check` still finds the schema it expects).
"""
import datetime
import os
import random
import re
import sqlite3
import sys

TODAY = datetime.date(2026, 11, 27)
FIRST = datetime.date(2016, 1, 1)
CREATED = "2026-11-27T00:00:00Z"
CATEGORIES = ["志愿服务", "为老服务", "文化活动", "法律援助", "环境整治", "就业帮扶", "青少年教育", "其他"]
CATEGORY_WEIGHTS = [30, 15, 15, 8, 10, 8, 9, 5]
LEVELS = ["街区联建", "责任区共建", "楼组自建", None]
PLACES = ["欧阳", "曲阳", "北外滩", "四川北路", "嘉兴路", "江湾", "凉城", "广中"]
RESOURCES = ["会议室", "党员志愿者", "法律咨询", "义诊", "活动场地", "培训课程", "慈善资金", "图书角"]
NEEDS = ["助餐", "助浴", "加装电梯协调", "楼道整治", "青少年托管", "法律咨询", "就业指导", "文艺演出"]
PROJECTS = ["邻里守望", "红色课堂", "银龄互助", "美丽楼道", "暑期学堂", "法治进社区", "健康义诊", "文化惠民"]
LIST_TABLES = ("resource", "need", "need_status_change", "project", "project_status_change", "project_need",
               "project_resource", "project_unit", "claim", "activity", "activity_unit")


def iso(day):
    return day.isoformat()


def later(day, days, rng):
    """A day 0..days after `day`, never after today."""
    return min(day + datetime.timedelta(days=rng.randint(0, days)), TODAY)


def main():
    args = sys.argv[1:]
    options = {"--projects": 100_000, "--activities": 1_000_000, "--needs": 100_000, "--resources": 50_000}
    positional = []
    while args:
        head = args.pop(0)
        if head in options:
            options[head] = int(args.pop(0))
        else:
            positional.append(head)
    path = positional[0]
    rng = random.Random(int(positional[1]) if len(positional) > 1 else 20191)
    migration = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Migrations",
                                  "0005_lists_and_projects.sql"), encoding="utf-8").read()
    index_sql = [statement.strip() + ";" for statement in re.findall(r"(CREATE (?:UNIQUE )?INDEX [^;]+);", migration)
                 if re.search(r"\bON (%s) " % "|".join(LIST_TABLES), statement)]

    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA cache_size = -65536")
    db.execute("BEGIN IMMEDIATE")
    for table in LIST_TABLES:
        if db.execute("SELECT count(*) FROM %s" % table).fetchone()[0]:
            sys.exit("generate-lists: %s already has rows" % table)
    # Units with an open period, by joining day: whoever is named on a day joined on or before it.
    members = db.execute(
        "SELECT unit_id, joined_on FROM membership WHERE left_on IS NULL ORDER BY unit_id").fetchall()
    members = [(unit, datetime.date.fromisoformat(joined)) for unit, joined in members]

    def member_on(day):
        while True:
            unit, joined = members[rng.randrange(len(members))]
            if joined <= day:
                return unit

    def some_day(start=FIRST):
        return start + datetime.timedelta(days=rng.randint(0, (TODAY - start).days))

    dropped = []
    for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (%s)"
            % ",".join("'%s'" % t for t in LIST_TABLES)).fetchall():
        db.execute("DROP INDEX %s" % name)
        dropped.append(name)

    resources = []
    for rid in range(1, options["--resources"] + 1):
        start = some_day()
        unit = member_on(start)
        title = "%s%s%d" % (rng.choice(PLACES), rng.choice(RESOURCES), rid)
        until = later(start, 900, rng) if rng.random() < 0.3 else None
        withdrawn = later(start, 900, rng) if rng.random() < 0.1 else None
        resources.append((rid, unit, title, title, rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0], iso(start),
                          until and iso(until), withdrawn and iso(withdrawn), CREATED))
    db.executemany("""INSERT INTO resource (id, unit_id, title, title_key, category, available_from, available_until,
                      withdrawn_on, created_at) VALUES (?,?,?,?,?,?,?,?,?)""", resources)

    needs, changes, claims = [], [], []
    for nid in range(1, options["--needs"] + 1):
        raised = some_day()
        roll = rng.random()
        by_unit = member_on(raised) if roll < 0.4 else None
        by_text = (rng.choice(PLACES) + "居民区") if 0.4 <= roll < 0.8 else None
        title = "%s%s%d" % (rng.choice(PLACES), rng.choice(NEEDS), nid)
        status, status_on = "open", raised
        changes.append((nid, "open", iso(raised)))
        roll = rng.random()
        if roll < 0.6:
            claimed = later(raised, 60, rng)
            claims.append((member_on(claimed), nid, None, iso(claimed), CREATED))
            changes.append((nid, "claimed", iso(claimed)))
            status, status_on = "claimed", claimed
            if rng.random() < 0.5:
                met = later(claimed, 90, rng)
                changes.append((nid, "met", iso(met)))
                status, status_on = "met", met
        elif roll < 0.7:
            closed = later(raised, 60, rng)
            changes.append((nid, "closed", iso(closed)))
            status, status_on = "closed", closed
        deadline = iso(later(raised, 120, rng)) if rng.random() < 0.5 else None
        people = rng.randint(1, 200) if rng.random() < 0.7 else None
        needs.append((nid, title, title, rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0], by_unit, by_text, iso(raised),
                      people, deadline, status, iso(status_on), CREATED))
    db.executemany("""INSERT INTO need (id, title, title_key, category, raised_by_unit_id, raised_by, raised_on, people,
                      deadline, status, status_on, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""", needs)
    db.executemany("INSERT INTO need_status_change (need_id, status, changed_on) VALUES (?,?,?)", changes)

    projects, changes, units, links_need, links_resource = [], [], [], [], []
    running = []   # (project id, lead, other units, first day, last day) of projects that ran
    for pid in range(1, options["--projects"] + 1):
        proposed = some_day()
        title = "%s%s%d" % (rng.choice(PLACES), rng.choice(PROJECTS), pid)
        category = rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0]
        status, status_on, lead = "proposed", proposed, None
        changes.append((pid, "proposed", iso(proposed)))
        others = sorted({member_on(proposed) for _ in range(rng.choice([0, 0, 1, 1, 2, 3]))})
        roll = rng.random()
        if roll < 0.75:
            claimed = later(proposed, 30, rng)
            lead = member_on(claimed)
            others = [u for u in others if u != lead]
            claims.append((lead, None, pid, iso(claimed), CREATED))
            changes.append((pid, "claimed", iso(claimed)))
            status, status_on = "claimed", claimed
            if rng.random() < 0.8:
                started = later(claimed, 30, rng)
                changes.append((pid, "running", iso(started)))
                status, status_on = "running", started
                ended = started + datetime.timedelta(days=rng.randint(30, 900))
                final = rng.choices(["done", "dropped", "running"], [60, 10, 30])[0]
                if ended > TODAY or final == "running":
                    running.append([pid, lead, others, started, None, None])
                else:
                    running.append([pid, lead, others, started, ended, final])
        elif roll < 0.85:
            dropped_on = later(proposed, 100, rng)
            changes.append((pid, "dropped", iso(dropped_on)))
            status, status_on = "dropped", dropped_on
        for unit in others:
            units.append((pid, unit))
        if rng.random() < 0.3:
            links_need.append((pid, rng.randint(1, options["--needs"])))
        if rng.random() < 0.2:
            links_resource.append((pid, rng.randint(1, options["--resources"])))
        projects.append([pid, title, title, category, rng.choice(LEVELS), lead, iso(proposed), status, iso(status_on),
                         CREATED])

    # Service records: each to a project that ran, on a day while it ran; its lead took part,
    # and sometimes one of the other units. A finished project ends on or after its last record.
    activities, activity_units = [], []
    last_day = {}
    for aid in range(1, options["--activities"] + 1):
        pid, lead, others, started, ended, _ = running[rng.randrange(len(running))]
        day = started + datetime.timedelta(days=rng.randint(0, ((ended or TODAY) - started).days))
        last_day[pid] = max(last_day.get(pid, day), day)
        activities.append((aid, pid, iso(day), rng.randint(1, 30), rng.randint(1, 200) / 2, rng.randint(0, 500),
                           CREATED))
        activity_units.append((aid, lead))
        if others and rng.random() < 0.3:
            activity_units.append((aid, rng.choice(others)))
    for pid, lead, others, started, ended, final in running:
        if final is not None:
            changes.append((pid, final, iso(ended)))
            projects[pid - 1][7], projects[pid - 1][8] = final, iso(ended)
    db.executemany("""INSERT INTO project (id, title, title_key, category, level, lead_unit_id, proposed_on, status,
                      status_on, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)""", projects)
    db.executemany("INSERT INTO project_status_change (project_id, status, changed_on) VALUES (?,?,?)", changes)
    db.executemany("INSERT INTO project_unit (project_id, unit_id) VALUES (?,?)", units)
    db.executemany("INSERT OR IGNORE INTO project_need (project_id, need_id) VALUES (?,?)", links_need)
    db.executemany("INSERT OR IGNORE INTO project_resource (project_id, resource_id) VALUES (?,?)", links_resource)
    db.executemany("INSERT INTO claim (unit_id, need_id, project_id, claimed_on, created_at) VALUES (?,?,?,?,?)",
                   claims)
    db.executemany("""INSERT INTO activity (id, project_id, happened_on, volunteers, hours, served, created_at)
                      VALUES (?,?,?,?,?,?,?)""", activities)
    db.executemany("INSERT INTO activity_unit (activity_id, unit_id) VALUES (?,?)", activity_units)

    for statement in index_sql:
        db.execute(statement)
    made = {row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    missing = [name for name in dropped if name not in made]
    if missing:
        sys.exit("generate-lists: indexes not made again: %s" % ", ".join(missing))
    db.execute("COMMIT")
    db.close()


if __name__ == "__main__":
    main()
