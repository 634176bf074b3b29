// Rules on each container: images, processes, signals, logs and hardening.
import type { Container, ResourceModel, TaskFacet } from "../model";
import { isUnreadable, parseImageReference } from "../model";
import { argvOf, basename, downloadOf, initProcesses, maxShellDepth, programStarts, readCommandLine } from "./commands";
import { compilePatterns } from "./patterns";
import { Finding, ResourceRule, forEachContainer, notApplicable, q, readable } from "./rule";

const taskKinds = ["taskDefinition", "expressService"] as const;

export const imageTagPinned: ResourceRule<{ disallowedTags: string[]; requireDigest: boolean; allowedTagPattern?: string }> = {
    kind: "resource",
    name: "ecs-image-tag-pinned",
    description: "Each container image names a digest or a unique tag, never `latest` or no tag at all.",
    level: "mandatory",
    severity: "high",
    source: { guide: ["version-tags", "task-definition-immutable-revisions"] },
    appliesTo: taskKinds,
    scope: "each container",
    remediationSteps: "Tag each image build with a unique tag (the git commit SHA) and reference that tag or the image digest (`repo@sha256:...`) in the container definition.",
    config: {
        disallowedTags: { type: "array", items: { type: "string" }, default: ["latest"], description: "Tags that never count as pinned (compared case-insensitively); `latest` never counts, whatever this list says." },
        requireDigest: { type: "boolean", default: false, description: "Require a digest (`@sha256:...`); a tag alone fails." },
        allowedTagPattern: { type: "string", description: "When set, a tag must match this regular expression (RE2 syntax) in full (e.g. `v\\d+\\.\\d+\\.\\d+|[0-9a-f]{7,40}`).", regex: true },
    },
    check(resource, config) {
        const tagPattern = config.allowedTagPattern ? compilePatterns([config.allowedTagPattern], "allowedTagPattern", { whole: true }) : undefined;
        if (tagPattern && !tagPattern.ok) return [{ message: tagPattern.problem }];
        const disallowed = new Set(["latest", ...config.disallowedTags.map((t) => t.toLowerCase())]);
        return forEachContainer(resource, (c, out) => {
            if (!readable(c.image, `${c.label} image`, out)) return;
            if (c.image === undefined) {
                out.push({ message: `${c.label} has no image. Set \`image\` to a reference with a unique tag or a digest.` });
                return;
            }
            const parsed = parseImageReference(c.image);
            if (!parsed.ok) {
                out.push({ message: `${c.label} image ${q(c.image)} is not a valid image reference: it ${parsed.problem}.` });
                return;
            }
            const { tag, digest } = parsed.ref;
            if (digest) return;
            const where = `${c.label} image ${q(c.image)}`;
            if (config.requireDigest) {
                out.push({ message: `${where} has no digest. Reference the image by digest (\`@sha256:...\`); requireDigest is on.` });
            } else if (tag === undefined) {
                out.push({ message: `${where} has no tag, which means \`latest\`. Use a unique tag per build (e.g. the git SHA) or a digest.` });
            } else if (disallowed.has(tag.toLowerCase())) {
                out.push({ message: `${where} uses the mutable tag ${q(tag)}. Use a unique tag per build (e.g. the git SHA) or a digest.` });
            } else if (tagPattern?.ok && !tagPattern.test(tag)) {
                out.push({ message: `${where} has tag ${q(tag)}, which does not match allowedTagPattern ${q(config.allowedTagPattern)}. Use a tag of the allowed form or a digest.` });
            }
        });
    },
};

export const versionConsistency: ResourceRule = {
    kind: "resource",
    name: "ecs-version-consistency",
    description: "Each container lets ECS resolve its image tag to a digest at deploy time (`versionConsistency` is not `disabled`).",
    level: "advisory",
    severity: "low",
    source: { guide: ["task-definition-immutable-revisions"] },
    appliesTo: ["taskDefinition"],
    scope: "each container",
    remediationSteps: "Remove `versionConsistency: \"disabled\"` (or set it to `enabled`) so every task of a deployment runs the same image.",
    config: {},
    check: (resource) => forEachContainer(resource, (c, out) => {
        if (!readable(c.versionConsistency, `${c.label} versionConsistency`, out)) return;
        if (c.versionConsistency === "disabled") {
            out.push({ message: `${c.label} sets versionConsistency to 'disabled', so tasks of one deployment may run different images. Remove it or set 'enabled'.` });
        }
    }, { needs: "versionConsistency" }),
};

export const noStartupDownloads: ResourceRule<{ extraPatterns: string[]; allowPatterns: string[] }> = {
    kind: "resource",
    name: "ecs-no-startup-downloads",
    description: "No container fetches or installs code at start (curl/wget of a URL, package installs, `git clone`, `aws s3 cp/sync`).",
    level: "advisory",
    severity: "medium",
    source: { guide: ["complete-static"] },
    appliesTo: taskKinds,
    scope: "each container (entryPoint + command; health checks are not inspected)",
    remediationSteps: "Install dependencies and fetch data when the image is built (a multi-stage Dockerfile), not in the container's entryPoint or command.",
    config: {
        extraPatterns: { type: "array", items: { type: "string" }, default: [], description: "More regular expressions (RE2 syntax, case-insensitive) matched against entryPoint + command joined by spaces; a match counts as a download at start.", regex: true },
        allowPatterns: { type: "array", items: { type: "string" }, default: [], description: "Regular expressions (RE2 syntax); a download whose text (e.g. `curl -f http://localhost/warm`) matches one of them is allowed.", regex: true },
    },
    check(resource, config) {
        const extra = compilePatterns(config.extraPatterns, "extraPatterns", { ignoreCase: true });
        const allow = compilePatterns(config.allowPatterns, "allowPatterns");
        const problems = [extra, allow].filter((p) => !p.ok).map((p) => ({ message: (p as { problem: string }).problem }));
        if (problems.length > 0 || !extra.ok || !allow.ok) return problems;
        const budget = { steps: locateBudget };
        return forEachContainer(resource, (c, out) => {
            const argv = commandLine(c, out);
            if (!argv) return;
            const read = readCommandLine(argv, plainEnvironment(c));
            const found = new Set<string>();
            for (const start of read.starts) {
                const text = downloadOf(start);
                if (text !== undefined && !allow.test(text)) found.add(text);
            }
            const line = argv.join(" ");
            for (const text of extra.matches(line, budget)) {
                // A match too costly to locate cannot be told apart from the rest of the line: allowPatterns do not apply to it.
                if (text === undefined) found.add(line);
                else if (!allow.test(text)) found.add(text);
            }
            if (found.size > 0) {
                out.push({ message: `${c.label} downloads or installs code at start (${[...found].map((t) => q(clip(t))).join(", ")}). Bake dependencies into the image instead.` });
            }
            if (read.tooDeep) out.push({ message: tooDeep(c) });
        });
    },
};

/** How many pattern-by-character steps one check may spend locating what extraPatterns matched. */
const locateBudget = 2_000_000;

function tooDeep(c: Container): string {
    return `${c.label} nests shell command lines more than ${maxShellDepth} levels deep, too deep to check. Run the application directly, or from a script baked into the image.`;
}

/** The container's plain environment, for a program named by `$NAME` in its command line. */
function plainEnvironment(c: Container): Map<string, string> {
    const vars = new Map<string, string>();
    if (isUnreadable(c.environment)) return vars;
    for (const v of c.environment ?? []) {
        if (typeof v.name === "string" && typeof v.value === "string") vars.set(v.name, v.value);
    }
    return vars;
}

const supervisors = new Set(["systemd", "supervisord", "runsvdir", "s6-svscan", "pm2", "pm2-runtime", "forever", "nodemon"]);
const initSystems = new Set(["/sbin/init", "/usr/sbin/init", "/bin/init", "/usr/bin/init", "/lib/systemd/systemd", "init"]);

/** `//sbin/./init` as `/sbin/init`: the path the kernel resolves. */
function normalPath(path: string): string {
    const parts: string[] = [];
    for (const part of path.split("/")) {
        if (part === "" || part === ".") continue;
        if (part === "..") parts.pop();
        else parts.push(part);
    }
    return (path.startsWith("/") ? "/" : "") + parts.join("/");
}

function supervisorOf(executable: string): string | undefined {
    const name = basename(executable);
    if (supervisors.has(name)) return name;
    const path = normalPath(executable);
    if (initSystems.has(path)) return executable;
    if (path === "/init") return "/init (s6-overlay)";
    return undefined;
}

export const singleProcess: ResourceRule = {
    kind: "resource",
    name: "ecs-single-process",
    description: "No container starts a process supervisor or restarter (systemd, supervisord, s6, pm2, forever, nodemon...) or backgrounds a process with `&`.",
    level: "advisory",
    severity: "medium",
    source: { guide: ["single-application"] },
    appliesTo: taskKinds,
    scope: "each container (entryPoint + command)",
    remediationSteps: "Run one application process per container (tini or dumb-init in front of it is fine) and let ECS replace the task when it exits.",
    config: {},
    check: (resource) => forEachContainer(resource, (c, out) => {
        const argv = commandLine(c, out);
        if (!argv) return;
        const read = readCommandLine(argv, plainEnvironment(c));
        for (const start of read.starts) {
            const supervisor = supervisorOf(start.executable);
            if (supervisor) {
                out.push({ message: `${c.label} starts the process supervisor ${q(supervisor)}. Run the application directly and let ECS restart the task.` });
                return;
            }
            if (start.backgrounded) {
                out.push({ message: `${c.label} starts ${q(basename(start.executable))} in the background with '&'. Run one process per container; move helpers to sidecars.` });
                return;
            }
        }
        if (read.tooDeep) out.push({ message: tooDeep(c) });
    }),
};

export const noContainerRestart: ResourceRule = {
    kind: "resource",
    name: "ecs-no-container-restart",
    description: "Essential containers do not use the container restart policy: ECS replaces the task instead.",
    level: "advisory",
    severity: "low",
    source: { guide: ["single-application"] },
    appliesTo: ["taskDefinition"],
    scope: "each essential container",
    remediationSteps: "Remove `restartPolicy` (or set `enabled: false`) from essential containers.",
    config: {},
    check: (resource) => forEachContainer(resource, (c, out) => {
        if (!readable(c.restartEnabled, `${c.label} restartPolicy.enabled`, out)) return;
        if (c.restartEnabled === true) {
            out.push({ message: `${c.label} is essential and restarts in place (restartPolicy.enabled is true). Remove the restart policy and let ECS replace the task.` });
        }
    }, { needs: "restartPolicy", essentialOnly: true }),
};

/** True when the task runs Windows (platform, or every image from a Windows base). */
function isWindows(task: TaskFacet): boolean | undefined {
    const os = task.operatingSystemFamily;
    if (typeof os === "string") return os.toUpperCase().startsWith("WINDOWS");
    if (isUnreadable(os) || !Array.isArray(task.containers) || task.containers.length === 0) return undefined;
    return task.containers.every((c) => typeof c.image === "string" && /^mcr\.microsoft\.com\/(windows|dotnet\/framework)/i.test(c.image));
}

function runsInitProcess(c: Container): boolean {
    const argv = Array.isArray(c.entryPoint) ? c.entryPoint : [];
    return programStarts(argv).some((s) => initProcesses.has(basename(s.executable)));
}

function linuxOnly(resource: ResourceModel) {
    return resource.task && isWindows(resource.task) ? notApplicable("Windows task") : undefined;
}

export const initProcess: ResourceRule = {
    kind: "resource",
    name: "ecs-init-process",
    description: "Each Linux container runs an init process (`linuxParameters.initProcessEnabled`), unless its entry point already runs tini or dumb-init.",
    level: "advisory",
    severity: "low",
    source: { guide: ["signal-handling"] },
    appliesTo: ["taskDefinition"],
    scope: "each Linux container",
    remediationSteps: "Set `linuxParameters.initProcessEnabled: true` so signals reach the application and zombie processes are reaped (the remediation does this).",
    config: {},
    check: (resource) => linuxOnly(resource) ?? forEachContainer(resource, (c, out) => {
        if (!readable(c.initProcessEnabled, `${c.label} linuxParameters.initProcessEnabled`, out)) return;
        if (c.initProcessEnabled === true || runsInitProcess(c)) return;
        if (!readable(c.entryPoint, `${c.label} entryPoint`, out)) return;
        out.push({ message: `${c.label} runs without an init process. Set linuxParameters.initProcessEnabled to true (or start it with tini) so SIGTERM reaches the application.` });
    }, { needs: "linuxParameters" }),
    remediate: (props, resource) => linuxOnly(resource) ? undefined : editContainers(props, (c) => {
        const linux = isObject(c.linuxParameters) ? c.linuxParameters : {};
        if (linux.initProcessEnabled === true) return undefined;
        const entry = Array.isArray(c.entryPoint) ? c.entryPoint.filter((e): e is string => typeof e === "string") : [];
        if (programStarts(entry).some((s) => initProcesses.has(basename(s.executable)))) return undefined;
        return { ...c, linuxParameters: { ...linux, initProcessEnabled: true } };
    }),
};

export const stopTimeout: ResourceRule<{ minSeconds: number; maxSeconds: number; defaultSeconds: number }> = {
    kind: "resource",
    name: "ecs-stop-timeout",
    description: "Each essential container sets `stopTimeout` within [minSeconds, maxSeconds], so the application can finish its SIGTERM handler.",
    level: "advisory",
    severity: "low",
    source: { guide: ["signal-handling"] },
    appliesTo: ["taskDefinition"],
    scope: "each essential container",
    remediationSteps: "Set `stopTimeout` to the time the application needs to drain (the remediation sets defaultSeconds where it is unset).",
    config: {
        minSeconds: { type: "integer", default: 2, minimum: 0, description: "Shortest allowed stopTimeout, in seconds (inclusive)." },
        maxSeconds: { type: "integer", default: 120, minimum: 0, description: "Longest allowed stopTimeout, in seconds (inclusive; Fargate allows at most 120)." },
        defaultSeconds: { type: "integer", default: 30, minimum: 0, description: "What the remediation sets where stopTimeout is unset." },
    },
    configProblems: (config) => config.minSeconds > config.maxSeconds
        ? [{ keys: ["minSeconds", "maxSeconds"], problem: `minSeconds (${config.minSeconds}) is greater than maxSeconds (${config.maxSeconds}), so no stopTimeout could pass.` }]
        : [],
    check: (resource, config) => forEachContainer(resource, (c, out) => {
        if (!readable(c.stopTimeout, `${c.label} stopTimeout`, out)) return;
        const range = `[${config.minSeconds}, ${config.maxSeconds}]`;
        if (c.stopTimeout === undefined) {
            out.push({ message: `${c.label} has no stopTimeout, so ECS waits its default before SIGKILL. Set stopTimeout within ${range} seconds to what the application needs to drain.` });
        } else if (c.stopTimeout < config.minSeconds || c.stopTimeout > config.maxSeconds) {
            out.push({ message: `${c.label} stopTimeout ${q(c.stopTimeout)} is outside ${range} seconds. Set it to what the application needs to drain, within that range.` });
        }
    }, { needs: "stopTimeout", essentialOnly: true }),
    remediate: (props, _resource, config) => editContainers(props, (c) =>
        c.essential === false || c.stopTimeout !== undefined && c.stopTimeout !== null ? undefined : { ...c, stopTimeout: config.defaultSeconds }),
};

export const logConfiguration: ResourceRule<{ allowedDrivers: string[] }> = {
    kind: "resource",
    name: "ecs-log-configuration",
    description: "Each container sends stdout/stderr to an allowed log driver; `awsfirelens` needs a FireLens router in the task.",
    level: "mandatory",
    severity: "medium",
    source: { guide: ["log-streams"] },
    appliesTo: taskKinds,
    scope: "each container (EGS: awsLogsConfigurations)",
    remediationSteps: "Give every container a `logConfiguration` with an allowed driver (e.g. `awslogs` with a log group); with `awsfirelens`, add a FireLens router container (`firelensConfiguration`).",
    config: {
        allowedDrivers: { type: "array", items: { type: "string" }, default: ["awslogs", "awsfirelens", "splunk"], description: "Log drivers that count as shipping logs (`none` never does)." },
    },
    configProblems: (config) => config.allowedDrivers.length > 0 && !config.allowedDrivers.includes("none") ? [] : [{
        keys: ["allowedDrivers"],
        problem: config.allowedDrivers.length === 0 ? "allowedDrivers is empty, so no container could pass." : "allowedDrivers holds 'none', which discards the logs.",
    }],
    check(resource, config) {
        const containers = Array.isArray(resource.task?.containers) ? resource.task!.containers : [];
        const router = containers.some((c) => c.firelens === true);
        const routerUnknown = containers.some((c) => isUnreadable(c.firelens) && c.firelens.reason === "unknown");
        return forEachContainer(resource, (c, out) => {
            if (!readable(c.logDriver, `${c.label} logConfiguration`, out)) return;
            if (c.logDriver === undefined) {
                const field = resource.kind === "expressService" ? "primaryContainer.awsLogsConfigurations" : "logConfiguration";
                out.push({ message: `${c.label} has no log configuration, so its stdout/stderr are lost. Set ${field} with one of: ${config.allowedDrivers.join(", ")}.` });
            } else if (!config.allowedDrivers.includes(c.logDriver)) {
                out.push({ message: `${c.label} uses log driver ${q(c.logDriver)}, which is not allowed. Use one of: ${config.allowedDrivers.join(", ")}.` });
            } else if (c.logDriver === "awsfirelens" && !router) {
                if (routerUnknown) out.push({ message: `${c.label} FireLens router is not known yet`, pending: true });
                else out.push({ message: `${c.label} logs through awsfirelens but the task has no FireLens router. Add a log router container with firelensConfiguration.` });
            }
        });
    },
};

export const noPrivileged: ResourceRule = {
    kind: "resource",
    name: "ecs-no-privileged",
    description: "No container runs privileged.",
    level: "mandatory",
    severity: "high",
    source: { controls: ["Security Hub ECS.4", "Checkov CKV_AWS_334"], url: securityHub("ecs-4") },
    appliesTo: ["taskDefinition"],
    scope: "each container",
    remediationSteps: "Remove `privileged: true`; grant only the Linux capabilities the container needs (`linuxParameters.capabilities.add`).",
    config: {},
    check: (resource) => forEachContainer(resource, (c, out) => {
        if (!readable(c.privileged, `${c.label} privileged`, out)) return;
        if (c.privileged === true) out.push({ message: `${c.label} runs privileged, with full access to the host. Remove privileged and add only the capabilities it needs.` });
    }, { needs: "privileged" }),
};

export const readonlyRootFilesystem: ResourceRule = {
    kind: "resource",
    name: "ecs-readonly-root-filesystem",
    description: "Each container mounts its root filesystem read-only.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["Security Hub ECS.5", "Checkov CKV_AWS_336"], url: securityHub("ecs-5") },
    appliesTo: ["taskDefinition"],
    scope: "each container",
    remediationSteps: "Set `readonlyRootFilesystem: true` and mount a volume for the paths the application writes.",
    config: {},
    check: (resource) => forEachContainer(resource, (c, out) => {
        if (!readable(c.readonlyRootFilesystem, `${c.label} readonlyRootFilesystem`, out)) return;
        if (c.readonlyRootFilesystem !== true) out.push({ message: `${c.label} can write to its root filesystem. Set readonlyRootFilesystem to true and mount volumes where it must write.` });
    }, { needs: "readonlyRootFilesystem" }),
};

export const nonRootUser: ResourceRule = {
    kind: "resource",
    name: "ecs-non-root-user",
    description: "Each Linux container runs as a user other than root.",
    level: "advisory",
    severity: "medium",
    source: { controls: ["AWS Config ecs-task-definition-nonroot-user", "Security Hub ECS.20"], url: securityHub("ecs-20") },
    appliesTo: ["taskDefinition"],
    scope: "each Linux container",
    remediationSteps: "Set `user` to a non-root user or UID (e.g. `1000` or `app`), created in the image.",
    config: {},
    check: (resource) => linuxOnly(resource) ?? forEachContainer(resource, (c, out) => {
        if (!readable(c.user, `${c.label} user`, out)) return;
        if (c.user === undefined) out.push({ message: `${c.label} sets no user, so it runs as the image's user (often root). Set user to a non-root user or UID.` });
        else if (/^(root|0)(:.*)?$/.test(c.user.trim())) out.push({ message: `${c.label} runs as root (user ${q(c.user)}). Set user to a non-root user or UID.` });
    }, { needs: "user" }),
};

const defaultSecretNames = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_?KEY", "ACCESS_?KEY", "PRIVATE_?KEY", "CREDENTIAL", "AUTH_?KEY", "CLIENT_?SECRET", "CONNECTION_?STRING", "_DSN$"];
const credentialValues = [
    /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/,
    /-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----/,
];

/**
 * A URL with a password in it, whatever its scheme (`redis://:pw@h`, `jdbc:postgresql://u:pw@h/db`, `mongodb+srv://`).
 * Scans each `://` once up to the end of its authority, so a long value costs linear time.
 */
export function hasUrlPassword(value: string): boolean {
    for (let at = value.indexOf("://"); at !== -1; at = value.indexOf("://", at + 3)) {
        const start = at + 3;
        let end = start;
        while (end < value.length && !"/?#\\ \t\r\n".includes(value[end])) end++;
        const authority = value.slice(start, end);
        const userinfo = authority.slice(0, Math.max(0, authority.lastIndexOf("@")));
        const colon = userinfo.indexOf(":");
        if (colon !== -1 && colon < userinfo.length - 1) return true;
    }
    return false;
}
const harmlessValue = /^\s*(-?\d+(\.\d+)?|true|false|yes|no|on|off)\s*$/i;

export const noSecretsInEnvironment: ResourceRule<{ secretNamePatterns: string[]; allowNames: string[] }> = {
    kind: "resource",
    name: "ecs-no-secrets-in-environment",
    description: "No plain environment variable carries a secret (by its name, or a value that looks like a credential); use `secrets`.",
    level: "mandatory",
    severity: "critical",
    source: { controls: ["Security Hub ECS.8", "trivy AVD-AWS-0036", "KICS"], url: securityHub("ecs-8") },
    appliesTo: taskKinds,
    scope: "each container",
    remediationSteps: "Move the value to Secrets Manager or SSM Parameter Store and reference it from the container's `secrets` (valueFrom), not `environment`.",
    config: {
        secretNamePatterns: { type: "array", items: { type: "string" }, default: defaultSecretNames, description: "Case-insensitive regular expressions (RE2 syntax); a variable whose name matches one holds a secret.", regex: true },
        allowNames: { type: "array", items: { type: "string" }, default: [], description: "Exact variable names that never count." },
    },
    check(resource, config) {
        const names = compilePatterns(config.secretNamePatterns, "secretNamePatterns", { ignoreCase: true });
        if (!names.ok) return [{ message: names.problem }];
        const allowed = new Set(config.allowNames);
        return forEachContainer(resource, (c, out) => {
            if (!readable(c.environment, `${c.label} environment`, out)) return;
            for (const v of c.environment ?? []) {
                if (typeof v.name !== "string" || allowed.has(v.name)) continue;
                if (!readable(v.value, `${c.label} environment ${q(v.name)}`, out)) continue;
                const value = v.value ?? "";
                if (value.trim() === "" || harmlessValue.test(value)) continue;
                const byValue = hasUrlPassword(value) || credentialValues.some((re) => re.test(value));
                if (byValue || names.test(v.name)) {
                    const why = byValue ? "holds a value that looks like a credential" : "is named like a secret";
                    out.push({ message: `${c.label} environment variable ${q(v.name)} ${why} and is stored in plain text in the task definition. Move it to \`secrets\` (Secrets Manager or SSM).` });
                }
            }
        });
    },
};

/** The command line a container runs, or undefined (recording "not known yet") when unknown. */
function commandLine(c: Container, out: Finding[]): string[] | undefined {
    if (!readable(c.entryPoint, `${c.label} entryPoint`, out)) return undefined;
    if (!readable(c.command, `${c.label} command`, out)) return undefined;
    return argvOf(c.entryPoint, c.command);
}

function clip(text: string): string {
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function securityHub(anchor: string): string {
    return `https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#${anchor}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Edits container definitions (a JSON string for `aws`, a list for `aws-native`) and returns the new
 * properties, or undefined when no container changed or the list cannot be read.
 */
export function editContainers(
    props: Record<string, unknown>,
    edit: (container: Record<string, unknown>) => Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
    const raw = props.containerDefinitions;
    let list: unknown = raw;
    if (typeof raw === "string") {
        try {
            list = JSON.parse(raw);
        } catch {
            return undefined;
        }
    }
    if (!Array.isArray(list)) return undefined;
    let changed = false;
    const edited = list.map((c) => {
        if (!isObject(c)) return c;
        const next = edit(c);
        if (next) changed = true;
        return next ?? c;
    });
    if (!changed) return undefined;
    return { ...props, containerDefinitions: typeof raw === "string" ? JSON.stringify(edited) : edited };
}
