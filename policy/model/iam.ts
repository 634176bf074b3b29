// IAM policy documents (ECR repository policies), as JSON strings or objects.
import type { PolicyStatement } from "./ecs";
import { Field, Reader, isPlainObject, isUnreadable } from "./values";

export function readPolicyStatements(value: unknown, path: string, read: Reader): Field<PolicyStatement[]> {
    let doc = value;
    if (typeof doc === "string") {
        const text = read.string(doc, path);
        if (text === undefined || isUnreadable(text)) return text;
        try {
            doc = JSON.parse(text);
        } catch {
            return read.problem(path, "is not valid JSON");
        }
    }
    const policy = read.object(doc, path);
    if (policy === undefined || isUnreadable(policy)) return policy;
    const raw = element(policy, "Statement");
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const statements: PolicyStatement[] = [];
    for (let i = 0; i < list.length; i++) {
        const s = read.object(list[i], `${path}.Statement[${i}]`);
        if (isUnreadable(s)) return s;
        if (s === undefined) continue;
        const effect = element(s, "Effect");
        const sid = element(s, "Sid");
        read.noteSecret(`${path}.Statement[${i}].Sid`, sid);
        const notPrincipal = element(s, "NotPrincipal") !== undefined;
        statements.push({
            effect: typeof effect === "string" ? effect : "",
            principalIsEveryone: notPrincipal || isEveryone(element(s, "Principal")),
            notPrincipal,
            hasCondition: restricts(element(s, "Condition")),
            sid: typeof sid === "string" ? sid : undefined,
            path: `${path}.Statement[${i}]`,
        });
    }
    return statements;
}

/** A policy element by name; IAM reads element names whatever their case, so the pack does too. */
function element(object: Record<string, unknown>, name: string): unknown {
    if (name in object) return object[name];
    const lower = name.toLowerCase();
    const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
    return key === undefined ? undefined : object[key];
}

/**
 * `"*"`, or `"*"` for any kind of principal (`{"AWS": "*"}`, `{"AWS": ["*"]}`, `{"Federated": "*"}`), or an
 * account wildcard (`arn:aws:iam::*:root`, `arn:aws:iam::*:*`).
 */
function isEveryone(principal: unknown): boolean {
    if (matchesEveryone(principal)) return true;
    if (!isPlainObject(principal)) return false;
    return Object.values(principal).some((v) => matchesEveryone(v) || (Array.isArray(v) && v.some(matchesEveryone)));
}

/** The condition keys that limit who can call (POLICIES.md `ecr-no-public-access`), lower-cased: IAM reads keys whatever their case. */
const callerKeys: ReadonlySet<string> = new Set([
    "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:sourceaccount", "aws:sourceowner", "aws:sourcearn",
    "aws:sourcevpc", "aws:sourcevpce", "aws:principalarn", "aws:principalservicename", "aws:userid", "aws:sourceip",
]);

/** A condition value any request meets: only wildcards (`*`, `*:*`), an account wildcard (`arn:aws:iam::*:root`), or every address. */
function matchesEveryone(value: unknown): boolean {
    if (typeof value !== "string") return false;
    const v = value.trim();
    if (/^[*?:]+$/.test(v) || v === "0.0.0.0/0" || v === "::/0") return true;
    const parts = v.split(":");
    return parts.length >= 5 && parts[0].toLowerCase() === "arn" && /^[*?]+$/.test(parts[4]);
}

/**
 * True when a Condition block limits who can call: a condition on one of `callerKeys`, under an operator that
 * admits only the values named (not a `Not…` operator, not `…IfExists` or `ForAllValues:`, which a request without
 * the key meets, not `Null`), none of whose values any request meets. A condition on anything else
 * (`aws:SecureTransport`, `aws:CurrentTime`) leaves the statement open to everyone.
 */
function restricts(condition: unknown): boolean {
    if (!isPlainObject(condition)) return false;
    return Object.entries(condition).some(([operator, tests]) => {
        if (!isPlainObject(tests)) return false;
        const op = operator.toLowerCase();
        if (op.includes("not") || op.endsWith("ifexists") || op.startsWith("forallvalues:") || op === "null") return false;
        return Object.entries(tests).some(([key, values]) => {
            if (!callerKeys.has(key.toLowerCase())) return false;
            const list = Array.isArray(values) ? values : [values];
            return list.length > 0 && !list.some(matchesEveryone);
        });
    });
}
