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

/** `"*"`, or `"*"` for any kind of principal (`{"AWS": "*"}`, `{"AWS": ["*"]}`, `{"Federated": "*"}`). */
function isEveryone(principal: unknown): boolean {
    if (principal === "*") return true;
    if (!isPlainObject(principal)) return false;
    return Object.values(principal).some((v) => v === "*" || (Array.isArray(v) && v.includes("*")));
}

/**
 * True when a Condition block can restrict who is allowed: it has at least one condition whose values are
 * not all wildcards under a `*Like` operator (`{"StringLike": {"aws:PrincipalArn": "*"}}` matches anyone).
 */
function restricts(condition: unknown): boolean {
    if (!isPlainObject(condition)) return false;
    return Object.entries(condition).some(([operator, tests]) => {
        if (!isPlainObject(tests)) return false;
        const wildcardOperator = /like(ifexists)?$/i.test(operator);
        return Object.values(tests).some((values) => {
            const list = Array.isArray(values) ? values : [values];
            if (list.length === 0) return false;
            return !(wildcardOperator && list.every((v) => typeof v === "string" && /^\*+$/.test(v)));
        });
    });
}
