// Helpers for the checks that read each container of a task.
import type { Container, ContainerField, ResourceModel, TaskFacet } from "../../model";
import { argvOf, basename, initProcesses, isNotKnownYet, isUnreadable, maxShellDepth, programStarts } from "../../model";
import type { Finding } from "../rule";
import { NotApplicable, notApplicable } from "../rule";
import { isKnown, notKnownYet } from "./findings";

/** The kinds that have containers: task definitions, daemon task definitions, and an Express Gateway Service's implicit task. */
export const taskKinds = ["taskDefinition", "daemonTaskDefinition", "expressService"] as const;

/**
 * Runs a check on every container of a task that has the fields the check needs.
 * Fields not known yet make that container "not known yet"; malformed ones are left to `ecs-input-well-formed`.
 */
export function forEachContainer(
    resource: ResourceModel,
    check: (container: Container, findings: Finding[]) => void,
    options: { needs?: ContainerField; essentialOnly?: boolean } = {},
): Finding[] | NotApplicable {
    const task = resource.task;
    if (!task) return notApplicable("not a task");
    const containers = task.containers;
    if (isUnreadable(containers)) return isNotKnownYet(containers) ? [notKnownYet(containers.path)] : [];
    const findings: Finding[] = [];
    let applicable = 0;
    for (const container of containers ?? []) {
        if (isUnreadable(container)) {
            if (isNotKnownYet(container)) findings.push(notKnownYet(container.path));
            continue;
        }
        if (options.needs && !container.fields.has(options.needs)) continue;
        if (options.essentialOnly) {
            if (!isKnown(container.essential, findings)) continue;
            if (!container.essential) continue;
        }
        applicable++;
        check(container, findings);
    }
    if (applicable === 0 && findings.length === 0 && (containers ?? []).length > 0 && options.needs) {
        return notApplicable(`the ${task.paths.containers} shape has no ${options.needs}`);
    }
    return findings;
}

/** The known containers of a task (elements not known yet left out). */
export function knownContainers(task: TaskFacet | undefined): Container[] {
    return Array.isArray(task?.containers) ? task!.containers.filter((c): c is Container => !isUnreadable(c)) : [];
}

/** The command line a container runs, or undefined (recording "not known yet") when it is not known. */
export function commandLine(c: Container, findings: Finding[]): string[] | undefined {
    if (!isKnown(c.entryPoint, findings)) return undefined;
    if (!isKnown(c.command, findings)) return undefined;
    return argvOf(c.entryPoint, c.command);
}

/** The container's plain environment, for a program named by `$NAME` in its command line. */
export function plainEnvironment(c: Container): Map<string, string> {
    const vars = new Map<string, string>();
    if (isUnreadable(c.environment)) return vars;
    for (const v of c.environment ?? []) {
        if (typeof v.name === "string" && typeof v.value === "string") vars.set(v.name, v.value);
    }
    return vars;
}

export function tooDeep(c: Container): Finding {
    return {
        path: c.paths.command,
        message: `${c.label} nests shell command lines more than ${maxShellDepth} levels deep, too deep to check. Run the application directly, or from a script baked into the image.`,
    };
}

/** True when the task runs Windows (platform, or every image from a Windows base); undefined when not known yet. */
export function isWindows(task: TaskFacet): boolean | undefined {
    const os = task.operatingSystemFamily;
    if (typeof os === "string") return os.toUpperCase().startsWith("WINDOWS");
    const containers = knownContainers(task);
    if (isUnreadable(os) || containers.length === 0) return undefined;
    return containers.every((c) => typeof c.image === "string" && /^mcr\.microsoft\.com\/(windows|dotnet\/framework)/i.test(c.image));
}

export function linuxOnly(resource: ResourceModel): NotApplicable | undefined {
    return resource.task && isWindows(resource.task) ? notApplicable("Windows task") : undefined;
}

/** True when the entry point starts tini or dumb-init. */
export function runsInitProcess(c: Container): boolean {
    const argv = Array.isArray(c.entryPoint) ? c.entryPoint : [];
    return programStarts(argv).some((s) => initProcesses.has(basename(s.executable)));
}
