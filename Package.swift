// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "gongjian",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "gongjian", targets: ["gongjian"]),
    // For the fuzz targets in Fuzz/ (a separate package that depends on this one by path).
    .library(name: "GongjianRegistry", targets: ["GongjianRegistry"]),
    .library(name: "GongjianPresentation", targets: ["GongjianPresentation"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/onevcat/Rainbow", from: "4.2.2"),
  ],
  targets: [
    // Layer 1: the system libsqlite3, nothing else. A missing library names its Debian package.
    .systemLibrary(
      name: "CSQLite",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    // The system zlib, for reading and writing the deflate streams inside XLSX workbooks. Not
    // named CZlib: that is ZIPFoundation's module, which the tests use to build workbooks.
    .systemLibrary(
      name: "GongjianZlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // C for the storage layer: the signal handler that removes temporary files, and Linux
    // calls Swift's Glibc module does not import.
    .target(name: "CStorage"),
    // Layer 2: a thin Swift wrapper over the C API; the only module that imports CSQLite.
    .target(name: "SQLite", dependencies: ["CSQLite"]),
    // Layer 3 + 4: embedded migrations and the registry (domain, queries, import/export).
    .target(
      name: "GongjianRegistry",
      dependencies: [
        "SQLite",
        "CStorage",
        "GongjianZlib",
      ],
      plugins: ["EmbedMigrationsPlugin"]
    ),
    // Layer 5: presentation, shared by every surface: the language catalogues, the column
    // tables of the listings, the writers and the report renderers.
    .target(
      name: "GongjianPresentation",
      dependencies: [
        "GongjianRegistry",
        .product(name: "Rainbow", package: "Rainbow"),
      ]
    ),
    // Layer 6: the command-line interface.
    .executableTarget(
      name: "gongjian",
      dependencies: [
        "GongjianRegistry",
        "GongjianPresentation",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Rainbow", package: "Rainbow"),
      ]
    ),
    // Build time only: turns Migrations/*.sql into Swift source compiled into the registry.
    .executableTarget(name: "EmbedMigrations"),
    .plugin(
      name: "EmbedMigrationsPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedMigrations"]
    ),
    .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
    .testTarget(name: "GongjianRegistryTests", dependencies: ["GongjianRegistry", "SQLite"]),
    .testTarget(name: "GongjianPresentationTests", dependencies: ["GongjianPresentation", "GongjianRegistry"]),
    // ZIPFoundation builds and unpacks workbooks in the tests, independently of the registry's
    // own ZIP reader and writer.
    .testTarget(
      name: "gongjianTests",
      dependencies: [
        "gongjian", "SQLite", "GongjianPresentation", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
