/// Reads RFC 4180 CSV strictly, as a test of what gongjian writes: commas between fields, CRLF
/// after every record (a bare LF outside quotes is malformed), quoted fields holding commas,
/// doubled quotes and line breaks, and nothing but a separator after a closing quote.
/// Nil when the text is not well-formed. The one parser every end-to-end test uses.
func parseCSV(_ text: String) -> [[String]]? {
  var records: [[String]] = []
  var record: [String] = []
  var field = String.UnicodeScalarView()
  var scalars = Array(text.unicodeScalars)[...]
  var quoted = false
  var fieldStarted = false
  while let scalar = scalars.popFirst() {
    if quoted {
      if scalar == "\"" {
        if scalars.first == "\"" {
          scalars.removeFirst()
          field.append("\"")
        } else {
          quoted = false
          guard scalars.first.map({ $0 == "," || $0 == "\r" }) ?? true else { return nil }
        }
      } else {
        field.append(scalar)
      }
      continue
    }
    switch scalar {
    case "\"":
      guard !fieldStarted else { return nil }
      quoted = true
      fieldStarted = true
    case ",":
      record.append(String(field))
      field = String.UnicodeScalarView()
      fieldStarted = false
    case "\r":
      guard scalars.popFirst() == "\n" else { return nil }
      record.append(String(field))
      records.append(record)
      record = []
      field = String.UnicodeScalarView()
      fieldStarted = false
    case "\n":
      return nil
    default:
      field.append(scalar)
      fieldStarted = true
    }
  }
  guard !quoted, field.isEmpty, record.isEmpty else { return nil }
  return records
}
