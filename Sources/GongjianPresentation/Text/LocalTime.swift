import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Times stored in UTC (`2026-12-07T10:07:15Z`), shown in the machine's time zone (`TZ`): a
/// change made at 06:55 in Shanghai is on that day, not the day before.
public enum LocalTime {
  /// `2026-12-07 18:07`, or the text as stored when it is not such a time.
  public static func minutes(_ stored: String) -> String {
    let bytes = Array(stored.utf8)
    guard bytes.count >= 19, let day = Day(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
      let hour = Int(String(decoding: bytes[11..<13], as: UTF8.self)),
      let minute = Int(String(decoding: bytes[14..<16], as: UTF8.self)),
      let second = Int(String(decoding: bytes[17..<19], as: UTF8.self))
    else { return stored }
    var instant = time_t(day.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second)
    var parts = tm()
    guard localtime_r(&instant, &parts) != nil else { return stored }
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
      + "\(two(parts.tm_hour)):\(two(parts.tm_min))"
  }
}
