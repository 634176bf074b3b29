// Regular expressions from policy config, compiled once per distinct config and never thrown.
// They run on RE2 (re2js, pure JavaScript): linear time in the text whatever the pattern, so a
// pattern like `(a+)+$` cannot stall a preview. re2js is loaded on the first compile, not at start-up.
import type { RE2JS } from "re2js";

export type PatternSet =
    | {
        ok: true;
        /** True when any pattern matches somewhere in the text (whole text with `whole`). */
        test(text: string): boolean;
        /**
         * What each matching pattern matched. Locating a match costs text length x pattern size (testing
         * for one costs far less), paid from `budget`; a match the budget cannot pay for is undefined.
         */
        matches(text: string, budget: { steps: number }): (string | undefined)[];
    }
    | { ok: false; problem: string };

/** Compiled programs larger than this are refused: matching costs text length x program size. */
const maxProgramSize = 20_000;

const cache = new Map<string, PatternSet>();
let engine: typeof RE2JS | undefined;

function re2(): typeof RE2JS {
    return engine ??= (require("re2js") as typeof import("re2js")).RE2JS;
}

export function compilePatterns(sources: readonly string[], setting: string, options: { ignoreCase?: boolean; whole?: boolean } = {}): PatternSet {
    const key = JSON.stringify([sources, setting, options]);
    let set = cache.get(key);
    if (!set) {
        set = compile(sources, setting, options);
        if (cache.size > 256) cache.clear();
        cache.set(key, set);
    }
    return set;
}

function compile(sources: readonly string[], setting: string, options: { ignoreCase?: boolean; whole?: boolean }): PatternSet {
    if (!Array.isArray(sources) || sources.some((s) => typeof s !== "string")) {
        return { ok: false, problem: `Policy configuration ${setting} must be a list of strings.` };
    }
    if (sources.length === 0) return { ok: true, test: () => false, matches: () => [] };
    const RE2 = re2();
    const flags = options.ignoreCase ? RE2.CASE_INSENSITIVE : 0;
    const wrap = (source: string) => options.whole ? `^(?:${source})$` : `(?:${source})`;
    const each: RE2JS[] = [];
    for (const source of sources) {
        // The source alone first: `a)|(b` must not close the wrapping group and compile.
        const compiled = compileOne(RE2, source, flags);
        if (typeof compiled === "string") return { ok: false, problem: describe(setting, source, compiled) };
        each.push(options.whole ? RE2.compile(wrap(source), flags) : compiled);
    }
    // One program for "does any match": one pass over the text, however many patterns.
    const any = each.length === 1 ? each[0] : RE2.compile(sources.map(wrap).join("|"), flags);
    return {
        ok: true,
        test: (text) => any.test(text),
        matches: (text, budget) => each.filter((re) => re.test(text)).map((re) => {
            const cost = text.length * re.programSize();
            if (cost > budget.steps) return undefined;
            budget.steps -= cost;
            return re.exec(text)?.[0];
        }),
    };
}

/** The compiled pattern, or why RE2 refuses it. */
function compileOne(RE2: typeof RE2JS, source: string, flags: number): RE2JS | string {
    let re: RE2JS;
    try {
        re = RE2.compile(source, flags);
    } catch (e) {
        return e instanceof Error ? e.message : String(e);
    }
    return re.programSize() > maxProgramSize ? "too large" : re;
}

function describe(setting: string, source: string, re2Problem: string): string {
    const fix = "Fix it in the policy pack config.";
    if (re2Problem === "too large") {
        return `Policy configuration ${setting} has a regular expression '${source}' too large to match quickly (over ${maxProgramSize} instructions once compiled). ${fix}`;
    }
    let nativeOk = true;
    try {
        new RegExp(source);
    } catch {
        nativeOk = false;
    }
    if (!nativeOk) return `Policy configuration ${setting} has an invalid regular expression '${source}'. ${fix}`;
    const detail = re2Problem.replace(/^error parsing regexp: /, "");
    return `Policy configuration ${setting} has a regular expression '${source}' that the pack's linear-time engine (RE2 syntax) does not support (${detail}): RE2 has no backreferences or lookaround, and repeats at most 1000 times. ${fix}`;
}

/**
 * An ECR wildcard filter (`*` any run of characters) against a name: a two-pointer walk that only ever returns to
 * the last `*`, linear in practice and at most name x filter steps, whatever the filter.
 */
export function wildcardMatches(filter: string, name: string): boolean {
    let f = 0;
    let n = 0;
    let star = -1;
    let resume = 0;
    while (n < name.length) {
        if (f < filter.length && filter[f] !== "*" && filter[f] === name[n]) {
            f++;
            n++;
        } else if (f < filter.length && filter[f] === "*") {
            star = f++;
            resume = n;
        } else if (star !== -1) {
            f = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (f < filter.length && filter[f] === "*") f++;
    return f === filter.length;
}
