extension ChineseCatalogue: ParserWording {
  public func parserError(_ error: ParserMistake) -> String {
    switch error {
    case .unknownOption(let option, let suggestion):
      "没有 \(option) 这个选项" + (suggestion.map { "，您要输入的是不是 \($0)？" } ?? "。")
    case .unknownCommand(let command, let suggestions):
      "没有\(quoted(command))这个命令"
        + (suggestions.isEmpty ? "。" : "，您要输入的是不是 \(suggestions.map { "gongjian " + $0 }.joined(separator: " 或 "))？")
    case .unexpectedArgument(let value): "多了一个参数\(quoted(value))；名称中如有空格，请用引号把整个名称括起来。"
    case .missingArgument(let name): "缺少 \(name)。"
    case .missingValue(let option): "选项 \(option) 缺少值。"
    case .invalidValue(let value, let option, let allowed):
      "\(quoted(value))不是 \(option) 的有效值" + (allowed.isEmpty ? "。" : "；可选：\(allowed.joined(separator: "、"))。")
    case .other(let message): message
    }
  }

  public func seeHelp(_ command: String) -> String { "可运行 \(command) --help 查看用法。" }

  public func usageLine(_ usage: String) -> String { "用法：" + usage }
}
