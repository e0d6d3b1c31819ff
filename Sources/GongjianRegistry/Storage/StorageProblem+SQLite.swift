import SQLite

extension StorageProblem {
  /// What an error thrown below the registry means for the person: the storage problem it is,
  /// with SQLite's own text kept as detail for a bug report. The registry's own answers
  /// (refusals, storage and output problems) pass as they are.
  static func from(_ error: any Error, path: String) -> any Error {
    if error is Refusal || error is StorageProblem || error is OutputProblem || error is InputProblem {
      return error
    }
    guard let error = error as? SQLiteError else { return StorageProblem.unexpected(path: path, detail: "\(error)") }
    if error.isDiskFull { return StorageProblem.diskFull(path: path, detail: error.message) }
    if error.isReadOnly, RegistryFile.isWritable(path) {
      // A reader without write permission leaves SQLite's -shm (and -wal) behind with the
      // registry's read-only mode, and SQLite will not write through them afterwards.
      let stuck = RegistryFile.writeProtectedCompanions(of: path)
      if !stuck.isEmpty { return StorageProblem.companionsNotWritable(path: path, files: stuck) }
    }
    if error.isReadOnly { return StorageProblem.readOnly(path: path, detail: error.message) }
    if error.isBusy { return StorageProblem.busy(path: path) }
    if error.isCorrupt { return StorageProblem.damaged(path: path, detail: error.message) }
    if error.isCannotOpen { return StorageProblem.cannotOpen(path: path, detail: error.message) }
    if error.isIOError { return StorageProblem.ioError(path: path, detail: error.message) }
    if error.isConstraint { return StorageProblem.constraint(detail: error.message) }
    return StorageProblem.unexpected(path: path, detail: "\(error)")
  }
}
