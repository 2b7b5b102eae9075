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

    /// Where the takt binary is in the image the Containerfile builds.
    public static let imageTakt = "/usr/local/bin/takt"

    /// The Job's name, a DNS-1123 label that Kubernetes accepts: `takt-` and the sweep name's
    /// lower-case ASCII letters and digits, runs of anything else as one dash, at most 45
    /// characters (a pod's name adds the index and a suffix to it, within 63), never ending in a
    /// dash — not even when the cut falls on one.
    public var jobName: String {
        let slug = name.lowercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        let cut = String(slug.prefix(40)).split(separator: "-").joined(separator: "-")
        return "takt-" + (cut.isEmpty ? "sweep" : cut)
    }

    /// Whether `text` is a DNS-1123 label (RFC 1123, as Kubernetes checks names of containers,
    /// volumes and Jobs): 1 to 63 lower-case letters, digits and dashes, starting and ending with
    /// a letter or digit.
    public static func isDNS1123Label(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool { (97...122).contains(byte) || (48...57).contains(byte) }
        guard (1...63).contains(bytes.count), let first = bytes.first, let last = bytes.last,
              isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// Whether `text` is a DNS-1123 subdomain (names of PersistentVolumeClaims): at most 253
    /// characters, DNS-1123 labels joined by dots.
    public static func isDNS1123Subdomain(_ text: String) -> Bool {
        text.utf8.count <= 253 && text.split(separator: ".", omittingEmptySubsequences: false)
            .allSatisfy { isDNS1123Label(String($0)) }
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
