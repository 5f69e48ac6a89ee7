extension Scenario {
    /// The bundled default scenario (`mocks/default.yaml`).
    public static func bundled() throws(ScenarioError) -> Scenario {
        try parse(try bundledSource(), file: "default.yaml")
    }

    /// The bundled default scenario's text.
    public static func bundledSource() throws(ScenarioError) -> String {
        let text = EmbeddedResources.files["default.yaml"] ?? ""
        guard !text.isEmpty else { throw ScenarioError("the bundled default.yaml is missing") }
        return text
    }
}
