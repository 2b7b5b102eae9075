import ArgumentParser
import TaktSweep

/// `takt sweep …`: parameter sweeps on local cores and on clusters.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run parameter sweeps: on local cores, as Slurm job arrays or Kubernetes Indexed Jobs.",
        discussion: """
            A sweep file names a base scenario, the parameters to vary (by their path in the \
            scenario, e.g. stations.weld.machines, or variant), a design (grid, explicit points, \
            random or Latin hypercube) and replications per point. Runs are numbered point × \
            replication; each writes its own HDF5 file under the sweep's output folder, and a \
            run's results depend only on the sweep file and its number. Reference: \
            docs/sweep-format.md.

            Examples:
              takt sweep plan scenarios/sweeps/two-shifts-staffing.yaml
              takt sweep run scenarios/sweeps/two-shifts-staffing.yaml --jobs 2
              takt sweep status scenarios/sweeps/two-shifts-staffing.yaml
              takt sweep merge scenarios/sweeps/two-shifts-staffing.yaml
              takt sweep submit scenarios/sweeps/two-shifts-staffing.yaml --engine slurm \\
                  --throttle 50 --submit
            """,
        subcommands: [SweepPlanCommand.self, SweepRunCommand.self, SweepSubmitCommand.self, SweepStatusCommand.self,
                      SweepResubmitCommand.self, SweepMergeCommand.self])
}

/// Turns a `SweepError` (an output folder of another sweep, an unwritable folder) into an
/// input error: one message, exit status 2.
func asInputError<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as SweepError {
        throw InputError(message: error.message)
    }
}
