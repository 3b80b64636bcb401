// swift-tools-version:6.0
import PackageDescription

// Targets point one way: QuorumCEL and QuorumRules (no dependencies) ← QuorumCore (model, validation, engine)
// ← QuorumFiles (YAML/CSV loading), QuorumStore (SQLite, PostgreSQL) and QuorumAccess (users) ← the `quorum` executable
// (the command line, and `quorum serve`: a JSON API on Hummingbird and web pages from swift-mustache templates).
let package = Package(
    name: "Quorum",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "quorum", targets: ["quorum"]),
        .executable(name: "quorum-benchmark", targets: ["QuorumBenchmark"]),
        .executable(name: "quorum-hello", targets: ["QuorumHello"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        .target(name: "QuorumCEL"),
        .target(name: "QuorumRules"),
        .target(
            name: "QuorumCore",
            dependencies: [
                "QuorumCEL",
                "QuorumRules",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "QuorumFiles",
            dependencies: [
                "QuorumCEL",
                "QuorumCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Users of a shared store: passwords (scrypt), roles and units, and signing keys sealed by the password.
        .target(
            name: "QuorumAccess",
            dependencies: [
                "QuorumCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(name: "QuorumReports", dependencies: ["QuorumCore", "QuorumRules", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "QuorumStore",
            dependencies: [
                "QuorumCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "quorum",
            dependencies: [
                "QuorumAccess",
                "QuorumCEL",
                "QuorumCore",
                "QuorumReports",
                "QuorumFiles",
                "QuorumStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["BuildInfo"]
        ),
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .executableTarget(name: "QuorumBenchmark", dependencies: ["QuorumCEL", "QuorumCore", "QuorumFiles", "QuorumStore",
                                                                  .product(name: "GRDB", package: "GRDB.swift")]),
        // The baseline of command timings: a Swift program linked with Foundation that prints one line.
        .executableTarget(name: "QuorumHello", path: "Sources/QuorumHello"),
        .testTarget(name: "QuorumCELTests", dependencies: ["QuorumCEL"], exclude: ["Conformance"]),
        .testTarget(name: "QuorumRulesTests", dependencies: ["QuorumRules"]),
        .testTarget(name: "QuorumCoreTests", dependencies: ["QuorumCore", "QuorumFiles"]),
        .testTarget(name: "QuorumFilesTests", dependencies: ["QuorumFiles", "QuorumCEL", "QuorumCore", .product(name: "CSV", package: "CSV.swift")],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "QuorumAccessTests", dependencies: ["QuorumAccess", "QuorumCore"]),
        .testTarget(name: "QuorumReportsTests", dependencies: ["QuorumReports", "QuorumCore", "QuorumFiles"], exclude: ["Fixtures"]),
        .testTarget(
            name: "QuorumStoreTests",
            dependencies: ["QuorumStore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "QuorumCLITests", dependencies: ["quorum", "QuorumCore", "QuorumFiles"]),
    ]
)
