// Reading what a container runs: entryPoint + command, including `sh -c "..."` lines, the way a
// shell reads them (quotes, escapes, keywords, substitutions, redirections) and through the
// wrappers that start another program (exec, env, sudo, nohup, npx, python -m, tini...).
// Every step is linear in the command line: one pass per shell level, a bounded number of levels.
import { parseShellLine, quoteWord, reservedPrefixes } from "./shell";

export const initProcesses = new Set(["tini", "tini-static", "dumb-init"]);
const shells = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "yash", "posh", "busybox-sh"]);
/** Nested shell lines (`sh -c "sh -c ..."`, `eval`) read at most this deep; deeper is reported as unreadable. */
export const maxShellDepth = 8;

/** The program's name as a shell finds it: its basename, lower case, without `.exe`. */
export function basename(executable: string): string {
    const name = executable.slice(executable.lastIndexOf("/") + 1).toLowerCase();
    return name.endsWith(".exe") ? name.slice(0, -4) : name;
}

/** One program start: the words of its command, where the program stands in them, and how it runs. */
export interface ProgramStart {
    words: readonly string[];
    /** Index of the program in `words`; its arguments follow. */
    at: number;
    executable: string;
    /** True when a shell line starts it in the background (`&`, `coproc`). */
    backgrounded: boolean;
}

export interface CommandLine {
    starts: ProgramStart[];
    /** True when shell lines nest deeper than `maxShellDepth`: what runs there was not read. */
    tooDeep: boolean;
}

/**
 * Every program the container starts: the first program of the argument vector, what wrappers
 * start, and each command of a shell line (`sh -c "a; b & c"`), however nested.
 * `variables` are the container's plain environment, for a program named by `$NAME`.
 */
export function readCommandLine(argv: readonly string[], variables: ReadonlyMap<string, string> = new Map()): CommandLine {
    const line: CommandLine = { starts: [], tooDeep: false };
    startsOf(argv, 0, false, 0, line, new Map(variables));
    return line;
}

export function programStarts(argv: readonly string[]): ProgramStart[] {
    return readCommandLine(argv).starts;
}

/** entryPoint + command as one vector, as Docker runs them. */
export function argvOf(entryPoint: string[] | undefined, command: string[] | undefined): string[] {
    return [...(entryPoint ?? []), ...(command ?? [])];
}

const assignment = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
const variableReference = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;

/** Reads the program started at `words[from]` and what it starts in turn (wrappers, shells). */
function startsOf(words: readonly string[], from: number, backgrounded: boolean, depth: number, line: CommandLine, vars: Map<string, string>, hereStrings: readonly string[] = []): void {
    let i = from;
    // A wrapper chain (`exec env X=1 nohup sudo -u app supervisord`) is followed in one loop.
    for (let guard = 0; guard <= words.length; guard++) {
        const commandStart = i;
        while (i < words.length) {
            const w = words[i];
            if (reservedPrefixes.has(w) || (w === "-p" && words[i - 1] === "time")) i++;
            else if (w === "coproc") { backgrounded = true; i++; }
            else if (assignment.test(w)) i++;
            else break;
        }
        if (i >= words.length) {
            // Only assignments: the shell keeps them for later commands of the line.
            for (let j = commandStart; j < words.length; j++) recordAssignment(words[j], vars);
            return;
        }
        const reference = variableReference.exec(words[i]);
        if (reference) {
            const value = vars.get(reference[1] ?? reference[2]);
            if (value !== undefined && depth < maxShellDepth) {
                // An unquoted `$NAME` is split into words: read `$APP --flag` as the value's words.
                const expanded = [...value.split(/[ \t\n]+/).filter((w) => w !== ""), ...words.slice(i + 1)];
                startsOf(expanded, 0, backgrounded, depth + 1, line, vars);
                return;
            }
        }
        const executable = words[i];
        const name = basename(executable);
        line.starts.push({ words, at: i, executable, backgrounded });
        if (name === "export" || name === "readonly" || name === "declare" || name === "local" || name === "typeset") {
            for (let j = i + 1; j < words.length; j++) recordAssignment(words[j], vars);
            return;
        }
        let next = innerProgram(name, words, i + 1);
        // `bash <<< 'line'`: a shell with no line of its own reads its here-string as one.
        if (next === undefined && shells.has(name) && hereStrings.length > 0) next = { line: hereStrings.join("\n") };
        if (next === undefined) return;
        if (typeof next === "number") {
            i = next;
            continue;
        }
        // A shell line to read: `sh -c "..."`, `eval ...`, `su -c "..."`, `env -S "..."`.
        if (depth >= maxShellDepth) {
            line.tooDeep = true;
            return;
        }
        for (const command of parseShellLine(next.line)) {
            startsOf(command.words, 0, backgrounded || command.backgrounded, depth + 1, line, vars, command.hereStrings);
        }
        return;
    }
}

function recordAssignment(word: string, vars: Map<string, string>): void {
    const eq = word.indexOf("=");
    if (eq > 0 && assignment.test(word)) vars.set(word.slice(0, eq).replace(/\+$/, ""), word.slice(eq + 1));
}

type Inner = number | { line: string } | undefined;

/** Flags of each wrapper that take a value (the next word), so that value is not taken for the program. */
const valueFlags: Record<string, Set<string>> = {
    exec: new Set(["-a"]),
    env: new Set(["-u", "--unset", "-C", "--chdir"]),
    sudo: new Set(["-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host", "-p", "--prompt", "-r", "--role", "-t", "--type", "-T", "--command-timeout", "-U", "--other-user", "-R", "--chroot"]),
    doas: new Set(["-u", "-C"]),
    nice: new Set(["-n", "--adjustment"]),
    ionice: new Set(["-c", "--class", "-n", "--classdata", "-p", "-P", "-u"]),
    timeout: new Set(["-s", "--signal", "-k", "--kill-after"]),
    stdbuf: new Set(["-i", "-o", "-e", "--input", "--output", "--error"]),
    taskset: new Set(["-c", "--cpu-list"]),
    tini: new Set(["-p", "-e"]),
    "dumb-init": new Set(["-r", "--rewrite"]),
    catatonit: new Set([]),
    setsid: new Set([]),
    nohup: new Set([]),
    command: new Set([]),
    builtin: new Set([]),
    chpst: new Set(["-u", "-U", "-e", "-/", "-n", "-l", "-L", "-m", "-d", "-o", "-p", "-f", "-c", "-r", "-t"]),
    runuser: new Set(["-u", "--user", "-g", "--group", "-G", "--supp-group", "-s", "--shell", "-w", "--whitelist-environment"]),
    su: new Set(["-g", "--group", "-G", "--supp-group", "-s", "--shell", "-w", "--whitelist-environment"]),
    npx: new Set(["-p", "--package"]),
    flock: new Set(["-w", "--timeout", "-E", "--conflict-exit-code"]),
    uv: new Set(["--with", "--python", "-p", "--directory", "--project", "--env-file", "--with-requirements", "--from", "--index", "--index-url"]),
    python: new Set(["-W", "-X", "--check-hash-based-pycs"]),
    setpriv: new Set(["--ruid", "--euid", "--rgid", "--egid", "--reuid", "--regid", "--groups", "--inh-caps", "--ambient-caps", "--bounding-set",
        "--securebits", "--pdeathsig", "--selinux-label", "--apparmor-profile", "--landlock-access", "--landlock-rule", "--seccomp-filter"]),
    node: new Set(["-r", "--require", "--import", "--loader", "--experimental-loader", "--env-file", "--title", "--conditions", "-C", "--input-type", "--stack-size"]),
};
valueFlags["tini-static"] = valueFlags.tini;
valueFlags.uvx = valueFlags.uv;
valueFlags.bunx = valueFlags.npx;

/** Skips the wrapper's flags (and their values) from `i`; stops after `--`. Returns the next word's index. */
function skipFlags(words: readonly string[], i: number, flags: Set<string>): number {
    while (i < words.length && words[i].startsWith("-") && words[i] !== "-") {
        const flag = words[i++];
        if (flag === "--") break;
        if (flags.has(flag)) i++;
    }
    return i;
}

/**
 * For a program that starts another one: the index of the program it starts, or a shell line it
 * runs. Undefined for any other program.
 */
function innerProgram(name: string, words: readonly string[], i: number): Inner {
    if (shells.has(name)) return shellLine(words, i);
    if (/^python[0-9.]*$/.test(name)) return pythonModule(words, i);
    if (name === "command" && (words[i] === "-v" || words[i] === "-V")) return undefined; // only looks the program up
    switch (name) {
        case "exec": case "nohup": case "setsid": case "command": case "builtin": case "nice": case "ionice": case "stdbuf": case "catatonit":
        case "tini": case "tini-static": case "dumb-init": case "chpst": case "doas": case "flock": case "setpriv": {
            let j = skipFlags(words, i, valueFlags[name]);
            if (name === "flock" && j < words.length) j = skipFlags(words, j + 1, valueFlags.flock); // the lock file
            return j < words.length ? j : undefined;
        }
        case "timeout": case "taskset": case "chrt": {
            const j = skipFlags(words, i, valueFlags[name] ?? new Set());
            const listGiven = name === "taskset" && words.slice(i, j).some((w) => w === "-c" || w === "--cpu-list" || /^-[a-z]*c$/.test(w));
            if (listGiven) return j < words.length ? j : undefined;
            return j + 1 < words.length ? j + 1 : undefined; // a duration, CPU mask or priority first
        }
        case "gosu": case "su-exec": case "s6-setuidgid": case "setuidgid":
            return i + 1 < words.length ? i + 1 : undefined; // a user first
        case "busybox":
            return i < words.length ? i : undefined;
        case "chamber": {
            // `chamber exec service... -- program`: the program after `--`.
            if (words[i] !== "exec") return undefined;
            const dashes = words.indexOf("--", i + 1);
            return dashes !== -1 && dashes + 1 < words.length ? dashes + 1 : undefined;
        }
        case "node": case "nodejs":
            return interpretedScript(words, i, valueFlags.node, ["-e", "--eval", "-p", "--print", "-c", "--check", "-"]);
        case "eval":
            return i < words.length ? { line: words.slice(i).join(" ") } : undefined;
        case "env": return envProgram(words, i);
        case "sudo": return sudoProgram(words, i);
        case "su": case "runuser": return suProgram(name, words, i);
        case "npx": case "bunx": case "pnpx": return npxProgram(name, words, i);
        case "npm": case "pnpm": case "yarn": case "bun": {
            // `npm exec -- nodemon`, `npm x`, `pnpm dlx`, `yarn dlx`, `bun x`: run a package's program.
            const j = skipFlags(words, i, new Set());
            return j < words.length && ["exec", "x", "dlx"].includes(words[j]) ? npxProgram("npx", words, j + 1) : undefined;
        }
        case "uv": case "uvx": {
            if (name === "uvx") return npxProgram(name, words, i);
            const j = skipFlags(words, i, valueFlags.uv);
            if (words[j] === "run") return npxProgram(name, words, j + 1);
            if (words[j] === "tool" && words[j + 1] === "run") return npxProgram(name, words, j + 2);
            return undefined;
        }
        default:
            return undefined;
    }
}

/** `sh -c "line"` with its flags in any combination (`-ec`, `-lc`, `-o pipefail -c`, `--login -c`). */
function shellLine(words: readonly string[], i: number): Inner {
    let command = false;
    while (i < words.length) {
        const w = words[i];
        if (w === "--" || w === "-") { i++; break; }
        if (w.startsWith("--")) {
            i += w === "--rcfile" || w === "--init-file" ? 2 : 1;
            continue;
        }
        if (!(w.startsWith("-") || w.startsWith("+")) || w.length < 2) break;
        i++;
        for (const flag of w.slice(1)) {
            if (flag === "c") command = true;
            else if (flag === "o" || flag === "O") i++; // `-o pipefail`: a value follows
        }
    }
    if (!command) return undefined; // a script file or standard input: not readable here
    return i < words.length ? { line: words[i] } : undefined;
}

/** `env [-i] [-u NAME] [VAR=x]... program`, and `env -S "line"`. */
function envProgram(words: readonly string[], i: number): Inner {
    while (i < words.length) {
        const w = words[i];
        if (w === "--") { i++; break; }
        if (w === "-S" || w === "--split-string") return i + 1 < words.length ? { line: words.slice(i + 1).join(" ") } : undefined;
        if (w.startsWith("-S") && !w.startsWith("--")) return { line: [w.slice(2), ...words.slice(i + 1)].join(" ") };
        if (w.startsWith("--split-string=")) return { line: [w.slice("--split-string=".length), ...words.slice(i + 1)].join(" ") };
        if (w.startsWith("-") && w !== "-") i += valueFlags.env.has(w) ? 2 : 1;
        else if (w === "-" || assignment.test(w)) i++;
        else break;
    }
    while (i < words.length && assignment.test(words[i])) i++;
    return i < words.length ? i : undefined;
}

/** `sudo [-u user] [VAR=x] program`; `sudo -s`/`-i` with a command runs it through a shell. */
function sudoProgram(words: readonly string[], i: number): Inner {
    let viaShell = false;
    while (i < words.length && words[i].startsWith("-")) {
        const w = words[i++];
        if (w === "--") break;
        if (valueFlags.sudo.has(w)) i++;
        else if (/^-[a-zA-Z]*[si]/.test(w) && !w.startsWith("--")) viaShell = true;
        else if (w === "--shell" || w === "--login") viaShell = true;
    }
    while (i < words.length && assignment.test(words[i])) i++;
    if (i >= words.length) return undefined;
    return viaShell ? { line: words.slice(i).join(" ") } : i;
}

/** `su [-] [user] -c "line"`, `su --command=line`, `runuser -u user -- program`. */
function suProgram(name: string, words: readonly string[], i: number): Inner {
    for (let j = i; j < words.length; j++) {
        const w = words[j];
        if ((w === "-c" || w === "--command" || w === "--session-command") && j + 1 < words.length) return { line: words[j + 1] };
        if (w.startsWith("--command=")) return { line: w.slice("--command=".length) };
        if (w.startsWith("--session-command=")) return { line: w.slice("--session-command=".length) };
        if (/^-[a-zA-Z]*c$/.test(w) && j + 1 < words.length) return { line: words[j + 1] };
        if (w === "--" && name === "runuser") return j + 1 < words.length ? j + 1 : undefined;
        if (valueFlags[name].has(w)) j++;
    }
    return undefined;
}

/** `npx [-y] [-p pkg] program`, `npx -c "line"`: the program of a package, without its `@version`. */
function npxProgram(name: string, words: readonly string[], i: number): Inner {
    const flags = valueFlags[name] ?? valueFlags.npx;
    while (i < words.length && words[i].startsWith("-")) {
        const w = words[i++];
        if (w === "--") break;
        if ((w === "-c" || w === "--call") && i < words.length) return { line: words[i] };
        if (w.startsWith("--call=")) return { line: w.slice("--call=".length) };
        if (flags.has(w)) i++;
    }
    if (i >= words.length) return undefined;
    const spec = words[i];
    const at = spec.indexOf("@", 1);
    if (at < 0) return i;
    // `pm2@5` runs `pm2`: read it as a command of its own, words after it as its arguments.
    return { line: [quoteWord(spec.slice(0, at)), ...words.slice(i + 1).map(quoteWord)].join(" ") };
}

const modulePrograms: Record<string, string> = { supervisor: "supervisord", "supervisor.supervisord": "supervisord" };

/** `python -m module`: the module as the program it stands for (`pip`, `supervisor.supervisord`). */
function pythonModule(words: readonly string[], i: number): Inner {
    while (i < words.length && words[i].startsWith("-")) {
        const w = words[i++];
        if (w === "-c" || w === "--") return undefined; // inline code or a script: not read
        if (w === "-m" || (/^-[a-zA-Z]*m$/.test(w) && !w.startsWith("--"))) {
            if (i >= words.length) return undefined;
            const module = words[i];
            const program = modulePrograms[module] ?? module.slice(module.lastIndexOf(".") + 1);
            return { line: [quoteWord(program), ...words.slice(i + 1).map(quoteWord)].join(" ") };
        }
        if (w.startsWith("-m") && w.length > 2 && !w.startsWith("--")) {
            const module = w.slice(2);
            return { line: [quoteWord(modulePrograms[module] ?? module.slice(module.lastIndexOf(".") + 1)), ...words.slice(i).map(quoteWord)].join(" ") };
        }
        if (valueFlags.python.has(w)) i++;
    }
    // `python3 /usr/local/bin/supervisord`, `python3 /usr/bin/pip install`: the script is the program.
    return i < words.length ? i : undefined;
}

/** `node [flags] script args`: the script is the program (`node .../pm2-runtime`); inline code is not read. */
function interpretedScript(words: readonly string[], i: number, flags: Set<string>, inline: readonly string[]): Inner {
    while (i < words.length && words[i].startsWith("-")) {
        const w = words[i++];
        if (inline.includes(w)) return undefined;
        if (w === "--") break;
        if (flags.has(w)) i++;
    }
    return i < words.length ? i : undefined;
}
