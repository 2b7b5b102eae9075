/// A Kubernetes Indexed Job for a sweep: `completions` = array tasks, each pod running
/// `takt sweep run --task-index $JOB_COMPLETION_INDEX` (takt reads the variable itself).
///
/// The sweep file, the scenario and the output folder must be visible in the pod at the same
/// paths as here: the manifest mounts one volume (a PersistentVolumeClaim named by
/// `claim`) at `mountPath`. Kubernetes has no job dependencies: run `takt sweep merge` when the
/// Job has completed (or as a second Job).
public struct KubernetesJob: Sendable {
    public var image: String
    public var takt: String
    public var sweepFile: String
    public var folder: String
    public var name: String
    public var tasks: ArrayTasks
    /// Pods at once.
    public var parallelism: Int
    public var claim: String
    public var mountPath: String

    public init(image: String, takt: String, sweepFile: String, folder: String, name: String, tasks: ArrayTasks,
                parallelism: Int, claim: String, mountPath: String) {
        self.image = image
        self.takt = takt
        self.sweepFile = sweepFile
        self.folder = folder
        self.name = name
        self.tasks = tasks
        self.parallelism = parallelism
        self.claim = claim
        self.mountPath = mountPath
    }

    /// A DNS-1123 name: lower-case letters, digits and dashes.
    public var jobName: String {
        let slug = name.lowercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        return "takt-" + (slug.isEmpty ? "sweep" : String(slug.prefix(40)))
    }

    public var manifest: String {
        func string(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let command = [takt, "sweep", "run", sweepFile, "--out", folder, "--chunk", "\(tasks.chunk)", "--jobs", "1"]
        return """
            # Sweep '\(name)': \(tasks.runCount) runs in \(tasks.taskCount) indexed completions (chunk \(tasks.chunk)).
            # Written by `takt sweep submit --engine k8s`; apply with `kubectl apply -f`. A pod that
            # fails is retried by Kubernetes (backoffLimitPerIndex); a retry redoes only what is missing.
            # After completion: takt sweep merge \(sweepFile) --out \(folder)
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: \(jobName)
            spec:
              completionMode: Indexed
              completions: \(tasks.taskCount)
              parallelism: \(parallelism)
              backoffLimitPerIndex: 2
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: takt
                      image: \(string(image))
                      command: [\(command.map(string).joined(separator: ", "))]
                      env:
                        - {name: HDF5_USE_FILE_LOCKING, value: "FALSE"}
                      resources:
                        requests: {cpu: "1"}
                        limits: {cpu: "1"}
                      volumeMounts:
                        - {name: sweep, mountPath: \(string(mountPath))}
                  volumes:
                    - name: sweep
                      persistentVolumeClaim: {claimName: \(string(claim))}

            """
    }
}
