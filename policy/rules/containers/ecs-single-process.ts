// One process per container: no supervisor, no backgrounded process (#single-application).
import { basename, readCommandLine } from "../../model";
import type { ResourceRule } from "../rule";
import { commandLine, forEachContainer, plainEnvironment, quote, taskKinds, tooDeep } from "../support";

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
                out.push({ path: c.paths.command, message: `${c.label} starts the process supervisor ${quote(supervisor)}. Run the application directly and let ECS restart the task.` });
                return;
            }
            if (start.backgrounded) {
                out.push({ path: c.paths.command, message: `${c.label} starts ${quote(basename(start.executable))} in the background with '&'. Run one process per container; move helpers to sidecars.` });
                return;
            }
        }
        if (read.tooDeep) out.push(tooDeep(c));
    }),
};
