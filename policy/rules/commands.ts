// Reading what a container runs: entryPoint + command, including `sh -c "..."` lines.

const shells = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh"]);
/** Programs that run the next argument: their flags are skipped and the program after them is examined. */
const wrappers = new Set(["exec", "env", "nohup", "tini", "tini-static", "dumb-init", "gosu", "su-exec", "chpst"]);
export const initProcesses = new Set(["tini", "tini-static", "dumb-init"]);

export function basename(executable: string): string {
    const parts = executable.split("/");
    return parts[parts.length - 1];
}

/** One program start: the path as written and its arguments. */
export interface ProgramStart {
    executable: string;
    args: string[];
    /** True when a shell line starts it in the background with a lone `&`. */
    backgrounded: boolean;
}

/**
 * Every program the container starts: the first program of the argument vector, what wrappers
 * (tini, exec, env) start, and each command of a shell line (`sh -c "a; b & c"`).
 */
export function programStarts(argv: readonly string[]): ProgramStart[] {
    const starts: ProgramStart[] = [];
    walk(argv, false, starts, 0);
    return starts;
}

function walk(argv: readonly string[], backgrounded: boolean, out: ProgramStart[], depth: number): void {
    if (depth > 8 || argv.length === 0) return;
    let i = 0;
    while (i < argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i])) i++; // VAR=value prefixes
    if (i >= argv.length) return;
    const executable = argv[i];
    const name = basename(executable);
    const args = argv.slice(i + 1);
    out.push({ executable, args, backgrounded });
    if (shells.has(name)) {
        const c = args.findIndex((a) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a));
        if (c >= 0 && c + 1 < args.length) {
            for (const command of splitShellLine(args[c + 1])) {
                walk(shellWords(command.text), command.backgrounded, out, depth + 1);
            }
        }
        return;
    }
    if (wrappers.has(name)) {
        let j = 0;
        // gosu/su-exec take a user first; env takes VAR=value pairs; others take flags and `--`.
        if (name === "gosu" || name === "su-exec") j = 1;
        while (j < args.length && (args[j].startsWith("-") || (name === "env" && args[j].includes("=")))) {
            const flag = args[j];
            j++;
            if (flag === "--") break;
            if ((name === "tini" || name === "tini-static") && /^-[spel]$/.test(flag)) j++; // flags with a value
        }
        walk(args.slice(j), backgrounded, out, depth + 1);
    }
}

/** Splits a shell line into commands at `;`, `&&`, `||`, `|`, newlines and a lone `&` (which backgrounds). */
export function splitShellLine(line: string): { text: string; backgrounded: boolean }[] {
    const commands: { text: string; backgrounded: boolean }[] = [];
    let current = "";
    let quote: string | undefined;
    const push = (backgrounded: boolean) => {
        if (current.trim()) commands.push({ text: current.trim(), backgrounded });
        current = "";
    };
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quote) {
            if (ch === quote) quote = undefined;
            current += ch;
            continue;
        }
        if (ch === "'" || ch === '"') {
            quote = ch;
            current += ch;
        } else if (ch === ";" || ch === "\n" || ch === "(" || ch === ")") {
            push(false);
        } else if (ch === "|") {
            if (line[i + 1] === "|") i++;
            push(false);
        } else if (ch === "&") {
            const prev = line[i - 1];
            if (line[i + 1] === "&") {
                i++;
                push(false);
            } else if (prev === ">" || prev === "<" || line[i + 1] === ">") {
                current += ch; // redirections: 2>&1, &>file
            } else {
                push(true);
            }
        } else {
            current += ch;
        }
    }
    push(false);
    return commands;
}

/** Splits a command into words, honouring simple quotes. */
export function shellWords(command: string): string[] {
    const words: string[] = [];
    const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(command)) !== null) words.push(m[1] ?? m[2] ?? m[3]);
    return words;
}

/** entryPoint + command as one vector, as Docker runs them. */
export function argvOf(entryPoint: string[] | undefined, command: string[] | undefined): string[] {
    return [...(entryPoint ?? []), ...(command ?? [])];
}
