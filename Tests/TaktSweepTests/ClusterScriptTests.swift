import TaktSweep
import XCTest

/// The scripts written for Slurm and Kubernetes.
final class ClusterScriptTests: XCTestCase {
    func script(chunk: Int = 1, throttle: Int? = 3) -> SlurmScript {
        SlurmScript(takt: "/opt/takt/bin/takt", sweepFile: "/work/my sweep.yaml", folder: "/scratch/out",
                    name: "Fleet: techs × policy", tasks: ArrayTasks(runCount: 12, chunk: chunk), throttle: throttle,
                    partition: "short", time: "10:00", memory: "2G", extra: ["--account=abc"])
    }

    func testArrayScript() {
        let text = script().arrayScript
        for line in ["#SBATCH --job-name=takt-fleet-techs-policy", "#SBATCH --array=0-11%3",
                     "#SBATCH --output=/scratch/out/logs/%A_%a.out",
                     "#SBATCH --partition=short", "#SBATCH --time=10:00", "#SBATCH --mem=2G", "#SBATCH --account=abc",
                     "export HDF5_USE_FILE_LOCKING=FALSE",
                     "exec /opt/takt/bin/takt sweep run '/work/my sweep.yaml' --out /scratch/out --chunk 1 --jobs 1 \\",
                     "    --task-index \"$SLURM_ARRAY_TASK_ID\""] {
            XCTAssertTrue(text.contains(line + "\n"), "missing \(line) in\n\(text)")
        }
        XCTAssertTrue(script(chunk: 5, throttle: nil).arrayScript.contains("#SBATCH --array=0-2\n"))
        XCTAssertTrue(script().mergeScript.contains("exec /opt/takt/bin/takt sweep merge '/work/my sweep.yaml' --out "
                                                        + "/scratch/out\n"))
    }

    func testSubmitAndResubmitCommandsChainTheMergeJob() {
        let submit = script().submitCommands(arrayFile: "/s/array.sbatch", mergeFile: "/s/merge.sbatch")
        XCTAssertTrue(submit.contains("array=$(sbatch --parsable /s/array.sbatch)"), submit)
        XCTAssertTrue(submit.contains("merge=$(sbatch --parsable --dependency=afterany:$array /s/merge.sbatch)"),
                      submit)
        let resubmit = script()
            .submitCommands(arrayFile: "/s/array.sbatch", mergeFile: "/s/merge.sbatch", indices: [8, 3, 7])
        XCTAssertTrue(resubmit.contains("sbatch --parsable --array=3,7-8%3 /s/array.sbatch"), resubmit)
    }

    func testKubernetesIndexedJob() {
        let job = KubernetesJob(image: "registry/takt:0.1", takt: "/usr/bin/takt", sweepFile: "/work/s.yaml",
                                folder: "/work/out",
                                name: "Fleet", tasks: ArrayTasks(runCount: 25, chunk: 10), parallelism: 2,
                                claim: "sweeps",
                                mountPath: "/work")
        for line in ["kind: Job", "name: takt-fleet", "completionMode: Indexed", "completions: 3", "parallelism: 2",
                     "image: \"registry/takt:0.1\"",
                     "command: [\"/usr/bin/takt\", \"sweep\", \"run\", \"/work/s.yaml\", \"--out\", \"/work/out\", "
                         + "\"--chunk\", \"10\", \"--jobs\", \"1\"]",
                     "- {name: HDF5_USE_FILE_LOCKING, value: \"FALSE\"}",
                     "persistentVolumeClaim: {claimName: \"sweeps\"}"] {
            XCTAssertTrue(job.manifest.contains(line), "missing \(line) in\n\(job.manifest)")
        }
    }
}
