/// How charts and pages look: fonts that have Chinese on Windows, macOS and Linux, and colours.
enum ChartStyle {
  static let fontStack =
    "'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', "
    + "'WenQuanYi Micro Hei', SimHei, sans-serif"
  static let palette = [
    "#c0392b", "#e6a23c", "#2e86c1", "#27ae60", "#8e44ad", "#16a085", "#d35400", "#7f8c8d", "#2c3e50", "#f1c40f",
  ]
  static let totalColor = "#c0392b"
  static let joinedColor = "#e6a23c"
}
