// What a user reads of a diagnostic: @pulumi/policy prints the policy's description, a newline, then the message;
// the pack ends its messages with the line naming the property.

interface Diagnostic {
    description: string;
    message: string;
}

function body(d: Diagnostic): string {
    return d.message.startsWith(`${d.description}\n`) ? d.message.slice(d.description.length + 1) : d.message;
}

/** The message, without the policy's description and the property line. */
export function said(d: Diagnostic): string {
    return body(d).replace(/\nProperty: [^\n]*$/, "");
}

/** The property the finding is about, as its last line names it. */
export function propertyOf(d: Diagnostic): string | undefined {
    return /\nProperty: ([^\n]*)$/.exec(body(d))?.[1];
}

/** What a user reads of each diagnostic one policy reported in a response. */
export function saidBy(response: { diagnostics: (Diagnostic & { policyName: string })[] }, policy: string): string[] {
    return response.diagnostics.filter((d) => d.policyName === policy).map(said);
}
