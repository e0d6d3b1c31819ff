#!/usr/bin/env python3
"""Spreadsheets as offices make them, for the import readers' tests.

Writes, into the folder given as the only argument:
  *.xlsx            workbooks written by openpyxl (what a colleague's script or a web form
                    exports): date cells, numbers typed in a date column, the 1904 date system,
                    error cells, formulas without saved values, hidden and 说明 sheets, a title
                    row, a 序号 column, a 合计 row
  xlsxwriter-*.xlsx a formula with XlsxWriter's saved 0 (only when XlsxWriter is installed)
  csv-*.csv         CSV in UTF-8 with and without BOM, GBK and GB18030, with `,` `;` and tab
  lo/*.xlsx         files LibreOffice Calc converted (only when `soffice` is on PATH)
  tools.txt         which of the optional tools were there

Exit status 2 when openpyxl itself is missing (the tests then skip, saying so).
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
except ImportError:
    print("openpyxl is not installed: pip install openpyxl", file=sys.stderr)
    sys.exit(2)

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
JUNE_27 = datetime.date(2019, 6, 27)
TITLE = "欧阳路街道区域化党建共建单位名单（2019年）"


def path(name):
    return os.path.join(OUT, name)


def office_layout():
    """A hidden 说明 sheet first, then the list as the service centre keeps it."""
    wb = openpyxl.Workbook()
    note = wb.active
    note.title = "说明"
    note["A1"] = "填表说明：加入日期按 2019-06-27 填写"
    note.sheet_state = "hidden"
    lists = wb.create_sheet("下拉选项")
    lists["A1"] = "事业单位"
    lists.sheet_state = "veryHidden"
    ws = wb.create_sheet("单位名单")
    ws.append([TITLE])
    ws.merge_cells("A1:F1")
    ws.append(["填报单位：欧阳路街道党建服务中心", None, None, "填报日期：2019年7月1日"])
    ws.append(["序号", "单位\n名称", "单位性质", "加入日期（必填）", "联系电话", "备注"])
    ws.append([1, "复旦大学外文学院", "事业单位", JUNE_27, "13800000000", None])
    ws.append([2, "建设银行虹口支行", "国有企业", JUNE_27, 13812300000, "2019年联席会议签约"])
    ws.append([None, " ", None, None, None, None])
    ws.append([3, "浦发银行虹口支行", "国有企业", "2019-06-27", None, None])
    ws.append(["合计", None, "=COUNTA(B4:B7)", None, None, None])
    wb.save(path("office-layout.xlsx"))


def dates_as_numbers():
    """加入日期 typed as 2019.6, 2019.10 and 2019: numbers, not dates (Excel keeps 2019.1)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "单位"
    ws.append(["单位名称", "加入日期"])
    ws.append(["甲单位", 2019.6])
    ws.append(["乙单位", 2019.10])
    ws.append(["丙单位", 2019])
    ws.append(["丁单位", JUNE_27])
    wb.save(path("dates-as-numbers.xlsx"))


def date_1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["单位名称", "加入日期", "退出日期"])
    ws.append(["甲单位", JUNE_27, datetime.datetime(2020, 12, 31, 17, 30)])
    ws.append(["乙单位", datetime.date(1904, 1, 1), None])
    wb.save(path("date1904.xlsx"))


def errors_and_formulas():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["单位名称", "单位类别", "加入日期", "备注"])
    ws.append(["甲单位", "#N/A", JUNE_27, None])
    ws.append(["乙单位", "事业单位", JUNE_27, '=A3&"（共建）"'])
    ws.append(["丙单位", "#REF!", "=DATE(2019,6,27)", None])
    wb.save(path("errors-and-formulas.xlsx"))


def visible_note_first():
    """A visible 说明 sheet before the data: the first visible sheet is 说明."""
    wb = openpyxl.Workbook()
    note = wb.active
    note.title = "说明"
    note["A1"] = "请在“单位名单”表中填写"
    ws = wb.create_sheet("单位名单")
    ws.append(["单位名称", "加入日期"])
    ws.append(["甲单位", JUNE_27])
    wb.save(path("visible-note-first.xlsx"))


def rich_text():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["单位名称", "加入日期", "备注"])
    ws.append([CellRichText([TextBlock(InlineFont(b=True), "复旦大学"), "外文学院"]), JUNE_27, "a < b & \"c\""])
    ws.append(["  前后空格  ", JUNE_27, "两行\n备注"])
    wb.save(path("rich-text.xlsx"))


def xlsxwriter_formula():
    try:
        import xlsxwriter
    except ImportError:
        return False
    wb = xlsxwriter.Workbook(path("xlsxwriter-formula.xlsx"))
    ws = wb.add_worksheet("单位")
    dates = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, ["单位名称", "加入日期", "联系电话"])
    ws.write_formula(1, 0, '="甲"&"单位"')
    ws.write_datetime(1, 1, datetime.datetime(2019, 6, 27), dates)
    ws.write_formula(1, 2, "=1+1", None, 2)
    wb.close()
    return True


ROWS = [
    ["单位名称", "单位类别", "加入日期", "备注"],
    ["鲁迅小学", "学校", "2019-06-27", "第一行恰好是合法的UTF-8"],
    ["虹口区房管局", "党政机关", "2016-03-01", "含,逗号;分号\t制表符"],
    ["上海长远文化(集团)有限公司", "国有企业", "2016-03-01", '引号"在内'],
]


def quoted(cell, separator):
    if any(c in cell for c in ',;\t"\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def csv_files():
    separators = {"comma": ",", "semicolon": ";", "tab": "\t"}
    encodings = {"utf8": "utf-8", "utf8bom": "utf-8-sig", "gbk": "gbk", "gb18030": "gb18030"}
    for enc_name, codec in encodings.items():
        for sep_name, separator in separators.items():
            text = "".join(separator.join(quoted(c, separator) for c in row) + "\r\n" for row in ROWS)
            with open(path(f"csv-{enc_name}-{sep_name}.csv"), "wb") as out:
                out.write(text.encode(codec))
    # The office layout as Excel saves it as "CSV (逗号分隔)" on Chinese Windows: GBK, a title
    # row with trailing commas, 序号, a row of one space, 合计.
    layout = [
        [TITLE, "", "", "", ""],
        ["序号", "单位名称", "单位性质", "加入日期", "联系电话"],
        ["1", "复旦大学外文学院", "事业单位", "2019/6/27", "13800000000"],
        ["", " ", "", "", ""],
        ["2", "建设银行虹口支行", "国有企业", "2019/6/27", ""],
        ["合计", "2", "", "", ""],
    ]
    with open(path("csv-office-layout-gbk.csv"), "wb") as out:
        out.write("".join(",".join(row) + "\r\n" for row in layout).encode("gbk"))
    # GBK whose first 100 KB happen to be valid UTF-8 (鲁迅小学 and 学校 are): only the last
    # line is not.
    with open(path("csv-gbk-luxun.csv"), "wb") as out:
        out.write("单位名称,单位类别,加入日期\r\n鲁迅小学,学校,2019-06-27\r\n".encode("gbk"))
        for number in range(4000):
            out.write(f"School {number:04},学校,2019-06-27\r\n".encode("gbk"))
        out.write("虹口区房管局,党政机关,2016-03-01\r\n".encode("gbk"))


def libreoffice():
    """LibreOffice Calc's own XLSX: a CSV it parsed (dates detected) and an openpyxl workbook it
    opened and saved again (shared strings, its own styles)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return False
    folder = path("lo")
    os.makedirs(folder, exist_ok=True)
    source = os.path.join(OUT, "lo-source")
    os.makedirs(source, exist_ok=True)
    with open(os.path.join(source, "lo-from-csv.csv"), "w", encoding="utf-8") as out:
        out.write("单位名称,单位类别,加入日期,联系电话\n")
        out.write("复旦大学外文学院,事业单位,2019-06-27,13800000000\n")
        out.write("建设银行虹口支行,国有企业,2019.6,021-65000000\n")
    shutil.copy(path("date1904.xlsx"), os.path.join(source, "lo-date1904.xlsx"))
    shutil.copy(path("office-layout.xlsx"), os.path.join(source, "lo-office-layout.xlsx"))
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    try:
        # 44: comma, 34: quote, 76: UTF-8, 1: from line 1.
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--infilter=CSV:44,34,76,1",
             "--convert-to", "xlsx", "--outdir", folder, os.path.join(source, "lo-from-csv.csv")],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
             "--outdir", folder, os.path.join(source, "lo-date1904.xlsx"),
             os.path.join(source, "lo-office-layout.xlsx")],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return all(os.path.exists(os.path.join(folder, name))
               for name in ["lo-from-csv.xlsx", "lo-date1904.xlsx", "lo-office-layout.xlsx"])


office_layout()
dates_as_numbers()
date_1904()
errors_and_formulas()
visible_note_first()
rich_text()
csv_files()
tools = ["openpyxl"]
if xlsxwriter_formula():
    tools.append("xlsxwriter")
if libreoffice():
    tools.append("libreoffice")
with open(path("tools.txt"), "w") as out:
    out.write("\n".join(tools) + "\n")
