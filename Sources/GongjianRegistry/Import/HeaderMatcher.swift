/// Tells a header row from the rows around it (a title above, data below): the caller says
/// which header texts name its columns; a row that names at least two of them is the header.
/// Two, because a title row may happen to hold one such word, but hardly two in two cells.
/// (A one-cell row counts when its cell is known: a file may have a single column.)
struct HeaderMatcher: Sendable {
  let recognises: @Sendable (String) -> Bool

  init(recognises: @escaping @Sendable (String) -> Bool) {
    self.recognises = recognises
  }

  /// How many of `cells` name a known column.
  func knownCount(_ cells: [String]) -> Int {
    cells.reduce(0) { $0 + (recognises($1) ? 1 : 0) }
  }

  func isHeader(_ cells: [String]) -> Bool {
    let filled = cells.filter { !HeaderText.key($0).isEmpty }
    let known = knownCount(filled)
    return known >= 2 || (filled.count == 1 && known == 1)
  }
}
