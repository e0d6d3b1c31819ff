internal import CStorage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file that appears under its name complete and flushed, or not at all: the one way
/// gongjian makes a file (outputs, exports, backups, a new registry).
///
/// The bytes go to a temporary in the destination's folder, created under an unpredictable
/// name with `O_CREAT|O_EXCL|O_NOFOLLOW` and the final permissions from the first byte, so
/// nobody else can read it half-written and a symbolic link planted at a guessed name is never
/// followed. `commit` flushes it and renames it into place (or links it, where an existing
/// file must win). Until then it is removed on an error, when the value goes away, and when
/// SIGINT, SIGTERM, SIGHUP or SIGXFSZ ends the process.
///
/// Every step works relative to the folder opened once, so the temporary and the final name
/// are in the same folder even if the path to it changes meanwhile.
///
/// Not `Sendable`: one file, one thread.
public final class AtomicFile {
  /// The final path.
  public let destination: String
  /// The temporary's path, for writers that need a name rather than a descriptor (SQLite).
  public let temporaryPath: String
  /// The temporary, open for writing.
  public let descriptor: Int32

  private let folder: Int32
  private let finalName: String
  /// The temporary's folder: `folder`, or a private folder inside it.
  private let temporaryFolder: Int32
  private let temporaryName: String
  /// A folder only this process may enter, holding a temporary that SQLite fills by name
  /// (with its -journal, -wal and -shm beside it): nobody can swap a link in there between
  /// the creation and SQLite's own open.
  private let privateFolderName: String?
  private var pendingSlots: [Int32]
  private var isOpen = true
  private var descriptorIsOpen = true

  /// SQLite's companion files of a database at a temporary name.
  private static let companionSuffixes = ["-journal", "-wal", "-shm"]

  /// Creates the temporary for `destination` with exactly `mode` (whatever the umask):
  /// 0600 for a private registry's files, 0660 for a shared one's. With `privateFolder`, the
  /// temporary goes in a new folder of its own (mode 0700) beside the destination, for SQLite.
  public convenience init(destination: String, mode: mode_t, privateFolder: Bool = false) throws {
    try self.init(destination: destination, mode: mode, privateFolder: privateFolder, token: AtomicFile.randomToken)
  }

  /// `token` makes the random part of temporary names: tests use it to meet a link planted
  /// at exactly the name that will be tried.
  init(destination: String, mode: mode_t, privateFolder: Bool, token: () -> String) throws {
    guard !destination.isEmpty else { throw OutputProblem.emptyPath }
    let slash = destination.lastIndex(of: "/")
    let name = slash.map { String(destination[destination.index(after: $0)...]) } ?? destination
    guard !name.isEmpty, name != ".", name != ".." else { throw OutputProblem.isADirectory(path: destination) }
    let folderPath = RegistryFile.parent(of: destination)
    let folder = open(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard folder >= 0 else { throw OutputProblem.creating(destination, errno: errno) }
    var slots: [Int32] = []
    func fail(_ problem: OutputProblem, removing created: [(Int32, String, Int32)]) -> OutputProblem {
      for (directory, entry, flags) in created.reversed() { unlinkat(directory, entry, flags) }
      for slot in slots { gongjian_pending_remove(slot) }
      close(folder)
      return problem
    }

    var temporaryFolder = folder
    var privateFolderName: String?
    var created: [(Int32, String, Int32)] = []
    if privateFolder {
      let (folderName, slot) = try AtomicFile.makeUnique(
        in: folder, base: name, suffix: ".d", directory: true, token: token
      ) { entry in
        mkdirat(folder, entry, 0o700) == 0 ? 0 : errno
      } onFailure: { code in
        fail(.creating(destination, errno: code), removing: created)
      }
      if let slot { slots.append(slot) }
      created.append((folder, folderName, AT_REMOVEDIR))
      let inside = openat(folder, folderName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard inside >= 0 else { throw fail(.creating(destination, errno: errno), removing: created) }
      temporaryFolder = inside
      privateFolderName = folderName
      // Registered before SQLite can make them, so an interrupted copy leaves nothing.
      for suffix in AtomicFile.companionSuffixes {
        let slot = gongjian_pending_add(inside, AtomicFile.innerName(name) + suffix, 0)
        if slot >= 0 { slots.append(slot) }
      }
    }

    var descriptor: Int32 = -1
    let inFolder = temporaryFolder
    let temporaryName: String
    let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
    if privateFolder {
      // Nobody else can enter the private folder: a plain name will do.
      temporaryName = AtomicFile.innerName(name)
      let slot = gongjian_pending_add(inFolder, temporaryName, 0)
      if slot >= 0 { slots.append(slot) }
      descriptor = openat(inFolder, temporaryName, flags, mode)
      guard descriptor >= 0 else {
        let code = errno
        close(inFolder)
        throw fail(.creating(destination, errno: code), removing: created)
      }
    } else {
      let (entry, slot) = try AtomicFile.makeUnique(
        in: folder, base: name, suffix: ".part", directory: false, token: token
      ) { entry in
        descriptor = openat(inFolder, entry, flags, mode)
        return descriptor >= 0 ? 0 : errno
      } onFailure: { code in
        fail(.creating(destination, errno: code), removing: created)
      }
      if let slot { slots.append(slot) }
      temporaryName = entry
    }
    // Exactly the mode asked for: the umask may have taken bits away (a shared registry's
    // files need the group's even under umask 077); it never adds any.
    fchmod(descriptor, mode)

    self.destination = destination
    self.descriptor = descriptor
    self.folder = folder
    self.finalName = name
    self.temporaryFolder = temporaryFolder
    self.temporaryName = temporaryName
    self.privateFolderName = privateFolderName
    self.pendingSlots = slots
    let folderPrefix = folderPath == "/" ? "" : folderPath
    self.temporaryPath = [folderPrefix, privateFolderName, temporaryName].compactMap { $0 }.joined(separator: "/")
  }

  deinit { discard() }

  /// Flushes the temporary to disk and gives it the final name. With `replacing` false an
  /// existing file wins: the temporary is removed and the result is false.
  @discardableResult
  public func commit(replacing: Bool = true) throws -> Bool {
    guard isOpen else { throw OutputProblem.cannotWrite(path: destination, errno: EBADF) }
    if fsync(descriptor) != 0 {
      let code = errno
      discard()
      throw OutputProblem.writing(destination, errno: code)
    }
    closeDescriptor()
    if replacing {
      guard renameat(temporaryFolder, temporaryName, folder, finalName) == 0 else {
        let code = errno
        discard()
        throw code == EISDIR ? OutputProblem.isADirectory(path: destination) : .writing(destination, errno: code)
      }
    } else {
      guard try publishWithoutReplacing() else {
        discard()
        return false
      }
    }
    // The new name must survive a power cut as well as the bytes.
    fsync(folder)
    finish()
    return true
  }

  /// Removes the temporary (and a private folder with what SQLite left in it).
  public func discard() {
    guard isOpen else { return }
    closeDescriptor()
    unlinkat(temporaryFolder, temporaryName, 0)
    finish()
  }

  /// A link is the no-clobber rename: it fails when the name exists. File systems without
  /// hard links (FAT, some network shares) get a rename after a look, whose window is tiny.
  private func publishWithoutReplacing() throws -> Bool {
    if linkat(temporaryFolder, temporaryName, folder, finalName, 0) == 0 {
      unlinkat(temporaryFolder, temporaryName, 0)
      return true
    }
    let code = errno
    if code == EEXIST { return false }
    guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EMLINK || code == ENOSYS else {
      throw OutputProblem.writing(destination, errno: code)
    }
    var info = stat()
    if fstatat(folder, finalName, &info, AT_SYMLINK_NOFOLLOW) == 0 { return false }
    guard renameat(temporaryFolder, temporaryName, folder, finalName) == 0 else {
      throw OutputProblem.writing(destination, errno: errno)
    }
    return true
  }

  private func closeDescriptor() {
    if descriptorIsOpen { close(descriptor) }
    descriptorIsOpen = false
  }

  private func finish() {
    isOpen = false
    if let privateFolderName {
      let inner = AtomicFile.innerName(finalName)
      for suffix in AtomicFile.companionSuffixes { unlinkat(temporaryFolder, inner + suffix, 0) }
      close(temporaryFolder)
      unlinkat(folder, privateFolderName, AT_REMOVEDIR)
    }
    for slot in pendingSlots.reversed() { gongjian_pending_remove(slot) }
    pendingSlots = []
    close(folder)
  }

  // MARK: - Names

  /// Tries fresh random names `.NAME.RANDOM.SUFFIX` until `make` creates one (0) or fails
  /// with anything but EEXIST; the name is registered for removal on a signal before it
  /// exists, so there is no moment when it exists unregistered.
  private static func makeUnique(
    in folder: Int32, base: String, suffix: String, directory: Bool, token: () -> String, make: (String) -> Int32,
    onFailure: (Int32) -> OutputProblem
  ) throws -> (String, Int32?) {
    var code = EEXIST
    for _ in 0..<16 {
      let entry = "." + shortened(base, toBytes: 80) + "." + token() + suffix
      let slot = gongjian_pending_add(folder, entry, directory ? 1 : 0)
      code = make(entry)
      if code == 0 { return (entry, slot >= 0 ? slot : nil) }
      if slot >= 0 { gongjian_pending_remove(slot) }
      if code != EEXIST { break }
    }
    throw onFailure(code)
  }

  /// The temporary's name inside a private folder: the final name, cut to leave room for
  /// SQLite's suffixes within the 255 bytes a name may have.
  private static func innerName(_ name: String) -> String { shortened(name, toBytes: 200) }

  /// `text` cut to at most `limit` UTF-8 bytes, at a character boundary.
  static func shortened(_ text: String, toBytes limit: Int) -> String {
    guard text.utf8.count > limit else { return text }
    var result = ""
    var bytes = 0
    for scalar in text.unicodeScalars {
      let size = String(scalar).utf8.count
      if bytes + size > limit { break }
      result.unicodeScalars.append(scalar)
      bytes += size
    }
    return result
  }

  /// 80 random bits from the system's generator (getrandom), as 16 lower-case letters and digits.
  static func randomToken() -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
    var generator = SystemRandomNumberGenerator()
    let token = (0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
    return String(decoding: token, as: UTF8.self)
  }
}

@available(*, unavailable)
extension AtomicFile: Sendable {}
