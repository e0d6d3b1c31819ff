#!/usr/bin/env python3
"""The seed corpus of fuzz-xlsx (Fuzz/Corpus/xlsx/): small real workbooks, each behind the
target's mode byte 0, and the XML of their parts behind mode byte 1 and a piece size.

  python3 Fuzz/make-xlsx-seeds.py .build/debug/gongjian

Workbooks: openpyxl's and LibreOffice's (Tests/Fixtures/make-office-files.py), gongjian's own
export of a small registry, and stored (not deflated) copies, so that mutations reach the XML
instead of stopping at the deflate stream.
"""
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fuzz", "Corpus", "xlsx")
gongjian = sys.argv[1]
work = tempfile.mkdtemp(prefix="xlsx-seeds-")
try:
    subprocess.run([sys.executable, os.path.join(ROOT, "Tests", "Fixtures", "make-office-files.py"), work], check=True)
    db = os.path.join(work, "seed.sqlite")
    env = dict(os.environ, GONGJIAN_TODAY="2026-11-27")
    subprocess.run([gongjian, "init", "--db", db, "--subdistrict", "欧阳路街道", "--district", "虹口区"], check=True,
                   env=env, stdout=subprocess.DEVNULL)
    csv = os.path.join(work, "seed.csv")
    with open(csv, "w", encoding="utf-8") as out:
        out.write("单位名称,单位类别,加入日期,退出日期,专项组,联系电话,备注\n")
        out.write("复旦大学外文学院,事业单位,2019-06-27,,文明创建专项组（牵头）,021-65000000,\"两行\n备注 & <x>\"\n")
        out.write("建设银行虹口支行,国有企业,2016-02-29,2018-12-31,,13800000000,=1+1\n")
    subprocess.run([gongjian, "import", "--db", db, csv], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run([gongjian, "export", "--db", db, "--format", "xlsx", "-o", os.path.join(work, "gongjian-export.xlsx")],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    books = {
        "openpyxl-office-layout": "office-layout.xlsx",
        "openpyxl-errors-formulas": "errors-and-formulas.xlsx",
        "openpyxl-date1904": "date1904.xlsx",
        "openpyxl-rich-text": "rich-text.xlsx",
        "xlsxwriter-formula": "xlsxwriter-formula.xlsx",
        "libreoffice-office-layout": "lo/lo-office-layout.xlsx",
        "libreoffice-from-csv": "lo/lo-from-csv.xlsx",
        "gongjian-export": "gongjian-export.xlsx",
    }
    os.makedirs(OUT, exist_ok=True)
    for name, file in books.items():
        path = os.path.join(work, file)
        if not os.path.exists(path):
            print(f"skipped {name}: {file} was not made", file=sys.stderr)
            continue
        data = open(path, "rb").read()
        with open(os.path.join(OUT, name), "wb") as out:
            out.write(b"\x00" + data)
        stored = io.BytesIO()
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as target:
            for info in source.infolist():
                target.writestr(info.filename, source.read(info.filename))
        with open(os.path.join(OUT, name + "-stored"), "wb") as out:
            out.write(b"\x00" + stored.getvalue())
        if name in ("openpyxl-office-layout", "libreoffice-office-layout", "gongjian-export"):
            with zipfile.ZipFile(path) as source:
                for part in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/sharedStrings.xml",
                             "xl/styles.xml", "xl/workbook.xml"):
                    if part in source.namelist():
                        leaf = part.split("/")[-1].replace(".xml", "")
                        with open(os.path.join(OUT, f"{name}-{leaf}.xml"), "wb") as out:
                            out.write(b"\x01\x07" + source.read(part))
finally:
    shutil.rmtree(work, ignore_errors=True)
