// A small shell lexer: how a shell splits a command line into simple commands, in one linear pass.

/** A word quoted so that `parseShellLine` reads it back as the same one word. */
export function quoteWord(word: string): string {
    return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Words a shell reads before the program of a command (keywords, group and negation marks). */
export const reservedPrefixes = new Set(["!", "{", "}", "(", ")", "then", "else", "elif", "do", "if", "while", "until", "time", "fi", "done", "esac"]);

/** One simple command of a shell line. */
export interface ShellCommand {
    words: string[];
    backgrounded: boolean;
    /** The here-strings it reads on standard input (`bash <<< 'line'`): a shell runs them as lines. */
    hereStrings?: string[];
}

/**
 * Splits a shell line into simple commands, in one pass: quotes ('...', "...", $'...'), backslash
 * escapes, comments, `;` `&&` `||` `|` `|&` newlines, a lone `&` (which backgrounds), subshells and
 * groups, `$(...)`, backticks and `<(...)` (their commands run too), `$((...))` (arithmetic, no
 * command), and redirections (`2>&1`, `&>file`, `>file`: the target is not a word of the command).
 */
export function parseShellLine(line: string): ShellCommand[] {
    const commands: ShellCommand[] = [];
    type Frame = { words: string[]; word: string | undefined; inDouble: boolean; backtick: boolean; hereStrings: string[] };
    const outer: Frame[] = [];
    let words: string[] = [];
    let word: string | undefined;
    let inDouble = false;
    let redirect = false;
    let hereString = false; // the redirection is `<<<`: its target is the command's standard input
    let hereStrings: string[] = [];
    let lastEnded = -1; // index in `commands` of the command the last terminator ended

    const endWord = () => {
        if (word === undefined) return;
        if (redirect) {
            redirect = false; // a redirection's target
            if (hereString) hereStrings.push(word);
            hereString = false;
        } else words.push(word);
        word = undefined;
    };
    const endCommand = (backgrounded: boolean) => {
        endWord();
        redirect = false;
        hereString = false;
        const program = words.some((w) => !reservedPrefixes.has(w));
        if (program) {
            commands.push(hereStrings.length > 0 ? { words, backgrounded, hereStrings } : { words, backgrounded });
            lastEnded = commands.length - 1;
        } else if (backgrounded && lastEnded >= 0) {
            commands[lastEnded].backgrounded = true; // `(a; b) &`, `{ a; } &`, `done &`: the group's last command
        }
        words = [];
        hereStrings = [];
    };
    const enter = (backtick: boolean) => {
        outer.push({ words, word, inDouble, backtick, hereStrings });
        words = [];
        hereStrings = [];
        word = undefined;
        inDouble = false;
    };
    const leave = () => {
        endCommand(false);
        const frame = outer.pop()!;
        words = frame.words;
        hereStrings = frame.hereStrings;
        word = (frame.word ?? "") + "$()"; // the substitution's output stands in the outer word
        inDouble = frame.inDouble;
    };
    /** Index after the `))` closing arithmetic opened at `i` (the first `(`'s index). */
    const skipArithmetic = (i: number) => {
        let depth = 0;
        for (; i < line.length; i++) {
            if (line[i] === "(") depth++;
            else if (line[i] === ")" && --depth === 0) return i + 1;
        }
        return line.length;
    };

    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        const next = line[i + 1];
        if (inDouble) {
            if (ch === '"') inDouble = false;
            else if (ch === "\\" && next !== undefined && '$`"\\\n'.includes(next)) { if (next !== "\n") word += next; i++; }
            else if (ch === "$" && next === "(" && line[i + 2] === "(") { const end = skipArithmetic(i + 1); word += line.slice(i, end); i = end - 1; }
            else if (ch === "$" && next === "(") { enter(false); i++; }
            else if (ch === "`") enter(true);
            else word += ch;
            continue;
        }
        switch (ch) {
            case "'": {
                const end = line.indexOf("'", i + 1);
                const stop = end < 0 ? line.length : end;
                word = (word ?? "") + line.slice(i + 1, stop);
                i = stop;
                break;
            }
            case '"':
                word ??= "";
                inDouble = true;
                break;
            case "\\":
                if (next === "\n") i++;
                else if (next !== undefined) { word = (word ?? "") + next; i++; }
                break;
            case " ": case "\t":
                endWord();
                break;
            case "\n":
                endCommand(false);
                break;
            case "#":
                if (word === undefined) {
                    const end = line.indexOf("\n", i);
                    i = (end < 0 ? line.length : end) - 1;
                } else word += ch;
                break;
            case ";":
                endCommand(false);
                if (next === ";") i++;
                if (line[i + 1] === "&") i++; // `;&` and `;;&` end a case branch
                break;
            case "&":
                if (next === "&") { endCommand(false); i++; }
                else if (next === ">") { endWord(); redirect = true; i += line[i + 2] === ">" ? 2 : 1; }
                else endCommand(true);
                break;
            case "|":
                endCommand(false);
                if (next === "|" || next === "&") i++;
                break;
            case "<": case ">": {
                if (next === "(") { endWord(); enter(false); i++; break; } // process substitution
                if (word !== undefined && /^\d+$/.test(word)) word = undefined; // a file descriptor: `2>`
                endWord();
                let j = i + 1;
                while (j < line.length && (line[j] === ">" || line[j] === "<" || line[j] === "|")) j++;
                if (line[j] === "&") {
                    j++; // `>&2`, `2>&1`, `<&3`, `>&-`: a descriptor, not a lone `&`
                    while (j < line.length && /[0-9-]/.test(line[j])) j++;
                    i = j - 1;
                    break;
                }
                redirect = true;
                hereString = line.startsWith("<<<", i) && j === i + 3;
                i = j - 1;
                break;
            }
            case "$":
                if (next === "(" && line[i + 2] === "(") {
                    const end = skipArithmetic(i + 1);
                    word = (word ?? "") + line.slice(i, end);
                    i = end - 1;
                } else if (next === "(") { enter(false); i++; }
                else if (next === "'") {
                    const [text, end] = ansiCQuoted(line, i + 2);
                    word = (word ?? "") + text;
                    i = end;
                } else word = (word ?? "") + ch;
                break;
            case "`":
                if (outer.length > 0 && outer[outer.length - 1].backtick) leave();
                else enter(true);
                break;
            case "(":
                if (word === undefined && next === "(") { const end = skipArithmetic(i); i = end - 1; break; } // `(( x & 1 ))`
                endCommand(false);
                break;
            case ")":
                if (outer.length > 0 && !outer[outer.length - 1].backtick) leave();
                else endCommand(false);
                break;
            default:
                word = (word ?? "") + ch;
        }
    }
    while (outer.length > 0) leave();
    endCommand(false);
    return commands;
}

/** Reads `$'...'` from `start` (after the quote): its text with escapes decoded, and the closing quote's index. */
function ansiCQuoted(line: string, start: number): [string, number] {
    let text = "";
    let i = start;
    for (; i < line.length && line[i] !== "'"; i++) {
        if (line[i] !== "\\" || i + 1 >= line.length) { text += line[i]; continue; }
        const e = line[++i];
        const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" };
        if (e in simple) text += simple[e];
        else if (e === "x" || e === "u" || e === "U") {
            const max = e === "x" ? 2 : e === "u" ? 4 : 8;
            let hex = "";
            while (hex.length < max && /[0-9a-fA-F]/.test(line[i + 1] ?? "")) hex += line[++i];
            text += hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)) : `\\${e}`;
        } else if (/[0-7]/.test(e)) {
            let oct = e;
            while (oct.length < 3 && /[0-7]/.test(line[i + 1] ?? "")) oct += line[++i];
            text += String.fromCharCode(parseInt(oct, 8) & 0xff);
        } else if (e === "c" && i + 1 < line.length) text += String.fromCharCode(line[++i].charCodeAt(0) & 0x1f);
        else text += `\\${e}`;
    }
    return [text, i];
}
