/// An import that found errors: every bad row is named (up to a cap), and nothing was written.
public struct ImportFailure: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public var errorCount: Int
  public var description: String { message }
}
