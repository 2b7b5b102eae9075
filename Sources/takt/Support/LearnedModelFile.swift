import Foundation
import TaktExperiments

/// Writes what the controllers of replication 0 learned as JSON (`--save-models FILE`):
/// `{"predictive": {"failure_levels": [...]}}`, read back by a policy's `warm_start: FILE`.
enum LearnedModelFile {
    static func write(_ result: ExperimentResult, to path: String) throws {
        guard let models = result.results.first(where: { $0.replication == 0 })?.learnedModels, !models.isEmpty else {
            throw InputError(message: "--save-models: the scenario's controllers learned nothing to save (only the "
                                 + "predictive maintenance controller saves a model)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(models)
        try OutputPath.write(data, to: path, option: "--save-models")
    }
}
