import SimulationKernel

/// A client's state: active or churned, satisfaction, and its order rate.
struct ClientState {
    var group: Int32
    var isKey: Bool
    var active = true
    var satisfaction = 1.0
    /// Orders per arrival hour (per office hour with the office-hour profile).
    var ordersPerHour: Double
    var arrivalStream: RandomStream
    var workStream: RandomStream
    var attributeStream: RandomStream
    var churnStream: RandomStream
}

