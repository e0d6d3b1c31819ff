// swift-tools-version: 6.1
// The browser view (`gongjian serve`): a package of its own, so that the command line's build,
// start-up and dependency resolution stay as they are. It depends on the main package by path
// for the registry and the presentation layer; Hummingbird and its dependencies are resolved and
// built only here. Build with `swift build --package-path Web`; test with
// `swift test --package-path Web` (after `swift build` in the main package: the tests run the
// `gongjian` binary too).
import PackageDescription

let package = Package(
  name: "gongjian-web",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "gongjian-web", targets: ["gongjian-web"])
  ],
  dependencies: [
    .package(name: "gongjian", path: ".."),
    // Default traits kept: an empty trait list broke resolution in 2.x.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
  ],
  targets: [
    // Routes, pages, forms, sessions, CSRF and the templates (compiled in as Swift strings, so
    // the installed binary needs no resource folder).
    .target(
      name: "GongjianWeb",
      dependencies: [
        .product(name: "GongjianRegistry", package: "gongjian"),
        .product(name: "GongjianPresentation", package: "gongjian"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // The thin executable `gongjian serve` runs.
    .executableTarget(name: "gongjian-web", dependencies: ["GongjianWeb"]),
    .testTarget(
      name: "GongjianWebTests",
      dependencies: [
        "GongjianWeb",
        .product(name: "GongjianRegistry", package: "gongjian"),
        .product(name: "GongjianPresentation", package: "gongjian"),
        .product(name: "Hummingbird", package: "hummingbird"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
