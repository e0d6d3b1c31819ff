#!/usr/bin/env python3
"""Hostile and damaged import files, made by hand the way an attacker or a broken download
makes them, for the import readers' regression tests. Writes into the folder given as the only
argument (about 230 MB, most of it the 200 MB CSV line; the bombs are a few MB of ZIP):

  bomb-lying-size.xlsx     a sheet that claims 4 KB and unpacks to 5 GiB
  bomb-honest-3g.xlsx      a sheet that says, truthfully, 3 GiB
  honest-1g.xlsx           a header, 1 GiB of whitespace, one row: big but legitimate
  small-deflated.xlsx      200 rows, deflated (the tests damage copies of it byte by byte)
  small-stored.xlsx        the same, stored (so that a damaged byte lands in the XML)
  crc-mismatch.xlsx        a sheet whose CRC-32 is wrong
  truncated-deflate.xlsx   a sheet whose deflate stream stops half way (sizes consistent)
  data-past-directory.xlsx a sheet whose data would run into the central directory
  sst-bomb.xlsx            100,000 cells pointing at one 9 MB shared string
  sst-at-limit.xlsx        100,000 cells pointing at one 32,767-character shared string
  doctype.xlsx             a "billion laughs" DOCTYPE in the sheet
  too-many-rows.xlsx       a row numbered 1,048,577
  too-many-columns.xlsx    a cell in column XFE
  bad-entry-name.xlsx      an entry named ../../evil.xml
  line-200mb.csv           one 200 MB line
  columns-10m.csv          a header of 10 million columns
"""
import os
import struct
import sys
import zlib

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
SHEET = "xl/worksheets/sheet1.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


class Part:
    """One entry: its name, its stored bytes (or pieces to write), CRC and sizes as claimed."""

    def __init__(self, name, data=None, method=8, pieces=None, crc=None, size=None, compressed_size=None):
        self.name = name
        self.method = method
        if data is not None:
            raw = data.encode("utf-8") if isinstance(data, str) else data
            if method == 8:
                c = zlib.compressobj(6, zlib.DEFLATED, -15)
                self.pieces = [c.compress(raw) + c.flush()]
            else:
                self.pieces = [raw]
            self.crc = zlib.crc32(raw)
            self.size = len(raw)
        else:
            self.pieces = pieces
            self.crc = crc
            self.size = size
        self.compressed_size = compressed_size if compressed_size is not None else sum(len(p) for p in self.pieces)


def write_zip(name, parts):
    with open(os.path.join(OUT, name), "wb") as out:
        directory = b""
        for part in parts:
            offset = out.tell()
            encoded = part.name.encode("utf-8")
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x0800, part.method, 0, 0x21,
                                  part.crc & 0xFFFFFFFF, part.compressed_size, part.size, len(encoded), 0))
            out.write(encoded)
            for piece in part.pieces:
                out.write(piece)
            directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x0800, part.method, 0, 0x21,
                                     part.crc & 0xFFFFFFFF, part.compressed_size, part.size, len(encoded), 0, 0,
                                     0, 0, 0, offset) + encoded
        start = out.tell()
        out.write(directory)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), start, 0))


def workbook_parts(sheet, shared=None):
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>')
    root = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    book = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
            '<sheet name="单位" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            + (f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>' if shared else "")
            + "</Relationships>")
    parts = [Part("[Content_Types].xml", types), Part("_rels/.rels", root), Part("xl/workbook.xml", book),
             Part("xl/_rels/workbook.xml.rels", rels)]
    if shared is not None:
        parts.append(shared)
    parts.append(sheet)
    return parts


SHEET_START = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
SHEET_END = "</sheetData></worksheet>"
HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>单位名称</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>加入日期</t></is></c></row>')


def unit_row(number):
    return (f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>测试单位{number:04}</t></is></c>'
            f'<c r="B{number}" t="inlineStr"><is><t>2019-06-27</t></is></c></row>')


def repeated(prefix, chunk, count, suffix, honest_crc):
    """A sheet of prefix + chunk × count + suffix, deflated once per distinct piece: after a full
    flush deflate refers to nothing before, so the chunk's compressed bytes can be repeated."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.compress(suffix) + c.flush(zlib.Z_FINISH)
    size = len(prefix) + len(chunk) * count + len(suffix)
    crc = 0
    if honest_crc:
        crc = zlib.crc32(prefix)
        for _ in range(count):
            crc = zlib.crc32(chunk, crc)
        crc = zlib.crc32(suffix, crc)
    pieces = [head] + [block] * count + [tail]
    return pieces, crc, size


MIB = 1 << 20
spaces = b" " * MIB

pieces, _, _ = repeated(SHEET_START.encode() + HEADER_ROW.encode(), spaces, 5 * 1024, SHEET_END.encode(), False)
write_zip("bomb-lying-size.xlsx", workbook_parts(Part(SHEET, pieces=pieces, crc=0, size=4096)))

pieces, crc, size = repeated(SHEET_START.encode(), spaces, 3 * 1024, SHEET_END.encode(), False)
write_zip("bomb-honest-3g.xlsx", workbook_parts(Part(SHEET, pieces=pieces, crc=crc, size=size)))

pieces, crc, size = repeated((SHEET_START + HEADER_ROW).encode(), spaces, 1024,
                             (unit_row(2) + SHEET_END).encode(), True)
write_zip("honest-1g.xlsx", workbook_parts(Part(SHEET, pieces=pieces, crc=crc, size=size)))

small = SHEET_START + HEADER_ROW + "".join(unit_row(n) for n in range(2, 202)) + SHEET_END
write_zip("small-deflated.xlsx", workbook_parts(Part(SHEET, small)))
write_zip("small-stored.xlsx", workbook_parts(Part(SHEET, small, method=0)))

wrong = Part(SHEET, small)
wrong.crc ^= 1
write_zip("crc-mismatch.xlsx", workbook_parts(wrong))

cut = Part(SHEET, small)
cut.pieces = [cut.pieces[0][: len(cut.pieces[0]) // 2]]
cut.compressed_size = len(cut.pieces[0])
write_zip("truncated-deflate.xlsx", workbook_parts(cut))

past = Part(SHEET, small)
past.compressed_size += 100_000
write_zip("data-past-directory.xlsx", workbook_parts(past))

shared_head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="3" uniqueCount="3">'
shared_names = "<si><t>单位名称</t></si><si><t>加入日期</t></si>"
pointing = (SHEET_START + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
            + "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>2</v></c></row>' for n in range(2, 100_002)) + SHEET_END)
write_zip("sst-bomb.xlsx", workbook_parts(
    Part(SHEET, pointing), Part("xl/sharedStrings.xml", shared_head + shared_names + "<si><t>"
                                + "长" * (3 * MIB) + "</t></si></sst>")))
write_zip("sst-at-limit.xlsx", workbook_parts(
    Part(SHEET, pointing), Part("xl/sharedStrings.xml", shared_head + shared_names + "<si><t>"
                                + "长" * 32_767 + "</t></si></sst>")))

laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
          f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c>'
          '</row></sheetData></worksheet>')
write_zip("doctype.xlsx", workbook_parts(Part(SHEET, laughs)))

write_zip("too-many-rows.xlsx", workbook_parts(Part(
    SHEET, SHEET_START + HEADER_ROW + unit_row(2) + unit_row(1_048_577) + SHEET_END)))
write_zip("too-many-columns.xlsx", workbook_parts(Part(
    SHEET, SHEET_START + HEADER_ROW + '<row r="2"><c r="XFE2"><v>1</v></c></row>' + SHEET_END)))

evil = workbook_parts(Part(SHEET, small))
evil.append(Part("../../evil.xml", "<x/>"))
write_zip("bad-entry-name.xlsx", evil)

with open(os.path.join(OUT, "line-200mb.csv"), "wb") as out:
    out.write("单位名称,加入日期\n".encode())
    for _ in range(200):
        out.write(b"a" * MIB)
    out.write(b",2019-06-27\n")
with open(os.path.join(OUT, "columns-10m.csv"), "wb") as out:
    out.write(b"a," * 10_000_000 + b"a\n")
