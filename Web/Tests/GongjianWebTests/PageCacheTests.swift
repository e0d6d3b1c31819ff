import NIOConcurrencyHelpers
import Testing

@testable import GongjianWeb

/// A page is made once per stamp however many ask for it at once; a new stamp makes it again;
/// a failed making reaches everyone who waited for it and is not kept.
@Suite struct PageCacheTests {
  struct Failed: Error {}

  @Test func manyRequestsAtOnceMakeThePageOnce() async throws {
    let cache = PageCache()
    let makings = NIOLockedValueBox(0)
    let make: @Sendable () async throws -> String = {
      let count = makings.withLockedValue { value in
        value += 1
        return value
      }
      try await Task.sleep(for: .milliseconds(100))
      return "page \(count)"
    }
    let pages = try await withThrowingTaskGroup(of: String.self) { group in
      for _ in 0..<20 { group.addTask { try await cache.page("roster", stamp: "1.5", make: make) } }
      return try await group.reduce(into: [String]()) { $0.append($1) }
    }
    #expect(pages == Array(repeating: "page 1", count: 20))
    #expect(makings.withLockedValue { $0 } == 1)
    #expect(try await cache.page("roster", stamp: "1.5", make: make) == "page 1", "kept")
    #expect(try await cache.page("roster", stamp: "1.6", make: make) == "page 2", "made again after a commit")
    #expect(try await cache.page("roster", stamp: nil, make: make) == "page 3", "never kept without a stamp")
  }

  @Test func aFailedMakingReachesEveryoneAndIsForgotten() async throws {
    let cache = PageCache()
    let makings = NIOLockedValueBox(0)
    let failing: @Sendable () async throws -> String = {
      makings.withLockedValue { $0 += 1 }
      try await Task.sleep(for: .milliseconds(100))
      throw Failed()
    }
    let failures = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<10 {
        group.addTask { (try? await cache.page("roster", stamp: "2.1", make: failing)) == nil }
      }
      return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
    }
    #expect(failures == 10)
    #expect(makings.withLockedValue { $0 } == 1)
    #expect(try await cache.page("roster", stamp: "2.1") { "made" } == "made", "a failure is not kept")
  }
}
