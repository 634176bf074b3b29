// What users read of a finding: its message with secrets masked, and the property it is about.
import type { Finding } from "../rules/rule";

/** What masks a set of secret values in messages: each value, its words, and the names programs are started by. */
export class SecretMask {
    private readonly words = new Set<string>();
    private readonly quoteInSecret: boolean;

    /** `secrets` undefined: secrets could not be tracked, so every quoted value is masked. */
    constructor(private readonly secrets: ReadonlySet<string> | undefined) {
        let quoteInSecret = false;
        for (const s of secrets ?? []) {
            this.words.add(s);
            if (s.includes("'")) quoteInSecret = true;
            for (const word of s.split(/\s+/)) {
                if (!word) continue;
                this.words.add(word);
                this.words.add(word.slice(word.lastIndexOf("/") + 1).toLowerCase());
            }
        }
        this.quoteInSecret = quoteInSecret;
    }

    get empty(): boolean {
        return this.secrets !== undefined && this.words.size === 0;
    }

    /** The message with every quoted value that came from a secret, or holds a word of one, shown as '[secret]'. */
    mask(message: string): string {
        if (this.empty) return message;
        if (this.secrets === undefined || this.quoteInSecret) return message.replace(/'[^']*'/g, "'[secret]'");
        return message.replace(/'([^']*)'/g, (quoted, value: string) => (this.isSecret(value) ? "'[secret]'" : quoted));
    }

    private isSecret(value: string): boolean {
        if (this.words.has(value)) return true;
        const text = value.endsWith("...") ? value.slice(0, -3) : value; // a clipped command line
        return text.split(/[\s,()]+/).some((word) => word !== "" && this.words.has(word));
    }
}

/** No secrets to mask (the components' inputs, the test fixtures). */
export const noSecrets = new SecretMask(new Set());

/** What the user reads: the message (secrets masked), then the property it is about on a line of its own. */
export function findingText(finding: Finding, mask: SecretMask = noSecrets): string {
    const message = mask.mask(finding.message);
    return finding.path ? `${message}\n${propertyLine}${mask.mask(finding.path)}` : message;
}

/** How the line naming a finding's property starts (the audit reads it back). */
export const propertyLine = "Property: ";
