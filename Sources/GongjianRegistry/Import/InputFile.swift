#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An import file open for reading at any offset. A regular file is read where it is. Anything
/// else (a pipe, `/dev/stdin`, a FIFO, a device) is first copied to a private temporary file:
/// waiting on such input then never happens while the registry is locked for the import, the
/// file can be read twice (a CSV's encoding is decided on the whole of it), and a workbook,
/// whose table of contents is at its end, can be read at all.
final class InputFile {
  let descriptor: Int32
  /// The size when opened (or spooled).
  let size: Int
  let isSpooled: Bool

  /// Opens `path`. `lineLimit`, for CSV: piped input with a run of more bytes than this without
  /// a line break is a record too long to import, and copying stops there (so `/dev/zero` ends
  /// at once).
  init(path: String, limits: InputLimits, lineLimit: Int? = nil) throws {
    let handle = open(path, O_RDONLY | O_CLOEXEC)
    guard handle >= 0 else { throw InputProblem.cannotOpen(path: path, errno: errno) }
    var info = stat()
    guard fstat(handle, &info) == 0 else {
      let code = errno
      close(handle)
      throw InputProblem.cannotOpen(path: path, errno: code)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      descriptor = handle
      size = Int(info.st_size)
      isSpooled = false
    case S_IFDIR:
      close(handle)
      throw InputProblem.isFolder(path: path)
    default:
      defer { close(handle) }
      (descriptor, size) = try InputFile.spool(handle, limits: limits, lineLimit: lineLimit)
      isSpooled = true
    }
  }

  deinit { close(descriptor) }

  /// Reads up to `buffer.count` bytes at `offset`; 0 only at the end of the file.
  func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let count = pread(descriptor, base, buffer.count, off_t(offset))
      if count >= 0 { return count }
      if errno == EINTR { continue }
      throw InputProblem.readFailed(errno: errno)
    }
  }

  /// Fills `buffer` from `offset`; false when the file ends first.
  func readFully(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Bool {
    var done = 0
    while done < buffer.count {
      let count = try read(at: offset + done, into: UnsafeMutableRawBufferPointer(rebasing: buffer[done...]))
      if count == 0 { return false }
      done += count
    }
    return true
  }

  /// Copies `source` to a temporary file that only this process can reach: created 0600 and
  /// unlinked at once, so nothing is left behind whatever happens next.
  private static func spool(_ source: Int32, limits: InputLimits, lineLimit: Int?) throws -> (Int32, Int) {
    let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array("\(folder)/.gongjian-input-XXXXXX".utf8CString)
    let target = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard target >= 0 else { throw InputProblem.spoolFailed(errno: errno) }
    _ = fcntl(target, F_SETFD, FD_CLOEXEC)
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    var lines = LineRun(limit: lineLimit)
    var total = 0
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
    defer { chunk.deallocate() }
    do {
      while true {
        let count = readDescriptor(source, chunk.baseAddress!, chunk.count)
        if count < 0 {
          if errno == EINTR { continue }
          throw InputProblem.readFailed(errno: errno)
        }
        if count == 0 { break }
        total += count
        guard total <= limits.spoolBytes else { throw InputProblem.inputTooLarge(limit: limits.spoolBytes) }
        let bytes = UnsafeRawBufferPointer(rebasing: chunk[..<count])
        try lines.check(bytes)
        var written = 0
        while written < count {
          let result = write(target, bytes.baseAddress! + written, count - written)
          if result < 0 {
            if errno == EINTR { continue }
            throw InputProblem.spoolFailed(errno: errno)
          }
          written += result
        }
      }
    } catch {
      close(target)
      throw error
    }
    return (target, total)
  }

  /// The longest run of bytes without a line break, as piped input streams past: any such run
  /// lies inside one record, so one longer than the record limit is a record too long.
  private struct LineRun {
    let limit: Int?
    var run = 0
    var line = 1
    var runLine = 1
    var afterCR = false

    mutating func check(_ bytes: UnsafeRawBufferPointer) throws {
      guard let limit else { return }
      for byte in bytes {
        if byte == 0x0A {
          if !afterCR { line += 1 }
          afterCR = false
          run = 0
        } else if byte == 0x0D {
          line += 1
          afterCR = true
          run = 0
        } else {
          if run == 0 { runLine = line }
          afterCR = false
          run += 1
          if run > limit { throw InputProblem.recordTooLong(line: runLine, limit: limit) }
        }
      }
    }
  }
}

/// `read(2)`, under a name that `InputFile.read(at:into:)` does not hide.
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
