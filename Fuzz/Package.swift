// swift-tools-version: 6.1
// Fuzz targets for gongjian's parsers of user text (libFuzzer + AddressSanitizer). A package of
// its own, so the main package's `swift build` and `swift test` never build them. Build and
// run with Scripts/fuzz; by hand:
//
//   swift build --package-path Fuzz --scratch-path .build-fuzz --sanitize=address \
//     -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table
//
// Why not `--sanitize=fuzzer`: SwiftPM applies it to the build-time tool of the main package
// (EmbedMigrations) too, which then has two main()s (its own and libFuzzer's) and does not
// link. So every module is instrumented for coverage by hand (the flags `-sanitize=fuzzer`
// implies), and only the fuzz executables link libFuzzer, in its form without main()
// (libclang_rt.fuzzer_no_main), started by FuzzSupport's `runFuzzer` (LLVMFuzzerRunDriver).
import Foundation
import PackageDescription

/// libclang_rt.fuzzer_no_main from the toolchain that runs this manifest: $LIBFUZZER_NO_MAIN,
/// else found next to the `swiftc` on PATH (…/usr/lib/swift/clang/lib/<os>/).
func fuzzerRuntime() -> String {
  if let path = Context.environment["LIBFUZZER_NO_MAIN"], !path.isEmpty { return path }
  #if arch(x86_64)
    let file = "libclang_rt.fuzzer_no_main-x86_64.a"
  #else
    let file = "libclang_rt.fuzzer_no_main-aarch64.a"
  #endif
  for folder in (Context.environment["PATH"] ?? "").split(separator: ":") {
    let swiftc = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
    guard FileManager.default.isExecutableFile(atPath: swiftc.path) else { continue }
    let usr = swiftc.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
    let candidate = usr.appendingPathComponent("lib/swift/clang/lib/linux").appendingPathComponent(file)
    if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
  }
  return file  // Not found: the link fails naming it; set LIBFUZZER_NO_MAIN.
}

let fuzzTargets = ["fuzz-dates", "fuzz-names", "fuzz-csv", "fuzz-headers", "fuzz-xlsx"]

let package = Package(
  name: "gongjian-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "gongjian", path: "..")],
  targets: [
    // The declaration of LLVMFuzzerRunDriver.
    .target(name: "CLibFuzzer"),
    .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
  ]
    + fuzzTargets.map { name in
      .executableTarget(
        name: name,
        dependencies: [
          "FuzzSupport", .product(name: "GongjianRegistry", package: "gongjian"),
          .product(name: "GongjianPresentation", package: "gongjian"),
        ],
        linkerSettings: [.unsafeFlags(["-Xlinker", fuzzerRuntime(), "-lstdc++"])]
      )
    },
  swiftLanguageModes: [.v6]
)
