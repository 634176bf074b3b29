// Downloads at start: what a program's words say it fetches or installs (tables of installers and fetchers).
import { ProgramStart, basename } from "./launchers";

type Steps = readonly (readonly string[])[];
interface Installer {
    /** Subcommand sequences that install or fetch (`["s3"], ["cp", "sync"]`). */
    steps: Steps[];
    /** Global flags that take a value, so the value is not read as the subcommand. */
    valueFlags?: readonly string[];
    /** True when the program with no subcommand installs (bare `yarn`, `bundle`). */
    bare?: boolean;
}

const npmInstall = ["install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add", "ci", "clean-install", "ic", "install-clean", "isntall-clean",
    "install-test", "it", "install-ci-test", "cit", "clean-install-test", "sit", "update", "up", "upgrade", "udpate"];
const pipValueFlags = ["--proxy", "--log", "--retries", "--timeout", "--exists-action", "--trusted-host", "--cert", "--client-cert", "--cache-dir", "--python", "-i", "--index-url", "--extra-index-url"];
const installers: Record<string, Installer> = {
    pip: { steps: [[["install", "download"]]], valueFlags: pipValueFlags },
    pipx: { steps: [[["install", "run"]]] },
    npm: { steps: [[npmInstall]], valueFlags: ["--prefix", "-C", "--registry", "--cache", "--userconfig", "--globalconfig", "--loglevel", "-w", "--workspace", "--location"] },
    pnpm: { steps: [[["install", "i", "add", "update", "up", "install-test", "it"]]], valueFlags: ["-C", "--dir", "--filter", "-F", "--reporter", "--store-dir", "--registry", "--loglevel"] },
    yarn: { steps: [[["install", "add", "up", "upgrade"]], [["global"], ["add", "upgrade"]]], bare: true,
        valueFlags: ["--cwd", "--modules-folder", "--cache-folder", "--registry", "--network-timeout", "--mutex", "--global-folder", "--link-folder", "--use-yarnrc"] },
    bun: { steps: [[["install", "i", "add", "a"]]], valueFlags: ["--cwd"] },
    gem: { steps: [[["install", "update"]]] },
    bundle: { steps: [[["install", "update"]]], bare: true, valueFlags: ["--gemfile"] },
    composer: { steps: [[["install", "require", "update", "i"]]], valueFlags: ["-d", "--working-dir"] },
    go: { steps: [[["install", "get"]], [["mod"], ["download"]]], valueFlags: ["-C"] },
    cargo: { steps: [[["install"]]] },
    poetry: { steps: [[["install", "add"]]], valueFlags: ["-C", "--directory", "-P", "--project"] },
    pipenv: { steps: [[["install", "sync"]]] },
    uv: { steps: [[["pip"], ["install", "sync"]], [["sync", "add"]], [["tool"], ["install"]]], valueFlags: ["--directory", "--project", "--python", "-p", "--cache-dir", "--config-file"] },
    conda: { steps: [[["install", "create"]]] },
    "apt-get": { steps: [[["install", "build-dep"]]], valueFlags: ["-o", "--option", "-c", "--config-file", "-t", "--target-release"] },
    apt: { steps: [[["install"]]], valueFlags: ["-o", "--option", "-c", "--config-file", "-t", "--target-release"] },
    aptitude: { steps: [[["install"]]] },
    yum: { steps: [[["install", "groupinstall", "localinstall", "reinstall"]]], valueFlags: ["-c", "--config", "--setopt", "--installroot", "--releasever", "--repo", "--enablerepo", "--disablerepo", "-d", "-e"] },
    zypper: { steps: [[["install", "in"]]], valueFlags: ["--root", "-R", "--reposd-dir", "-D", "--cache-dir", "-C"] },
    apk: { steps: [[["add"]]], valueFlags: ["-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--repositories-file", "--keys-dir"] },
    git: { steps: [[["clone", "pull", "fetch"]], [["submodule"], ["update"]]], valueFlags: ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--config-env", "--super-prefix"] },
    aws: { steps: [[["s3"], ["cp", "sync", "mv"]], [["s3api"], ["get-object"]]],
        valueFlags: ["--region", "--profile", "--endpoint-url", "--output", "--query", "--ca-bundle", "--cli-read-timeout", "--cli-connect-timeout", "--color", "--cli-binary-format"] },
};
installers.pip3 = installers.pip;
installers.bundler = installers.bundle;
installers.mamba = installers.micromamba = installers.conda;
installers.dnf = installers.microdnf = installers.tdnf = installers.yum;

const fetchers: Record<string, ReadonlySet<string>> = {
    curl: new Set(["-o", "--output", "-H", "--header", "-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "-X", "--request", "-u", "--user", "-A", "--user-agent",
        "-e", "--referer", "-b", "--cookie", "-c", "--cookie-jar", "-x", "--proxy", "-T", "--upload-file", "-F", "--form", "-r", "--range", "-C", "--continue-at", "-m", "--max-time",
        "--connect-timeout", "--retry", "--retry-delay", "--retry-max-time", "-w", "--write-out", "-K", "--config", "--cacert", "--capath", "-E", "--cert", "--key", "--resolve",
        "--output-dir", "-z", "--time-cond", "-Y", "--speed-limit", "-y", "--speed-time", "--limit-rate", "--max-filesize", "--interface", "--dns-servers"]),
    wget: new Set(["-O", "--output-document", "-o", "--output-file", "-a", "--append-output", "-P", "--directory-prefix", "-U", "--user-agent", "-t", "--tries", "-T", "--timeout",
        "--header", "-e", "--execute", "-i", "--input-file", "-B", "--base", "--user", "--password", "-Q", "--quota", "-w", "--wait", "--post-data", "--post-file", "--ca-certificate",
        "--certificate", "--private-key", "--load-cookies", "--save-cookies", "--limit-rate", "--bind-address", "-l", "--level"]),
    aria2c: new Set(["-d", "--dir", "-o", "--out", "-x", "-s", "-j", "--header", "-U", "--user-agent", "-i", "--input-file"]),
};

/**
 * The download a program start makes, as the words that say it (`curl -fsSL https://x`, `npm --prefix d install`),
 * or undefined. curl and wget read every argument that is not a flag or a flag's value as a URL, with or without a scheme.
 */
export function downloadOf(start: ProgramStart): string | undefined {
    const { words, at } = start;
    const name = basename(start.executable);
    const fetcher = fetchers[name];
    if (fetcher) {
        for (let i = at + 1; i < words.length; i++) {
            const w = words[i];
            if (w === "--") return i + 1 < words.length ? spoken(words, at, i + 1) : undefined;
            if (w.startsWith("-") && w !== "-") {
                if (fetcher.has(w)) i++;
                continue;
            }
            return spoken(words, at, i);
        }
        return undefined;
    }
    const installer = installers[/^pip[0-9.]+$/.test(name) ? "pip" : name];
    if (installer) {
        for (const steps of installer.steps) {
            const end = matchSteps(words, at + 1, steps, installer.valueFlags ?? []);
            if (typeof end === "number") return spoken(words, at, end);
            if (end === "bare" && installer.bare && steps === installer.steps[0]) return spoken(words, at, words.length - 1);
        }
        return undefined;
    }
    if (name === "pacman") {
        const sync = words.slice(at + 1).find((w) => /^-S[a-zA-Z]*$/.test(w) || w === "--sync");
        return sync ? `${words[at]} ${sync}` : undefined;
    }
    return undefined;
}

function spoken(words: readonly string[], from: number, to: number): string {
    return words.slice(from, to + 1).join(" ");
}

/**
 * Finds the subcommands `steps` in order among the words from `i`, past global flags. A word after a
 * flag not known to take a value may be that flag's value: it is passed over, and the command is then not bare.
 * Returns the index of the last step's word, "bare" when only flags follow the program, or undefined.
 */
function matchSteps(words: readonly string[], i: number, steps: Steps, valueFlags: readonly string[]): number | "bare" | undefined {
    let step = 0;
    let maybeValue = false;
    let passedOver = false;
    for (; i < words.length; i++) {
        const w = words[i];
        if (w.startsWith("-") && w !== "-") {
            if (w === "--") return step === 0 && !passedOver && i === words.length - 1 ? "bare" : undefined;
            if (valueFlags.includes(w)) i++;
            else maybeValue = !w.includes("=");
            continue;
        }
        if (steps[step].includes(w)) {
            if (++step === steps.length) return i;
            maybeValue = false;
            continue;
        }
        if (!maybeValue) return undefined;
        maybeValue = false;
        passedOver = true;
    }
    return step === 0 && !passedOver ? "bare" : undefined;
}
