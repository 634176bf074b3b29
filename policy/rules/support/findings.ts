// Findings a check records: violations, and values it cannot check until they are known.
import type { Unreadable } from "../../model";
import { isNotKnownYet, isUnreadable } from "../../model";
import type { Finding } from "../rule";

/** A finding that says the check waits for the value at `path`, known only during `pulumi up`. */
export function notKnownYet(path: string, what = path): Finding {
    return { path, message: `${what} is not known yet`, notKnownYet: true };
}

/**
 * True when the value can be checked. A value not known yet is recorded in `findings` as such;
 * a malformed one returns false silently (`ecs-input-well-formed` reports it once).
 */
export function isKnown<T>(value: T, findings: Finding[]): value is Exclude<T, Unreadable> {
    if (!isUnreadable(value)) return true;
    if (isNotKnownYet(value)) findings.push(notKnownYet(value.path));
    return false;
}
