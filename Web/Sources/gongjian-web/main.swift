import GongjianWeb

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

exit(await WebMain.run(Array(CommandLine.arguments.dropFirst())))
