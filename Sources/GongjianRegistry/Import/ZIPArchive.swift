/// The table of contents of a ZIP archive (an XLSX workbook), read from its central directory:
/// what each part is called, how it is stored, its checksum and where its data lies. Nothing
/// the archive claims is trusted further than it can be checked: the directory must lie inside
/// the file, entries are counted and bounded, names are plain relative paths, and the sizes an
/// entry claims are only compared with what unpacking actually produces (`ZIPPartReader`).
///
/// No ZIP64 (a workbook to import is far below 4 GiB), no split archives, no encryption: each
/// refused with its own problem.
final class ZIPArchive {
  struct Entry {
    /// The name as stored (OPC part names; compared without regard to ASCII case).
    var name: String
    var flags: UInt16
    var method: UInt16
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int
  }

  let file: InputFile
  let limits: InputLimits
  /// Entries by lower-cased name.
  private(set) var entries: [String: Entry] = [:]
  /// Where the central directory starts: every entry's data lies before it.
  private let directoryOffset: Int
  /// Bytes unpacked from every part so far, against `limits.workbookBytes`.
  var unpackedBytes = 0

  init(file: InputFile, limits: InputLimits) throws {
    self.file = file
    self.limits = limits
    let size = file.size
    guard size >= 22 else { throw try ZIPArchive.notZip(file) }
    // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535 bytes.
    let tailLength = min(size, 22 + 0xFFFF)
    var tail = [UInt8](repeating: 0, count: tailLength)
    guard try tail.withUnsafeMutableBytes({ try file.readFully(at: size - tailLength, into: $0) }) else {
      throw InputProblem.readFailed(errno: 0)
    }
    var found: Int?
    var index = tailLength - 22
    while index >= 0 {
      if tail[index] == 0x50 && tail[index + 1] == 0x4B && tail[index + 2] == 0x05 && tail[index + 3] == 0x06 {
        let commentLength = Int(ZIPArchive.u16(tail, index + 20))
        if index + 22 + commentLength <= tailLength {
          found = index
          break
        }
      }
      index -= 1
    }
    guard let end = found else { throw try ZIPArchive.notZip(file) }
    let disk = ZIPArchive.u16(tail, end + 4)
    let directoryDisk = ZIPArchive.u16(tail, end + 6)
    let entriesOnDisk = ZIPArchive.u16(tail, end + 8)
    let entryCount = ZIPArchive.u16(tail, end + 10)
    let directorySize = ZIPArchive.u32(tail, end + 12)
    let directoryOffset = ZIPArchive.u32(tail, end + 16)
    // A ZIP64 locator sits just before the record; 0xFFFF… values send the reader there.
    let locator = end - 20
    if (locator >= 0 && tail[locator] == 0x50 && tail[locator + 1] == 0x4B && tail[locator + 2] == 0x06
      && tail[locator + 3] == 0x07) || entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF
      || directoryOffset == 0xFFFF_FFFF
    {
      throw InputProblem.zip64
    }
    guard disk == 0, directoryDisk == 0, entriesOnDisk == entryCount else { throw InputProblem.splitArchive }
    guard Int(entryCount) <= limits.zipEntries else { throw InputProblem.tooManyEntries(limit: limits.zipEntries) }
    let endOffset = size - tailLength + end
    guard Int(directorySize) <= limits.zipDirectoryBytes, Int(directoryOffset) + Int(directorySize) <= endOffset
    else { throw InputProblem.zipDirectoryDamaged }
    self.directoryOffset = Int(directoryOffset)
    var directory = [UInt8](repeating: 0, count: Int(directorySize))
    guard try directory.withUnsafeMutableBytes({ try file.readFully(at: Int(directoryOffset), into: $0) }) else {
      throw InputProblem.zipDirectoryDamaged
    }
    try readDirectory(directory, count: Int(entryCount))
  }

  /// Not a ZIP archive, or not a whole one: an OLE compound file (.xls, or a workbook with a
  /// password) says so by its first bytes, and a file cut short starts as a ZIP archive but
  /// lacks the directory at its end.
  private static func notZip(_ file: InputFile) throws -> InputProblem {
    var start = [UInt8](repeating: 0, count: 8)
    let complete = try start.withUnsafeMutableBytes { try file.readFully(at: 0, into: $0) }
    if complete && start == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] { return .compoundFile }
    if start.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .archiveTruncated }
    return .notZip
  }

  private func readDirectory(_ directory: [UInt8], count: Int) throws {
    var offset = 0
    for _ in 0..<count {
      guard offset + 46 <= directory.count, ZIPArchive.u32(directory, offset) == 0x0201_4B50 else {
        throw InputProblem.zipDirectoryDamaged
      }
      let flags = ZIPArchive.u16(directory, offset + 8)
      let method = ZIPArchive.u16(directory, offset + 10)
      let crc = ZIPArchive.u32(directory, offset + 16)
      let compressed = ZIPArchive.u32(directory, offset + 20)
      let uncompressed = ZIPArchive.u32(directory, offset + 24)
      let nameLength = Int(ZIPArchive.u16(directory, offset + 28))
      let extraLength = Int(ZIPArchive.u16(directory, offset + 30))
      let commentLength = Int(ZIPArchive.u16(directory, offset + 32))
      let diskStart = ZIPArchive.u16(directory, offset + 34)
      let localOffset = ZIPArchive.u32(directory, offset + 42)
      let next = offset + 46 + nameLength + extraLength + commentLength
      guard next <= directory.count else { throw InputProblem.zipDirectoryDamaged }
      if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
        throw InputProblem.zip64
      }
      guard diskStart == 0 else { throw InputProblem.splitArchive }
      let nameBytes = directory[(offset + 46)..<(offset + 46 + nameLength)]
      // Names are UTF-8 (flag bit 11) or, by the old rule, code page 437: either way the
      // parts of a workbook are ASCII, and a name that is not text is no part of one.
      let name = String(decoding: nameBytes, as: UTF8.self)
      guard ZIPArchive.isPlainPath(nameBytes) else { throw InputProblem.badEntryName(name: name) }
      let key = ZIPArchive.key(name)
      guard entries[key] == nil else { throw InputProblem.duplicateEntry(part: name) }
      entries[key] = Entry(
        name: name, flags: flags, method: method, crc32: crc, compressedSize: Int(compressed),
        uncompressedSize: Int(uncompressed), localHeaderOffset: Int(localOffset))
      offset = next
    }
  }

  /// A relative path of non-empty segments, none `.` or `..`, without NUL or backslash.
  private static func isPlainPath(_ name: ArraySlice<UInt8>) -> Bool {
    guard let first = name.first, first != 0x2F else { return false }
    if name.contains(0) || name.contains(0x5C) { return false }
    for segment in name.split(separator: 0x2F, omittingEmptySubsequences: false) {
      if segment.elementsEqual([0x2E]) || segment.elementsEqual([0x2E, 0x2E]) { return false }
    }
    // A trailing slash is a folder entry, which some writers add: harmless.
    let path = name.last == 0x2F ? name.dropLast() : name
    return !path.split(separator: 0x2F, omittingEmptySubsequences: false).contains { $0.isEmpty }
  }

  static func key(_ name: String) -> String {
    String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  func entry(_ name: String) -> Entry? { entries[ZIPArchive.key(name)] }

  /// A reader of the part `name`, unpacking at most `limit` bytes of it.
  func open(_ name: String, limit: Int) throws -> ZIPPartReader {
    guard let entry = entry(name) else { throw InputProblem.missingPart(part: name) }
    guard entry.flags & 1 == 0 else { throw InputProblem.encryptedPart(part: entry.name) }
    guard entry.method == 0 || entry.method == 8 else {
      throw InputProblem.unsupportedCompression(part: entry.name, method: Int(entry.method))
    }
    // An honest size past the limit is refused before anything is unpacked.
    guard entry.uncompressedSize <= limit else { throw InputProblem.partTooLarge(part: entry.name, limit: limit) }
    var header = [UInt8](repeating: 0, count: 30)
    guard entry.localHeaderOffset + 30 <= directoryOffset,
      try header.withUnsafeMutableBytes({ try file.readFully(at: entry.localHeaderOffset, into: $0) }),
      ZIPArchive.u32(header, 0) == 0x0403_4B50
    else { throw InputProblem.partHeaderDamaged(part: entry.name) }
    let nameLength = Int(ZIPArchive.u16(header, 26))
    let extraLength = Int(ZIPArchive.u16(header, 28))
    var localName = [UInt8](repeating: 0, count: nameLength)
    guard
      try localName.withUnsafeMutableBytes({ try file.readFully(at: entry.localHeaderOffset + 30, into: $0) }),
      localName.elementsEqual(entry.name.utf8)
    else { throw InputProblem.partHeaderDamaged(part: entry.name) }
    let dataStart = entry.localHeaderOffset + 30 + nameLength + extraLength
    // Data that would run into the central directory, or past the end, was cut off.
    guard dataStart + entry.compressedSize <= directoryOffset else { throw InputProblem.truncated(part: entry.name) }
    return try ZIPPartReader(archive: self, entry: entry, dataStart: dataStart, limit: limit)
  }

  static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
    UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
  }

  static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }
}
