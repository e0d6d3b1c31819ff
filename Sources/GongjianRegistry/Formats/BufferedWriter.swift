#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Bytes to a file descriptor through a 64 KiB buffer, so a million-row export makes a few
/// thousand write(2) calls rather than millions. The first failed write is kept (`failure`)
/// and later bytes are dropped, so the caller reports one error at the end.
public final class BufferedWriter {
  public let descriptor: Int32
  /// The errno of the first failed write, or 0.
  public private(set) var failure: Int32 = 0
  private var buffer: [UInt8] = []

  private static let capacity = 1 << 16

  public init(descriptor: Int32) {
    self.descriptor = descriptor
    buffer.reserveCapacity(BufferedWriter.capacity)
  }

  public func write(_ text: String) {
    var copy = text
    copy.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
  }

  public func write(bytes: UnsafeRawBufferPointer) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= BufferedWriter.capacity { flush() }
  }

  /// Writes out what is buffered.
  public func flush() {
    if failure == 0 {
      failure = buffer.withUnsafeBytes { BufferedWriter.writeAll(descriptor, $0) }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes every byte, retrying after signals and short writes. Returns 0 or the errno.
  @discardableResult
  public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    guard let base = bytes.baseAddress else { return 0 }
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return written < 0 ? errno : EIO }
      offset += written
    }
    return 0
  }
}

/// XML text for SVG and SpreadsheetML: markup escaped, and the characters XML 1.0 cannot hold
/// at all (control characters other than tab and line breaks, U+FFFE, U+FFFF) left out.
public enum XMLText {
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default:
        if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
        if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
