import NIOConcurrencyHelpers

/// Pages that depend only on the registry and on what was asked, kept until anything is
/// committed to the registry (by this server or by any other process): a page asked for again
/// and again, such as the roster, is then rendered once per change instead of once per request.
/// An entry is used only under the stamp it was made with (`ReaderPool.changeStamp`), and the
/// stamp is taken before the registry is read, so a change that comes in while a page is made
/// leaves that page under the older stamp, never to be served again.
///
/// While a page is being made, the requests that ask for it under the same stamp wait for that
/// one making rather than each making it: after a commit, the fifty clients waiting for the
/// roster would otherwise all render the new page at once.
final class PageCache: Sendable {
  private enum Entry {
    case made(String)
    case making(Task<String, any Error>)
  }

  private let entries = NIOLockedValueBox<[String: (stamp: String, entry: Entry)]>([:])

  /// Entries kept at most (a roster page is at most a few hundred rows): past it, the cache
  /// starts afresh, which costs one rendering per page asked for next.
  static let limit = 64

  /// A page made at most once per stamp: from the cache when the registry has not changed
  /// since it was made, from the making under way when another request started it, otherwise
  /// by `make`, and kept. Without a stamp, always made. A making that fails is forgotten, and
  /// every request that waited for it gets its error.
  func page(_ key: String, stamp: String?, make: @escaping @Sendable () async throws -> String) async throws
    -> String
  {
    guard let stamp else { return try await make() }
    let found: Entry = entries.withLockedValue { entries in
      if let found = entries[key], found.stamp == stamp { return found.entry }
      let task = Task { try await make() }
      if entries.count >= Self.limit && entries[key] == nil { entries.removeAll(keepingCapacity: true) }
      entries[key] = (stamp, .making(task))
      return .making(task)
    }
    switch found {
    case .made(let body):
      return body
    case .making(let making):
      do {
        let body = try await making.value
        settle(key, stamp: stamp, with: body)
        return body
      } catch {
        settle(key, stamp: stamp, with: nil)
        throw error
      }
    }
  }

  /// Keeps a finished making's page (or forgets a failed one), unless a later stamp took its place.
  private func settle(_ key: String, stamp: String, with body: String?) {
    entries.withLockedValue { entries in
      guard let found = entries[key], found.stamp == stamp, case .making = found.entry else { return }
      entries[key] = body.map { (stamp, .made($0)) }
    }
  }
}
