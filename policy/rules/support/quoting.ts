// How messages quote values. Every value quoted goes through `quote`, so secrets can be masked.

export function quote(value: unknown): string {
    return `'${String(value)}'`;
}

/** How messages name a role or group: its literal id, or the resource name at the end of its URN. */
export function shortName(identity: string): string {
    return identity.startsWith("urn:pulumi:") ? identity.split("::").pop()! : identity;
}

/** A long text (a command line) cut to a length a message can show. */
export function clip(text: string): string {
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function securityHubUrl(anchor: string): string {
    return `https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#${anchor}`;
}
