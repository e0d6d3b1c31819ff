import NIOConcurrencyHelpers

/// Pages that depend only on the registry and on what was asked, kept until anything is
/// committed to the registry (by this server or by any other process): a page asked for again
/// and again, such as the roster, is then rendered once per change instead of once per request.
/// An entry is used only under the stamp it was made with (`ReaderPool.changeStamp`), and the
/// stamp is taken before the registry is read, so a change that comes in while a page is made
/// leaves that page under the older stamp, never to be served again.
final class PageCache: Sendable {
  private let entries = NIOLockedValueBox<[String: (stamp: String, body: String)]>([:])

  /// Entries kept at most (a roster page is at most a few hundred rows): past it, the cache
  /// starts afresh, which costs one rendering per page asked for next.
  static let limit = 64

  func body(for key: String, stamp: String) -> String? {
    entries.withLockedValue { entries in
      guard let entry = entries[key], entry.stamp == stamp else { return nil }
      return entry.body
    }
  }

  func keep(_ body: String, for key: String, stamp: String) {
    entries.withLockedValue { entries in
      if entries.count >= Self.limit && entries[key] == nil { entries.removeAll(keepingCapacity: true) }
      entries[key] = (stamp, body)
    }
  }

  /// A page made at most once per stamp: from the cache when the registry has not changed
  /// since it was made, otherwise by `make`, and kept. Without a stamp, always made.
  func page(_ key: String, stamp: String?, make: () async throws -> String) async rethrows -> String {
    guard let stamp else { return try await make() }
    if let kept = body(for: key, stamp: stamp) { return kept }
    let made = try await make()
    keep(made, for: key, stamp: stamp)
    return made
  }
}
