import Foundation
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

    /// Issue 19, D4: a sweep name whose 40th character is a dash gave a Job name ending in "-",
    /// which Kubernetes rejects. Every name Takt writes into the manifest is checked against
    /// Kubernetes' rules (DNS-1123 labels; the claim a subdomain).
    func testEveryManifestNameIsAValidKubernetesName() throws {
        let names = ["Fleet", "two shifts, staffing study", String(repeating: "a", count: 39) + "-b",
                     String(repeating: "ab-", count: 30), "Ünïcödé only", "---", "", "UPPER_case.name!", "9 lives",
                     String(repeating: "x", count: 200), "a" + String(repeating: " ", count: 60) + "b"]
        for name in names {
            let job = KubernetesJob(image: "takt:latest", takt: KubernetesJob.imageTakt, sweepFile: "/work/s.yaml",
                                    folder: "/work/out", name: name, tasks: ArrayTasks(runCount: 5, chunk: 1),
                                    parallelism: 1, claim: "takt-sweeps", mountPath: "/work")
            XCTAssertTrue(KubernetesJob.isDNS1123Label(job.jobName), "'\(name)' → '\(job.jobName)'")
            XCTAssertLessThanOrEqual(job.jobName.count, 45, job.jobName)
            let manifest = job.manifest
            for line in manifest.split(separator: "\n") {
                for key in ["name: ", "{name: "] {
                    guard let range = line.range(of: key) else { continue }
                    let value = line[range.upperBound...].prefix { $0 != "," && $0 != "}" }
                        .trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
                    guard value != "HDF5_USE_FILE_LOCKING" else { continue }    // an environment variable
                    XCTAssertTrue(KubernetesJob.isDNS1123Label(value), "'\(value)' in \(line)")
                }
            }
            XCTAssertTrue(manifest.contains("persistentVolumeClaim: {claimName: \"takt-sweeps\"}"))
        }
        let cutOnADash = KubernetesJob(image: "i", takt: "t", sweepFile: "s", folder: "f",
                                       name: String(repeating: "a", count: 39) + "-b",
                                       tasks: ArrayTasks(runCount: 1, chunk: 1), parallelism: 1, claim: "c",
                                       mountPath: "/")
        XCTAssertEqual(cutOnADash.jobName, "takt-" + String(repeating: "a", count: 39))
    }

    func testTheDNS1123Rules() {
        for good in ["a", "takt-sweeps", "0abc", String(repeating: "a", count: 63)] {
            XCTAssertTrue(KubernetesJob.isDNS1123Label(good), good)
        }
        for bad in ["", "-a", "a-", "A", "a_b", "a.b", "ä", String(repeating: "a", count: 64)] {
            XCTAssertFalse(KubernetesJob.isDNS1123Label(bad), bad)
        }
        XCTAssertTrue(KubernetesJob.isDNS1123Subdomain("sweeps.team-a"))
        XCTAssertFalse(KubernetesJob.isDNS1123Subdomain("sweeps..a"))
        XCTAssertFalse(KubernetesJob.isDNS1123Subdomain("Sweeps"))
    }
}
