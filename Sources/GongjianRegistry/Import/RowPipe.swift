import Foundation

/// Prepared rows handed from the thread that reads and checks a large import's file to the
/// thread that inserts them, in order, a batch at a time. At most `capacity` batches wait, so
/// memory stays bounded however long the file; a reading failure arrives after the rows read
/// before it, where the one-thread import would have thrown it.
final class RowPipe: @unchecked Sendable {
  struct Batch {
    var rows: [PreparedRow]
    /// Bytes of the file read once these rows were, for progress.
    var bytesRead: Int
  }

  static let batchRows = 512
  static let capacity = 8

  // Everything below is read and written only while `condition` is locked.
  private let condition = NSCondition()
  private var waiting: [Batch] = []
  /// Batches the inserting side is done with, handed back so that the reading side frees
  /// their rows: freeing a row's texts is work the inserting side need not do.
  private var spent: [Batch] = []
  private var finished = false
  private var failure: (any Error)?
  /// The inserting side stopped (it failed): the reading side stops at its next batch.
  private var stopped = false
  private var readerDone = false

  /// The reading side: hands over a batch, waiting while the pipe is full. False when the
  /// inserting side has stopped and wants no more.
  func put(_ batch: Batch) -> Bool {
    var freed: [Batch] = []
    condition.lock()
    while waiting.count >= RowPipe.capacity && !stopped { condition.wait() }
    let accepted = !stopped
    if accepted {
      waiting.append(batch)
      condition.broadcast()
    }
    swap(&freed, &spent)
    condition.unlock()
    // The spent batches are freed here, outside the lock, when `freed` goes.
    return accepted
  }

  /// The inserting side: a batch it is done with, for the reading side to free.
  func giveBack(_ batch: consuming Batch) {
    condition.lock()
    spent.append(batch)
    condition.unlock()
  }

  /// The reading side: no more rows, because the file ended (nil) or could not be read.
  func finish(_ error: (any Error)?) {
    condition.lock()
    finished = true
    failure = error
    readerDone = true
    condition.broadcast()
    condition.unlock()
  }

  /// The inserting side: the next batch, nil after the last; the reading side's failure is
  /// thrown once every batch before it was taken.
  func take() throws -> Batch? {
    condition.lock()
    defer { condition.unlock() }
    while waiting.isEmpty && !finished { condition.wait() }
    if !waiting.isEmpty {
      let batch = waiting.removeFirst()
      condition.broadcast()
      return batch
    }
    if let failure { throw failure }
    return nil
  }

  /// The inserting side: stop the reading side and wait until it has let go of the file.
  func stopAndWait() {
    condition.lock()
    stopped = true
    condition.broadcast()
    while !readerDone { condition.wait() }
    condition.unlock()
  }
}

/// Runs `RowPreparation` over a table on a thread of its own, into a `RowPipe`. The table is
/// this thread's alone until the pipe says the reading is done.
final class RowReader: @unchecked Sendable {
  private let table: ImportTable
  private let pipe: RowPipe
  private var preparation: RowPreparation

  init(table: ImportTable, preparation: RowPreparation, pipe: RowPipe) {
    self.table = table
    self.preparation = preparation
    self.pipe = pipe
  }

  /// Starts reading; `finishedPreparation` is the preparation as it ended (its kinds), valid
  /// once the pipe is drained or stopped.
  func start() {
    let thread = Thread { [self] in run() }
    // Deep enough for the readers' parsing; a secondary thread's default is smaller.
    thread.stackSize = 8 << 20
    thread.start()
  }

  var finishedPreparation: RowPreparation { preparation }

  private func run() {
    var rows: [PreparedRow] = []
    rows.reserveCapacity(RowPipe.batchRows)
    do {
      while let next = try table.next() {
        rows.append(preparation.prepare(next))
        if rows.count == RowPipe.batchRows {
          guard pipe.put(RowPipe.Batch(rows: rows, bytesRead: table.source.bytesRead)) else { break }
          rows.removeAll(keepingCapacity: true)
        }
      }
      if !rows.isEmpty { _ = pipe.put(RowPipe.Batch(rows: rows, bytesRead: table.source.bytesRead)) }
      pipe.finish(nil)
    } catch {
      if !rows.isEmpty { _ = pipe.put(RowPipe.Batch(rows: rows, bytesRead: table.source.bytesRead)) }
      pipe.finish(error)
    }
  }
}
