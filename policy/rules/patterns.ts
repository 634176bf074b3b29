// Regular expressions from policy config, compiled once per distinct config and never thrown.

export type PatternSet =
    | { ok: true; test(text: string): boolean; matches(text: string): string[] }
    | { ok: false; problem: string };

const cache = new Map<string, PatternSet>();

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
    const regexes: RegExp[] = [];
    for (const source of sources) {
        if (typeof source !== "string") return { ok: false, problem: `Policy configuration ${setting} must be a list of strings.` };
        try {
            regexes.push(new RegExp(options.whole ? `^(?:${source})$` : source, options.ignoreCase ? "i" : ""));
        } catch {
            return { ok: false, problem: `Policy configuration ${setting} has an invalid regular expression '${source}'. Fix it in the policy pack config.` };
        }
    }
    return {
        ok: true,
        test: (text) => regexes.some((re) => re.test(text)),
        matches: (text) => regexes.map((re) => re.exec(text)?.[0]).filter((m): m is string => m !== undefined),
    };
}
