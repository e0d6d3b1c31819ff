import GongjianPresentation
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gongjian-web`, the program that serves the browser view and hashes the accounts'
/// passwords: found beside this `gongjian`, else on PATH.
enum WebProgram {
  static let name = "gongjian-web"

  /// The program's path, or the places looked in.
  static func locate(environment: [String: String] = ProcessEnvironment.variables) throws -> String {
    var searched: [String] = []
    for folder in besideThisProgram() + (environment["PATH"] ?? "").split(separator: ":").map(String.init)
    where !folder.isEmpty && !searched.contains(folder) {
      searched.append(folder)
      let candidate = folder + "/" + name
      if access(candidate, X_OK) == 0, !isDirectory(candidate) { return candidate }
    }
    throw WebProblem.webProgramMissing(searched: searched)
  }

  /// The folders this program is in: the real file's, and the one it was started from when
  /// that is a link elsewhere.
  static func besideThisProgram() -> [String] {
    var folders: [String] = []
    if let real = realpath("/proc/self/exe", nil) {
      folders.append(folder(of: String(cString: real)))
      free(real)
    }
    let started = CommandLine.arguments.first ?? ""
    if started.contains("/") { folders.append(folder(of: started)) }
    return folders
  }

  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Runs the program in this process's place (the same process id, terminal and signals: a
  /// Ctrl-C stops the server directly). Returns only by throwing.
  static func replaceProcess(with program: String, arguments: [String]) throws -> Never {
    fflush(nil)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    execv(program, argv)
    throw WebProblem.webProgramMissing(searched: [program])
  }

  /// The slow salted hash of a password, made by the program (it links bcrypt; this command
  /// line does not). The password goes through a pipe, never through the arguments, which
  /// other users can see in the process list.
  static func hashPassword(_ password: String, with program: String) throws -> String {
    var input: [Int32] = [0, 0]
    var output: [Int32] = [0, 0]
    guard pipe(&input) == 0, pipe(&output) == 0 else { throw WebProblem.webProgramMissing(searched: [program]) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO)
    posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO)
    for descriptor in input + output { posix_spawn_file_actions_addclose(&actions, descriptor) }
    let argv = [strdup(program), strdup("hash-password"), nil]
    defer { argv.forEach { free($0) } }
    var child = pid_t()
    let spawned = posix_spawn(&child, program, &actions, nil, argv, environ)
    close(input[0])
    close(output[1])
    guard spawned == 0 else {
      close(input[1])
      close(output[0])
      throw WebProblem.webProgramMissing(searched: [program])
    }
    var line = password + "\n"
    _ = line.withUTF8 { BufferedWriter.writeAll(input[1], UnsafeRawBufferPointer($0)) }
    close(input[1])
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 256)
    while true {
      let count = read(output[0], &buffer, buffer.count)
      if count > 0 {
        bytes += buffer[0..<count]
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    close(output[0])
    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 && errno == EINTR {}
    let hash = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    guard status == 0, hash.hasPrefix("$2") else { throw WebProblem.webProgramMissing(searched: [program]) }
    return hash
  }
}

/// A password typed at the terminal (twice, without echo), or one line from stdin.
enum PasswordInput {
  static func read(for name: String) throws -> String {
    guard isatty(STDIN_FILENO) == 1 else {
      guard let line = readLine(strippingNewline: true) else { throw WebProblem.noPassword }
      return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
    let first = try prompted(Interface.texts.passwordPrompt(for: name))
    let second = try prompted(Interface.texts.passwordAgainPrompt)
    guard first == second else { throw WebProblem.passwordsDiffer }
    return first
  }

  /// The terminal's settings while echo is off, put back by a Ctrl-C too.
  nonisolated(unsafe) static var saved = termios()

  static func prompted(_ prompt: String) throws -> String {
    Terminal.writeError(TerminalText.sanitize(prompt))
    tcgetattr(STDIN_FILENO, &saved)
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
    signal(SIGINT) { _ in
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &PasswordInput.saved)
      _exit(130)
    }
    defer {
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
      signal(SIGINT, SIG_DFL)
      Terminal.writeError("\n")
    }
    guard let line = readLine(strippingNewline: true) else { throw WebProblem.noPassword }
    return line
  }
}
