import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A visitor's session: the token every form carries back (CSRF) and, once signed in, who.
public struct Session: Sendable, Equatable {
  public var id: String
  public var formToken: String
  public var accountName: String?
  public var role: AccountRole?
  var lastSeen: Double
  /// What the next page says about the change just made (a form's answer after its redirect).
  var notice: String?
}

/// The sessions of the running server, kept in memory only: a restart signs everybody out.
/// Also counts failed sign-ins, so that passwords cannot be guessed quickly.
public actor SessionStore {
  private var sessions: [String: Session] = [:]
  private var failures: [String: [Double]] = [:]
  /// A session unused this long (seconds) is forgotten.
  public static let idleLimit: Double = 8 * 3600
  /// Failed sign-ins allowed per name and per address within `failureWindow` seconds.
  public static let failureLimit = 5
  public static let failureWindow: Double = 15 * 60
  /// Sessions kept at most. Every visitor gets one before signing in (its form token), so a
  /// flood of requests without cookies would otherwise fill the memory.
  public static let sessionLimit = 20_000

  public init() {}

  /// The session with this id, or a new one (a new id) when there is none.
  public func session(_ id: String?) -> (session: Session, isNew: Bool) {
    let now = Self.now()
    if let id, var found = sessions[id], now - found.lastSeen < Self.idleLimit {
      found.lastSeen = now
      sessions[id] = found
      return (found, false)
    }
    if sessions.count >= Self.sessionLimit { forgetLeastRecent(now: now) }
    let fresh = Session(id: Self.token(), formToken: Self.token(), lastSeen: now)
    sessions[fresh.id] = fresh
    return (fresh, true)
  }

  /// Forgets idle sessions, then the least recently seen, visitors before signed-in accounts,
  /// down to three quarters of the limit: one sort per many new sessions, not one per request.
  /// Only the sessions' ranks and times are sorted, not the sessions: the requests that wait
  /// while this runs are the slowest the server answers.
  private func forgetLeastRecent(now: Double) {
    sessions = sessions.filter { now - $0.value.lastSeen < Self.idleLimit }
    let target = Self.sessionLimit * 3 / 4
    guard sessions.count > target else { return }
    let order = sessions.values.map { (rank($0), $0.lastSeen) }.sorted { $0 > $1 }
    let last = order[target - 1]
    // Everything above the last one kept stays; of those equal to it, as many as fit.
    var ties = target - (order.firstIndex { $0 <= last } ?? target)
    sessions = sessions.filter { _, session in
      let key = (rank(session), session.lastSeen)
      if key > last { return true }
      guard key == last, ties > 0 else { return false }
      ties -= 1
      return true
    }
  }

  /// How many sessions are kept now.
  var count: Int { sessions.count }

  private func rank(_ session: Session) -> Int { session.accountName == nil ? 0 : 1 }

  /// Signs a session in: a new id, so an id seen before signing in is worth nothing after.
  public func signIn(_ old: Session, name: String, role: AccountRole) -> Session {
    sessions[old.id] = nil
    let fresh = Session(
      id: Self.token(), formToken: Self.token(), accountName: name, role: role, lastSeen: Self.now())
    sessions[fresh.id] = fresh
    return fresh
  }

  /// Keeps a notice for the session's next page.
  public func leaveNotice(_ text: String, for session: Session) {
    sessions[session.id]?.notice = text
  }

  /// The notice left for this page, once.
  public func takeNotice(_ session: Session) -> String? {
    defer { sessions[session.id]?.notice = nil }
    return sessions[session.id]?.notice
  }

  public func signOut(_ session: Session) {
    sessions[session.id] = nil
  }

  /// Minutes to wait before another try, or nil when signing in may be tried now.
  public func throttled(name: String, address: String) -> Int? {
    let now = Self.now()
    var wait: Double = 0
    for key in ["n:" + NameKey.make(name), "a:" + address] {
      let recent = (failures[key] ?? []).filter { now - $0 < Self.failureWindow }
      failures[key] = recent
      if recent.count >= Self.failureLimit, let first = recent.first {
        wait = max(wait, Self.failureWindow - (now - first))
      }
    }
    return wait > 0 ? max(1, Int((wait / 60).rounded(.up))) : nil
  }

  public func failed(name: String, address: String) {
    let now = Self.now()
    // Names tried are remembered only within the window: guessing many names cannot fill memory.
    if failures.count >= Self.sessionLimit {
      failures = failures.filter { $0.value.contains { now - $0 < Self.failureWindow } }
    }
    for key in ["n:" + NameKey.make(name), "a:" + address] { failures[key, default: []].append(now) }
  }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// 32 random bytes as hex, from the system's generator.
  static func token() -> String {
    var generator = SystemRandomNumberGenerator()
    var text = ""
    for _ in 0..<4 {
      let value = generator.next() as UInt64
      let hex = String(value, radix: 16)
      text += String(repeating: "0", count: 16 - hex.count) + hex
    }
    return text
  }
}
