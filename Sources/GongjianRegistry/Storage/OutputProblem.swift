#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file gongjian writes (an output, an export, a backup, a new registry) was not written.
/// Facts only: the surface chooses the words and the exit status.
public enum OutputProblem: Error, Equatable, Sendable {
  /// The file name is empty.
  case emptyPath
  /// The output would overwrite the registry itself, or one of SQLite's files beside it.
  case isTheRegistry(path: String)
  /// The path names a folder.
  case isADirectory(path: String)
  /// The folder the file would go in does not exist.
  case folderMissing(path: String)
  /// A symbolic link that does not lead to a regular file: dangling, or to a device, a FIFO,
  /// a socket or a folder. Only a device or FIFO named directly is written to.
  case symlinkRefused(path: String)
  /// Something other than a regular file where only a regular file will do: a workbook, or a
  /// backup that would replace it.
  case notARegularFile(path: String)
  /// The file exists and may not be replaced.
  case alreadyExists(path: String)
  /// The file (or its temporary) could not be made.
  case cannotCreate(path: String, errno: Int32)
  /// Writing, flushing or moving the file into place failed.
  case cannotWrite(path: String, errno: Int32)
  /// No space left (or a file size limit or quota reached); nothing was kept.
  case diskFull(path: String)
  /// Larger than the file format allows (a ZIP part of 4 GiB or more).
  case tooLarge(path: String)

  /// The problem of a failed write(2), fsync(2) or rename(2).
  public static func writing(_ path: String, errno code: Int32) -> OutputProblem {
    switch code {
    case ENOSPC, EDQUOT, EFBIG: return .diskFull(path: path)
    default: return .cannotWrite(path: path, errno: code)
    }
  }

  /// The problem of a failed open(2) or mkdir(2) that would have created the file.
  static func creating(_ path: String, errno code: Int32) -> OutputProblem {
    switch code {
    case ENOSPC, EDQUOT: return .diskFull(path: path)
    case ENOENT, ENOTDIR: return .folderMissing(path: path)
    case EISDIR: return .isADirectory(path: path)
    default: return .cannotCreate(path: path, errno: code)
    }
  }
}
