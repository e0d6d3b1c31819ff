/// How the meeting pack looks on paper: A4 portrait, a Chinese font on every system, the
/// party-building red for rules and headings, tables that repeat their header on each page
/// and never split a row.
enum MeetingPackStyle {
  static let monospaceStack =
    "'Noto Sans Mono CJK SC', 'Sarasa Mono SC', 'DejaVu Sans Mono', Consolas, Menlo, monospace"

  static let accent = "#b3261e"

  static var css: String {
    """
    @page { size: A4 portrait; margin: 16mm 15mm 18mm 15mm; }
    html { font-family: \(ChartStyle.fontStack); color: #1f1f1f; font-size: 10.5pt; line-height: 1.55; }
    body { margin: 0 auto; max-width: 180mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    header.cover { border-top: 3pt solid \(accent); padding-top: 5mm; margin-bottom: 4mm; }
    h1 { font-size: 19pt; text-align: center; margin: 2mm 0 1.5mm; letter-spacing: 0.04em; }
    p.meta { text-align: center; color: #555; margin: 0 0 4mm; }
    nav.contents { border: 0.6pt solid #d8c4c1; background: #fbf6f5; padding: 2mm 5mm; margin: 0 0 2mm; }
    nav.contents h2 { font-size: 11pt; border: none; margin: 1mm 0; padding: 0; }
    nav.contents ol { list-style: none; margin: 0; padding: 0; columns: 2; column-gap: 8mm; }
    nav.contents li { margin: 0.6mm 0; }
    section.part { margin-top: 7mm; }
    section.keep { break-inside: avoid; page-break-inside: avoid; }
    section.long { break-before: page; page-break-before: always; }
    h2 { font-size: 13.5pt; color: \(accent); border-bottom: 1.2pt solid \(accent); padding-bottom: 1mm;
      margin: 0 0 2.5mm; break-after: avoid; page-break-after: avoid; }
    h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
    h4 { font-size: 10pt; margin: 3mm 0 1mm; color: #444; break-after: avoid; page-break-after: avoid; }
    p { margin: 1mm 0; }
    p.summary { font-weight: bold; }
    p.remark { color: #444; }
    p.meeting-meta { color: #444; font-size: 9.5pt; }
    p.empty { color: #777; }
    figure.chart { margin: 2mm 0 3mm; break-inside: avoid; page-break-inside: avoid; }
    figure.chart svg { display: block; box-sizing: border-box; width: 100%; height: auto; border: 0.5pt solid #e3e3e3; }
    table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.4; margin: 1.5mm 0; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    th, td { border: 0.5pt solid #b9b9b9; padding: 1mm 1.6mm; text-align: left; vertical-align: top;
      overflow-wrap: anywhere; }
    th { background: #f4e8e6; font-weight: bold; white-space: nowrap; }
    td.num, th.num { text-align: right; white-space: nowrap; padding-left: 0.9mm; padding-right: 0.9mm; }
    th.num { font-size: 8pt; white-space: normal; overflow-wrap: normal; min-width: 2.1em; }
    td.day, td.short { white-space: nowrap; }
    p.source { font-size: 8pt; color: #555; margin-top: 1.5mm; line-height: 1.7; }
    p.source code { font-family: \(monospaceStack); font-size: 8pt; background: #f3f3f3;
      border-radius: 1mm; padding: 0.2mm 1mm; white-space: nowrap; }
    article.meeting { margin-top: 3mm; }
    footer.colophon { margin-top: 8mm; font-size: 8pt; color: #777; border-top: 0.5pt solid #ccc; padding-top: 1.5mm; }
    @media screen { body { padding: 8mm 6mm; } }
    """
  }
}
