// swift-tools-version: 6.0
// bigclient: a discrete-event what-if simulator for a company and its historic big client.
// No package dependencies, by design: the toolchain (Foundation, Dispatch, Swift Testing) only.
import PackageDescription

let package = Package(
    name: "bigclient",
    products: [
        .executable(name: "bigclient", targets: ["bigclient"]),
        .library(name: "SimulationKernel", targets: ["SimulationKernel"]),
        .library(name: "CompanyModel", targets: ["CompanyModel"]),
        .library(name: "Experiments", targets: ["Experiments"]),
    ],
    targets: [
        // libm: the kernel's inlinable math (floor, log, exp) is emitted into its clients.
        .target(name: "SimulationKernel", exclude: ["README.md"], linkerSettings: [.linkedLibrary("m")]),
        .target(name: "CompanyModel", dependencies: ["SimulationKernel"], exclude: ["README.md"]),
        .target(name: "Experiments", dependencies: ["SimulationKernel", "CompanyModel"], exclude: ["README.md"]),
        .executableTarget(name: "bigclient", dependencies: ["SimulationKernel", "CompanyModel", "Experiments"], exclude: ["README.md"]),
        .testTarget(name: "SimulationKernelTests", dependencies: ["SimulationKernel"]),
        .testTarget(name: "CompanyModelTests", dependencies: ["CompanyModel", "SimulationKernel", "Experiments"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "CompanyModel", "SimulationKernel"]),
        // The model against queueing theory, through the ordinary scenario path.
        .testTarget(name: "ValidationTests", dependencies: ["Experiments", "CompanyModel", "SimulationKernel"]),
        .testTarget(name: "bigclientTests", dependencies: ["bigclient", "SimulationKernel", "CompanyModel", "Experiments"]),
    ]
)
